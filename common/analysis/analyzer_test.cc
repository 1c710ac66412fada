#include "common/analysis/analyzer.h"

#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::analysis {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

class AnalyzerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<Analyzer>> analyzer = Analyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    analyzer_ = *std::move(analyzer);
  }

  std::vector<std::string> Terms(std::string_view text,
                                 std::string_view language) const {
    std::vector<Token> tokens;
    analyzer_->Analyze(text, language, &tokens);
    std::vector<std::string> terms;
    for (const Token& token : tokens) terms.push_back(token.term);
    return terms;
  }

  // The alternatives of the single word `word`.
  std::vector<std::string> Alternatives(
      std::string_view word, const std::vector<std::string>& languages) const {
    auto words = analyzer_->QueryTerms(word, languages);
    EXPECT_EQ(words.size(), 1u) << word;
    return words.empty() ? std::vector<std::string>{} : words.front();
  }

  // Whether the query word `word` finds `text` indexed in `language`.
  bool Finds(std::string_view word, const std::vector<std::string>& languages,
             std::string_view text, std::string_view language) const {
    std::vector<std::string> indexed = Terms(text, language);
    for (const std::string& alternative : Alternatives(word, languages)) {
      for (const std::string& term : indexed) {
        if (term == alternative) return true;
      }
    }
    return false;
  }

  std::unique_ptr<Analyzer> analyzer_;
};

const std::vector<std::string> kCorpusLanguages = {"en", "fr", "de",
                                                   "es", "ru", "vi"};

// ----- English -----

TEST_F(AnalyzerTest, EnglishStemsAndFoldsCase) {
  EXPECT_THAT(Terms("Cybercrimes and the CYBERCRIME convention", "en"),
              ElementsAre("cybercrim", "and", "the", "cybercrim", "convent"));
  EXPECT_THAT(Terms("Russia's information security", "en"),
              ElementsAre("russia", "inform", "secur"));
}

TEST_F(AnalyzerTest, EnglishQuerySide) {
  EXPECT_THAT(Alternatives("cybercrimes", {"en"}),
              ElementsAre("cybercrimes", "cybercrim"));
  EXPECT_TRUE(Finds("cybercrimes", kCorpusLanguages,
                    "the fight against cybercrime", "en"));
  EXPECT_TRUE(Finds("Cybercrime", kCorpusLanguages,
                    "two cybercrimes were reported", "en"));
  EXPECT_FALSE(Finds("cybercrime", kCorpusLanguages, "cyber security", "en"));
}

// ----- French -----

TEST_F(AnalyzerTest, FrenchStemsBeforeFoldingAccents) {
  EXPECT_THAT(Terms("La cybercriminalité", "fr"),
              ElementsAre("la", "cybercriminal"));
  // The stemmer sees "é": "coopération" -> "cooper", not "cooperation".
  EXPECT_THAT(Terms("Coopération", "fr"), ElementsAre("cooper"));
  EXPECT_THAT(Terms("Élysée", ""), ElementsAre("elysee"));
}

TEST_F(AnalyzerTest, FrenchElisionKeepsTheWord) {
  EXPECT_THAT(Terms("l'Union, d’information, qu'il", "fr"),
              ElementsAre("union", "inform", "il"));
  std::vector<Token> tokens;
  const std::string text = "l’Union";
  analyzer_->Analyze(text, "fr", &tokens);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin),
            "Union");
}

TEST_F(AnalyzerTest, FrenchQuerySide) {
  EXPECT_TRUE(Finds("cybercriminalité", kCorpusLanguages,
                    "lutte contre la cybercriminalité", "fr"));
  EXPECT_TRUE(Finds("Poutine", kCorpusLanguages,
                    "le président Poutine a déclaré", "fr"));
  EXPECT_TRUE(Finds("Poutine", kCorpusLanguages, "Poutine", "en"));
  EXPECT_FALSE(Finds("Poutine", kCorpusLanguages, "Putin", "en"));
}

