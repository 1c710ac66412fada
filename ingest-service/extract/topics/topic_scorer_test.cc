#include "ingest-service/extract/topics/topic_scorer.h"

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::extract::topics {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A taxonomy of our own, small enough to reason about scores.
constexpr char kRules[] =
    "@topic/cybercrime Cybercrime\n"
    "about: crimes with computers\n"
    "en: cybercrime^2; cybercrime convention^2; online fraud\n"
    "fr: cybercriminalité^2\n"
    "de: Cyberkriminalität^2; Bekämpfung der Cyberkriminalität\n"
    "ru: киберпреступность^2\n"
    "vi: tội phạm mạng^2\n"
    "@topic/information-security Information security\n"
    "about: security of information as states use the term\n"
    "en: information security^2\n"
    "ru: информационная безопасность^2\n"
    "es: seguridad de la información^2\n"
    "@topic/capacity-building Capacity building\n"
    "about: training\n"
    "en: training course; workshop; capacity building^2\n";

class TopicScorerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = analysis::Analyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    analyzer_ = *std::move(analyzer);
    auto topics = ParseTopicRules(kRules, "test.txt");
    ASSERT_TRUE(topics.ok()) << topics.status();
    TopicScorerOptions options;
    options.topics = *std::move(topics);
    options.source_name = "test.txt";
    auto scorer = TopicScorer::Create(analyzer_.get(), std::move(options));
    ASSERT_TRUE(scorer.ok()) << scorer.status();
    scorer_ = *std::move(scorer);
  }

  // A normalized document: paragraphs at their offsets in the body (the
  // paragraphs joined with "\n\n").
  static accord::v1::Document Doc(const std::string& language,
                                  const std::string& title,
                                  const std::vector<std::string>& paragraphs) {
    accord::v1::Document doc;
    doc.mutable_language()->set_code(language);
    doc.set_title(title);
    uint32_t offset = 0;
    for (const std::string& text : paragraphs) {
      accord::v1::Paragraph* p = doc.add_paragraphs();
      p->set_offset(offset);
      p->set_text(text);
      offset += static_cast<uint32_t>(text.size()) + 2;
    }
    return doc;
  }

  std::vector<accord::v1::TopicScore> Score(
      const accord::v1::Document& doc) const {
    return scorer_->Score(index::BuildDocumentTerms(*analyzer_, doc), doc);
  }

  // The text a span points at.
  static std::string At(const accord::v1::Document& doc,
                        const accord::v1::TextSpan& span) {
    std::string text = doc.title();
    if (span.part() == accord::v1::TEXT_PART_BODY) {
      text.clear();
      for (int i = 0; i < doc.paragraphs_size(); ++i) {
        if (i > 0) text += "\n\n";
        text += doc.paragraphs(i).text();
      }
    }
    return text.substr(span.begin(), span.end() - span.begin());
  }

  std::unique_ptr<analysis::Analyzer> analyzer_;
  std::unique_ptr<TopicScorer> scorer_;
};

std::vector<std::string> Ids(const std::vector<accord::v1::TopicScore>& s) {
  std::vector<std::string> ids;
  for (const auto& topic : s) ids.push_back(topic.topic_id());
  return ids;
}

TEST_F(TopicScorerTest, InflectedFormsMatchAndSpansPointAtThem) {
  const accord::v1::Document doc =
      Doc("en", "Ministers meet",
          {"The talks were short.",
           "Cybercrimes rose, and online frauds with them; cybercrime is "
           "the main worry."});
  const auto topics = Score(doc);
  ASSERT_THAT(Ids(topics), ElementsAre("topic/cybercrime"));
  const accord::v1::TopicScore& crime = topics[0];
  EXPECT_EQ(crime.name(), "Cybercrime");
  ASSERT_EQ(crime.evidence_size(), 2);
  const accord::v1::TopicEvidence& strong = crime.evidence(0);
  EXPECT_EQ(strong.phrase(), "cybercrime");
  EXPECT_EQ(strong.surface(), "Cybercrimes");
  EXPECT_EQ(strong.count(), 2u);
  EXPECT_EQ(strong.title_count(), 0u);
  EXPECT_DOUBLE_EQ(strong.contribution(), 4.0);
  ASSERT_EQ(strong.spans_size(), 2);
  EXPECT_EQ(At(doc, strong.spans(0)), "Cybercrimes");
  EXPECT_EQ(At(doc, strong.spans(1)), "cybercrime");
  EXPECT_EQ(strong.derivation().mechanism(), accord::v1::MECHANISM_TOPIC_RULE);
  EXPECT_EQ(strong.derivation().rule(), "topic/cybercrime");
  EXPECT_EQ(strong.derivation().source(), "team:test.txt:3");
  const accord::v1::TopicEvidence& weak = crime.evidence(1);
  EXPECT_EQ(weak.phrase(), "online fraud");
  EXPECT_EQ(At(doc, weak.spans(0)), "online frauds");
  EXPECT_DOUBLE_EQ(weak.contribution(), 1.0);
  // M = 4 + 1.
  EXPECT_DOUBLE_EQ(crime.score(), 2 * std::log2(1.0 + 5.0 / 2.0));
}

