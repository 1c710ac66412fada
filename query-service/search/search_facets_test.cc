// SearchDocuments filters on entities, topics, event types and story, its
// facets, and listing by filters without words, over documents in several
// languages ingested through the real ingest path with the understanding
// layer into a real store, read through a follower.
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/rpc/status.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest-service/extract/understanding.h"
#include "ingest-service/ingester.h"
#include "ingest-service/normalize/normalizer.h"
#include "query-service/search/searcher.h"

namespace accord::query {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

struct FacetArticle {
  std::string key;
  std::string text;
  int64_t published = 0;  // 0: unknown
};

// 2024-12-10, 2024-11-20, 2024-11-05 and 2023-03-15, UTC noon.
constexpr int64_t kDec10 = 1733832000;
constexpr int64_t kNov20 = 1732104000;
constexpr int64_t kNov05 = 1730808000;
constexpr int64_t kMar15 = 1678881600;

const std::vector<FacetArticle>& FacetCorpus() {
  static const auto* corpus = new std::vector<FacetArticle>{
      {"en-sign",
       "Vietnam and Russia sign cybercrime agreement\n\n"
       "Hanoi (VNA) – Vietnam and Russia signed an agreement on combating "
       "cybercrime in Hanoi on Tuesday. Deputy Minister of Public Security "
       "Tran Quoc Binh signed for Vietnam. The two countries will exchange "
       "information on cybercrime cases with INTERPOL.\n",
       kDec10},
      {"fr-consult",
       "La France et le Vietnam renforcent leur coopération\n\n"
       "Paris (AFP) – La France et le Vietnam ont tenu des consultations "
       "sur la sécurité de l'information à Paris. Les deux pays ont "
       "évoqué la lutte contre la cybercriminalité.\n",
       kNov20},
      {"de-meet",
       "Deutschland und Russland beraten über Cybersicherheit\n\n"
       "Berlin (dpa) – Vertreter Deutschlands und Russlands trafen sich "
       "in Berlin, um über Cybersicherheit zu sprechen. Herr Klaus Wendt "
       "leitete die Gespräche.\n",
       kNov05},
      {"es-undated",
       "España y Francia hablan de terrorismo\n\n"
       "Madrid (EFE) – España y Francia se reunieron en Madrid para "
       "hablar de la lucha contra el terrorismo.\n"},
      {"en-old",
       "Australia hosts talks on cyber norms\n\n"
       "Canberra (AAP) – Australia hosted talks on norms of responsible "
       "state behaviour in cyberspace with Vietnam.\n",
       kMar15},
  };
  return *corpus;
}

class SearchFacetsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<extract::Understanding>> understanding =
        extract::Understanding::Create(extract::UnderstandingOptions());
    ASSERT_TRUE(understanding.ok()) << understanding.status();
    understanding_ = understanding->release();
  }
  static void TearDownTestSuite() { delete understanding_; }

  void SetUp() override {
    auto store =
        store::Store::OpenPrimary(dir_.Sub("db"), store::StoreOptions());
    ASSERT_TRUE(store.ok());
    store_ = *std::move(store);
    auto analyzer = analysis::Analyzer::Create();
    ASSERT_TRUE(analyzer.ok());
    analyzer_ = *std::move(analyzer);
    ingest::IngesterOptions options;
    options.understanding = understanding_;
    options.prepare_threads = 1;
    ingester_ = std::make_unique<ingest::Ingester>(store_.get(), &normalizer_,
                                                   analyzer_.get(), options);
    for (const FacetArticle& article : FacetCorpus()) Ingest(article);
    store::FollowerOptions follower;
    follower.primary_path = dir_.Sub("db");
    follower.secondary_path = dir_.Sub("secondary");
    follower.catch_up_interval = absl::Milliseconds(10);
    follower_ = std::make_unique<store::Follower>(follower);
    follower_->Start();
    searcher_ = std::make_unique<Searcher>(follower_.get(), analyzer_.get());
  }

  void Ingest(const FacetArticle& article) {
    auto bundle = ingester_->NewBundle("test", "", "");
    ASSERT_TRUE(bundle.ok());
    accord::v1::DocumentInput input;
    input.set_content(article.text);
    input.mutable_metadata()->set_client_ref(article.key);
    if (article.published) {
      input.mutable_metadata()->mutable_publication_time()->set_seconds(
          article.published);
    }
    ASSERT_TRUE((*bundle)->Add(input).ok());
    absl::StatusOr<accord::v1::Bundle> report = (*bundle)->Commit();
    ASSERT_TRUE(report.ok());
    ASSERT_EQ(report->results(0).outcome(),
              accord::v1::DOCUMENT_OUTCOME_CREATED)
        << report->results(0).message();
    keys_[report->results(0).document_id()] = article.key;
    ids_[article.key] = report->results(0).document_id();
  }

  absl::StatusOr<accord::v1::SearchDocumentsResponse> Search(
      const accord::v1::SearchDocumentsRequest& request) {
    const uint64_t want = *store_->DocumentCount();
    absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (absl::Now() < deadline) {
      auto store = follower_->store();
      if (store && store->DocumentCount().value_or(0) == want) break;
      absl::SleepFor(absl::Milliseconds(5));
    }
    return searcher_->Search(request);
  }

  std::vector<std::string> Keys(
      const accord::v1::SearchDocumentsResponse& response) {
    std::vector<std::string> keys;
    for (const auto& hit : response.hits()) {
      keys.push_back(keys_[hit.document_id()]);
    }
    return keys;
  }

  // The stored document of `key`.
  accord::v1::Document Stored(const std::string& key) {
    absl::StatusOr<accord::v1::Document> document =
        store_->GetDocument(ids_[key]);
    EXPECT_TRUE(document.ok()) << document.status();
    return document.ok() ? *document : accord::v1::Document();
  }

  // value -> count of a facet.
  static std::map<std::string, int64_t> Counts(const accord::v1::Facet& f) {
    std::map<std::string, int64_t> counts;
    for (const auto& value : f.values()) counts[value.value()] = value.count();
    return counts;
  }

  static inline extract::Understanding* understanding_ = nullptr;
  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  normalize::Normalizer normalizer_;
  std::unique_ptr<analysis::Analyzer> analyzer_;
  std::unique_ptr<ingest::Ingester> ingester_;
  std::unique_ptr<store::Follower> follower_;
  std::unique_ptr<Searcher> searcher_;
  std::map<std::string, std::string> keys_;
  std::map<std::string, std::string> ids_;
};

