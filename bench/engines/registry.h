// The engines search_bench can run, by name: "accord" (when
// engines/accord_engine.cc is built in), "xapian", and PostgreSQL in its two
// usual layouts (when their libraries were found at configure time):
// "postgres", GIN over a stored tsvector column (PostgreSQL's advice for
// speed: ranking reads the stored vectors), and "postgres-expr", GIN over
// to_tsvector(lang, body) (smaller; ranking re-parses every match, so its
// search is slow and the runner's time budget cuts it short).
#ifndef ACCORD_BENCH_ENGINES_REGISTRY_H_
#define ACCORD_BENCH_ENGINES_REGISTRY_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "bench/engines/engine.h"
#include "bench/engines/postgres_engine.h"
#include "bench/engines/xapian_engine.h"

namespace accord::bench {

struct RegistryOptions {
  XapianOptions xapian;
  PostgresOptions postgres;
};

// Engines built into this binary, in table order (accord first).
std::vector<std::string> AvailableEngines();

// Every engine the benchmark knows, built in or not.
std::vector<std::string> KnownEngines();

// A new engine storing under `work_dir`. NotFound for an unknown name;
// Unimplemented, with the missing package, for a known engine left out of
// this build.
absl::StatusOr<std::unique_ptr<Engine>> MakeEngine(
    const std::string& name, const std::string& work_dir,
    const RegistryOptions& options = {});

}  // namespace accord::bench

#endif  // ACCORD_BENCH_ENGINES_REGISTRY_H_