TEST_F(TopicScorerTest, TheTitleCountsTwice) {
  // One weight-1 phrase in the body: M = 1, 2 * log2(1.5) < 2, no topic.
  // The same in the title: M = 2, score 2.
  EXPECT_THAT(Score(Doc("en", "News", {"A workshop was held."})), IsEmpty());
  const auto topics =
      Score(Doc("en", "A workshop in Hanoi", {"It went well."}));
  ASSERT_THAT(Ids(topics), ElementsAre("topic/capacity-building"));
  EXPECT_EQ(topics[0].evidence(0).count(), 1u);
  EXPECT_EQ(topics[0].evidence(0).title_count(), 1u);
  EXPECT_EQ(topics[0].evidence(0).spans(0).part(), accord::v1::TEXT_PART_TITLE);
  EXPECT_DOUBLE_EQ(topics[0].evidence(0).contribution(), 2.0);
  EXPECT_DOUBLE_EQ(topics[0].score(), 2.0);
  // And once more in the body: M = 3.
  const auto more =
      Score(Doc("en", "A workshop in Hanoi", {"The workshop went well."}));
  ASSERT_EQ(more.size(), 1u);
  EXPECT_EQ(more[0].evidence(0).count(), 2u);
  EXPECT_DOUBLE_EQ(more[0].score(), 2 * std::log2(2.5));
}

// A topic's matches share one mass, whichever phrases they are: three
// different phrases (M = 1 + 1 + 2) score less than one strong phrase
// three times (M = 6). With a curve per phrase the three phrases would
// score 1 + 1 + 2 = 4 and tie with 2 * log2(4) = 4.
TEST_F(TopicScorerTest, RepeatsCountLessAndLessPerTopicNotPerPhrase) {
  const auto topics = Score(
      Doc("en", "",
          {"A workshop, a training course and capacity building. Cybercrime, "
           "cybercrime and cybercrime."}));
  ASSERT_THAT(Ids(topics),
              ElementsAre("topic/cybercrime", "topic/capacity-building"));
  EXPECT_DOUBLE_EQ(topics[0].score(), 4.0);
  EXPECT_DOUBLE_EQ(topics[1].score(), 2 * std::log2(3.0));
}

TEST_F(TopicScorerTest, OverlappingPhrasesCountOnceTheLongestOfEqualWeight) {
  const auto topics = Score(
      Doc("en", "", {"They discussed the Cybercrime Convention at length."}));
  ASSERT_THAT(Ids(topics), ElementsAre("topic/cybercrime"));
  ASSERT_EQ(topics[0].evidence_size(), 1);
  EXPECT_EQ(topics[0].evidence(0).phrase(), "cybercrime convention");
  EXPECT_EQ(topics[0].evidence(0).surface(), "Cybercrime Convention");
}

TEST_F(TopicScorerTest, PhrasesMatchOnlyConsecutiveWordsInOneParagraph) {
  EXPECT_THAT(Score(Doc("en", "", {"Information about security."})), IsEmpty());
  EXPECT_THAT(Score(Doc("en", "", {"More information", "Security first"})),
              IsEmpty());
  EXPECT_THAT(Ids(Score(Doc("en", "", {"On information security."}))),
              ElementsAre("topic/information-security"));
}

TEST_F(TopicScorerTest, EachLanguageUsesItsOwnPhrasesAndStemmer) {
  // Russian: a genitive of the nominative phrase.
  const accord::v1::Document ru =
      Doc("ru", "",
          {"Стороны обсудили вопросы международной информационной "
           "безопасности."});
  const auto ru_topics = Score(ru);
  ASSERT_THAT(Ids(ru_topics), ElementsAre("topic/information-security"));
  EXPECT_EQ(ru_topics[0].evidence(0).surface(), "информационной безопасности");
  // German ("de-AT" uses the "de" phrases): a compound of weight 2 inside
  // a longer phrase of weight 1; the stronger counts, once.
  const auto de_topics = Score(Doc(
      "de-AT", "", {"Zur Bekämpfung der Cyberkriminalität trafen sie sich."}));
  ASSERT_THAT(Ids(de_topics), ElementsAre("topic/cybercrime"));
  ASSERT_EQ(de_topics[0].evidence_size(), 1);
  EXPECT_EQ(de_topics[0].evidence(0).phrase(), "Cyberkriminalität");
  EXPECT_DOUBLE_EQ(de_topics[0].score(), 2.0);
  // Spanish and Vietnamese (syllables, no stemmer).
  EXPECT_THAT(Ids(Score(Doc("es", "", {"La seguridad de la información."}))),
              ElementsAre("topic/information-security"));
  EXPECT_THAT(
      Ids(Score(Doc("vi", "", {"Hai bên bàn về phòng chống tội phạm mạng."}))),
      ElementsAre("topic/cybercrime"));
  // French phrases do not fire in an English document, nor English ones
  // in an Italian document (no Italian phrases at all).
  EXPECT_THAT(Score(Doc("en", "", {"La cybercriminalité, again."})), IsEmpty());
  EXPECT_THAT(Score(Doc("it", "", {"Cybercrime e cybercrime."})), IsEmpty());
}

