// What every Accord fuzz target shares: FUZZ_CHECK (an invariant that
// aborts with a message libFuzzer prints beside the crashing input), a UTF-8
// validator written apart from the code under test, and FuzzInput, which
// cuts one fuzzer input into the fields a target feeds.
//
// Inputs are cut on '\n' where a target takes text fields, so that the seed
// corpus stays readable: "en\nHeadline\nBody..." rather than length-prefixed
// binary. Numbers are read little-endian from raw bytes, 0 past the end.
#ifndef ACCORD_TESTS_FUZZ_FUZZ_CHECK_H_
#define ACCORD_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"
#include "common/util/untrusted_text.h"

// Aborts with `detail` (a std::string expression, evaluated only on
// failure) when `condition` is false.
#define FUZZ_CHECK(condition, detail)                      \
  do {                                                     \
    if (!(condition)) {                                    \
      ::accord::fuzz::Fail(__FILE__, __LINE__, #condition, \
                           std::string(detail));           \
    }                                                      \
  } while (false)

namespace accord::fuzz {

[[noreturn]] inline void Fail(const char* file, int line, const char* condition,
                              const std::string& detail) {
  std::fprintf(stderr,
               "\n*** fuzz invariant violated at %s:%d\n*** %s\n*** %s\n", file,
               line, condition, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

// Debian's abseil has its own string_view type.
inline absl::string_view AsAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

// RFC 3629 UTF-8 (no overlong forms, no surrogates, nothing above
// U+10FFFF), as ICU checks it.
inline bool IsValidUtf8(std::string_view s) {
  return accord::IsValidUtf8(AsAbsl(s));
}

// True when byte `at` of `s` starts a code point (or is the end).
inline bool IsBoundary(std::string_view s, size_t at) {
  return at == s.size() ||
         (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80);
}

// "\xE2\x80\x99" style, for messages.
inline std::string Escape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buffer[5];
      std::snprintf(buffer, sizeof(buffer), "\\x%02X", c);
      out += buffer;
    }
  }
  return out;
}

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}

  // The next byte, 0 past the end.
  uint8_t Byte() {
    if (rest_.empty()) return 0;
    const uint8_t b = static_cast<uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }
  uint32_t U32() {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= uint32_t{Byte()} << (8 * i);
    return v;
  }
  uint64_t U64() { return U32() | uint64_t{U32()} << 32; }
  // Up to the next '\n' (consumed, not returned), or everything left.
  std::string_view Line() {
    const size_t end = rest_.find('\n');
    std::string_view line = rest_.substr(0, end);
    rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end + 1);
    return line;
  }
  // Up to `n` bytes.
  std::string_view Bytes(size_t n) {
    std::string_view bytes = rest_.substr(0, n);
    rest_.remove_prefix(bytes.size());
    return bytes;
  }
  std::string_view Rest() {
    std::string_view rest = rest_;
    rest_ = {};
    return rest;
  }
  bool empty() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace accord::fuzz

#endif  // ACCORD_TESTS_FUZZ_FUZZ_CHECK_H_
