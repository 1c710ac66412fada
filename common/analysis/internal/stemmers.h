// Snowball stemmers (libstemmer) for one thread.
//
// A libstemmer stemmer keeps its working buffer inside and is not
// thread-safe, so each thread keeps its own, one per language, created on
// first use and freed when the thread ends (see analyzer.cc).
#ifndef ACCORD_COMMON_ANALYSIS_INTERNAL_STEMMERS_H_
#define ACCORD_COMMON_ANALYSIS_INTERNAL_STEMMERS_H_

#include <string>
#include <string_view>
#include <vector>

struct sb_stemmer;

namespace accord::analysis::internal {

// The Snowball algorithm name for a language tag ("en", "en-GB", "DE",
// "fra", "french"), or "" when Snowball has no stemmer for it. The primary
// subtag is matched case-insensitively against libstemmer's names and ISO
// 639-1/639-2 codes. "porter" (an old English variant) is refused.
std::string SnowballAlgorithm(std::string_view language);

class ThreadStemmers {
 public:
  ThreadStemmers() = default;
  ~ThreadStemmers();
  ThreadStemmers(const ThreadStemmers&) = delete;
  ThreadStemmers& operator=(const ThreadStemmers&) = delete;

  // The stemmer for `language`, or null when Snowball has none. Valid until
  // this object is destroyed.
  sb_stemmer* Get(std::string_view language);

 private:
  struct Entry {
    std::string language;  // as passed to Get()
    sb_stemmer* stemmer;   // null: no stemmer for this language
  };
  void Clear();

  std::vector<Entry> entries_;  // few languages per thread: linear search
};

// Replaces `*out` with the stem of `word` (UTF-8, case-folded). The word
// itself when the stemmer would leave nothing of it (Greek "ετε"), and on
// allocation failure inside libstemmer: a stem is never empty.
void Stem(sb_stemmer* stemmer, std::string_view word, std::string* out);

}  // namespace accord::analysis::internal

#endif  // ACCORD_COMMON_ANALYSIS_INTERNAL_STEMMERS_H_
