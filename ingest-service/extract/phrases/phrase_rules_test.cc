#include "ingest-service/extract/phrases/phrase_rules.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::extract {
namespace {

using ::testing::HasSubstr;

TEST(ParsePhraseRulesTest, ReadsTopicsPhrasesAndWeights) {
  const std::string text =
      "# a comment\n"
      "\n"
      "@topic/cybercrime Cybercrime\n"
      "about: crimes with computers\n"
      "en: cybercrime^2; online fraud ; hacking^0.5\n"
      "fr: cybercriminalité^2\n"
      "en: computer crime\n"
      "@topic/personal-data Personal data\n"
      "about: privacy\n"
      "de: Datenschutz^2\n";
  absl::StatusOr<std::vector<PhraseGroup>> topics =
      ParsePhraseRules(text, "t.txt", "topic/");
  ASSERT_TRUE(topics.ok()) << topics.status();
  ASSERT_EQ(topics->size(), 2u);
  const PhraseGroup& crime = (*topics)[0];
  EXPECT_EQ(crime.id, "topic/cybercrime");
  EXPECT_EQ(crime.name, "Cybercrime");
  EXPECT_EQ(crime.about, "crimes with computers");
  EXPECT_EQ(crime.line, 3);
  ASSERT_EQ(crime.phrases.size(), 5u);
  EXPECT_EQ(crime.phrases[0].text, "cybercrime");
  EXPECT_EQ(crime.phrases[0].weight, 2.0);
  EXPECT_EQ(crime.phrases[0].language, "en");
  EXPECT_EQ(crime.phrases[0].line, 5);
  EXPECT_EQ(crime.phrases[1].text, "online fraud");
  EXPECT_EQ(crime.phrases[1].weight, 1.0);
  EXPECT_EQ(crime.phrases[2].weight, 0.5);
  EXPECT_EQ(crime.phrases[3].text, "cybercriminalité");
  EXPECT_EQ(crime.phrases[3].language, "fr");
  EXPECT_EQ(crime.phrases[4].line, 7);
  EXPECT_EQ((*topics)[1].phrases[0].text, "Datenschutz");
}

TEST(ParsePhraseRulesTest, NamesTheFileAndLineOfEachError) {
  struct Case {
    std::string text;
    std::string error;
  };
  const std::string ok_head = "@topic/a A\nabout: x\n";
  for (const Case& c : std::vector<Case>{
           {"en: cybercrime\n",
            "t.txt:1: a statement before the first @topic/"},
           {"@Topic/A A\n", "t.txt:1: id 'Topic/A' is not topic/<slug>"},
           {"@topic/ A\n", "t.txt:1: id 'topic/'"},
           {"@topic/a-\n", "t.txt:1: id 'topic/a-'"},
           {"@topic/a\n", "t.txt:1: topic/a has no name"},
           {ok_head + "en: x\n@topic/a A again\n",
            "t.txt:4: topic/a is defined twice"},
           {"@topic/a A\nen: x\n", "t.txt:1: topic/a has no 'about:'"},
           {ok_head + "\n", "t.txt:1: topic/a has no phrases"},
           {ok_head + "en: x\n@topic/b B\nabout: y\n",
            "t.txt:4: topic/b has no phrases"},
           {ok_head + "english: x\n", "t.txt:3: unknown key 'english'"},
           {ok_head + "en: x;; y\n", "t.txt:3: an empty phrase"},
           {ok_head + "en: x^\n", "t.txt:3: weight ''"},
           {ok_head + "en: x^five\n", "t.txt:3: weight 'five'"},
           {ok_head + "en: x^0\n", "t.txt:3: weight '0'"},
           {ok_head + "en: x^5\n", "t.txt:3: weight '5'"},
           {ok_head + "en: ^2\n", "t.txt:3: an empty phrase"},
           {ok_head + "en: Cyber Crime\nen: cyber crime^2\n",
            "t.txt:4: 'cyber crime' is listed twice for topic/a in en"},
           {ok_head + "about: again\nen: x\n",
            "t.txt:3: topic/a has two 'about:'"},
           {ok_head + "just words\n", "t.txt:3: expected"},
           {"# only comments\n", "t.txt:0: no groups"},
       }) {
    absl::StatusOr<std::vector<PhraseGroup>> topics =
        ParsePhraseRules(c.text, "t.txt", "topic/");
    ASSERT_FALSE(topics.ok()) << c.text;
    EXPECT_EQ(topics.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(topics.status().message()), HasSubstr(c.error))
        << c.text;
  }
}

TEST(ParsePhraseRulesTest, TheSamePhraseMayServeTwoTopicsAndTwoLanguages) {
  absl::StatusOr<std::vector<PhraseGroup>> topics = ParsePhraseRules(
      "@topic/a A\nabout: x\nen: ransomware\nde: ransomware\n"
      "@topic/b B\nabout: y\nen: ransomware\n",
      "t.txt", "topic/");
  ASSERT_TRUE(topics.ok()) << topics.status();
  EXPECT_EQ((*topics)[0].phrases.size(), 2u);
  EXPECT_EQ((*topics)[1].phrases.size(), 1u);
}

}  // namespace
}  // namespace accord::extract
