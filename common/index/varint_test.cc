#include "common/index/varint.h"

#include <string>

#include "gtest/gtest.h"

namespace accord::index {
namespace {

TEST(VarintTest, RoundTripsBoundaries) {
  for (uint64_t value : {uint64_t{0}, uint64_t{127}, uint64_t{128},
                         uint64_t{16383}, uint64_t{16384}, uint64_t{UINT32_MAX},
                         uint64_t{UINT32_MAX} + 1, UINT64_MAX}) {
    std::string encoded;
    PutVarint64(value, &encoded);
    absl::string_view in(encoded);
    uint64_t decoded = 0;
    ASSERT_TRUE(GetVarint64(&in, &decoded)) << value;
    EXPECT_EQ(decoded, value);
    EXPECT_TRUE(in.empty());
  }
}

// Found by fuzz_varint: "\x80\x00" decoded as 0, and a tenth byte's bits
// past 64 were dropped, so one value had many encodings (page tokens and
// index values that re-encode differently).
TEST(VarintTest, RefusesOverlongAndTooLargeEncodings) {
  for (const std::string& bad :
       {std::string("\x80\x00", 2), std::string("\x85\x80\x80\x00", 4),
        std::string("\xff\xff\xff\xff\x8f\x00", 6),
        std::string(9, '\xff') + "\x02", std::string(9, '\xff') + "\x7f",
        std::string(10, '\x80') + std::string("\x00", 1)}) {
    absl::string_view in(bad);
    uint64_t value64 = 0;
    EXPECT_FALSE(GetVarint64(&in, &value64)) << value64;
    in = bad;
    uint32_t value32 = 0;
    EXPECT_FALSE(GetVarint32(&in, &value32)) << value32;
  }
  absl::string_view in("\xff\xff\xff\xff\x10", 5);  // 2^32
  uint32_t value32 = 0;
  EXPECT_FALSE(GetVarint32(&in, &value32));
}

TEST(VarintTest, RefusesTruncatedInput) {
  std::string encoded;
  PutVarint64(UINT64_MAX, &encoded);
  for (size_t n = 0; n < encoded.size(); ++n) {
    absl::string_view in(encoded.data(), n);
    uint64_t value = 0;
    EXPECT_FALSE(GetVarint64(&in, &value)) << n;
  }
  absl::string_view in(
      "\x05"
      "ab",
      3);
  absl::string_view value;
  EXPECT_FALSE(GetString(&in, &value));
}

}  // namespace
}  // namespace accord::index
