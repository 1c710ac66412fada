// What the fixed word lists say about a word, memoized per thread.
//
// Glued-word repair asks, for every part of every token it might split,
// whether the part is a function word, a dictionary word, a domain word, a
// mixed-case name or a compound prefix of the document's language. The
// answers never change for a given language and dictionary, so each thread
// keeps them: one hash probe, no lock, instead of half a dozen table
// lookups and a lowercasing per question. What depends on the document
// (how often it uses a word) stays in Vocabulary (word_split.h).
//
// A LexiconMemo belongs to the thread that got it from ForThread and must
// only be used there.
//
//   std::shared_ptr<LexiconMemo> memo = LexiconMemo::ForThread("en", en);
//   if (memo->Lookup("and").function_word) ...
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_LEXICON_MEMO_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_LEXICON_MEMO_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "ingest-service/normalize/word_list.h"

namespace accord::normalize {

class LexiconMemo {
 public:
  // The answers for one word, case as written.
  struct Entry {
    bool function_word = false;    // IsFunctionWord(lowercased)
    bool in_dictionary = false;    // dictionary->Contains(word)
    bool domain_word = false;      // IsDomainWord(lowercased)
    bool mixed_case_name = false;  // IsMixedCaseName(word)
    bool compound_prefix = false;  // IsCompoundPrefix(word)
  };

  // Most words a memo keeps; it is cleared when full. Every thread that
  // prepares documents (the workers and each gRPC thread that runs a
  // bundle) keeps one per language: at 2^18 words, about 75 MB a thread
  // once news vocabulary had filled them, the memos were most of an
  // ingest-service's growth under load (bench/grpc/memory_load.cc). The
  // most frequent 2^15 forms cover most tokens of news text.
  static constexpr size_t kMaxWords = size_t{1} << 15;

  // The calling thread's memo for `language` (ISO 639-1) and `dictionary`
  // (may be null). Shared ownership: a memo stays valid for its holder
  // even if the thread drops it to make room for others.
  static std::shared_ptr<LexiconMemo> ForThread(std::string_view language,
                                                const WordList* dictionary);

  LexiconMemo(std::string language, const WordList* dictionary);
  LexiconMemo(const LexiconMemo&) = delete;
  LexiconMemo& operator=(const LexiconMemo&) = delete;

  // The answers for `word`, computed on first use.
  Entry Lookup(std::string_view word);

  // Whether some prefix of `word` ending between two letters is a compound
  // prefix: only then can the word be prefix + word ("cyberattacks").
  // Asked apart from Lookup because it costs a lookup per prefix, and only
  // whole tokens need it, not the many candidate parts of a split.
  bool HasCompoundPrefix(std::string_view word);

 private:
  struct Memo {
    Entry entry;
    bool compound_prefix_known = false;
    bool has_compound_prefix = false;
  };
  Memo& Find(std::string_view word);
  Entry Compute(std::string_view word) const;

  const std::string language_;
  const WordList* const dictionary_;
  absl::flat_hash_map<std::string, Memo> entries_;
};

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_LEXICON_MEMO_H_
