#include "query-service/entity_reader.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/time/clock.h"
#include "common/rpc/status.h"
#include "common/store/store.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::query {
namespace {

using ::testing::ElementsAre;

class EntityReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.primary_path = dir_.Sub("db");
    options_.secondary_path = dir_.Sub("secondary");
    options_.catch_up_interval = absl::Milliseconds(20);
    options_.open_retry_interval = absl::Milliseconds(20);
  }

  // Stores two documents that mention org/un.
  void StoreEntity() {
    absl::StatusOr<std::unique_ptr<store::Store>> primary =
        store::Store::OpenPrimary(options_.primary_path, store::StoreOptions());
    ASSERT_TRUE(primary.ok()) << primary.status();
    primary_ = *std::move(primary);
    std::vector<store::PendingDocument> docs(2);
    accord::v1::Bundle bundle;
    bundle.set_id("b");
    for (int i = 0; i < 2; ++i) {
      docs[i].index = i;
      docs[i].document().set_id(std::string(32, 'a' + i));
      store::PendingEntity& un = docs[i].entities.emplace_back();
      un.entity.set_id("org/un");
      un.entity.set_kind(accord::v1::ENTITY_KIND_ORGANIZATION);
      un.entity.set_canonical_name("United Nations");
      un.entity.set_mention_count(2);
      un.alias_keys = {"united nations", "un"};
      bundle.add_results();
    }
    ASSERT_TRUE(primary_->CommitBundle(&docs, &bundle).ok());
  }

  // Stores one document per entity of `people`, person/<key> named by the
  // alias key `key`, with ids from document number `first` on.
  void StorePeople(int first, const std::vector<std::string>& keys) {
    if (primary_ == nullptr) {
      absl::StatusOr<std::unique_ptr<store::Store>> primary =
          store::Store::OpenPrimary(options_.primary_path,
                                    store::StoreOptions());
      ASSERT_TRUE(primary.ok()) << primary.status();
      primary_ = *std::move(primary);
    }
    std::vector<store::PendingDocument> docs(keys.size());
    accord::v1::Bundle bundle;
    bundle.set_id(absl::StrCat("people", first));
    for (size_t i = 0; i < keys.size(); ++i) {
      docs[i].index = static_cast<uint32_t>(i);
      docs[i].document().set_id(absl::StrFormat("%032x", first + i));
      store::PendingEntity& person = docs[i].entities.emplace_back();
      person.entity.set_id(
          absl::StrCat("person/", absl::StrReplaceAll(keys[i], {{" ", "-"}})));
      person.entity.set_kind(accord::v1::ENTITY_KIND_PERSON);
      person.entity.set_canonical_name(keys[i]);
      person.entity.set_mention_count(1);
      person.alias_keys = {keys[i]};
      bundle.add_results();
    }
    ASSERT_TRUE(primary_->CommitBundle(&docs, &bundle).ok());
  }

  // Waits until the follower sees `count` documents.
  void WaitForDocuments(store::Follower* follower, uint64_t count) {
    absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (absl::Now() < deadline) {
      auto store = follower->store();
      if (store && *store->DocumentCount() >= count) return;
      absl::SleepFor(absl::Milliseconds(10));
    }
    FAIL() << "follower did not catch up to " << count << " documents";
  }

  void WaitForFollower(store::Follower* follower) {
    absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (absl::Now() < deadline) {
      auto store = follower->store();
      if (store && store->GetEntity("org/un", 1).ok()) return;
      absl::SleepFor(absl::Milliseconds(10));
    }
    FAIL() << "follower did not catch up";
  }

  absl::Status Status(const EntityReader& reader, const std::string& id,
                      int max_documents = 0) {
    accord::v1::GetEntityRequest request;
    request.set_entity_id(id);
    request.set_max_documents(max_documents);
    return reader.GetEntity(request, CallDeadline()).status();
  }

  testing::TempDir dir_;
  store::FollowerOptions options_;
  std::unique_ptr<store::Store> primary_;
};

TEST_F(EntityReaderTest, UnavailableBeforeAnyStoreExists) {
  store::Follower follower(options_);
  follower.Start();
  EntityReader reader(&follower);
  absl::Status status = Status(reader, "org/un");
  EXPECT_TRUE(absl::IsUnavailable(status)) << status;
  EXPECT_EQ(rpc::ErrorReasonOf(status), "STORE_UNAVAILABLE");
}

