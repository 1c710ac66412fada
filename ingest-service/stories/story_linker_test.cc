// StoryLinker over hand-made documents in several languages, committed to
// a real store between bundles: which event each mention joins, and which
// story each document is in.
#include "ingest-service/stories/story_linker.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "common/store/event_view.h"
#include "common/store/schema.h"
#include "common/store/store.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::stories {
namespace {

using accord::v1::Bundle;
using accord::v1::EventMention;
using accord::v1::EventType;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string IdOf(char c) { return std::string(store::kDocumentIdLength, c); }

// A commit that stored no document with events: marks what was read since
// the last as used by one bundle.
void CommitNothing(EventCache& cache) {
  std::vector<store::PendingDocument> none;
  cache.Committed(&none);
}

// One event of a hand-made document.
struct EventSpec {
  EventType type = accord::v1::EVENT_TYPE_MEETING;
  // "2017-11-10", "XXXX-11-10" or empty; `end` for a range.
  std::string date;
  std::string end;
  std::string place;  // entity id, "place/..."
  // Entity ids; the kind is the id's ("person/", "country/", "org/").
  std::vector<std::string> participants;
  // In the lead paragraph (main news) or further down.
  bool lead = true;
};

accord::v1::TemporalValue Value(const std::string& iso) {
  accord::v1::TemporalValue value;
  value.set_iso8601(iso);
  value.set_grain(accord::v1::GRAIN_DAY);
  if (iso.substr(0, 4) != "XXXX") value.set_year(std::stoi(iso.substr(0, 4)));
  value.set_month(std::stoi(iso.substr(5, 2)));
  value.set_day(std::stoi(iso.substr(8, 2)));
  return value;
}

accord::v1::EntityKind KindOf(const std::string& id) {
  if (id.rfind("person/", 0) == 0) return accord::v1::ENTITY_KIND_PERSON;
  if (id.rfind("country/", 0) == 0) return accord::v1::ENTITY_KIND_COUNTRY;
  if (id.rfind("place/", 0) == 0) return accord::v1::ENTITY_KIND_PLACE;
  return accord::v1::ENTITY_KIND_ORGANIZATION;
}

// A document in `language`, published on `published` (empty: unknown),
// whose lead paragraph reports the events with `lead` and whose second
// paragraph the others. Each date is also a temporal expression of the
// document, at the same span.
store::PendingDocument Doc(char id_char, const std::string& language,
                           const std::string& published,
                           const std::vector<EventSpec>& events) {
  store::PendingDocument pending;
  accord::v1::Document& doc = pending.document();
  doc.set_id(IdOf(id_char));
  doc.mutable_language()->set_code(language);
  doc.set_title(absl::StrCat("title ", std::string(1, id_char)));
  if (!published.empty()) {
    absl::Time time;
    std::string error;
    EXPECT_TRUE(absl::ParseTime("%Y-%m-%d", published, &time, &error)) << error;
    doc.mutable_publication()->set_iso8601(published);
    doc.mutable_publication()->mutable_time()->set_seconds(
        absl::ToUnixSeconds(time));
  }
  accord::v1::Paragraph* lead = doc.add_paragraphs();
  lead->set_text(std::string(100, 'x'));
  lead->set_offset(0);
  accord::v1::Paragraph* rest = doc.add_paragraphs();
  rest->set_text(std::string(100, 'y'));
  rest->set_offset(102);
  uint32_t lead_at = 0;
  uint32_t rest_at = 102;
  for (const EventSpec& spec : events) {
    uint32_t& at = spec.lead ? lead_at : rest_at;
    EventMention* mention = doc.add_events();
    mention->set_type(spec.type);
    mention->set_trigger("trigger");
    mention->mutable_trigger_span()->set_part(accord::v1::TEXT_PART_BODY);
    mention->mutable_trigger_span()->set_begin(at);
    mention->mutable_trigger_span()->set_end(at + 5);
    if (!spec.date.empty()) {
      accord::v1::TemporalExpression* date = mention->mutable_date();
      date->set_surface(spec.date);
      *date->mutable_value() = Value(spec.date);
      if (!spec.end.empty()) {
        date->set_kind(accord::v1::TEMPORAL_KIND_RANGE);
        *date->mutable_end() = Value(spec.end);
      }
      date->mutable_span()->set_part(accord::v1::TEXT_PART_BODY);
      date->mutable_span()->set_begin(at + 6);
      date->mutable_span()->set_end(at + 10);
      *doc.add_temporal_expressions() = *date;
    }
    if (!spec.place.empty()) {
      mention->mutable_place()->set_entity_id(spec.place);
      mention->mutable_place()->set_name(spec.place.substr(6));
      mention->mutable_place()->set_kind(accord::v1::ENTITY_KIND_PLACE);
    }
    for (const std::string& id : spec.participants) {
      accord::v1::EventEntity* participant = mention->add_participants();
      participant->set_entity_id(id);
      participant->set_name(id.substr(id.find('/') + 1));
      participant->set_kind(KindOf(id));
    }
    at += 20;
  }
  pending.raw_content = absl::StrCat("raw ", std::string(1, id_char));
  return pending;
}

// A store in a temp dir, a linker, and the cache ingest keeps across
// bundles (used unless use_cache_ is false).
class LinkerFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<store::Store>> store =
        store::Store::OpenPrimary(dir_.Sub("db"), store::StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  // Links `docs` as one bundle and commits it; returns what was linked.
  std::vector<store::PendingDocument> LinkAndCommit(
      std::vector<store::PendingDocument> docs) {
    absl::Status linked =
        linker_.Link(*store_, &docs, use_cache_ ? &cache_ : nullptr);
    EXPECT_TRUE(linked.ok()) << linked;
    Bundle bundle;
    bundle.set_id(absl::StrCat("bundle", ++bundles_));
    for (size_t i = 0; i < docs.size(); ++i) {
      docs[i].index = static_cast<uint32_t>(i);
      bundle.add_results()->set_index(static_cast<uint32_t>(i));
    }
    absl::Status committed = store_->CommitBundle(&docs, &bundle);
    EXPECT_TRUE(committed.ok()) << committed;
    if (use_cache_) {
      // Committed moves the reports it holds out of what it is given; the
      // tests read them after.
      std::vector<store::PendingDocument> stored = docs;
      cache_.Committed(&stored);
    }
    return docs;
  }
  store::PendingDocument LinkAndCommit(store::PendingDocument doc) {
    std::vector<store::PendingDocument> docs;
    docs.push_back(std::move(doc));
    return std::move(LinkAndCommit(std::move(docs))[0]);
  }

  std::string StoryOf(char id_char) {
    absl::StatusOr<std::string> story = store_->StoryOfDocument(IdOf(id_char));
    EXPECT_TRUE(story.ok()) << story.status();
    return story.ok() ? *story : "";
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  StoryLinker linker_{StoryLinkerOptions()};
  EventCache cache_{linker_.cache_options()};
  bool use_cache_ = true;
  int bundles_ = 0;
};

// Each test runs twice: linking every bundle with one EventCache kept
// across bundles (as ingest does), and with none, so the cache must never
// change what is linked.
class StoryLinkerTest : public LinkerFixture,
                        public ::testing::WithParamInterface<bool> {
 protected:
  void SetUp() override {
    use_cache_ = GetParam();
    LinkerFixture::SetUp();
  }
};

INSTANTIATE_TEST_SUITE_P(CacheOrNot, StoryLinkerTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "KeptCache" : "NoCache";
                         });

constexpr char kQuang[] = "person/quang";
constexpr char kPutin[] = "person/putin";
constexpr char kLavrov[] = "person/lavrov";
constexpr char kSon[] = "person/son";
constexpr char kDaNang[] = "place/danang";
constexpr char kHanoi[] = "place/hanoi";
constexpr char kVietnam[] = "country/VN";
constexpr char kRussia[] = "country/RU";

TEST_P(StoryLinkerTest, TheSameStatementInTwoLanguagesIsOneEventAndOneStory) {
  const EventSpec statement_en{accord::v1::EVENT_TYPE_JOINT_STATEMENT,
                               "XXXX-11-10",
                               "",
                               kDaNang,
                               {kVietnam, kRussia, kQuang, kPutin}};
  const EventSpec statement_fr{accord::v1::EVENT_TYPE_JOINT_STATEMENT,
                               "2017-11-10",
                               "",
                               kDaNang,
                               {kVietnam, kQuang, kRussia, kPutin}};
  store::PendingDocument en = LinkAndCommit(Doc('a', "en", "", {statement_en}));
  ASSERT_EQ(en.events.size(), 1u);
  EXPECT_TRUE(en.events[0].creates);
  ASSERT_TRUE(en.story.has_value());
  EXPECT_EQ(en.story->story_id, store::StoryIdOf(IdOf('a')));

  store::PendingDocument fr =
      LinkAndCommit(Doc('b', "fr", "2017-11-12", {statement_fr}));
  ASSERT_EQ(fr.events.size(), 1u);
  EXPECT_FALSE(fr.events[0].creates);
  EXPECT_EQ(fr.events[0].event_id, store::EventIdOf(IdOf('a'), 0));
  const accord::v1::EventMatch& match = fr.events[0].report.match();
  EXPECT_EQ(match.matched_document_id(), IdOf('a'));
  // Day 2 + place 2 + two people 3 + two countries 1.
  EXPECT_DOUBLE_EQ(match.score(), 8.0);
  std::vector<std::string> kinds;
  for (const auto& reason : match.reasons()) kinds.push_back(reason.kind());
  EXPECT_THAT(kinds, ElementsAre("type", "date", "place", "participant",
                                 "participant", "participant", "participant"));
  EXPECT_EQ(match.reasons(1).detail(), "2017-11-10 ~ XXXX-11-10");

  // One story, with the link and its reasons, and the English date
  // completed with the French year, derived from the French document.
  EXPECT_EQ(StoryOf('b'), store::StoryIdOf(IdOf('a')));
  absl::StatusOr<accord::v1::Story> story =
      store_->GetStory(store::StoryIdOf(IdOf('a')), 10);
  ASSERT_TRUE(story.ok()) << story.status();
  EXPECT_THAT(story->languages(), ElementsAre("en", "fr"));
  ASSERT_EQ(story->members_size(), 2);
  ASSERT_EQ(story->members(1).links_size(), 1);
  EXPECT_EQ(story->members(1).links(0).linked_document_id(), IdOf('a'));
  EXPECT_GE(story->members(1).links(0).score(), 3.0);
  ASSERT_EQ(story->completions_size(), 1);
  const accord::v1::StoryCompletion& completion = story->completions(0);
  EXPECT_EQ(completion.document_id(), IdOf('a'));
  EXPECT_EQ(completion.temporal_index(), 0u);
  EXPECT_EQ(completion.value().iso8601(), "2017-11-10");
  EXPECT_EQ(completion.value().year(), 2017);
  EXPECT_EQ(completion.derived_from_document_id(), IdOf('b'));
  EXPECT_THAT(completion.reason(), HasSubstr("2017-11-10"));

  // The event, read back, has the year and both reports.
  absl::StatusOr<accord::v1::Event> event =
      store_->GetEvent(store::EventIdOf(IdOf('a'), 0), 10);
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->report_count(), 2u);
  EXPECT_EQ(event->date().value().iso8601(), "2017-11-10");
}

