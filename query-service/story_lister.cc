#include "query-service/story_lister.h"

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/btree_set.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/rpc/status.h"
#include "common/util/hash.h"
#include "query-service/search/facets.h"
#include "query-service/search/page_token.h"

namespace accord::query {
namespace {

constexpr int kMaxMinDocuments = 1000;

absl::Status Invalid(absl::string_view message, absl::string_view field) {
  return rpc::WithErrorInfo(absl::InvalidArgumentError(message),
                            "INVALID_FILTER", {{"field", std::string(field)}});
}

absl::Status CheckRequest(const accord::v1::ListStoriesRequest& request) {
  if (absl::Status topics = CheckTopicFilter(request.topic_ids());
      !topics.ok()) {
    return topics;
  }
  if (request.min_documents() < 0 ||
      request.min_documents() > kMaxMinDocuments) {
    return Invalid(
        absl::StrCat("min_documents must be 0 to ", kMaxMinDocuments),
        "min_documents");
  }
  if (!accord::v1::StoryOrder_IsValid(request.order_by())) {
    return Invalid(
        absl::StrCat("order_by: ", request.order_by(), " is not a StoryOrder"),
        "order_by");
  }
  if (request.page_size() < 0) {
    return Invalid("page_size must not be negative", "page_size");
  }
  if (request.has_published_after() && request.has_published_before() &&
      request.published_after().seconds() >=
          request.published_before().seconds()) {
    return Invalid("published_after must be earlier than published_before",
                   "published_after");
  }
  return absl::OkStatus();
}

// The request without its paging fields, hashed: a page token belongs to
// one listing.
std::string Fingerprint(const accord::v1::ListStoriesRequest& request) {
  accord::v1::ListStoriesRequest listing = request;
  listing.clear_page_token();
  listing.clear_page_size();
  return Sha256Hex(absl::StrCat("ListStories", listing.SerializeAsString()))
      .substr(0, 16);
}

std::string IsoOf(int64_t seconds) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::FromUnixSeconds(seconds),
                          absl::UTCTimeZone());
}

// A story as the table describes it.
struct Described {
  const store::Store::StoryMemberSequences* members = nullptr;
  int64_t first_published = DocTable::kNoDate;
  int64_t last_published = DocTable::kNoDate;
  std::vector<std::string> languages;
  std::vector<std::string> topic_ids;
};

}  // namespace

StoryLister::StoryLister(const store::Follower* follower,
                         const Searcher* searcher, StoryListerOptions options)
    : follower_(follower), searcher_(searcher), options_(std::move(options)) {}