// ----- German -----

TEST_F(AnalyzerTest, GermanStemsCompoundsAndUmlauts) {
  EXPECT_THAT(Terms("Cyberkriminalität Cyberkriminalitäten", "de"),
              ElementsAre("cyberkriminalitat", "cyberkriminalitat"));
  EXPECT_THAT(Terms("Vereinten Nationen", "de"),
              ElementsAre("vereint", "nation"));
}

TEST_F(AnalyzerTest, GermanSharpSFoldsToSs) {
  EXPECT_EQ(Terms("Straße", "de"), Terms("STRASSE", "de"));
  EXPECT_EQ(Terms("Straße", ""), Terms("Strasse", ""));
}

TEST_F(AnalyzerTest, GermanQuerySide) {
  EXPECT_TRUE(Finds("Cyberkriminalität", kCorpusLanguages,
                    "Bekämpfung der Cyberkriminalitäten", "de"));
  EXPECT_TRUE(Finds("Cyberkriminalitat", {"de"},
                    "Bekämpfung der Cyberkriminalität", "de"));
  EXPECT_FALSE(Finds("Cyberkriminalität", kCorpusLanguages,
                     "la cybercriminalité", "fr"));
}

// ----- Spanish -----

TEST_F(AnalyzerTest, SpanishStemsAndFolds) {
  EXPECT_THAT(Terms("Cooperación de las Naciones Unidas", "es"),
              ElementsAre("cooper", "de", "las", "nacion", "unid"));
  EXPECT_THAT(Terms("España", "es"), ElementsAre("espan"));
  EXPECT_TRUE(Finds("Espana", {"es"}, "España", "es"));
  EXPECT_TRUE(Finds("ciberdelitos", kCorpusLanguages, "un ciberdelito", "es"));
}

// ----- Russian -----

TEST_F(AnalyzerTest, RussianStemsAndFolds) {
  EXPECT_THAT(Terms("Киберпреступность киберпреступности", "ru"),
              ElementsAre("киберпреступн", "киберпреступн"));
  EXPECT_THAT(Terms("Путина", "ru"), ElementsAre("путин"));
  // ё and е are one letter for search; й loses its breve after stemming.
  EXPECT_EQ(Terms("ёлка", "ru"), Terms("елка", "ru"));
  EXPECT_THAT(Terms("Сергей", ""), ElementsAre("сергеи"));
  EXPECT_TRUE(Finds("Путин", kCorpusLanguages, "встреча с Путиным", "ru"));
}

// ----- Other Snowball languages: inflections meet -----

TEST_F(AnalyzerTest, MoreSnowballLanguagesConflateInflections) {
  const struct {
    const char* language;
    const char* one;
    const char* other;
  } kPairs[] = {
      {"it", "criminalità informatica", "criminalita informatiche"},
      {"pt", "segurança cibernética", "seguranças cibernéticas"},
      {"nl", "beveiliging", "beveiligingen"},
      {"sv", "säkerheten", "säkerhet"},
      {"pl", "bezpieczeństwo", "bezpieczenstwo"},  // no stemmer: folding only
  };
  for (const auto& pair : kPairs) {
    EXPECT_EQ(Terms(pair.one, pair.language), Terms(pair.other, pair.language))
        << pair.language;
  }
  // And stemming is per language: Dutch rules do not apply to English.
  EXPECT_NE(Terms("beveiligingen", "en"), Terms("beveiliging", "en"));
}

// ----- Vietnamese -----

TEST_F(AnalyzerTest, VietnameseSplitsSyllablesAndFoldsDiacritics) {
  EXPECT_THAT(Terms("Trần Đại Quang", "vi"),
              ElementsAre("tran", "dai", "quang"));
  EXPECT_THAT(Terms("Đà Nẵng", "vi"), ElementsAre("da", "nang"));
  EXPECT_THAT(Terms("Bộ Công an Việt Nam", "vi"),
              ElementsAre("bo", "cong", "an", "viet", "nam"));
}