TEST_P(StoryLinkerTest, ALaterDocumentWithoutTheYearIsCompletedItself) {
  LinkAndCommit(Doc('a', "de", "2024-06-04",
                    {{accord::v1::EVENT_TYPE_SIGNING,
                      "2024-06-03",
                      "",
                      kHanoi,
                      {kLavrov, kSon}}}));
  store::PendingDocument vi =
      LinkAndCommit(Doc('b', "vi", "",
                        {{accord::v1::EVENT_TYPE_SIGNING,
                          "XXXX-06-03",
                          "",
                          kHanoi,
                          {kSon, kLavrov}}}));
  ASSERT_TRUE(vi.story.has_value());
  ASSERT_EQ(vi.story->member.completions_size(), 1);
  EXPECT_EQ(vi.story->member.completions(0).document_id(), IdOf('b'));
  EXPECT_EQ(vi.story->member.completions(0).value().iso8601(), "2024-06-03");
  EXPECT_EQ(vi.story->member.completions(0).derived_from_document_id(),
            IdOf('a'));
}

TEST_P(StoryLinkerTest, SamePeopleAnotherOccasionIsAnotherEventAndStory) {
  // Lavrov and Son in Hanoi in July; again in Moscow in December; again
  // on a July day of another year; and undated talks published months
  // later.
  LinkAndCommit(Doc('a', "en", "2022-07-07",
                    {{accord::v1::EVENT_TYPE_MEETING,
                      "2022-07-06",
                      "",
                      kHanoi,
                      {kLavrov, kSon, kVietnam, kRussia}}}));
  store::PendingDocument moscow =
      LinkAndCommit(Doc('b', "ru", "2022-12-02",
                        {{accord::v1::EVENT_TYPE_MEETING,
                          "2022-12-01",
                          "",
                          "place/moscow",
                          {kLavrov, kSon, kVietnam, kRussia}}}));
  EXPECT_TRUE(moscow.events[0].creates);
  store::PendingDocument next_year =
      LinkAndCommit(Doc('c', "es", "2023-07-07",
                        {{accord::v1::EVENT_TYPE_MEETING,
                          "2023-07-06",
                          "",
                          kHanoi,
                          {kLavrov, kSon}}}));
  EXPECT_TRUE(next_year.events[0].creates);
  store::PendingDocument undated = LinkAndCommit(
      Doc('d', "fr", "2022-10-01",
          {{accord::v1::EVENT_TYPE_MEETING, "", "", "", {kLavrov, kSon}}}));
  EXPECT_TRUE(undated.events[0].creates);
  // Four stories.
  EXPECT_EQ(StoryOf('a'), store::StoryIdOf(IdOf('a')));
  EXPECT_EQ(StoryOf('b'), store::StoryIdOf(IdOf('b')));
  EXPECT_EQ(StoryOf('c'), store::StoryIdOf(IdOf('c')));
  EXPECT_EQ(StoryOf('d'), store::StoryIdOf(IdOf('d')));
}

