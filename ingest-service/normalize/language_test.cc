// Tests of CLD2 language detection, the language hint and tag mapping.
#include "ingest-service/normalize/language.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

namespace accord::normalize {
namespace {

struct LanguageCase {
  std::string code;
  std::string text;
};

class DetectLanguageTest : public ::testing::TestWithParam<LanguageCase> {};

TEST_P(DetectLanguageTest, DetectsReliably) {
  const LanguageCase& c = GetParam();
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
        LanguageCase{
            "en",
            "The ministers agreed to strengthen cooperation on information "
            "security and to meet again next year in the capital."},
        LanguageCase{
            "fr",
            "Les ministres ont convenu de renforcer la coopération dans le "
            "domaine de la sécurité de l’information et de se revoir l’an "
            "prochain."},
        LanguageCase{
            "de",
            "Die Minister vereinbarten, die Zusammenarbeit im Bereich der "
            "Informationssicherheit zu stärken und sich im nächsten Jahr "
            "wieder zu treffen."},
        LanguageCase{
            "es",
            "Los ministros acordaron reforzar la cooperación en materia de "
            "seguridad de la información y volver a reunirse el próximo "
            "año."},
        LanguageCase{
            "ru",
            "Министры договорились укреплять сотрудничество в области "
            "информационной безопасности и встретиться снова в следующем "
            "году."},
        LanguageCase{
            "vi",
            "Các bộ trưởng nhất trí tăng cường hợp tác trong lĩnh vực an "
            "ninh thông tin và sẽ gặp lại nhau vào năm tới."}));

// Only CLD2's full tables (Debian's libcld2_full.so) know these languages;
// with the small built-in tables each comes out as unreliable English.
TEST(DetectLanguageFullTablesTest, KnowsLanguagesOnlyTheFullTablesHave) {
  const LanguageCase cases[] = {
      {"la",
       "Legati civitatum multarum in urbe convenerunt ut de pace et de "
       "securitate rerum publicarum disputarent. Consules foedus novum inter "
       "populos firmare voluerunt et litteras ad senatum miserunt."},
      {"eo",
       "La delegitoj de multaj landoj kunvenis en la urbo por diskuti pri "
       "paco kaj sekureco. La ministroj volis subskribi novan interkonsenton "
       "inter la popoloj kaj sendis leterojn al la registaro."},
      {"yo",
       "Awọn aṣoju lati ọpọlọpọ orilẹ-ede pade ni ilu lati jiroro lori "
       "alaafia ati aabo. Awọn minisita fẹ lati fowo si adehun tuntun laarin "
       "awọn orilẹ-ede naa wọn si fi lẹta ranṣẹ si ijọba."},
  };
  for (const LanguageCase& c : cases) {
    const accord::v1::LanguageGuess guess = DetectLanguage(c.text, "");
    EXPECT_EQ(guess.code(), c.code);
    EXPECT_TRUE(guess.reliable()) << c.code;
  }
  // The library the tables come from is really loaded.
  std::ifstream maps("/proc/self/maps");
  const std::string mapped((std::istreambuf_iterator<char>(maps)),
                           std::istreambuf_iterator<char>());
  EXPECT_NE(mapped.find("libcld2_full.so"), std::string::npos);
}

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

// DetectLanguage reads only a prefix: a long article must still come out
// as reliably as a short one, with the same confidence semantics.
TEST(DetectLanguageSampleTest, LongDocumentIsDetectedFromItsSample) {
  std::string text;
  while (text.size() < 10 * kLanguageSampleBytes) {
    text +=
        "Министры договорились укреплять сотрудничество в области "
        "информационной безопасности и встретиться снова в следующем году. ";
  }
  const accord::v1::LanguageGuess guess = DetectLanguage(text, "en");
  EXPECT_EQ(guess.code(), "ru");
  EXPECT_TRUE(guess.reliable());
  EXPECT_EQ(guess.origin(), accord::v1::LANGUAGE_ORIGIN_DETECTED);
  EXPECT_GT(guess.confidence(), 0.8f);
  // The same answer as for the sample alone.
  const accord::v1::LanguageGuess sample_guess =
      DetectLanguage(LanguageSample(text), "en");
  EXPECT_EQ(sample_guess.code(), guess.code());
  EXPECT_EQ(sample_guess.confidence(), guess.confidence());
}

TEST(DetectLanguageSampleTest, SampleIsTheStartOfTheText) {
  // A document that changes language after its sample is judged by the
  // sample: its start is the article, the rest is often furniture.
  std::string text;
  while (text.size() < 2 * kLanguageSampleBytes) {
    text +=
        "Les ministres ont convenu de renforcer la coopération dans le "
        "domaine de la sécurité de l’information. ";
  }
  for (int i = 0; i < 100; ++i) {
    text += "The ministers agreed to strengthen cooperation on security. ";
  }
  EXPECT_EQ(DetectLanguage(text, "").code(), "fr");
}

TEST(DetectLanguageSampleTest, InconclusiveSampleFallsBackToTheWholeText) {
  // A table of figures fills the sample; the story comes after it.
  std::string text;
  while (text.size() < kLanguageSampleBytes) text += "2019 | 12.5 | 3.75 | ";
  for (int i = 0; i < 20; ++i) {
    text +=
        "Министры договорились укреплять сотрудничество в области "
        "информационной безопасности и встретиться снова в следующем году. ";
  }
  ASSERT_FALSE(DetectLanguage(LanguageSample(text), "").reliable());
  const accord::v1::LanguageGuess guess = DetectLanguage(text, "");
  EXPECT_EQ(guess.code(), "ru");
  EXPECT_TRUE(guess.reliable());
}

TEST(LanguageSampleTest, CutsAtWhiteSpaceAndNeverInsideACodePoint) {
  EXPECT_EQ(LanguageSample("short text", 100), "short text");
  EXPECT_EQ(LanguageSample("alpha beta gamma", 12), "alpha beta");
  // No space in the second half: cut at a code point boundary. "é" is two
  // bytes; a limit of 4 falls inside the second one.
  EXPECT_EQ(LanguageSample("aéééé", 4), "aé");
  EXPECT_EQ(LanguageSample("ééééé", 5), "éé");
  const std::string vi = "Các bộ trưởng nhất trí tăng cường hợp tác";
  for (size_t limit = 1; limit < vi.size(); ++limit) {
    const std::string_view sample = LanguageSample(vi, limit);
    EXPECT_LE(sample.size(), limit);
    EXPECT_TRUE(sample.size() == vi.size() ||
                (static_cast<unsigned char>(vi[sample.size()]) & 0xC0) != 0x80)
        << limit;
  }
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
