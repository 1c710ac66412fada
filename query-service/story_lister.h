// StoryLister: QueryService.ListStories without the network.
//
// A listing reads the membership of every story below its snapshot (the
// keys of story_members, folds followed: Store::ListStoryMembers) and
// describes each story from the document table the search keeps in memory
// (languages, topics, publication times of its members), so filtering and
// ordering cost no document read; only the page's stories read their
// first document (title) and member ids. Pages are stable while documents
// arrive, as for search: the snapshot travels in the page token. A fold
// recorded after the snapshot still applies (stories are listed as they
// stand now, with their members below the snapshot).
//
// Thread-safe.
#ifndef ACCORD_QUERY_SERVICE_STORY_LISTER_H_
#define ACCORD_QUERY_SERVICE_STORY_LISTER_H_

#include "absl/status/statusor.h"
#include "accord/v1/query_service.pb.h"
#include "common/store/follower.h"
#include "common/util/call_deadline.h"
#include "query-service/search/searcher.h"

namespace accord::query {

struct StoryListerOptions {
  // Stories per page when the request says 0. Default: 10.
  int default_page_size = 10;
  // Larger page sizes are lowered to this. Default: 100.
  int max_page_size = 100;
  // Member ids in a summary. Default: 10.
  int max_document_ids = 10;
};

class StoryLister {
 public:
  // The pointers must outlive the lister.
  StoryLister(const store::Follower* follower, const Searcher* searcher,
              StoryListerOptions options = {});

  // InvalidArgument for a bad request (reasons INVALID_FILTER,
  // INVALID_PAGE_TOKEN), Unavailable while there is no store,
  // DeadlineExceeded or Cancelled when the caller no longer waits.
  absl::StatusOr<accord::v1::ListStoriesResponse> ListStories(
      const accord::v1::ListStoriesRequest& request,
      const CallDeadline& deadline = CallDeadline()) const;

 private:
  const store::Follower* const follower_;
  const Searcher* const searcher_;
  const StoryListerOptions options_;
};

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_STORY_LISTER_H_
