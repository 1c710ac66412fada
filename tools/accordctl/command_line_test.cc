#include "tools/accordctl/command_line.h"

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/accordctl/commands.h"

namespace accord::ctl {
namespace {

using ::testing::ElementsAre;

CommandLine Parse(std::vector<std::string> args) {
  return ParseCommandLine(args);
}

TEST(CommandLineTest, HelpExitsZeroWithUsageAndNoBuildPath) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--help"},
                                             {"-h"},
                                             {"search", "--help"},
                                             {"search", "-h"},
                                             {"ingest", "-h"},
                                             {"--timeout=5s", "get", "--help"},
                                             {"health", "--help"}}) {
    CommandLine line = Parse(args);
    EXPECT_FALSE(line.command.has_value()) << args[0];
    EXPECT_EQ(line.exit_code, 0) << args[0];
    EXPECT_TRUE(absl::StrContains(line.out, "Usage: accordctl")) << line.out;
    EXPECT_FALSE(absl::StrContains(line.out, "/work")) << line.out;
    EXPECT_FALSE(absl::StrContains(line.out, ".cc")) << line.out;
    EXPECT_EQ(line.err, "");
  }
  EXPECT_TRUE(absl::StrContains(Parse({"search", "--help"}).out,
                                "Usage: accordctl search [OPTIONS] QUERY..."));
  EXPECT_TRUE(
      absl::StrContains(Parse({"ingest", "--help"}).out, "--charset NAME"));
  EXPECT_EQ(Parse({"--version"}).out, "accord " ACCORD_VERSION "\n");
}

TEST(CommandLineTest, NoOrUnknownCommandIsAUsageError) {
  CommandLine line = Parse({});
  EXPECT_EQ(line.exit_code, kExitError);
  EXPECT_TRUE(absl::StrContains(line.err, "Usage: accordctl")) << line.err;
  line = Parse({"serch", "norms"});
  EXPECT_EQ(line.exit_code, kExitError);
  EXPECT_TRUE(absl::StrContains(line.err, "unknown command \"serch\""))
      << line.err;
  line = Parse({"--bogus"});
  EXPECT_TRUE(absl::StrContains(line.err, "unknown option --bogus"))
      << line.err;
}

TEST(CommandLineTest, SearchWordsMayStartWithADash) {
  CommandLine line = Parse({"search", "\"information security\"", "-ASEAN",
                            "--languages=en,fr", "-hacking", "--page_size", "5",
                            "--color=never"});
  ASSERT_EQ(line.command, Command::kSearch) << line.err;
  EXPECT_EQ(line.args, std::vector<std::string>{
                           "\"information security\" -ASEAN -hacking"});
  EXPECT_EQ(line.options.languages, (std::vector<std::string>{"en", "fr"}));
  EXPECT_EQ(line.options.page_size, 5);
  EXPECT_EQ(line.options.color, ColorMode::kNever);

  line = Parse({"search", "--languages", "de", "norms", "--", "--x", "-y"});
  ASSERT_EQ(line.command, Command::kSearch) << line.err;
  EXPECT_EQ(line.args, std::vector<std::string>{"norms --x -y"});
  EXPECT_EQ(line.options.languages, std::vector<std::string>{"de"});
  // A command name is a query word after `search`.
  line = Parse({"search", "health", "get"});
  EXPECT_EQ(line.args, std::vector<std::string>{"health get"});
}

TEST(CommandLineTest, SearchRefusesAnUnknownLongOptionByName) {
  CommandLine line = Parse({"search", "norms", "--no_such_option"});
  EXPECT_FALSE(line.command.has_value());
  EXPECT_EQ(line.exit_code, kExitError);
  EXPECT_TRUE(
      absl::StrContains(line.err, "search: unknown option --no_such_option"))
      << line.err;
  line = Parse({"search", "norms", "--page_sise=3"});
  EXPECT_TRUE(absl::StrContains(line.err, "did you mean --page_size?"))
      << line.err;
  line = Parse({"search"});
  EXPECT_TRUE(absl::StrContains(line.err, "search: give a QUERY")) << line.err;
  line = Parse({"search", "--page_token=abc"});
  EXPECT_EQ(line.command, Command::kSearch) << line.err;
}

