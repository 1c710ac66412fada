#include "query-service/search/snippets.h"

#include <algorithm>
#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "common/analysis/analyzer.h"
#include "common/index/document_terms.h"
#include "common/index/token_spans.h"
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

  // Snippets as a search computes them: the document indexed as ingest does
  // (positions and token spans), the positions of `term_words`' terms
  // looked up in the encoded spans. No analysis at query time.
  std::vector<accord::v1::Snippet> Snippets(
      const accord::v1::Document& doc,
      const absl::flat_hash_map<std::string, int>& term_words,
      const SnippetOptions& options = {}) {
    const index::DocumentTerms terms =
        index::BuildDocumentTerms(*analyzer_, doc);
    std::vector<std::pair<uint32_t, int>> position_words;
    for (const auto& [term, positions] : terms.terms) {
      auto it = term_words.find(std::string(term));
      if (it == term_words.end()) continue;
      for (uint32_t p : positions) position_words.emplace_back(p, it->second);
    }
    std::sort(position_words.begin(), position_words.end());
    absl::StatusOr<std::vector<SnippetMatch>> matches =
        MatchesFromSpans(position_words, index::EncodeTokenSpans(terms.spans));
    EXPECT_TRUE(matches.ok()) << matches.status();
    if (!matches.ok()) return {};
    return MakeSnippets(doc, *matches, options);
  }

  absl::flat_hash_map<std::string, int> QueryTerms(
      std::string_view query, std::vector<std::string> languages) {
    absl::flat_hash_map<std::string, int> terms;
    int w = 0;
    for (const auto& word : analyzer_->QueryTerms(query, languages)) {
      for (const auto& term : word) terms.emplace(term, w);
      ++w;
    }
    return terms;
  }

  std::unique_ptr<analysis::Analyzer> analyzer_;
};

TEST_F(SnippetsTest, MarksTheWordsAsWrittenInTheBestParagraph) {
  accord::v1::Document doc;
  doc.mutable_language()->set_code("fr");
  doc.set_title("Déclaration conjointe");
  doc.add_paragraphs()->set_text("Une rencontre sans rapport.");
  doc.add_paragraphs()->set_text("Le président Poutine a parlé de sécurité.");
  std::vector<accord::v1::Snippet> snippets =
      Snippets(doc, QueryTerms("Poutine sécurité", {"fr"}));
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

TEST_F(SnippetsTest, TitleMatchesAreShownAsPartMinusOneAndTheDatelineNever) {
  accord::v1::Document doc;
  doc.mutable_language()->set_code("de");
  doc.set_title("Gipfel in Wien");
  doc.mutable_dateline()->set_place("Wien");
  doc.add_paragraphs()->set_text("Die Minister trafen sich.");
  std::vector<accord::v1::Snippet> snippets =
      Snippets(doc, QueryTerms("Wien", {"de"}));
  ASSERT_EQ(snippets.size(), 1u);
  EXPECT_EQ(snippets[0].paragraph(), -1);
  EXPECT_EQ(snippets[0].marked_text(), "Gipfel in <mark>Wien</mark>");
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
      Snippets(doc, {{"cyberkriminalitat", 0}},
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
  EXPECT_TRUE(Snippets(doc, {{"treati", 0}}).empty());
}

TEST_F(SnippetsTest, PrefersPartsWithMoreQueryWordsThenMoreMatches) {
  accord::v1::Document doc;
  doc.mutable_language()->set_code("en");
  doc.add_paragraphs()->set_text("Norms, norms and norms.");
  doc.add_paragraphs()->set_text("Cyber norms were discussed.");
  doc.add_paragraphs()->set_text("Cyber norms again, and norms once more.");
  std::vector<accord::v1::Snippet> snippets =
      Snippets(doc, {{"cyber", 0}, {"norm", 1}}, {.max_snippets = 3});
  ASSERT_EQ(snippets.size(), 3u);
  EXPECT_EQ(snippets[0].paragraph(), 2);  // both words, three matches
  EXPECT_EQ(snippets[1].paragraph(), 1);  // both words, two matches
  EXPECT_EQ(snippets[2].paragraph(), 0);  // one word
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
      Snippets(doc, {{word, 0}}, {.max_snippets = 1, .max_snippet_bytes = 30});
  ASSERT_EQ(snippets.size(), 1u);
  ASSERT_EQ(snippets[0].highlights_size(), 1) << snippets[0].text();
  const auto& h = snippets[0].highlights(0);
  EXPECT_EQ(snippets[0].text().substr(h.begin(), h.end() - h.begin()), word);
}

// Spans that do not fit the document (another document's, or a record
// edited since) must not cut a code point or reach past the text: the
// snippet would not be UTF-8 and the response could not be sent.
TEST_F(SnippetsTest, MatchesThatDoNotFitTheDocumentAreLeftOut) {
  accord::v1::Document doc;
  doc.set_title("Café");
  doc.add_paragraphs()->set_text("Zürich");
  const std::vector<SnippetMatch> matches = {
      {index::kTitlePart, 0, 4, 0},               // cuts "é"
      {index::kTitlePart, 2, 40, 0},              // past the end
      {index::kFirstParagraphPart + 5, 0, 2, 0},  // no such paragraph
      {index::kDatelinePart, 0, 2, 0},            // never shown
      {index::kFirstParagraphPart, 0, 2, 0},      // cuts "ü"
      {index::kFirstParagraphPart, 4, 3, 0},      // empty
  };
  EXPECT_TRUE(MakeSnippets(doc, matches).empty());
  const std::vector<SnippetMatch> good = {
      {index::kFirstParagraphPart, 0, 7, 0}};
  std::vector<accord::v1::Snippet> snippets = MakeSnippets(doc, good);
  ASSERT_EQ(snippets.size(), 1u);
  EXPECT_EQ(snippets[0].marked_text(), "<mark>Zürich</mark>");
}

TEST_F(SnippetsTest, MalformedSpansAreDataLoss) {
  const std::vector<std::pair<uint32_t, int>> positions = {{0, 0}};
  EXPECT_EQ(MatchesFromSpans(positions, "\x05\x01").status().code(),
            absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace accord::query
