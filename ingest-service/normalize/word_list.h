// Spelling dictionaries (hunspell) per language, loaded on first use and
// shared by every ingest thread.
//
// Glued-word repair asks "is this a word of the document's language?"
// for every token that could be two words, so answers are memoized per
// language in one memo under a reader lock: no thread asks hunspell what
// another already has. The hot path does not even come here: each thread
// keeps its own lock-free memo in front (lexicon_memo.h), keyed by id().
// Hunspell itself is not documented as thread-safe, so calls into it are
// serialized per dictionary.
//
//   WordLists lists({"/usr/share/hunspell"});
//   if (const WordList* en = lists.ForLanguage("en")) en->Contains("and");
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_WORD_LIST_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_WORD_LIST_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

class Hunspell;

namespace accord::normalize {

// One language's dictionary. Thread-safe.
class WordList {
 public:
  // Loads `<base>.aff` and `<base>.dic`; nullptr when either is missing.
  // At most `max_cached_words` answers are kept (the memo is cleared when
  // it fills up, which bounds memory on adversarial input).
  static std::unique_ptr<WordList> Open(const std::string& base,
                                        size_t max_cached_words);
  ~WordList();
  WordList(const WordList&) = delete;
  WordList& operator=(const WordList&) = delete;

  // True when the dictionary accepts `word` (UTF-8, case as written;
  // hunspell accepts "And" for "and" but not "russia" for "Russia").
  bool Contains(std::string_view word) const;

  // Names this list for per-thread memos; unique over the process's life.
  uint64_t id() const { return id_; }

 private:
  WordList(std::unique_ptr<Hunspell> hunspell, std::string encoding,
           size_t max_cached_words);
  bool Spell(std::string_view word) const;

  // Never reused (unlike the address), so a list opened where a destroyed
  // one was is never answered from the old one's memo.
  const uint64_t id_;
  const std::string encoding_;  // Dictionary encoding; "" for UTF-8.
  const size_t max_cached_words_;
  mutable absl::Mutex hunspell_mu_;
  std::unique_ptr<Hunspell> hunspell_ ABSL_PT_GUARDED_BY(hunspell_mu_);
  mutable absl::Mutex cache_mu_;
  mutable absl::flat_hash_map<std::string, bool> cache_
      ABSL_GUARDED_BY(cache_mu_);
};

// All languages' dictionaries under one directory. Thread-safe.
class WordLists {
 public:
  WordLists(std::string dictionary_dir, size_t max_cached_words);
  ~WordLists();

  // The dictionary for ISO 639-1 `language`, or nullptr when the directory
  // has none. Picks `<lang>_<usual region>` ("en_US", "de_DE"), else
  // `<lang>`, else the first `<lang>_*` file. Loads on first use, once:
  // threads asking for a language meanwhile wait for that load, while
  // other languages are answered and loaded beside it; later calls are a
  // hash probe.
  const WordList* ForLanguage(std::string_view language) const;

  // The dictionary base path chosen for `language`, "" when there is none.
  std::string DictionaryPath(std::string_view language) const;

 private:
  // One language's dictionary. A dictionary takes 0.1-0.3 s to load: two
  // documents of a new language on two threads must not load two copies.
  // (absl::Mutex, not absl::call_once: ThreadSanitizer sees Accord's
  // absl::Mutex through common/testing/tsan/, not call_once's wait inside
  // the uninstrumented libabsl.)
  struct Slot {
    absl::Mutex mu;
    bool loaded ABSL_GUARDED_BY(mu) = false;
    std::unique_ptr<WordList> list ABSL_GUARDED_BY(mu);  // null: none there
  };

  const std::string dictionary_dir_;
  const size_t max_cached_words_;
  mutable absl::Mutex mu_;
  // Slots never move or go away before *this: ForLanguage loads into one
  // without holding mu_.
  mutable absl::flat_hash_map<std::string, std::unique_ptr<Slot>> slots_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_WORD_LIST_H_
