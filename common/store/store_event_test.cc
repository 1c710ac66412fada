// Events and stories in the store: what CommitBundle writes from a
// document's PendingEventReports and PendingStoryMember, and what
// GetEvent, FindEventIds, StoryOfDocument and GetStory assemble.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/store/event_view.h"
#include "common/store/schema.h"
#include "common/store/store.h"
#include "common/store/store_test_util.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::store {
namespace {

using accord::v1::Bundle;
using accord::v1::Event;
using accord::v1::EventMention;
using accord::v1::Story;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

EventMention Meeting(const std::string& iso, int year, int month, int day,
                     const std::string& place_id,
                     std::vector<std::string> participant_ids) {
  EventMention mention;
  mention.set_type(accord::v1::EVENT_TYPE_MEETING);
  mention.set_trigger("met");
  if (!iso.empty()) {
    accord::v1::TemporalValue* value = mention.mutable_date()->mutable_value();
    value->set_iso8601(iso);
    value->set_grain(accord::v1::GRAIN_DAY);
    value->set_year(year);
    value->set_month(month);
    value->set_day(day);
    mention.mutable_date()->set_surface(iso);
  }
  if (!place_id.empty()) {
    mention.mutable_place()->set_entity_id(place_id);
    mention.mutable_place()->set_name(place_id.substr(6));
  }
  for (const std::string& id : participant_ids) {
    accord::v1::EventEntity* participant = mention.add_participants();
    participant->set_entity_id(id);
    participant->set_name(id);
    participant->set_kind(accord::v1::ENTITY_KIND_PERSON);
    participant->add_role_ids(absl::StrCat("role/of-", id.substr(7)));
  }
  return mention;
}

// A document with `mentions` as its events.
PendingDocument Doc(uint32_t index, char id_char, const std::string& language,
                    std::vector<EventMention> mentions) {
  PendingDocument pending;
  pending.index = index;
  pending.document().set_id(IdOf(id_char));
  pending.document().mutable_language()->set_code(language);
  pending.raw_content = std::string("raw ") + id_char;
  for (EventMention& mention : mentions) {
    *pending.document().add_events() = std::move(mention);
  }
  return pending;
}

// Report of mention `index` of `doc` for `event_id`.
PendingEventReport Report(const PendingDocument& doc, uint32_t index,
                          const std::string& event_id, bool creates) {
  PendingEventReport report;
  report.event_id = event_id;
  report.creates = creates;
  report.report.set_document_id(doc.document().id());
  report.report.set_mention_index(index);
  report.report.set_language(doc.document().language().code());
  *report.report.mutable_mention() = doc.document().events(index);
  report.report.set_main(index == 0);
  if (!creates) {
    report.report.mutable_match()->set_score(5);
  }
  return report;
}

PendingStoryMember Member(const PendingDocument& doc,
                          const std::string& story_id) {
  PendingStoryMember member;
  member.story_id = story_id;
  member.member.set_document_id(doc.document().id());
  member.member.set_language(doc.document().language().code());
  return member;
}

class StoreEventTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<Store>> store =
        Store::OpenPrimary(dir_.Sub("db"), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  absl::Status Commit(std::vector<PendingDocument> docs) {
    Bundle bundle;
    bundle.set_id(absl::StrCat("bundle", ++bundles_));
    for (size_t i = 0; i < docs.size(); ++i) {
      bundle.add_results()->set_index(static_cast<uint32_t>(i));
      docs[i].index = static_cast<uint32_t>(i);
    }
    return store_->CommitBundle(&docs, &bundle);
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  int bundles_ = 0;
};

TEST_F(StoreEventTest, AnEventAssemblesItsReportsAcrossBundles) {
  // The first report has no year; the second, a day later in another
  // language, states it and adds a participant.
  PendingDocument a = Doc(0, 'a', "en",
                          {Meeting("XXXX-11-10", 0, 11, 10, "place/danang",
                                   {"person/quang", "person/putin"})});
  const std::string event_id = EventIdOf(a.document().id(), 0);
  a.events.push_back(Report(a, 0, event_id, /*creates=*/true));
  a.story = Member(a, StoryIdOf(a.document().id()));
  ASSERT_TRUE(Commit({a}).ok());

  PendingDocument b =
      Doc(0, 'b', "fr",
          {Meeting("2017-11-10", 2017, 11, 10, "",
                   {"person/putin", "person/quang", "person/lavrov"})});
  b.events.push_back(Report(b, 0, event_id, /*creates=*/false));
  b.story = Member(b, StoryIdOf(a.document().id()));
  ASSERT_TRUE(Commit({b}).ok());

  absl::StatusOr<Event> event = store_->GetEvent(event_id, 10);
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_EQ(event->type(), accord::v1::EVENT_TYPE_MEETING);
  EXPECT_EQ(event->report_count(), 2u);
  ASSERT_EQ(event->reports_size(), 2);
  EXPECT_EQ(event->reports(0).document_id(), IdOf('a'));
  EXPECT_EQ(event->reports(1).document_id(), IdOf('b'));
  EXPECT_FALSE(event->reports(0).has_match());
  EXPECT_TRUE(event->reports(1).has_match());
  // The date with a year wins over the one without; the place comes from
  // the only report that has one.
  EXPECT_EQ(event->date().value().iso8601(), "2017-11-10");
  EXPECT_EQ(event->date_document_id(), IdOf('b'));
  EXPECT_EQ(event->place().entity_id(), "place/danang");
  EXPECT_EQ(event->place_document_id(), IdOf('a'));
  ASSERT_EQ(event->participants_size(), 3);
  EXPECT_EQ(event->participants(0).entity_id(), "person/quang");
  EXPECT_EQ(event->participants(0).report_count(), 2u);
  EXPECT_EQ(event->participants(2).entity_id(), "person/lavrov");
  EXPECT_EQ(event->participants(2).report_count(), 1u);

  // max_reports bounds the reports returned, not the count.
  absl::StatusOr<Event> first = store_->GetEvent(event_id, 1);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->reports_size(), 1);
  EXPECT_EQ(first->report_count(), 2u);

  // Lookups: by participant and type, by place, by month and day, by
  // document; one event id under each.
  const int meeting = accord::v1::EVENT_TYPE_MEETING;
  EXPECT_THAT(
      *store_->FindEventIds(EventsByParticipantPrefix("person/lavrov", meeting),
                            10, true),
      ElementsAre(event_id));
  EXPECT_THAT(*store_->FindEventIds(
                  EventsByPlacePrefix("place/danang", meeting), 10, false),
              ElementsAre(event_id));
  EXPECT_THAT(
      *store_->FindEventIds(EventsByMonthDayPrefix("11-10", meeting), 10, true),
      ElementsAre(event_id));
  EXPECT_THAT(
      *store_->FindEventIds(EventsByDocumentPrefix(IdOf('b')), 10, true),
      ElementsAre(event_id));
  EXPECT_THAT(*store_->FindEventIds(
                  EventsByParticipantPrefix("person/lavrov",
                                            accord::v1::EVENT_TYPE_SIGNING),
                  10, true),
              IsEmpty());
  EXPECT_THAT(*store_->FindEventIds(EventsByDatePrefix("2017-11-10"), 10, true),
              ElementsAre(event_id));

  EXPECT_TRUE(
      absl::IsNotFound(store_->GetEvent(EventIdOf(IdOf('c'), 0), 10).status()));
  EXPECT_TRUE(
      absl::IsInvalidArgument(store_->GetEvent("ev-nope", 10).status()));
}

TEST_F(StoreEventTest, FindEventIdsListsTheMostRecentlyReportedFirst) {
  // Ingested d, c, b, a: ids that sort against the order of ingest, so
  // key order alone would list them backwards.
  std::vector<PendingDocument> docs;
  for (char c : std::string("dcba")) {
    PendingDocument doc =
        Doc(0, c, "en", {Meeting("", 0, 0, 0, "", {"person/nam"})});
    doc.events.push_back(
        Report(doc, 0, EventIdOf(doc.document().id(), 0), true));
    docs.push_back(std::move(doc));
  }
  ASSERT_TRUE(Commit(std::move(docs)).ok());
  const std::string prefix =
      EventsByParticipantPrefix("person/nam", accord::v1::EVENT_TYPE_MEETING);
  EXPECT_THAT(*store_->FindEventIds(prefix, 2, /*newest_first=*/true),
              ElementsAre(EventIdOf(IdOf('a'), 0), EventIdOf(IdOf('b'), 0)));
  EXPECT_THAT(*store_->FindEventIds(prefix, 2, /*newest_first=*/false),
              ElementsAre(EventIdOf(IdOf('d'), 0), EventIdOf(IdOf('c'), 0)));

  // A later report of d's event makes it the most recent, listed once.
  PendingDocument later =
      Doc(0, 'e', "en", {Meeting("", 0, 0, 0, "", {"person/nam"})});
  later.events.push_back(
      Report(later, 0, EventIdOf(IdOf('d'), 0), /*creates=*/false));
  std::vector<PendingDocument> again;
  again.push_back(std::move(later));
  ASSERT_TRUE(Commit(std::move(again)).ok());
  EXPECT_THAT(*store_->FindEventIds(prefix, 3, /*newest_first=*/true),
              ElementsAre(EventIdOf(IdOf('d'), 0), EventIdOf(IdOf('a'), 0),
                          EventIdOf(IdOf('b'), 0)));
  EXPECT_THAT(*store_->FindEventIds(prefix, 10, /*newest_first=*/false),
              ElementsAre(EventIdOf(IdOf('d'), 0), EventIdOf(IdOf('c'), 0),
                          EventIdOf(IdOf('b'), 0), EventIdOf(IdOf('a'), 0)));
  // A prefix without keys lists none of its neighbours' keys.
  EXPECT_THAT(
      *store_->FindEventIds(EventsByParticipantPrefix(
                                "person/na", accord::v1::EVENT_TYPE_MEETING),
                            10, true),
      IsEmpty());
}

TEST_F(StoreEventTest, AnEventViewReadsReportsAndLookupsInAnyOrder) {
  std::vector<PendingDocument> docs;
  PendingDocument a = Doc(
      0, 'a', "en",
      {Meeting("2017-11-10", 2017, 11, 10, "place/danang", {"person/quang"}),
       Meeting("", 0, 0, 0, "place/hanoi", {})});
  a.events.push_back(Report(a, 0, EventIdOf(a.document().id(), 0), true));
  a.events.push_back(Report(a, 1, EventIdOf(a.document().id(), 1), true));
  PendingDocument b =
      Doc(1, 'b', "fr",
          {Meeting("XXXX-11-10", 0, 11, 10, "place/danang", {"person/quang"})});
  b.events.push_back(Report(b, 0, EventIdOf(a.document().id(), 0), false));
  docs.push_back(std::move(a));
  docs.push_back(std::move(b));
  ASSERT_TRUE(Commit(std::move(docs)).ok());

  std::unique_ptr<Store::EventView> view = store_->NewEventView();
  std::vector<accord::v1::EventReport> reports;
  // Back and forth between families and prefixes: the view's iterators
  // are repositioned by every call.
  for (int round = 0; round < 2; ++round) {
    ASSERT_TRUE(view->ReadReports(EventIdOf(IdOf('a'), 0), 8, &reports).ok());
    ASSERT_EQ(reports.size(), 2u);
    EXPECT_EQ(reports[0].document_id(), IdOf('a'));
    EXPECT_EQ(reports[1].document_id(), IdOf('b'));
    EXPECT_LT(reports[0].document_sequence(), reports[1].document_sequence());
    ASSERT_TRUE(view->ReadReports(EventIdOf(IdOf('a'), 1), 8, &reports).ok());
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0].mention_index(), 1u);
    EXPECT_THAT(
        *view->FindEventIds(
            EventsByPlacePrefix("place/hanoi", accord::v1::EVENT_TYPE_MEETING),
            8, true),
        ElementsAre(EventIdOf(IdOf('a'), 1)));
    EXPECT_THAT(
        *view->FindEventIds(
            EventsByMonthDayPrefix("11-10", accord::v1::EVENT_TYPE_MEETING), 8,
            true),
        ElementsAre(EventIdOf(IdOf('a'), 0)));
    EXPECT_TRUE(absl::IsNotFound(
        view->ReadReports(EventIdOf(IdOf('b'), 0), 8, &reports)));
    EXPECT_TRUE(reports.empty());
  }
  // max_reports bounds what is read.
  ASSERT_TRUE(view->ReadReports(EventIdOf(IdOf('a'), 0), 1, &reports).ok());
  EXPECT_EQ(reports.size(), 1u);

  // The view shows the store as it was: a later commit is not in it.
  PendingDocument c =
      Doc(0, 'c', "de", {Meeting("", 0, 0, 0, "place/hanoi", {})});
  c.events.push_back(Report(c, 0, EventIdOf(c.document().id(), 0), true));
  std::vector<PendingDocument> later;
  later.push_back(std::move(c));
  ASSERT_TRUE(Commit(std::move(later)).ok());
  const std::string hanoi =
      EventsByPlacePrefix("place/hanoi", accord::v1::EVENT_TYPE_MEETING);
  EXPECT_THAT(*view->FindEventIds(hanoi, 8, true),
              ElementsAre(EventIdOf(IdOf('a'), 1)));
  EXPECT_THAT(*store_->NewEventView()->FindEventIds(hanoi, 8, true),
              ElementsAre(EventIdOf(IdOf('c'), 0), EventIdOf(IdOf('a'), 1)));
}

