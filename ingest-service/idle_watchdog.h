// IdleWatchdog: ends the calls whose clients went quiet. A StreamIngest
// call holds a server thread and the memory of the documents it prepared
// (bundle_memory.h) until its client closes the stream; a client that
// stops sending without closing, alive enough to answer keepalive pings,
// would hold them for as long as it stays connected, and keep other
// bundles refused as INGEST_BUSY. Each call being watched has a Watch; the
// time counts only while the call waits for its client, not while the
// server works on what it sent.
#ifndef ACCORD_INGEST_SERVICE_IDLE_WATCHDOG_H_
#define ACCORD_INGEST_SERVICE_IDLE_WATCHDOG_H_

#include <memory>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/functional/any_invocable.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace accord::ingest {

class IdleWatchdog {
 public:
  class Watch;

  // A watch that waits more than `limit` for its client is ended; a
  // limit of zero or less ends none (and starts no thread).
  explicit IdleWatchdog(absl::Duration limit);
  // Joins the watchdog's thread; every Watch must be gone first.
  ~IdleWatchdog();
  IdleWatchdog(const IdleWatchdog&) = delete;
  IdleWatchdog& operator=(const IdleWatchdog&) = delete;

  absl::Duration limit() const { return limit_; }

  // Watches a call, at first waiting for its client. `on_idle` runs at most
  // once, on the watchdog's thread, when the call has waited `limit`
  // (it should end the call; it must not block or destroy the watch).
  // It never runs after the Watch is destroyed.
  std::unique_ptr<Watch> Start(absl::AnyInvocable<void()> on_idle);

  // One watched call. Thread-safe.
  class Watch {
   public:
    ~Watch();
    Watch(const Watch&) = delete;
    Watch& operator=(const Watch&) = delete;

    // The call waits for its client from now on: `limit` counts from now.
    void Waiting();
    // The call works on what its client sent: no limit until Waiting().
    // Returns false when the watch had already ended the call (then
    // on_idle has run, or is running).
    bool Working();
    // Whether on_idle has run (or is running).
    bool ended() const;

   private:
    friend class IdleWatchdog;
    Watch(IdleWatchdog* watchdog, absl::AnyInvocable<void()> on_idle)
        : watchdog_(watchdog), on_idle_(std::move(on_idle)) {}

    IdleWatchdog* const watchdog_;
    // Guarded by watchdog_->mu_.
    absl::AnyInvocable<void()> on_idle_;
    absl::Time idle_at_ = absl::InfiniteFuture();
    bool ended_ = false;
  };

 private:
  void Run();

  const absl::Duration limit_;
  mutable absl::Mutex mu_;
  absl::flat_hash_set<Watch*> watches_ ABSL_GUARDED_BY(mu_);
  // When the thread looks at the watches next, and whether it should look
  // sooner: a watch's deadline came before that, or the watchdog stops.
  absl::Time next_look_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  bool changed_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace accord::ingest

#endif  // ACCORD_INGEST_SERVICE_IDLE_WATCHDOG_H_
