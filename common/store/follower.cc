#include "common/store/follower.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/util/log.h"

namespace accord::store {

Follower::Follower(FollowerOptions options) : options_(std::move(options)) {
  absl::MutexLock lock(&mu_);
  last_error_ = absl::UnavailableError("store not opened yet");
}

Follower::~Follower() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

void Follower::Start() {
  Step();
  thread_ = std::thread([this] { Run(); });
}

std::shared_ptr<const Store> Follower::store() const {
  absl::MutexLock lock(&mu_);
  return store_;
}

absl::StatusOr<std::shared_ptr<const Store>> Follower::AvailableStore() const {
  absl::MutexLock lock(&mu_);
  if (store_ == nullptr) {
    return absl::UnavailableError(
        absl::StrCat("store not available yet: ", last_error_.message()));
  }
  return std::shared_ptr<const Store>(store_);
}

absl::Status Follower::Health() const {
  absl::MutexLock lock(&mu_);
  if (store_ == nullptr) return last_error_;
  absl::Duration age = absl::Now() - last_catch_up_;
  if (age > options_.catch_up_interval * 10) {
    return absl::UnavailableError(absl::StrCat(
        "last catch-up with the primary ", absl::FormatDuration(age),
        " ago: ", last_error_.ToString()));
  }
  return absl::OkStatus();
}

void Follower::Run() {
  while (true) {
    absl::Duration wait;
    {
      absl::MutexLock lock(&mu_);
      wait = store_ ? options_.catch_up_interval : options_.open_retry_interval;
      // Sleeps for `wait` unless asked to stop.
      mu_.AwaitWithTimeout(absl::Condition(&stop_), wait);
      if (stop_) return;
    }
    Step();
  }
}

void Follower::Step() {
  std::shared_ptr<Store> store;
  {
    absl::MutexLock lock(&mu_);
    store = store_;
  }
  // Open and catch up without the lock: both do I/O, and readers must not
  // wait on them.
  if (store == nullptr) {
    absl::StatusOr<std::unique_ptr<Store>> opened = Store::OpenSecondary(
        options_.primary_path, options_.secondary_path, options_.store);
    absl::MutexLock lock(&mu_);
    if (opened.ok()) {
      store_ = std::shared_ptr<Store>(std::move(opened).value());
      last_catch_up_ = absl::Now();
      last_error_ = absl::OkStatus();
      LogInfo("store: following %s", options_.primary_path);
    } else if (last_error_.ToString() != opened.status().ToString()) {
      LogWarning("store: cannot open %s yet: %s", options_.primary_path,
                 opened.status().ToString());
      last_error_ = opened.status();
    }
    return;
  }
  absl::Status caught_up = store->CatchUp();
  absl::MutexLock lock(&mu_);
  if (caught_up.ok()) {
    last_catch_up_ = absl::Now();
  } else if (last_error_.ToString() != caught_up.ToString()) {
    LogWarning("store: catch-up failed: %s", caught_up.ToString());
  }
  last_error_ = caught_up;
}

}  // namespace accord::store
