// ThreadSanitizer builds only: tells TSan about Debian's absl::Mutex.
//
// Debian's libabsl is built without TSan, so TSan cannot see absl::Mutex
// lock and unlock (futexes inside an uninstrumented library) and would
// report every access guarded by one as a data race. This file defines the
// absl::Mutex and absl::CondVar entry points in each TSan-built executable
// (the top-level CMakeLists.txt links it into every executable when
// ACCORD_SANITIZE=thread); each definition calls the library's own through
// dlsym(RTLD_NEXT) and records the happens-before edges the mutex creates:
// an acquire after locking, a release before unlocking, and both around a
// wait that may unlock (Await, LockWhen, CondVar::Wait). Only edges are
// added; TSan's lock-order checks do not see these mutexes.
#include <dlfcn.h>
#include <sanitizer/tsan_interface.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "absl/synchronization/mutex.h"

namespace {

#define ACCORD_STRINGIFY2(x) #x
#define ACCORD_STRINGIFY(x) ACCORD_STRINGIFY2(x)

// The library's definition of absl::<inline namespace>::`suffix`, where
// `suffix` is the rest of the mangled name ("5Mutex4LockEv").
template <typename Fn>
Fn Real(const char* suffix) {
  const char* ns = ACCORD_STRINGIFY(ABSL_OPTION_INLINE_NAMESPACE_NAME);
  const std::string name =
      "_ZN4absl" + std::to_string(std::strlen(ns)) + ns + suffix;
  void* symbol = dlsym(RTLD_NEXT, name.c_str());
  if (symbol == nullptr) {
    std::fprintf(stderr, "tsan annotations: %s not found\n", name.c_str());
    std::abort();
  }
  return reinterpret_cast<Fn>(symbol);
}

void Acquire(const void* mu) { __tsan_acquire(const_cast<void*>(mu)); }
void Release(const void* mu) { __tsan_release(const_cast<void*>(mu)); }

// absl evaluates a wait's condition inside the library whenever some thread
// holds the mutex: the waiter before it blocks or after it wakes, or another
// thread as it unlocks; the library may then release the mutex without
// passing through Unlock. Each evaluation is therefore annotated as an
// acquire and a release: its reads come after the writes made under the
// lock before it, and before the writes made under the lock after it.
struct AnnotatedCondition {
  const absl::Mutex* mu;
  const absl::Condition* condition;

  static bool Eval(void* self) {
    auto* annotated = static_cast<AnnotatedCondition*>(self);
    Acquire(annotated->mu);
    const bool holds = annotated->condition->Eval();
    Release(annotated->mu);
    return holds;
  }
};

using absl::Condition;
using absl::CondVar;
using absl::Duration;
using absl::Mutex;
using absl::Time;

}  // namespace

