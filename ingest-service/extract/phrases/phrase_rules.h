// Phrase rules: the syntax of the team's phrase data files (topics/data/
// topics.txt, events/data/triggers.txt): groups of weighted phrases per
// language, each group with an id, an English name and a one-line scope.
// term_phrases.h finds the phrases in documents.
//
// File syntax (UTF-8, one statement per line, `#` comment lines):
//
//   @<prefix><slug> <English name>
//   about: <what the group covers>
//   <lang>: <phrase>; <phrase>^2; <phrase>^0.5
//
// A phrase's weight is 1 unless it ends in `^<weight>` (a number in
// (0, 4]). A group may have several lines per language.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_PHRASES_PHRASE_RULES_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_PHRASES_PHRASE_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace accord::extract {

struct PhraseRule {
  std::string language;  // ISO 639-1, as the line's key
  std::string text;      // as written, without its weight
  double weight = 1.0;
  int line = 0;  // 1-based line of the file
};

struct PhraseGroup {
  std::string id;    // "topic/cybercrime", "event/signing"
  std::string name;  // "Cybercrime"
  std::string about;
  int line = 0;
  std::vector<PhraseRule> phrases;
};

// Parses a phrase data file whose ids start with `id_prefix` ("topic/").
// InvalidArgument naming `file_name` and the line for: a statement before
// the first group, a malformed id or a repeated one, a group without a
// name, `about` or phrases, an unknown key, an empty phrase, a phrase
// listed twice for one group and language, a bad weight.
absl::StatusOr<std::vector<PhraseGroup>> ParsePhraseRules(
    std::string_view text, std::string_view file_name,
    std::string_view id_prefix);

}  // namespace accord::extract

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_PHRASES_PHRASE_RULES_H_
