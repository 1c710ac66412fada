// StoryLister over a real store and follower: stories with their members
// (folds followed), languages, topics and dates from the document table;
// ordered newest or largest; filtered by topic, size and time; paged on
// one snapshot; bad requests refused.
#include "query-service/story_lister.h"

#include <memory>
#include <string>
#include <vector>

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

std::string IdOf(char c) { return std::string(store::kDocumentIdLength, c); }

class StoryListerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.primary_path = dir_.Sub("db");
    options_.secondary_path = dir_.Sub("secondary");
    options_.catch_up_interval = absl::Milliseconds(20);
    absl::StatusOr<std::unique_ptr<store::Store>> primary =
        store::Store::OpenPrimary(options_.primary_path, store::StoreOptions());
    ASSERT_TRUE(primary.ok()) << primary.status();
    primary_ = *std::move(primary);
    auto analyzer = analysis::Analyzer::Create();
    ASSERT_TRUE(analyzer.ok());
    analyzer_ = *std::move(analyzer);
    // a (en, 2024-03-01, cybercrime) starts a story that b (fr, 2024-03-05,
    // cybercrime and norms) joins; c (de, 2024-02-01, norms) is alone; d
    // (vi, undated) starts a story that e (en, 2024-01-10) folds into
    // c's.
    Store('a', "en", 1709251200, {"topic/cybercrime"}, 'a');
    Store('b', "fr", 1709596800, {"topic/cybercrime", "topic/norms"}, 'a');
    Store('c', "de", 1706745600, {"topic/norms"}, 'c');
    Store('d', "vi", 0, {}, 'd');
    follower_ = std::make_unique<store::Follower>(options_);
    follower_->Start();
    searcher_ = std::make_unique<Searcher>(follower_.get(), analyzer_.get());
    lister_ = std::make_unique<StoryLister>(follower_.get(), searcher_.get());
    WaitForDocuments(4);
  }

  // Stores document `c` in the story of document `story`; `fold`, when
  // set, is folded into that story.
  void Store(char c, const std::string& language, int64_t published,
             const std::vector<std::string>& topics, char story,
             char fold = 0) {
    std::vector<store::PendingDocument> docs(1);
    store::PendingDocument& doc = docs[0];
    doc.document().set_id(IdOf(c));
    doc.document().set_title(std::string("title ") + c);
    doc.document().mutable_language()->set_code(language);
    if (published != 0) {
      doc.document().mutable_publication()->mutable_time()->set_seconds(
          published);
    }
    for (const std::string& topic : topics) {
      doc.document().add_topics()->set_topic_id(topic);
    }
    doc.raw_content = std::string("raw ") + c;
    store::PendingStoryMember member;
    member.story_id = store::StoryIdOf(IdOf(story));
    member.member.set_document_id(IdOf(c));
    member.member.set_language(language);
    if (fold != 0) {
      accord::v1::StoryMerge& merge = member.merges.emplace_back();
      merge.set_absorbed_story_id(store::StoryIdOf(IdOf(fold)));
      merge.set_into_story_id(member.story_id);
      merge.set_by_document_id(IdOf(c));
    }
    doc.story = std::move(member);
    accord::v1::Bundle bundle;
    bundle.set_id(std::string("bundle-") + c);
    bundle.add_results();
    ASSERT_TRUE(primary_->CommitBundle(&docs, &bundle).ok());
  }

  void WaitForDocuments(uint64_t n) {
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (absl::Now() < deadline) {
      auto store = follower_->store();
      if (store && store->DocumentCount().value_or(0) >= n) return;
      absl::SleepFor(absl::Milliseconds(5));
    }
    FAIL() << "follower did not catch up";
  }

  std::vector<std::string> StoryIds(
      const accord::v1::ListStoriesResponse& response) {
    std::vector<std::string> ids;
    for (const auto& story : response.stories()) {
      ids.push_back(story.story_id());
    }
    return ids;
  }

  static std::string St(char c) { return store::StoryIdOf(IdOf(c)); }

  testing::TempDir dir_;
  store::FollowerOptions options_;
  std::unique_ptr<store::Store> primary_;
  std::unique_ptr<analysis::Analyzer> analyzer_;
  std::unique_ptr<store::Follower> follower_;
  std::unique_ptr<Searcher> searcher_;
  std::unique_ptr<StoryLister> lister_;
};