TEST(CommandLineTest, StoriesTakesTopicsSizeOrderAndPaging) {
  CommandLine line =
      Parse({"--query_addr=h:1", "stories", "--topics=topic/cybercrime",
             "--min_documents=2", "--order=largest", "--page_size=3"});
  ASSERT_EQ(line.command, Command::kStories) << line.err;
  EXPECT_THAT(line.options.topic_ids, ElementsAre("topic/cybercrime"));
  EXPECT_EQ(line.options.min_documents, 2);
  EXPECT_EQ(line.options.story_order, accord::v1::STORY_ORDER_LARGEST);
  EXPECT_EQ(line.options.page_size, 3);
  EXPECT_TRUE(absl::StrContains(Parse({"stories", "--order=oldest"}).err,
                                "is not newest or largest"));
}

TEST(CommandLineTest, StatsTakesFieldsAndASizeButNoArguments) {
  CommandLine line =
      Parse({"stats", "--facets=country,month", "--facet_size=500"});
  ASSERT_EQ(line.command, Command::kStats) << line.err;
  EXPECT_THAT(line.options.facets, ElementsAre(accord::v1::FACET_FIELD_COUNTRY,
                                               accord::v1::FACET_FIELD_MONTH));
  EXPECT_EQ(line.options.facet_size, 500);
  EXPECT_TRUE(
      absl::StrContains(Parse({"stats", "--", "x"}).err, "takes no arguments"));
  // The server options apply to it as to every command.
  line = Parse({"--query_addr=h:1", "stats", "--json"});
  ASSERT_EQ(line.command, Command::kStats) << line.err;
  EXPECT_EQ(line.options.query_addr, "h:1");
}

TEST(CommandLineTest, WatchTakesAQueryFiltersAResumeTokenAndALimit) {
  CommandLine line = Parse({"watch", "--entities=country/VN", "--limit=3",
                            "--resume_token=AQID", "-ASEAN", "cyber"});
  ASSERT_EQ(line.command, Command::kWatch) << line.err;
  EXPECT_THAT(line.args, ElementsAre("-ASEAN cyber"));
  EXPECT_THAT(line.options.entity_ids, ElementsAre("country/VN"));
  EXPECT_EQ(line.options.limit, 3);
  EXPECT_EQ(line.options.resume_token, "AQID");
  EXPECT_FALSE(line.options.timeout_given);
  // Neither words nor filters: every new document.
  line = Parse({"watch", "--timeout=5s"});
  ASSERT_EQ(line.command, Command::kWatch) << line.err;
  EXPECT_THAT(line.args, ElementsAre(""));
  EXPECT_TRUE(line.options.timeout_given);
  line = Parse({"watch", "--limit=0", "x"});
  EXPECT_FALSE(line.err.empty());
  line = Parse({"watch", "--facets=language", "x"});
  EXPECT_TRUE(absl::StrContains(line.err, "facets")) << line.err;
}

TEST(CommandLineTest, SearchTakesUnderstandingFiltersAndFacets) {
  CommandLine line =
      Parse({"search", "--entities=country/VN,country/RU",
             "--topics=topic/cybercrime", "--types=signing", "--story=st-x",
             "--facets=language,org,month", "--facet_size=5", "cyber"});
  ASSERT_EQ(line.command, Command::kSearch) << line.err;
  EXPECT_THAT(line.options.entity_ids, ElementsAre("country/VN", "country/RU"));
  EXPECT_THAT(line.options.topic_ids, ElementsAre("topic/cybercrime"));
  EXPECT_THAT(line.options.event_types,
              ElementsAre(accord::v1::EVENT_TYPE_SIGNING));
  EXPECT_EQ(line.options.story_id, "st-x");
  EXPECT_THAT(line.options.facets,
              ElementsAre(accord::v1::FACET_FIELD_LANGUAGE,
                          accord::v1::FACET_FIELD_ORGANIZATION,
                          accord::v1::FACET_FIELD_MONTH));
  EXPECT_EQ(line.options.facet_size, 5);
  EXPECT_THAT(line.args, ElementsAre("cyber"));
  // Filters alone list what passes them.
  line = Parse({"search", "--entities=country/VN"});
  EXPECT_EQ(line.command, Command::kSearch) << line.err;
  EXPECT_THAT(line.args, ElementsAre(""));
  // Facets alone are not a filter.
  line = Parse({"search", "--facets=language"});
  EXPECT_TRUE(absl::StrContains(line.err, "give a QUERY, or filters"))
      << line.err;
  line = Parse({"search", "--facets=colour", "x"});
  EXPECT_TRUE(absl::StrContains(line.err, "is not one of language"))
      << line.err;
}