TEST_F(StoreEventTest, AStoryFoldedIntoAnotherAnswersAsIt) {
  // a and b start stories of their own; c joins a's and folds b's into it.
  PendingDocument a = Doc(0, 'a', "en", {});
  a.story = Member(a, StoryIdOf(IdOf('a')));
  PendingDocument b = Doc(0, 'b', "de", {});
  b.story = Member(b, StoryIdOf(IdOf('b')));
  ASSERT_TRUE(Commit({a, b}).ok());
  EXPECT_EQ(*store_->StoryOfDocument(IdOf('b')), StoryIdOf(IdOf('b')));

  PendingDocument c = Doc(0, 'c', "vi", {});
  c.story = Member(c, StoryIdOf(IdOf('a')));
  accord::v1::StoryLink* link = c.story->member.add_links();
  link->set_document_id(IdOf('c'));
  link->set_linked_document_id(IdOf('a'));
  link->set_score(6);
  accord::v1::StoryCompletion* completion = c.story->member.add_completions();
  completion->set_document_id(IdOf('a'));
  completion->mutable_value()->set_iso8601("2017-11-10");
  completion->set_derived_from_document_id(IdOf('c'));
  accord::v1::StoryMerge& merge = c.story->merges.emplace_back();
  merge.set_absorbed_story_id(StoryIdOf(IdOf('b')));
  merge.set_into_story_id(StoryIdOf(IdOf('a')));
  merge.set_by_document_id(IdOf('c'));
  ASSERT_TRUE(Commit({c}).ok());

  // b's story is now a's, from every side.
  EXPECT_EQ(*store_->StoryOfDocument(IdOf('b')), StoryIdOf(IdOf('a')));
  for (char asked : std::string("ab")) {
    absl::StatusOr<Story> story = store_->GetStory(StoryIdOf(IdOf(asked)), 10);
    ASSERT_TRUE(story.ok()) << story.status();
    EXPECT_EQ(story->id(), StoryIdOf(IdOf('a')));
    EXPECT_EQ(story->document_count(), 3u);
    ASSERT_EQ(story->members_size(), 3);
    // In ingest order across the folded stories.
    EXPECT_EQ(story->members(0).document_id(), IdOf('a'));
    EXPECT_EQ(story->members(1).document_id(), IdOf('b'));
    EXPECT_EQ(story->members(2).document_id(), IdOf('c'));
    // a and b went in one commit, c in the next: sequences 0, 1, 2.
    EXPECT_EQ(story->members(0).document_sequence(), 0u);
    EXPECT_EQ(story->members(1).document_sequence(), 1u);
    EXPECT_EQ(story->members(2).document_sequence(), 2u);
    EXPECT_EQ(story->members(2).links(0).linked_document_id(), IdOf('a'));
    EXPECT_THAT(story->languages(), ElementsAre("de", "en", "vi"));
    ASSERT_EQ(story->completions_size(), 1);
    EXPECT_EQ(story->completions(0).document_id(), IdOf('a'));
    ASSERT_EQ(story->merges_size(), 1);
    EXPECT_EQ(story->merges(0).absorbed_story_id(), StoryIdOf(IdOf('b')));
  }
  // Listed: one story with the three members; below a snapshot of two,
  // the first two.
  absl::StatusOr<std::vector<Store::StoryMemberSequences>> listed =
      store_->ListStoryMembers(100);
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].story_id, StoryIdOf(IdOf('a')));
  EXPECT_THAT((*listed)[0].sequences, ElementsAre(0, 1, 2));
  listed = store_->ListStoryMembers(2);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_THAT((*listed)[0].sequences, ElementsAre(0, 1));
  EXPECT_TRUE(store_->ListStoryMembers(0)->empty());

  absl::StatusOr<Story> two = store_->GetStory(StoryIdOf(IdOf('a')), 2);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->members_size(), 2);
  EXPECT_EQ(two->document_count(), 3u);

  EXPECT_TRUE(absl::IsNotFound(store_->StoryOfDocument(IdOf('z')).status()));
  EXPECT_TRUE(
      absl::IsNotFound(store_->GetStory(StoryIdOf(IdOf('f')), 10).status()));
  EXPECT_TRUE(absl::IsInvalidArgument(store_->GetStory("st-x", 10).status()));
}

