// Tests of headline detection and glued-caption splitting.
#include "ingest-service/normalize/title.h"

#include <gtest/gtest.h>

#include <string>

namespace accord::normalize {
namespace {

const TitleLimits kLimits;

TEST(TitleTest, ShortLineWithoutPeriodIsAHeadline) {
  EXPECT_TRUE(LooksLikeHeadline("ASEAN ministers adopt cyber norms", kLimits));
  EXPECT_TRUE(LooksLikeHeadline(
      "La France et l’Inde renforcent leur dialogue cyber", kLimits));
  EXPECT_TRUE(
      LooksLikeHeadline("Deutschland unterzeichnet Konvention", kLimits));
  EXPECT_TRUE(LooksLikeHeadline("España refuerza su ciberseguridad", kLimits));
  EXPECT_TRUE(
      LooksLikeHeadline("Россия и Вьетнам подписали соглашение", kLimits));
  EXPECT_TRUE(
      LooksLikeHeadline("Việt Nam và Nga hợp tác an ninh mạng", kLimits));
  EXPECT_TRUE(LooksLikeHeadline("Who will write the cyber rules?", kLimits));
}

TEST(TitleTest, SentencesAndLongLinesAreNotHeadlines) {
  EXPECT_FALSE(LooksLikeHeadline("The ministers met in Hanoi.", kLimits));
  EXPECT_FALSE(LooksLikeHeadline("Ministers met in Hanoi,", kLimits));
  EXPECT_FALSE(LooksLikeHeadline("lowercase start is a fragment", kLimits));
  EXPECT_FALSE(LooksLikeHeadline("Cybersecurity", kLimits));  // One word.
  std::string long_line;
  for (int i = 0; i < 40; ++i) long_line += "Word ";
  EXPECT_FALSE(LooksLikeHeadline(long_line, kLimits));
  EXPECT_FALSE(LooksLikeHeadline(long_line, {1000, 30}));  // Too many words.
}

TEST(TitleTest, FurnitureIsNotAHeadline) {
  EXPECT_FALSE(LooksLikeHeadline("Hanoi (VNA) – Vietnam and Japan", kLimits));
  EXPECT_FALSE(LooksLikeHeadline("28 ноября 2019, 11:12", kLimits));
  EXPECT_FALSE(LooksLikeHeadline("Xem thêm", kLimits));
  EXPECT_FALSE(LooksLikeHeadline("Kommentare (4)", kLimits));
  EXPECT_FALSE(
      LooksLikeHeadline("Les ministres à Paris. Photo : AFP", kLimits));
}

TEST(TitleTest, MatchTitleSplitsAGluedCaption) {
  const auto title = MatchTitle(
      "Việt Nam và Nga hợp tác an ninh mạng hình ảnh 1Thứ trưởng Bộ Công an "
      "phát biểu tại hội nghị (Ảnh: TTXVN)",
      kLimits);
  ASSERT_TRUE(title.has_value());
  EXPECT_EQ(title->title, "Việt Nam và Nga hợp tác an ninh mạng");
  EXPECT_EQ(title->caption,
            "Thứ trưởng Bộ Công an phát biểu tại hội nghị (Ảnh: TTXVN)");

  const auto german = MatchTitle(
      "Berlin lädt zur Cyberkonferenz Foto 2Die Ministerin bei der Eröffnung",
      kLimits);
  ASSERT_TRUE(german.has_value());
  EXPECT_EQ(german->title, "Berlin lädt zur Cyberkonferenz");
  EXPECT_EQ(german->caption, "Die Ministerin bei der Eröffnung");
}

TEST(TitleTest, MatchTitleWithoutMarkerKeepsTheLine) {
  const auto title =
      MatchTitle("Москва и Ханой обсудили безопасность", kLimits);
  ASSERT_TRUE(title.has_value());
  EXPECT_EQ(title->title, "Москва и Ханой обсудили безопасность");
  EXPECT_EQ(title->caption, "");
  EXPECT_FALSE(
      MatchTitle("El ministro llegó a Madrid el lunes.", kLimits).has_value());
}

}  // namespace
}  // namespace accord::normalize
