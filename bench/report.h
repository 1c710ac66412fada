// Prints search_bench's results: per corpus size, the corpus (documents,
// MB, KB per document, distinct terms of Accord's analyzer), a load table
// (docs/s, MB/s, size on disk), a search table (p50, p99, queries/s and mean hits per
// query kind), then the ratios of the engine named "accord" to each peer.
#ifndef ACCORD_BENCH_REPORT_H_
#define ACCORD_BENCH_REPORT_H_

#include <ostream>
#include <vector>

#include "bench/runner.h"

namespace accord::bench {

void PrintReport(const RunnerOptions& options,
                 const std::vector<SizeResult>& results, std::ostream& out);

}  // namespace accord::bench

#endif  // ACCORD_BENCH_REPORT_H_
