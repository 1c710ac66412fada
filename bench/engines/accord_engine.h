// Accord's search core as a benchmark Engine (engine.h): documents go
// through the same normalization, analysis and index writes as in
// ingest-service, and searches through the same query parser and searcher
// as query-service, in-process (no gRPC), over a store in `work_dir`.
//
// The implementation (accord_engine.cc) belongs to the search component;
// bench/CMakeLists.txt compiles it into search_bench when it exists, and the
// registry (registry.h) then offers it as "accord" and, with the
// understanding step, "accord-understanding".
#ifndef ACCORD_BENCH_ENGINES_ACCORD_ENGINE_H_
#define ACCORD_BENCH_ENGINES_ACCORD_ENGINE_H_

#include <memory>
#include <string>

#include "bench/engines/engine.h"

namespace accord::bench {

// A new Accord engine storing under `work_dir` (an existing, empty
// directory it may fill and must clean up in its destructor). Returns
// nullptr when the engine cannot be set up; the reason goes to stderr.
// "accord": ingest without the understanding step (entities, dates), as
// search figures before issue 8 were measured; with `understanding`,
// "accord-understanding": the ingest path accord-ingest runs. nullptr (and
// a message on stderr) when the store or the data cannot be opened.
std::unique_ptr<Engine> NewAccordEngine(const std::string& work_dir,
                                        bool understanding);

}  // namespace accord::bench

#endif  // ACCORD_BENCH_ENGINES_ACCORD_ENGINE_H_