TEST_F(StoreEventTest, MalformedEventsAndStoriesAreRefusedAndNothingStored) {
  PendingDocument base =
      Doc(0, 'a', "en", {Meeting("", 0, 0, 0, "", {"person/nam"})});
  struct Case {
    const char* name;
    PendingDocument doc;
    const char* message;
  };
  std::vector<Case> cases;
  {
    PendingDocument doc = base;
    doc.events.push_back(Report(doc, 0, "ev-bad", true));
    cases.push_back({"malformed id", doc, "malformed"});
  }
  {
    PendingDocument doc = base;
    doc.events.push_back(Report(doc, 0, EventIdOf(IdOf('b'), 0), true));
    cases.push_back({"created under another id", doc, "whose id it is not"});
  }
  {
    PendingDocument doc = base;
    PendingEventReport report = Report(doc, 0, EventIdOf(IdOf('a'), 0), true);
    report.report.set_mention_index(3);
    doc.events.push_back(report);
    cases.push_back({"mention out of range", doc, "mention 3"});
  }
  {
    PendingDocument doc = base;
    PendingEventReport report = Report(doc, 0, EventIdOf(IdOf('a'), 0), true);
    report.report.set_document_id(IdOf('b'));
    doc.events.push_back(report);
    cases.push_back({"report of another document", doc, "carried by"});
  }
  {
    PendingDocument doc = base;
    doc.story = Member(doc, "st-short");
    cases.push_back({"malformed story", doc, "malformed"});
  }
  {
    PendingDocument doc = base;
    doc.story = Member(doc, StoryIdOf(IdOf('a')));
    accord::v1::StoryMerge& merge = doc.story->merges.emplace_back();
    merge.set_absorbed_story_id(StoryIdOf(IdOf('a')));
    merge.set_into_story_id(StoryIdOf(IdOf('a')));
    cases.push_back({"story folded into itself", doc, "a merge of"});
  }
  for (Case& c : cases) {
    absl::Status status = Commit({c.doc});
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << c.name << ": " << status;
    EXPECT_THAT(status.message(), HasSubstr(c.message)) << c.name;
    EXPECT_FALSE(*store_->HasDocument(IdOf('a'))) << c.name;
  }
}

TEST_F(StoreEventTest, ASecondaryReadsEventsAndStories) {
  PendingDocument a =
      Doc(0, 'a', "ru",
          {Meeting("2019-05-24", 2019, 5, 24, "place/tver", {"person/nam"})});
  a.events.push_back(Report(a, 0, EventIdOf(IdOf('a'), 0), true));
  a.story = Member(a, StoryIdOf(IdOf('a')));
  ASSERT_TRUE(Commit({a}).ok());
  absl::StatusOr<std::unique_ptr<Store>> secondary = Store::OpenSecondary(
      dir_.Sub("db"), dir_.Sub("secondary"), StoreOptions());
  ASSERT_TRUE(secondary.ok()) << secondary.status();
  absl::StatusOr<Event> event =
      (*secondary)->GetEvent(EventIdOf(IdOf('a'), 0), 10);
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_EQ(event->place().entity_id(), "place/tver");
  absl::StatusOr<Story> story =
      (*secondary)->GetStory(StoryIdOf(IdOf('a')), 10);
  ASSERT_TRUE(story.ok()) << story.status();
  EXPECT_THAT(story->languages(), ElementsAre("ru"));
}

}  // namespace
}  // namespace accord::store
