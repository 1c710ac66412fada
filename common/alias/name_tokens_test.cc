#include "common/alias/name_tokens.h"

#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace accord::alias {
namespace {

std::vector<std::string> Folds(std::string_view text) {
  std::vector<NameToken> tokens;
  TokenizeNames(text, &tokens);
  std::vector<std::string> folds;
  for (const NameToken& t : tokens) folds.push_back(t.fold);
  return folds;
}

TEST(NameTokensTest, SpansPointAtTheTokens) {
  const std::string text = "Le président Trần Đại Quang, à Đà Nẵng.";
  std::vector<NameToken> tokens;
  TokenizeNames(text, &tokens);
  ASSERT_EQ(tokens.size(), 8u);
  for (const NameToken& t : tokens) {
    EXPECT_EQ(AliasKey(text.substr(t.begin, t.end - t.begin)), t.fold);
  }
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin),
            "Trần");
  EXPECT_EQ(tokens[6].fold, "da");
  EXPECT_EQ(tokens[7].fold, "nang");
}

TEST(NameTokensTest, DiacriticsAndCaseFoldAlike) {
  EXPECT_EQ(AliasKey("Trần Đại Quang"), "tran dai quang");
  EXPECT_EQ(AliasKey("Trân Dai Quang"), "tran dai quang");
  EXPECT_EQ(AliasKey("TRAN DAI QUANG"), "tran dai quang");
  EXPECT_EQ(AliasKey("Außenministerium"), "aussenministerium");
  EXPECT_EQ(AliasKey("Nations unies"), "nations unies");
  EXPECT_EQ(AliasKey("Œuvre Łódź Ørsted"), "oeuvre lodz orsted");
  // Cyrillic stays Cyrillic; ё and й lose their marks as readers ignore them.
  EXPECT_EQ(AliasKey("Организация Объединённых Наций"),
            "организация объединенных нации");
  EXPECT_EQ(AliasKey("Сергей"), "сергеи");
}

TEST(NameTokensTest, PunctuationHyphensAndApostrophesSeparate) {
  EXPECT_THAT(Folds("U.N."), testing::ElementsAre("u", "n"));
  EXPECT_THAT(Folds("Russia’s Security Council"),
              testing::ElementsAre("russia", "s", "security", "council"));
  EXPECT_THAT(Folds("UN-Sicherheitsrat"),
              testing::ElementsAre("un", "sicherheitsrat"));
  EXPECT_THAT(Folds("Sen. Lt. Gen."), testing::ElementsAre("sen", "lt", "gen"));
  EXPECT_EQ(AliasKey(" ,; "), "");
}

TEST(NameTokensTest, CaseOfEachToken) {
  std::vector<NameToken> tokens;
  TokenizeNames("un ONU Putin U. mcDonald 2019", &tokens);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].token_case, TokenCase::kLower);
  EXPECT_EQ(tokens[1].token_case, TokenCase::kUpper);
  EXPECT_EQ(tokens[2].token_case, TokenCase::kCapitalized);
  EXPECT_EQ(tokens[3].token_case, TokenCase::kUpper);
  EXPECT_EQ(tokens[4].token_case, TokenCase::kLower);
  EXPECT_EQ(tokens[5].token_case, TokenCase::kLower);
  EXPECT_FALSE(tokens[5].has_letter);
  EXPECT_TRUE(tokens[2].has_letter);
}

