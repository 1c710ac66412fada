#include "common/alias/vietnamese_name_key.h"

#include "common/alias/name_tokens.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::alias {
namespace {

using testing::Optional;

// Names as Vietnamese, Latin press and Russian press write them (the
// Russian forms by the Russian–Vietnamese transcription).
TEST(VietnameseNameKeyTest, LatinAndCyrillicWritingsMeet) {
  const char* const kSameNames[][3] = {
      {"Nguyễn Văn Long", "Nguyen Van Long", "Нгуен Ван Лонг"},
      {"Trần Đại Quang", "Tran Dai Quang", "Чан Дай Куанг"},
      {"Bùi Thanh Sơn", "Bui Thanh Son", "Буй Тхань Шон"},
      {"Phạm Minh Chính", "Pham Minh Chinh", "Фам Минь Тьинь"},
      {"Châu Văn Sơn", "Chau Van Son", "Тяу Ван Шон"},
      {"Nguyễn Xuân Phúc", "Nguyen Xuan Phuc", "Нгуен Суан Фук"},
      {"Trương Đình Dũng", "Truong Dinh Dung", "Чыонг Динь Зунг"},
      {"Huỳnh Khánh Giang", "Huynh Khanh Giang", "Хюинь Кхань Зянг"},
      {"Lương Tam Quang", "Luong Tam Quang", "Лыонг Там Куанг"},
      {"Hoàng Xuân Phúc", "Hoang Xuan Phuc", "Хоанг Суан Фук"},
      {"Đặng Hoàng Giang", "Dang Hoang Giang", "Данг Хоанг Зянг"},
      {"Lê Quốc Việt", "Le Quoc Viet", "Ле Куок Вьет"},
      {"Ngô Thị Nghĩa", "Ngo Thi Nghia", "Нго Тхи Нгиа"},
      {"Nguyễn Thị Nhân", "Nguyen Thi Nhan", "Нгуен Тхи Нян"},
  };
  for (const auto& names : kSameNames) {
    const std::optional<std::string> key = VietnameseNameKey(names[0]);
    ASSERT_TRUE(key.has_value()) << names[0];
    EXPECT_THAT(VietnameseNameKey(names[1]), Optional(*key)) << names[1];
    EXPECT_THAT(VietnameseNameKey(names[2]), Optional(*key)) << names[2];
    EXPECT_EQ(PersonKey(names[2]), PersonKey(names[1])) << names[2];
  }
  EXPECT_THAT(VietnameseNameKey("Nguyen Van Long"),
              Optional(std::string("nguen van long")));
}

TEST(VietnameseNameKeyTest, WhatStaysApart) {
  // Final -nh and -ch are not -n and -t: "Anh" is not "An".
  EXPECT_NE(VietnameseNameKey("Nguyen Van Anh"),
            VietnameseNameKey("Nguyen Van An"));
  EXPECT_NE(VietnameseNameKey("Bui Van Nam"), VietnameseNameKey("Bui Van Lam"));
  // Initial ch is not t, x is not s.
  EXPECT_NE(VietnameseNameKey("Nguyen Van Chien"),
            VietnameseNameKey("Nguyen Van Tien"));
  EXPECT_NE(VietnameseNameKey("Нгуен Ван Тьиен"),
            VietnameseNameKey("Нгуен Ван Тиен"));
  EXPECT_NE(VietnameseNameKey("Le Van Xuan"), VietnameseNameKey("Le Van Suan"));
  EXPECT_NE(VietnameseNameKey("Ле Ван Суан"), VietnameseNameKey("Ле Ван Шуан"));
  EXPECT_NE(PersonKey("Нгуен Ван Ань"), PersonKey("Нгуен Ван Ан"));
  // Names that do not read as Vietnamese keep PersonKey's other rules.
  EXPECT_EQ(VietnameseNameKey("Sergei Lavrov"), std::nullopt);
  EXPECT_EQ(VietnameseNameKey("Сергей Лавров"), std::nullopt);
  EXPECT_EQ(VietnameseNameKey("Ван Лэй"), std::nullopt);  // Wang Lei
  EXPECT_EQ(VietnameseNameKey("Jean-Yves Le Drian"), std::nullopt);
  EXPECT_EQ(VietnameseNameKey("Ле Дриан"), std::nullopt);
  EXPECT_EQ(VietnameseNameKey("Nguyen"), std::nullopt);  // one word
  EXPECT_EQ(PersonKey("Nikolai Patrushev"), PersonKey("Николай Патрушев"));
}

}  // namespace
}  // namespace accord::alias
