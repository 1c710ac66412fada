#include "common/analysis/internal/folding.h"

#include <string>

#include "gtest/gtest.h"

namespace accord::analysis::internal {
namespace {

std::string Fold(std::string_view word) {
  std::string out;
  FoldDiacritics(word, &out);
  return out;
}

std::string Case(std::string_view word) {
  std::string out;
  CaseFold(word, &out);
  return out;
}

TEST(CaseFoldTest, AsciiLowercases) {
  EXPECT_EQ(Case("CyberCrime_2019"), "cybercrime_2019");
}

TEST(CaseFoldTest, FullUnicodeFolding) {
  EXPECT_EQ(Case("Straße"), "strasse");
  EXPECT_EQ(Case("STRASSE"), "strasse");
  EXPECT_EQ(Case("ΟΔΥΣΣΕΎΣ"), Case("Οδυσσεύς"));  // final sigma
  EXPECT_EQ(Case("Οδυσσεύς"), "οδυσσεύσ");
  EXPECT_EQ(Case("ПУТИН"), "путин");
  EXPECT_EQ(Case("TRẦN"), "trần");
  EXPECT_EQ(Case("ĐÀ"), "đà");
}

TEST(CaseFoldTest, CompatibilityFormsAndIgnorables) {
  EXPECT_EQ(Case("ﬁle"), "file");                           // ligature
  EXPECT_EQ(Case("ＡＳＥＡＮ"), "asean");                   // fullwidth
  EXPECT_EQ(Case("cyber\u00ADsecurity"), "cybersecurity");  // soft hyphen
}

TEST(CaseFoldTest, TypographicApostropheBecomesAscii) {
  EXPECT_EQ(Case("L\u2019Union"), "l'union");
}

TEST(ElisionTest, FrenchAndItalianArticles) {
  EXPECT_EQ(ElidedPrefixLength("l'union"), 2u);
  EXPECT_EQ(ElidedPrefixLength("d'information"), 2u);
  EXPECT_EQ(ElidedPrefixLength("qu'il"), 3u);
  EXPECT_EQ(ElidedPrefixLength("jusqu'à"), 6u);
  EXPECT_EQ(ElidedPrefixLength("dell'informazione"), 5u);
}

TEST(ElisionTest, LeavesOtherApostrophesAlone) {
  EXPECT_EQ(ElidedPrefixLength("don't"), 0u);
  EXPECT_EQ(ElidedPrefixLength("russia's"), 0u);
  EXPECT_EQ(ElidedPrefixLength("o'brien"), 0u);
  EXPECT_EQ(ElidedPrefixLength("l'"), 0u);      // nothing follows
  EXPECT_EQ(ElidedPrefixLength("l'2019"), 0u);  // not a letter
  EXPECT_EQ(ElidedPrefixLength("union"), 0u);
}

TEST(FoldDiacriticsTest, Vietnamese) {
  EXPECT_EQ(Fold("trần"), "tran");
  EXPECT_EQ(Fold("trân"), "tran");
  EXPECT_EQ(Fold("đại"), "dai");
  EXPECT_EQ(Fold("đà"), "da");
  EXPECT_EQ(Fold("nẵng"), "nang");
  EXPECT_EQ(Fold("việt"), "viet");
  EXPECT_EQ(Fold("ương"), "uong");  // horn: ư ơ
}

TEST(FoldDiacriticsTest, EuropeanLetters) {
  EXPECT_EQ(Fold("coopération"), "cooperation");
  EXPECT_EQ(Fold("kriminalität"), "kriminalitat");
  EXPECT_EQ(Fold("españa"), "espana");
  EXPECT_EQ(Fold("søren"), "soren");
  EXPECT_EQ(Fold("łódź"), "lodz");
  EXPECT_EQ(Fold("æsir"), "aesir");
  EXPECT_EQ(Fold("cœur"), "coeur");
  EXPECT_EQ(Fold("ıstanbul"), "istanbul");
  EXPECT_EQ(Fold("þing"), "thing");
  EXPECT_EQ(Fold("ǿ"), "o");  // ø + acute: decomposition then explicit map
}

TEST(FoldDiacriticsTest, GreekAndCyrillic) {
  EXPECT_EQ(Fold("οδυσσεύσ"), "οδυσσευσ");
  EXPECT_EQ(Fold("ёлка"), "елка");
  EXPECT_EQ(Fold("путин"), "путин");
}

TEST(FoldDiacriticsTest, KeepsMarksThatAreNotDiacritics) {
  // Thai vowel signs and Hindi vowel signs carry meaning; Hangul stays whole.
  EXPECT_EQ(Fold("มั่นคง"), "มั่นคง");
  EXPECT_EQ(Fold("सुरक्षा"), "सुरक्षा");
  EXPECT_EQ(Fold("보안"), "보안");
  EXPECT_EQ(Fold("网络"), "网络");
}

TEST(FoldDiacriticsTest, DropsStrayCombiningMarks) {
  EXPECT_EQ(Fold("a\u0301b\u20DD"), "ab");
}

}  // namespace
}  // namespace accord::analysis::internal