// The understanding layer found what these tests filter and count by.
TEST_F(SearchFacetsTest, TheCorpusHasTheEntitiesTheTestsRelyOn) {
  auto has = [&](const std::string& key, const std::string& id) {
    const accord::v1::Document doc = Stored(key);
    for (const auto& m : doc.entity_mentions()) {
      if (m.entity_id() == id) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("en-sign", "country/VN"));
  EXPECT_TRUE(has("en-sign", "country/RU"));
  EXPECT_TRUE(has("fr-consult", "country/VN"));
  EXPECT_TRUE(has("fr-consult", "country/FR"));
  EXPECT_FALSE(has("fr-consult", "country/RU"));
  EXPECT_TRUE(has("de-meet", "country/RU"));
  EXPECT_TRUE(has("de-meet", "country/DE"));
  EXPECT_TRUE(has("es-undated", "country/ES"));
  EXPECT_TRUE(has("en-old", "country/VN"));
}

// Facets count every match, not only the page, and agree with the stored
// documents counted one by one.
TEST_F(SearchFacetsTest, FacetsCountEveryMatchAsTheDocumentsSay) {
  accord::v1::SearchDocumentsRequest request;
  request.set_query(
      "cybercrime cybersécurité cybercriminalité Cybersicherheit "
      "terrorismo norms");
  request.set_page_size(1);
  for (auto field :
       {accord::v1::FACET_FIELD_LANGUAGE, accord::v1::FACET_FIELD_COUNTRY,
        accord::v1::FACET_FIELD_TOPIC, accord::v1::FACET_FIELD_MONTH,
        accord::v1::FACET_FIELD_SOURCE, accord::v1::FACET_FIELD_EVENT_TYPE,
        accord::v1::FACET_FIELD_PERSON, accord::v1::FACET_FIELD_ORGANIZATION}) {
    request.add_facets(field);
  }
  request.set_facet_size(100);
  absl::StatusOr<accord::v1::SearchDocumentsResponse> response =
      Search(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->total_size(), 5);
  ASSERT_EQ(response->hits_size(), 1);
  ASSERT_EQ(response->facets_size(), 8);

  // Expected counts, from the stored documents.
  std::map<std::string, int64_t> countries, topics, types, people,
      organizations;
  int64_t without_people = 0, without_organizations = 0;
  for (const auto& [key, id] : ids_) {
    accord::v1::Document doc = Stored(key);
    std::set<std::string> seen_countries, seen_types, seen_people,
        seen_organizations;
    for (const auto& m : doc.entity_mentions()) {
      if (m.kind() == accord::v1::ENTITY_KIND_COUNTRY) {
        seen_countries.insert(m.entity_id());
      } else if (m.kind() == accord::v1::ENTITY_KIND_PERSON) {
        seen_people.insert(m.entity_id());
      } else if (m.kind() == accord::v1::ENTITY_KIND_ORGANIZATION) {
        seen_organizations.insert(m.entity_id());
      }
    }
    for (const std::string& c : seen_countries) ++countries[c];
    for (const std::string& p : seen_people) ++people[p];
    for (const std::string& o : seen_organizations) ++organizations[o];
    without_people += seen_people.empty();
    without_organizations += seen_organizations.empty();
    for (const auto& t : doc.topics()) ++topics[t.topic_id()];
    for (const auto& e : doc.events()) {
      seen_types.insert(accord::v1::EventType_Name(e.type()));
    }
    for (const std::string& t : seen_types) ++types[t];
  }

  const accord::v1::Facet& languages = response->facets(0);
  EXPECT_EQ(languages.field(), accord::v1::FACET_FIELD_LANGUAGE);
  EXPECT_THAT(Counts(languages),
              (std::map<std::string, int64_t>{
                  {"de", 1}, {"en", 2}, {"es", 1}, {"fr", 1}}));
  // Most documents first, ties by value; labels from ICU.
  EXPECT_EQ(languages.values(0).value(), "en");
  EXPECT_EQ(languages.values(0).label(), "English");
  EXPECT_EQ(languages.values(1).value(), "de");
  EXPECT_EQ(languages.values(1).label(), "German");
  EXPECT_EQ(languages.distinct_values(), 4);
  EXPECT_EQ(languages.missing_count(), 0);

  const accord::v1::Facet& country = response->facets(1);
  EXPECT_EQ(Counts(country), countries);
  EXPECT_EQ(Counts(country)["country/VN"], 3);
  EXPECT_EQ(Counts(country)["country/RU"], 2);
  for (const auto& value : country.values()) {
    if (value.value() == "country/VN") {
      EXPECT_EQ(value.label(), "Vietnam");
    }
  }
  EXPECT_EQ(country.values(0).value(), "country/VN");

  EXPECT_EQ(Counts(response->facets(2)), topics);
  EXPECT_FALSE(topics.empty());

  // Months newest first; the undated Spanish document is missing.
  const accord::v1::Facet& months = response->facets(3);
  ASSERT_EQ(months.values_size(), 3);
  EXPECT_EQ(months.values(0).value(), "2024-12");
  EXPECT_EQ(months.values(0).count(), 1);
  EXPECT_EQ(months.values(1).value(), "2024-11");
  EXPECT_EQ(months.values(1).count(), 2);
  EXPECT_EQ(months.values(2).value(), "2023-03");
  EXPECT_EQ(months.missing_count(), 1);

  const std::map<std::string, int64_t> sources = Counts(response->facets(4));
  EXPECT_EQ(sources.at("vna"), 1);
  EXPECT_EQ(sources.at("afp"), 1);
  EXPECT_EQ(sources.at("dpa"), 1);

  EXPECT_EQ(Counts(response->facets(5)), types);

  // People and organizations: each kind's own entities, and the matches
  // without any of that kind.
  EXPECT_EQ(Counts(response->facets(6)), people);
  EXPECT_FALSE(people.empty());
  EXPECT_EQ(response->facets(6).missing_count(), without_people);
  EXPECT_EQ(Counts(response->facets(7)), organizations);
  EXPECT_FALSE(organizations.empty());
  EXPECT_EQ(response->facets(7).missing_count(), without_organizations);
  EXPECT_EQ(country.missing_count(), 0);

  // facet_size cuts the values, not distinct_values.
  request.set_facet_size(1);
  response = Search(request);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->facets(1).values_size(), 1);
  EXPECT_EQ(response->facets(1).distinct_values(),
            static_cast<int64_t>(countries.size()));
}