TEST_P(StoryLinkerTest, UndatedReportsNeedClosePublicationsAndEnoughShared) {
  LinkAndCommit(
      Doc('a', "en", "2025-03-03",
          {{accord::v1::EVENT_TYPE_MEETING, "", "", "", {kLavrov, kSon}}}));
  // Two days later, the same two people: one event.
  store::PendingDocument close = LinkAndCommit(
      Doc('b', "vi", "2025-03-05",
          {{accord::v1::EVENT_TYPE_MEETING, "", "", "", {kSon, kLavrov}}}));
  EXPECT_FALSE(close.events[0].creates);
  EXPECT_EQ(StoryOf('b'), StoryOf('a'));
  // Same days, but only the two countries in common: not enough.
  LinkAndCommit(
      Doc('c', "en", "2025-03-04",
          {{accord::v1::EVENT_TYPE_MEETING, "", "", "", {kVietnam, kRussia}}}));
  store::PendingDocument countries = LinkAndCommit(
      Doc('d', "ru", "2025-03-04",
          {{accord::v1::EVENT_TYPE_MEETING, "", "", "", {kRussia, kVietnam}}}));
  EXPECT_TRUE(countries.events[0].creates);
  // Another type with the same people is another event.
  store::PendingDocument signing = LinkAndCommit(
      Doc('e', "fr", "2025-03-04",
          {{accord::v1::EVENT_TYPE_SIGNING, "", "", "", {kLavrov, kSon}}}));
  EXPECT_TRUE(signing.events[0].creates);
}