TEST_F(AnalyzerTest, VietnameseNamesMatchAcrossSpellings) {
  for (const char* text :
       {"Trần Đại Quang", "Trân Dai Quang", "TRAN DAI QUANG"}) {
    EXPECT_THAT(Terms(text, "en"), ElementsAre("tran", "dai", "quang")) << text;
  }
  EXPECT_TRUE(Finds("Tran", kCorpusLanguages, "Trân Dai Quang", "en"));
  EXPECT_TRUE(Finds("Nẵng", kCorpusLanguages, "Da Nang (VNA)", "en"));
}

// ----- Greek, CJK, Thai, Korean -----

TEST_F(AnalyzerTest, GreekFinalSigma) {
  EXPECT_EQ(Terms("ΟΔΥΣΣΕΥΣ", ""), Terms("Οδυσσεύς", ""));
}

// Snowball's Greek stemmer strips some short words to nothing ("ετε",
// "ους" are endings on their own). A term is never empty: such a word is
// indexed and looked up as it is written, folded (final ς folds to σ).
TEST_F(AnalyzerTest, AWordTheStemmerWouldEraseKeepsItsFoldedForm) {
  EXPECT_THAT(Terms("ετε ους ΗΚΑ", "el"), ElementsAre("ετε", "ουσ", "ηκα"));
  for (std::string_view word : {"ετε", "ους", "ΗΚΑ"}) {
    EXPECT_THAT(Alternatives(word, {"el", "en"}), Not(Contains("")));
    EXPECT_TRUE(Finds(word, {"el"}, word, "el")) << word;
  }
}

TEST_F(AnalyzerTest, ChineseAndJapaneseSplitIntoWords) {
  std::vector<std::string> zh = Terms("中华人民共和国外交部发言人", "zh");
  EXPECT_GT(zh.size(), 1u);
  EXPECT_THAT(zh, Contains("外交部"));
  std::vector<std::string> ja = Terms("サイバーセキュリティ対策", "ja");
  EXPECT_GT(ja.size(), 1u);
}

TEST_F(AnalyzerTest, ThaiSplitsIntoWordsAndKeepsVowelSigns) {
  std::vector<std::string> th = Terms("ความมั่นคงปลอดภัยไซเบอร์", "th");
  EXPECT_GT(th.size(), 1u);
  EXPECT_THAT(th, Contains("มั่นคง"));
}

TEST_F(AnalyzerTest, KoreanKeepsSyllables) {
  EXPECT_THAT(Terms("사이버 보안", "ko"), ElementsAre("사이버", "보안"));
}

// ----- Words, positions, offsets -----

TEST_F(AnalyzerTest, PunctuationSymbolsAndEmojiAreNotWords) {
  EXPECT_THAT(Terms(" — , . ! ? « » & @ © 🙂 __ ", "en"), IsEmpty());
  EXPECT_THAT(Terms("", "en"), IsEmpty());
}

TEST_F(AnalyzerTest, NumbersAreWords) {
  EXPECT_THAT(Terms("November 28, 2019 | 11:12 am GMT+7 3.5 1,000", ""),
              ElementsAre("november", "28", "2019", "11", "12", "am", "gmt",
                          "7", "3.5", "1,000"));
}

TEST_F(AnalyzerTest, HyphensSplitWords) {
  EXPECT_THAT(Terms("cyber-security U.S.-Russia", ""),
              ElementsAre("cyber", "security", "u.s", "russia"));
}

TEST_F(AnalyzerTest, PositionsCountWords) {
  std::vector<Token> tokens;
  analyzer_->Analyze("Da Nang (VNA) – Deputy Minister, Tô Lâm.", "en", &tokens);
  ASSERT_EQ(tokens.size(), 7u);
  for (uint32_t i = 0; i < tokens.size(); ++i) EXPECT_EQ(tokens[i].position, i);
}

