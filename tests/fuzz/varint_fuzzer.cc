// Fuzz target: LEB128 varints and length-prefixed strings
// (common/index/varint.h), the integer encoding of every index value and of
// page tokens.
//
// Feeds the whole input to GetVarint32, GetVarint64 and GetString (each
// from the start), then reads it as a stream of varints to the end; the
// same bytes as little-endian values are encoded and decoded back.
//
// Asserts, from the header's contract:
//  - a Get* that succeeds consumed a prefix of the input, and that prefix
//    is exactly what the matching Put* writes for the value: one encoding
//    per value, so truncated, overlong (non-minimal) and too-large
//    encodings are refused;
//  - GetString's value lies inside the input and PutString writes back the
//    bytes consumed;
//  - decode(encode(v)) == v, consuming exactly the encoding, for 32- and
//    64-bit values and strings built from the input.
#include <string>

#include "common/index/varint.h"
#include "tests/fuzz/fuzz_check.h"

namespace accord::fuzz {
namespace {

using accord::index::GetString;
using accord::index::GetVarint32;
using accord::index::GetVarint64;
using accord::index::PutString;
using accord::index::PutVarint32;
using accord::index::PutVarint64;

// Decodes the front of `bytes` with `get` and checks it against `put`.
template <typename T, typename Get, typename Put>
void CheckCanonical(const std::string& bytes, Get get, Put put,
                    const char* name) {
  absl::string_view in(bytes);
  T value = 0;
  if (!get(&in, &value)) return;
  FUZZ_CHECK(
      in.data() >= bytes.data() &&
          in.data() + in.size() == bytes.data() + bytes.size(),
      std::string(name) + " left a view that is not a suffix of its input");
  const size_t consumed = bytes.size() - in.size();
  std::string encoded;
  put(value, &encoded);
  FUZZ_CHECK(encoded == bytes.substr(0, consumed),
             std::string(name) + " accepted a non-canonical encoding: " +
                 Escape(bytes.substr(0, consumed)) + " (canonical " +
                 Escape(encoded) + ")");
}

}  // namespace
}  // namespace accord::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord::fuzz;
  const std::string bytes(reinterpret_cast<const char*>(data), size);

  CheckCanonical<uint32_t>(bytes, GetVarint32, PutVarint32, "GetVarint32");
  CheckCanonical<uint64_t>(bytes, GetVarint64, PutVarint64, "GetVarint64");

  absl::string_view in(bytes);
  absl::string_view value;
  if (GetString(&in, &value)) {
    FUZZ_CHECK(value.data() >= bytes.data() &&
                   value.data() + value.size() <= bytes.data() + bytes.size() &&
                   value.data() + value.size() == in.data(),
               "GetString's value is not the bytes before the rest");
    std::string encoded;
    PutString(value, &encoded);
    FUZZ_CHECK(encoded == bytes.substr(0, bytes.size() - in.size()),
               "GetString accepted a non-canonical length: " + Escape(bytes));
  }

  // A stream of varints, as the index reads them, to the end.
  in = bytes;
  while (!in.empty()) {
    const size_t before = in.size();
    uint64_t v = 0;
    if (!GetVarint64(&in, &v)) break;
    FUZZ_CHECK(in.size() < before && before - in.size() <= 10,
               "a varint consumed nothing or more than 10 bytes");
  }

  FuzzInput input(data, size);
  while (!input.empty()) {
    const uint64_t v64 = input.U64();
    const uint32_t v32 = static_cast<uint32_t>(v64 >> (v64 & 31));
    std::string encoded;
    PutVarint32(v32, &encoded);
    PutVarint64(v64, &encoded);
    PutString(bytes.substr(0, v64 % (bytes.size() + 1)), &encoded);
    absl::string_view read(encoded);
    uint32_t r32 = 0;
    uint64_t r64 = 0;
    absl::string_view s;
    FUZZ_CHECK(GetVarint32(&read, &r32) && r32 == v32,
               "uint32 round trip failed");
    FUZZ_CHECK(GetVarint64(&read, &r64) && r64 == v64,
               "uint64 round trip failed");
    FUZZ_CHECK(GetString(&read, &s) &&
                   s == bytes.substr(0, v64 % (bytes.size() + 1)) &&
                   read.empty(),
               "string round trip failed");
  }
  return 0;
}
