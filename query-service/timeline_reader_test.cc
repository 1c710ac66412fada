// TimelineReader over a real store and follower: which events a timeline
// lists (participants, countries acting through participants, places,
// types, dates), their order (dated, then an unknown year, then undated),
// paging on one snapshot, and refused requests.
#include "query-service/timeline_reader.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/rpc/status.h"
#include "common/store/schema.h"
#include "common/store/store.h"
#include "common/testing/temp_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace accord::query {
namespace {

using accord::v1::EventMention;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A participant; `countries` are the ones it acts for.
struct TimelineWho {
  std::string id;
  std::vector<std::string> countries = {};
};

// An event mention dated by `iso` ("" for none) at its grain.
EventMention Mention(accord::v1::EventType type, const std::string& iso,
                     const std::string& place_id,
                     std::vector<TimelineWho> who) {
  EventMention mention;
  mention.set_type(type);
  mention.set_trigger("met");
  if (!iso.empty()) {
    accord::v1::TemporalValue* value = mention.mutable_date()->mutable_value();
    value->set_iso8601(iso);
    // "2019-03-05", "XXXX-05-24", "2018": the grain and fields it says.
    const bool unknown_year = iso.rfind("XXXX", 0) == 0;
    value->set_year(unknown_year ? 0 : std::stoi(iso.substr(0, 4)));
    if (iso.size() >= 7) value->set_month(std::stoi(iso.substr(5, 2)));
    if (iso.size() >= 10) value->set_day(std::stoi(iso.substr(8, 2)));
    value->set_grain(iso.size() >= 10  ? accord::v1::GRAIN_DAY
                     : iso.size() >= 7 ? accord::v1::GRAIN_MONTH
                                       : accord::v1::GRAIN_YEAR);
    mention.mutable_date()->set_surface(iso);
  }
  if (!place_id.empty()) mention.mutable_place()->set_entity_id(place_id);
  for (const TimelineWho& w : who) {
    accord::v1::EventEntity* participant = mention.add_participants();
    participant->set_entity_id(w.id);
    participant->set_kind(store::EntityKindOfId(w.id));
    for (const std::string& country : w.countries) {
      participant->add_country_ids(country);
    }
  }
  return mention;
}

class TimelineReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.primary_path = dir_.Sub("db");
    options_.secondary_path = dir_.Sub("secondary");
    options_.catch_up_interval = absl::Milliseconds(20);
    options_.open_retry_interval = absl::Milliseconds(20);
    absl::StatusOr<std::unique_ptr<store::Store>> primary =
        store::Store::OpenPrimary(options_.primary_path, store::StoreOptions());
    ASSERT_TRUE(primary.ok()) << primary.status();
    primary_ = *std::move(primary);
    // a: a meeting in Hanoi of Vietnam and a French minister, 2019-03-05.
    Store('a',
          Mention(accord::v1::EVENT_TYPE_MEETING, "2019-03-05", "place/hanoi",
                  {{"country/VN"}, {"person/minister", {"country/FR"}}}));
    // b: a signing in Paris on May 24 of an unknown year, by a Vietnamese
    // official and France.
    Store('b',
          Mention(accord::v1::EVENT_TYPE_SIGNING, "XXXX-05-24", "place/paris",
                  {{"person/official", {"country/VN"}}, {"country/FR"}}));
    // c: an undated joint statement of the two.
    Store('c', Mention(accord::v1::EVENT_TYPE_JOINT_STATEMENT, "", "",
                       {{"country/VN"}, {"country/FR"}}));
    // d: Vietnam and Russia, 2017-11-10: not France's.
    Store('d', Mention(accord::v1::EVENT_TYPE_MEETING, "2017-11-10", "",
                       {{"country/VN"}, {"country/RU"}}));
    // e: France and a Vietnamese body, at a conference in 2018.
    Store('e', Mention(accord::v1::EVENT_TYPE_CONFERENCE, "2018", "",
                       {{"country/FR"}, {"org/vn-body", {"country/VN"}}}));
    follower_ = std::make_unique<store::Follower>(options_);
    follower_->Start();
    WaitForDocuments(5);
  }

  // Stores document `c` (its id all `c`) reporting `mention`, which
  // creates its event ev-<id>-0.
  void Store(char c, EventMention mention) {
    std::vector<store::PendingDocument> docs(1);
    store::PendingDocument& doc = docs[0];
    doc.document().set_id(std::string(store::kDocumentIdLength, c));
    doc.document().mutable_language()->set_code("en");
    doc.raw_content = std::string("raw ") + c;
    *doc.document().add_events() = mention;
    store::PendingEventReport& report = doc.events.emplace_back();
    report.event_id = store::EventIdOf(doc.document().id(), 0);
    report.creates = true;
    report.report.set_document_id(doc.document().id());
    report.report.set_language("en");
    *report.report.mutable_mention() = std::move(mention);
    report.report.set_main(true);
    accord::v1::Bundle bundle;
    bundle.set_id(absl::StrCat("bundle-", std::string(1, c)));
    bundle.add_results();
    absl::Status committed = primary_->CommitBundle(&docs, &bundle);
    ASSERT_TRUE(committed.ok()) << committed;
  }

  void WaitForDocuments(uint64_t count) {
    absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (absl::Now() < deadline) {
      auto store = follower_->store();
      if (store && *store->DocumentCount() >= count) return;
      absl::SleepFor(absl::Milliseconds(10));
    }
    FAIL() << "follower did not catch up to " << count << " documents";
  }

  // "<document letter> <placement> <date>" of each event listed.
  std::vector<std::string> List(const accord::v1::ListEventsRequest& request,
                                const TimelineReader& reader) {
    absl::StatusOr<accord::v1::ListEventsResponse> response =
        reader.ListEvents(request, CallDeadline());
    EXPECT_TRUE(response.ok()) << response.status();
    std::vector<std::string> out;
    if (!response.ok()) return out;
    for (const accord::v1::TimelineEvent& e : response->events()) {
      const char* placement[] = {"?", "dated", "year-unknown", "undated"};
      out.push_back(absl::StrCat(e.event().id().substr(3, 1), " ",
                                 placement[e.placement()], " ", e.date()));
    }
    return out;
  }

  std::vector<std::string> List(const accord::v1::ListEventsRequest& request) {
    return List(request, TimelineReader(follower_.get()));
  }

  std::string Reason(const accord::v1::ListEventsRequest& request,
                     TimelineOptions options = TimelineOptions()) {
    TimelineReader reader(follower_.get(), options);
    absl::StatusOr<accord::v1::ListEventsResponse> response =
        reader.ListEvents(request, CallDeadline());
    EXPECT_TRUE(absl::IsInvalidArgument(response.status()))
        << response.status();
    return rpc::ErrorReasonOf(response.status());
  }

  testing::TempDir dir_;
  store::FollowerOptions options_;
  std::unique_ptr<store::Store> primary_;
  std::unique_ptr<store::Follower> follower_;
};