TEST_F(AnalyzerTest, OverlongWordIsDroppedButKeepsItsPosition) {
  std::vector<Token> tokens;
  analyzer_->Analyze("before " + std::string(65, 'x') + " after", "en",
                     &tokens);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].term, "befor");
  EXPECT_EQ(tokens[0].position, 0u);
  EXPECT_EQ(tokens[1].term, "after");
  EXPECT_EQ(tokens[1].position, 2u);
  EXPECT_THAT(Terms(std::string(64, 'x'), ""),
              ElementsAre(std::string(64, 'x')));
}

TEST_F(AnalyzerTest, OffsetsPointBackToTheWords) {
  const std::string text =
      "Le président Trần Đại Quang a reçu M. Poutine à Đà Nẵng; "
      "Cyberkriminalität, l’Union — 网络安全 ความมั่นคง 2019.";
  std::vector<Token> tokens;
  analyzer_->Analyze(text, "fr", &tokens);
  ASSERT_GT(tokens.size(), 10u);
  for (const Token& token : tokens) {
    ASSERT_LT(token.begin, token.end);
    ASSERT_LE(token.end, text.size());
    // The span alone, analyzed again, gives the same term.
    std::string_view span(text.data() + token.begin, token.end - token.begin);
    EXPECT_THAT(Terms(span, "fr"), ElementsAre(token.term)) << span;
  }
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin),
            "Trần");
  EXPECT_EQ(tokens[2].term, "tran");
}

TEST_F(AnalyzerTest, ReusesOutputVector) {
  std::vector<Token> tokens;
  analyzer_->Analyze("one two three four", "en", &tokens);
  analyzer_->Analyze("five", "en", &tokens);
  EXPECT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].term, "five");
  EXPECT_EQ(tokens[0].position, 0u);
}

TEST_F(AnalyzerTest, FastPathChangesNothing) {
  AnalyzerOptions options;
  options.fast_word_breaks = false;
  auto slow = Analyzer::Create(options);
  ASSERT_TRUE(slow.ok());
  const std::string text =
      "Moscow (VNA) – Vietnam andRussia held talks on safeguarding"
      "international information security, U.S. officials said; l'Union "
      "européenne 10,000 e-mails at 11:12 am GMT+7. Đà Nẵng, ß, Ελλάδα.";
  for (const char* language : {"en", "fr", "de", "vi"}) {
    std::vector<Token> fast_tokens, slow_tokens;
    analyzer_->Analyze(text, language, &fast_tokens);
    (*slow)->Analyze(text, language, &slow_tokens);
    ASSERT_EQ(fast_tokens.size(), slow_tokens.size());
    for (size_t i = 0; i < fast_tokens.size(); ++i) {
      EXPECT_EQ(fast_tokens[i].term, slow_tokens[i].term);
      EXPECT_EQ(fast_tokens[i].begin, slow_tokens[i].begin);
      EXPECT_EQ(fast_tokens[i].position, slow_tokens[i].position);
    }
  }
}

TEST_F(AnalyzerTest, TermCacheChangesNothing) {
  AnalyzerOptions options;
  options.term_cache = false;
  auto uncached = Analyzer::Create(options);
  ASSERT_TRUE(uncached.ok());
  const std::string text =
      "l'Union européenne, Cyberkriminalität et cybercriminalité; "
      "L’UNION Européenne. Straße Strasse STRASSE Trần Tran";
  for (const char* language : {"fr", "de", ""}) {
    for (int round = 0; round < 2; ++round) {  // the second round hits
      std::vector<Token> cached_tokens, uncached_tokens;
      analyzer_->Analyze(text, language, &cached_tokens);
      (*uncached)->Analyze(text, language, &uncached_tokens);
      ASSERT_EQ(cached_tokens.size(), uncached_tokens.size());
      for (size_t i = 0; i < cached_tokens.size(); ++i) {
        EXPECT_EQ(cached_tokens[i].term, uncached_tokens[i].term);
        EXPECT_EQ(cached_tokens[i].begin, uncached_tokens[i].begin);
      }
    }
  }
  // The length limit is the analyzer's, not the cache's.
  options.term_cache = true;
  options.max_word_bytes = 5;
  auto short_words = Analyzer::Create(options);
  ASSERT_TRUE(short_words.ok());
  std::vector<Token> tokens;
  (*short_words)->Analyze("Union européenne", "fr", &tokens);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].term, "union");
}

