#include "common/index/document_terms.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_split.h"
#include "common/testing/synthetic_text.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::index {
namespace {

using ::testing::ElementsAre;

std::map<std::string, std::vector<uint32_t>> AsMap(const DocumentTerms& t) {
  std::map<std::string, std::vector<uint32_t>> map;
  for (const auto& [term, positions] : t.terms) {
    map[std::string(term)].assign(positions.begin(), positions.end());
  }
  return map;
}

class DocumentTermsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = analysis::Analyzer::Create();
    ASSERT_TRUE(analyzer.ok());
    analyzer_ = *std::move(analyzer);
  }
  std::unique_ptr<analysis::Analyzer> analyzer_;
};

TEST_F(DocumentTermsTest, TitleAndParagraphsWithGapsBetweenParts) {
  accord::v1::Document doc;
  doc.mutable_language()->set_code("en");
  doc.set_title("Information security");
  doc.add_paragraphs()->set_text("Security talks.");
  doc.add_paragraphs()->set_text("Information matters.");
  DocumentTerms terms = BuildDocumentTerms(*analyzer_, doc);
  EXPECT_EQ(terms.length, 6u);
  auto map = AsMap(terms);
  // title 0-1, gap 2, paragraph 3-4, gap 5, paragraph 6-7.
  EXPECT_THAT(map["secur"], ElementsAre(1, 3));
  EXPECT_THAT(map["inform"], ElementsAre(0, 6));
  EXPECT_THAT(map["talk"], ElementsAre(4));
  for (size_t i = 1; i < terms.terms.size(); ++i) {
    EXPECT_LT(terms.terms[i - 1].term, terms.terms[i].term);
  }
}

TEST_F(DocumentTermsTest, SpansSayWhereEachPositionWasWritten) {
  accord::v1::Document doc;
  doc.mutable_language()->set_code("fr");
  doc.set_title("Sommet à Đà Nẵng");
  doc.mutable_dateline()->set_place("Paris");
  doc.add_paragraphs();  // empty: no positions, no gap
  doc.add_paragraphs()->set_text("Accord de l'Union, «cybersécurité».");
  DocumentTerms terms = BuildDocumentTerms(*analyzer_, doc);
  // Title 0-3 (the accented letters take two or three bytes), gap 4,
  // dateline 5, gap 6, the second paragraph from 7; the elided article is
  // not part of "Union"'s span.
  EXPECT_THAT(terms.spans,
              ElementsAre(TokenSpan{0, kTitlePart, 0, 6},
                          TokenSpan{1, kTitlePart, 7, 9},
                          TokenSpan{2, kTitlePart, 10, 14},
                          TokenSpan{3, kTitlePart, 15, 21},
                          TokenSpan{5, kDatelinePart, 0, 5},
                          TokenSpan{7, kFirstParagraphPart + 1, 0, 6},
                          TokenSpan{8, kFirstParagraphPart + 1, 7, 9},
                          TokenSpan{9, kFirstParagraphPart + 1, 12, 17},
                          TokenSpan{10, kFirstParagraphPart + 1, 21, 36}));
  // Every position in the postings has its span, and only those.
  std::vector<uint32_t> positions;
  for (const auto& [term, list] : terms.terms) {
    positions.insert(positions.end(), list.begin(), list.end());
  }
  std::sort(positions.begin(), positions.end());
  ASSERT_EQ(positions.size(), terms.spans.size());
  for (size_t i = 0; i < positions.size(); ++i) {
    EXPECT_EQ(positions[i], terms.spans[i].position);
  }
}

TEST_F(DocumentTermsTest, IndexesTheDatelinePlace) {
  accord::v1::Document doc;
  doc.mutable_language()->set_code("en");
  doc.set_title("Talks");
  doc.mutable_dateline()->set_place("Da Nang");
  doc.add_paragraphs()->set_text("Leaders met.");
  auto map = AsMap(BuildDocumentTerms(*analyzer_, doc));
  EXPECT_THAT(map["da"], ElementsAre(2));
  EXPECT_THAT(map["nang"], ElementsAre(3));
  EXPECT_THAT(map["leader"], ElementsAre(5));
}