absl::StatusOr<accord::v1::ListStoriesResponse> StoryLister::ListStories(
    const accord::v1::ListStoriesRequest& request,
    const CallDeadline& deadline) const {
  if (absl::Status valid = CheckRequest(request); !valid.ok()) return valid;
  absl::StatusOr<std::shared_ptr<const store::Store>> available =
      follower_->AvailableStore();
  if (!available.ok()) {
    return rpc::WithErrorInfo(available.status(), "STORE_UNAVAILABLE");
  }
  const std::shared_ptr<const store::Store>& store = *available;
  const std::string fingerprint = Fingerprint(request);
  absl::StatusOr<uint64_t> count = store->DocumentCount();
  if (!count.ok()) return count.status();
  absl::StatusOr<PageToken> page =
      ResolvePage(request.page_token(), *count, fingerprint);
  if (!page.ok()) return page.status();

  absl::StatusOr<std::vector<store::Store::StoryMemberSequences>> stories =
      store->ListStoryMembers(page->snapshot, deadline);
  if (!stories.ok()) return stories.status();

  const bool by_time =
      request.has_published_after() || request.has_published_before();
  const int64_t after = request.has_published_after()
                            ? request.published_after().seconds()
                            : std::numeric_limits<int64_t>::min();
  const int64_t before = request.has_published_before()
                             ? request.published_before().seconds()
                             : std::numeric_limits<int64_t>::max();
  std::vector<Described> matching;
  absl::Status read = searcher_->ReadTable(
      *store, page->snapshot, [&](const DocTable::ReadLock& table) {
        std::vector<uint32_t> wanted_topics;
        for (const std::string& id : request.topic_ids()) {
          wanted_topics.push_back(table.TopicId(id));
        }
        for (const store::Store::StoryMemberSequences& story : *stories) {
          if (static_cast<int>(story.sequences.size()) <
              request.min_documents()) {
            continue;
          }
          Described d;
          d.members = &story;
          absl::btree_set<std::string> languages;
          std::map<uint32_t, int> topics;
          bool in_time = !by_time;
          for (uint64_t sequence : story.sequences) {
            const auto doc = static_cast<uint32_t>(sequence);
            const int64_t published = table.published(doc);
            if (published != DocTable::kNoDate) {
              if (d.first_published == DocTable::kNoDate ||
                  published < d.first_published) {
                d.first_published = published;
              }
              if (d.last_published == DocTable::kNoDate ||
                  published > d.last_published) {
                d.last_published = published;
              }
              in_time = in_time || (published >= after && published < before);
            }
            const std::string& language =
                table.LanguageName(table.language(doc));
            if (language != "und") languages.insert(language);
            for (uint32_t topic : table.topics(doc)) ++topics[topic];
          }
          if (!in_time) continue;
          bool has_topic = wanted_topics.empty();
          for (uint32_t topic : wanted_topics) {
            has_topic = has_topic || topics.contains(topic);
          }
          if (!has_topic) continue;
          d.languages.assign(languages.begin(), languages.end());
          std::vector<std::pair<int, std::string>> ranked_topics;
          for (const auto& [topic, n] : topics) {
            ranked_topics.emplace_back(-n, table.TopicName(topic));
          }
          std::sort(ranked_topics.begin(), ranked_topics.end());
          for (auto& [n, name] : ranked_topics) {
            d.topic_ids.push_back(std::move(name));
          }
          matching.push_back(std::move(d));
        }
      });
  if (!read.ok()) return read;
  if (absl::Status go_on = deadline.Check("listing stories"); !go_on.ok()) {
    return go_on;
  }

  // Newest: latest publication first, undated stories last, the most
  // recently started (largest first member) first; ties by id for a total
  // order. Largest: most documents, then newest.
  auto newer = [](const Described& a, const Described& b) {
    if (a.last_published != b.last_published) {
      return a.last_published > b.last_published;  // kNoDate is the least
    }
    if (a.members->sequences.front() != b.members->sequences.front()) {
      return a.members->sequences.front() > b.members->sequences.front();
    }
    return a.members->story_id < b.members->story_id;
  };
  const bool largest = request.order_by() == accord::v1::STORY_ORDER_LARGEST;
  auto before_in_list = [&](const Described& a, const Described& b) {
    if (largest && a.members->sequences.size() != b.members->sequences.size()) {
      return a.members->sequences.size() > b.members->sequences.size();
    }
    return newer(a, b);
  };
  const int page_size =
      request.page_size() == 0
          ? options_.default_page_size
          : std::min(request.page_size(), options_.max_page_size);
  const uint64_t end =
      std::min<uint64_t>(matching.size(), page->offset + page_size);
  accord::v1::ListStoriesResponse response;
  response.set_total_size(static_cast<int64_t>(matching.size()));
  if (page->offset >= end) return response;
  std::partial_sort(matching.begin(), matching.begin() + end, matching.end(),
                    before_in_list);
  if (end < matching.size()) {
    response.set_next_page_token(
        EncodePageToken({page->snapshot, end, fingerprint}));
  }

  for (uint64_t i = page->offset; i < end; ++i) {
    const Described& d = matching[i];
    accord::v1::StorySummary* summary = response.add_stories();
    summary->set_story_id(d.members->story_id);
    summary->set_document_count(
        static_cast<int32_t>(d.members->sequences.size()));
    for (const std::string& language : d.languages) {
      summary->add_languages(language);
    }
    for (const std::string& topic : d.topic_ids) summary->add_topic_ids(topic);
    if (d.first_published != DocTable::kNoDate) {
      summary->set_first_published(IsoOf(d.first_published));
      summary->set_last_published(IsoOf(d.last_published));
    }
    const size_t shown = std::min<size_t>(d.members->sequences.size(),
                                          options_.max_document_ids);
    std::vector<uint64_t> sequences(d.members->sequences.begin(),
                                    d.members->sequences.begin() + shown);
    std::vector<absl::StatusOr<std::string>> ids =
        store->GetDocumentIds(sequences);
    for (absl::StatusOr<std::string>& id : ids) {
      if (!id.ok()) return id.status();
      summary->add_document_ids(*std::move(id));
    }
  }
  // The titles: the page's first documents in one read.
  std::vector<std::string> first_ids;
  for (const accord::v1::StorySummary& summary : response.stories()) {
    first_ids.push_back(summary.document_ids(0));
  }
  std::vector<absl::StatusOr<accord::v1::Document>> firsts =
      store->GetDocuments(first_ids);
  for (size_t i = 0; i < firsts.size(); ++i) {
    if (!firsts[i].ok()) return firsts[i].status();
    response.mutable_stories(static_cast<int>(i))
        ->set_title(firsts[i]->title());
  }
  return response;
}

}  // namespace accord::query
