#include "ingest-service/extract/events/event_extractor.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::extract::events {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Triggers of our own, a few per type and language.
constexpr char kTriggers[] =
    "@event/meeting Meeting\n"
    "about: meetings\n"
    "en: met; meeting; talks; received^0.5\n"
    "fr: rencontre; se sont entretenus\n"
    "ru: встретились; переговоры\n"
    "@event/visit Visit\n"
    "about: visits\n"
    "en: visited; visit\n"
    "@event/other Other\n"
    "about: other\n"
    "en: took place\n"
    "@event/joint-statement Joint statement\n"
    "about: statements\n"
    "en: joint statement^2\n"
    "fr: déclaration conjointe^2\n"
    "@event/signing Signing\n"
    "about: signing\n"
    "en: signed^0.5; signing ceremony^2\n"
    "fr: signé; signature\n"
    "ru: подписали\n"
    "@event/conference Conference\n"
    "about: conferences\n"
    "en: conference\n"
    "fr: conférence\n"
    "de: Konferenz\n"
    "@event/reference The event again\n"
    "about: references\n"
    "en: the event\n"
    "fr: l'événement\n"
    "de: der Veranstaltung\n"
    "@event/consultation Consultation\n"
    "about: rounds\n"
    "en: consultations\n"
    "de: Konsultationen\n"
    "@event/participation Parties named later\n"
    "about: participation\n"
    "en: delegation; headed by; took part\n"
    "fr: délégation; conduite par\n"
    "ru: делегация; приняли участие\n"
    "@event/agreement Agreement\n"
    "about: agreements\n"
    "en: agreed to\n"
    "fr: sont convenus\n"
    "@event/interview Interview\n"
    "about: interviews\n"
    "en: press conference^2; interview\n";

class EventExtractorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = analysis::Analyzer::Create();
    ASSERT_TRUE(analyzer.ok());
    analyzer_ = *std::move(analyzer);
    auto types = ParsePhraseRules(kTriggers, "t.txt", "event/");
    ASSERT_TRUE(types.ok()) << types.status();
    EventExtractorOptions options;
    options.types = *std::move(types);
    options.source_name = "t.txt";
    auto extractor = EventExtractor::Create(analyzer_.get(), options);
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = *std::move(extractor);
  }

  // A one-paragraph document; mentions and dates are added by surface.
  void Start(const std::string& language, const std::string& body,
             const std::string& title = "") {
    doc_ = accord::v1::Document();
    doc_.mutable_language()->set_code(language);
    doc_.set_title(title);
    accord::v1::Paragraph* p = doc_.add_paragraphs();
    p->set_offset(0);
    p->set_text(body);
  }
  // The `occurrence`-th (1-based) `surface` of the body.
  accord::v1::TextSpan SpanOf(const std::string& surface, int occurrence = 1) {
    size_t at = doc_.paragraphs(0).text().find(surface);
    while (--occurrence > 0 && at != std::string::npos) {
      at = doc_.paragraphs(0).text().find(surface, at + 1);
    }
    EXPECT_NE(at, std::string::npos) << surface;
    accord::v1::TextSpan span;
    span.set_part(accord::v1::TEXT_PART_BODY);
    span.set_begin(static_cast<uint32_t>(at));
    span.set_end(static_cast<uint32_t>(at + surface.size()));
    return span;
  }
  void Mention(const std::string& surface, accord::v1::EntityKind kind,
               const std::string& id, int occurrence = 1) {
    accord::v1::EntityMention* m = doc_.add_entity_mentions();
    *m->mutable_span() = SpanOf(surface, occurrence);
    m->set_surface(surface);
    m->set_kind(kind);
    m->set_entity_id(id);
    m->set_canonical_name(surface);
  }
  void Date(const std::string& surface, const std::string& iso) {
    accord::v1::TemporalExpression* t = doc_.add_temporal_expressions();
    *t->mutable_span() = SpanOf(surface);
    t->set_surface(surface);
    t->set_kind(accord::v1::TEMPORAL_KIND_DATE);
    t->mutable_value()->set_iso8601(iso);
  }
  // The triggers compiled in (data/triggers.txt) instead of kTriggers.
  void UseEmbeddedTriggers() {
    auto extractor =
        EventExtractor::Create(analyzer_.get(), EventExtractorOptions());
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = *std::move(extractor);
  }
  std::vector<accord::v1::EventMention> Extract() {
    return extractor_->Extract(index::BuildDocumentTerms(*analyzer_, doc_),
                               doc_);
  }
  std::string Sentence(const accord::v1::TextSpan& span) {
    return doc_.paragraphs(0).text().substr(span.begin(),
                                            span.end() - span.begin());
  }
  static std::vector<std::string> Ids(const accord::v1::EventMention& e) {
    std::vector<std::string> ids;
    for (const auto& p : e.participants()) ids.push_back(p.entity_id());
    return ids;
  }

  std::unique_ptr<analysis::Analyzer> analyzer_;
  std::unique_ptr<EventExtractor> extractor_;
  accord::v1::Document doc_;
};

