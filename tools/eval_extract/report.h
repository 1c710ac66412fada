// Printing an evaluation: the table of precision, recall and F1 per field
// and group, every miss and false positive (--verbose), or JSON (--json).
#ifndef ACCORD_TOOLS_EVAL_EXTRACT_REPORT_H_
#define ACCORD_TOOLS_EVAL_EXTRACT_REPORT_H_

#include <ostream>

#include "tools/eval_extract/evaluation.h"
#include "tools/eval_extract/story_eval.h"

namespace accord::eval_extract {

// One row per field and group: P, R, F1 and the counts; then the notes
// (unmapped gold annotations, unaligned parts, rejected documents).
void PrintTable(const EvalResult& result, std::ostream& out);

// Every miss and false positive, by field, with its file and surface.
void PrintErrors(const EvalResult& result, std::ostream& out);

// The same figures as PrintTable, and the errors when `errors`, as one
// JSON object.
void PrintJson(const EvalResult& result, bool errors, std::ostream& out);

// The story figures: BCubed P, R, F1 and the cluster counts; with
// `verbose`, every predicted story of two or more documents and every gold
// one, with their files.
void PrintStories(const StoryEvalResult& result, bool verbose,
                  std::ostream& out);

}  // namespace accord::eval_extract

#endif  // ACCORD_TOOLS_EVAL_EXTRACT_REPORT_H_
