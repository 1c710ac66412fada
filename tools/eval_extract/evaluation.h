// The evaluation run: every gold document normalized and understood as
// ingest does it, its gold annotations put into the normalized parts
// (span_map.h), and both scored (scorer.h) per group (language, seeds)
// and overall.
//
// Thread-compatible; the normalizer and the understanding are shared
// read-only.
//
//   EvalOptions options;
//   absl::StatusOr<EvalResult> result =
//       RunEvaluation(options, normalizer, *understanding);
#ifndef ACCORD_TOOLS_EVAL_EXTRACT_EVALUATION_H_
#define ACCORD_TOOLS_EVAL_EXTRACT_EVALUATION_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest-service/extract/understanding.h"
#include "ingest-service/normalize/normalizer.h"
#include "tools/eval_extract/gold_set.h"
#include "tools/eval_extract/scorer.h"

namespace accord::eval_extract {

struct EvalOptions {
  // -------------------------------------------------------------------
  // Parameters that affect behaviour

  // The gold set (tests/gold/FORMAT.md).
  // Default: "tests/gold" (run from the repository root)
  std::string gold_dir = "tests/gold";

  // The seed documents that gold_dir/seeds annotates; skipped when the
  // folder does not exist.
  // Default: "../shared/seeds"
  std::string seeds_dir = "../shared/seeds";

  // Documents whose text path contains this are kept whole in
  // EvalResult::shown, for reading what was predicted and why; empty: none.
  // Default: ""
  std::string show = "";
};

// A gold annotation that points into no text the normalizer kept (a
// caption, a teaser, a stamp): FORMAT.md says there are none. Each is
// also counted as a miss.
struct Unmapped {
  std::string file;
  int line = 0;
  std::string surface;
  int occurrence = 0;
};

struct GroupResult {
  std::string group;  // en, fr, de, es, ru, vi, seeds, all
  int documents = 0;
  // Documents whose detected language is not their folder's.
  int language_mismatches = 0;
  Tally tally;  // "all" has the counts only; errors stay in their group
};

struct EvalResult {
  // en, fr, de, es, ru, vi, seeds (when present), then all.
  std::vector<GroupResult> groups;
  std::vector<Unmapped> unmapped;
  // Title, dateline or paragraphs that could not be aligned with the file.
  int unaligned_parts = 0;
  // Predicted items in a publication stamp, which the gold set never
  // annotates (FORMAT.md): not scored.
  int stamp_items_skipped = 0;
  // Documents the normalizer rejected (nothing predicted for them).
  std::vector<std::string> rejected;
  // The documents EvalOptions::show names (text path, understood document).
  std::vector<std::pair<std::string, accord::v1::Document>> shown;
};

absl::StatusOr<EvalResult> RunEvaluation(
    const EvalOptions& options, const normalize::Normalizer& normalizer,
    const extract::Understanding& understanding);

// What the extractor predicted in `document`, for scoring: mentions with
// the keys of their entity's names (canonical name, and every name of the
// gazetteer entry), one role per (person, role, of-entity), temporal
// expressions with their values. Items in a publication stamp are left
// out and counted in *skipped.
Annotations Predicted(const accord::v1::Document& document,
                      const extract::Gazetteer& gazetteer, int* skipped);

}  // namespace accord::eval_extract

#endif  // ACCORD_TOOLS_EVAL_EXTRACT_EVALUATION_H_
