// Separates words that lost the space between them when a crawler removed
// line breaks or markup, and records every repair:
//
//   CASE_JOIN         "andRussia" -> "and Russia", "иРоссия" -> "и Россия"
//   PUNCTUATION_JOIN  "(ITC),creating" -> "(ITC), creating",
//                     "crimes.The" -> "crimes. The", "Nations(UN)" -> ...
//   LOWERCASE_JOIN    "safeguardinginternational" -> "safeguarding
//   international"
//
// Only tokens that could be two words are examined: a case change inside a
// word, punctuation between letters, or a lowercase word the dictionary
// and the document do not know. Numbers ("1,000", "3.5"), URLs, e-mail
// addresses and abbreviations ("U.S.", "e.g.") are never touched; known
// words (hunspell's own compounds such as "Cyberkriminalität", the domain
// lexicon, "YouTube") are never split. See word_split.h for what counts as
// a word.
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_GLUED_WORDS_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_GLUED_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "accord/v1/document.pb.h"
#include "ingest-service/normalize/word_list.h"

namespace accord::normalize {

struct GluedWordOptions {
  // Longest token, in code points, that LOWERCASE_JOIN tries to split;
  // longer ones are left alone (they are not two glued words, and the
  // search is quadratic in the length).
  size_t max_word_chars = 48;
};

// Repairs `paragraphs` of a document in `language` (ISO 639-1) in place.
// `dictionary` may be null; then only the document's own vocabulary and
// the domain lexicon say what a word is. Appends one repair per changed
// token; its offset and replacement refer to the repaired paragraph.
void RepairGluedWords(std::string_view language, const WordList* dictionary,
                      const GluedWordOptions& options,
                      std::vector<std::string>* paragraphs,
                      std::vector<accord::v1::TextRepair>* repairs);

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_GLUED_WORDS_H_
