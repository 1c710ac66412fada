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
      {"Sun Zi", "Сунь Цзы"},      // i after z is ы
      {"Hu Angang", "Ху Аньган"},  // an-gang, not a-ngang
      {"Wang Lina", "Ван Лина"},   // li-na, not lin-a
      {"Wen Jiabao", "Вэнь Цзябао"},
  };
  for (const auto& [pinyin, palladius] : kSame) {
    const std::optional<std::string> key = ChineseNameKey(pinyin);
    ASSERT_TRUE(key.has_value()) << pinyin;
    EXPECT_THAT(ChineseNameKey(palladius), Optional(*key))
        << pinyin << " / " << palladius;
  }
  // Different names stay apart: -an and -ang, j and z, ju and zhu.
  EXPECT_THAT(ChineseNameKey("Li Wang"), Optional(std::string("ли ван")));
  EXPECT_THAT(ChineseNameKey("Li Wan"), Optional(std::string("ли вань")));
  EXPECT_THAT(ChineseNameKey("Li Jun"), Optional(std::string("ли цзюнь")));
  EXPECT_THAT(ChineseNameKey("Li Zun"), Optional(std::string("ли цзунь")));
  EXPECT_THAT(ChineseNameKey("Li Ju"), Optional(std::string("ли цзюи")));
  EXPECT_THAT(ChineseNameKey("Li Zhu"), Optional(std::string("ли чжу")));
  EXPECT_THAT(ChineseNameKey("Xu Qiang"), Optional(std::string("сюи цян")));
}

TEST(ChineseNameKeyTest, OnlyNamesThatReadAsChinese) {
  for (const char* name : {
           "Wang",             // one word
           "Jinping Xi",       // the surname last
           "Bing Li",          // "Bing" is no surname here
           "Li Smith",         // not pinyin
           "Xi Jin-ping",      // the given name in two words
           "Li Jianguohua",    // a given name of three syllables
           "Wang Fin",         // no Mandarin syllable
           "Nguyen Van Long",  // Vietnamese
           "Нгуен Ван Лонг",   // Vietnamese in Cyrillic
           "Phan Van Mai",     // three words: Vietnamese
           "Фан Ван Май",      // the same in Cyrillic
           "Ли Чжэ Мён",       // Korean
           "Ли Петров",        // not Palladius
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
  // Vietnamese names keep their own key, with surnames Chinese shares
  // (Phan/Фан, Cao/Као) too.
  EXPECT_EQ(PersonKey("Nguyen Van Long"), PersonKey("Нгуен Ван Лонг"));
  EXPECT_EQ(PersonKey("Tran Dai Quang"), PersonKey("Чан Дай Куанг"));
  EXPECT_EQ(PersonKey("Phan Van Mai"), PersonKey("Фан Ван Май"));
  EXPECT_EQ(PersonKey("Cao Xuan Hao"), PersonKey("Као Суан Хао"));
}

}  // namespace
}  // namespace accord::alias
