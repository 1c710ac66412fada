// DocumentWatcher: QueryService.WatchDocuments without the network.
//
// A watch holds a position in the store (the sequence of the next document
// to examine) and a standing query with filters. Each time the follower
// catches up, the documents between the position and the store's count
// are matched in one pass over their postings (Searcher::MatchWindow, in
// batches), each match is sent with the resume token just past it, and the
// position moves on. The resume token is that position: a client that
// reconnects with the last token it received starts where it left off,
// so it misses nothing and gets nothing twice. Since documents are never
// removed or renumbered, a token stays valid as long as the store lives.
//
// Delivery follows the follower's catch-ups (WaitForCatchUp), not a poll
// of its own: a new matching document goes out as soon as the
// query-service can read it.
//
// Thread-safe; one watcher serves every watch.
#ifndef ACCORD_QUERY_SERVICE_DOCUMENT_WATCHER_H_
#define ACCORD_QUERY_SERVICE_DOCUMENT_WATCHER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "accord/v1/query_service.pb.h"
#include "common/store/follower.h"
#include "common/util/call_deadline.h"
#include "query-service/search/searcher.h"

namespace accord::query {

struct DocumentWatcherOptions {
  // Watches open at once; more are refused (RESOURCE_EXHAUSTED, reason
  // TOO_MANY_WATCHES), since each holds a server thread. Default: 64.
  int max_watches = 64;
  // Documents matched per pass while a watch catches up on a backlog.
  // Default: 1000.
  uint32_t batch_documents = 1000;
  // Progress message interval when the request sets none. Default: 30 s.
  absl::Duration default_heartbeat = absl::Seconds(30);
  // Bounds of a requested heartbeat_interval. Default: 1 s .. 1 h.
  absl::Duration min_heartbeat = absl::Seconds(1);
  absl::Duration max_heartbeat = absl::Hours(1);
  // Longest wait between two checks of the deadline, cancellation and
  // Stop(). Default: 200 ms.
  absl::Duration wait_slice = absl::Milliseconds(200);
};

// The resume token that starts a watch at `sequence`; opaque to clients.
std::string EncodeResumeToken(uint64_t sequence);
// InvalidArgument for a token EncodeResumeToken did not write.
absl::StatusOr<uint64_t> DecodeResumeToken(absl::string_view token);

class DocumentWatcher {
 public:
  // Sends one message; false when the client is gone.
  using Writer = std::function<bool(const accord::v1::WatchDocumentsResponse&)>;

  // The pointers must outlive the watcher.
  DocumentWatcher(const store::Follower* follower, const Searcher* searcher,
                  DocumentWatcherOptions options = {});

  // Runs one watch: writes each matching document, and a progress message
  // after each heartbeat interval without one, until `deadline` passes or
  // its caller goes (DeadlineExceeded, Cancelled), `write` fails
  // (Cancelled), or Stop() is called (Unavailable, reason SHUTTING_DOWN).
  // Refuses a malformed request (InvalidArgument with the reasons of
  // SearchDocuments and INVALID_RESUME_TOKEN, INVALID_HEARTBEAT), a resume
  // token past the store's documents (INVALID_RESUME_TOKEN), and a watch
  // beyond max_watches. Unavailable while there is no store.
  absl::Status Watch(const accord::v1::WatchDocumentsRequest& request,
                     const Writer& write, const CallDeadline& deadline) const;

  // Ends every watch running now or started later with Unavailable; for
  // shutdown.
  void Stop();

  // Watches running, each counted once its start position is fixed.
  int active_watches() const { return active_.load(); }

 private:
  const store::Follower* const follower_;
  const Searcher* const searcher_;
  const DocumentWatcherOptions options_;
  mutable std::atomic<int> active_{0};
  std::atomic<bool> stopped_{false};
};

}  // namespace accord::query

#endif  // ACCORD_QUERY_SERVICE_DOCUMENT_WATCHER_H_
