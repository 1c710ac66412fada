#include "common/index/varint.h"

namespace accord::index {

void PutVarint64(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>(value | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

bool GetVarint64(absl::string_view* in, uint64_t* value) {
  uint64_t result = 0;
  for (int shift = 0, i = 0; shift <= 63 && i < static_cast<int>(in->size());
       shift += 7, ++i) {
    const uint64_t byte = static_cast<unsigned char>((*in)[i]);
    result |= (byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      // One encoding per value: a final zero byte after the first is an
      // overlong form, and the tenth byte holds only bit 63.
      if ((byte == 0 && i > 0) || (shift == 63 && byte > 1)) return false;
      *value = result;
      in->remove_prefix(i + 1);
      return true;
    }
  }
  return false;
}

bool GetVarint32Slow(absl::string_view* in, uint32_t* value) {
  uint64_t wide = 0;
  if (!GetVarint64(in, &wide) || wide > UINT32_MAX) return false;
  *value = static_cast<uint32_t>(wide);
  return true;
}

void PutString(absl::string_view value, std::string* out) {
  PutVarint32(static_cast<uint32_t>(value.size()), out);
  out->append(value.data(), value.size());
}

bool GetString(absl::string_view* in, absl::string_view* value) {
  uint32_t length = 0;
  if (!GetVarint32(in, &length) || length > in->size()) return false;
  *value = in->substr(0, length);
  in->remove_prefix(length);
  return true;
}

}  // namespace accord::index
