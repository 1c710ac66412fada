#include "query-service/search/snippets.h"

#include "gtest/gtest.h"

namespace accord::query {
namespace {

class SnippetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = analysis::Analyzer::Create();
    ASSERT_TRUE(analyzer.ok());
    analyzer_ = *std::move(analyzer);
  }
  std::unique_ptr<analysis::Analyzer> analyzer_;
};

TEST_F(SnippetsTest, MarksTheWordsAsWrittenInTheBestParagraph) {
  accord::v1::Document doc;
  doc.mutable_language()->set_code("fr");
  doc.set_title("Déclaration conjointe");
  doc.add_paragraphs()->set_text("Une rencontre sans rapport.");
  doc.add_paragraphs()->set_text("Le président Poutine a parlé de sécurité.");
  absl::flat_hash_map<std::string, int> terms;
  int w = 0;
  for (const auto& word : analyzer_->QueryTerms("Poutine sécurité", {"fr"})) {
    for (const auto& term : word) terms[term] = w;
    ++w;
  }
  std::vector<accord::v1::Snippet> snippets =
      MakeSnippets(*analyzer_, doc, terms);
  ASSERT_EQ(snippets.size(), 1u);
  EXPECT_EQ(snippets[0].paragraph(), 1);
  EXPECT_EQ(snippets[0].text(), "Le président Poutine a parlé de sécurité.");
  EXPECT_EQ(
      snippets[0].marked_text(),
      "Le président <mark>Poutine</mark> a parlé de <mark>sécurité</mark>.");
  ASSERT_EQ(snippets[0].highlights_size(), 2);
  const auto& h = snippets[0].highlights(0);
  EXPECT_EQ(snippets[0].text().substr(h.begin(), h.end() - h.begin()),
            "Poutine");
}

TEST_F(SnippetsTest, CutsLongParagraphsAroundTheMatches) {
  accord::v1::Document doc;
  doc.mutable_language()->set_code("de");
  std::string text;
  for (int i = 0; i < 60; ++i) text += "Wort ";
  text += "Die Bekämpfung der Cyberkriminalität ist wichtig. ";
  for (int i = 0; i < 60; ++i) text += "Ende ";
  doc.add_paragraphs()->set_text(text);
  std::vector<accord::v1::Snippet> snippets =
      MakeSnippets(*analyzer_, doc, {{"cyberkriminalitat", 0}},
                   {.max_snippets = 1, .max_snippet_bytes = 120});
  ASSERT_EQ(snippets.size(), 1u);
  const std::string& s = snippets[0].text();
  EXPECT_LE(s.size(), 120u + 6);
  EXPECT_EQ(s.rfind("…", 0), 0u) << s;
  EXPECT_NE(s.find("Cyberkriminalität"), std::string::npos) << s;
  EXPECT_NE(snippets[0].marked_text().find("<mark>Cyberkriminalität</mark>"),
            std::string::npos);
  const auto& h = snippets[0].highlights(0);
  EXPECT_EQ(s.substr(h.begin(), h.end() - h.begin()), "Cyberkriminalität");
}

TEST_F(SnippetsTest, NoMatchNoSnippet) {
  accord::v1::Document doc;
  doc.mutable_language()->set_code("en");
  doc.add_paragraphs()->set_text("Nothing relevant here.");
  EXPECT_TRUE(MakeSnippets(*analyzer_, doc, {{"treati", 0}}).empty());
}

TEST_F(SnippetsTest, StopsReadingOnceEveryWordIsFound) {
  accord::v1::Document doc;
  doc.mutable_language()->set_code("en");
  doc.add_paragraphs()->set_text("Cyber norms were discussed.");
  doc.add_paragraphs()->set_text("Cyber norms again, and norms once more.");
  // One passage wanted, and the first paragraph has both words: the second,
  // though it has more matches, is never read.
  std::vector<accord::v1::Snippet> snippets = MakeSnippets(
      *analyzer_, doc, {{"cyber", 0}, {"norm", 1}}, {.max_snippets = 1});
  ASSERT_EQ(snippets.size(), 1u);
  EXPECT_EQ(snippets[0].paragraph(), 0);
  // Two wanted: both paragraphs are read, the richer one first.
  snippets = MakeSnippets(*analyzer_, doc, {{"cyber", 0}, {"norm", 1}});
  ASSERT_EQ(snippets.size(), 2u);
  EXPECT_EQ(snippets[0].paragraph(), 1);
}

// Found by fuzz_stored_document: when no match fit in two thirds of the
// window (one long matched word; soft hyphens make any word long), the
// window stayed at the start of the part and showed no match at all.
TEST_F(SnippetsTest, AMatchedWordLongerThanTheWindowIsShown) {
  accord::v1::Document doc;
  const std::string word(50, 'x');
  doc.add_paragraphs()->set_text("Some words before the long one " + word +
                                 " and some after it.");
  std::vector<accord::v1::Snippet> snippets =
      MakeSnippets(*analyzer_, doc, {{word, 0}},
                   {.max_snippets = 1, .max_snippet_bytes = 30});
  ASSERT_EQ(snippets.size(), 1u);
  ASSERT_EQ(snippets[0].highlights_size(), 1) << snippets[0].text();
  const auto& h = snippets[0].highlights(0);
  EXPECT_EQ(snippets[0].text().substr(h.begin(), h.end() - h.begin()), word);
}

}  // namespace
}  // namespace accord::query
