// The acknowledgement record of a primary store: a small file beside
// RocksDB's, ACKNOWLEDGED, that holds the next sequence number after the
// last bundle CommitBundle acknowledged.
//
// RocksDB alone cannot tell a store that lost acknowledged writes from one
// that never had them: a write-ahead log cut short or corrupted is replayed
// up to the damage, and a MANIFEST cut short opens at an older version
// (whose unreferenced table files the read-write open then deletes), both
// "successfully". The record is written after each commit's synced write,
// so it never claims more than the store acknowledged; a primary open
// first opens the store read-only and refuses (DataLoss) when the store
// holds fewer documents than the record says, before anything is deleted.
// It is not synced itself: after a power loss it may say less than was
// acknowledged (a weaker check, never a false alarm).
#ifndef ACCORD_COMMON_STORE_INTERNAL_ACKNOWLEDGED_H_
#define ACCORD_COMMON_STORE_INTERNAL_ACKNOWLEDGED_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"

namespace accord::store::internal {

inline constexpr char kAcknowledgedFile[] = "ACKNOWLEDGED";

// The record in `store_dir`: nullopt when there is none (a store from
// before the record, or a new one); DataLoss when it is unreadable.
absl::StatusOr<std::optional<uint64_t>> ReadAcknowledged(
    const std::string& store_dir);

// Keeps the record of one open primary store.
class AcknowledgedRecord {
 public:
  // Opens (creating) the record in `store_dir`.
  static absl::StatusOr<AcknowledgedRecord> Open(const std::string& store_dir);
  AcknowledgedRecord(AcknowledgedRecord&& other) noexcept;
  AcknowledgedRecord& operator=(AcknowledgedRecord&&) = delete;
  ~AcknowledgedRecord();

  // Overwrites the record with `next_sequence` (one pwrite, no sync).
  absl::Status Write(uint64_t next_sequence);

 private:
  explicit AcknowledgedRecord(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace accord::store::internal

#endif  // ACCORD_COMMON_STORE_INTERNAL_ACKNOWLEDGED_H_
