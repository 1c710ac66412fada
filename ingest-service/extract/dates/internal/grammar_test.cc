// The grammar's filters (GrammarOptions::skip_impossible_starts and
// skip_impossible_words) are fast paths: each must find exactly what trying
// every rule at every token, every phrase and every name finds. Checked on
// the gold set's documents and on random texts made of nothing but the
// lexicon's own words, month and weekday names, numbers and punctuation,
// where nearly every token could start something.
#include "ingest-service/extract/dates/internal/grammar.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/temporal/text_fold.h"

namespace accord::extract::dates {
namespace {

std::string Describe(const Match& m) {
  return absl::StrCat(m.first, "..", m.last, " ", m.rule, " kind=", m.kind, " ",
                      temporal::FormatIso8601(m.begin), "/",
                      temporal::FormatIso8601(m.end), " wd=", m.weekday,
                      " rel=", m.relative, " off=", m.offset,
                      " only=", m.weekday_only, " ", m.duration, m.period);
}

std::vector<std::string> MatchesOf(std::string_view text,
                                   std::string_view language,
                                   const GrammarOptions& options) {
  const Tokens tokens = Tokenize(text);
  std::vector<std::string> out;
  for (const Match& m :
       MatchDates(tokens.tokens, *LexiconFor(language),
                  temporal::CalendarNames::Default(), options)) {
    out.push_back(Describe(m));
  }
  return out;
}

constexpr const char* kLanguages[] = {"en", "fr", "de", "es", "ru", "vi"};

GrammarOptions Filters(bool starts, bool words) {
  GrammarOptions options;
  options.skip_impossible_starts = starts;
  options.skip_impossible_words = words;
  return options;
}
const GrammarOptions kNoFilter = Filters(false, false);
// Each fast path alone and both together.
const GrammarOptions kFiltered[] = {Filters(true, false), Filters(false, true),
                                    Filters(true, true)};

// Tokens keep the forms the grammars compare: lowercase with accents,
// folded without, numbers with their values, dashes and apostrophes made
// one; and the forms stay readable after the Tokens are moved.
TEST(TokensTest, FormsOfWordsNumbersAndPunctuation) {
  const std::string text =
      "Le 10 Décembre – l’an 2019, ДЕКАБРЯ; hôm qua\nMAY-day";
  Tokens moved = Tokenize(text);
  const Tokens tokens = std::move(moved);
  std::vector<std::string> lower, folded;
  for (const Token& t : tokens.tokens) {
    lower.emplace_back(t.lower);
    folded.emplace_back(t.fold());
  }
  EXPECT_EQ(lower, (std::vector<std::string>{
                       "le", "10", "décembre", "-", "l", "'", "an", "2019", ",",
                       "декабря", ";", "hôm", "qua", "may", "-", "day"}));
  EXPECT_EQ(folded, (std::vector<std::string>{
                        "le", "10", "decembre", "-", "l", "'", "an", "2019",
                        ",", "декабря", ";", "hom", "qua", "may", "-", "day"}));
  const Token& number = tokens.tokens[7];
  EXPECT_TRUE(number.is_number());
  EXPECT_EQ(number.value, 2019);
  EXPECT_EQ(number.digits, 4);
  EXPECT_TRUE(tokens.tokens[2].capitalized);
  EXPECT_FALSE(tokens.tokens[4].capitalized);
  EXPECT_TRUE(tokens.tokens[13].break_before);
  EXPECT_FALSE(tokens.tokens[14].space_before);
  EXPECT_EQ(text.substr(tokens.tokens[2].begin,
                        tokens.tokens[2].end - tokens.tokens[2].begin),
            "Décembre");
}

// Words beyond ASCII keep their lowercase and folded forms in a few
// strings filled to their capacity: capitalized words, whose two forms
// both differ from the text, need about twice the text's size, so the
// forms run over several strings; every view must still read what
// temporal::Lower and temporal::FoldLowercase say, after a move too.
TEST(TokensTest, FormsBeyondAsciiReadAsTheFoldingFunctionsSay) {
  const std::vector<std::string> words = {
      "ĐÀ",       "NẴNG",   "Thứ",     "Năm",       "ДЕКАБРЯ",  "Вчера",
      "Décembre", "JÄNNER", "Segunda", "miércoles", "İSTANBUL", "Ωμέγα"};
  std::string text;
  for (int i = 0; i < 400; ++i) {
    text += words[i % words.size()];
    text += i % 7 == 0 ? ", " : " ";
  }
  Tokens moved = Tokenize(text);
  const Tokens tokens = std::move(moved);
  EXPECT_GT(tokens.forms.size(), 1u);
  size_t checked = 0;
  for (const Token& t : tokens.tokens) {
    if (!t.is_word()) continue;
    const std::string_view span =
        std::string_view(text).substr(t.begin, t.end - t.begin);
    const std::string lower = temporal::Lower(span);
    ASSERT_EQ(t.lower, lower) << span;
    ASSERT_EQ(t.fold(), temporal::FoldLowercase(lower)) << span;
    ++checked;
  }
  EXPECT_EQ(checked, 400u);
}

TEST(GrammarStartFilterTest, SameMatchesOnTheGoldSet) {
  const char* root = std::getenv("ACCORD_SOURCE_DIR");
  ASSERT_NE(root, nullptr) << "ctest sets ACCORD_SOURCE_DIR";
  size_t documents = 0, matches = 0;
  for (const char* language : kLanguages) {
    const std::filesystem::path dir =
        std::filesystem::path(root) / "tests/gold" / language;
    for (const auto& file : std::filesystem::directory_iterator(dir)) {
      if (file.path().extension() != ".txt") continue;
      std::ifstream in(file.path());
      std::stringstream text;
      text << in.rdbuf();
      const std::vector<std::string> all =
          MatchesOf(text.str(), language, kNoFilter);
      for (const GrammarOptions& filtered : kFiltered) {
        EXPECT_EQ(MatchesOf(text.str(), language, filtered), all)
            << file.path() << " starts=" << filtered.skip_impossible_starts
            << " words=" << filtered.skip_impossible_words;
      }
      ++documents;
      matches += all.size();
    }
  }
  // The gold set has ten documents a language, each with dates.
  EXPECT_GE(documents, 60u);
  EXPECT_GE(matches, 200u);
}

// Random texts from the words the grammar knows.
TEST(GrammarStartFilterTest, SameMatchesOnRandomTextsOfGrammarWords) {
  // Month and weekday names are ICU's (not in the lexicon), a few per
  // language in the forms texts use; and words written here by hand, not
  // taken from PhraseLists(), so that a list PhraseLists() forgets still
  // shows (month and year prepositions, period modifiers, year suffixes).
  const std::vector<std::vector<std::string>> kWords = {
      {"November", "May", "Friday", "Tuesday", "Dec", "Sept", "in", "early",
       "mid", "late", "since", "ago", "yesterday", "every", "for"},
      {"novembre", "mai", "vendredi", "décembre", "juin", "en", "début", "fin",
       "mi", "depuis", "hier", "il", "y", "a", "chaque"},
      {"November", "Mai", "Freitag", "Dezember", "Jänner", "Okt", "im",
       "anfang", "mitte", "ende", "seit", "vor", "gestern", "jedes", "Jahr"},
      {"noviembre", "mayo", "viernes", "junio", "setiembre", "en", "principios",
       "finales", "mediados", "de", "desde", "hace", "ayer", "cada"},
      {"ноября", "ноябрь", "мая", "пятницу", "декабре", "среда", "в", "года",
       "году", "г", "начале", "конце", "назад", "вчера", "каждые"},
      {"tháng", "Mười", "Một", "Thứ", "Sáu", "năm", "Năm", "vào", "đầu", "cuối",
       "giữa", "trước", "hôm", "qua", "mỗi"},
  };
  size_t total = 0;
  for (size_t l = 0; l < std::size(kLanguages); ++l) {
    const Lexicon& lexicon = *LexiconFor(kLanguages[l]);
    std::vector<std::string> pool(kWords[l].begin(), kWords[l].end());
    for (const PhraseList* list : PhraseLists(lexicon)) {
      for (const Phrase& phrase : *list) {
        for (const std::string& token : phrase.tokens) pool.push_back(token);
      }
    }
    for (const char* t : {"1", "5", "10", "24", "25", "31", "2018", "2019",
                          "19", "/", "-", ".", ",", "–", "и", "word", "Word"}) {
      pool.push_back(t);
    }
    std::mt19937 random(20261202 + l);
    for (int round = 0; round < 200; ++round) {
      std::string text;
      for (int i = 0; i < 60; ++i) {
        std::string token = pool[random() % pool.size()];
        if (random() % 4 == 0 && !token.empty() && token[0] >= 'a' &&
            token[0] <= 'z') {
          token[0] = static_cast<char>(token[0] - 'a' + 'A');
        }
        const unsigned glue = random() % 10;
        text += glue == 0 ? "\n" : glue == 1 ? "" : " ";
        text += token;
      }
      const std::vector<std::string> all =
          MatchesOf(text, kLanguages[l], kNoFilter);
      for (const GrammarOptions& filtered : kFiltered) {
        ASSERT_EQ(MatchesOf(text, kLanguages[l], filtered), all)
            << kLanguages[l] << " starts=" << filtered.skip_impossible_starts
            << " words=" << filtered.skip_impossible_words << ": " << text;
      }
      total += all.size();
    }
  }
  // Dense with dates, so that a wrong filter shows.
  EXPECT_GE(total, 3000u);
}

}  // namespace
}  // namespace accord::extract::dates