accord::v1::ListEventsRequest Between(const std::string& a,
                                      const std::string& b) {
  accord::v1::ListEventsRequest request;
  request.add_participant_ids(a);
  request.add_participant_ids(b);
  return request;
}

TEST_F(TimelineReaderTest, ACountryPairListsItsEventsDatedThenYearUnknown) {
  // Countries take part by name or through their people and bodies.
  EXPECT_THAT(List(Between("country/VN", "country/FR")),
              ElementsAre("e dated 2018", "a dated 2019-03-05",
                          "b year-unknown XXXX-05-24", "c undated "));
  EXPECT_THAT(List(Between("country/VN", "country/RU")),
              ElementsAre("d dated 2017-11-10"));
  // A person as a participant is that person, not their country.
  accord::v1::ListEventsRequest minister;
  minister.add_participant_ids("person/minister");
  EXPECT_THAT(List(minister), ElementsAre("a dated 2019-03-05"));
  EXPECT_THAT(List(Between("country/RU", "country/FR")), IsEmpty());
}

TEST_F(TimelineReaderTest, TypesPlacesAndDatesNarrowTheTimeline) {
  accord::v1::ListEventsRequest request = Between("country/VN", "country/FR");
  request.add_types(accord::v1::EVENT_TYPE_MEETING);
  request.add_types(accord::v1::EVENT_TYPE_SIGNING);
  EXPECT_THAT(List(request),
              ElementsAre("a dated 2019-03-05", "b year-unknown XXXX-05-24"));

  // With dates, only events whose known date begins within them.
  request = Between("country/VN", "country/FR");
  request.set_start_date("2019");
  EXPECT_THAT(List(request), ElementsAre("a dated 2019-03-05"));
  request.set_start_date("2018-01-01");
  request.set_end_date("2019-03-04");
  EXPECT_THAT(List(request), ElementsAre("e dated 2018"));

  // Dates alone.
  accord::v1::ListEventsRequest dates;
  dates.set_start_date("2017-11");
  dates.set_end_date("2018");
  EXPECT_THAT(List(dates), ElementsAre("d dated 2017-11-10", "e dated 2018"));
  accord::v1::ListEventsRequest paris;
  paris.set_place_id("place/paris");
  EXPECT_THAT(List(paris), ElementsAre("b year-unknown XXXX-05-24"));
}