TEST_F(EventExtractorTest, SlotsComeFromTheTriggersSentenceOnly) {
  Start("en",
        "President Ana Lima met President Ivo Dar in Hanoi on May 5. Later "
        "that week, Eva Kim visited Paris.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  Mention("Hanoi", accord::v1::ENTITY_KIND_PLACE, "place/hanoi");
  Mention("Eva Kim", accord::v1::ENTITY_KIND_PERSON, "person/c");
  Mention("Paris", accord::v1::ENTITY_KIND_PLACE, "place/paris");
  Date("May 5", "XXXX-05-05");
  const auto events = Extract();
  ASSERT_EQ(events.size(), 2u);
  const accord::v1::EventMention& meeting = events[0];
  EXPECT_EQ(meeting.type(), accord::v1::EVENT_TYPE_MEETING);
  EXPECT_EQ(meeting.trigger(), "met");
  EXPECT_THAT(Ids(meeting), ElementsAre("person/a", "person/b"));
  EXPECT_EQ(meeting.place().entity_id(), "place/hanoi");
  EXPECT_EQ(meeting.date().value().iso8601(), "XXXX-05-05");
  ASSERT_EQ(meeting.sentences_size(), 1);
  EXPECT_EQ(Sentence(meeting.sentences(0)),
            "President Ana Lima met President Ivo Dar in Hanoi on May 5. ");
  EXPECT_EQ(meeting.derivation().mechanism(),
            accord::v1::MECHANISM_EVENT_TRIGGER);
  EXPECT_EQ(meeting.derivation().rule(), "event/meeting");
  EXPECT_EQ(meeting.derivation().source(), "team:t.txt:3");
  // The visit's sentence has no date: none is borrowed from the meeting's.
  const accord::v1::EventMention& visit = events[1];
  EXPECT_EQ(visit.type(), accord::v1::EVENT_TYPE_VISIT);
  EXPECT_THAT(Ids(visit), ElementsAre("person/c"));
  EXPECT_EQ(visit.place().entity_id(), "place/paris");
  EXPECT_FALSE(visit.has_date());
}

TEST_F(EventExtractorTest, ALaterSentenceCompletesTheEventAndItsOutcome) {
  Start("en",
        "Vietnam and Russia issued a joint statement following a meeting "
        "between President Tran and President Putin. The meeting took place "
        "in Da Nang on November 10. Separately, Mr. Roe met Ms. Poe.");
  Mention("Vietnam", accord::v1::ENTITY_KIND_COUNTRY, "country/VN");
  Mention("Russia", accord::v1::ENTITY_KIND_COUNTRY, "country/RU");
  Mention("Tran", accord::v1::ENTITY_KIND_PERSON, "person/tran");
  Mention("Putin", accord::v1::ENTITY_KIND_PERSON, "person/putin");
  Mention("Da Nang", accord::v1::ENTITY_KIND_PLACE, "place/da-nang");
  Mention("Roe", accord::v1::ENTITY_KIND_PERSON, "person/roe");
  Mention("Poe", accord::v1::ENTITY_KIND_PERSON, "person/poe");
  Date("November 10", "XXXX-11-10");
  const auto events = Extract();
  ASSERT_EQ(events.size(), 3u);
  const accord::v1::EventMention& statement = events[0];
  EXPECT_EQ(statement.type(), accord::v1::EVENT_TYPE_JOINT_STATEMENT);
  EXPECT_EQ(statement.place().entity_id(), "place/da-nang");
  EXPECT_EQ(statement.date().value().iso8601(), "XXXX-11-10");
  EXPECT_THAT(statement.derivation().detail(),
              HasSubstr("date and place of the meeting its sentence reports"));
  EXPECT_THAT(Ids(statement), ElementsAre("country/VN", "country/RU",
                                          "person/tran", "person/putin"));
  const accord::v1::EventMention& meeting = events[1];
  EXPECT_EQ(meeting.type(), accord::v1::EVENT_TYPE_MEETING);
  EXPECT_EQ(meeting.sentences_size(), 2);
  EXPECT_EQ(meeting.place().entity_id(), "place/da-nang");
  EXPECT_THAT(meeting.derivation().detail(),
              HasSubstr("completed by a later sentence"));
  // A meeting with people of its own stays apart, and has no date.
  const accord::v1::EventMention& other = events[2];
  EXPECT_EQ(other.type(), accord::v1::EVENT_TYPE_MEETING);
  EXPECT_THAT(Ids(other), ElementsAre("person/roe", "person/poe"));
  EXPECT_FALSE(other.has_date());
}

TEST_F(EventExtractorTest, TheSameEventNamedAgainWithItsPeopleIsOne) {
  Start("en",
        "Ana Lima and Ivo Dar held talks. Experts spoke. Then Ana Lima met "
        "Ivo Dar's aide in Hanoi. The Asia Talks Forum took place in Hue.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a", 2);
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b", 2);
  Mention("Hanoi", accord::v1::ENTITY_KIND_PLACE, "place/hanoi");
  Mention("Asia Talks Forum", accord::v1::ENTITY_KIND_ORGANIZATION, "org/atf");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  const auto events = Extract();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type(), accord::v1::EVENT_TYPE_MEETING);
  EXPECT_EQ(events[0].sentences_size(), 2);
  EXPECT_EQ(events[0].place().entity_id(), "place/hanoi");
  EXPECT_THAT(events[0].derivation().detail(),
              HasSubstr("named again with the same people ('met')"));
  // "Talks" inside the forum's name is no trigger; "took place" is.
  EXPECT_EQ(events[1].type(), accord::v1::EVENT_TYPE_OTHER);
  EXPECT_EQ(events[1].trigger(), "took place");
}

