// LEB128 varints, the integer encoding of every index value.
#ifndef ACCORD_COMMON_INDEX_VARINT_H_
#define ACCORD_COMMON_INDEX_VARINT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace accord::index {

void PutVarint32(uint32_t value, std::string* out);
void PutVarint64(uint64_t value, std::string* out);

// Reads a varint from the front of *in and advances it. False on truncated
// input, on a value too large for the type, and on an overlong encoding
// (more bytes than the value needs): every value has exactly one encoding,
// the one Put* writes. *in is unspecified after false.
bool GetVarint32(absl::string_view* in, uint32_t* value);
bool GetVarint64(absl::string_view* in, uint64_t* value);

// Length-prefixed string.
void PutString(absl::string_view value, std::string* out);
bool GetString(absl::string_view* in, absl::string_view* value);

}  // namespace accord::index

#endif  // ACCORD_COMMON_INDEX_VARINT_H_
