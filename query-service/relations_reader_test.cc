// RelationsReader over a real store and follower: shared events (by name
// and through who acts for a country) and shared documents, their topics
// and dates, order, kinds, paging on one snapshot, truncation and refused
// requests.
#include "query-service/relations_reader.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/rpc/status.h"
#include "common/store/schema.h"
#include "common/store/store.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::query {
namespace {

using ::testing::ElementsAre;

// An event participant; `countries` are the ones it acts for.
struct Who {
  std::string id;
  std::vector<std::string> countries = {};
};

struct Event {
  accord::v1::EventType type = accord::v1::EVENT_TYPE_MEETING;
  std::string iso;  // "" for undated
  int year = 0;
  std::vector<Who> who;
  std::vector<std::string> topics;
};

class RelationsReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.primary_path = dir_.Sub("db");
    options_.secondary_path = dir_.Sub("secondary");
    options_.catch_up_interval = absl::Milliseconds(20);
    options_.open_retry_interval = absl::Milliseconds(20);
    absl::StatusOr<std::unique_ptr<store::Store>> primary =
        store::Store::OpenPrimary(options_.primary_path, store::StoreOptions());
    ASSERT_TRUE(primary.ok()) << primary.status();
    primary_ = *std::move(primary);
    // a: Vietnam meets a French minister (2019-03-05) on cybercrime.
    Store('a', {"country/VN", "country/FR", "person/minister"},
          Event{accord::v1::EVENT_TYPE_MEETING,
                "2019-03-05",
                2019,
                {{"country/VN"}, {"person/minister", {"country/FR"}}},
                {"topic/cybercrime"}});
    // b: Vietnam and the UN named together, no event.
    Store('b', {"country/VN", "org/un"}, std::nullopt);
    // c: Vietnam and France sign (2017) on cybercrime and norms.
    Store('c', {"country/VN", "country/FR"},
          Event{accord::v1::EVENT_TYPE_SIGNING,
                "2017",
                2017,
                {{"country/VN"}, {"country/FR"}},
                {"topic/cybercrime", "topic/norms"}});
    // d: France and Germany: nothing of Vietnam's.
    Store('d', {"country/FR", "country/DE"},
          Event{accord::v1::EVENT_TYPE_MEETING,
                "",
                0,
                {{"country/FR"}, {"country/DE"}},
                {}});
    follower_ = std::make_unique<store::Follower>(options_);
    follower_->Start();
    WaitForDocuments(4);
  }

  // Stores document `c` mentioning `entities`, reporting `event` if any.
  void Store(char c, const std::vector<std::string>& entities,
             std::optional<Event> event) {
    std::vector<store::PendingDocument> docs(1);
    store::PendingDocument& doc = docs[0];
    doc.document().set_id(std::string(store::kDocumentIdLength, c));
    doc.document().mutable_language()->set_code("en");
    doc.raw_content = std::string("raw ") + c;
    for (const std::string& id : entities) {
      accord::v1::EntityMention* m = doc.document().add_entity_mentions();
      m->set_entity_id(id);
      m->set_canonical_name(absl::StrCat("name of ", id));
      m->set_kind(store::EntityKindOfId(id));
      store::PendingEntity& pending = doc.entities.emplace_back();
      pending.entity.set_id(id);
      pending.entity.set_kind(store::EntityKindOfId(id));
      pending.entity.set_canonical_name(m->canonical_name());
      pending.entity.set_mention_count(1);
    }
    if (event) {
      accord::v1::EventMention mention;
      mention.set_type(event->type);
      if (!event->iso.empty()) {
        mention.mutable_date()->mutable_value()->set_iso8601(event->iso);
        mention.mutable_date()->mutable_value()->set_year(event->year);
      }
      for (const Who& w : event->who) {
        accord::v1::EventEntity* p = mention.add_participants();
        p->set_entity_id(w.id);
        p->set_name(absl::StrCat("name of ", w.id));
        p->set_kind(store::EntityKindOfId(w.id));
        for (const std::string& country : w.countries) {
          p->add_country_ids(country);
        }
      }
      for (const std::string& topic : event->topics) {
        mention.add_topic_ids(topic);
      }
      *doc.document().add_events() = mention;
      store::PendingEventReport& report = doc.events.emplace_back();
      report.event_id = store::EventIdOf(doc.document().id(), 0);
      report.creates = true;
      report.report.set_document_id(doc.document().id());
      report.report.set_language("en");
      *report.report.mutable_mention() = std::move(mention);
    }
    accord::v1::Bundle bundle;
    bundle.set_id(absl::StrCat("bundle-", std::string(1, c)));
    bundle.add_results();
    absl::Status committed = primary_->CommitBundle(&docs, &bundle);
    ASSERT_TRUE(committed.ok()) << committed;
  }

  void WaitForDocuments(uint64_t count) {
    absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (absl::Now() < deadline) {
      auto store = follower_->store();
      if (store && *store->DocumentCount() >= count) return;
      absl::SleepFor(absl::Milliseconds(10));
    }
    FAIL() << "follower did not catch up to " << count << " documents";
  }

  absl::StatusOr<accord::v1::GetRelationsResponse> Get(
      const accord::v1::GetRelationsRequest& request,
      RelationsOptions options = RelationsOptions()) {
    return RelationsReader(follower_.get(), options)
        .GetRelations(request, CallDeadline());
  }

  // "<id> events=<n> documents=<n>" of each relation.
  static std::vector<std::string> Summary(
      const accord::v1::GetRelationsResponse& response) {
    std::vector<std::string> out;
    for (const accord::v1::Relation& r : response.relations()) {
      out.push_back(absl::StrCat(r.entity_id(), " events=", r.event_count(),
                                 " documents=", r.document_count()));
    }
    return out;
  }

  testing::TempDir dir_;
  store::FollowerOptions options_;
  std::unique_ptr<store::Store> primary_;
  std::unique_ptr<store::Follower> follower_;
};