TEST_F(EntityReaderTest, GetsAnEntityWithAtMostMaxDocuments) {
  StoreEntity();
  store::Follower follower(options_);
  follower.Start();
  WaitForFollower(&follower);
  EntityReader reader(&follower);

  accord::v1::GetEntityRequest request;
  request.set_entity_id("org/un");
  absl::StatusOr<accord::v1::GetEntityResponse> response =
      reader.GetEntity(request, CallDeadline());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->entity().canonical_name(), "United Nations");
  EXPECT_EQ(response->entity().mention_count(), 4u);
  EXPECT_EQ(response->entity().document_ids_size(), 2);
  request.set_max_documents(1);
  response = reader.GetEntity(request, CallDeadline());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->entity().document_ids_size(), 1);
  EXPECT_EQ(response->entity().document_count(), 2u);

  absl::Status unknown = Status(reader, "org/unknown");
  EXPECT_TRUE(absl::IsNotFound(unknown)) << unknown;
  EXPECT_EQ(rpc::ErrorReasonOf(unknown), "ENTITY_NOT_FOUND");
  EXPECT_TRUE(Status(reader, "org/un", kMaxEntityDocuments).ok());
}

TEST_F(EntityReaderTest, RejectsMalformedIdsAndMaxDocuments) {
  store::Follower follower(options_);
  follower.Start();
  EntityReader reader(&follower);
  for (const std::string& bad :
       {std::string(""), std::string("un"), std::string("ORG/un"),
        std::string("org/u n"), std::string("org/\xff"),
        std::string("org/u\0n", 7)}) {
    absl::Status status = Status(reader, bad);
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << bad;
    EXPECT_EQ(rpc::ErrorReasonOf(status), "INVALID_ENTITY_ID") << bad;
  }
  for (int bad : {-1, kMaxEntityDocuments + 1}) {
    absl::Status status = Status(reader, "org/un", bad);
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << bad;
    EXPECT_EQ(rpc::ErrorReasonOf(status), "INVALID_MAX_DOCUMENTS") << bad;
  }
}

// The ids of a page's matches.
std::vector<std::string> Ids(const accord::v1::SearchEntitiesResponse& page) {
  std::vector<std::string> ids;
  for (const accord::v1::EntityMatch& match : page.matches()) {
    ids.push_back(match.entity().id());
  }
  return ids;
}

TEST_F(EntityReaderTest, SearchFindsEntitiesWithHowTheirNameMatched) {
  StoreEntity();
  StorePeople(2, {"vladimir putin", "putin", "nikolai patrushev"});
  store::Follower follower(options_);
  follower.Start();
  WaitForDocuments(&follower, 5);
  EntityReader reader(&follower);

  accord::v1::SearchEntitiesRequest request;
  // In Latin letters "nikolai patrusev": one edit away.
  request.set_query("Николай Патрушев");
  absl::StatusOr<accord::v1::SearchEntitiesResponse> response =
      reader.SearchEntities(request, CallDeadline());
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->matches_size(), 1);
  const accord::v1::EntityMatch& match = response->matches(0);
  EXPECT_EQ(match.entity().id(), "person/nikolai-patrushev");
  EXPECT_EQ(match.entity().canonical_name(), "nikolai patrushev");
  EXPECT_EQ(match.entity().document_count(), 1u);
  EXPECT_EQ(match.matched_name(), "nikolai patrushev");
  EXPECT_EQ(match.match_type(), accord::v1::NAME_MATCH_TYPE_FUZZY);
  EXPECT_EQ(match.edits(), 2);  // ICU writes "Николай" as "nikolaj"
  EXPECT_EQ(response->total_size(), 1);
  EXPECT_TRUE(response->next_page_token().empty());

  // A name matches from its beginning, not from any of its words.
  request.set_query("putin");
  response = reader.SearchEntities(request, CallDeadline());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Ids(*response), ElementsAre("person/putin"));
  EXPECT_EQ(response->matches(0).match_type(),
            accord::v1::NAME_MATCH_TYPE_EXACT);
  request.set_query("Vladimir P");
  response = reader.SearchEntities(request, CallDeadline());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Ids(*response), ElementsAre("person/vladimir-putin"));
  EXPECT_EQ(response->matches(0).match_type(),
            accord::v1::NAME_MATCH_TYPE_PREFIX);
  // Kinds filter: "united" begins only an organization's name.
  request.set_query("united");
  response = reader.SearchEntities(request, CallDeadline());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Ids(*response), ElementsAre("org/un"));
  request.set_query("united");
  request.add_kinds(accord::v1::ENTITY_KIND_PERSON);
  response = reader.SearchEntities(request, CallDeadline());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->matches_size(), 0);
}