TEST_F(TopicScorerTest, TopicsAreOrderedByScoreAndCapped) {
  const accord::v1::Document doc = Doc(
      "en", "Information security talks",
      {"Information security and cybercrime were discussed, with a workshop "
       "and a training course."});
  // M = 2 * (2 + 1) = 6, score 4; then M = 1 + 1 and M = 2, score 2, a
  // tie broken by id.
  const auto topics = Score(doc);
  ASSERT_THAT(Ids(topics),
              ElementsAre("topic/information-security",
                          "topic/capacity-building", "topic/cybercrime"));
  EXPECT_DOUBLE_EQ(topics[0].score(), 4.0);
  EXPECT_DOUBLE_EQ(topics[1].score(), 2.0);
  EXPECT_DOUBLE_EQ(topics[2].score(), 2.0);

  auto parsed = ParseTopicRules(kRules, "test.txt");
  ASSERT_TRUE(parsed.ok());
  TopicScorerOptions options;
  options.topics = *std::move(parsed);
  options.max_topics = 1;
  auto capped = TopicScorer::Create(analyzer_.get(), std::move(options));
  ASSERT_TRUE(capped.ok());
  const auto one =
      (*capped)->Score(index::BuildDocumentTerms(*analyzer_, doc), doc);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].topic_id(), topics[0].topic_id());
}

TEST_F(TopicScorerTest, RedundantAndEmptyPhrasesAreReported) {
  auto parsed = ParseTopicRules(
      "@topic/a A\nabout: x\nen: cybercrime; cybercrimes; Cybercrime law\n",
      "r.txt");
  ASSERT_TRUE(parsed.ok());
  TopicScorerOptions options;
  options.topics = *std::move(parsed);
  options.source_name = "r.txt";
  auto scorer = TopicScorer::Create(analyzer_.get(), std::move(options));
  ASSERT_TRUE(scorer.ok()) << scorer.status();
  EXPECT_THAT((*scorer)->redundant_phrases(),
              ElementsAre("topic/a en: 'cybercrimes' = 'cybercrime'"));

  parsed = ParseTopicRules("@topic/a A\nabout: x\nen: — ; x\n", "r.txt");
  ASSERT_TRUE(parsed.ok());
  options = TopicScorerOptions();
  options.topics = *std::move(parsed);
  options.source_name = "r.txt";
  auto bad = TopicScorer::Create(analyzer_.get(), std::move(options));
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()),
              HasSubstr("r.txt:3: '—' has no run of indexed words (topic/a)"));
}

// The taxonomy compiled in: every topic documented, in all six languages.
TEST(EmbeddedTopicRulesTest, EveryTopicHasItsScopeAndAllSixLanguages) {
  absl::StatusOr<std::vector<PhraseGroup>> topics =
      ParseTopicRules(EmbeddedTopicRules(), kEmbeddedTopicRulesName);
  ASSERT_TRUE(topics.ok()) << topics.status();
  EXPECT_GE(topics->size(), 15u);
  for (const PhraseGroup& topic : *topics) {
    EXPECT_FALSE(topic.about.empty()) << topic.id;
    std::set<std::string> languages;
    for (const PhraseRule& phrase : topic.phrases) {
      languages.insert(phrase.language);
    }
    EXPECT_EQ(languages,
              (std::set<std::string>{"de", "en", "es", "fr", "ru", "vi"}))
        << topic.id;
  }
}

// The taxonomy compiled in analyzes without a redundant phrase, so every
// phrase can match on its own.
TEST(EmbeddedTopicScorerTest, CompilesWithoutRedundantPhrases) {
  auto analyzer = analysis::Analyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  auto scorer = TopicScorer::Create(analyzer->get(), TopicScorerOptions());
  ASSERT_TRUE(scorer.ok()) << scorer.status();
  EXPECT_THAT((*scorer)->redundant_phrases(), IsEmpty());
  EXPECT_GE((*scorer)->topics().size(), 15u);
}

}  // namespace
}  // namespace accord::extract::topics
