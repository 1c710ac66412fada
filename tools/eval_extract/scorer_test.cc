// The scoring on hand-made cases whose precision and recall are known.
#include "tools/eval_extract/scorer.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace accord::eval_extract {
namespace {

accord::v1::TextSpan Body(uint32_t begin, uint32_t end) {
  accord::v1::TextSpan span;
  span.set_part(accord::v1::TEXT_PART_BODY);
  span.set_begin(begin);
  span.set_end(end);
  return span;
}

ScoredMention Mention(uint32_t begin, uint32_t end, const std::string& kind,
                      const std::string& entity) {
  return {Body(begin, end), entity, kind, entity, EntityKeys(entity, kind)};
}

TEST(ScorerTest, MentionFieldsCountSpanThenKindThenEntity) {
  Annotations gold, predicted;
  gold.mentions = {Mention(0, 11, "person", "Bui Van Nam"),      // found whole
                   Mention(20, 26, "country", "Vietnam"),        // wrong kind
                   Mention(30, 35, "person", "Vladimir Putin"),  // wrong entity
                   Mention(40, 45, "organization", "ASEAN")};    // missed
  predicted.mentions = {
      Mention(4, 11, "person", "Bùi Văn Nam"),  // overlap, folds
      Mention(20, 26, "place", "Vietnam"),
      Mention(30, 35, "person", "Vladimir Poutine"),
      Mention(50, 55, "country", "Laos")};  // false positive
  Tally tally;
  ScoreDocument(gold, predicted, "doc", &tally);

  const Counts& span = tally[Field::kMentionSpan];
  EXPECT_EQ(span.correct, 3u);
  EXPECT_EQ(span.predicted, 4u);
  EXPECT_EQ(span.gold, 4u);
  EXPECT_DOUBLE_EQ(span.Precision(), 0.75);
  EXPECT_DOUBLE_EQ(span.Recall(), 0.75);

  EXPECT_EQ(tally[Field::kMentionKind].correct, 2u);
  EXPECT_DOUBLE_EQ(tally[Field::kMentionKind].Precision(), 0.5);

  // "Vladimir Poutine" is not "Vladimir Putin" by name alone; the
  // evaluation adds the gazetteer entry's names to the keys.
  const Counts& entity = tally[Field::kEntity];
  EXPECT_EQ(entity.correct, 1u);
  EXPECT_DOUBLE_EQ(entity.Precision(), 0.25);
  EXPECT_DOUBLE_EQ(entity.Recall(), 0.25);
  EXPECT_DOUBLE_EQ(entity.F1(), 0.25);

  int misses = 0, false_positives = 0;
  for (const Error& e : tally.errors) {
    if (e.field != Field::kEntity) continue;
    (e.miss ? misses : false_positives) += 1;
  }
  EXPECT_EQ(misses, 3);
  EXPECT_EQ(false_positives, 3);
}

TEST(ScorerTest, EntityMatchesByAnyKey) {
  Annotations gold, predicted;
  gold.mentions = {Mention(0, 7, "person", "Vladimir Putin")};
  ScoredMention p = Mention(0, 7, "person", "Vladimir Poutine");
  p.keys.push_back("vladimir putin");  // a gazetteer name
  predicted.mentions = {p};
  Tally tally;
  ScoreDocument(gold, predicted, "doc", &tally);
  EXPECT_EQ(tally[Field::kEntity].correct, 1u);
}

TEST(ScorerTest, PersonKeyMergesTransliterations) {
  Annotations gold, predicted;
  gold.mentions = {Mention(0, 9, "person", "Nikolai Patrushev")};
  predicted.mentions = {Mention(0, 9, "person", "Nikolaj Patrušev")};
  Tally tally;
  ScoreDocument(gold, predicted, "doc", &tally);
  EXPECT_EQ(tally[Field::kEntity].correct, 1u);
}

TEST(ScorerTest, OneToOne) {
  // Two predictions inside one gold mention: one is right, one is a false
  // positive; one prediction across two gold mentions finds one of them.
  Annotations gold, predicted;
  gold.mentions = {Mention(0, 10, "country", "Vietnam")};
  predicted.mentions = {Mention(0, 4, "country", "Vietnam"),
                        Mention(5, 10, "country", "Vietnam")};
  Tally tally;
  ScoreDocument(gold, predicted, "doc", &tally);
  EXPECT_EQ(tally[Field::kMentionSpan].correct, 1u);
  EXPECT_DOUBLE_EQ(tally[Field::kMentionSpan].Precision(), 0.5);
  EXPECT_DOUBLE_EQ(tally[Field::kMentionSpan].Recall(), 1.0);

  Tally other;
  ScoreDocument(predicted, gold, "doc", &other);  // roles swapped
  EXPECT_DOUBLE_EQ(other[Field::kMentionSpan].Precision(), 1.0);
  EXPECT_DOUBLE_EQ(other[Field::kMentionSpan].Recall(), 0.5);
}

TEST(ScorerTest, SpansInDifferentPartsOrDroppedNeverMatch) {
  Annotations gold, predicted;
  ScoredMention title = Mention(0, 5, "person", "Vladimir Putin");
  title.span.set_part(accord::v1::TEXT_PART_TITLE);
  ScoredMention dropped = Mention(0, 5, "person", "Vladimir Putin");
  dropped.span.set_part(accord::v1::TEXT_PART_UNSPECIFIED);
  gold.mentions = {title, dropped};
  predicted.mentions = {Mention(0, 5, "person", "Vladimir Putin")};
  Tally tally;
  ScoreDocument(gold, predicted, "doc", &tally);
  EXPECT_EQ(tally[Field::kMentionSpan].correct, 0u);
  EXPECT_EQ(tally[Field::kMentionSpan].gold, 2u);
}

TEST(ScorerTest, Roles) {
  Annotations gold, predicted;
  gold.roles = {
      {"Bui Van Nam", EntityKeys("Bui Van Nam", "person"),
       "role/deputy-minister", "Vietnam", EntityKeys("Vietnam", "country")},
      {"Daniel Moreau",
       EntityKeys("Daniel Moreau", "person"),
       "role/director",
       "-",
       {}}};
  predicted.roles = {
      {"Bùi Văn Nam", EntityKeys("Bùi Văn Nam", "person"),
       "role/deputy-minister", "Vietnam", EntityKeys("Vietnam", "country")},
      {"Daniel Moreau", EntityKeys("Daniel Moreau", "person"), "role/director",
       "INTERPOL", EntityKeys("INTERPOL", "organization")}};  // of differs
  Tally tally;
  ScoreDocument(gold, predicted, "doc", &tally);
  EXPECT_EQ(tally[Field::kRole].correct, 1u);
  EXPECT_DOUBLE_EQ(tally[Field::kRole].Precision(), 0.5);
  EXPECT_DOUBLE_EQ(tally[Field::kRole].Recall(), 0.5);
}

TEST(ScorerTest, TemporalFields) {
  Annotations gold, predicted;
  gold.temporals = {
      {Body(0, 11), "November 10", "date", "XXXX-11-10", "day", "year_unknown"},
      {Body(20, 29), "May 24-25", "range", "XXXX-05-24/XXXX-05-25", "day",
       "year_unknown"},
      {Body(40, 55), "for three years", "duration", "P3Y", "", ""},
      {Body(60, 67), "in 1991", "date", "1991", "year", "explicit"}};
  predicted.temporals = {
      // right span, wrong year and resolution
      {Body(0, 11), "November 10", "date", "2017-11-10", "day", "anchored"},
      // right everything
      {Body(20, 29), "May 24-25", "range", "XXXX-05-24/XXXX-05-25", "day",
       "year_unknown"},
      // a duration read as a date: wrong kind
      {Body(44, 55), "three years", "date", "XXXX", "year", "year_unknown"}};
  // "in 1991" missed.
  Tally tally;
  ScoreDocument(gold, predicted, "doc", &tally);

  EXPECT_EQ(tally[Field::kTemporalSpan].correct, 2u);
  EXPECT_EQ(tally[Field::kTemporalSpan].predicted, 3u);
  EXPECT_EQ(tally[Field::kTemporalSpan].gold, 4u);
  EXPECT_EQ(tally[Field::kTemporalValue].correct, 1u);
  // Grain and resolution count dates and ranges only: 3 gold, 3 predicted.
  EXPECT_EQ(tally[Field::kGrain].gold, 3u);
  EXPECT_EQ(tally[Field::kGrain].predicted, 3u);
  EXPECT_EQ(tally[Field::kGrain].correct, 2u);
  EXPECT_EQ(tally[Field::kResolution].correct, 1u);
  EXPECT_DOUBLE_EQ(tally[Field::kResolution].Precision(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(tally[Field::kResolution].Recall(), 1.0 / 3);
}

TEST(CountsTest, EmptyIsZeroNotNan) {
  Counts c;
  EXPECT_EQ(c.Precision(), 0.0);
  EXPECT_EQ(c.Recall(), 0.0);
  EXPECT_EQ(c.F1(), 0.0);
  Counts d{1, 2, 4};
  c += d;
  EXPECT_DOUBLE_EQ(c.F1(), 2 * 0.5 * 0.25 / 0.75);
}

// Topics are a set per document; the top topic is one item per document.
TEST(ScoreDocumentTest, TopicsAsASetAndTheTopTopic) {
  Annotations gold, predicted;
  gold.topics = {"topic/cybercrime", "topic/capacity-building"};
  predicted.topics = {"topic/information-security", "topic/cybercrime",
                      "topic/norms"};
  Tally tally;
  ScoreDocument(gold, predicted, "a.txt", &tally);
  EXPECT_EQ(tally[Field::kTopic].correct, 1u);
  EXPECT_EQ(tally[Field::kTopic].predicted, 3u);
  EXPECT_EQ(tally[Field::kTopic].gold, 2u);
  EXPECT_EQ(tally[Field::kTopTopic].correct, 0u);
  EXPECT_EQ(tally[Field::kTopTopic].predicted, 1u);
  EXPECT_EQ(tally[Field::kTopTopic].gold, 1u);
  int misses = 0, false_positives = 0;
  for (const Error& e : tally.errors) {
    if (e.field != Field::kTopic) continue;
    (e.miss ? misses : false_positives)++;
  }
  EXPECT_EQ(misses, 1);           // capacity building
  EXPECT_EQ(false_positives, 2);  // information security, norms

  // The same main topic first; a document without topics on either side
  // adds nothing.
  predicted.topics = {"topic/cybercrime"};
  ScoreDocument(gold, predicted, "b.txt", &tally);
  EXPECT_EQ(tally[Field::kTopTopic].correct, 1u);
  EXPECT_EQ(tally[Field::kTopTopic].gold, 2u);
  ScoreDocument(Annotations(), Annotations(), "c.txt", &tally);
  EXPECT_EQ(tally[Field::kTopTopic].gold, 2u);
  EXPECT_EQ(tally[Field::kTopTopic].predicted, 2u);
}

// Events pair by type and an anchor; slots are scored on the pairs.
TEST(ScoreDocumentTest, EventsPairByTypeAndAnchorThenScoreTheirSlots) {
  auto event = [](std::string type, std::string date, std::string place,
                  std::vector<std::string> people) {
    ScoredEvent e{std::move(type), std::move(date), place, {}, people, {}};
    if (!place.empty()) e.place_keys = EntityKeys(place, "place");
    for (const std::string& p : people) {
      e.participant_keys.push_back(EntityKeys(p, "person"));
    }
    return e;
  };
  Annotations gold, predicted;
  gold.events = {event("joint-statement", "XXXX-11-10", "Da Nang",
                       {"Tran Dai Quang", "Vladimir Putin", "Le Van Thanh"}),
                 event("meeting", "XXXX-11-10", "Da Nang", {"Tran Dai Quang"}),
                 event("signing", "XXXX-10-25/XXXX-10-26", "Hanoi", {})};
  predicted.events = {
      // Pairs with the statement by its date and people; wrong place.
      event("joint-statement", "XXXX-11-10", "Hue",
            {"Trần Đại Quang", "Vladimir Putin", "Vietnam"}),
      // Same type as the meeting but no anchor: no pair.
      event("meeting", "", "", {"Nguyen Van A"}),
      // A signing with the right place only.
      event("signing", "", "Hanoi", {})};
  Tally tally;
  ScoreDocument(gold, predicted, "a.txt", &tally);
  EXPECT_EQ(tally[Field::kEvent].correct, 2u);
  EXPECT_EQ(tally[Field::kEvent].predicted, 3u);
  EXPECT_EQ(tally[Field::kEvent].gold, 3u);
  EXPECT_EQ(tally[Field::kEventDate].correct, 1u);
  EXPECT_EQ(tally[Field::kEventDate].predicted, 1u);
  EXPECT_EQ(tally[Field::kEventDate].gold, 3u);
  EXPECT_EQ(tally[Field::kEventPlace].correct, 1u);  // Hanoi
  EXPECT_EQ(tally[Field::kEventPlace].predicted, 2u);
  EXPECT_EQ(tally[Field::kEventPlace].gold, 3u);
  EXPECT_EQ(tally[Field::kEventParticipant].correct, 2u);
  EXPECT_EQ(tally[Field::kEventParticipant].predicted, 4u);
  EXPECT_EQ(tally[Field::kEventParticipant].gold, 4u);
  // On the paired statement, "Le Van Thanh" is listed as missed and
  // "Vietnam" as a false positive; the unpaired events' participants are
  // not listed.
  std::vector<std::string> participant_errors;
  for (const Error& error : tally.errors) {
    if (error.field != Field::kEventParticipant) continue;
    participant_errors.push_back(
        absl::StrCat(error.miss ? "miss " : "fp ", error.surface));
  }
  EXPECT_EQ(participant_errors,
            (std::vector<std::string>{"miss Le Van Thanh", "fp Vietnam"}));
}

}  // namespace
}  // namespace accord::eval_extract
