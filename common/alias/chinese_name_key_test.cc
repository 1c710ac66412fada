// ChineseNameKey on names written by the team in pinyin and in Palladius
// Cyrillic, and on names that are not Chinese.
#include "common/alias/chinese_name_key.h"

#include <optional>
#include <string>

#include "common/alias/name_tokens.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::alias {
namespace {

using ::testing::Optional;

TEST(ChineseNameKeyTest, PinyinAndPalladiusWritingsMeet) {
  const std::pair<std::string, std::string> kSame[] = {
      {"Wang Lei", "Ван Лэй"},
      {"Wang Lei", "Ван Лей"},  // э and е, as papers write them
      {"Xi Jinping", "Си Цзиньпин"},
      {"Xi Jin-ping", "Си Цзиньпин"},  // the given name in two words
      {"Li Qiang", "Ли Цян"},
      {"Zhao Lijian", "Чжао Лицзянь"},
      {"Hua Chunying", "Хуа Чуньин"},
      {"Ma Zhaoxu", "Ма Чжаосюй"},
      {"Zhang Jun", "Чжан Цзюнь"},
      {"Wang Yi", "Ван И"},
      {"Guo Shengkun", "Го Шэнкунь"},
      {"Chen Wenqing", "Чэнь Вэньцин"},
      {"Huang Kunming", "Хуан Куньмин"},
      {"Zhao Kezhi", "Чжао Кэчжи"},
      {"Hu Chunhua", "Ху Чуньхуа"},
      {"Sun Lijun", "Сунь Лицзюнь"},
      {"Yang Jiechi", "Ян Цзечи"},
      {"Li Hui", "Ли Хуэй"},
      {"Zhou Xuan", "Чжоу Сюань"},
      {"Qin Gang", "Цинь Ган"},
      {"Cui Tiankai", "Цуй Тянькай"},
      {"Sun Zi", "Сунь Цзы"},  // i after z is ы
  };
  for (const auto& [pinyin, palladius] : kSame) {
    const std::optional<std::string> key = ChineseNameKey(pinyin);
    ASSERT_TRUE(key.has_value()) << pinyin;
    EXPECT_THAT(ChineseNameKey(palladius), Optional(*key))
        << pinyin << " / " << palladius;
  }
  // Different names stay apart: -an and -ang, j and z, u and ü.
  EXPECT_NE(ChineseNameKey("Wang Lei"), ChineseNameKey("Wan Lei"));
  EXPECT_NE(ChineseNameKey("Li Jun"), ChineseNameKey("Li Zun"));
  EXPECT_NE(ChineseNameKey("Li Ju"), ChineseNameKey("Li Zhu"));
  EXPECT_EQ(*ChineseNameKey("Wang Lei"), "ван леи");
  EXPECT_EQ(*ChineseNameKey("Xu Qiang"), "сюи цян");
}

TEST(ChineseNameKeyTest, OnlyNamesThatReadAsChinese) {
  for (const char* name : {
           "Wang",               // one word
           "Jinping Xi",         // the surname last
           "Anna Lee",           // not a surname
           "Li Smith",           // not pinyin
           "Nguyen Van Long",    // Vietnamese
           "Нгуен Ван Лонг",     // Vietnamese in Cyrillic
           "Чан Дай Куанг",      // Trần Đại Quang
           "Ли Петров",          // not Palladius
           "Wang Lei Ming Hua",  // four words
           "Li Zhongguancunxi",  // a word of more than three syllables
           "Владимир Путин",
       }) {
    EXPECT_EQ(ChineseNameKey(name), std::nullopt) << name;
  }
}

TEST(ChineseNameKeyTest, PersonKeyMergesChineseNamesAcrossScripts) {
  EXPECT_EQ(PersonKey("Wang Lei"), PersonKey("Ван Лэй"));
  EXPECT_EQ(PersonKey("Xi Jinping"), PersonKey("Си Цзиньпин"));
  // "Ли Цян" also reads as a Vietnamese skeleton; the Chinese reading
  // comes first, so the Cyrillic and the pinyin meet.
  EXPECT_EQ(PersonKey("Li Qiang"), PersonKey("Ли Цян"));
  // Vietnamese names keep their own key.
  EXPECT_EQ(PersonKey("Nguyen Van Long"), PersonKey("Нгуен Ван Лонг"));
  EXPECT_EQ(PersonKey("Tran Dai Quang"), PersonKey("Чан Дай Куанг"));
}

}  // namespace
}  // namespace accord::alias
