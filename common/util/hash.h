// Content hashing for stable, content-derived ids.
#ifndef ACCORD_COMMON_UTIL_HASH_H_
#define ACCORD_COMMON_UTIL_HASH_H_

#include <string>

#include "absl/strings/string_view.h"

namespace accord {

// Returns the SHA-256 digest of `data` as 64 lowercase hex digits.
std::string Sha256Hex(absl::string_view data);

// True when `s` is exactly `length` lowercase hex digits.
bool IsLowerHex(absl::string_view s, size_t length);

}  // namespace accord

#endif  // ACCORD_COMMON_UTIL_HASH_H_