TEST_F(EventExtractorTest, OnlyASentenceCloseByCompletesAnEvent) {
  // Two sentences back: joins. Three: a meeting of its own.
  Start("en", "Ana Lima held talks. One. The talks were in Hanoi.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Hanoi", accord::v1::ENTITY_KIND_PLACE, "place/hanoi");
  auto events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].place().entity_id(), "place/hanoi");
  Start("en", "Ana Lima held talks. One. Two. The talks were in Hanoi.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Hanoi", accord::v1::ENTITY_KIND_PLACE, "place/hanoi");
  events = Extract();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_FALSE(events[0].has_place());
}

TEST_F(EventExtractorTest, AConflictingDateOrPlaceDoesNotJoin) {
  Start("en", "Ana Lima held talks in Hanoi. The talks took place in Paris.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Hanoi", accord::v1::ENTITY_KIND_PLACE, "place/hanoi");
  Mention("Paris", accord::v1::ENTITY_KIND_PLACE, "place/paris");
  const auto events = Extract();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].place().entity_id(), "place/hanoi");
  EXPECT_EQ(events[1].place().entity_id(), "place/paris");
}

TEST_F(EventExtractorTest, ADefiniteReferenceNamesTheGatheringAgain) {
  // English: the opening speaker joins the conference; the side talks take
  // its date and place.
  Start("en",
        "Minister Ana Lima opened a conference in Hue on May 5. Delegates "
        "from ten countries came. Opening the event, Ivo Dar of Laos spoke. "
        "On the fringe of the event, Ana Lima met Eva Kim.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  Mention("Laos", accord::v1::ENTITY_KIND_COUNTRY, "country/LA");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a", 2);
  Mention("Eva Kim", accord::v1::ENTITY_KIND_PERSON, "person/c");
  Date("May 5", "XXXX-05-05");
  auto events = Extract();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type(), accord::v1::EVENT_TYPE_CONFERENCE);
  EXPECT_THAT(Ids(events[0]),
              ElementsAre("person/a", "person/b", "country/LA"));
  EXPECT_EQ(events[0].sentences_size(), 2);
  EXPECT_THAT(events[0].derivation().detail(),
              HasSubstr("named again as 'the event' with Ivo Dar, Laos"));
  EXPECT_EQ(events[1].type(), accord::v1::EVENT_TYPE_MEETING);
  EXPECT_THAT(Ids(events[1]), ElementsAre("person/a", "person/c"));
  EXPECT_EQ(events[1].place().entity_id(), "place/hue");
  EXPECT_EQ(events[1].date().value().iso8601(), "XXXX-05-05");
  EXPECT_THAT(events[1].derivation().detail(),
              HasSubstr("date and place of the conference it names as "
                        "'the event'"));

  // French and German: the same rule through their own phrases.
  Start("fr",
        "La conférence s'est ouverte à Hué le 5 mai. En ouvrant "
        "l'événement, Ivo Dar a parlé.");
  Mention("Hué", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  Date("5 mai", "XXXX-05-05");
  events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_THAT(Ids(events[0]), ElementsAre("person/b"));
  Start("de",
        "Die Konferenz in Hue begann am 5. Mai. Zur Eröffnung der "
        "Veranstaltung sprach Ivo Dar.");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_THAT(Ids(events[0]), ElementsAre("person/b"));
}

TEST_F(EventExtractorTest,
       AReferenceWithoutAnAnchoredGatheringCloseByAddsNothing) {
  // The conference has neither date nor place: nothing to name again.
  Start("en", "Laos hosted a conference. Opening the event, Ivo Dar spoke.");
  Mention("Laos", accord::v1::ENTITY_KIND_COUNTRY, "country/LA");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  auto events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_THAT(Ids(events[0]), ElementsAre("country/LA"));
  // Seven sentences on: too far.
  Start("en",
        "A conference opened in Hue. One. Two. Three. Four. Five. Six. "
        "Opening the event, Ivo Dar spoke.");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_THAT(Ids(events[0]), IsEmpty());
}