// TokenizeNames reads ASCII without ICU's property lookups: every ASCII
// character must still be what ICU says it is.
TEST(NameTokensTest, AsciiFastPathAgreesWithIcu) {
  for (UChar32 c = 1; c < 0x80; ++c) {
    const std::string alone(1, static_cast<char>(c));
    std::vector<NameToken> tokens;
    TokenizeNames(alone, &tokens);
    const bool token_char = u_isalnum(c);  // no ASCII character is a mark
    ASSERT_EQ(tokens.size(), token_char ? 1u : 0u) << c;
    if (token_char) {
      EXPECT_EQ(tokens[0].has_letter, static_cast<bool>(u_isalpha(c))) << c;
      EXPECT_EQ(tokens[0].token_case,
                u_isupper(c) ? TokenCase::kUpper : TokenCase::kLower)
          << c;
      EXPECT_EQ(
          tokens[0].fold,
          std::string(1, static_cast<char>(u_foldCase(c, U_FOLD_CASE_DEFAULT))))
          << c;
    }
    // Between two letters: one token when it joins them, else two.
    EXPECT_EQ(Folds("x" + alone + "Y").size(), token_char ? 1u : 2u) << c;
    std::vector<NameToken> capitalized;
    TokenizeNames(alone + "ab", &capitalized);
    if (u_isalpha(c)) {
      EXPECT_EQ(capitalized[0].token_case,
                u_isupper(c) ? TokenCase::kCapitalized : TokenCase::kLower)
          << c;
    }
  }
}

TEST(NameTokensTest, MemoizedCodePointsAgreeWithIcu) {
  for (char32_t c = 0; c < 0x3400; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // not characters
    ASSERT_EQ(internal::FoldCodePoint(c), internal::FoldCodePointWithIcu(c))
        << static_cast<uint32_t>(c);
    ASSERT_EQ(internal::CodePointClass(c), internal::CodePointClassWithIcu(c))
        << static_cast<uint32_t>(c);
  }
  // Beyond the memo, the ICU path itself.
  EXPECT_EQ(internal::FoldCodePoint(U'中'), "中");
  EXPECT_THAT(Folds("Trần Đại Quang, Путин, ΟΔΟΣ"),
              testing::ElementsAre("tran", "dai", "quang", "путин", "οδοσ"));
}

TEST(NameTokensTest, LatinKeyMergesScripts) {
  EXPECT_EQ(LatinAliasKey("Путин"), "putin");
  EXPECT_EQ(LatinAliasKey("Владимир Путин"), "vladimir putin");
  EXPECT_EQ(LatinAliasKey("Trần Đại Quang"), "tran dai quang");
  EXPECT_EQ(LatinAliasKey("Vladimir Putin"), AliasKey("Vladimir Putin"));
}

// LatinAliasKey remembers recent names per thread: every answer, asked
// once or again, remembered or forgotten (more names than it keeps), is
// what ICU answers. Names share their first words and differ at the end.
TEST(NameTokensTest, RememberedLatinKeysAreIcus) {
  const std::vector<std::string> first = {"Владимир", "Trần Đại", "Łukasz",
                                          "Николай",  "Şükrü",    "Þóra"};
  const std::vector<std::string> last = {"Путин",    "Quang", "Øystein",
                                         "Патрушев", "Ærø",   "Nguyễn"};
  size_t checked = 0;
  for (int i = 0; i < 6000; ++i) {
    const std::string name = absl::StrCat(first[i % first.size()], " ",
                                          last[(i / 7) % last.size()], " ", i);
    const std::string expected = internal::LatinAliasKeyWithIcu(name);
    ASSERT_EQ(LatinAliasKey(name), expected) << name;
    ASSERT_EQ(LatinAliasKey(name), expected) << name << " (again)";
    // An earlier name, remembered or forgotten by now.
    const std::string earlier =
        absl::StrCat(first[(i / 2) % first.size()], " ",
                     last[(i / 2 / 7) % last.size()], " ", i / 2);
    ASSERT_EQ(LatinAliasKey(earlier), internal::LatinAliasKeyWithIcu(earlier))
        << earlier;
    checked += 3;
  }
  EXPECT_EQ(LatinAliasKey("Владимир Путин 1"), "vladimir putin 1");
  EXPECT_EQ(checked, 18000u);
}