TEST(CommandLineTest, OptionsMayComeBeforeTheCommand) {
  CommandLine line =
      Parse({"--ingest_addr=h:1", "--stream_threshold_bytes=1", "--chunk_bytes",
             "2", "--timeout=5", "-q", "ingest", "a", "b",
             "--charset=iso-8859-1", "--progress=always", "--", "-c"});
  ASSERT_EQ(line.command, Command::kIngest) << line.err;
  EXPECT_EQ(line.args, (std::vector<std::string>{"a", "b", "-c"}));
  EXPECT_EQ(line.options.ingest_addr, "h:1");
  EXPECT_EQ(line.options.stream_threshold_bytes, 1);
  EXPECT_EQ(line.options.chunk_bytes, 2);
  EXPECT_EQ(line.options.timeout, absl::Seconds(5));
  EXPECT_TRUE(line.options.quiet);
  EXPECT_EQ(line.options.charset, "iso-8859-1");
  EXPECT_EQ(line.options.progress, ProgressMode::kAlways);

  line = Parse({"--json", "get", "--raw", "ID1"});
  ASSERT_EQ(line.command, Command::kGet) << line.err;
  EXPECT_EQ(line.args, std::vector<std::string>{"ID1"});
  EXPECT_TRUE(line.options.json);
  EXPECT_TRUE(line.options.raw);

  // One that does not apply to the command is an error.
  line = Parse({"--languages=en", "ingest", "a"});
  EXPECT_EQ(line.exit_code, kExitError);
  EXPECT_TRUE(absl::StrContains(line.err,
                                "--languages does not apply to "
                                "ingest"))
      << line.err;
  line = Parse({"ingest", "--languages=en", "a"});
  EXPECT_TRUE(absl::StrContains(line.err, "--languages=en")) << line.err;
}

TEST(CommandLineTest, TimeoutTakesUnitsAndSaysWhatItAccepts) {
  EXPECT_EQ(Parse({"--timeout=500ms", "get", "x"}).options.timeout,
            absl::Milliseconds(500));
  EXPECT_EQ(Parse({"get", "x", "--timeout", "2m"}).options.timeout,
            absl::Minutes(2));
  CommandLine line = Parse({"--timeout=abc", "get", "x"});
  EXPECT_EQ(line.exit_code, kExitError);
  EXPECT_TRUE(absl::StrContains(
      line.err,
      "--timeout: \"abc\" is not a duration; give seconds (5, 0.5) "
      "or a number with a unit (500ms, 5s, 2m, 1h)"))
      << line.err;
  // health waits 10 s unless told.
  EXPECT_EQ(Parse({"health"}).options.timeout, absl::Seconds(10));
  EXPECT_EQ(Parse({"health", "--timeout=1m"}).options.timeout,
            absl::Minutes(1));
  EXPECT_EQ(Parse({"get", "x"}).options.timeout, absl::Minutes(10));
}

TEST(CommandLineTest, IdsAndPathsAreCounted) {
  EXPECT_TRUE(absl::StrContains(Parse({"get"}).err, "give one document ID"));
  EXPECT_EQ(Parse({"get", "a", "b"}).exit_code, kExitError);
  EXPECT_EQ(Parse({"bundle", "--", "-odd"}).args,
            std::vector<std::string>{"-odd"});
  EXPECT_TRUE(absl::StrContains(Parse({"ingest"}).err, "give a PATH"));
  EXPECT_EQ(Parse({"health", "x"}).exit_code, kExitError);
  EXPECT_EQ(Parse({"health"}).command, Command::kHealth);
}

TEST(CommandLineTest, EntityTakesOneIdAndMaxDocuments) {
  CommandLine line =
      Parse({"entity", "country/VN", "--max_documents=5", "--json"});
  ASSERT_EQ(line.command, Command::kEntity) << line.err;
  EXPECT_EQ(line.args, std::vector<std::string>{"country/VN"});
  EXPECT_EQ(line.options.max_documents, 5);
  EXPECT_TRUE(line.options.json);
  EXPECT_EQ(Parse({"entity", "org/un"}).options.max_documents, 0);
  EXPECT_TRUE(absl::StrContains(Parse({"entity"}).err, "give one entity ID"));
  EXPECT_EQ(Parse({"entity", "a", "b"}).exit_code, kExitError);
  EXPECT_EQ(Parse({"entity", "x", "--max_documents=0"}).exit_code, kExitError);
  EXPECT_EQ(Parse({"entity", "x", "--max_documents=1001"}).exit_code,
            kExitError);
  // An option of another command is refused by name.
  EXPECT_TRUE(absl::StrContains(Parse({"--max_documents=5", "get", "x"}).err,
                                "--max_documents does not apply to get"));
  EXPECT_TRUE(absl::StrContains(Parse({"entity", "--help"}).out,
                                "Usage: accordctl entity [OPTIONS] ID"));
}