TEST_F(EventExtractorTest, ASentenceNamingThePartiesJoinsThemToTheGathering) {
  // English: the heads of both sides, named after the talks, are their
  // participants; a place in that sentence is not the talks' place.
  Start("en",
        "Vietnam and Japan held talks on May 5. The Vietnamese delegation "
        "was headed by Ana Lima, the Japanese side by Ken Sato of Osaka.");
  Mention("Vietnam", accord::v1::ENTITY_KIND_COUNTRY, "country/VN");
  Mention("Japan", accord::v1::ENTITY_KIND_COUNTRY, "country/JP");
  Mention("Vietnamese", accord::v1::ENTITY_KIND_COUNTRY, "country/VN");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Japanese", accord::v1::ENTITY_KIND_COUNTRY, "country/JP");
  Mention("Ken Sato", accord::v1::ENTITY_KIND_PERSON, "person/k");
  Mention("Osaka", accord::v1::ENTITY_KIND_PLACE, "place/osaka");
  Date("May 5", "XXXX-05-05");
  auto events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), accord::v1::EVENT_TYPE_MEETING);
  EXPECT_THAT(Ids(events[0]),
              ElementsAre("country/VN", "country/JP", "person/a", "person/k"));
  EXPECT_FALSE(events[0].has_place());
  EXPECT_EQ(events[0].sentences_size(), 2);
  EXPECT_THAT(events[0].derivation().detail(),
              HasSubstr("parties named by a later sentence ('delegation'): "
                        "Ana Lima, Ken Sato"));

  // A sentence that names an event ("the ASEAN Conference", a trigger
  // inside a name) speaks of that event, not of the talks.
  Start("en",
        "Vietnam and Japan held talks on May 5. Ken Sato took part in the "
        "ASEAN Conference.");
  Mention("Vietnam", accord::v1::ENTITY_KIND_COUNTRY, "country/VN");
  Mention("Japan", accord::v1::ENTITY_KIND_COUNTRY, "country/JP");
  Mention("Ken Sato", accord::v1::ENTITY_KIND_PERSON, "person/k");
  Mention("ASEAN Conference", accord::v1::ENTITY_KIND_ORGANIZATION,
          "org/asean-conference");
  Date("May 5", "XXXX-05-05");
  events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_THAT(Ids(events[0]), ElementsAre("country/VN", "country/JP"));

  // French and Russian, through their own phrases.
  Start("fr",
        "Une conférence s'est ouverte à Hué le 5 mai. La délégation russe, "
        "conduite par Ivo Dar, a présenté un projet.");
  Mention("Hué", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Mention("russe", accord::v1::ENTITY_KIND_COUNTRY, "country/RU");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_THAT(Ids(events[0]), ElementsAre("country/RU", "person/b"));
  Start("ru",
        "Переговоры прошли в Москве. В них приняли участие Иван Петров и "
        "Анна Смирнова.");
  Mention("Москве", accord::v1::ENTITY_KIND_PLACE, "place/moscow");
  Mention("Иван Петров", accord::v1::ENTITY_KIND_PERSON, "person/p");
  Mention("Анна Смирнова", accord::v1::ENTITY_KIND_PERSON, "person/s");
  events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_THAT(Ids(events[0]), ElementsAre("person/p", "person/s"));
}

TEST_F(EventExtractorTest, PartiesJoinTheFirstGatheringCloseByOnly) {
  // The talks of the lead, not the earlier round the next sentence
  // recalls, are the ones whose delegations are named.
  Start("en",
        "Laos and Peru held talks in Lima on May 5. Their delegations had "
        "met in Hue in March. The Lao delegation was headed by Ivo Dar.");
  Mention("Laos", accord::v1::ENTITY_KIND_COUNTRY, "country/LA");
  Mention("Peru", accord::v1::ENTITY_KIND_COUNTRY, "country/PE");
  Mention("Lima", accord::v1::ENTITY_KIND_PLACE, "place/lima");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Mention("Lao", accord::v1::ENTITY_KIND_COUNTRY, "country/LA", 2);
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  Date("May 5", "XXXX-05-05");
  auto events = Extract();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].place().entity_id(), "place/lima");
  EXPECT_THAT(Ids(events[0]),
              ElementsAre("country/LA", "country/PE", "person/b"));
  EXPECT_EQ(events[1].place().entity_id(), "place/hue");
  EXPECT_THAT(Ids(events[1]), IsEmpty());

  // With the lead's talks out of reach, the latest gathering in reach.
  Start("en",
        "Laos and Peru held talks in Lima on May 5. One. Two. Three. Four. "
        "Five. Six. Seven. They met in Hue on May 9. They met in Quito on "
        "May 10. The Lao delegation was headed by Ivo Dar.");
  Mention("Laos", accord::v1::ENTITY_KIND_COUNTRY, "country/LA");
  Mention("Peru", accord::v1::ENTITY_KIND_COUNTRY, "country/PE");
  Mention("Lima", accord::v1::ENTITY_KIND_PLACE, "place/lima");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Mention("Quito", accord::v1::ENTITY_KIND_PLACE, "place/quito");
  Mention("Lao", accord::v1::ENTITY_KIND_COUNTRY, "country/LA", 2);
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  Date("May 5", "XXXX-05-05");
  Date("May 9", "XXXX-05-09");
  Date("May 10", "XXXX-05-10");
  events = Extract();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[2].place().entity_id(), "place/quito");
  EXPECT_THAT(Ids(events[2]), ElementsAre("country/LA", "person/b"));
  EXPECT_THAT(Ids(events[1]), IsEmpty());

  // A sentence with a trigger of its own makes its own event: its
  // delegation is no later naming of the talks' parties.
  Start("en",
        "Laos and Peru held talks in Lima on May 5. A delegation led by Ivo "
        "Dar met Eva Kim on May 6.");
  Mention("Laos", accord::v1::ENTITY_KIND_COUNTRY, "country/LA");
  Mention("Peru", accord::v1::ENTITY_KIND_COUNTRY, "country/PE");
  Mention("Lima", accord::v1::ENTITY_KIND_PLACE, "place/lima");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  Mention("Eva Kim", accord::v1::ENTITY_KIND_PERSON, "person/c");
  Date("May 5", "XXXX-05-05");
  Date("May 6", "XXXX-05-06");
  events = Extract();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_THAT(Ids(events[0]), ElementsAre("country/LA", "country/PE"));
  EXPECT_THAT(Ids(events[1]), ElementsAre("person/b", "person/c"));

  // Seven sentences on, or after a gathering with neither date nor place:
  // nothing joins.
  Start("en",
        "Talks opened in Hue. One. Two. Three. Four. Five. Ivo Dar took part.");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_THAT(Ids(events[0]), ElementsAre("person/b"));  // six on: in reach
  Start("en",
        "Talks opened in Hue. One. Two. Three. Four. Five. Six. Ivo Dar took "
        "part.");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_THAT(Ids(events[0]), IsEmpty());
  Start("en", "Laos held talks. Ivo Dar took part.");
  Mention("Laos", accord::v1::ENTITY_KIND_COUNTRY, "country/LA");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_THAT(Ids(events[0]), ElementsAre("country/LA"));
}

