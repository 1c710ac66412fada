// Store::Verify: an offline check of a store's files and invariants.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/store/internal/acknowledged.h"
#include "common/store/internal/rocks.h"
#include "common/store/rocks_status.h"
#include "common/store/store.h"
#include "rocksdb/cache.h"

namespace accord::store {
namespace {

// Documents checked per read of ids and attributes.
constexpr uint64_t kBatch = 1024;
// Problems listed one by one; past this, counted.
constexpr size_t kMaxProblems = 50;

}  // namespace

absl::StatusOr<std::optional<uint64_t>> Store::AcknowledgedCount(
    const std::string& path) {
  return internal::ReadAcknowledged(path);
}

absl::StatusOr<Store::Check> Store::Verify(const std::string& path) {
  StoreOptions options;
  std::shared_ptr<rocksdb::Cache> cache = NewBlockCache(options);
  absl::StatusOr<std::shared_ptr<const Rocks>> rocks =
      OpenRocks(/*primary=*/true, path, "", options, cache,
                /*read_only=*/true);
  if (!rocks.ok()) return rocks.status();
  // Reads only: a store object with secondary semantics never writes.
  std::unique_ptr<Store> store(
      new Store(/*primary=*/false, path, "", options, cache, *rocks));
  Check check;
  size_t more_problems = 0;
  auto problem = [&](std::string line) {
    if (check.problems.size() < kMaxProblems) {
      check.problems.push_back(std::move(line));
    } else {
      ++more_problems;
    }
  };

  if (rocksdb::Status sums = (*rocks)->db->VerifyChecksum(); !sums.ok()) {
    problem(absl::StrCat("table files: ", sums.ToString()));
  }
  absl::StatusOr<uint64_t> count = store->DocumentCount();
  if (!count.ok()) {
    problem(absl::StrCat("document count: ", count.status().message()));
    return check;
  }
  check.documents = *count;
  absl::StatusOr<std::optional<uint64_t>> acknowledged =
      internal::ReadAcknowledged(path);
  if (!acknowledged.ok()) {
    problem(std::string(acknowledged.status().message()));
  } else {
    check.acknowledged = *acknowledged;
    if (acknowledged->has_value() && **acknowledged > check.documents) {
      problem(absl::StrCat("documents ", check.documents, " to ",
                           **acknowledged - 1,
                           " were acknowledged and are missing"));
    }
  }

  for (uint64_t from = 0; from < check.documents; from += kBatch) {
    const uint64_t to = std::min(check.documents, from + kBatch);
    std::vector<uint64_t> sequences;
    for (uint64_t s = from; s < to; ++s) sequences.push_back(s);
    std::vector<absl::StatusOr<std::string>> ids =
        store->GetDocumentIds(sequences);
    for (uint64_t s = from; s < to; ++s) {
      const absl::StatusOr<std::string>& id = ids[s - from];
      if (!id.ok()) {
        problem(absl::StrCat("document ", s, ": id: ", id.status().message()));
        continue;
      }
      absl::StatusOr<accord::v1::Document> document = store->GetDocument(*id);
      if (!document.ok()) {
        problem(absl::StrCat("document ", s, " (", *id,
                             "): ", document.status().message()));
      } else if (document->sequence() != s || document->id() != *id) {
        problem(absl::StrCat("document ", s, " (", *id,
                             "): its record says sequence ",
                             document->sequence(), ", id ", document->id()));
      }
      if (absl::StatusOr<std::string> raw = store->GetRawContentOf(s);
          !raw.ok()) {
        problem(absl::StrCat("document ", s,
                             ": raw content: ", raw.status().message()));
      }
    }
    std::vector<index::DocAttributes> attributes;
    if (absl::Status read = store->ReadDocAttributes(from, to, &attributes);
        !read.ok()) {
      problem(absl::StrCat("documents ", from, " to ", to - 1,
                           ": search attributes: ", read.message()));
    }
  }
  if (more_problems > 0) {
    check.problems.push_back(
        absl::StrCat("... and ", more_problems, " more problems"));
  }
  return check;
}

}  // namespace accord::store
