// LEB128 varints, the integer encoding of every index value.
#ifndef ACCORD_COMMON_INDEX_VARINT_H_
#define ACCORD_COMMON_INDEX_VARINT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace accord::index {

void PutVarint64(uint64_t value, std::string* out);
inline void PutVarint32(uint32_t value, std::string* out);

// Reads a varint from the front of *in and advances it. False on truncated
// input, on a value too large for the type, and on an overlong encoding
// (more bytes than the value needs): every value has exactly one encoding,
// the one Put* writes. *in is unspecified after false.
inline bool GetVarint32(absl::string_view* in, uint32_t* value);
bool GetVarint64(absl::string_view* in, uint64_t* value);

// Length-prefixed string.
void PutString(absl::string_view value, std::string* out);
bool GetString(absl::string_view* in, absl::string_view* value);

// ---- Implementation ----
// Inline one-byte fast paths: most deltas, frequencies and positions fit
// in one byte, and decoding postings is most of a search's time.

bool GetVarint32Slow(absl::string_view* in, uint32_t* value);

inline bool GetVarint32(absl::string_view* in, uint32_t* value) {
  if (!in->empty() && static_cast<unsigned char>(in->front()) < 0x80) {
    *value = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    return true;
  }
  return GetVarint32Slow(in, value);
}

inline void PutVarint32(uint32_t value, std::string* out) {
  if (value < 0x80) {
    out->push_back(static_cast<char>(value));
    return;
  }
  PutVarint64(value, out);
}

}  // namespace accord::index

#endif  // ACCORD_COMMON_INDEX_VARINT_H_