TEST_F(EventExtractorTest, AnotherRoundTakesTheSeriesCountriesNotItsPeople) {
  Start("en",
        "Laos and Peru held consultations in Lima on May 5, led by Ivo Dar. "
        "The next consultations will be in Hue.");
  Mention("Laos", accord::v1::ENTITY_KIND_COUNTRY, "country/LA");
  Mention("Peru", accord::v1::ENTITY_KIND_COUNTRY, "country/PE");
  Mention("Lima", accord::v1::ENTITY_KIND_PLACE, "place/lima");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Date("May 5", "XXXX-05-05");
  auto events = Extract();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_THAT(Ids(events[0]),
              ElementsAre("country/LA", "country/PE", "person/b"));
  EXPECT_EQ(events[1].place().entity_id(), "place/hue");
  EXPECT_THAT(Ids(events[1]), ElementsAre("country/LA", "country/PE"));
  EXPECT_THAT(events[1].derivation().detail(),
              HasSubstr("parties of the consultations it is another round "
                        "of: Laos, Peru"));

  // German; a round that names a party of its own keeps its own.
  Start("de",
        "Laos und Peru führten in Lima Konsultationen. Die nächsten "
        "Konsultationen mit Chile sollen in Hue stattfinden.");
  Mention("Laos", accord::v1::ENTITY_KIND_COUNTRY, "country/LA");
  Mention("Peru", accord::v1::ENTITY_KIND_COUNTRY, "country/PE");
  Mention("Lima", accord::v1::ENTITY_KIND_PLACE, "place/lima");
  Mention("Chile", accord::v1::ENTITY_KIND_COUNTRY, "country/CL");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  events = Extract();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_THAT(Ids(events[1]), ElementsAre("country/CL"));

  // The series is the first consultation that names a country or an
  // organization, not one that names people only.
  Start("en",
        "Ana Lima held consultations in Lima on May 5. Laos and Peru held "
        "consultations in Quito. The next consultations will be in Hue.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Lima", accord::v1::ENTITY_KIND_PLACE, "place/lima", 2);
  Mention("Laos", accord::v1::ENTITY_KIND_COUNTRY, "country/LA");
  Mention("Peru", accord::v1::ENTITY_KIND_COUNTRY, "country/PE");
  Mention("Quito", accord::v1::ENTITY_KIND_PLACE, "place/quito");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Date("May 5", "XXXX-05-05");
  events = Extract();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[2].place().entity_id(), "place/hue");
  EXPECT_THAT(Ids(events[2]), ElementsAre("country/LA", "country/PE"));

  // Only consultations are series: a later meeting takes no parties.
  Start("en",
        "Laos and Peru held consultations in Lima. A meeting followed in "
        "Hue.");
  Mention("Laos", accord::v1::ENTITY_KIND_COUNTRY, "country/LA");
  Mention("Peru", accord::v1::ENTITY_KIND_COUNTRY, "country/PE");
  Mention("Lima", accord::v1::ENTITY_KIND_PLACE, "place/lima");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  events = Extract();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].type(), accord::v1::EVENT_TYPE_MEETING);
  EXPECT_THAT(Ids(events[1]), IsEmpty());
}

TEST_F(EventExtractorTest, ASpeechTakesTheDateAndPlaceOfTheGatheringBefore) {
  Start("en",
        "A conference opened in Hue on May 5. Many came. Ivo Dar gave a "
        "press conference.");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  Date("May 5", "XXXX-05-05");
  auto events = Extract();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].type(), accord::v1::EVENT_TYPE_INTERVIEW);
  EXPECT_EQ(events[1].date().value().iso8601(), "XXXX-05-05");
  EXPECT_EQ(events[1].place().entity_id(), "place/hue");
  EXPECT_THAT(events[1].derivation().detail(),
              HasSubstr("date and place of the conference before it, where "
                        "it was given"));

  // One with a date of its own keeps it, and takes no place; seven
  // sentences on, nothing.
  Start("en",
        "A conference opened in Hue on May 5. Ivo Dar gave a press "
        "conference on May 6.");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  Date("May 5", "XXXX-05-05");
  Date("May 6", "XXXX-05-06");
  events = Extract();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].date().value().iso8601(), "XXXX-05-06");
  EXPECT_FALSE(events[1].has_place());
  Start("en",
        "A conference opened in Hue. One. Two. Three. Four. Five. Six. Ivo "
        "Dar gave a press conference.");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  events = Extract();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_FALSE(events[1].has_place());
}