TEST_F(AnalyzerTest, InvalidUtf8DoesNotCrash) {
  std::vector<Token> tokens;
  analyzer_->Analyze("abc \xC3 d\xFF\xFE\xE2\x80 \xF0\x9F", "fr", &tokens);
  EXPECT_THAT(Terms("abc \xC3 def", "fr"), Contains("abc"));
}

// ----- Query side -----

TEST_F(AnalyzerTest, QueryTermsAreDeduplicatedUnstemmedFirst) {
  EXPECT_THAT(Alternatives("Poutine", {"en", "fr", "de"}),
              ElementsAre("poutine", "poutin"));
  EXPECT_THAT(Alternatives("Cyberkriminalität", {"de", "fr"}),
              ElementsAre("cyberkriminalitat"));
  EXPECT_THAT(Alternatives("security", {}), ElementsAre("security"));
  // Languages without a Snowball stemmer add nothing.
  EXPECT_THAT(Alternatives("Nẵng", {"vi", "zh"}), ElementsAre("nang"));
}

TEST_F(AnalyzerTest, QueryTermsSplitWords) {
  auto words = analyzer_->QueryTerms("Đà Nẵng, cyber-security!", {"en"});
  ASSERT_EQ(words.size(), 4u);
  EXPECT_THAT(words[0], ElementsAre("da"));
  EXPECT_THAT(words[1], ElementsAre("nang"));
  EXPECT_THAT(words[3], UnorderedElementsAre("security", "secur"));
  EXPECT_THAT(analyzer_->QueryTerms(" — !", {"en"}), IsEmpty());
}

TEST_F(AnalyzerTest, LanguageTags) {
  EXPECT_TRUE(HasStemmer("en"));
  EXPECT_TRUE(HasStemmer("de-AT"));
  EXPECT_TRUE(HasStemmer("FR"));
  EXPECT_TRUE(HasStemmer("fra"));
  EXPECT_TRUE(HasStemmer("russian"));
  EXPECT_FALSE(HasStemmer("vi"));
  EXPECT_FALSE(HasStemmer("zh-Hant"));
  EXPECT_FALSE(HasStemmer(""));
  EXPECT_FALSE(HasStemmer("porter"));
  EXPECT_EQ(Terms("Nationen", "DE-at"), Terms("Nationen", "de"));
  EXPECT_THAT(Terms("Nationen", "xx"), ElementsAre("nationen"));
}

TEST_F(AnalyzerTest, RejectsBadOptions) {
  AnalyzerOptions options;
  options.max_word_bytes = 0;
  EXPECT_EQ(Analyzer::Create(options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(AnalyzerTest, OneInstanceServesManyThreads) {
  const std::vector<std::pair<std::string, std::string>> documents = {
      {"Cyberkriminalität und Informationssicherheit", "de"},
      {"la cybercriminalité et la sécurité de l'information", "fr"},
      {"cybercrimes and information security", "en"},
      {"Trần Đại Quang tại Đà Nẵng", "vi"},
      {"киберпреступность и информационная безопасность", "ru"}};
  std::vector<std::vector<std::string>> expected;
  for (const auto& [text, language] : documents) {
    expected.push_back(Terms(text, language));
  }
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 500; ++round) {
        size_t d = (round + t) % documents.size();
        if (Terms(documents[d].first, documents[d].second) != expected[d]) {
          ++failures[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(failures, ElementsAre(0, 0, 0, 0));
}

}  // namespace
}  // namespace accord::analysis
