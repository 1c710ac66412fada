#include "ingest-service/extract/gazetteer/mo_catalog.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace accord::extract {
namespace {

void PutWord(uint32_t v, bool big_endian, std::string* out) {
  for (int i = 0; i < 4; ++i) {
    const int shift = big_endian ? 24 - 8 * i : 8 * i;
    out->push_back(static_cast<char>((v >> shift) & 0xff));
  }
}

// A catalogue as msgfmt lays it out: header, two descriptor tables, strings.
std::string MakeMo(const std::vector<std::pair<std::string, std::string>>& m,
                   bool big_endian) {
  const uint32_t n = static_cast<uint32_t>(m.size());
  const uint32_t originals = 28, translations = 28 + 8 * n;
  uint32_t strings = 28 + 16 * n;
  std::string header, tables_o, tables_t, data;
  PutWord(0x950412de, big_endian, &header);
  PutWord(0, big_endian, &header);
  PutWord(n, big_endian, &header);
  PutWord(originals, big_endian, &header);
  PutWord(translations, big_endian, &header);
  PutWord(0, big_endian, &header);
  PutWord(0, big_endian, &header);
  for (const auto& [id, str] : m) {
    PutWord(static_cast<uint32_t>(id.size()), big_endian, &tables_o);
    PutWord(strings + static_cast<uint32_t>(data.size()), big_endian,
            &tables_o);
    data += id;
    data.push_back('\0');
  }
  for (const auto& [id, str] : m) {
    PutWord(static_cast<uint32_t>(str.size()), big_endian, &tables_t);
    PutWord(strings + static_cast<uint32_t>(data.size()), big_endian,
            &tables_t);
    data += str;
    data.push_back('\0');
  }
  return header + tables_o + tables_t + data;
}

TEST(MoCatalogTest, ReadsBothByteOrders) {
  for (bool big_endian : {false, true}) {
    absl::StatusOr<MoCatalog> catalog =
        ParseMoCatalog(MakeMo({{"", "Content-Type: text/plain\n"},
                               {"Russian Federation", "Fédération de Russie"},
                               {"Viet Nam", "Viêt Nam"}},
                              big_endian));
    ASSERT_TRUE(catalog.ok()) << catalog.status();
    EXPECT_EQ(catalog->size(), 2u);  // the header entry is left out
    EXPECT_EQ(catalog->at("Viet Nam"), "Viêt Nam");
  }
}

TEST(MoCatalogTest, MalformedCataloguesAreDataLoss) {
  EXPECT_TRUE(absl::IsDataLoss(ParseMoCatalog("short").status()));
  std::string bad_magic = MakeMo({{"a", "b"}}, false);
  bad_magic[0] = 'x';
  EXPECT_TRUE(absl::IsDataLoss(ParseMoCatalog(bad_magic).status()));
  std::string cut = MakeMo({{"a", "b"}}, false);
  cut.resize(cut.size() - 3);
  EXPECT_TRUE(absl::IsDataLoss(ParseMoCatalog(cut).status()));
  EXPECT_TRUE(absl::IsNotFound(ReadMoCatalog("/nonexistent/x.mo").status()));
}

// Debian's iso-codes (a declared dependency) as the extractor reads it.
TEST(MoCatalogTest, ReadsIsoCodesFrench) {
  absl::StatusOr<MoCatalog> catalog =
      ReadMoCatalog("/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo");
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  EXPECT_GT(catalog->size(), 200u);
  ASSERT_TRUE(catalog->contains("Germany"));
  EXPECT_EQ(catalog->at("Germany"), "Allemagne");
}

}  // namespace
}  // namespace accord::extract