namespace absl {
ABSL_NAMESPACE_BEGIN

void Mutex::Lock() {
  static auto real = Real<void (*)(Mutex*)>("5Mutex4LockEv");
  real(this);
  Acquire(this);
}

void Mutex::ReaderLock() {
  static auto real = Real<void (*)(Mutex*)>("5Mutex10ReaderLockEv");
  real(this);
  Acquire(this);
}

bool Mutex::TryLock() {
  static auto real = Real<bool (*)(Mutex*)>("5Mutex7TryLockEv");
  const bool locked = real(this);
  if (locked) Acquire(this);
  return locked;
}

bool Mutex::ReaderTryLock() {
  static auto real = Real<bool (*)(Mutex*)>("5Mutex13ReaderTryLockEv");
  const bool locked = real(this);
  if (locked) Acquire(this);
  return locked;
}

void Mutex::Unlock() {
  static auto real = Real<void (*)(Mutex*)>("5Mutex6UnlockEv");
  Release(this);
  real(this);
}

void Mutex::ReaderUnlock() {
  static auto real = Real<void (*)(Mutex*)>("5Mutex12ReaderUnlockEv");
  Release(this);
  real(this);
}

void Mutex::LockWhen(const Condition& cond) {
  static auto real = Real<void (*)(Mutex*, const Condition&)>(
      "5Mutex8LockWhenERKNS0_9ConditionE");
  AnnotatedCondition annotated{this, &cond};
  real(this, Condition(&AnnotatedCondition::Eval, &annotated));
  Acquire(this);
}

bool Mutex::LockWhenWithTimeout(const Condition& cond, Duration timeout) {
  static auto real = Real<bool (*)(Mutex*, const Condition&, Duration)>(
      "5Mutex19LockWhenWithTimeoutERKNS0_9ConditionENS0_8DurationE");
  AnnotatedCondition annotated{this, &cond};
  const bool result =
      real(this, Condition(&AnnotatedCondition::Eval, &annotated), timeout);
  Acquire(this);
  return result;
}

bool Mutex::LockWhenWithDeadline(const Condition& cond, Time deadline) {
  static auto real = Real<bool (*)(Mutex*, const Condition&, Time)>(
      "5Mutex20LockWhenWithDeadlineERKNS0_9ConditionENS0_4TimeE");
  AnnotatedCondition annotated{this, &cond};
  const bool result =
      real(this, Condition(&AnnotatedCondition::Eval, &annotated), deadline);
  Acquire(this);
  return result;
}

void Mutex::Await(const Condition& cond) {
  static auto real = Real<void (*)(Mutex*, const Condition&)>(
      "5Mutex5AwaitERKNS0_9ConditionE");
  // Written before the release, so that whoever evaluates the condition
  // reads it after.
  AnnotatedCondition annotated{this, &cond};
  Release(this);
  real(this, Condition(&AnnotatedCondition::Eval, &annotated));
  Acquire(this);
}

bool Mutex::AwaitWithTimeout(const Condition& cond, Duration timeout) {
  static auto real = Real<bool (*)(Mutex*, const Condition&, Duration)>(
      "5Mutex16AwaitWithTimeoutERKNS0_9ConditionENS0_8DurationE");
  // Written before the release, so that whoever evaluates the condition
  // reads it after.
  AnnotatedCondition annotated{this, &cond};
  Release(this);
  const bool result =
      real(this, Condition(&AnnotatedCondition::Eval, &annotated), timeout);
  Acquire(this);
  return result;
}

bool Mutex::AwaitWithDeadline(const Condition& cond, Time deadline) {
  static auto real = Real<bool (*)(Mutex*, const Condition&, Time)>(
      "5Mutex17AwaitWithDeadlineERKNS0_9ConditionENS0_4TimeE");
  // Written before the release, so that whoever evaluates the condition
  // reads it after.
  AnnotatedCondition annotated{this, &cond};
  Release(this);
  const bool result =
      real(this, Condition(&AnnotatedCondition::Eval, &annotated), deadline);
  Acquire(this);
  return result;
}

void CondVar::Wait(Mutex* mu) {
  static auto real =
      Real<void (*)(CondVar*, Mutex*)>("7CondVar4WaitEPNS0_5MutexE");
  Release(mu);
  real(this, mu);
  Acquire(mu);
}

bool CondVar::WaitWithTimeout(Mutex* mu, Duration timeout) {
  static auto real = Real<bool (*)(CondVar*, Mutex*, Duration)>(
      "7CondVar15WaitWithTimeoutEPNS0_5MutexENS0_8DurationE");
  Release(mu);
  const bool result = real(this, mu, timeout);
  Acquire(mu);
  return result;
}

bool CondVar::WaitWithDeadline(Mutex* mu, Time deadline) {
  static auto real = Real<bool (*)(CondVar*, Mutex*, Time)>(
      "7CondVar16WaitWithDeadlineEPNS0_5MutexENS0_4TimeE");
  Release(mu);
  const bool result = real(this, mu, deadline);
  Acquire(mu);
  return result;
}

ABSL_NAMESPACE_END
}  // namespace absl
