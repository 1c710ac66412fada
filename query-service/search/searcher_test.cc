// SearchDocuments over a small corpus whose ranking can be reasoned out by
// hand, ingested through the real ingest path into a real store.
#include "query-service/search/searcher.h"

#include <cmath>
#include <map>

#include "absl/time/clock.h"
#include "common/index/document_terms.h"
#include "common/rpc/status.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest-service/ingester.h"
#include "ingest-service/normalize/normalizer.h"

namespace accord::query {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

struct Article {
  std::string key;
  std::string text;
  int64_t published = 0;  // 0: unknown
};

const std::vector<Article>& Corpus() {
  static const auto* corpus = new std::vector<Article>{
      {"A",
       "Cyber norms talks\n\nGeneva (AP) – Security officials discussed "
       "security and more security at the talks.\n",
       1590000000},
      {"B",
       "Trade meeting held\n\nParis (AFP) – Ministers discussed trade, "
       "tariffs, agriculture, fisheries, transport, energy, tourism, "
       "education and, briefly, security of supply chains across the whole "
       "region over two long days of meetings.\n"},
      {"C",
       "La Russie et le Vietnam\n\nHanoï (VNA) – Le président Poutine a "
       "évoqué la sécurité de l’information internationale.\n"},
      {"D",
       "Hanoi-Konvention unterzeichnet\n\nHanoi (VNA) – Die Bekämpfung der "
       "Cyberkriminalität steht im Mittelpunkt der Konvention.\n"},
      {"E",
       "Information security dialogue\n\nMoscow (TASS) – The dialogue "
       "covered information security and the security of information "
       "systems.\n",
       1710000000},
      {"F",
       "Đối thoại an ninh mạng\n\nĐà Nẵng (TTXVN) – Chủ tịch nước Trần Đại "
       "Quang tiếp Tổng thống Nga.\n"},
  };
  return *corpus;
}

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store =
        store::Store::OpenPrimary(dir_.Sub("db"), store::StoreOptions());
    ASSERT_TRUE(store.ok());
    store_ = *std::move(store);
    auto analyzer = analysis::Analyzer::Create();
    ASSERT_TRUE(analyzer.ok());
    analyzer_ = *std::move(analyzer);
    ingester_ = std::make_unique<ingest::Ingester>(
        store_.get(), &normalizer_, analyzer_.get(), ingest::IngesterOptions());
    for (const Article& article : Corpus()) Ingest(article);
    store::FollowerOptions options;
    options.primary_path = dir_.Sub("db");
    options.secondary_path = dir_.Sub("secondary");
    options.catch_up_interval = absl::Milliseconds(10);
    follower_ = std::make_unique<store::Follower>(options);
    follower_->Start();
    searcher_ = std::make_unique<Searcher>(follower_.get(), analyzer_.get());
  }

  void Ingest(const Article& article) {
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
  }

  // Runs a search through the follower, waiting until it has caught up.
  absl::StatusOr<accord::v1::SearchDocumentsResponse> Search(
      accord::v1::SearchDocumentsRequest request) {
    const uint64_t want = *store_->DocumentCount();
    absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (absl::Now() < deadline) {
      auto store = follower_->store();
      if (store && store->DocumentCount().value_or(0) == want) break;
      absl::SleepFor(absl::Milliseconds(5));
    }
    return searcher_->Search(request);
  }

  std::vector<std::string> Keys(const std::string& query,
                                std::vector<std::string> languages = {}) {
    accord::v1::SearchDocumentsRequest request;
    request.set_query(query);
    for (const auto& l : languages) request.add_languages(l);
    auto response = Search(request);
    EXPECT_TRUE(response.ok()) << response.status();
    std::vector<std::string> keys;
    if (response.ok()) {
      for (const auto& hit : response->hits())
        keys.push_back(keys_[hit.document_id()]);
    }
    return keys;
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  normalize::Normalizer normalizer_;
  std::unique_ptr<analysis::Analyzer> analyzer_;
  std::unique_ptr<ingest::Ingester> ingester_;
  std::unique_ptr<store::Follower> follower_;
  std::unique_ptr<Searcher> searcher_;
  std::map<std::string, std::string> keys_;
};

TEST_F(SearcherTest, FrequentShortBeatsRareLong) {
  std::vector<std::string> keys = Keys("security", {"en"});
  ASSERT_EQ(keys.size(), 3u);
  // A says security three times in few words, E twice, B once in many.
  EXPECT_EQ(keys[0], "A");
  EXPECT_EQ(keys[1], "E");
  EXPECT_EQ(keys[2], "B");
}