TEST_F(SearchFacetsTest, FiltersOnEntitiesTopicsEventTypesAndStory) {
  accord::v1::SearchDocumentsRequest request;
  request.set_query(
      "cybercrime cybersécurité cybercriminalité Cybersicherheit "
      "terrorismo norms");
  request.set_page_size(100);
  // Every entity named.
  request.add_entity_ids("country/VN");
  absl::StatusOr<accord::v1::SearchDocumentsResponse> response =
      Search(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Keys(*response),
              UnorderedElementsAre("en-sign", "fr-consult", "en-old"));
  request.add_entity_ids("country/RU");
  response = Search(request);
  ASSERT_TRUE(response.ok());
  EXPECT_THAT(Keys(*response), ElementsAre("en-sign"));
  // An entity no document names matches nothing.
  request.add_entity_ids("person/nobody-at-all");
  response = Search(request);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->total_size(), 0);

  // Any of the topics, as the documents carry them.
  request.clear_entity_ids();
  const accord::v1::Document signed_doc = Stored("en-sign");
  ASSERT_GT(signed_doc.topics_size(), 0);
  const std::string topic = signed_doc.topics(0).topic_id();
  request.add_topic_ids(topic);
  response = Search(request);
  ASSERT_TRUE(response.ok());
  for (const auto& hit : response->hits()) {
    bool carries = false;
    const accord::v1::Document doc = Stored(keys_[hit.document_id()]);
    for (const auto& t : doc.topics()) {
      carries = carries || t.topic_id() == topic;
    }
    EXPECT_TRUE(carries) << keys_[hit.document_id()];
  }
  EXPECT_THAT(Keys(*response), ::testing::Contains("en-sign"));

  // Event types.
  request.clear_topic_ids();
  ASSERT_GT(signed_doc.events_size(), 0);
  request.add_event_types(signed_doc.events(0).type());
  response = Search(request);
  ASSERT_TRUE(response.ok());
  EXPECT_THAT(Keys(*response), ::testing::Contains("en-sign"));
  for (const auto& hit : response->hits()) {
    bool reports = false;
    const accord::v1::Document doc = Stored(keys_[hit.document_id()]);
    for (const auto& e : doc.events()) {
      reports = reports || e.type() == signed_doc.events(0).type();
    }
    EXPECT_TRUE(reports) << keys_[hit.document_id()];
  }

  // The story a document belongs to.
  request.clear_event_types();
  absl::StatusOr<std::string> story = store_->StoryOfDocument(ids_["de-meet"]);
  ASSERT_TRUE(story.ok()) << story.status();
  request.set_story_id(*story);
  response = Search(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Keys(*response), ::testing::Contains("de-meet"));
  EXPECT_THAT(Keys(*response), ::testing::Not(::testing::Contains("en-old")));
  request.set_story_id("st-" + std::string(32, '0'));
  response = Search(request);
  EXPECT_TRUE(absl::IsNotFound(response.status())) << response.status();
  EXPECT_EQ(rpc::ErrorReasonOf(response.status()), "STORY_NOT_FOUND");
}