// PersonKey's remembered answers are the ones it computes, for Vietnamese,
// Russian and other names, remembered or forgotten.
TEST(NameTokensTest, RememberedPersonKeysAreComputedOnes) {
  const std::vector<std::string> first = {"Nguyễn Văn", "Нгуен Ван", "Николай",
                                          "Dmitri",     "Trần Thị",  "Игорь"};
  const std::vector<std::string> last = {"Long",     "Лонг",  "Патрушев",
                                         "Kurbatov", "Hương", "Колокольцев"};
  for (int i = 0; i < 3000; ++i) {
    const std::string name =
        absl::StrCat(first[i % first.size()], " ", last[(i / 7) % last.size()],
                     i % 3 == 0 ? "" : absl::StrCat(" ", i));
    const std::string expected = internal::PersonKeyUnremembered(name);
    ASSERT_EQ(PersonKey(name), expected) << name;
    ASSERT_EQ(PersonKey(name), expected) << name << " (again)";
  }
  EXPECT_EQ(PersonKey("Нгуен Ван Лонг"), PersonKey("Nguyen Van Long"));
}

// Latin names skip ICU when it would give what AliasKey gives anyway
// (name_tokens.cc, LatinKeyIsAliasKey): every answer is still ICU's. Each
// code point of the Latin ranges between letters, after a space and alone,
// then random names mixing them with ASCII letters, spaces and
// punctuation.
TEST(NameTokensTest, LatinNamesKeyAsIcuTransliteratesThem) {
  std::vector<char32_t> latin;
  for (char32_t c = 0x80; c < 0x2070; ++c) {
    if (c < 0x250 || (c >= 0x300 && c < 0x370) || (c >= 0x1E00 && c < 0x1F00) ||
        c >= 0x2000) {
      latin.push_back(c);
    }
  }
  auto utf8 = [](char32_t c) {
    icu::UnicodeString s(static_cast<UChar32>(c));
    std::string out;
    s.toUTF8String(out);
    return out;
  };
  for (char32_t c : latin) {
    const std::string ch = utf8(c);
    for (const std::string& name :
         {absl::StrCat("a", ch, "b"), absl::StrCat("Ab ", ch, " cd"), ch,
          absl::StrCat(ch, ch, "x")}) {
      ASSERT_EQ(LatinAliasKey(name), internal::LatinAliasKeyWithIcu(name))
          << "U+" << std::hex << static_cast<uint32_t>(c);
    }
  }
  const std::string ascii = "aZ9 -.'";
  std::mt19937 random(20261206);
  for (int n = 0; n < 20000; ++n) {
    std::string name;
    const int length = 1 + static_cast<int>(random() % 12);
    for (int k = 0; k < length; ++k) {
      if (random() % 2 == 0) {
        name.push_back(ascii[random() % ascii.size()]);
      } else {
        name += utf8(latin[random() % latin.size()]);
      }
    }
    ASSERT_EQ(LatinAliasKey(name), internal::LatinAliasKeyWithIcu(name))
        << name;
  }
  for (const char* name :
       {"Trần Đại Quang", "Jürgen Stock", "Côte d’Ivoire", "Łukasz Błaszczyk",
        "Straße", "Nguyễn Thị Thu Hằng", "Jo\u0308rg Tra\u0300n"}) {
    EXPECT_TRUE(internal::LatinKeyIsAliasKey(name)) << name;
    EXPECT_EQ(LatinAliasKey(name), internal::LatinAliasKeyWithIcu(name))
        << name;
  }
  // Þ is "th" in ICU's Latin-ASCII and stays itself in the fold; Cyrillic
  // is another script.
  for (const char* name : {"Þóra", "Путин", "Jürgen Путин"}) {
    EXPECT_FALSE(internal::LatinKeyIsAliasKey(name)) << name;
    EXPECT_EQ(LatinAliasKey(name), internal::LatinAliasKeyWithIcu(name))
        << name;
  }
}

TEST(NameTokensTest, PersonKeyMergesTransliterations) {
  EXPECT_EQ(PersonKey("Nikolai Patrushev"), PersonKey("Николай Патрушев"));
  EXPECT_EQ(PersonKey("Nikolaj Patruschew"), PersonKey("Nikolai Patrushev"));
  EXPECT_EQ(PersonKey("Artur Liukmanov"), PersonKey("Artur Lyukmanov"));
  EXPECT_EQ(PersonKey("Artur Lyukmanov"), PersonKey("Артур Люкманов"));
  EXPECT_EQ(PersonKey("Trần Đại Quang"), PersonKey("Tran Dai Quang"));
  EXPECT_NE(PersonKey("Bui Van Nam"), PersonKey("Bui Van An"));
  // Soft and hard signs are left out, as Latin spellings leave them.
  EXPECT_EQ(PersonKey("Vladimir Kolokoltsev"),
            PersonKey("Владимир Колокольцев"));
  EXPECT_EQ(PersonKey("Daria Podyachev"), PersonKey("ДАРЬЯ ПОДЪЯЧЕВ"));
}