TEST_F(SearcherTest, ScoreIsBm25OverTheSnapshot) {
  accord::v1::SearchDocumentsRequest request;
  request.set_query("tariffs");
  auto ranked = searcher_->Rank(request, *store_);
  ASSERT_TRUE(ranked.ok()) << ranked.status();
  ASSERT_EQ(ranked->docs.size(), 1u);
  // Recompute by hand from the stored documents.
  double total_length = 0, b_length = 0;
  for (uint64_t seq = 0; seq < 6; ++seq) {
    auto id = store_->GetDocumentIds({seq})[0];
    auto doc = store_->GetDocument(*id);
    double length = index::BuildDocumentTerms(*analyzer_, *doc).length;
    total_length += length;
    if (seq == ranked->docs[0]) b_length = length;
  }
  const double n = 6, df = 1, tf = 1, k1 = 1.2, b = 0.75;
  const double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
  const double expected =
      idf * tf * (k1 + 1) /
      (tf + k1 * (1 - b + b * b_length / (total_length / n)));
  EXPECT_NEAR(ranked->scores[0], expected, 1e-9);
}

TEST_F(SearcherTest, FindsAcrossLanguagesSpellingsAndDiacritics) {
  EXPECT_THAT(Keys("Poutine"), ElementsAre("C"));
  EXPECT_THAT(Keys("Cyberkriminalität"), ElementsAre("D"));
  EXPECT_THAT(Keys("cyberkriminalitaet"), ElementsAre());
  EXPECT_THAT(Keys("Tran Dai Quang"), ElementsAre("F"));
  EXPECT_THAT(Keys("\"Da Nang\""), ElementsAre("F"));
  EXPECT_THAT(Keys("Hanoi"), UnorderedElementsAre("C", "D"));
}

TEST_F(SearcherTest, PhrasesNeedConsecutiveWords) {
  EXPECT_THAT(Keys("\"information security\""), ElementsAre("E"));
  EXPECT_THAT(Keys("\"security information\""), ElementsAre());
  EXPECT_THAT(Keys("\"security of supply\""), ElementsAre("B"));
}

TEST_F(SearcherTest, RequiredAndExcludedClauses) {
  // French "sécurité" shares the stem, so C matches "security" too.
  EXPECT_THAT(Keys("+security -trade"), UnorderedElementsAre("A", "C", "E"));
  EXPECT_THAT(Keys("+security -trade", {"en"}), UnorderedElementsAre("A", "E"));
  EXPECT_THAT(Keys("+security +\"information security\""), ElementsAre("E"));
  EXPECT_THAT(Keys("Hanoi -Cyberkriminalität"), ElementsAre("C"));
}

TEST_F(SearcherTest, FiltersOnLanguageSourceAndDate) {
  EXPECT_THAT(Keys("Hanoi", {"de"}), ElementsAre("D"));
  EXPECT_THAT(Keys("Hanoi", {"fr", "en"}), ElementsAre("C"));
  EXPECT_THAT(Keys("Hanoi", {"ja"}), ElementsAre());

  accord::v1::SearchDocumentsRequest request;
  request.set_query("security");
  request.add_languages("en");
  request.add_sources("tass");
  auto response = Search(request);
  ASSERT_TRUE(response.ok());
  ASSERT_EQ(response->hits_size(), 1);
  EXPECT_EQ(keys_[response->hits(0).document_id()], "E");

  request.clear_sources();
  request.mutable_published_after()->set_seconds(1600000000);
  response = Search(request);
  ASSERT_TRUE(response.ok());
  ASSERT_EQ(response->total_size(), 1);
  EXPECT_EQ(keys_[response->hits(0).document_id()], "E");
  request.clear_published_after();
  request.mutable_published_before()->set_seconds(1600000000);
  response = Search(request);
  ASSERT_TRUE(response.ok());
  ASSERT_EQ(response->total_size(), 1);  // undated documents are out
  EXPECT_EQ(keys_[response->hits(0).document_id()], "A");
}

