// Decides what counts as a word for one document, and finds the best way
// to cut a glued lowercase token into words ("wouldbecome" -> "would
// become"), for glued-word repair.
//
// A word is known when the language's hunspell dictionary accepts it, when
// it is in the team's domain lexicon (data/domain_lexicon.h), or when the
// document itself uses it on its own. Short parts (under four letters) are
// accepted only when they are function words of the language
// (marker_words.h): dictionaries hold many rare short entries ("att",
// "ion", "sat") that would otherwise cut typos into nonsense.
//
// A Vocabulary is built per document and used by the thread that built it
// (it reads that thread's LexiconMemo).
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_WORD_SPLIT_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_WORD_SPLIT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "ingest-service/normalize/lexicon_memo.h"
#include "ingest-service/normalize/word_list.h"

namespace accord::normalize {

// Letter runs of `text`: letters and combining marks, with apostrophes
// kept when they sit between two letters ("people’s").
struct WordSpan {
  size_t start;
  size_t end;
};
// Replaces `*runs` with the letter runs of `text` (a caller-owned buffer, so
// that scanning every paragraph of every document allocates nothing).
void LetterRuns(std::string_view text, std::vector<WordSpan>* runs);

// Shortest part that is accepted without being a function word.
inline constexpr size_t kMinContentPartChars = 4;

class Vocabulary {
 public:
  // `dictionary` may be null (no dictionary for the language).
  Vocabulary(std::string language, const WordList* dictionary);

  // Counts the words of `text` (letter runs, inner apostrophes kept).
  void AddText(std::string_view text);
  // The same, for a caller that already has `runs` = LetterRuns(text).
  void AddWords(std::string_view text, const std::vector<WordSpan>& runs);

  // How often `word` occurs on its own, exactly as written / lowercased.
  int Count(std::string_view word) const;
  int LowerCount(std::string_view lower_word) const;

  // True when `word` (case as written) is in the dictionary, the domain
  // lexicon or the list of mixed-case names.
  bool InLexicon(std::string_view word) const;

  // InLexicon, or (for words of kMinContentPartChars or more) used on its
  // own in the document.
  bool IsKnown(std::string_view word) const;

  // True when `word` may be one part of a split: a function word, or a
  // known word of kMinContentPartChars code points or more.
  bool IsPart(std::string_view word) const;

  // True when `lower_word` should never be split: known as a whole, used
  // twice or more in the document, or a productive prefix plus a known
  // word ("cyber" + "attacks").
  bool IsProtected(std::string_view lower_word) const;

  const std::string& language() const { return language_; }
  bool has_dictionary() const { return dictionary_ != nullptr; }

 private:
  const std::string language_;
  const WordList* const dictionary_;
  // Keyed by the lowercased word: most words are lowercase already, and
  // then one entry answers both Count and LowerCount.
  struct Counts {
    int any_case = 0;    // LowerCount
    int as_written = 0;  // Count of the lowercase spelling itself
  };
  absl::flat_hash_map<std::string, Counts> lower_counts_;
  // Count of words that are not lowercase, as written.
  absl::flat_hash_map<std::string, int> cased_counts_;
  std::vector<WordSpan> runs_;  // AddText's scratch buffer.
  // The fixed lists' answers, this thread's memo (hence one thread only).
  const std::shared_ptr<LexiconMemo> lexicon_;
};

// Byte offsets inside `lower_word` where spaces go to split it into two
// (else three) parts that are all Vocabulary::IsPart; empty when there is
// no such split. Among candidates, fewer parts win, then the split whose
// parts are the most unequal in length (sum of squared lengths), which
// prefers "into internal" over "in to internal" and "internationale des"
// over "international edes".
std::vector<size_t> BestSplit(std::string_view lower_word,
                              const Vocabulary& vocabulary);

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_WORD_SPLIT_H_