TEST_P(StoryLinkerTest, BackgroundEventsJoinEventsButNotStories) {
  // b mentions a's signing only in its second paragraph: the event gains
  // b's report, but b's main news is its own interview.
  LinkAndCommit(Doc('a', "en", "2025-10-27",
                    {{accord::v1::EVENT_TYPE_SIGNING,
                      "2025-10-25",
                      "2025-10-26",
                      kHanoi,
                      {kVietnam, kRussia, kLavrov}}}));
  store::PendingDocument b =
      LinkAndCommit(Doc('b', "de", "2025-11-02",
                        {{accord::v1::EVENT_TYPE_INTERVIEW,
                          "",
                          "",
                          "place/moscow",
                          {"person/lyukmanov"}},
                         {accord::v1::EVENT_TYPE_SIGNING,
                          "XXXX-10-25",
                          "XXXX-10-26",
                          kHanoi,
                          {kRussia, kLavrov},
                          /*lead=*/false}}));
  ASSERT_EQ(b.events.size(), 2u);
  EXPECT_TRUE(b.events[0].creates);
  EXPECT_FALSE(b.events[1].creates);
  EXPECT_EQ(b.events[1].event_id, store::EventIdOf(IdOf('a'), 0));
  EXPECT_FALSE(b.events[1].report.main());
  EXPECT_EQ(StoryOf('b'), store::StoryIdOf(IdOf('b')));
  EXPECT_THAT(b.story->member.links(), IsEmpty());
  EXPECT_THAT(b.story->member.event_ids(),
              ElementsAre(store::EventIdOf(IdOf('b'), 0)));
}

// Three reports of one round of talks (the two tests below): a with the
// date but no place, b with the place but a date a day off the range, c
// with both.
store::PendingDocument TalksDatedNotPlaced() {
  return Doc('a', "en", "2024-05-26",
             {{accord::v1::EVENT_TYPE_CONSULTATION,
               "2024-05-24",
               "2024-05-25",
               "",
               {kVietnam, kRussia}}});
}
store::PendingDocument TalksPlacedADayOff() {
  return Doc('b', "ru", "2024-05-27",
             {{accord::v1::EVENT_TYPE_CONSULTATION,
               "",
               "",
               "place/tver",
               {kVietnam, kRussia}}});
}
store::PendingDocument TalksDatedAndPlaced() {
  return Doc('c', "vi", "2024-05-26",
             {{accord::v1::EVENT_TYPE_CONSULTATION,
               "2024-05-25",
               "",
               "place/tver",
               {kVietnam, kRussia, "person/nam"}}});
}