TEST_F(SearcherTest, HitsCarryTitleLanguageAndMarkedSnippets) {
  accord::v1::SearchDocumentsRequest request;
  request.set_query("Poutine");
  auto response = Search(request);
  ASSERT_TRUE(response.ok());
  ASSERT_EQ(response->hits_size(), 1);
  const accord::v1::SearchHit& hit = response->hits(0);
  EXPECT_EQ(hit.title(), "La Russie et le Vietnam");
  EXPECT_EQ(hit.language(), "fr");
  EXPECT_GT(hit.score(), 0);
  ASSERT_GE(hit.snippets_size(), 1);
  EXPECT_NE(hit.snippets(0).marked_text().find("<mark>Poutine</mark>"),
            std::string::npos);
  EXPECT_TRUE(response->next_page_token().empty());
}

TEST_F(SearcherTest, PagesStayStableWhileDocumentsArrive) {
  accord::v1::SearchDocumentsRequest request;
  request.set_query("security");
  request.set_page_size(1);
  auto first = Search(request);
  ASSERT_TRUE(first.ok());
  const int64_t total = first->total_size();
  ASSERT_GE(total, 3);
  std::vector<std::string> seen = {first->hits(0).document_id()};
  std::string token = first->next_page_token();
  // A document that would rank first arrives between pages.
  Ingest({"G",
          "Security security\n\nRome (ANSA) – Security, security, "
          "security.\n"});
  while (!token.empty()) {
    request.set_page_token(token);
    auto page = Search(request);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_EQ(page->total_size(), total);
    for (const auto& hit : page->hits()) seen.push_back(hit.document_id());
    token = page->next_page_token();
  }
  ASSERT_EQ(static_cast<int64_t>(seen.size()), total);
  std::set<std::string> unique(seen.begin(), seen.end());
  EXPECT_EQ(unique.size(), seen.size());
  for (const std::string& id : seen) EXPECT_NE(keys_[id], "G");
  // A new search sees the new document first.
  EXPECT_EQ(Keys("security")[0], "G");
}

TEST_F(SearcherTest, BadRequestsGetInvalidArgumentWithAReason) {
  accord::v1::SearchDocumentsRequest request;
  for (const char* query : {"\"unclosed", "-only -excluded", "", "+"}) {
    request.set_query(query);
    absl::Status status = Search(request).status();
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << query;
    EXPECT_EQ(rpc::ErrorReasonOf(status), "INVALID_QUERY") << query;
    EXPECT_FALSE(status.message().empty());
  }
  request.set_query("security");
  request.set_page_token("not-a-token");
  EXPECT_EQ(rpc::ErrorReasonOf(Search(request).status()), "INVALID_PAGE_TOKEN");

  request.clear_page_token();
  request.set_page_size(1);
  auto first = Search(request);
  ASSERT_TRUE(first.ok());
  accord::v1::SearchDocumentsRequest other;
  other.set_query("trade");
  other.set_page_token(first->next_page_token());
  EXPECT_EQ(rpc::ErrorReasonOf(Search(other).status()), "INVALID_PAGE_TOKEN");

  accord::v1::SearchDocumentsRequest bad_filter;
  bad_filter.set_query("security");
  bad_filter.add_languages("EN");
  EXPECT_EQ(rpc::ErrorReasonOf(Search(bad_filter).status()), "INVALID_FILTER");
  bad_filter.clear_languages();
  bad_filter.mutable_published_after()->set_seconds(10);
  bad_filter.mutable_published_before()->set_seconds(5);
  EXPECT_EQ(rpc::ErrorReasonOf(Search(bad_filter).status()), "INVALID_FILTER");
}

TEST_F(SearcherTest, StopsWhenTheCallerNoLongerWaits) {
  accord::v1::SearchDocumentsRequest request;
  request.set_query("security cooperation");
  ASSERT_TRUE(Search(request).ok());

  absl::StatusOr<accord::v1::SearchDocumentsResponse> late = searcher_->Search(
      request, CallDeadline(absl::Now() - absl::Milliseconds(1)));
  EXPECT_TRUE(absl::IsDeadlineExceeded(late.status())) << late.status();

  // Cancelled after ranking began: the remaining clauses and the snippets
  // of the page are not worked on.
  int checks = 0;
  absl::StatusOr<accord::v1::SearchDocumentsResponse> cancelled =
      searcher_->Search(
          request,
          CallDeadline(
              absl::InfiniteFuture(), [&checks] { return ++checks > 1; },
              /*cancel_check_interval=*/absl::ZeroDuration()));
  EXPECT_TRUE(absl::IsCancelled(cancelled.status())) << cancelled.status();
}

}  // namespace
}  // namespace accord::query