// The compiled-in phrases of opening addresses and recorded messages.
TEST_F(EventExtractorTest,
       OpeningAddressesAndMessagesAreSpeechesAtTheGathering) {
  UseEmbeddedTriggers();
  struct Case {
    std::string language, text, place, date;
  };
  for (const Case& c : std::vector<Case>{
           {"en",
            "A conference on cybercrime opened in Hue on May 5. Addressing "
            "the opening session, Ana Lima called for cooperation.",
            "Hue", "May 5"},
           {"en",
            "A conference on cybercrime opened in Hue on May 5. In a video "
            "message, Ana Lima called for cooperation.",
            "Hue", "May 5"},
           {"fr",
            "Une conférence sur la cybercriminalité s'est ouverte à Hué le 5 "
            "mai. Ouvrant les travaux, Ana Lima a appelé à la coopération.",
            "Hué", "5 mai"},
           {"es",
            "Un taller sobre ciberdelito comenzó en Hue el 5 de mayo. En un "
            "mensaje de video, Ana Lima pidió cooperación.",
            "Hue", "5 de mayo"},
           {"vi",
            "Hội nghị về tội phạm mạng khai mạc tại Huế ngày 5/5. Trong "
            "thông điệp gửi các đại biểu, Ana Lima kêu gọi hợp tác.",
            "Huế", "5/5"},
       }) {
    Start(c.language, c.text);
    Mention(c.place, accord::v1::ENTITY_KIND_PLACE, "place/x");
    Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
    Date(c.date, "XXXX-05-05");
    const auto events = Extract();
    ASSERT_FALSE(events.empty()) << c.text;
    const accord::v1::EventMention& speech = events.back();
    EXPECT_EQ(speech.type(), accord::v1::EVENT_TYPE_INTERVIEW) << c.text;
    EXPECT_THAT(Ids(speech), ElementsAre("person/a")) << c.text;
    EXPECT_EQ(speech.place().entity_id(), "place/x") << c.text;
    EXPECT_EQ(speech.date().value().iso8601(), "XXXX-05-05") << c.text;
  }
}

TEST_F(EventExtractorTest, AWeakTriggerAloneMakesNoEvent) {
  Start("en", "Ana Lima received the letter. Ivo Dar signed the deal.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  EXPECT_THAT(Extract(), IsEmpty());
  Start("en", "Minister Ana Lima received and met Ivo Dar.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  const auto events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].trigger(), "met");  // the strongest of the sentence
}

TEST_F(EventExtractorTest, ATriggerWithNoDatePlaceOrParticipantIsNoEvent) {
  // Generic mentions: nothing says when, where or who.
  Start("en",
        "Such conferences matter, and a joint statement is always useful. "
        "Ana Lima met Ivo Dar.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  auto events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), accord::v1::EVENT_TYPE_MEETING);
  Start("fr", "Une conférence de ce genre est utile.");
  EXPECT_THAT(Extract(), IsEmpty());
  Start("ru", "Переговоры полезны всегда.");
  EXPECT_THAT(Extract(), IsEmpty());
  // Any one slot keeps it: a date alone, a place alone.
  Start("ru", "Переговоры прошли 5 мая.");
  Date("5 мая", "XXXX-05-05");
  events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), accord::v1::EVENT_TYPE_MEETING);
  EXPECT_EQ(events[0].date().value().iso8601(), "XXXX-05-05");
  Start("fr", "La conférence a eu lieu à Hué.");
  Mention("Hué", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].place().entity_id(), "place/hue");
}

