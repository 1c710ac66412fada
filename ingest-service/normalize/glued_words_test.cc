// Tests of glued-word repair against the real hunspell dictionaries in
// /usr/share/hunspell (EN, FR, DE, ES, RU, VI) and without a dictionary.
#include "ingest-service/normalize/glued_words.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "ingest-service/normalize/normalize_test_util.h"
#include "ingest-service/normalize/word_list.h"
#include "ingest-service/normalize/word_split.h"

namespace accord::normalize {
namespace {

class GluedWordsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    lists_ = new WordLists(kDictionaryDir, 1 << 16);
  }
  static void TearDownTestSuite() { delete lists_; }

  // Repairs one paragraph in `language` with its hunspell dictionary.
  std::string Repair(std::string_view language, std::string text,
                     std::vector<accord::v1::TextRepair>* repairs = nullptr) {
    const WordList* dictionary = lists_->ForLanguage(language);
    if (language != "xx" && dictionary == nullptr) {
      ADD_FAILURE() << "no dictionary for " << language << " in "
                    << kDictionaryDir;
    }
    std::vector<std::string> paragraphs = {std::move(text)};
    std::vector<accord::v1::TextRepair> local;
    RepairGluedWords(language, dictionary, {}, &paragraphs,
                     repairs != nullptr ? repairs : &local);
    return paragraphs[0];
  }

  static WordLists* lists_;
};

WordLists* GluedWordsTest::lists_ = nullptr;

TEST_F(GluedWordsTest, CaseJoinSplitsAfterAKnownWord) {
  EXPECT_EQ(Repair("en", "Japan andKorea met the ChinesePresident onMonday."),
            "Japan and Korea met the Chinese President on Monday.");
  EXPECT_EQ(Repair("ru", "Вьетнам иРоссия подписали соглашение."),
            "Вьетнам и Россия подписали соглашение.");
  EXPECT_EQ(Repair("de", "Ein Treffen mit derBundesregierung fand statt."),
            "Ein Treffen mit der Bundesregierung fand statt.");
  EXPECT_EQ(Repair("vi", "Hợp tác giữa Lào vàViệt Nam được tăng cường."),
            "Hợp tác giữa Lào và Việt Nam được tăng cường.");
}

TEST_F(GluedWordsTest, CaseJoinKeepsNamesWithInnerCapitals) {
  EXPECT_EQ(Repair("en", "Videos on YouTube and the iPhone at McDonald."),
            "Videos on YouTube and the iPhone at McDonald.");
  EXPECT_EQ(Repair("en", "He posted on LinkedIn and used PowerPoint."),
            "He posted on LinkedIn and used PowerPoint.");
  // Unknown left part: "Mc", "Zal" are not words.
  EXPECT_EQ(Repair("en", "Ms. McAllister and ZalPay were there."),
            "Ms. McAllister and ZalPay were there.");
}

TEST_F(GluedWordsTest, PunctuationJoinAddsTheMissingSpace) {
  EXPECT_EQ(Repair("en", "the communications (ITC),creating a trust,based"),
            "the communications (ITC), creating a trust, based");
  EXPECT_EQ(Repair("fr", "Les ministres ont signé.Le texte entre en vigueur."),
            "Les ministres ont signé. Le texte entre en vigueur.");
  EXPECT_EQ(Repair("es", "las Naciones Unidas(ONU)firmaron"),
            "las Naciones Unidas (ONU) firmaron");
}

TEST_F(GluedWordsTest, PunctuationJoinLeavesNumbersUrlsAndAbbreviations) {
  const std::string text =
      "About 1,000 people (3.5 percent) from the U.S. and e.g. Japan read "
      "www.example.org/a,b and https://example.org/x.Y or mail "
      "info@example.org.Next partner(s) came.";
  EXPECT_EQ(Repair("en", text), text);
}

TEST_F(GluedWordsTest, LowercaseJoinSplitsIntoKnownWords) {
  std::vector<accord::v1::TextRepair> repairs;
  EXPECT_EQ(
      Repair("en", "They wouldbecome partners inorder to cooperate.", &repairs),
      "They would become partners in order to cooperate.");
  ASSERT_EQ(repairs.size(), 2u);
  EXPECT_EQ(repairs[0].kind(), accord::v1::REPAIR_KIND_LOWERCASE_JOIN);
  EXPECT_EQ(repairs[0].original(), "wouldbecome");
  EXPECT_EQ(repairs[0].replacement(), "would become");
  EXPECT_EQ(repairs[0].offset(), 5u);
  EXPECT_EQ(repairs[1].offset(), 27u);
  EXPECT_EQ(Repair("fr", "la coopération internationaleentre les deux pays"),
            "la coopération internationale entre les deux pays");
  EXPECT_EQ(Repair("es", "la cooperaciónentre los dos países"),
            "la cooperación entre los dos países");
  EXPECT_EQ(Repair("en", "rules ofthe road"), "rules of the road");
}

TEST_F(GluedWordsTest, LowercaseJoinPrefersLongerParts) {
  EXPECT_EQ(Repair("en", "interfering intointernal affairs"),
            "interfering into internal affairs");
}

