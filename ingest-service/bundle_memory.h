// BundleMemory: the memory that the bundles an ingest-service is receiving
// hold together, counted against one limit.
//
// A bundle is stored whole, so every document of it stays in memory,
// parsed, normalized and analyzed, until the bundle is committed: about 7
// times its content's bytes (its record, raw input and index terms). Without a
// limit across bundles, a few large bundles at once, or many streams that
// stay open, take more memory than the server has. Each PendingBundle adds
// what its prepared documents hold (PendingDocument::MemoryBytes) and
// gives it back when it is destroyed, committed or not; a bundle that
// finds the limit reached is refused (pending_bundle.h).
//
// Thread-safe.
#ifndef ACCORD_INGEST_SERVICE_BUNDLE_MEMORY_H_
#define ACCORD_INGEST_SERVICE_BUNDLE_MEMORY_H_

#include <atomic>
#include <cstddef>

namespace accord::ingest {

class BundleMemory {
 public:
  // `limit_bytes` 0: no limit.
  explicit BundleMemory(size_t limit_bytes) : limit_bytes_(limit_bytes) {}
  BundleMemory(const BundleMemory&) = delete;
  BundleMemory& operator=(const BundleMemory&) = delete;

  void Add(size_t bytes) {
    in_use_.fetch_add(bytes, std::memory_order_relaxed);
  }
  // REQUIRES: `bytes` were added before.
  void Release(size_t bytes) {
    in_use_.fetch_sub(bytes, std::memory_order_relaxed);
  }

  // What the bundles in flight hold now.
  size_t in_use() const { return in_use_.load(std::memory_order_relaxed); }
  size_t limit() const { return limit_bytes_; }
  bool limited() const { return limit_bytes_ > 0; }

 private:
  const size_t limit_bytes_;
  std::atomic<size_t> in_use_{0};
};

}  // namespace accord::ingest

#endif  // ACCORD_INGEST_SERVICE_BUNDLE_MEMORY_H_