TEST_F(EventExtractorTest,
       AnAgreementWithoutDateOrPlaceIsTheGatheringsOutcome) {
  Start("en",
        "Ana Lima met Ivo Dar in Hanoi on May 5. They discussed fraud. Both "
        "sides agreed to meet again. The two sides issued a joint statement. "
        "A signing ceremony followed.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  Mention("Hanoi", accord::v1::ENTITY_KIND_PLACE, "place/hanoi");
  Date("May 5", "XXXX-05-05");
  auto events = Extract();
  // The signing takes nothing (a ceremony is reported with its own
  // slots): with none, it is no event.
  ASSERT_EQ(events.size(), 3u);
  for (int k : {1, 2}) {
    const accord::v1::EventMention& outcome = events[k];
    EXPECT_EQ(outcome.date().value().iso8601(), "XXXX-05-05");
    EXPECT_EQ(outcome.place().entity_id(), "place/hanoi");
    EXPECT_THAT(Ids(outcome), ElementsAre("person/a", "person/b"));
    EXPECT_THAT(outcome.derivation().detail(),
                HasSubstr("date, place, participants of the met before it, "
                          "its outcome"));
  }
  EXPECT_EQ(events[1].type(), accord::v1::EVENT_TYPE_AGREEMENT);
  EXPECT_EQ(events[2].type(), accord::v1::EVENT_TYPE_JOINT_STATEMENT);

  // French; an agreement of other parties takes nothing.
  Start("fr",
        "Ana Lima a rencontré Ivo Dar à Hué le 5 mai. La Russie et la Chine "
        "sont convenus de coopérer. Les deux parties sont convenus de se "
        "revoir.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  Mention("Hué", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  Mention("Russie", accord::v1::ENTITY_KIND_COUNTRY, "country/RU");
  Mention("Chine", accord::v1::ENTITY_KIND_COUNTRY, "country/CN");
  Date("5 mai", "XXXX-05-05");
  events = Extract();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_THAT(Ids(events[1]), ElementsAre("country/RU", "country/CN"));
  EXPECT_FALSE(events[1].has_date());
  EXPECT_EQ(events[2].place().entity_id(), "place/hue");

  // Seven sentences on: too far, and with no slot of its own no event.
  Start("en",
        "Ana Lima met Ivo Dar in Hanoi. One. Two. Three. Four. Five. Six. "
        "Both sides agreed to meet again.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  Mention("Hanoi", accord::v1::ENTITY_KIND_PLACE, "place/hanoi");
  events = Extract();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), accord::v1::EVENT_TYPE_MEETING);
}

// triggers.txt: "on the sidelines of", "en marge de", "am Rande der", "al
// margen de", "на полях переговоров", "bên lề cuộc hội đàm" name the
// gathering a side meeting belongs to, which gives it its date and place.
TEST_F(EventExtractorTest, ASideMeetingTakesTheGatheringsDateAndPlace) {
  UseEmbeddedTriggers();
  struct Case {
    std::string language, text, place, date, side;
  };
  for (const Case& c : std::vector<Case>{
           {"en",
            "Ana Lima held talks with Ivo Dar in Hanoi on May 5. They "
            "discussed fraud. On the sidelines of the talks, Ana Lima met "
            "Eva Kim.",
            "Hanoi", "May 5", "Eva Kim"},
           {"fr",
            "Ana Lima s'est entretenue avec Ivo Dar à Hué le 5 mai. Ils ont "
            "parlé de fraude. En marge de la réunion, Ana Lima a rencontré "
            "Eva Kim.",
            "Hué", "5 mai", "Eva Kim"},
           {"de",
            "Ana Lima traf Ivo Dar am 5. Mai in Hue. Sie sprachen über "
            "Betrug. Am Rande der Konsultationen traf Ana Lima Eva Kim.",
            "Hue", "5. Mai", "Eva Kim"},
           {"es",
            "Ana Lima se reunió con Ivo Dar en Hue el 5 de mayo. Hablaron de "
            "fraude. Al margen de la reunión, Ana Lima se reunió con Eva Kim.",
            "Hue", "5 de mayo", "Eva Kim"},
           {"ru",
            "Ana Lima и Ivo Dar провели переговоры в Hue 5 мая. Они обсудили "
            "мошенничество. На полях переговоров Ana Lima провела встречу с "
            "Eva Kim.",
            "Hue", "5 мая", "Eva Kim"},
           {"vi",
            "Ana Lima hội đàm với Ivo Dar tại Huế ngày 5/5. Hai bên bàn về "
            "lừa đảo. Bên lề cuộc hội đàm, Ana Lima gặp gỡ Eva Kim.",
            "Huế", "5/5", "Eva Kim"},
       }) {
    Start(c.language, c.text);
    Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
    Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
    Mention(c.place, accord::v1::ENTITY_KIND_PLACE, "place/x");
    Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a", 2);
    Mention(c.side, accord::v1::ENTITY_KIND_PERSON, "person/c");
    Date(c.date, "XXXX-05-05");
    const auto events = Extract();
    ASSERT_FALSE(events.empty()) << c.text;
    const accord::v1::EventMention& side = events.back();
    EXPECT_EQ(side.type(), accord::v1::EVENT_TYPE_MEETING) << c.text;
    EXPECT_THAT(Ids(side), ElementsAre("person/a", "person/c")) << c.text;
    EXPECT_EQ(side.place().entity_id(), "place/x") << c.text;
    EXPECT_EQ(side.date().value().iso8601(), "XXXX-05-05") << c.text;
  }
}

TEST_F(EventExtractorTest, TheLongestTriggerDecidesTheType) {
  Start("en",
        "Ana Lima gave a press conference. The conference opened in Hue.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Hue", accord::v1::ENTITY_KIND_PLACE, "place/hue");
  const auto events = Extract();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type(), accord::v1::EVENT_TYPE_INTERVIEW);
  EXPECT_EQ(events[0].trigger(), "press conference");
  EXPECT_EQ(events[1].type(), accord::v1::EVENT_TYPE_CONFERENCE);
}

TEST_F(EventExtractorTest, TriggersMatchInflectedFormsInEachLanguage) {
  Start("fr",
        "Les présidents Ana Lima et Ivo Dar ont publié une Déclaration "
        "conjointe lors de leur rencontre, puis ont signé un accord.");
  Mention("Ana Lima", accord::v1::ENTITY_KIND_PERSON, "person/a");
  Mention("Ivo Dar", accord::v1::ENTITY_KIND_PERSON, "person/b");
  auto events = Extract();
  std::vector<accord::v1::EventType> types;
  for (const auto& e : events) types.push_back(e.type());
  EXPECT_THAT(types, ElementsAre(accord::v1::EVENT_TYPE_JOINT_STATEMENT,
                                 accord::v1::EVENT_TYPE_MEETING,
                                 accord::v1::EVENT_TYPE_SIGNING));
  Start("ru", "Министры встретились в Москве и подписали соглашение.");
  Mention("Москве", accord::v1::ENTITY_KIND_PLACE, "place/moscow");
  events = Extract();
  types.clear();
  for (const auto& e : events) types.push_back(e.type());
  EXPECT_THAT(types, ElementsAre(accord::v1::EVENT_TYPE_MEETING,
                                 accord::v1::EVENT_TYPE_SIGNING));
  // No triggers for German here: no events.
  Start("de", "Die Minister trafen sich und unterzeichneten ein Abkommen.");
  EXPECT_THAT(Extract(), IsEmpty());
}

