// Accord's search core as a benchmark Engine (engine.h): documents go
// through the same normalization, analysis and index writes as in
// ingest-service, and searches through the same query parser and searcher
// as query-service, in-process (no gRPC), over a store in `work_dir`.
//
// The implementation (accord_engine.cc) belongs to the search component;
// bench/CMakeLists.txt compiles it into search_bench when it exists, and the
// registry (registry.h) then offers it as "accord" and, with the
// understanding step, "accord-entities" and "accord-understanding".
#ifndef ACCORD_BENCH_ENGINES_ACCORD_ENGINE_H_
#define ACCORD_BENCH_ENGINES_ACCORD_ENGINE_H_

#include <memory>
#include <string>

#include "bench/engines/engine.h"

namespace accord::bench {

// How much of the understanding layer an Accord engine runs at ingest.
enum class AccordUnderstanding {
  // "accord": none, as search figures before issue 8 were measured.
  kNone,
  // "accord-entities": entities, dates, entity records and the people
  // merge (issue 8's half), without topics, events and stories.
  kEntitiesAndDates,
  // "accord-understanding": all of it, the ingest path accord-ingest runs.
  kWhole,
};

// The engine's name: "accord", "accord-entities" or "accord-understanding".
const char* AccordEngineName(AccordUnderstanding understanding);

// A new Accord engine storing under `work_dir` (an existing, empty
// directory it may fill and must clean up in its destructor), named after
// `understanding` as above. nullptr (and a message on stderr) when the
// store or the data cannot be opened.
std::unique_ptr<Engine> NewAccordEngine(const std::string& work_dir,
                                        AccordUnderstanding understanding);

}  // namespace accord::bench

#endif  // ACCORD_BENCH_ENGINES_ACCORD_ENGINE_H_
