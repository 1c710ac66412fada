#include "ingest-service/extract/phrases/term_phrases.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace accord::extract {
namespace {

accord::v1::Document Doc(const std::string& language, const std::string& title,
                         const std::string& dateline_place,
                         const std::vector<std::string>& paragraphs) {
  accord::v1::Document doc;
  doc.mutable_language()->set_code(language);
  doc.set_title(title);
  doc.mutable_dateline()->set_place(dateline_place);
  uint32_t offset = 0;
  for (const std::string& text : paragraphs) {
    accord::v1::Paragraph* p = doc.add_paragraphs();
    p->set_offset(offset);
    p->set_text(text);
    offset += static_cast<uint32_t>(text.size()) + 2;
  }
  return doc;
}

TEST(TermPhrasesTest, FindsStemmedRunsWithTheirSpansInTitleAndBody) {
  auto analyzer = analysis::Analyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  TermPhrases phrases(analyzer->get());
  ASSERT_EQ(*phrases.Add("en", "joint statement"), 0u);
  ASSERT_EQ(*phrases.Add("en", "sign"), 1u);
  ASSERT_EQ(*phrases.Add("de", "gemeinsame Erklärung"), 2u);
  EXPECT_FALSE(phrases.Add("en", "…").ok());

  const accord::v1::Document en =
      Doc("en", "Joint Statements signed", "Signing",
          {"Nothing here.",
           "They signed a joint\nstatement; the signing went well."});
  const std::vector<TermPhrases::Match> found =
      phrases.Find(index::BuildDocumentTerms(**analyzer, en), en);
  // The dateline's place ("Signing") is never matched.
  std::vector<std::string> surfaces;
  for (const auto& m : found) surfaces.push_back(std::string(m.surface));
  EXPECT_EQ(surfaces,
            (std::vector<std::string>{"Joint Statements", "signed", "signed",
                                      "joint\nstatement", "signing"}));
  EXPECT_EQ(found[0].span.part(), accord::v1::TEXT_PART_TITLE);
  EXPECT_EQ(found[0].phrase, 0u);
  EXPECT_EQ(found[2].span.part(), accord::v1::TEXT_PART_BODY);
  // Body offsets run over the paragraphs joined with "\n\n".
  const std::string body = "Nothing here.\n\n" + en.paragraphs(1).text();
  for (size_t i = 2; i < found.size(); ++i) {
    EXPECT_EQ(body.substr(found[i].span.begin(),
                          found[i].span.end() - found[i].span.begin()),
              std::string(found[i].surface));
  }

  // "de-AT" uses the German phrases, and only those.
  const accord::v1::Document de =
      Doc("de-AT", "", "", {"Eine gemeinsame Erklärung wurde unterzeichnet."});
  const auto german =
      phrases.Find(index::BuildDocumentTerms(**analyzer, de), de);
  ASSERT_EQ(german.size(), 1u);
  EXPECT_EQ(german[0].phrase, 2u);
  EXPECT_EQ(german[0].surface, "gemeinsame Erklärung");
  // A phrase does not run across paragraphs.
  const accord::v1::Document split =
      Doc("en", "", "", {"a joint", "statement"});
  EXPECT_TRUE(phrases.Find(index::BuildDocumentTerms(**analyzer, split), split)
                  .empty());
}

}  // namespace
}  // namespace accord::extract