TEST_F(EntityReaderTest, SearchPagesListTheEntitiesOfTheFirstPagesSnapshot) {
  std::vector<std::string> first, later;
  for (int i = 0; i < 25; ++i)
    first.push_back(absl::StrFormat("ivanov %02d", i));
  for (int i = 25; i < 30; ++i)
    later.push_back(absl::StrFormat("ivanov %02d", i));
  StorePeople(0, first);
  store::Follower follower(options_);
  follower.Start();
  WaitForDocuments(&follower, 25);
  EntityReader reader(&follower);

  accord::v1::SearchEntitiesRequest request;
  request.set_query("Ivanov");
  request.set_page_size(10);
  absl::StatusOr<accord::v1::SearchEntitiesResponse> page =
      reader.SearchEntities(request, CallDeadline());
  ASSERT_TRUE(page.ok()) << page.status();
  std::vector<std::string> seen = Ids(*page);
  EXPECT_EQ(page->total_size(), 25);
  // Documents naming five more Ivanovs arrive between the pages.
  StorePeople(25, later);
  WaitForDocuments(&follower, 30);
  while (!page->next_page_token().empty()) {
    request.set_page_token(page->next_page_token());
    page = reader.SearchEntities(request, CallDeadline());
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_EQ(page->total_size(), 25);
    for (std::string& id : Ids(*page)) seen.push_back(std::move(id));
  }
  std::vector<std::string> expected;
  for (const std::string& key : first) {
    expected.push_back(
        absl::StrCat("person/", absl::StrReplaceAll(key, {{" ", "-"}})));
  }
  // Shorter names first, then by id: here the order the keys were made.
  EXPECT_EQ(seen, expected);

  // A new search sees all thirty.
  request.clear_page_token();
  page = reader.SearchEntities(request, CallDeadline());
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->total_size(), 30);
}

TEST_F(EntityReaderTest, SearchRefusesMalformedRequestsWithTheirReason) {
  StorePeople(0, {"putin"});
  store::Follower follower(options_);
  follower.Start();
  WaitForDocuments(&follower, 1);
  EntityReader reader(&follower);
  auto reason = [&](const accord::v1::SearchEntitiesRequest& request) {
    absl::StatusOr<accord::v1::SearchEntitiesResponse> response =
        reader.SearchEntities(request, CallDeadline());
    EXPECT_TRUE(absl::IsInvalidArgument(response.status()))
        << response.status();
    return rpc::ErrorReasonOf(response.status());
  };
  accord::v1::SearchEntitiesRequest request;
  EXPECT_EQ(reason(request), "INVALID_QUERY");  // empty
  request.set_query(" -,. ");
  EXPECT_EQ(reason(request), "INVALID_QUERY");  // no letter or digit
  request.set_query(std::string(kMaxEntityQueryBytes + 1, 'a'));
  EXPECT_EQ(reason(request), "INVALID_QUERY");

  request.set_query("putin");
  request.add_kinds(accord::v1::ENTITY_KIND_UNSPECIFIED);
  EXPECT_EQ(reason(request), "INVALID_FILTER");
  request.set_kinds(0, static_cast<accord::v1::EntityKind>(99));
  EXPECT_EQ(reason(request), "INVALID_FILTER");
  request.clear_kinds();
  request.set_page_size(-1);
  EXPECT_EQ(reason(request), "INVALID_PAGE_SIZE");
  request.set_page_size(0);
  for (int bad : {-1, kMaxMatchDocuments + 1}) {
    request.set_max_documents(bad);
    EXPECT_EQ(reason(request), "INVALID_MAX_DOCUMENTS") << bad;
  }
  request.set_max_documents(0);
  request.set_page_token("not a token");
  EXPECT_EQ(reason(request), "INVALID_PAGE_TOKEN");

  // A token of another query, or one ahead of the store, is refused.
  StorePeople(1, {"putnam"});
  WaitForDocuments(&follower, 2);
  request.clear_page_token();
  request.set_query("put");
  request.set_page_size(1);
  absl::StatusOr<accord::v1::SearchEntitiesResponse> page =
      reader.SearchEntities(request, CallDeadline());
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_FALSE(page->next_page_token().empty());
  request.set_query("puti");
  request.set_page_token(page->next_page_token());
  EXPECT_EQ(reason(request), "INVALID_PAGE_TOKEN");
  request.set_query("put");
  request.add_kinds(accord::v1::ENTITY_KIND_PERSON);
  EXPECT_EQ(reason(request), "INVALID_PAGE_TOKEN");
  // Page size is the caller's to change between pages.
  request.clear_kinds();
  request.set_page_size(5);
  EXPECT_TRUE(reader.SearchEntities(request, CallDeadline()).ok());
}

}  // namespace
}  // namespace accord::query
