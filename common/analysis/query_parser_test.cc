#include "common/analysis/query_parser.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::analysis {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class QueryParserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = Analyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    analyzer_ = *std::move(analyzer);
  }

  // DebugString of the parsed query, or "error: <message>".
  std::string Parse(std::string_view query,
                    std::vector<std::string> languages = {"en", "fr", "de"},
                    const QueryParserOptions& options = {}) {
    absl::StatusOr<ParsedQuery> parsed =
        ParseQuery(*analyzer_, query, languages, options);
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
      return "error: " + std::string(parsed.status().message());
    }
    return parsed->DebugString();
  }

  std::unique_ptr<Analyzer> analyzer_;
};

TEST_F(QueryParserTest, PlainWordsAreShouldClauses) {
  absl::StatusOr<ParsedQuery> parsed =
      ParseQuery(*analyzer_, "Poutine cybercrime", {"en", "fr"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_EQ(parsed->clauses.size(), 2u);
  EXPECT_EQ(parsed->clauses[0].occur, Occur::kShould);
  EXPECT_THAT(parsed->clauses[0].words,
              ElementsAre(ElementsAre("poutine", "poutin")));
  EXPECT_EQ(parsed->clauses[0].text, "Poutine");
  EXPECT_FALSE(parsed->clauses[0].is_phrase());
  EXPECT_THAT(parsed->clauses[1].words,
              ElementsAre(ElementsAre("cybercrime", "cybercrim")));
}

TEST_F(QueryParserTest, QuotedPhrase) {
  absl::StatusOr<ParsedQuery> parsed =
      ParseQuery(*analyzer_, "\"information security\"", {"en"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_EQ(parsed->clauses.size(), 1u);
  EXPECT_TRUE(parsed->clauses[0].is_phrase());
  EXPECT_THAT(parsed->clauses[0].words,
              ElementsAre(ElementsAre("information", "inform"),
                          ElementsAre("security", "secur")));
  EXPECT_EQ(parsed->clauses[0].text, "\"information security\"");
}

TEST_F(QueryParserTest, RequiredAndExcluded) {
  EXPECT_EQ(Parse("+Putin -ASEAN \"Da Nang\"", {}),
            "+putin -asean \"da nang\"");
  EXPECT_EQ(Parse("+\"Tran Dai Quang\" -\"South China Sea\" visit", {}),
            "+\"tran dai quang\" -\"south china sea\" visit");
}

TEST_F(QueryParserTest, TypographicQuotes) {
  EXPECT_EQ(Parse("“sécurité de l’information”", {}),
            "\"securite de information\"");
  EXPECT_EQ(Parse("«sécurité internationale»", {}),
            "\"securite internationale\"");
  EXPECT_EQ(Parse("„Vereinten Nationen“", {}), "\"vereinten nationen\"");
}

TEST_F(QueryParserTest, WordsThatSplitBecomePhrases) {
  EXPECT_EQ(Parse("cyber-security", {}), "\"cyber security\"");
  EXPECT_EQ(Parse("+U.S.-Russia", {}), "+\"u.s russia\"");
}

TEST_F(QueryParserTest, PunctuationIsIgnoredOrPartOfWords) {
  EXPECT_EQ(Parse("Russia & China — talks!", {}), "russia china talks");
  EXPECT_EQ(Parse("C++ e-mail", {}), "c \"e mail\"");
  EXPECT_EQ(Parse("  Tran\tDai\nQuang  ", {}), "tran dai quang");
  EXPECT_EQ(Parse("cyber\"crime\"", {}), "cyber crime");
}

TEST_F(QueryParserTest, DiacriticsAndStemmingFollowTheAnalyzer) {
  EXPECT_EQ(Parse("Trân Đà Nẵng", {"vi"}), "tran da nang");
  EXPECT_EQ(Parse("Cyberkriminalität", {"de", "fr"}), "cyberkriminalitat");
  EXPECT_EQ(Parse("cybercriminalité", {"fr"}),
            "cybercriminalite|cybercriminal");
}

TEST_F(QueryParserTest, ExcludedWithRequired) {
  EXPECT_EQ(Parse("+cyber -crime", {}), "+cyber -crime");
}

TEST_F(QueryParserTest, Errors) {
  EXPECT_EQ(Parse(""), "error: query is empty");
  EXPECT_EQ(Parse("   \t "), "error: query is empty");
  EXPECT_EQ(Parse("\"information security"),
            "error: unclosed quote at position 1");
  EXPECT_EQ(Parse("Putin \"Đà Nẵng"), "error: unclosed quote at position 7");
  EXPECT_EQ(Parse("Putin +-ASEAN"),
            "error: '+' at position 7 is followed by another operator '-'");
  EXPECT_EQ(Parse("Putin --ASEAN"),
            "error: '-' at position 7 is followed by another operator '-'");
  EXPECT_EQ(Parse("Putin +&"),
            "error: '+&' at position 7 has no searchable words");
  EXPECT_EQ(Parse("Putin \"—!\""),
            "error: phrase at position 7 has no searchable words");
  EXPECT_EQ(Parse("Putin \"\""),
            "error: phrase at position 7 has no searchable words");
  EXPECT_EQ(Parse("& — !!"), "error: query has no searchable words");
  EXPECT_EQ(Parse("-Putin -\"Da Nang\""),
            "error: query only excludes ('-'); add a word or phrase to search "
            "for");
  EXPECT_EQ(Parse("Putin \xC3 x"),
            "error: query is not valid UTF-8 at position 7");
}

TEST_F(QueryParserTest, ASignStandingAloneIsPunctuation) {
  EXPECT_EQ(Parse("Vietnam - Russia"), Parse("Vietnam Russia"));
  EXPECT_EQ(Parse("Putin +"), Parse("Putin"));
  EXPECT_EQ(Parse("- Putin"), Parse("Putin"));
  EXPECT_EQ(Parse("+"), Parse("&"));
  EXPECT_EQ(Parse("+").rfind("error:", 0), 0u);
}

TEST_F(QueryParserTest, ErrorPositionsCountCharactersNotBytes) {
  EXPECT_EQ(Parse("Đà Nẵng +-x"),
            "error: '+' at position 9 is followed by another operator '-'");
}

TEST_F(QueryParserTest, Limits) {
  std::string long_query(1025, 'a');
  EXPECT_EQ(Parse(long_query), "error: query is 1025 bytes; the limit is 1024");
  std::string phrase = "\"";
  while (phrase.size() < 1020) phrase += "ab ";
  phrase += "\"";
  EXPECT_EQ(Parse(phrase, {}).substr(0, 10), "\"ab ab ab ");
  // An over-long word yields no term (AnalyzerOptions::max_word_bytes).
  EXPECT_EQ(Parse(std::string(1024, 'a')),
            "error: query has no searchable words");
  std::string many;
  for (int i = 0; i < 65; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_EQ(Parse(many, {}),
            "error: too many clauses (the limit is 64): clause 65 starts at "
            "position " +
                std::to_string(many.find("w64") + 1));
  QueryParserOptions options;
  options.max_clauses = 2;
  options.max_query_bytes = 20;
  EXPECT_EQ(Parse("a b", {}, options), "a b");
  EXPECT_EQ(Parse("a b c", {}, options),
            "error: too many clauses (the limit is 2): clause 3 starts at "
            "position 5");
  EXPECT_EQ(Parse("a bbbbbbbbbbbbbbbbbbbbbb", {}, options),
            "error: query is 24 bytes; the limit is 20");
}

}  // namespace
}  // namespace accord::analysis
