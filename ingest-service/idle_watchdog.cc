#include "ingest-service/idle_watchdog.h"

#include <algorithm>
#include <utility>

#include "absl/time/clock.h"

namespace accord::ingest {

IdleWatchdog::IdleWatchdog(absl::Duration limit) : limit_(limit) {
  if (limit_ > absl::ZeroDuration()) thread_ = std::thread([this] { Run(); });
}

IdleWatchdog::~IdleWatchdog() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
    changed_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

std::unique_ptr<IdleWatchdog::Watch> IdleWatchdog::Start(
    absl::AnyInvocable<void()> on_idle) {
  std::unique_ptr<Watch> watch(new Watch(this, std::move(on_idle)));
  if (limit_ <= absl::ZeroDuration()) return watch;
  absl::MutexLock lock(&mu_);
  watch->idle_at_ = absl::Now() + limit_;
  watches_.insert(watch.get());
  if (watch->idle_at_ < next_look_) changed_ = true;
  return watch;
}

IdleWatchdog::Watch::~Watch() {
  // Under the lock: on_idle runs under it too, so it cannot run past here.
  absl::MutexLock lock(&watchdog_->mu_);
  watchdog_->watches_.erase(this);
}

void IdleWatchdog::Watch::Waiting() {
  if (watchdog_->limit_ <= absl::ZeroDuration()) return;
  absl::MutexLock lock(&watchdog_->mu_);
  if (ended_) return;
  idle_at_ = absl::Now() + watchdog_->limit_;
  if (idle_at_ < watchdog_->next_look_) watchdog_->changed_ = true;
}

bool IdleWatchdog::Watch::Working() {
  absl::MutexLock lock(&watchdog_->mu_);
  idle_at_ = absl::InfiniteFuture();
  return !ended_;
}

bool IdleWatchdog::Watch::ended() const {
  absl::MutexLock lock(&watchdog_->mu_);
  return ended_;
}

void IdleWatchdog::Run() {
  absl::MutexLock lock(&mu_);
  while (!stopping_) {
    const absl::Time now = absl::Now();
    absl::Time next = absl::InfiniteFuture();
    for (Watch* watch : watches_) {
      if (watch->ended_) continue;
      if (watch->idle_at_ <= now) {
        watch->ended_ = true;
        // Under the lock, so the watch (and the call it ends) is alive.
        if (watch->on_idle_) watch->on_idle_();
        continue;
      }
      next = std::min(next, watch->idle_at_);
    }
    changed_ = false;
    next_look_ = next;
    mu_.AwaitWithDeadline(absl::Condition(&changed_), next);
  }
}

}  // namespace accord::ingest