// TokenizeNames as its header states it, one code point at a time through
// ICU: a token is a run of letters, digits and marks that does not begin
// with a mark; its fold is each code point's; its case from its letters.
std::vector<NameToken> TokenizeWithIcu(std::string_view text) {
  auto is_mark = [](UChar32 c) {
    const int8_t type = u_charType(c);
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
           type == U_ENCLOSING_MARK;
  };
  auto is_token_char = [&](UChar32 c) { return u_isalnum(c) || is_mark(c); };
  std::vector<NameToken> out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !is_token_char(c) || is_mark(c)) continue;
    NameToken token;
    token.begin = static_cast<uint32_t>(start);
    int letters = 0, upper = 0;
    bool first_upper = false;
    int32_t end = i;
    for (UChar32 d = c;;) {
      if (u_isalpha(d)) {
        const bool is_upper = u_isupper(d) || u_istitle(d);
        if (letters == 0) first_upper = is_upper;
        ++letters;
        upper += is_upper ? 1 : 0;
      }
      token.fold += internal::FoldCodePointWithIcu(static_cast<char32_t>(d));
      end = i;
      if (i >= length) break;
      int32_t next = i;
      UChar32 e;
      U8_NEXT(bytes, next, length, e);
      if (e < 0 || !is_token_char(e)) break;
      i = next;
      d = e;
    }
    token.end = static_cast<uint32_t>(end);
    token.has_letter = letters > 0;
    token.token_case = letters > 0 && upper == letters ? TokenCase::kUpper
                       : first_upper                   ? TokenCase::kCapitalized
                                                       : TokenCase::kLower;
    if (!token.fold.empty()) out.push_back(std::move(token));
  }
  return out;
}

std::string Describe(const std::vector<NameToken>& tokens) {
  std::string out;
  for (const NameToken& t : tokens) {
    absl::StrAppend(&out, t.begin, "-", t.end, ":", t.fold, "/",
                    static_cast<int>(t.token_case), t.has_letter ? "L" : "",
                    " ");
  }
  return out;
}

// Texts that run ASCII into other scripts, marks, titlecase letters,
// digits, punctuation and malformed bytes, glued and apart: the tokens
// are the ones the code-point-at-a-time reading above finds.
TEST(NameTokensTest, TokensAreTheCodePointReadingsOnMixedTexts) {
  const std::vector<std::string> pieces = {
      "Hello",  "WORLD",    "Việt", "Nam",    "ĐÀ",    "Путин",  "x2",
      "ABC123", "l'",       "-",    " ",      ", ",    "\n",     "e\xcc\x81",
      "İ",      "ǅa",       "2019", "Nguyễn", "naïve", "Straße", "ΟΔΟΣ",
      "\xff",   "\xe1\xbb", "Z",    "q",      "ﬁ",     "Ⅻ",      "\xcc\x81"};
  std::mt19937 random(20261204);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(1, 12);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int k = count(random); k > 0; --k) text += pieces[pick(random)];
    std::vector<NameToken> tokens;
    TokenizeNames(text, &tokens);
    ASSERT_EQ(Describe(tokens), Describe(TokenizeWithIcu(text))) << text;
  }
}

TEST(NameTokensTest, MalformedUtf8NeverBreaksTokens) {
  const std::string bad = "Pu\xfftin \xe1\xbb Nam";
  std::vector<NameToken> tokens;
  TokenizeNames(bad, &tokens);
  for (const NameToken& t : tokens) {
    EXPECT_LE(t.begin, t.end);
    EXPECT_LE(t.end, bad.size());
  }
  EXPECT_EQ(tokens.back().fold, "nam");
}

}  // namespace
}  // namespace accord::alias