accord::v1::GetRelationsRequest Of(const std::string& id) {
  accord::v1::GetRelationsRequest request;
  request.set_entity_id(id);
  return request;
}

TEST_F(RelationsReaderTest, SharedEventsThenSharedDocumentsWithTheirEvidence) {
  absl::StatusOr<accord::v1::GetRelationsResponse> response =
      Get(Of("country/VN"));
  ASSERT_TRUE(response.ok()) << response.status();
  // France: at c by name, at a through its minister; Germany never.
  EXPECT_THAT(Summary(*response),
              ElementsAre("country/FR events=2 documents=2",
                          "person/minister events=1 documents=1",
                          "org/un events=0 documents=1"));
  const accord::v1::Relation& france = response->relations(0);
  EXPECT_EQ(france.name(), "name of country/FR");
  EXPECT_EQ(france.kind(), accord::v1::ENTITY_KIND_COUNTRY);
  ASSERT_EQ(france.topics_size(), 2);
  EXPECT_EQ(france.topics(0).topic_id(), "topic/cybercrime");
  EXPECT_EQ(france.topics(0).event_count(), 2u);
  EXPECT_EQ(france.topics(1).topic_id(), "topic/norms");
  EXPECT_EQ(france.first_date(), "2017");
  EXPECT_EQ(france.last_date(), "2019-03-05");
  const std::string a(store::kDocumentIdLength, 'a');
  const std::string c(store::kDocumentIdLength, 'c');
  EXPECT_THAT(france.event_ids(),
              ElementsAre(store::EventIdOf(a, 0), store::EventIdOf(c, 0)));
  EXPECT_THAT(france.document_ids(), ElementsAre(c, a));  // most recent first
  EXPECT_EQ(response->events_read(), 2u);
  EXPECT_EQ(response->documents_read(), 3u);
  EXPECT_FALSE(response->truncated());

  // From the other side: France's relations include Vietnam and Germany.
  response = Get(Of("country/FR"));
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Summary(*response),
              ElementsAre("country/VN events=2 documents=2",
                          "country/DE events=1 documents=1",
                          "person/minister events=1 documents=1"));
}

TEST_F(RelationsReaderTest, KindsEvidencePagingAndTruncation) {
  accord::v1::GetRelationsRequest request = Of("country/VN");
  request.add_kinds(accord::v1::ENTITY_KIND_PERSON);
  absl::StatusOr<accord::v1::GetRelationsResponse> response = Get(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Summary(*response),
              ElementsAre("person/minister events=1 documents=1"));

  request = Of("country/VN");
  request.set_max_evidence(1);
  request.set_page_size(1);
  response = Get(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->relations_size(), 1);
  EXPECT_EQ(response->relations(0).event_ids_size(), 1);
  EXPECT_EQ(response->relations(0).document_ids_size(), 1);
  EXPECT_EQ(response->total_size(), 3);
  // A document naming Vietnam with ASEAN arrives between the pages.
  Store('e', {"country/VN", "org/asean"}, std::nullopt);
  WaitForDocuments(5);
  std::vector<std::string> seen = Summary(*response);
  while (!response->next_page_token().empty()) {
    request.set_page_token(response->next_page_token());
    response = Get(request);
    ASSERT_TRUE(response.ok()) << response.status();
    EXPECT_EQ(response->total_size(), 3);
    for (std::string& line : Summary(*response)) seen.push_back(line);
  }
  EXPECT_THAT(seen, ElementsAre("country/FR events=2 documents=2",
                                "person/minister events=1 documents=1",
                                "org/un events=0 documents=1"));

  // Reading one document only: fewer shared documents, and it says so.
  RelationsOptions one;
  one.max_documents = 1;
  response = Get(Of("country/VN"), one);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_TRUE(response->truncated());
  EXPECT_EQ(response->documents_read(), 1u);
}

TEST_F(RelationsReaderTest, RefusesBadRequestsWithTheirReason) {
  auto reason = [&](const accord::v1::GetRelationsRequest& request) {
    absl::StatusOr<accord::v1::GetRelationsResponse> response = Get(request);
    EXPECT_FALSE(response.ok());
    return rpc::ErrorReasonOf(response.status());
  };
  EXPECT_EQ(reason(Of("VN")), "INVALID_ENTITY_ID");
  EXPECT_EQ(reason(Of("country/ZW")), "ENTITY_NOT_FOUND");
  accord::v1::GetRelationsRequest request = Of("country/VN");
  request.set_max_evidence(kMaxRelationEvidence + 1);
  EXPECT_EQ(reason(request), "INVALID_MAX_EVIDENCE");
  request = Of("country/VN");
  request.add_kinds(static_cast<accord::v1::EntityKind>(99));
  EXPECT_EQ(reason(request), "INVALID_FILTER");
  request = Of("country/VN");
  request.set_page_size(-3);
  EXPECT_EQ(reason(request), "INVALID_PAGE_SIZE");
  request = Of("country/VN");
  request.set_page_token("nope");
  EXPECT_EQ(reason(request), "INVALID_PAGE_TOKEN");
}

}  // namespace
}  // namespace accord::query
