#include "tools/accordctl/search_words.h"

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace accord::ctl {
namespace {

const std::vector<std::string> kKnown = {"--languages", "--sources", "--json",
                                         "--page_size"};

TEST(QueryFromWordsTest, SingleDashWordsAreQueryWordsInOrder) {
  EXPECT_EQ(*QueryFromWords({"\"information security\"", "-ASEAN"}, {}, kKnown),
            "\"information security\" -ASEAN");
  EXPECT_EQ(
      *QueryFromWords({"-hacking", "Vietnam", "-", "Russia", "-5"}, {}, kKnown),
      "-hacking Vietnam - Russia -5");
  // One shell word may hold the whole query.
  EXPECT_EQ(*QueryFromWords({"-ASEAN \"information security\""}, {}, kKnown),
            "-ASEAN \"information security\"");
}

TEST(QueryFromWordsTest, WordsAfterTheMarkAreQueryWordsWhateverTheyLookLike) {
  EXPECT_EQ(*QueryFromWords({"norms"}, {"--verbatim", "-x"}, kKnown),
            "norms --verbatim -x");
}

TEST(QueryFromWordsTest, UnknownLongOptionIsAnErrorThatNamesIt) {
  absl::StatusOr<std::string> query =
      QueryFromWords({"norms", "--no_such_option=3"}, {}, kKnown);
  ASSERT_TRUE(absl::IsInvalidArgument(query.status())) << query.status();
  EXPECT_TRUE(absl::StrContains(query.status().message(),
                                "unknown option --no_such_option"))
      << query.status();
  EXPECT_FALSE(absl::StrContains(query.status().message(), "did you mean"))
      << query.status();
}

TEST(QueryFromWordsTest, MisspelledOptionGetsASuggestion) {
  absl::StatusOr<std::string> query =
      QueryFromWords({"norms", "--langauges=en"}, {}, kKnown);
  ASSERT_FALSE(query.ok());
  EXPECT_TRUE(absl::StrContains(query.status().message(),
                                "unknown option --langauges (did you mean "
                                "--languages?)"))
      << query.status();
}

TEST(QueryFromWordsTest, EmptyWhenNoWords) {
  EXPECT_EQ(*QueryFromWords({}, {}, kKnown), "");
}

TEST(IsLongOptionWordTest, Forms) {
  EXPECT_TRUE(IsLongOptionWord("--json"));
  EXPECT_TRUE(IsLongOptionWord("--page_size=3"));
  EXPECT_FALSE(IsLongOptionWord("--"));
  EXPECT_FALSE(IsLongOptionWord("-ASEAN"));
  EXPECT_FALSE(IsLongOptionWord("-"));
  EXPECT_FALSE(IsLongOptionWord("norms"));
}

}  // namespace
}  // namespace accord::ctl