TEST_P(StoryLinkerTest, ADocumentThatBridgesTwoStoriesFoldsThemIntoOne) {
  // a reports the talks with the date but no place, b with the place but
  // a date a day off the range: apart, they do not agree enough; c, with
  // both, joins both and folds b's story into a's. All in one bundle, so
  // the linker sees its own bundle's documents too.
  std::vector<store::PendingDocument> docs;
  docs.push_back(TalksDatedNotPlaced());
  docs.push_back(TalksPlacedADayOff());
  docs.push_back(TalksDatedAndPlaced());
  docs = LinkAndCommit(std::move(docs));
  EXPECT_TRUE(docs[0].events[0].creates);
  EXPECT_TRUE(docs[1].events[0].creates);  // 1 (countries) < 3
  // c agrees with a (day 2 + countries 1 = 3) and with b (place 2 +
  // countries 1 = 3, published a day apart): its report joins one event,
  // and its story is both of theirs, folded into a's.
  ASSERT_TRUE(docs[2].story.has_value());
  EXPECT_FALSE(docs[2].events[0].creates);
  EXPECT_EQ(StoryOf('a'), StoryOf('c'));
  EXPECT_EQ(StoryOf('a'), StoryOf('b'));
  absl::StatusOr<accord::v1::Story> story = store_->GetStory(StoryOf('c'), 10);
  ASSERT_TRUE(story.ok()) << story.status();
  EXPECT_EQ(story->document_count(), 3u);
  EXPECT_EQ(story->id(), store::StoryIdOf(IdOf('a')));
  ASSERT_EQ(story->merges_size(), 1);
  EXPECT_EQ(story->merges(0).absorbed_story_id(), store::StoryIdOf(IdOf('b')));
  EXPECT_EQ(story->merges(0).by_document_id(), IdOf('c'));
}

TEST_P(StoryLinkerTest, ABridgeFoldsIntoTheStoryOfTheEarliestDocument) {
  // The documents of the test above, b stored first, then a and c in one
  // bundle. c joins both stories: it folds a's, begun by its own bundle,
  // into b's, whose document came first (stored before the bundle), though
  // a comes before c in the bundle and a's story id sorts first.
  LinkAndCommit(TalksPlacedADayOff());
  std::vector<store::PendingDocument> docs;
  docs.push_back(TalksDatedNotPlaced());
  docs.push_back(TalksDatedAndPlaced());
  ASSERT_LT(store::StoryIdOf(IdOf('a')), store::StoryIdOf(IdOf('b')));
  docs = LinkAndCommit(std::move(docs));
  ASSERT_TRUE(docs[1].story.has_value());
  EXPECT_EQ(docs[1].story->story_id, store::StoryIdOf(IdOf('b')));
  EXPECT_EQ(StoryOf('a'), StoryOf('b'));
  absl::StatusOr<accord::v1::Story> story = store_->GetStory(StoryOf('c'), 10);
  ASSERT_TRUE(story.ok()) << story.status();
  EXPECT_EQ(story->id(), store::StoryIdOf(IdOf('b')));
  EXPECT_EQ(story->document_count(), 3u);
  ASSERT_EQ(story->merges_size(), 1);
  EXPECT_EQ(story->merges(0).absorbed_story_id(), store::StoryIdOf(IdOf('a')));
}

TEST_P(StoryLinkerTest, ADocumentAlreadyStoredOrRepeatedGetsNothing) {
  LinkAndCommit(Doc(
      'a', "en", "2025-01-01",
      {{accord::v1::EVENT_TYPE_MEETING, "2025-01-01", "", kHanoi, {kLavrov}}}));
  std::vector<store::PendingDocument> docs;
  docs.push_back(Doc(
      'a', "en", "2025-01-01",
      {{accord::v1::EVENT_TYPE_MEETING, "2025-01-01", "", kHanoi, {kLavrov}}}));
  docs.push_back(Doc('b', "fr", "2025-01-02", {}));
  docs.push_back(Doc('b', "fr", "2025-01-02", {}));
  ASSERT_TRUE(linker_.Link(*store_, &docs).ok());
  EXPECT_TRUE(docs[0].events.empty());
  EXPECT_FALSE(docs[0].story.has_value());
  // A document without events is a story of its own.
  ASSERT_TRUE(docs[1].story.has_value());
  EXPECT_EQ(docs[1].story->story_id, store::StoryIdOf(IdOf('b')));
  EXPECT_FALSE(docs[2].story.has_value());
}

