#include "ingest-service/extract/phrases/term_phrases.h"

#include <map>
#include <string>
#include <utility>
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

// What Find must return, found the slow way: every phrase of the
// document's language tried at every position, comparing the terms there.
std::vector<std::pair<uint32_t, size_t>> NaiveMatches(
    const TermPhrases& phrases,
    const std::vector<std::string>& phrase_languages,
    const index::DocumentTerms& terms, const std::string& language) {
  std::map<uint32_t, std::string> term_at;
  for (const auto& [term, positions] : terms.terms) {
    for (const uint32_t position : positions) term_at[position] = term;
  }
  std::map<uint32_t, uint32_t> part_at;
  for (const index::TokenSpan& span : terms.spans) {
    part_at[span.position] = span.part;
  }
  std::vector<std::pair<uint32_t, size_t>> matches;
  for (const auto& [start, unused] : term_at) {
    for (size_t phrase = 0; phrase < phrases.size(); ++phrase) {
      if (phrase_languages[phrase] != language) continue;
      const std::vector<std::string>& words = phrases.terms(phrase);
      bool all = true;
      for (size_t k = 0; k < words.size() && all; ++k) {
        const auto at = term_at.find(start + static_cast<uint32_t>(k));
        all = at != term_at.end() && at->second == words[k] &&
              part_at[at->first] == part_at[start];
      }
      if (all && part_at[start] != index::kDatelinePart) {
        matches.push_back({start, phrase});
      }
    }
  }
  return matches;
}

// Phrases sharing first words, repeating a word, repeated outright, and
// added in several languages in turn (each language numbers its terms
// apart): Find agrees with trying every phrase everywhere.
TEST(TermPhrasesTest, AgreesWithTryingEveryPhraseAtEveryPosition) {
  auto analyzer = analysis::Analyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  TermPhrases phrases(analyzer->get());
  std::vector<std::string> languages;
  const std::vector<std::pair<std::string, std::string>> added = {
      {"en", "cyber"},
      {"fr", "cyber sécurité"},
      {"en", "cyber security"},
      {"ru", "кибербезопасность"},
      {"en", "cyber security council"},
      {"en", "security council"},
      {"fr", "sécurité"},
      {"en", "talks"},
      {"en", "talks talks"},
      {"ru", "переговоры по кибербезопасности"},
      {"en", "cyber security"},
      {"fr", "conseil de sécurité"},
      {"en", "council of europe"},
      {"ru", "совет безопасности"},
      {"en", "europe"},
  };
  for (const auto& [language, text] : added) {
    absl::StatusOr<size_t> id = phrases.Add(language, text);
    ASSERT_TRUE(id.ok()) << text << ": " << id.status();
    ASSERT_EQ(*id, languages.size());
    languages.push_back(language);
  }

  const std::vector<accord::v1::Document> documents = {
      Doc("en", "Cyber security talks", "Security Council",
          {"The cyber security council met the Council of Europe.",
           "Talks talks talks on cyber; security council of Europe.",
           "Nothing about it here, only councils."}),
      Doc("fr", "La cyber sécurité", "",
          {"Le Conseil de sécurité parle de cyber sécurité et de sécurité.",
           "Cyber", "sécurité"}),
      Doc("ru-RU", "Совет безопасности", "",
          {"Переговоры по кибербезопасности: совет безопасности ООН "
           "обсудил кибербезопасность."}),
      Doc("de", "Cyber security council", "", {"Cyber security talks."}),
  };
  size_t total = 0;
  for (const accord::v1::Document& document : documents) {
    const index::DocumentTerms terms =
        index::BuildDocumentTerms(**analyzer, document);
    std::vector<std::pair<uint32_t, size_t>> found;
    for (const TermPhrases::Match& match : phrases.Find(terms, document)) {
      found.push_back({match.start, match.phrase});
      EXPECT_EQ(match.end - match.start, phrases.terms(match.phrase).size());
    }
    EXPECT_EQ(found, NaiveMatches(phrases, languages, terms,
                                  PrimaryLanguage(document.language().code())))
        << document.title();
    total += found.size();
  }
  // The texts do hold matches: the comparison is not of two empty lists.
  EXPECT_GE(total, 20u);
}

}  // namespace
}  // namespace accord::extract
