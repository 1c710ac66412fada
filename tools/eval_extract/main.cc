// accord-eval-extract: precision, recall and F1 of the extractor on the
// gold set (tests/gold/FORMAT.md), per field and language. Run from the
// repository root:
//
//   build/tools/eval_extract/accord-eval-extract [--verbose] [--json]
#include <stdlib.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "google/protobuf/text_format.h"
#include "ingest-service/extract/understanding.h"
#include "ingest-service/normalize/normalizer.h"
#include "tools/eval_extract/evaluation.h"
#include "tools/eval_extract/report.h"
#include "tools/eval_extract/story_eval.h"

ABSL_FLAG(std::string, gold_dir, "tests/gold", "The gold set.");
ABSL_FLAG(
    std::string, seeds_dir, "../shared/seeds",
    "The seed documents tests/gold/seeds annotates; skipped when missing.");
ABSL_FLAG(bool, json, false, "Print JSON instead of the table.");
ABSL_FLAG(bool, stories, true,
          "Also ingest the gold set into a temporary store and score the "
          "stories (BCubed); not with --json.");
ABSL_FLAG(std::string, show, "",
          "Also print, as protobuf text, each understood document whose path "
          "contains this (its mentions, dates, topics and events with their "
          "derivations).");
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
  options.show = absl::GetFlag(FLAGS_show);
  if (absl::GetFlag(FLAGS_json) && !options.show.empty()) {
    std::cerr << "accord-eval-extract: --show prints protobuf text; it "
                 "cannot be combined with --json\n";
    return 2;
  }

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
  google::protobuf::TextFormat::Printer printer;
  printer.SetUseUtf8StringEscaping(true);  // the text as written
  for (const auto& [path, document] : result->shown) {
    std::string text;
    printer.PrintToString(document, &text);
    std::cout << "\n== " << path << "\n" << text;
  }
  if (absl::GetFlag(FLAGS_verbose))
    accord::eval_extract::PrintErrors(*result, std::cout);
  if (!absl::GetFlag(FLAGS_stories)) return 0;

  absl::StatusOr<std::vector<accord::eval_extract::GoldDocument>> gold =
      accord::eval_extract::LoadGoldSet(options.gold_dir, options.seeds_dir);
  if (!gold.ok()) {
    std::cerr << "accord-eval-extract: " << gold.status() << "\n";
    return 1;
  }
  std::string dir =
      (std::filesystem::temp_directory_path() / "accord-eval-stories-XXXXXX")
          .string();
  if (mkdtemp(dir.data()) == nullptr) {
    std::cerr << "accord-eval-extract: cannot create a directory under "
              << std::filesystem::temp_directory_path() << "\n";
    return 1;
  }
  absl::StatusOr<accord::eval_extract::StoryEvalResult> stories =
      accord::eval_extract::EvaluateStories(*gold, normalizer, **understanding,
                                            dir + "/store");
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  if (!stories.ok()) {
    std::cerr << "accord-eval-extract: stories: " << stories.status() << "\n";
    return 1;
  }
  accord::eval_extract::PrintStories(*stories, absl::GetFlag(FLAGS_verbose),
                                     std::cout);
  return 0;
}
