// Tests of trailing agency signatures and of acronyms that are story text.
#include "ingest-service/normalize/signature.h"

#include <gtest/gtest.h>

#include <string>

namespace accord::normalize {
namespace {

struct SignatureCase {
  std::string paragraph;
  std::string text;
  std::string agency;
  std::string kept;
};

class SignatureTest : public ::testing::TestWithParam<SignatureCase> {};

TEST_P(SignatureTest, FindsTheSignature) {
  const SignatureCase& c = GetParam();
  const auto match = MatchTrailingSignature(c.paragraph);
  ASSERT_TRUE(match.has_value()) << c.paragraph;
  EXPECT_EQ(match->text, c.text);
  EXPECT_EQ(match->agency, c.agency);
  EXPECT_EQ(c.paragraph.substr(0, match->start).find_last_not_of(' ') + 1,
            c.kept.size());
  EXPECT_EQ(c.paragraph.substr(0, c.kept.size()), c.kept);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, SignatureTest,
    ::testing::Values(
        SignatureCase{"They agreed to meet again.-VNA", "-VNA", "VNA",
                      "They agreed to meet again."},
        SignatureCase{"Les deux parties ont signé. – VNA", "– VNA", "VNA",
                      "Les deux parties ont signé."},
        SignatureCase{"Die Zusammenarbeit wird fortgesetzt./.", "/.", "",
                      "Die Zusammenarbeit wird fortgesetzt."},
        SignatureCase{"Hội nghị kết thúc tốt đẹp. (TTXVN)", "(TTXVN)", "TTXVN",
                      "Hội nghị kết thúc tốt đẹp."},
        SignatureCase{"Стороны подписали меморандум. — ТАСС", "— ТАСС", "ТАСС",
                      "Стороны подписали меморандум."},
        SignatureCase{"El acuerdo entra en vigor.-EFE ", "-EFE", "EFE",
                      "El acuerdo entra en vigor."},
        SignatureCase{"VNA", "VNA", "VNA", ""},
        SignatureCase{"– AFP", "– AFP", "AFP", ""}));

TEST(SignatureNegativeTest, AcronymsInsideTheStoryAreNotSignatures) {
  EXPECT_FALSE(
      MatchTrailingSignature("The talks were held with ASEAN").has_value());
  EXPECT_FALSE(
      MatchTrailingSignature("He joined the talks in the U.S.").has_value());
  EXPECT_FALSE(MatchTrailingSignature("Cooperation Vietnam-USA").has_value());
  EXPECT_FALSE(MatchTrailingSignature("The International Telecommunication "
                                      "Union (ITU)")
                   .has_value());
  EXPECT_FALSE(MatchTrailingSignature("A").has_value());
  EXPECT_FALSE(MatchTrailingSignature("TOOLONGACRONYM").has_value());
  EXPECT_FALSE(MatchTrailingSignature("").has_value());
}

}  // namespace
}  // namespace accord::normalize
