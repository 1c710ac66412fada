#include "common/store/memory_budget.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace accord::store {

absl::StatusOr<MemoryBudget> MemoryBudget::Split(Server server,
                                                 size_t total_bytes) {
  if (total_bytes < kMinimumBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "a memory budget of ", total_bytes >> 20, " MiB is below the ",
        kMinimumBytes >> 20,
        " MiB a server needs (its code and data take about 110 MiB before "
        "the first request)"));
  }
  MemoryBudget budget;
  budget.total_bytes = total_bytes;
  switch (server) {
    case Server::kIngest:
      budget.block_cache_bytes = total_bytes / 4;
      budget.memtable_bytes = total_bytes / 8;
      budget.own_cache_bytes = total_bytes / 32;
      budget.bundle_memory_bytes = total_bytes / 4;
      break;
    case Server::kQuery:
      budget.block_cache_bytes = total_bytes / 2;
      budget.memtable_bytes = total_bytes / 4;
      break;
  }
  return budget;
}

absl::StatusOr<MemoryBudget> MemoryBudget::SplitMiB(Server server,
                                                    int64_t mib) {
  // Past a petabyte the shift would overflow; no machine has it anyway.
  const int64_t clamped = std::clamp<int64_t>(mib, 0, int64_t{1} << 30);
  return Split(server, static_cast<size_t>(clamped) << 20);
}

void MemoryBudget::ApplyTo(StoreOptions* options) const {
  options->block_cache_bytes = block_cache_bytes;
  options->memtable_budget_bytes = memtable_bytes;
}

}  // namespace accord::store
