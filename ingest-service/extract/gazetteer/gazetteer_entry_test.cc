#include "ingest-service/extract/gazetteer/gazetteer_entry.h"

#include "absl/container/flat_hash_set.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest-service/extract/gazetteer/data_files.h"
#include "ingest-service/extract/gazetteer/gazetteer_testing.h"

namespace accord::extract {
namespace {

using ::accord::extract::fixtures::Entry;
using ::accord::extract::fixtures::Name;

using testing::HasSubstr;

TEST(GazetteerEntryTest, ParsesEntriesNamesAndOffices) {
  absl::StatusOr<std::vector<GazetteerEntry>> entries = ParseGazetteerFile(
      "# comment\n"
      "@person/ada-test person Ada Test\n"
      "und: Ada Test\n"
      "short.de: Test; Tests\n"
      "office: role/president | country/XX | 2001-02-03 |\n"
      "office: role/minister | org/x | 1990-01-01 | 2000-12-31\n"
      "\n"
      "@country/XX country Examplia\n"
      "adj.fr: examplien; exemplienne\n",
      "people.txt");
  ASSERT_TRUE(entries.ok()) << entries.status();
  ASSERT_EQ(entries->size(), 2u);
  const GazetteerEntry& ada = (*entries)[0];
  EXPECT_EQ(ada.id, "person/ada-test");
  EXPECT_EQ(ada.kind, EntryKind::kPerson);
  EXPECT_EQ(ada.canonical_name, "Ada Test");
  ASSERT_EQ(ada.names.size(), 3u);
  EXPECT_EQ(ada.names[1].text, "Test");
  EXPECT_EQ(ada.names[1].use, NameUse::kShort);
  EXPECT_EQ(ada.names[1].language, "de");
  EXPECT_EQ(ada.names[0].source, "team:people.txt:3");
  ASSERT_EQ(ada.offices.size(), 2u);
  EXPECT_EQ(ada.offices[0].start, absl::CivilDay(2001, 2, 3));
  EXPECT_FALSE(ada.offices[0].end.has_value());
  EXPECT_EQ(ada.offices[1].end, absl::CivilDay(2000, 12, 31));
  EXPECT_EQ((*entries)[1].names[1].use, NameUse::kAdjective);
}

TEST(GazetteerEntryTest, ErrorsNameTheFileAndLine) {
  auto error = [](std::string_view text) {
    return std::string(ParseGazetteerFile(text, "x.txt").status().message());
  };
  EXPECT_THAT(error("en: orphan\n"), HasSubstr("x.txt:1"));
  EXPECT_THAT(error("@org/a organization A\nxx-yy: b\n"),
              HasSubstr("x.txt:2: unknown key"));
  EXPECT_THAT(error("@org/a widget A\n"), HasSubstr("unknown kind"));
  EXPECT_THAT(error("@Org A\n"), HasSubstr("expected"));
  EXPECT_THAT(error("@org/a b c\n"), HasSubstr("unknown kind"));
  EXPECT_THAT(error("@person/a person A\noffice: r | c | 2001-02-30 |\n"),
              HasSubstr("bad start date"));
  EXPECT_THAT(error("@person/a person A\noffice: r | c\n"),
              HasSubstr("expected 'office"));
  // The id names the entry's kind: organizations' "org/".
  EXPECT_THAT(error("@org/a person A\n"),
              HasSubstr("x.txt:1: id 'org/a' of a person must start with "
                        "'person/'"));
  EXPECT_THAT(error("@organization/a organization A\n"),
              HasSubstr("must start with 'org/'"));
  EXPECT_TRUE(ParseGazetteerFile("@treaty/a treaty A\n", "x.txt").ok());
  // recorded_as: a role's, with a role and a portfolio.
  EXPECT_THAT(error("@org/a organization A\nrecorded_as: role/b | C\n"),
              HasSubstr("x.txt:2: expected 'recorded_as"));
  EXPECT_THAT(error("@role/a role A\nrecorded_as: role/b\n"),
              HasSubstr("expected 'recorded_as"));
  absl::StatusOr<std::vector<GazetteerEntry>> recorded = ParseGazetteerFile(
      "@role/a role A\nrecorded_as: role/b | Foreign Affairs\n", "x.txt");
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  EXPECT_EQ((*recorded)[0].recorded_as_role, "role/b");
  EXPECT_EQ((*recorded)[0].recorded_in_portfolio, "Foreign Affairs");
}

TEST(GazetteerEntryTest, MergeKeepsTheFirstCanonicalName) {
  std::vector<GazetteerEntry> entries(3);
  entries[0] = Entry("country/VN", EntryKind::kCountry, "Vietnam",
                     {Name("en", "Vietnamese")});
  entries[1] = Entry("org/a", EntryKind::kOrganization, "A", {});
  entries[2] = Entry("country/VN", EntryKind::kCountry, "Viet Nam",
                     {Name("en", "Viet Nam")});
  std::vector<GazetteerEntry> merged = MergeEntries(entries);
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].canonical_name, "Vietnam");
  EXPECT_EQ(merged[0].names.size(), 2u);
}

// The files the team writes must parse; every office names a known role.
TEST(GazetteerEntryTest, EmbeddedDataFilesAreWellFormed) {
  std::vector<GazetteerEntry> all;
  for (const auto& [name, text] : EmbeddedDataFiles()) {
    ASSERT_FALSE(text.empty()) << name;
    absl::StatusOr<std::vector<GazetteerEntry>> parsed =
        ParseGazetteerFile(text, name);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    for (GazetteerEntry& e : *parsed) all.push_back(std::move(e));
  }
  std::vector<GazetteerEntry> merged = MergeEntries(std::move(all));
  absl::flat_hash_set<std::string> ids;
  size_t organizations_and_treaties = 0;
  for (const GazetteerEntry& e : merged) {
    ids.insert(e.id);
    if (e.kind == EntryKind::kOrganization || e.kind == EntryKind::kTreaty) {
      ++organizations_and_treaties;
      absl::flat_hash_set<std::string> languages;
      for (const GazetteerName& n : e.names) languages.insert(n.language);
      for (const char* lang : {"en", "fr", "de", "es", "ru", "vi"}) {
        EXPECT_TRUE(languages.contains(lang) || languages.contains("und"))
            << e.id << " has no name in " << lang;
      }
    }
  }
  EXPECT_GE(organizations_and_treaties, 200u);
  for (const GazetteerEntry& e : merged) {
    for (const Office& office : e.offices) {
      EXPECT_TRUE(ids.contains(office.role_id))
          << e.id << " " << office.role_id;
      if (!office.of_id.starts_with("country/")) {
        EXPECT_TRUE(ids.contains(office.of_id)) << e.id << " " << office.of_id;
      }
      if (office.end) {
        EXPECT_LE(office.start, *office.end) << e.id;
      }
    }
  }
}

}  // namespace
}  // namespace accord::extract
