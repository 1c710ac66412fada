// Follower: keeps a secondary Store open and caught up with the primary.
//
// query-service reads through a Follower. A background thread opens the
// secondary as soon as the primary exists (ingest-service may start later)
// and then calls Store::CatchUp every `catch_up_interval`. A document that
// the primary acknowledged is therefore readable here after at most one
// interval plus the time of one catch-up (docs/STORAGE.md, "Freshness").
//
// Health and freshness are separate: Health() is OK while the store is
// open and readable and the lag stays under a generous bound; a catch-up
// that takes seconds under heavy ingest is normal and does not make the
// service unhealthy. Status() gives the lag as a figure.
//
// Thread-safety: all methods may be called concurrently.
#ifndef ACCORD_COMMON_STORE_FOLLOWER_H_
#define ACCORD_COMMON_STORE_FOLLOWER_H_

#include <memory>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/store/store.h"

namespace accord::store {

struct FollowerOptions {
  // REQUIRES: the primary's directory.
  std::string primary_path;
  // REQUIRES: a directory private to this follower (its RocksDB info log).
  std::string secondary_path;
  // How often to apply the primary's new writes. Default: 100 ms.
  absl::Duration catch_up_interval = absl::Milliseconds(100);
  // How often to retry opening while no store exists. Default: 1 s.
  absl::Duration open_retry_interval = absl::Seconds(1);
  // Health() fails when the last successful catch-up started longer ago
  // than this: the primary's writes have stopped reaching this follower.
  // Generous on purpose: a catch-up after a large bundle takes seconds, and
  // a probe that fails then would restart a healthy server. Default: 60 s.
  absl::Duration max_catch_up_lag = absl::Seconds(60);
  StoreOptions store;
};

// How current a follower is.
struct FollowerStatus {
  bool store_open = false;
  // When the last successful catch-up (or the open) started: every write
  // the primary acknowledged before then is visible. InfinitePast while no
  // store is open.
  absl::Time caught_up_time = absl::InfinitePast();
  // Why the last open or catch-up failed; OK when it succeeded.
  absl::Status last_error;
};

// The health a follower in `status` reports at `now`, before the store is
// read: Unavailable while no store is open, or when the last successful
// catch-up started more than `max_catch_up_lag` before `now`.
absl::Status HealthOf(const FollowerStatus& status, absl::Time now,
                      absl::Duration max_catch_up_lag);

class Follower {
 public:
  explicit Follower(FollowerOptions options);
  Follower(const Follower&) = delete;
  Follower& operator=(const Follower&) = delete;
  // Stops the background thread.
  ~Follower();

  // Opens the store if it can (so a first read need not wait) and starts
  // the background thread.
  void Start();

  // The store, or nullptr while none could be opened yet.
  std::shared_ptr<const Store> store() const;
  // The store, or Unavailable saying why there is none yet.
  absl::StatusOr<std::shared_ptr<const Store>> AvailableStore() const;

  // OK when the store is open and readable and the last successful
  // catch-up started at most max_catch_up_lag ago; else why not.
  absl::Status Health() const;

  FollowerStatus Status() const;
  const FollowerOptions& options() const { return options_; }

  // How many opens and catch-ups have succeeded so far. A reader that saw
  // the store at `catch_ups()` == n sees every write acknowledged before
  // the catch-up numbered n began.
  uint64_t catch_ups() const;
  // Blocks until catch_ups() exceeds `seen`, `timeout` passes or the
  // follower stops; returns catch_ups(). Lets a reader (WatchDocuments)
  // act on new writes as soon as they are visible instead of polling.
  uint64_t WaitForCatchUp(uint64_t seen, absl::Duration timeout) const;

 private:
  void Run();
  void Step();

  const FollowerOptions options_;
  mutable absl::Mutex mu_;
  std::shared_ptr<Store> store_ ABSL_GUARDED_BY(mu_);
  absl::Status last_error_ ABSL_GUARDED_BY(mu_);
  // Start of the last successful open or catch-up.
  absl::Time caught_up_time_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t catch_ups_ ABSL_GUARDED_BY(mu_) = 0;
  std::thread thread_;
};

}  // namespace accord::store

#endif  // ACCORD_COMMON_STORE_FOLLOWER_H_
