#include "tools/eval_extract/gold_set.h"

#include "gtest/gtest.h"

namespace accord::eval_extract {
namespace {

TEST(FindOccurrenceTest, CountsEveryStartPositionCaseSensitively) {
  const std::string text = "Bui Van Nam met Nam. An official. NAM";
  EXPECT_EQ(FindOccurrence(text, "Nam", 1), 8u);  // inside "Bui Van Nam"
  EXPECT_EQ(FindOccurrence(text, "Nam", 2), 16u);
  EXPECT_FALSE(FindOccurrence(text, "Nam", 3).has_value());  // not "NAM"
  EXPECT_EQ(FindOccurrence("aaa", "aa", 2), 1u);  // overlapping starts count
  EXPECT_FALSE(FindOccurrence(text, "", 1).has_value());
  EXPECT_FALSE(FindOccurrence(text, "Nam", 0).has_value());
}

TEST(ParseGoldTsvTest, ReadsEveryLineKind) {
  GoldDocument doc;
  ASSERT_TRUE(
      ParseGoldTsv(
          "# comment\n"
          "publication\t2024-03-22\n"
          "mention\tNam\t2\tperson\tBui Van Nam\n"
          "role\tBui Van Nam\trole/deputy-minister\tVietnam\n"
          "date\tin 1991\t1\t1991\tyear\texplicit\n"
          "range\tMay 24-25\t1\tXXXX-05-24\tXXXX-05-25\tday\tyear_unknown\n"
          "duration\tfor three years\t1\tP3Y\n"
          "event\tmeeting\tXXXX-05-24/XXXX-05-25\tTver Region\tBui Van "
          "Nam; Nikolai Patrushev\n"
          "event\tinterview\t-\t-\t-\n"
          "topic\ttopic/cybercrime\n"
          "topic\ttopic/norms\n"
          "story\ttver-meeting\n"
          "\n",
          &doc)
          .ok());
  ASSERT_TRUE(doc.publication.has_value());
  EXPECT_EQ(absl::FormatTime("%Y-%m-%d", *doc.publication, absl::UTCTimeZone()),
            "2024-03-22");
  ASSERT_EQ(doc.mentions.size(), 1u);
  EXPECT_EQ(doc.mentions[0].occurrence, 2);
  EXPECT_EQ(doc.mentions[0].line, 3);
  ASSERT_EQ(doc.roles.size(), 1u);
  EXPECT_EQ(doc.roles[0].of_entity, "Vietnam");
  ASSERT_EQ(doc.temporals.size(), 3u);
  EXPECT_EQ(doc.temporals[1].value, "XXXX-05-24/XXXX-05-25");
  EXPECT_EQ(doc.temporals[1].grain, "day");
  EXPECT_EQ(doc.temporals[2].value, "P3Y");
  EXPECT_EQ(doc.temporals[2].grain, "");
  ASSERT_EQ(doc.events.size(), 2u);
  EXPECT_EQ(doc.events[0].type, "meeting");
  EXPECT_EQ(doc.events[0].date, "XXXX-05-24/XXXX-05-25");
  EXPECT_EQ(doc.events[0].place, "Tver Region");
  EXPECT_EQ(doc.events[0].participants,
            (std::vector<std::string>{"Bui Van Nam", "Nikolai Patrushev"}));
  EXPECT_EQ(doc.events[1].date, "");
  EXPECT_TRUE(doc.events[1].participants.empty());
  EXPECT_EQ(doc.topics,
            (std::vector<std::string>{"topic/cybercrime", "topic/norms"}));
  EXPECT_EQ(doc.story, "tver-meeting");
}

TEST(ParseGoldTsvTest, RefusesMalformedLines) {
  GoldDocument doc;
  doc.gold_path = "x.gold.tsv";
  EXPECT_FALSE(
      ParseGoldTsv("mention\tNam\t0\tperson\tBui Van Nam\n", &doc).ok());
  EXPECT_FALSE(ParseGoldTsv("mention\tNam\t1\tperson\n", &doc).ok());
  EXPECT_FALSE(ParseGoldTsv("entity\tNam\n", &doc).ok());
  EXPECT_FALSE(ParseGoldTsv("publication\tyesterday\n", &doc).ok());
  EXPECT_FALSE(ParseGoldTsv("topic\tcybercrime\n", &doc).ok());
  EXPECT_FALSE(ParseGoldTsv("event\tmeeting\t-\t-\n", &doc).ok());
  EXPECT_FALSE(ParseGoldTsv("topic\ttopic/a\textra\n", &doc).ok());
  EXPECT_FALSE(ParseGoldTsv("story\n", &doc).ok());
  GoldDocument twice;
  EXPECT_FALSE(ParseGoldTsv("story\ta\nstory\tb\n", &twice).ok());
}

}  // namespace
}  // namespace accord::eval_extract
