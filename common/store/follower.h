// Follower: keeps a secondary Store open and caught up with the primary.
//
// query-service reads through a Follower. A background thread opens the
// secondary as soon as the primary exists (ingest-service may start later)
// and then calls Store::CatchUp every `catch_up_interval`. A document that
// the primary acknowledged is therefore readable here after at most one
// interval plus the time of one catch-up (docs/STORAGE.md, "Freshness").
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
  StoreOptions store;
};

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

  // OK when the store is open and the last catch-up succeeded less than
  // ten intervals ago; else why not.
  absl::Status Health() const;

 private:
  void Run();
  void Step();

  const FollowerOptions options_;
  mutable absl::Mutex mu_;
  std::shared_ptr<Store> store_ ABSL_GUARDED_BY(mu_);
  absl::Status last_error_ ABSL_GUARDED_BY(mu_);
  absl::Time last_catch_up_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace accord::store

#endif  // ACCORD_COMMON_STORE_FOLLOWER_H_
