// CodePointMemo: the answers of a string function of one code point, kept
// for every code point below kLimit (Latin with Vietnamese, Greek,
// Cyrillic and most other alphabets), so that per-character folding reads
// a table instead of asking ICU for each character of each word. Built
// once, by calling the function it memoizes for each code point; immutable
// and safe to read from any number of threads after that.
//
// A memo answers exactly what the function answers; the users' tests check
// every code point against the ICU path they replace.
//
//   static const CodePointMemo kFold(
//       [](char32_t c) { return FoldWithIcu(c); });
//   if (!kFold.Append(c, &out)) FoldWithIcu(c, &out);  // c >= kLimit
#ifndef ACCORD_COMMON_UTIL_CODE_POINT_MEMO_H_
#define ACCORD_COMMON_UTIL_CODE_POINT_MEMO_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"

namespace accord {

class CodePointMemo {
 public:
  static constexpr char32_t kLimit = 0x3000;

  explicit CodePointMemo(absl::FunctionRef<std::string(char32_t)> compute) {
    offsets_.reserve(kLimit + 1);
    for (char32_t c = 0; c < kLimit; ++c) {
      offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
      bytes_ += compute(c);
    }
    offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
  }

  // True when `c` is memoized. REQUIRES: c < kLimit for Get.
  static bool Covers(char32_t c) { return c < kLimit; }
  std::string_view Get(char32_t c) const {
    return std::string_view(bytes_).substr(offsets_[c],
                                           offsets_[c + 1] - offsets_[c]);
  }
  // Appends the memoized answer for `c`; false (nothing appended) when `c`
  // is not memoized.
  bool Append(char32_t c, std::string* out) const {
    if (!Covers(c)) return false;
    out->append(Get(c));
    return true;
  }

 private:
  std::vector<uint32_t> offsets_;
  std::string bytes_;
};

}  // namespace accord

#endif  // ACCORD_COMMON_UTIL_CODE_POINT_MEMO_H_