// The cache kept across bundles (event_cache.h): what it holds must stay
// what the store answers as bundles are committed.
class EventCacheTest : public LinkerFixture {
 protected:
  // The id of document k of the stream.
  static std::string HexId(int k) { return absl::StrFormat("%032x", k + 1); }

  // Bundle `n` of a made-up stream: five documents, each with one to
  // three events drawn from few people, places and days, so that later
  // bundles join and extend the events and lookups of earlier ones.
  std::vector<store::PendingDocument> Bundle(int n) {
    const std::vector<std::string> people = {kQuang, kPutin, kLavrov,
                                             "person/nam", "person/bryant"};
    const std::vector<std::string> places = {kHanoi, kDaNang, "place/moscow"};
    const std::vector<std::string> days = {"2025-03-04", "XXXX-03-04",
                                           "2025-03-05", ""};
    std::vector<store::PendingDocument> docs;
    for (int d = 0; d < 5; ++d) {
      const int k = n * 5 + d;
      std::vector<EventSpec> events;
      for (int e = 0; e <= k % 3; ++e) {
        EventSpec spec;
        spec.type = (k + e) % 4 == 0 ? accord::v1::EVENT_TYPE_SIGNING
                                     : accord::v1::EVENT_TYPE_MEETING;
        spec.date = days[(k * 7 + e) % days.size()];
        spec.place = (k + e) % 5 == 4 ? "" : places[(k + e) % places.size()];
        spec.participants = {people[(k + e) % people.size()],
                             people[(k * 3 + e + 1) % people.size()], kVietnam};
        spec.lead = e == 0;
        events.push_back(spec);
      }
      docs.push_back(Doc('a', k % 2 ? "fr" : "en",
                         absl::StrCat("2025-03-0", 1 + k % 6), events));
      docs.back().document().set_id(HexId(k));
    }
    return docs;
  }
};

TEST_F(EventCacheTest, WhatItHoldsStaysWhatTheStoreAnswers) {
  absl::flat_hash_set<std::string> prefixes;
  absl::flat_hash_set<std::string> event_ids;
  for (int n = 0; n < 6; ++n) {
    for (const store::PendingDocument& doc : LinkAndCommit(Bundle(n))) {
      for (const store::PendingEventReport& event : doc.events) {
        event_ids.insert(event.event_id);
        for (const std::string& prefix :
             store::EventLookupPrefixes(event.report)) {
          prefixes.insert(prefix);
        }
      }
    }
    // Every event and prefix seen so far: the held ones (all but the
    // newest) were extended by the commits, never read again.
    const std::unique_ptr<store::Store::EventView> store_view =
        store_->NewEventView();
    const std::unique_ptr<store::Store::EventView> cache_view =
        store_->NewEventView();
    size_t held = 0;
    for (const std::string& prefix : prefixes) {
      const uint64_t hits = cache_.hits();
      absl::StatusOr<const std::vector<std::string>*> cached =
          cache_.EventIds(*cache_view, prefix);
      ASSERT_TRUE(cached.ok()) << cached.status();
      held += cache_.hits() - hits;
      absl::StatusOr<std::vector<std::string>> stored =
          store_view->FindEventIds(prefix,
                                   linker_.options().max_candidates_per_lookup,
                                   /*newest_first=*/true);
      ASSERT_TRUE(stored.ok()) << stored.status();
      EXPECT_EQ(**cached, *stored)
          << "bundle " << n << ", prefix " << absl::CHexEscape(prefix);
    }
    std::vector<accord::v1::EventReport> stored;
    for (const std::string& id : event_ids) {
      const uint64_t hits = cache_.hits();
      absl::StatusOr<const std::vector<accord::v1::EventReport>*> cached =
          cache_.Reports(*cache_view, id);
      ASSERT_TRUE(cached.ok()) << cached.status();
      held += cache_.hits() - hits;
      ASSERT_TRUE(store_view
                      ->ReadReports(id, linker_.options().max_reports_per_event,
                                    &stored)
                      .ok());
      ASSERT_EQ((*cached)->size(), stored.size())
          << "bundle " << n << ", " << id;
      for (size_t r = 0; r < stored.size(); ++r) {
        EXPECT_EQ((**cached)[r].SerializeAsString(),
                  stored[r].SerializeAsString())
            << "bundle " << n << ", " << id << ", report " << r;
      }
    }
    if (n > 0) {
      EXPECT_GT(held, 0u) << "bundle " << n;
    }
    // What was asked above counts as used by this "bundle".
    CommitNothing(cache_);
  }
  // The stream joined events across bundles: some event has reports from
  // more than one bundle, so extending held entries was exercised.
  size_t joined = 0;
  for (const std::string& id : event_ids) {
    absl::StatusOr<accord::v1::Event> event = store_->GetEvent(id, 8);
    ASSERT_TRUE(event.ok());
    if (event->report_count() > 1) ++joined;
  }
  EXPECT_GT(joined, 2u);
}