TEST_F(SearchFacetsTest, WithoutWordsListsWhatPassesTheFiltersNewestFirst) {
  accord::v1::SearchDocumentsRequest request;
  request.add_entity_ids("country/VN");
  request.add_facets(accord::v1::FACET_FIELD_LANGUAGE);
  request.set_page_size(2);
  absl::StatusOr<accord::v1::SearchDocumentsResponse> response =
      Search(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->total_size(), 3);
  EXPECT_THAT(Keys(*response), ElementsAre("en-sign", "fr-consult"));
  EXPECT_THAT(Counts(response->facets(0)),
              (std::map<std::string, int64_t>{{"en", 2}, {"fr", 1}}));
  ASSERT_FALSE(response->next_page_token().empty());
  request.set_page_token(response->next_page_token());
  response = Search(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Keys(*response), ElementsAre("en-old"));
  // The facets are the same on every page.
  EXPECT_THAT(Counts(response->facets(0)),
              (std::map<std::string, int64_t>{{"en", 2}, {"fr", 1}}));

  // Undated documents come last: all five by language filter only.
  accord::v1::SearchDocumentsRequest all;
  for (const char* language : {"en", "fr", "de", "es"}) {
    all.add_languages(language);
  }
  all.set_page_size(10);
  response = Search(all);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Keys(*response), ElementsAre("en-sign", "fr-consult", "de-meet",
                                           "en-old", "es-undated"));

  // Neither words nor filters: refused, saying what to give.
  accord::v1::SearchDocumentsRequest bare;
  bare.add_facets(accord::v1::FACET_FIELD_LANGUAGE);
  response = Search(bare);
  EXPECT_TRUE(absl::IsInvalidArgument(response.status()));
  EXPECT_EQ(rpc::ErrorReasonOf(response.status()), "INVALID_QUERY");
  EXPECT_THAT(std::string(response.status().message()),
              ::testing::HasSubstr("filters"));
}

