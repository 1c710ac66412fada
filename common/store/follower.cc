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

absl::Status HealthOf(const FollowerStatus& status, absl::Time now,
                      absl::Duration max_catch_up_lag) {
  if (!status.store_open) {
    return status.last_error.ok()
               ? absl::UnavailableError("store not opened yet")
               : status.last_error;
  }
  const absl::Duration lag = now - status.caught_up_time;
  if (lag > max_catch_up_lag) {
    return absl::UnavailableError(
        absl::StrCat("last caught up with the primary ",
                     absl::FormatDuration(lag), " ago, more than the ",
                     absl::FormatDuration(max_catch_up_lag), " allowed",
                     status.last_error.ok()
                         ? std::string("; a catch-up is still running")
                         : absl::StrCat(": ", status.last_error.ToString())));
  }
  return absl::OkStatus();
}

absl::Status Follower::Health() const {
  std::shared_ptr<Store> store;
  FollowerStatus status;
  {
    absl::MutexLock lock(&mu_);
    store = store_;
    status.store_open = store_ != nullptr;
    status.caught_up_time = caught_up_time_;
    status.last_error = last_error_;
  }
  if (absl::Status health =
          HealthOf(status, absl::Now(), options_.max_catch_up_lag);
      !health.ok()) {
    return health;
  }
  // Read without the lock: a read may wait on I/O.
  return store->CheckUsable();
}

FollowerStatus Follower::Status() const {
  absl::MutexLock lock(&mu_);
  FollowerStatus status;
  status.store_open = store_ != nullptr;
  status.caught_up_time = caught_up_time_;
  status.last_error = last_error_;
  return status;
}

uint64_t Follower::catch_ups() const {
  absl::MutexLock lock(&mu_);
  return catch_ups_;
}

uint64_t Follower::WaitForCatchUp(uint64_t seen, absl::Duration timeout) const {
  absl::MutexLock lock(&mu_);
  auto done = [this, seen]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return catch_ups_ > seen || stop_;
  };
  mu_.AwaitWithTimeout(absl::Condition(&done), timeout);
  return catch_ups_;
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
  const absl::Time start = absl::Now();
  if (store == nullptr) {
    absl::StatusOr<std::unique_ptr<Store>> opened = Store::OpenSecondary(
        options_.primary_path, options_.secondary_path, options_.store);
    absl::MutexLock lock(&mu_);
    if (opened.ok()) {
      store_ = std::shared_ptr<Store>(std::move(opened).value());
      caught_up_time_ = start;
      ++catch_ups_;
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
    caught_up_time_ = start;
    ++catch_ups_;
  } else if (last_error_.ToString() != caught_up.ToString()) {
    LogWarning("store: catch-up failed: %s", caught_up.ToString());
  }
  last_error_ = caught_up;
}

}  // namespace accord::store