TEST_F(EventCacheTest, PastItsBoundsKeepsWhatTheLastBundlesUsed) {
  for (int n = 0; n < 3; ++n) LinkAndCommit(Bundle(n));
  StoryLinkerOptions options;
  options.max_cached_events = 4;
  options.max_cached_lookups = 4;
  EventCache small(StoryLinker(options).cache_options());
  const std::unique_ptr<store::Store::EventView> view = store_->NewEventView();
  const std::string a = store::EventIdOf(HexId(0), 0);
  const std::string b = store::EventIdOf(HexId(1), 0);
  const std::string c = store::EventIdOf(HexId(2), 0);
  // One "bundle" reads more than the bound: kept until the next.
  for (int k = 0; k < 6; ++k) {
    ASSERT_TRUE(small.Reports(*view, store::EventIdOf(HexId(k), 0)).ok());
  }
  CommitNothing(small);
  EXPECT_EQ(small.events_held(), 6u);
  // The next reads two of them again and two more: the other four go.
  ASSERT_TRUE(small.Reports(*view, a).ok());
  ASSERT_TRUE(small.Reports(*view, b).ok());
  ASSERT_TRUE(small.Reports(*view, store::EventIdOf(HexId(6), 0)).ok());
  ASSERT_TRUE(small.Reports(*view, store::EventIdOf(HexId(7), 0)).ok());
  CommitNothing(small);
  EXPECT_EQ(small.events_held(), 4u);
  uint64_t hits = small.hits();
  ASSERT_TRUE(small.Reports(*view, a).ok());
  EXPECT_EQ(small.hits(), hits + 1);  // kept
  ASSERT_TRUE(small.Reports(*view, c).ok());
  EXPECT_EQ(small.hits(), hits + 1);  // dropped: read again
  small.Clear();
  EXPECT_EQ(small.events_held(), 0u);
  EXPECT_EQ(small.lookups_held(), 0u);
}

TEST_F(EventCacheTest, ADocumentTheCommitDidNotStoreChangesNothing) {
  LinkAndCommit(Bundle(0));
  const std::unique_ptr<store::Store::EventView> view = store_->NewEventView();
  const std::string prefix =
      store::EventsByPlacePrefix(kHanoi, accord::v1::EVENT_TYPE_MEETING);
  absl::StatusOr<const std::vector<std::string>*> before =
      cache_.EventIds(*view, prefix);
  ASSERT_TRUE(before.ok());
  const std::vector<std::string> held = **before;
  // Linked, but its commit stored nothing (a repeated request): no
  // sequence or bundle id was set.
  std::vector<store::PendingDocument> docs;
  docs.push_back(Doc(
      'e', "en", "2025-03-04",
      {{accord::v1::EVENT_TYPE_MEETING, "2025-03-04", "", kHanoi, {kLavrov}}}));
  ASSERT_TRUE(linker_.Link(*store_, &docs, &cache_).ok());
  ASSERT_EQ(docs[0].events.size(), 1u);
  cache_.Committed(&docs);
  absl::StatusOr<const std::vector<std::string>*> after =
      cache_.EventIds(*view, prefix);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(**after, held);
  EXPECT_THAT(
      **after,
      ::testing::Not(::testing::Contains(store::EventIdOf(IdOf('e'), 0))));
}

