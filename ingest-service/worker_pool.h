// WorkerPool: a fixed set of threads that run the items of ParallelFor
// calls, shared by every call an Ingester serves.
//
// Preparing a document (decode, normalize, analyze) fills per-thread caches
// (ICU break iterators, stemmers, lexicon memos). Threads started per call
// threw those caches away at every call; a pool keeps them warm and bounds
// the threads of the whole server, however many calls arrive at once.
//
//   WorkerPool pool({.threads = 4, .name = "accord-prepare"});
//   pool.ParallelFor(inputs.size(), [&](size_t i) { out[i] = Prepare(in[i]); });
//
// Thread-safe: any number of threads may call ParallelFor at once; their
// items share the workers in arrival order.
#ifndef ACCORD_INGEST_SERVICE_WORKER_POOL_H_
#define ACCORD_INGEST_SERVICE_WORKER_POOL_H_

#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace accord::ingest {

struct WorkerPoolOptions {
  // Worker threads. A ParallelFor caller works too, so a call uses up to
  // threads + 1 cores. 0: callers do all their items themselves. Default: 1.
  size_t threads = 1;
  // Thread name shown by top and gdb (at most 15 bytes are kept).
  std::string name = "accord-worker";
};

class WorkerPool {
 public:
  explicit WorkerPool(WorkerPoolOptions options);
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  // Waits for the workers to finish what they run, then joins them.
  // REQUIRES: no ParallelFor call is running.
  ~WorkerPool();

  // Runs fn(i) for every i in [0, n), on the workers and the calling
  // thread, and returns when all are done. Items of one call may run in any
  // order and concurrently. `fn` must not throw.
  void ParallelFor(size_t n, const std::function<void(size_t)>& fn);

  size_t threads() const { return workers_.size(); }

 private:
  // The items of one ParallelFor call. Lives on the caller's stack; the
  // caller returns only when no worker still refers to it.
  struct Batch {
    const std::function<void(size_t)>* fn = nullptr;
    size_t size = 0;
    size_t next = 0;   // first item not taken yet
    size_t done = 0;   // items finished
    int attached = 0;  // workers running items of this batch
  };

  void WorkerLoop();
  // Takes the next item of `batch`; false when all are taken.
  bool Take(Batch* batch, size_t* item) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  absl::Mutex mu_;
  // Batches with items not yet taken, oldest first.
  std::deque<Batch*> pending_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> workers_;
};

}  // namespace accord::ingest

#endif  // ACCORD_INGEST_SERVICE_WORKER_POOL_H_