TEST(SentenceSpansTest, CldrSuppressionsAndPersonMentionsKeepSentencesWhole) {
  const std::string text =
      "Deputy Minister Sen. Lt. Gen. Bui Van Nam met Mr. Patrushev. Then "
      "they left.";
  // ICU with CLDR's suppressions: "Mr." does not end a sentence, the ranks
  // do.
  auto spans = SentenceSpans(text, "en");
  ASSERT_EQ(spans.size(), 5u);  // "...Sen. ", "Lt. ", "Gen. ", ...
  EXPECT_EQ(text.substr(spans[3].first, spans[3].second - spans[3].first),
            "Bui Van Nam met Mr. Patrushev. ");
  // The person's mention with its role chain holds the sentence together.
  accord::v1::Document doc;
  accord::v1::EntityMention* nam = doc.add_entity_mentions();
  nam->mutable_span()->set_part(accord::v1::TEXT_PART_BODY);
  nam->mutable_span()->set_begin(static_cast<uint32_t>(text.find("Bui")));
  nam->mutable_span()->set_end(static_cast<uint32_t>(text.find(" met")));
  accord::v1::RoleMention* rank = nam->add_roles();
  rank->mutable_span()->set_part(accord::v1::TEXT_PART_BODY);
  rank->mutable_span()->set_begin(static_cast<uint32_t>(text.find("Sen.")));
  rank->mutable_span()->set_end(static_cast<uint32_t>(text.find(" Bui")));
  spans = BodySentences(text, "en", doc);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[1].first), "Then they left.");
  // ICU ends a German sentence at an ordinal before a capital; the date
  // the date pass found holds it together.
  const std::string german = "Herr Dr. Müller traf am 25. Oktober ein. Gut.";
  EXPECT_EQ(SentenceSpans(german, "de").size(), 3u);
  accord::v1::Document de;
  accord::v1::TemporalExpression* date = de.add_temporal_expressions();
  date->mutable_span()->set_part(accord::v1::TEXT_PART_BODY);
  date->mutable_span()->set_begin(static_cast<uint32_t>(german.find("am 25")));
  date->mutable_span()->set_end(static_cast<uint32_t>(german.find(" ein")));
  spans = BodySentences(german, "de", de);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(german.substr(spans[1].first), "Gut.");
}

// SentenceSpans hands ICU the text in UTF-16 and maps the boundaries back
// to bytes itself; ICU reading the UTF-8 bytes in place must find the same
// boundaries, in texts of one- to four-byte characters.
TEST(SentenceSpansTest, ByteOffsetsAgreeWithIcuReadingUtf8) {
  const std::vector<std::pair<std::string, std::string>> texts = {
      {"ru",
       "Министры встретились в Москве 3 мая. Потом они уехали 😀. "
       "Г-н Иванов сказал: «Всё хорошо!» Конец"},
      {"vi",
       "Bộ trưởng đã gặp ông Nguyễn tại Hà Nội. Hai bên ký thỏa thuận. "
       "𝕏 đăng tin."},
      {"fr",
       "M. Dupont a rencontré Mme Martin à Genève. Puis… il est parti ! "
       "Fin."},
      {"de", "Die Minister trafen sich in München. Dr. Müller sprach 🇩🇪. Ende"},
      {"zh", "会议在北京举行。然后他们离开了！結束"},
      {"en", "Plain ASCII only. Mr. Smith left. The end"},
  };
  for (const auto& [language, text] : texts) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> reference(
        icu::BreakIterator::createSentenceInstance(
            icu::Locale((language + "@ss=standard").c_str()), status));
    ASSERT_TRUE(U_SUCCESS(status)) << u_errorName(status);
    UText* utext = utext_openUTF8(nullptr, text.data(),
                                  static_cast<int64_t>(text.size()), &status);
    reference->setText(utext, status);
    ASSERT_TRUE(U_SUCCESS(status)) << u_errorName(status);
    std::vector<std::pair<uint32_t, uint32_t>> expected;
    for (int32_t begin = reference->first(), end = reference->next();
         end != icu::BreakIterator::DONE;
         begin = end, end = reference->next()) {
      expected.emplace_back(begin, end);
    }
    utext_close(utext);
    EXPECT_GE(expected.size(), 3u) << language;
    EXPECT_EQ(SentenceSpans(text, language), expected) << language;
  }
}

TEST(EventExtractorCreateTest, RefusesUnknownTypesAndEmptyTriggers) {
  auto analyzer = analysis::Analyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  EventExtractorOptions options;
  options.types = *ParsePhraseRules("@event/party Party\nabout: x\nen: party\n",
                                    "t.txt", "event/");
  options.source_name = "t.txt";
  auto bad = EventExtractor::Create(analyzer->get(), options);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()),
              HasSubstr("t.txt:1: 'event/party' is no event type"));
}

// The triggers compiled in: every type, all six languages, all compile.
TEST(EmbeddedTriggersTest, EveryTypeInSixLanguages) {
  auto analyzer = analysis::Analyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  auto extractor =
      EventExtractor::Create(analyzer->get(), EventExtractorOptions());
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  // Eleven types, the references and the parties named later.
  EXPECT_EQ((*extractor)->types().size(), 13u);
  for (const PhraseGroup& type : (*extractor)->types()) {
    std::set<std::string> languages;
    for (const PhraseRule& rule : type.phrases) languages.insert(rule.language);
    EXPECT_EQ(languages,
              (std::set<std::string>{"de", "en", "es", "fr", "ru", "vi"}))
        << type.id;
  }
}

}  // namespace
}  // namespace accord::extract::events
