#include "common/analysis/analyzer.h"

#include <unicode/normalizer2.h>

#include <algorithm>
#include <limits>

#include "absl/strings/str_cat.h"
#include "common/analysis/internal/fast_words.h"
#include "common/analysis/internal/folding.h"
#include "common/analysis/internal/stemmers.h"
#include "common/analysis/internal/term_cache.h"
#include "common/analysis/internal/word_breaker.h"

namespace accord::analysis {
namespace {

using internal::TermCache;
using internal::WordSpan;

constexpr size_t kMaxTextBytes = std::numeric_limits<int32_t>::max();

// Bound on per-thread term caches (one per document language seen).
constexpr size_t kMaxCachedLanguages = 16;

// What one thread reuses across calls: the analyzer is shared, this is not.
struct ThreadState {
  internal::WordBreaker breaker;
  internal::ThreadStemmers stemmers;
  std::vector<std::pair<std::string, std::unique_ptr<TermCache>>> caches;
  std::vector<WordSpan> spans;
  std::string folded;   // casefold + elide of the current word
  std::string stemmed;  // stem_L(folded)
  TermCache::Entry uncached;

  TermCache& CacheFor(std::string_view language) {
    for (auto& [cached_language, cache] : caches) {
      if (cached_language == language) return *cache;
    }
    if (caches.size() >= kMaxCachedLanguages) caches.clear();
    return *caches.emplace_back(language, std::make_unique<TermCache>()).second;
  }
};

ThreadState& State() {
  thread_local ThreadState state;
  return state;
}

// Cuts `text` to at most `limit` bytes without splitting a UTF-8 sequence.
std::string_view Clamp(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return text.substr(0, end);
}

// Byte length of the apostrophe (' or U+2019) at `at` in `word`, or 0.
size_t ApostropheAt(std::string_view word, size_t at) {
  if (at < word.size() && word[at] == '\'') return 1;
  if (word.substr(at, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

// casefold + elide of `word` into state.folded. Returns false when the word
// yields no term. `*elided` is the number of original bytes elided.
bool Prepare(std::string_view word, size_t max_bytes, ThreadState& state,
             uint32_t* elided) {
  *elided = 0;
  state.folded.clear();
  // NFKC can expand a character 18-fold; anything longer is dropped anyway.
  if (word.size() > 18 * max_bytes) return false;
  internal::CaseFold(word, &state.folded);
  if (size_t prefix = internal::ElidedPrefixLength(state.folded)) {
    // The elided prefix is ASCII; map it back when the original has it too.
    if (size_t quote = ApostropheAt(word, prefix - 1)) {
      *elided = static_cast<uint32_t>(prefix - 1 + quote);
    }
    state.folded.erase(0, prefix);
  }
  return !state.folded.empty() && state.folded.size() <= max_bytes;
}

// term = fold(stem(folded)), into `*term`.
void Finish(sb_stemmer* stemmer, ThreadState& state, std::string* term) {
  const std::string* source = &state.folded;
  if (stemmer != nullptr) {
    internal::Stem(stemmer, state.folded, &state.stemmed);
    source = &state.stemmed;
  }
  if (internal::IsAscii(*source)) {
    term->assign(*source);
  } else {
    internal::FoldDiacritics(*source, term);
  }
}

// Fills `*entry` (all but entry->word) for `word`.
void Compute(std::string_view word, size_t max_bytes, sb_stemmer* stemmer,
             ThreadState& state, TermCache::Entry* entry) {
  if (Prepare(word, max_bytes, state, &entry->elided)) {
    Finish(stemmer, state, &entry->term);
  } else {
    entry->term.clear();
  }
  entry->folded_bytes = static_cast<uint32_t>(state.folded.size());
}

}  // namespace

absl::StatusOr<std::unique_ptr<Analyzer>> Analyzer::Create(
    const AnalyzerOptions& options) {
  if (options.max_word_bytes == 0) {
    return absl::InvalidArgumentError("AnalyzerOptions.max_word_bytes is 0");
  }
  if (absl::Status status = internal::WordBreaker::CheckAvailable();
      !status.ok()) {
    return status;
  }
  UErrorCode error = U_ZERO_ERROR;
  icu::Normalizer2::getNFKCCasefoldInstance(error);
  icu::Normalizer2::getNFDInstance(error);
  if (U_FAILURE(error)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "ICU normalization data unavailable: ", u_errorName(error)));
  }
  return std::unique_ptr<Analyzer>(new Analyzer(options));
}

void Analyzer::Analyze(std::string_view utf8_text, std::string_view language,
                       std::vector<Token>* out) const {
  const std::string_view text = Clamp(utf8_text, kMaxTextBytes);
  ThreadState& state = State();
  sb_stemmer* stemmer = state.stemmers.Get(language);
  TermCache& cache = state.CacheFor(language);
  state.breaker.Split(text, options_.fast_word_breaks, &state.spans);
  // Assign into the tokens already there: their strings keep their buffers.
  if (out->size() < state.spans.size()) out->resize(state.spans.size());
  const size_t max_bytes = options_.max_word_bytes;
  size_t count = 0;
  uint32_t position = 0;
  for (const WordSpan& span : state.spans) {
    const uint32_t word_position = position++;
    const std::string_view word =
        text.substr(span.begin, span.end - span.begin);
    const TermCache::Entry* entry = &state.uncached;
    if (options_.term_cache && word.size() <= TermCache::kMaxWordBytes) {
      // Cached terms do not depend on the options: the length limit is
      // checked below, on every use.
      TermCache::Entry& slot = cache.Slot(word);
      if (slot.word != word) {
        Compute(word, std::numeric_limits<uint32_t>::max(), stemmer, state,
                &slot);
        slot.word.assign(word);
      }
      entry = &slot;
    } else {
      Compute(word, max_bytes, stemmer, state, &state.uncached);
    }
    if (entry->term.empty() || entry->folded_bytes > max_bytes) continue;
    Token& token = (*out)[count++];
    token.term.assign(entry->term);
    token.position = word_position;
    token.begin = span.begin + entry->elided;
    token.end = span.end;
  }
  out->resize(count);
}

std::vector<std::vector<std::string>> Analyzer::QueryTerms(
    std::string_view word_text, absl::Span<const std::string> languages) const {
  const std::string_view text = Clamp(word_text, kMaxTextBytes);
  ThreadState& state = State();
  state.breaker.Split(text, options_.fast_word_breaks, &state.spans);
  std::vector<std::vector<std::string>> words;
  words.reserve(state.spans.size());
  std::string term;
  for (const WordSpan& span : state.spans) {
    uint32_t elided;
    if (!Prepare(text.substr(span.begin, span.end - span.begin),
                 options_.max_word_bytes, state, &elided)) {
      continue;
    }
    std::vector<std::string>& alternatives = words.emplace_back();
    Finish(nullptr, state, &term);
    alternatives.push_back(term);
    for (const std::string& language : languages) {
      sb_stemmer* stemmer = state.stemmers.Get(language);
      if (stemmer == nullptr) continue;
      Finish(stemmer, state, &term);
      if (std::find(alternatives.begin(), alternatives.end(), term) ==
          alternatives.end()) {
        alternatives.push_back(term);
      }
    }
  }
  return words;
}

bool HasStemmer(std::string_view language) {
  return !internal::SnowballAlgorithm(language).empty();
}

}  // namespace accord::analysis
