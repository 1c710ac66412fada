// Compiled into search_bench itself, so the ACCORD_BENCH_HAVE_* definitions
// of that target decide which engines exist.
#include "bench/engines/registry.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

#ifdef ACCORD_BENCH_HAVE_ACCORD
#include "bench/engines/accord_engine.h"
#endif

namespace accord::bench {

std::vector<std::string> AvailableEngines() {
  std::vector<std::string> out;
#ifdef ACCORD_BENCH_HAVE_ACCORD
  out.push_back("accord");
  out.push_back("accord-entities");
  out.push_back("accord-understanding");
#endif
#ifdef ACCORD_BENCH_HAVE_XAPIAN
  out.push_back("xapian");
#endif
#ifdef ACCORD_BENCH_HAVE_POSTGRES
  out.push_back("postgres");
  out.push_back("postgres-expr");
#endif
  return out;
}

std::vector<std::string> KnownEngines() {
  return {"accord", "accord-entities", "accord-understanding",
          "xapian", "postgres",        "postgres-expr"};
}

absl::StatusOr<std::unique_ptr<Engine>> MakeEngine(
    const std::string& name, const std::string& work_dir,
    const RegistryOptions& options) {
#ifdef ACCORD_BENCH_HAVE_ACCORD
  for (AccordUnderstanding understanding :
       {AccordUnderstanding::kNone, AccordUnderstanding::kEntitiesAndDates,
        AccordUnderstanding::kWhole}) {
    if (name != AccordEngineName(understanding)) continue;
    std::unique_ptr<Engine> engine = NewAccordEngine(work_dir, understanding);
    if (engine == nullptr) {
      return absl::InternalError(
          absl::StrCat("the ", name, " engine could not be set up"));
    }
    return engine;
  }
#else
  if (name == "accord" || name == "accord-entities" ||
      name == "accord-understanding") {
    return absl::UnimplementedError(
        "accord: not in this build (bench/engines/accord_engine.cc missing)");
  }
#endif
  if (name == "xapian") {
#ifdef ACCORD_BENCH_HAVE_XAPIAN
    return NewXapianEngine(work_dir, options.xapian);
#else
    return absl::UnimplementedError(
        "xapian: not in this build (install libxapian-dev and reconfigure)");
#endif
  }
  if (name == "postgres" || name == "postgres-expr") {
#ifdef ACCORD_BENCH_HAVE_POSTGRES
    PostgresOptions postgres = options.postgres;
    postgres.layout = name == "postgres"
                          ? PostgresOptions::Layout::kStoredColumn
                          : PostgresOptions::Layout::kExpressionIndex;
    return NewPostgresEngine(work_dir, postgres);
#else
    return absl::UnimplementedError(
        "postgres: not in this build (install libpq-dev and reconfigure)");
#endif
  }
  return absl::NotFoundError(
      absl::StrCat("unknown engine '", name,
                   "'; known: ", absl::StrJoin(KnownEngines(), ",")));
}

}  // namespace accord::bench
