// Tests of line splitting and soft-wrap joining.
#include "ingest-service/normalize/lines.h"

#include <gtest/gtest.h>

namespace accord::normalize {
namespace {

TEST(SplitLinesTest, DropsBlankLinesAndCollapsesWhiteSpace) {
  const std::vector<Line> lines =
      SplitLines("  Titre\u00a0 du   jour \r\n\n\t\nPremier paragraphe.\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "Titre du jour");
  EXPECT_EQ(lines[0].number, 1u);
  EXPECT_EQ(lines[1].text, "Premier paragraphe.");
  EXPECT_EQ(lines[1].number, 4u);
}

TEST(SplitLinesTest, EmptyInputHasNoLines) {
  EXPECT_TRUE(SplitLines("").empty());
  EXPECT_TRUE(SplitLines("\n \n\u00a0\n").empty());
}

TEST(JoinSoftWrapsTest, JoinsASentenceCutBeforeALowercaseWord) {
  const std::vector<Line> lines = JoinSoftWraps(
      SplitLines("The ministers agreed to\nstrengthen cooperation.\nNext."));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "The ministers agreed to strengthen cooperation.");
  EXPECT_EQ(lines[0].number, 1u);
  EXPECT_EQ(lines[0].last_number, 2u);
  EXPECT_EQ(lines[1].number, 3u);
}

TEST(JoinSoftWrapsTest, JoinsInAnyScript) {
  const std::vector<Line> lines = JoinSoftWraps(
      SplitLines("Министры договорились\nукреплять сотрудничество."));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "Министры договорились укреплять сотрудничество.");
}

TEST(JoinSoftWrapsTest, KeepsSentencesHeadingsAndParagraphBreaks) {
  // Ends a sentence; next starts uppercase; blank line between; colon.
  const std::vector<Line> lines = JoinSoftWraps(
      SplitLines("Die Minister trafen sich.\nsie sprachen.\nÜberschrift\n"
                 "Der Text\nlange\n\nweiter\nFolgende Punkte:\nerstens"));
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0].text, "Die Minister trafen sich.");
  EXPECT_EQ(lines[2].text, "Überschrift");
  EXPECT_EQ(lines[3].text, "Der Text lange");
  EXPECT_EQ(lines[4].text, "weiter");
  EXPECT_EQ(lines[6].text, "erstens");
}

TEST(JoinSoftWrapsTest, HyphenAtTheWrapJoinsWithoutSpace) {
  const std::vector<Line> lines =
      JoinSoftWraps(SplitLines("la lucha contra el ciber-\ncrimen organizado"));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "la lucha contra el ciber-crimen organizado");
}

}  // namespace
}  // namespace accord::normalize