TEST_F(DocumentTermsTest, StemsInTheDocumentLanguage) {
  accord::v1::Document de;
  de.mutable_language()->set_code("de");
  de.add_paragraphs()->set_text("Die Bekämpfung der Cyberkriminalität.");
  EXPECT_TRUE(
      AsMap(BuildDocumentTerms(*analyzer_, de)).count("cyberkriminalitat"));

  accord::v1::Document vi;
  vi.mutable_language()->set_code("vi");
  vi.add_paragraphs()->set_text("Đà Nẵng");
  auto map = AsMap(BuildDocumentTerms(*analyzer_, vi));
  EXPECT_THAT(map["da"], ElementsAre(0));
  EXPECT_THAT(map["nang"], ElementsAre(1));
}

TEST_F(DocumentTermsTest, EmptyDocumentHasNoTerms) {
  accord::v1::Document doc;
  DocumentTerms terms = BuildDocumentTerms(*analyzer_, doc);
  EXPECT_EQ(terms.length, 0u);
  EXPECT_TRUE(terms.terms.empty());
}

// The reference the packed build is checked against: every token's
// position appended to its term's list, the terms sorted.
std::map<std::string, std::vector<uint32_t>> ReferenceTerms(
    const analysis::Analyzer& analyzer, const accord::v1::Document& doc) {
  std::map<std::string, std::vector<uint32_t>> map;
  std::vector<analysis::Token> tokens;
  uint32_t next_position = 0;
  auto add = [&](const std::string& text) {
    if (text.empty()) return;
    analyzer.Analyze(text, doc.language().code(), &tokens);
    for (const analysis::Token& token : tokens) {
      map[token.term].push_back(next_position + token.position);
    }
    if (!tokens.empty()) next_position += tokens.back().position + 2;
  };
  add(doc.title());
  add(doc.dateline().place());
  for (const auto& paragraph : doc.paragraphs()) add(paragraph.text());
  return map;
}

TEST_F(DocumentTermsTest, PackedTermsReadAsEachTokenAppendedToItsTerm) {
  int documents = 0;
  for (const std::string& text : testing::SyntheticArticles(24, 11)) {
    for (const char* language : {"en", "de", "ru", "vi"}) {
      accord::v1::Document doc;
      doc.mutable_language()->set_code(language);
      const std::vector<std::string> parts = absl::StrSplit(text, "\n\n");
      doc.set_title(parts[0]);
      doc.mutable_dateline()->set_place(parts[0].substr(0, 9));
      for (size_t i = 1; i < parts.size(); ++i) {
        doc.add_paragraphs()->set_text(parts[i]);
      }
      const DocumentTerms terms = BuildDocumentTerms(*analyzer_, doc);
      const auto reference = ReferenceTerms(*analyzer_, doc);
      ASSERT_EQ(AsMap(terms), reference) << language << ": " << text;
      ASSERT_EQ(terms.terms.size(), reference.size());
      size_t i = 0;
      for (const auto& [term, positions] : reference) {
        // In order, also when read by index.
        EXPECT_EQ(terms.terms[i].term, term);
        EXPECT_THAT(terms.terms[i].positions,
                    ::testing::ElementsAreArray(positions));
        ++i;
      }
      ++documents;
    }
  }
  EXPECT_EQ(documents, 96);
}

TEST(TermPositionsTest, PairsInAnyOrderAreSortedAndCompared) {
  const TermPositions terms = {{"zeta", {4, 9}}, {"alpha", {1}}, {"mu", {}}};
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_EQ(terms[0].term, "alpha");
  EXPECT_THAT(terms[0].positions, ElementsAre(1));
  EXPECT_EQ(terms[1].term, "mu");
  EXPECT_TRUE(terms[1].positions.empty());
  EXPECT_EQ(terms[2].term, "zeta");
  EXPECT_THAT(terms[2].positions, ElementsAre(4, 9));
  EXPECT_EQ(terms,
            (TermPositions{{"alpha", {1}}, {"mu", {}}, {"zeta", {4, 9}}}));
  EXPECT_FALSE(terms == (TermPositions{{"alpha", {1}}, {"zeta", {4, 9}}}));
  EXPECT_GE(terms.MemoryBytes(), 13u + 3 * 4 + 3 * 4 + 3 * 4);
}

}  // namespace
}  // namespace accord::index