TEST_F(SearchFacetsTest, StatsCountEveryDocumentByLanguageSourceTopicMonth) {
  // Through a search first, so the follower has caught up.
  accord::v1::SearchDocumentsRequest warm;
  warm.set_query("cybercrime");
  ASSERT_TRUE(Search(warm).ok());
  absl::StatusOr<accord::v1::GetStatsResponse> stats =
      searcher_->Stats(accord::v1::GetStatsRequest());
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->document_count(), 5);
  ASSERT_EQ(stats->facets_size(), 4);
  EXPECT_EQ(stats->facets(0).field(), accord::v1::FACET_FIELD_LANGUAGE);
  EXPECT_THAT(Counts(stats->facets(0)),
              (std::map<std::string, int64_t>{
                  {"de", 1}, {"en", 2}, {"es", 1}, {"fr", 1}}));
  EXPECT_EQ(stats->facets(1).field(), accord::v1::FACET_FIELD_SOURCE);
  EXPECT_EQ(Counts(stats->facets(1)).at("efe"), 1);
  EXPECT_EQ(stats->facets(2).field(), accord::v1::FACET_FIELD_TOPIC);
  std::map<std::string, int64_t> topics;
  for (const auto& [key, id] : ids_) {
    const accord::v1::Document doc = Stored(key);
    for (const auto& t : doc.topics()) ++topics[t.topic_id()];
  }
  EXPECT_EQ(Counts(stats->facets(2)), topics);
  EXPECT_EQ(stats->facets(3).field(), accord::v1::FACET_FIELD_MONTH);
  EXPECT_EQ(stats->facets(3).values(0).value(), "2024-12");
  EXPECT_EQ(stats->facets(3).missing_count(), 1);

  accord::v1::GetStatsRequest people;
  people.add_fields(accord::v1::FACET_FIELD_COUNTRY);
  people.set_max_values(1);
  stats = searcher_->Stats(people);
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(stats->facets(0).values_size(), 1);
  EXPECT_EQ(stats->facets(0).values(0).value(), "country/VN");
  EXPECT_EQ(stats->facets(0).values(0).label(), "Vietnam");

  accord::v1::GetStatsRequest bad;
  bad.set_max_values(1001);
  EXPECT_EQ(rpc::ErrorReasonOf(searcher_->Stats(bad).status()),
            "INVALID_FACETS");
}

TEST_F(SearchFacetsTest, RefusesMalformedFiltersAndFacets) {
  auto refused = [&](accord::v1::SearchDocumentsRequest request,
                     const std::string& reason, const std::string& field) {
    request.set_query("cybercrime");
    absl::StatusOr<accord::v1::SearchDocumentsResponse> response =
        Search(request);
    EXPECT_TRUE(absl::IsInvalidArgument(response.status()))
        << field << ": " << response.status();
    EXPECT_EQ(rpc::ErrorReasonOf(response.status()), reason) << field;
    EXPECT_THAT(std::string(response.status().message()),
                ::testing::HasSubstr(field));
  };
  accord::v1::SearchDocumentsRequest r;
  r.add_entity_ids("Vietnam");
  refused(r, "INVALID_FILTER", "entity_ids");
  r.Clear();
  for (int i = 0; i < 11; ++i) r.add_entity_ids(absl::StrCat("country/X", i));
  refused(r, "INVALID_FILTER", "entity_ids");
  r.Clear();
  r.add_topic_ids("cybercrime");
  refused(r, "INVALID_FILTER", "topic_ids");
  r.Clear();
  r.add_event_types(static_cast<accord::v1::EventType>(99));
  refused(r, "INVALID_FILTER", "event_types");
  r.Clear();
  r.add_event_types(accord::v1::EVENT_TYPE_UNSPECIFIED);
  refused(r, "INVALID_FILTER", "event_types");
  r.Clear();
  r.set_story_id("story-1");
  refused(r, "INVALID_FILTER", "story_id");
  r.Clear();
  r.add_facets(accord::v1::FACET_FIELD_UNSPECIFIED);
  refused(r, "INVALID_FACETS", "facets");
  r.Clear();
  r.add_facets(accord::v1::FACET_FIELD_TOPIC);
  r.add_facets(accord::v1::FACET_FIELD_TOPIC);
  refused(r, "INVALID_FACETS", "facets");
  r.Clear();
  r.add_facets(accord::v1::FACET_FIELD_TOPIC);
  r.set_facet_size(101);
  refused(r, "INVALID_FACETS", "facet_size");
}

}  // namespace
}  // namespace accord::query
