// Tests of dateline reading in EN, FR, DE, ES, RU and VI, and of the
// sentences that must not be taken for datelines.
#include "ingest-service/normalize/dateline.h"

#include <gtest/gtest.h>

#include <string>

namespace accord::normalize {
namespace {

struct DatelineCase {
  std::string paragraph;
  std::string place;
  std::string agency;
  std::string text;
  std::string rest;
};

class DatelineTest : public ::testing::TestWithParam<DatelineCase> {};

TEST_P(DatelineTest, ReadsPlaceAgencyAndLength) {
  const DatelineCase& c = GetParam();
  const auto match = MatchDateline(c.paragraph);
  ASSERT_TRUE(match.has_value()) << c.paragraph;
  EXPECT_EQ(match->place, c.place);
  EXPECT_EQ(match->agency, c.agency);
  EXPECT_EQ(match->text, c.text);
  EXPECT_EQ(c.paragraph.substr(match->length), c.rest);
}

INSTANTIATE_TEST_SUITE_P(
    Languages, DatelineTest,
    ::testing::Values(
        DatelineCase{"Hanoi (VNA) – Vietnam and Japan signed a memorandum.",
                     "Hanoi", "VNA", "Hanoi (VNA) –",
                     "Vietnam and Japan signed a memorandum."},
        DatelineCase{"PARIS, Nov 10 (Reuters) - France said on Friday.",
                     "PARIS", "Reuters", "PARIS, Nov 10 (Reuters) -",
                     "France said on Friday."},
        DatelineCase{"Hô Chi Minh-Ville (VNA) — La conférence s’est ouverte.",
                     "Hô Chi Minh-Ville", "VNA", "Hô Chi Minh-Ville (VNA) —",
                     "La conférence s’est ouverte."},
        DatelineCase{"Berlin, 3. März (dpa) : Die Bundesregierung plant.",
                     "Berlin", "dpa",
                     "Berlin, 3. März (dpa) :", "Die Bundesregierung plant."},
        DatelineCase{"Buenos Aires, 5 de mayo (EFE) - El Gobierno anunció.",
                     "Buenos Aires", "EFE", "Buenos Aires, 5 de mayo (EFE) -",
                     "El Gobierno anunció."},
        DatelineCase{"Москва (ТАСС) — Россия предложила проект.", "Москва",
                     "ТАСС", "Москва (ТАСС) —", "Россия предложила проект."},
        DatelineCase{"Thành phố Hồ Chí Minh (TTXVN) - Hội thảo diễn ra.",
                     "Thành phố Hồ Chí Minh", "TTXVN",
                     "Thành phố Hồ Chí Minh (TTXVN) -", "Hội thảo diễn ra."}));

TEST(DatelineNegativeTest, OrdinarySentencesAreNotDatelines) {
  EXPECT_FALSE(
      MatchDateline("The meeting (held in Hanoi) – was long.").has_value());
  EXPECT_FALSE(
      MatchDateline("Hanoi (VNA) said on Monday that it would.").has_value());
  EXPECT_FALSE(
      MatchDateline("Vietnam and Russia (both members) – agreed.").has_value());
  EXPECT_FALSE(MatchDateline("les ministres (VNA) – ont signé.").has_value());
  EXPECT_FALSE(MatchDateline("Paris, la capitale (AFP) – est.").has_value());
  EXPECT_FALSE(MatchDateline("").has_value());
  EXPECT_FALSE(MatchDateline("(VNA) –").has_value());
}

}  // namespace
}  // namespace accord::normalize
