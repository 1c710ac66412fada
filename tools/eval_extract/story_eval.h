// Story clustering scored against the gold set's `story` lines
// (tests/gold/FORMAT.md): every gold document ingested, one bundle each in
// gold-set order, through the real ingest path (Ingester, with people,
// events and stories linked across documents) into a fresh store, then
// the story each was put in compared with the gold by BCubed precision,
// recall and F1 (Bagga and Baldwin's per-item averages).
//
// Thread-compatible; the normalizer and the understanding are shared
// read-only.
#ifndef ACCORD_TOOLS_EVAL_EXTRACT_STORY_EVAL_H_
#define ACCORD_TOOLS_EVAL_EXTRACT_STORY_EVAL_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest-service/extract/understanding.h"
#include "ingest-service/normalize/normalizer.h"
#include "tools/eval_extract/gold_set.h"

namespace accord::eval_extract {

struct BCubedScore {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

// BCubed over items labelled by `gold` and `predicted` (item i has labels
// gold[i] and predicted[i]): for each item, the share of its predicted
// cluster that shares its gold cluster (precision) and the share of its
// gold cluster that shares its predicted cluster (recall), averaged over
// items. REQUIRES: same sizes. All zero when empty.
BCubedScore BCubed(const std::vector<std::string>& gold,
                   const std::vector<std::string>& predicted);

struct StoryEvalResult {
  int documents = 0;
  int gold_stories = 0;
  int gold_multi = 0;  // gold stories of two or more documents
  int predicted_stories = 0;
  int predicted_multi = 0;
  BCubedScore score;
  // Per document, in gold-set order: its file, gold story and predicted
  // story id (for --verbose).
  struct Row {
    std::string file;
    std::string gold;
    std::string predicted;
  };
  std::vector<Row> rows;
};

// Ingests `gold` (documents without a story line are left out) into a new
// store under `store_dir` (which must not exist) and scores the stories.
absl::StatusOr<StoryEvalResult> EvaluateStories(
    const std::vector<GoldDocument>& gold,
    const normalize::Normalizer& normalizer,
    const extract::Understanding& understanding, const std::string& store_dir);

}  // namespace accord::eval_extract

#endif  // ACCORD_TOOLS_EVAL_EXTRACT_STORY_EVAL_H_