TEST_F(StoryListerTest, ListsStoriesNewestFirstWithWhatTheirMembersSay) {
  absl::StatusOr<accord::v1::ListStoriesResponse> response =
      lister_->ListStories(accord::v1::ListStoriesRequest());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->total_size(), 3);
  // a's story last published 2024-03-05, c's 2024-02-01, d's undated.
  EXPECT_THAT(StoryIds(*response), ElementsAre(St('a'), St('c'), St('d')));
  const accord::v1::StorySummary& a = response->stories(0);
  EXPECT_EQ(a.document_count(), 2);
  EXPECT_EQ(a.title(), "title a");
  EXPECT_THAT(a.languages(), ElementsAre("en", "fr"));
  // cybercrime in both, norms in one.
  EXPECT_THAT(a.topic_ids(), ElementsAre("topic/cybercrime", "topic/norms"));
  EXPECT_EQ(a.first_published(), "2024-03-01T00:00:00Z");
  EXPECT_EQ(a.last_published(), "2024-03-05T00:00:00Z");
  EXPECT_THAT(a.document_ids(), ElementsAre(IdOf('a'), IdOf('b')));
  EXPECT_EQ(response->stories(2).first_published(), "");
}

TEST_F(StoryListerTest, FoldedStoriesCountAsOneAndLargestComesFirst) {
  // e joins c's story and folds d's into it.
  Store('e', "en", 1704844800, {}, 'c', 'd');
  WaitForDocuments(5);
  accord::v1::ListStoriesRequest request;
  request.set_order_by(accord::v1::STORY_ORDER_LARGEST);
  absl::StatusOr<accord::v1::ListStoriesResponse> response =
      lister_->ListStories(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(StoryIds(*response), ElementsAre(St('c'), St('a')));
  EXPECT_EQ(response->stories(0).document_count(), 3);
  EXPECT_THAT(response->stories(0).languages(), ElementsAre("de", "en", "vi"));
  EXPECT_EQ(response->stories(0).first_published(), "2024-01-10T00:00:00Z");
}

TEST_F(StoryListerTest, FiltersByTopicSizeAndTime) {
  accord::v1::ListStoriesRequest request;
  request.add_topic_ids("topic/norms");
  absl::StatusOr<accord::v1::ListStoriesResponse> response =
      lister_->ListStories(request);
  ASSERT_TRUE(response.ok());
  EXPECT_THAT(StoryIds(*response), ElementsAre(St('a'), St('c')));
  request.Clear();
  request.set_min_documents(2);
  response = lister_->ListStories(request);
  ASSERT_TRUE(response.ok());
  EXPECT_THAT(StoryIds(*response), ElementsAre(St('a')));
  request.Clear();
  request.mutable_published_before()->set_seconds(1709251200);  // 2024-03-01
  response = lister_->ListStories(request);
  ASSERT_TRUE(response.ok());
  EXPECT_THAT(StoryIds(*response), ElementsAre(St('c')));
  request.Clear();
  request.add_topic_ids("topic/none-such");
  response = lister_->ListStories(request);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->total_size(), 0);
}

TEST_F(StoryListerTest, PagesReadOneSnapshot) {
  accord::v1::ListStoriesRequest request;
  request.set_page_size(2);
  absl::StatusOr<accord::v1::ListStoriesResponse> first =
      lister_->ListStories(request);
  ASSERT_TRUE(first.ok());
  EXPECT_THAT(StoryIds(*first), ElementsAre(St('a'), St('c')));
  ASSERT_FALSE(first->next_page_token().empty());
  // A newer story arrives between the pages: not in this listing.
  Store('f', "en", 1735689600, {}, 'f');
  WaitForDocuments(5);
  request.set_page_token(first->next_page_token());
  absl::StatusOr<accord::v1::ListStoriesResponse> second =
      lister_->ListStories(request);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_THAT(StoryIds(*second), ElementsAre(St('d')));
  EXPECT_EQ(second->total_size(), 3);
  EXPECT_TRUE(second->next_page_token().empty());
  // A token of another listing is refused.
  request.set_min_documents(2);
  EXPECT_EQ(rpc::ErrorReasonOf(lister_->ListStories(request).status()),
            "INVALID_PAGE_TOKEN");
}

TEST_F(StoryListerTest, RefusesBadRequests) {
  auto reason = [&](const accord::v1::ListStoriesRequest& request) {
    absl::StatusOr<accord::v1::ListStoriesResponse> response =
        lister_->ListStories(request);
    EXPECT_TRUE(absl::IsInvalidArgument(response.status()));
    return rpc::ErrorReasonOf(response.status());
  };
  accord::v1::ListStoriesRequest request;
  request.add_topic_ids("cybercrime");
  EXPECT_EQ(reason(request), "INVALID_FILTER");
  request.Clear();
  request.set_min_documents(-1);
  EXPECT_EQ(reason(request), "INVALID_FILTER");
  request.Clear();
  request.set_order_by(static_cast<accord::v1::StoryOrder>(7));
  EXPECT_EQ(reason(request), "INVALID_FILTER");
  request.Clear();
  request.set_page_token("x");
  EXPECT_EQ(reason(request), "INVALID_PAGE_TOKEN");
}

}  // namespace
}  // namespace accord::query