TEST_F(GluedWordsTest, LowercaseJoinKeepsCompoundsAndDomainWords) {
  const std::string english =
      "cybersecurity, cyberspace, cybercrime, counterterrorism and "
      "cyberattacks at a roundtable";
  EXPECT_EQ(Repair("en", english), english);
  const std::string german =
      "Die grenzüberschreitende Cyberkriminalität und die "
      "Unterzeichnungszeremonie sind rechtsverbindliche Themen.";
  EXPECT_EQ(Repair("de", german), german);
  const std::string russian = "кибербезопасность и киберпреступность";
  EXPECT_EQ(Repair("ru", russian), russian);
  const std::string spanish = "la ciberseguridad y la ciberdelincuencia";
  EXPECT_EQ(Repair("es", spanish), spanish);
}

TEST_F(GluedWordsTest, LowercaseJoinKeepsWordsTheDocumentRepeats) {
  const std::string text = "the qwertyzone and again the qwertyzone";
  EXPECT_EQ(Repair("en", text), text);
}

TEST_F(GluedWordsTest, LowercaseJoinRejectsShortNonFunctionParts) {
  // "att" and "he" are dictionary words, but "att" is no function word:
  // "atthe" must become "at the".
  EXPECT_EQ(Repair("en", "we met atthe summit"), "we met at the summit");
  // Typos are not cut into rare short words.
  const std::string typo = "de s’imgérer dans";
  EXPECT_EQ(Repair("fr", typo), typo);
}

TEST_F(GluedWordsTest, WithoutDictionaryTheDocumentVocabularyDecides) {
  EXPECT_EQ(Repair("xx", "zorblat fenwicks, and zorblatfenwicks"),
            "zorblat fenwicks, and zorblat fenwicks");
}

TEST_F(GluedWordsTest, RepairOffsetsPointAtReplacements) {
  std::vector<accord::v1::TextRepair> repairs;
  const std::string text =
      Repair("en", "Japan andKorea (ITC),creating informationsecurity rules.",
             &repairs);
  ASSERT_EQ(repairs.size(), 3u);
  for (const auto& repair : repairs) {
    EXPECT_EQ(text.substr(repair.offset(), repair.replacement().size()),
              repair.replacement());
  }
  EXPECT_EQ(repairs[0].kind(), accord::v1::REPAIR_KIND_CASE_JOIN);
  EXPECT_EQ(repairs[1].kind(), accord::v1::REPAIR_KIND_PUNCTUATION_JOIN);
  EXPECT_EQ(repairs[2].kind(), accord::v1::REPAIR_KIND_LOWERCASE_JOIN);
}

TEST(BestSplitTest, PicksFewestThenMostUnequalParts) {
  Vocabulary vocabulary("xx", nullptr);
  vocabulary.AddText("alpha beta gamma alphabeta");
  EXPECT_EQ(BestSplit("betagamma", vocabulary), std::vector<size_t>({4}));
  EXPECT_EQ(BestSplit("alphabetagamma", vocabulary), std::vector<size_t>({9}));
  EXPECT_TRUE(BestSplit("zzzzzz", vocabulary).empty());
}

// Counts share one entry per lowercase spelling; Count must still tell
// spellings apart and LowerCount must still add them up.
TEST(VocabularyTest, CountsAsWrittenAndLowercased) {
  Vocabulary vocabulary("en", nullptr);
  vocabulary.AddText("Russia russia RUSSIA russia andRussia");
  vocabulary.AddText("Россия россия Ülke ülke ülke");
  EXPECT_EQ(vocabulary.Count("russia"), 2);
  EXPECT_EQ(vocabulary.Count("Russia"), 1);
  EXPECT_EQ(vocabulary.Count("RUSSIA"), 1);
  EXPECT_EQ(vocabulary.Count("rUSSIA"), 0);
  EXPECT_EQ(vocabulary.Count("andRussia"), 1);
  EXPECT_EQ(vocabulary.LowerCount("russia"), 4);
  EXPECT_EQ(vocabulary.LowerCount("andrussia"), 1);
  EXPECT_EQ(vocabulary.Count("Россия"), 1);
  EXPECT_EQ(vocabulary.Count("россия"), 1);
  EXPECT_EQ(vocabulary.LowerCount("россия"), 2);
  EXPECT_EQ(vocabulary.Count("ülke"), 2);
  EXPECT_EQ(vocabulary.LowerCount("ülke"), 3);
  EXPECT_EQ(vocabulary.Count("absent"), 0);
}

// IsProtected looks for "prefix + known word" only in words that start
// with a compound prefix; both sides of that shortcut must hold.
TEST(VocabularyTest, CompoundPrefixProtectsOnlyPrefixedWords) {
  Vocabulary vocabulary("en", nullptr);
  vocabulary.AddText("attacks were reported");
  EXPECT_TRUE(vocabulary.IsProtected("cyberattacks"));
  EXPECT_TRUE(vocabulary.IsProtected("counterattacks"));
  EXPECT_TRUE(vocabulary.IsProtected("overattacks"));  // "over" too.
  EXPECT_FALSE(vocabulary.IsProtected("zyxattacks"));
  EXPECT_FALSE(vocabulary.IsProtected("attacksreported"));
}

}  // namespace
}  // namespace accord::normalize
