#include "ingest-service/worker_pool.h"

#include <pthread.h>

#include <algorithm>
#include <utility>

namespace accord::ingest {

WorkerPool::WorkerPool(WorkerPoolOptions options) {
  const std::string name = options.name.substr(0, 15);
  for (size_t i = 0; i < options.threads; ++i) {
    workers_.emplace_back([this] { WorkerLoop(); });
    pthread_setname_np(workers_.back().native_handle(), name.c_str());
  }
}

WorkerPool::~WorkerPool() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  for (std::thread& worker : workers_) worker.join();
}

bool WorkerPool::Take(Batch* batch, size_t* item) {
  if (batch->next >= batch->size) return false;
  *item = batch->next++;
  if (batch->next == batch->size) {
    // Nothing left to hand out: no worker needs to find this batch again.
    pending_.erase(std::find(pending_.begin(), pending_.end(), batch));
  }
  return true;
}

void WorkerPool::ParallelFor(size_t n, const std::function<void(size_t)>& fn) {
  if (n == 0) return;
  Batch batch;
  batch.fn = &fn;
  batch.size = n;
  absl::MutexLock lock(&mu_);
  pending_.push_back(&batch);
  // The caller takes items too: a call never waits for a busy pool to
  // start its work.
  size_t item;
  while (Take(&batch, &item)) {
    mu_.Unlock();
    fn(item);
    mu_.Lock();
    ++batch.done;
  }
  auto finished = [&batch] {
    return batch.done == batch.size && batch.attached == 0;
  };
  mu_.Await(absl::Condition(&finished));
}

void WorkerPool::WorkerLoop() {
  absl::MutexLock lock(&mu_);
  auto has_work = [this] { return stopping_ || !pending_.empty(); };
  while (true) {
    mu_.Await(absl::Condition(&has_work));
    if (pending_.empty()) return;  // stopping, and nothing left to take
    Batch* batch = pending_.front();
    ++batch->attached;
    size_t item;
    while (Take(batch, &item)) {
      mu_.Unlock();
      (*batch->fn)(item);
      mu_.Lock();
      ++batch->done;
    }
    --batch->attached;
  }
}

}  // namespace accord::ingest
