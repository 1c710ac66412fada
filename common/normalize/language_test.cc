// Tests of CLD2 language detection, the language hint and tag mapping.
#include "common/normalize/language.h"

#include <gtest/gtest.h>

#include <string>

namespace accord::normalize {
namespace {

struct Case {
  std::string code;
  std::string text;
};

class DetectLanguageTest : public ::testing::TestWithParam<Case> {};

TEST_P(DetectLanguageTest, DetectsReliably) {
  const Case& c = GetParam();
  const accord::v1::LanguageGuess guess = DetectLanguage(c.text, "");
  EXPECT_EQ(guess.code(), c.code);
  EXPECT_TRUE(guess.reliable());
  EXPECT_EQ(guess.origin(), accord::v1::LANGUAGE_ORIGIN_DETECTED);
  EXPECT_GT(guess.confidence(), 0.8f);
  EXPECT_LE(guess.confidence(), 1.0f);
}

INSTANTIATE_TEST_SUITE_P(
    Languages, DetectLanguageTest,
    ::testing::Values(
        Case{"en",
             "The ministers agreed to strengthen cooperation on information "
             "security and to meet again next year in the capital."},
        Case{"fr",
             "Les ministres ont convenu de renforcer la coopération dans le "
             "domaine de la sécurité de l’information et de se revoir l’an "
             "prochain."},
        Case{"de",
             "Die Minister vereinbarten, die Zusammenarbeit im Bereich der "
             "Informationssicherheit zu stärken und sich im nächsten Jahr "
             "wieder zu treffen."},
        Case{"es",
             "Los ministros acordaron reforzar la cooperación en materia de "
             "seguridad de la información y volver a reunirse el próximo "
             "año."},
        Case{"ru",
             "Министры договорились укреплять сотрудничество в области "
             "информационной безопасности и встретиться снова в следующем "
             "году."},
        Case{"vi",
             "Các bộ trưởng nhất trí tăng cường hợp tác trong lĩnh vực an "
             "ninh thông tin và sẽ gặp lại nhau vào năm tới."}));

TEST(DetectLanguageHintTest, UnreliableTextTakesTheHint) {
  const accord::v1::LanguageGuess guess = DetectLanguage("OK 2019", "de-AT");
  EXPECT_EQ(guess.code(), "de");
  EXPECT_FALSE(guess.reliable());
  EXPECT_EQ(guess.origin(), accord::v1::LANGUAGE_ORIGIN_HINT);
  EXPECT_LT(guess.confidence(), 0.5f);
}

TEST(DetectLanguageHintTest, ReliableDetectionOverridesTheHint) {
  const accord::v1::LanguageGuess guess = DetectLanguage(
      "Министры договорились укреплять сотрудничество в области "
      "информационной безопасности и встретиться снова в следующем году.",
      "en");
  EXPECT_EQ(guess.code(), "ru");
  EXPECT_EQ(guess.origin(), accord::v1::LANGUAGE_ORIGIN_DETECTED);
}

TEST(DetectLanguageHintTest, EmptyTextIsUnknownWithoutHint) {
  const accord::v1::LanguageGuess guess = DetectLanguage("", "");
  EXPECT_FALSE(guess.reliable());
  EXPECT_LT(guess.confidence(), 0.5f);
}

TEST(PrimaryLanguageTest, NormalizesTags) {
  EXPECT_EQ(PrimaryLanguage("fr-CA"), "fr");
  EXPECT_EQ(PrimaryLanguage("EN_us"), "en");
  EXPECT_EQ(PrimaryLanguage("iw"), "he");
  EXPECT_EQ(PrimaryLanguage(""), "");
  EXPECT_EQ(PrimaryLanguage("x"), "");
  EXPECT_EQ(PrimaryLanguage("../etc"), "");
}

}  // namespace
}  // namespace accord::normalize