TEST_F(TimelineReaderTest, PagesListTheEventsOfTheFirstPagesSnapshot) {
  TimelineReader reader(follower_.get());
  accord::v1::ListEventsRequest request = Between("country/VN", "country/FR");
  request.set_page_size(2);
  std::vector<std::string> seen = List(request, reader);
  absl::StatusOr<accord::v1::ListEventsResponse> page =
      reader.ListEvents(request, CallDeadline());
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->total_size(), 4);
  ASSERT_FALSE(page->next_page_token().empty());
  // An earlier meeting of the two arrives, and a second report of b's
  // signing that gives its year: neither shows on the later pages.
  Store('f', Mention(accord::v1::EVENT_TYPE_MEETING, "2016-01-01", "",
                     {{"country/VN"}, {"country/FR"}}));
  WaitForDocuments(6);
  request.set_page_token(page->next_page_token());
  for (std::string& line : List(request, reader)) seen.push_back(line);
  EXPECT_THAT(seen, ElementsAre("e dated 2018", "a dated 2019-03-05",
                                "b year-unknown XXXX-05-24", "c undated "));
  page = reader.ListEvents(request, CallDeadline());
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->total_size(), 4);
  EXPECT_TRUE(page->next_page_token().empty());
  // A new listing sees it first.
  request.clear_page_token();
  EXPECT_EQ(List(request, reader)[0], "f dated 2016-01-01");
}

TEST_F(TimelineReaderTest, RefusesMalformedOrTooBroadRequests) {
  accord::v1::ListEventsRequest request;
  EXPECT_EQ(Reason(request), "FILTER_REQUIRED");
  request.add_types(accord::v1::EVENT_TYPE_MEETING);
  EXPECT_EQ(Reason(request), "FILTER_REQUIRED");  // types alone

  for (const char* bad : {"VN", "country/V N", ""}) {
    request = Between("country/VN", bad);
    EXPECT_EQ(Reason(request), "INVALID_FILTER") << bad;
  }
  request.Clear();
  for (int i = 0; i <= kMaxTimelineParticipants; ++i) {
    request.add_participant_ids(absl::StrCat("person/p", i));
  }
  EXPECT_EQ(Reason(request), "INVALID_FILTER");
  request.Clear();
  request.set_place_id("hanoi");
  EXPECT_EQ(Reason(request), "INVALID_FILTER");
  for (const char* bad :
       {"2017-13", "17", "2017-W45", "XXXX-05-24", "2017-02-30", "yesterday"}) {
    request.Clear();
    request.set_start_date(bad);
    EXPECT_EQ(Reason(request), "INVALID_FILTER") << bad;
  }
  request.Clear();
  request.set_start_date("2019");
  request.set_end_date("2018-12");
  EXPECT_EQ(Reason(request), "INVALID_FILTER");
  for (int bad : {0, 99}) {
    request = Between("country/VN", "country/FR");
    request.add_types(static_cast<accord::v1::EventType>(bad));
    EXPECT_EQ(Reason(request), "INVALID_FILTER") << bad;
  }
  request = Between("country/VN", "country/FR");
  request.set_page_size(-1);
  EXPECT_EQ(Reason(request), "INVALID_PAGE_SIZE");
  request.set_page_size(0);
  for (int bad : {-1, kMaxTimelineReports + 1}) {
    request.set_max_reports(bad);
    EXPECT_EQ(Reason(request), "INVALID_MAX_REPORTS") << bad;
  }
  request.set_max_reports(0);
  request.set_page_token("garbage");
  EXPECT_EQ(Reason(request), "INVALID_PAGE_TOKEN");

  // A token of other filters.
  request = Between("country/VN", "country/FR");
  request.set_page_size(1);
  absl::StatusOr<accord::v1::ListEventsResponse> page =
      TimelineReader(follower_.get()).ListEvents(request, CallDeadline());
  ASSERT_TRUE(page.ok()) << page.status();
  request.set_page_token(page->next_page_token());
  request.set_place_id("place/paris");
  EXPECT_EQ(Reason(request), "INVALID_PAGE_TOKEN");

  // Too broad for the reader's bounds: four events, one allowed.
  TimelineOptions narrow;
  narrow.max_events = 1;
  EXPECT_EQ(Reason(Between("country/VN", "country/FR"), narrow),
            "TOO_MANY_EVENTS");
  narrow = TimelineOptions();
  narrow.max_events_per_filter = 2;
  EXPECT_EQ(Reason(Between("country/VN", "country/FR"), narrow),
            "TOO_MANY_EVENTS");
}

}  // namespace
}  // namespace accord::query
