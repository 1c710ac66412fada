// accord-eval-extract: precision, recall and F1 of the extractor on the
// gold set (tests/gold/FORMAT.md), per field and language. Run from the
// repository root:
//
//   build/tools/eval_extract/accord-eval-extract [--verbose] [--json]
#include <iostream>
#include <memory>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "ingest-service/extract/understanding.h"
#include "ingest-service/normalize/normalizer.h"
#include "tools/eval_extract/evaluation.h"
#include "tools/eval_extract/report.h"

ABSL_FLAG(std::string, gold_dir, "tests/gold", "The gold set.");
ABSL_FLAG(
    std::string, seeds_dir, "../shared/seeds",
    "The seed documents tests/gold/seeds annotates; skipped when missing.");
ABSL_FLAG(bool, json, false, "Print JSON instead of the table.");
ABSL_FLAG(bool, verbose, false,
          "Also list every miss and false positive with its file and surface.");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Scores the extractor against the gold set: precision, recall and F1 "
      "per field and language.");
  absl::ParseCommandLine(argc, argv);

  accord::eval_extract::EvalOptions options;
  options.gold_dir = absl::GetFlag(FLAGS_gold_dir);
  options.seeds_dir = absl::GetFlag(FLAGS_seeds_dir);

  const accord::normalize::Normalizer normalizer;
  accord::extract::UnderstandingOptions understanding_options;
  understanding_options.dictionaries = &normalizer.word_lists();
  absl::StatusOr<std::unique_ptr<accord::extract::Understanding>>
      understanding =
          accord::extract::Understanding::Create(understanding_options);
  if (!understanding.ok()) {
    std::cerr << "accord-eval-extract: " << understanding.status() << "\n";
    return 1;
  }
  absl::StatusOr<accord::eval_extract::EvalResult> result =
      accord::eval_extract::RunEvaluation(options, normalizer, **understanding);
  if (!result.ok()) {
    std::cerr << "accord-eval-extract: " << result.status() << "\n";
    return 1;
  }
  if (absl::GetFlag(FLAGS_json)) {
    accord::eval_extract::PrintJson(*result, absl::GetFlag(FLAGS_verbose),
                                    std::cout);
    return 0;
  }
  accord::eval_extract::PrintTable(*result, std::cout);
  if (absl::GetFlag(FLAGS_verbose))
    accord::eval_extract::PrintErrors(*result, std::cout);
  return 0;
}