TEST(CommandLineTest, EntitiesJoinsTheNameAndTakesKindsAndPaging) {
  CommandLine line = Parse({"entities", "Vereinte", "Nat", "--kinds=org,person",
                            "--page_size=3", "--json"});
  ASSERT_EQ(line.command, Command::kEntities) << line.err;
  EXPECT_EQ(line.args, std::vector<std::string>{"Vereinte Nat"});
  EXPECT_EQ(line.options.kinds, (std::vector<accord::v1::EntityKind>{
                                    accord::v1::ENTITY_KIND_ORGANIZATION,
                                    accord::v1::ENTITY_KIND_PERSON}));
  EXPECT_EQ(line.options.page_size, 3);
  EXPECT_TRUE(line.options.json);
  // The kind's own name is taken too; "--" protects a name like "-x".
  line = Parse({"entities", "--kinds", "organization", "--", "Путин"});
  ASSERT_EQ(line.command, Command::kEntities) << line.err;
  EXPECT_EQ(line.args, std::vector<std::string>{"Путин"});
  EXPECT_EQ(line.options.kinds, std::vector<accord::v1::EntityKind>{
                                    accord::v1::ENTITY_KIND_ORGANIZATION});
  EXPECT_TRUE(absl::StrContains(Parse({"entities", "--kinds=city", "x"}).err,
                                "\"city\" is not one of person, country"));
  EXPECT_TRUE(absl::StrContains(Parse({"entities"}).err, "give a NAME"));
  EXPECT_TRUE(absl::StrContains(Parse({"--kinds=org", "search", "x"}).err,
                                "--kinds does not apply to search"));
}

TEST(CommandLineTest, EventsTakesTheTimelinesFilters) {
  CommandLine line =
      Parse({"events", "--participants=country/VN,country/RU",
             "--types=meeting,JOINT_STATEMENT", "--start_date=2017",
             "--end_date", "2018-06", "--place=place/hanoi"});
  ASSERT_EQ(line.command, Command::kEvents) << line.err;
  EXPECT_EQ(line.options.participants,
            (std::vector<std::string>{"country/VN", "country/RU"}));
  EXPECT_EQ(line.options.event_types,
            (std::vector<accord::v1::EventType>{
                accord::v1::EVENT_TYPE_MEETING,
                accord::v1::EVENT_TYPE_JOINT_STATEMENT}));
  EXPECT_EQ(line.options.start_date, "2017");
  EXPECT_EQ(line.options.end_date, "2018-06");
  EXPECT_EQ(line.options.place, "place/hanoi");
  EXPECT_TRUE(
      absl::StrContains(Parse({"events"}).err, "give --participants, --place"));
  EXPECT_TRUE(absl::StrContains(
      Parse({"events", "--place=place/x", "--types=party"}).err,
      "\"party\" is not an event type"));
  EXPECT_TRUE(absl::StrContains(Parse({"events", "--place=p/x", "--", "x"}).err,
                                "takes no arguments"));
}

TEST(CommandLineTest, RelationsTakesOneIdAndKinds) {
  CommandLine line = Parse({"relations", "country/VN", "--kinds=country"});
  ASSERT_EQ(line.command, Command::kRelations) << line.err;
  EXPECT_EQ(line.args, std::vector<std::string>{"country/VN"});
  EXPECT_EQ(line.options.kinds, std::vector<accord::v1::EntityKind>{
                                    accord::v1::ENTITY_KIND_COUNTRY});
  EXPECT_TRUE(
      absl::StrContains(Parse({"relations"}).err, "give one entity ID"));
}

TEST(CommandLineTest, WhenOptionsNameTheirValues) {
  CommandLine line = Parse({"search", "--color=bright", "x"});
  EXPECT_TRUE(absl::StrContains(
      line.err, "--color: \"bright\" is not one of auto, always, never"))
      << line.err;
  EXPECT_EQ(Parse({"search", "x", "--color", "always"}).options.color,
            ColorMode::kAlways);
}

}  // namespace
}  // namespace accord::ctl
