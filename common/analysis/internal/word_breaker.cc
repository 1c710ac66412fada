#include "common/analysis/internal/word_breaker.h"

#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "absl/strings/str_cat.h"

namespace accord::analysis::internal {
namespace {

// One prototype per process, cloned per thread: cloning is much cheaper than
// building the iterator from the rules again.
const icu::BreakIterator* Prototype(UErrorCode* error) {
  static UErrorCode status = U_ZERO_ERROR;
  static const icu::BreakIterator* prototype =
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status);
  *error = status;
  return U_SUCCESS(status) ? prototype : nullptr;
}

// See Split().
constexpr size_t kFastRunChunks = 2;

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
         c == '\v';
}

// True if the UTF-8 token holds a letter or a digit (an ICU word status
// alone also admits runs of connectors such as "__").
bool HasLetterOrDigit(std::string_view token) {
  const auto* p = reinterpret_cast<const uint8_t*>(token.data());
  const int32_t n = static_cast<int32_t>(token.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

}  // namespace

WordBreaker::WordBreaker() {
  UErrorCode error = U_ZERO_ERROR;
  if (const icu::BreakIterator* prototype = Prototype(&error)) {
    iterator_.reset(prototype->clone());
  }
}

WordBreaker::~WordBreaker() { utext_close(&text_); }

absl::Status WordBreaker::CheckAvailable() {
  UErrorCode error = U_ZERO_ERROR;
  if (Prototype(&error) == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat(
        "ICU word break iterator unavailable: ", u_errorName(error)));
  }
  return absl::OkStatus();
}

void WordBreaker::Split(std::string_view text, bool fast_word_breaks,
                        std::vector<WordSpan>* out) {
  out->clear();
  if (!fast_word_breaks) {
    SplitWithIcu(text, 0, out);
    return;
  }
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    while (i < n && IsAsciiSpace(text[i])) ++i;
    if (i == n) break;
    const size_t start = i;
    while (i < n && !IsAsciiSpace(text[i])) ++i;
    if (FindFastWords(text.substr(start, i - start), start, out)) continue;
    // Give ICU the following chunks too, up to a run of kFastRunChunks
    // chunks the fast path takes: each switch costs a setText(), so text
    // that mixes scripts word by word is cheaper in one ICU pass.
    size_t end = i;
    size_t fast_chunks = 0;
    while (i < n && fast_chunks < kFastRunChunks) {
      while (i < n && IsAsciiSpace(text[i])) ++i;
      if (i == n) break;
      const size_t chunk = i;
      while (i < n && !IsAsciiSpace(text[i])) ++i;
      if (IsFastText(text.substr(chunk, i - chunk))) {
        ++fast_chunks;
      } else {
        fast_chunks = 0;
        end = i;
      }
    }
    i = end;  // the run after `end` goes through the fast path
    SplitWithIcu(text.substr(start, end - start), start, out);
  }
}

void WordBreaker::SplitWithIcu(std::string_view text, uint32_t base,
                               std::vector<WordSpan>* out) {
  if (iterator_ == nullptr) return;  // Analyzer::Create refused already
  UErrorCode error = U_ZERO_ERROR;
  utext_openUTF8(&text_, text.data(), static_cast<int64_t>(text.size()),
                 &error);
  iterator_->setText(&text_, error);
  if (U_FAILURE(error)) return;
  int32_t start = iterator_->first();
  for (int32_t end = iterator_->next(); end != icu::BreakIterator::DONE;
       start = end, end = iterator_->next()) {
    if (iterator_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    if (!HasLetterOrDigit(text.substr(start, end - start))) continue;
    out->push_back({static_cast<uint32_t>(base + start),
                    static_cast<uint32_t>(base + end)});
  }
}

}  // namespace accord::analysis::internal