TEST_P(StoryLinkerTest, AnEarlierRoundTheLeadRecallsIsNoStoryOfItsOwn) {
  // a reports the talks in Hanoi; b's lead reports the next round in Da
  // Nang and recalls the Hanoi round with the same parties: its news is
  // the Da Nang round, so it starts a story of its own.
  const EventSpec hanoi{accord::v1::EVENT_TYPE_CONSULTATION,
                        "2025-06-17",
                        "",
                        kHanoi,
                        {kVietnam, kRussia, kLavrov, kSon}};
  LinkAndCommit(Doc('a', "en", "2025-06-18", {hanoi}));
  const EventSpec da_nang{accord::v1::EVENT_TYPE_CONSULTATION,
                          "2025-11-12",
                          "",
                          kDaNang,
                          {kVietnam, kRussia, kLavrov}};
  const EventSpec recalled{accord::v1::EVENT_TYPE_CONSULTATION,
                           "2025-06-17",
                           "",
                           kHanoi,
                           {kVietnam, kRussia}};
  store::PendingDocument b =
      LinkAndCommit(Doc('b', "de", "2025-11-13", {da_nang, recalled}));
  EXPECT_EQ(StoryOf('b'), store::StoryIdOf(IdOf('b')));
  // Its mention of the Hanoi round is still that event.
  ASSERT_EQ(b.events.size(), 2u);
  EXPECT_EQ(b.events[1].event_id, store::EventIdOf(IdOf('a'), 0));
}

TEST(CompareWithReportTest, DatesOverlapByGrainAndRefuseWhenApart) {
  StoryLinkerOptions options;
  auto date_of = [](const std::string& iso, const std::string& end) {
    EventSpec spec{accord::v1::EVENT_TYPE_MEETING, iso, end, "", {}};
    return Doc('a', "en", "", {spec}).document().events(0);
  };
  accord::v1::EventReport report;
  *report.mutable_mention() = date_of("XXXX-05-24", "XXXX-05-25");
  internal::EventComparison in_range = internal::CompareWithReport(
      date_of("2019-05-25", ""), nullptr, report, options);
  EXPECT_FALSE(in_range.refused);
  EXPECT_DOUBLE_EQ(in_range.score, options.day_weight);
  internal::EventComparison after = internal::CompareWithReport(
      date_of("2019-05-26", ""), nullptr, report, options);
  EXPECT_TRUE(after.refused);
  *report.mutable_mention() = date_of("2018-05-25", "");
  EXPECT_TRUE(internal::CompareWithReport(date_of("2019-05-25", ""), nullptr,
                                          report, options)
                  .refused);
  // Without a date on one side and no publication: refused.
  EXPECT_TRUE(
      internal::CompareWithReport(date_of("", ""), nullptr, report, options)
          .refused);
}

TEST(MainEventsTest, TitleAndLeadOrElseTheFirst) {
  store::PendingDocument doc =
      Doc('a', "en", "",
          {{accord::v1::EVENT_TYPE_MEETING, "", "", "", {}, /*lead=*/false},
           {accord::v1::EVENT_TYPE_VISIT, "", "", "", {}, /*lead=*/true},
           {accord::v1::EVENT_TYPE_SIGNING, "", "", "", {}, /*lead=*/false}});
  EXPECT_THAT(internal::MainEvents(doc.document()), ElementsAre(1));
  doc.document().mutable_events(1)->mutable_trigger_span()->set_begin(150);
  EXPECT_THAT(internal::MainEvents(doc.document()), ElementsAre(0));
  doc.document().mutable_events(2)->mutable_trigger_span()->set_part(
      accord::v1::TEXT_PART_TITLE);
  EXPECT_THAT(internal::MainEvents(doc.document()), ElementsAre(2));

  // Two lead events of one type and parties at different places or
  // dates: the first is the news. Of another type, with other parties, or
  // agreeing, both are.
  const EventSpec here{accord::v1::EVENT_TYPE_CONSULTATION,
                       "2025-11-12",
                       "",
                       kHanoi,
                       {kVietnam, kRussia, kLavrov}};
  EventSpec elsewhere = here;
  elsewhere.place = kDaNang;
  EventSpec earlier = here;
  earlier.date = "2025-06-17";
  EventSpec agreeing = here;
  agreeing.place = "";
  EventSpec meeting = elsewhere;
  meeting.type = accord::v1::EVENT_TYPE_MEETING;
  EXPECT_THAT(internal::MainEvents(
                  Doc('b', "en", "", {here, elsewhere, meeting}).document()),
              ElementsAre(0, 2));
  EXPECT_THAT(
      internal::MainEvents(Doc('c', "en", "", {here, earlier}).document()),
      ElementsAre(0));
  EXPECT_THAT(
      internal::MainEvents(Doc('d', "en", "", {here, agreeing}).document()),
      ElementsAre(0, 1));
  EventSpec other_parties = elsewhere;
  other_parties.participants = {kLavrov, kSon};
  EXPECT_THAT(internal::MainEvents(
                  Doc('e', "en", "", {here, other_parties}).document()),
              ElementsAre(0, 1));
}

}  // namespace
}  // namespace accord::stories
