// The five crawler-delivered seed articles, end to end through accordctl
// and gRPC. Runs when ../shared/seeds/ exists beside the repository.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

namespace fs = std::filesystem;
using accord::v1::Document;

std::string SeedsDir() {
  const char* source = std::getenv("ACCORD_SOURCE_DIR");
  return absl::StrCat(source ? source : ".", "/../shared/seeds");
}

// Runs a command; returns its exit status and stdout.
std::pair<int, std::string> RunCommand(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, ""};
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0)
    output.append(buffer, n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

std::string Body(const Document& doc) {
  std::vector<std::string> texts;
  for (const auto& p : doc.paragraphs()) texts.push_back(p.text());
  return absl::StrJoin(texts, "\n\n");
}

// The seed files in name order, and one text input per file.
std::vector<fs::path> SeedFiles() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(SeedsDir())) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<accord::v1::DocumentInput> SeedInputs(
    const std::vector<fs::path>& files) {
  std::vector<accord::v1::DocumentInput> inputs;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    inputs.push_back(
        TextInput(std::string(std::istreambuf_iterator<char>(in), {}),
                  file.filename().string()));
  }
  return inputs;
}

// The documents of a bundle's results, in order, read back through
// query-service once it has caught up.
absl::StatusOr<std::vector<Document>> ReadBack(
    Cluster& cluster, const accord::v1::Bundle& bundle) {
  std::vector<Document> docs;
  for (const auto& result : bundle.results()) {
    absl::StatusOr<Document> doc =
        cluster.WaitForDocument(result.document_id());
    if (!doc.ok()) return doc.status();
    docs.push_back(*std::move(doc));
  }
  return docs;
}

bool HasFragment(const Document& doc, accord::v1::FragmentKind kind,
                 absl::string_view containing = "") {
  for (const auto& fragment : doc.removed_fragments()) {
    if (fragment.kind() == kind &&
        absl::StrContains(fragment.text(), containing)) {
      return true;
    }
  }
  return false;
}

TEST(SeedsTest, SeedArticlesAreNormalizedEndToEnd) {
  if (!fs::is_directory(SeedsDir())) GTEST_SKIP() << "no " << SeedsDir();
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();

  const std::string ctl = absl::StrCat(
      ACCORDCTL_BIN, " --ingest_addr=", (*cluster)->ingest().address(),
      " --query_addr=", (*cluster)->query().address());
  auto [code, out] = RunCommand(absl::StrCat(ctl, " ingest ", SeedsDir()));
  ASSERT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "5 created, 0 unchanged, 0 rejected"))
      << out;
  std::tie(code, out) = RunCommand(absl::StrCat(ctl, " ingest ", SeedsDir()));
  EXPECT_TRUE(absl::StrContains(out, "0 created, 5 unchanged, 0 rejected"))
      << out;

  // Same files over gRPC: unchanged, and the ids to read back.
  const std::vector<fs::path> files = SeedFiles();
  ASSERT_EQ(files.size(), 5u);
  const std::vector<accord::v1::DocumentInput> inputs = SeedInputs(files);
  accord::v1::Bundle bundle = (*cluster)->Ingest(inputs);
  ASSERT_EQ(bundle.counts().unchanged(), 5u);
  absl::StatusOr<std::vector<Document>> read = ReadBack(**cluster, bundle);
  ASSERT_TRUE(read.ok()) << read.status();
  const std::vector<Document>& docs = *read;

  const char* languages[] = {"en", "fr", "en", "de", "en"};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(docs[i].language().code(), languages[i]) << files[i];
    EXPECT_GT(docs[i].language().confidence(), 0.5) << files[i];
  }

  // 000: glued words repaired, dateline and signature taken out.
  const std::string body0 = Body(docs[0]);
  EXPECT_TRUE(absl::StrContains(body0, "Vietnam and Russia")) << body0;
  EXPECT_TRUE(absl::StrContains(body0, "safeguarding international")) << body0;
  EXPECT_TRUE(absl::StrContains(body0, "(ITC), creating")) << body0;
  EXPECT_FALSE(absl::StrContains(body0, "andRussia"));
  EXPECT_EQ(docs[0].dateline().place(), "Da Nang");
  EXPECT_EQ(docs[0].dateline().agency(), "VNA");
  EXPECT_TRUE(HasFragment(docs[0], accord::v1::FRAGMENT_KIND_SIGNATURE));
  EXPECT_FALSE(absl::StrContains(body0, "-VNA"));

  // 001: headline, dateline, captions out, no teaser tail.
  const std::string body1 = Body(docs[1]);
  EXPECT_EQ(
      docs[1].title(),
      "Le Vietnam et la Russie coopèrent sur la sécurité de l’information "
      "internationale");
  EXPECT_EQ(docs[1].dateline().place(), "Dà Nang");
  EXPECT_EQ(docs[1].dateline().agency(), "VNA");
  EXPECT_FALSE(absl::StrContains(body1, "Voir plus"));
  EXPECT_FALSE(absl::StrContains(body1, "Singapour"));
  EXPECT_FALSE(absl::StrContains(body1, "Laos"));
  EXPECT_FALSE(absl::StrContains(body1, "Photo : VNA"));
  EXPECT_TRUE(
      HasFragment(docs[1], accord::v1::FRAGMENT_KIND_TEASER, "Singapour"));
  EXPECT_TRUE(HasFragment(docs[1], accord::v1::FRAGMENT_KIND_CAPTION));

  // 002: headline without its glued caption.
  EXPECT_EQ(docs[2].title(),
            "Vietnam suggests ways to ensure int’l info security at Russia "
            "meeting");
  EXPECT_TRUE(HasFragment(docs[2], accord::v1::FRAGMENT_KIND_CAPTION,
                          "Deputy Minister of Public Security"));
  EXPECT_EQ(docs[2].dateline().place(), "Moscow");
  EXPECT_FALSE(absl::StrContains(Body(docs[2]), "hinh anh"));

  // 003: source line, comment counter, closing mark.
  EXPECT_TRUE(
      absl::StartsWith(docs[3].source().url(), "https://www.vietnamplus.vn/"));
  EXPECT_TRUE(HasFragment(docs[3], accord::v1::FRAGMENT_KIND_SOURCE_LINE));
  EXPECT_TRUE(HasFragment(docs[3], accord::v1::FRAGMENT_KIND_COMMENT_COUNTER));
  EXPECT_FALSE(absl::StrContains(Body(docs[3]), "Kommentar (0)"));

  // 004: headline and publication stamp.
  EXPECT_EQ(docs[4].title(),
            "Conference on Responsible state behaviour in cyberspace");
  EXPECT_EQ(docs[4].publication().iso8601(), "2019-11-28T11:12+07:00");
  EXPECT_TRUE(
      HasFragment(docs[4], accord::v1::FRAGMENT_KIND_PUBLICATION_STAMP));

  // Search over gRPC: the examples, in order.
  std::map<std::string, std::string> file_of;
  for (size_t i = 0; i < docs.size(); ++i) {
    file_of[docs[i].id()] = files[i].filename().string().substr(0, 3);
  }
  auto search = [&](const std::string& query,
                    std::vector<std::string> languages = {}) {
    accord::v1::SearchDocumentsRequest request;
    request.set_query(query);
    for (const auto& l : languages) request.add_languages(l);
    accord::v1::SearchDocumentsResponse response;
    grpc::ClientContext context;
    grpc::Status status =
        (*cluster)->query_stub().SearchDocuments(&context, request, &response);
    EXPECT_TRUE(status.ok()) << query << ": " << status.error_message();
    std::vector<std::string> found;
    for (const auto& hit : response.hits())
      found.push_back(file_of[hit.document_id()]);
    return found;
  };
  EXPECT_EQ(search("Poutine"), std::vector<std::string>({"001"}));
  EXPECT_EQ(search("cybercrime"), std::vector<std::string>({"002"}));
  EXPECT_EQ(search("Cyberkriminalität"), std::vector<std::string>({"003"}));
  std::vector<std::string> phrase = search("\"information security\"");
  ASSERT_GE(phrase.size(), 2u);
  EXPECT_EQ(phrase[0], "000");
  EXPECT_EQ(std::set<std::string>(phrase.begin(), phrase.end()),
            std::set<std::string>({"000", "002", "004"}));
  EXPECT_EQ(search("Tran Dai Quang"), std::vector<std::string>({"001", "000"}));
  EXPECT_EQ(search("Tran Dai Quang", {"en"}),
            std::vector<std::string>({"000"}));

  // accordctl search prints ranked hits with marked snippets (bold when
  // asked for: this output is a pipe).
  std::tie(code, out) =
      RunCommand(absl::StrCat(ctl, " search --color=always Poutine"));
  EXPECT_EQ(code, 0);
  EXPECT_TRUE(absl::StrContains(out, "\x1b[1mPoutine\x1b[0m")) << out;
  EXPECT_TRUE(absl::StrContains(out, "1 matching documents")) << out;

  // accordctl get prints the document.
  std::tie(code, out) = RunCommand(absl::StrCat(ctl, " get ", docs[2].id()));
  EXPECT_EQ(code, 0);
  EXPECT_TRUE(absl::StrContains(out, "title:     Vietnam suggests ways"))
      << out;
}

// Issue 8's "done when", through the real servers: the seeds' entity
// mentions and dates in GetDocument, and GetEntity for Putin.
TEST(SeedsTest, SeedEntitiesAndDatesEndToEnd) {
  if (!fs::is_directory(SeedsDir())) GTEST_SKIP() << "no " << SeedsDir();
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  const std::vector<fs::path> files = SeedFiles();
  ASSERT_EQ(files.size(), 5u);
  const std::vector<accord::v1::DocumentInput> inputs = SeedInputs(files);
  accord::v1::Bundle bundle = (*cluster)->Ingest(inputs);
  ASSERT_EQ(bundle.counts().created(), 5u);
  absl::StatusOr<std::vector<Document>> read = ReadBack(**cluster, bundle);
  ASSERT_TRUE(read.ok()) << read.status();
  const std::vector<Document>& docs = *read;
  auto ids = [](const Document& doc) {
    std::set<std::string> out;
    for (const auto& m : doc.entity_mentions()) out.insert(m.entity_id());
    return out;
  };
  for (int i : {0, 1, 2}) {
    EXPECT_TRUE(ids(docs[i]).contains("person/vladimir-putin")) << files[i];
  }
  for (int i : {0, 1}) {
    EXPECT_TRUE(ids(docs[i]).contains("person/tran-dai-quang")) << files[i];
  }
  EXPECT_FALSE(ids(docs[1]).contains("country/SG"));  // the teaser tail's
  const accord::v1::TemporalExpression* friday = nullptr;
  for (const auto& t : docs[1].temporal_expressions()) {
    if (t.surface() == "vendredi 10 novembre") friday = &t;
  }
  ASSERT_NE(friday, nullptr);
  EXPECT_EQ(friday->value().iso8601(), "2017-11-10");
  EXPECT_EQ(friday->resolution(), accord::v1::TEMPORAL_RESOLUTION_EVIDENCE);
  // Every span points at its surface.
  for (const Document& doc : docs) {
    const std::string body = Body(doc);
    for (const auto& m : doc.entity_mentions()) {
      if (m.span().part() != accord::v1::TEXT_PART_BODY) continue;
      EXPECT_EQ(
          body.substr(m.span().begin(), m.span().end() - m.span().begin()),
          m.surface());
    }
  }

  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  accord::v1::GetEntityRequest request;
  request.set_entity_id("person/vladimir-putin");
  accord::v1::GetEntityResponse response;
  grpc::Status status =
      (*cluster)->query_stub().GetEntity(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  const std::set<std::string> documents(
      response.entity().document_ids().begin(),
      response.entity().document_ids().end());
  EXPECT_EQ(documents,
            (std::set<std::string>{docs[0].id(), docs[1].id(), docs[2].id()}));
  std::set<std::string> languages;
  bool poutine = false;
  for (const auto& name : response.entity().names()) {
    languages.insert(name.language());
    poutine |= name.name() == "Poutine";
  }
  EXPECT_TRUE(languages.contains("en"));
  EXPECT_TRUE(languages.contains("fr"));
  EXPECT_TRUE(poutine);
  EXPECT_GE(response.entity().mention_count(), 3u);

  // Issue 10: SearchEntities finds him from the French name and from
  // Cyrillic, and the UN from its German name.
  for (const auto& [name, id] :
       std::vector<std::pair<std::string, std::string>>{
           {"Poutine", "person/vladimir-putin"},
           {"Путин", "person/vladimir-putin"},
           {"Vereinte Nationen", "org/un"}}) {
    grpc::ClientContext search_context;
    search_context.set_deadline(std::chrono::system_clock::now() +
                                std::chrono::seconds(10));
    accord::v1::SearchEntitiesRequest search;
    search.set_query(name);
    accord::v1::SearchEntitiesResponse found;
    status = (*cluster)->query_stub().SearchEntities(&search_context, search,
                                                     &found);
    ASSERT_TRUE(status.ok()) << name << ": " << status.error_message();
    ASSERT_GE(found.matches_size(), 1) << name;
    EXPECT_EQ(found.matches(0).entity().id(), id) << name;
  }
}

// Issue 9's topics and events, through the real servers: each seed's top
// topic, with evidence whose spans point at their surfaces, and the events
// each seed reports on its own (what needs other documents, such as the
// year 000 gets from 001, is not here).
TEST(SeedsTest, SeedTopicsAndEventsEndToEnd) {
  if (!fs::is_directory(SeedsDir())) GTEST_SKIP() << "no " << SeedsDir();
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  const std::vector<fs::path> files = SeedFiles();
  ASSERT_EQ(files.size(), 5u);
  accord::v1::Bundle bundle = (*cluster)->Ingest(SeedInputs(files));
  ASSERT_EQ(bundle.counts().created(), 5u);
  absl::StatusOr<std::vector<Document>> read = ReadBack(**cluster, bundle);
  ASSERT_TRUE(read.ok()) << read.status();
  const std::vector<Document>& docs = *read;
  const std::vector<std::pair<int, std::string>> top = {
      {0, "topic/information-security"},
      {1, "topic/information-security"},
      {3, "topic/cybercrime"},
      {4, "topic/norms"}};
  for (const auto& [i, topic] : top) {
    ASSERT_GT(docs[i].topics_size(), 0) << files[i];
    EXPECT_EQ(docs[i].topics(0).topic_id(), topic) << files[i];
  }
  for (const Document& doc : docs) {
    const std::string body = Body(doc);
    for (const auto& topic : doc.topics()) {
      EXPECT_GE(topic.score(), 2.0);
      ASSERT_GT(topic.evidence_size(), 0);
      for (const auto& evidence : topic.evidence()) {
        EXPECT_EQ(evidence.derivation().mechanism(),
                  accord::v1::MECHANISM_TOPIC_RULE);
        ASSERT_GT(evidence.spans_size(), 0);
        const auto& span = evidence.spans(0);
        const std::string& text =
            span.part() == accord::v1::TEXT_PART_TITLE ? doc.title() : body;
        EXPECT_EQ(text.substr(span.begin(), span.end() - span.begin()),
                  evidence.surface());
      }
    }
  }

  // The first event of `doc` of `type` with a date and place, if any.
  auto find = [](const Document& doc, accord::v1::EventType type,
                 const std::string& place) -> const accord::v1::EventMention* {
    for (const auto& e : doc.events()) {
      if (e.type() == type && e.place().entity_id() == place) return &e;
    }
    return nullptr;
  };
  auto has = [](const accord::v1::EventMention& e, const std::string& id) {
    for (const auto& p : e.participants()) {
      if (p.entity_id() == id) return true;
    }
    return false;
  };
  // 000 and 001: the joint statement of the two presidents in Da Nang on
  // November 10, about information security.
  for (int i : {0, 1}) {
    const accord::v1::EventMention* statement =
        find(docs[i], accord::v1::EVENT_TYPE_JOINT_STATEMENT, "place/da-nang");
    ASSERT_NE(statement, nullptr) << files[i];
    EXPECT_TRUE(has(*statement, "person/tran-dai-quang")) << files[i];
    EXPECT_TRUE(has(*statement, "person/vladimir-putin")) << files[i];
    EXPECT_EQ(statement->date().value().month(), 11);
    EXPECT_EQ(statement->date().value().day(), 10);
    EXPECT_THAT(statement->topic_ids(),
                ::testing::Contains("topic/information-security"));
    EXPECT_EQ(statement->derivation().mechanism(),
              accord::v1::MECHANISM_EVENT_TRIGGER);
  }
  EXPECT_EQ(
      find(docs[1], accord::v1::EVENT_TYPE_JOINT_STATEMENT, "place/da-nang")
          ->date()
          .value()
          .iso8601(),
      "2017-11-10");
  // 002: the meeting in Tver Region on May 24-25, year unknown, with Bui
  // Van Nam.
  const accord::v1::EventMention* tver = nullptr;
  for (const auto& e : docs[2].events()) {
    if (e.place().name() == "Tver Region") tver = &e;
  }
  ASSERT_NE(tver, nullptr);
  EXPECT_EQ(tver->date().kind(), accord::v1::TEMPORAL_KIND_RANGE);
  EXPECT_EQ(tver->date().value().iso8601(), "XXXX-05-24");
  EXPECT_EQ(tver->date().end().iso8601(), "XXXX-05-25");
  // Bui Van Nam from the trigger's sentence; Nikolai Patrushev from
  // "Opening the event, ..." five sentences on (a definite reference).
  EXPECT_TRUE(has(*tver, "person/bui-van-nam"));
  bool patrushev = false;
  for (const auto& p : tver->participants()) {
    patrushev |= absl::StrContains(p.name(), "Patrushev");
  }
  EXPECT_TRUE(patrushev);
  EXPECT_THAT(tver->derivation().detail(),
              ::testing::HasSubstr("named again as 'the event'"));
  // 003: the signing ceremony in Hanoi on October 25-26; the interview in
  // Moscow.
  const accord::v1::EventMention* signing =
      find(docs[3], accord::v1::EVENT_TYPE_SIGNING, "place/hanoi");
  ASSERT_NE(signing, nullptr);
  EXPECT_EQ(signing->date().value().iso8601(), "XXXX-10-25");
  EXPECT_EQ(signing->date().end().iso8601(), "XXXX-10-26");
  const accord::v1::EventMention* interview =
      find(docs[3], accord::v1::EVENT_TYPE_INTERVIEW, "place/moscow");
  ASSERT_NE(interview, nullptr);
  // 004: the conference in Hanoi on 2019-11-27 by the Ministry of
  // Information and Communications and ASPI; the 2018 ASEAN agreement.
  const accord::v1::EventMention* conference =
      find(docs[4], accord::v1::EVENT_TYPE_CONFERENCE, "place/hanoi");
  ASSERT_NE(conference, nullptr);
  EXPECT_EQ(conference->date().value().iso8601(), "2019-11-27");
  // Its organizers from its own sentence; the speakers of "Attending were
  // Ms. Rebecca Bryant, ..." from the sentence after (a sentence naming
  // an event's parties).
  std::vector<std::string> names;
  for (const auto& p : conference->participants()) names.push_back(p.name());
  EXPECT_THAT(names, ::testing::IsSupersetOf(
                         {"Ministry of Information and Communications of "
                          "Vietnam",
                          "Australian Strategic Policy Institute",
                          "Rebecca Bryant", "Australia"}));
  EXPECT_THAT(conference->derivation().detail(),
              ::testing::HasSubstr("parties named by a later sentence"));
  bool agreement_2018 = false;
  for (const auto& e : docs[4].events()) {
    agreement_2018 |= e.type() == accord::v1::EVENT_TYPE_AGREEMENT &&
                      e.date().value().iso8601() == "2018";
  }
  EXPECT_TRUE(agreement_2018);
}

// Issue 9's stories, through the real servers and in two bundles (stories
// are linked as documents arrive): 000 and 001 tell one story, the joint
// statement is one event with both reports, and 000's "November 10" gets
// 2017 from 001; 002, 003 and 004 are stories of their own.
TEST(SeedsTest, SeedStoriesEndToEnd) {
  if (!fs::is_directory(SeedsDir())) GTEST_SKIP() << "no " << SeedsDir();
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  const std::vector<fs::path> files = SeedFiles();
  ASSERT_EQ(files.size(), 5u);
  const std::vector<accord::v1::DocumentInput> inputs = SeedInputs(files);
  accord::v1::Bundle first = (*cluster)->Ingest({inputs[0], inputs[2]});
  ASSERT_EQ(first.counts().created(), 2u);
  accord::v1::Bundle second =
      (*cluster)->Ingest({inputs[1], inputs[3], inputs[4]});
  ASSERT_EQ(second.counts().created(), 3u);
  absl::StatusOr<std::vector<Document>> read_first = ReadBack(**cluster, first);
  absl::StatusOr<std::vector<Document>> read_second =
      ReadBack(**cluster, second);
  ASSERT_TRUE(read_first.ok() && read_second.ok());
  const std::vector<Document> docs = {(*read_first)[0], (*read_second)[0],
                                      (*read_first)[1], (*read_second)[1],
                                      (*read_second)[2]};

  auto story_of = [&](const std::string& document_id) {
    grpc::ClientContext context;
    accord::v1::GetStoryRequest request;
    request.set_document_id(document_id);
    accord::v1::GetStoryResponse response;
    grpc::Status status =
        (*cluster)->query_stub().GetStory(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.story();
  };
  const accord::v1::Story story = story_of(docs[0].id());
  EXPECT_EQ(story.id(), absl::StrCat("st-", docs[0].id()));
  ASSERT_EQ(story.document_count(), 2u);
  EXPECT_EQ(story.members(0).document_id(), docs[0].id());
  EXPECT_EQ(story.members(1).document_id(), docs[1].id());
  EXPECT_THAT(story.languages(), ::testing::ElementsAre("en", "fr"));
  // 001 joined 000 by the joint statement, with its reasons.
  ASSERT_GE(story.members(1).links_size(), 1);
  const accord::v1::StoryLink& link = story.members(1).links(0);
  EXPECT_EQ(link.linked_document_id(), docs[0].id());
  std::set<std::string> kinds;
  for (const auto& reason : link.reasons()) kinds.insert(reason.kind());
  EXPECT_THAT(
      kinds, ::testing::IsSupersetOf({"type", "date", "place", "participant"}));
  EXPECT_EQ(story_of(docs[1].id()).id(), story.id());

  // 000's "November 10" is 2017-11-10, derived from 001.
  bool completed = false;
  for (const auto& completion : story.completions()) {
    if (completion.document_id() != docs[0].id()) continue;
    const auto& expression =
        docs[0].temporal_expressions(completion.temporal_index());
    EXPECT_EQ(expression.surface(), completion.surface());
    EXPECT_EQ(expression.value().iso8601(), "XXXX-11-10");
    EXPECT_EQ(completion.value().iso8601(), "2017-11-10");
    EXPECT_EQ(completion.derived_from_document_id(), docs[1].id());
    completed = true;
  }
  EXPECT_TRUE(completed);

  // The joint statement: one event reported by both.
  std::string statement_id;
  for (const auto& id : story.members(1).event_ids()) {
    grpc::ClientContext context;
    accord::v1::GetEventRequest request;
    request.set_event_id(id);
    accord::v1::GetEventResponse response;
    ASSERT_TRUE(
        (*cluster)->query_stub().GetEvent(&context, request, &response).ok());
    if (response.event().type() != accord::v1::EVENT_TYPE_JOINT_STATEMENT) {
      continue;
    }
    statement_id = id;
    const accord::v1::Event& event = response.event();
    EXPECT_EQ(event.report_count(), 2u);
    EXPECT_EQ(event.reports(0).document_id(), docs[0].id());
    EXPECT_EQ(event.reports(1).document_id(), docs[1].id());
    EXPECT_EQ(event.date().value().iso8601(), "2017-11-10");
    EXPECT_EQ(event.date_document_id(), docs[1].id());
    EXPECT_EQ(event.place().entity_id(), "place/da-nang");
    std::set<std::string> parties;
    for (const auto& p : event.participants()) parties.insert(p.entity_id());
    EXPECT_THAT(parties, ::testing::IsSupersetOf({"person/tran-dai-quang",
                                                  "person/vladimir-putin"}));
    EXPECT_THAT(event.topic_ids(),
                ::testing::Contains("topic/information-security"));
  }
  EXPECT_FALSE(statement_id.empty());

  for (int i : {2, 3, 4}) {
    const accord::v1::Story alone = story_of(docs[i].id());
    EXPECT_EQ(alone.document_count(), 1u) << files[i];
    EXPECT_EQ(alone.id(), absl::StrCat("st-", docs[i].id())) << files[i];
  }

  // Bad requests are refused with their reasons.
  {
    grpc::ClientContext context;
    accord::v1::GetStoryRequest request;
    accord::v1::GetStoryResponse response;
    grpc::Status status =
        (*cluster)->query_stub().GetStory(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(ErrorReason(status), "STORY_SELECTOR");
  }
  {
    grpc::ClientContext context;
    accord::v1::GetEventRequest request;
    request.set_event_id(absl::StrCat("ev-", docs[2].id(), "-999"));
    accord::v1::GetEventResponse response;
    grpc::Status status =
        (*cluster)->query_stub().GetEvent(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_EQ(ErrorReason(status), "EVENT_NOT_FOUND");
  }

  // accordctl story prints the documents, the link and the completion.
  const std::string ctl = absl::StrCat(
      ACCORDCTL_BIN, " --query_addr=", (*cluster)->query().address());
  auto [code, out] = RunCommand(absl::StrCat(ctl, " story ", docs[0].id()));
  EXPECT_EQ(code, 0);
  EXPECT_TRUE(absl::StrContains(out, "languages:  en, fr")) << out;
  EXPECT_TRUE(absl::StrContains(out, absl::StrCat("joined ", docs[0].id())))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "\"November 10\" -> 2017-11-10")) << out;
  std::tie(code, out) = RunCommand(absl::StrCat(ctl, " event ", statement_id));
  EXPECT_EQ(code, 0);
  EXPECT_TRUE(absl::StrContains(out, "type:     JOINT_STATEMENT")) << out;
  EXPECT_TRUE(absl::StrContains(out, "reports (2 of 2)")) << out;

  // Issue 10: the timeline of Vietnam and Russia lists the joint statement
  // (2017-11-10), the Tver meeting (May 24-25, year unknown) and the
  // signing of the Hanoi Convention (October 25, year unknown), dated
  // events first.
  grpc::ClientContext context;
  accord::v1::ListEventsRequest timeline;
  timeline.add_participant_ids("country/VN");
  timeline.add_participant_ids("country/RU");
  timeline.set_page_size(100);
  accord::v1::ListEventsResponse events;
  grpc::Status listed =
      (*cluster)->query_stub().ListEvents(&context, timeline, &events);
  ASSERT_TRUE(listed.ok()) << listed.error_message();
  int statement = -1, tver = -1, signing = -1;
  for (int i = 0; i < events.events_size(); ++i) {
    const accord::v1::TimelineEvent& e = events.events(i);
    std::set<std::string> parties;
    for (const auto& p : e.event().participants()) {
      parties.insert(p.entity_id());
    }
    if (e.event().id() == statement_id) {
      statement = i;
      EXPECT_EQ(e.placement(), accord::v1::TIMELINE_PLACEMENT_DATED);
      EXPECT_EQ(e.date(), "2017-11-10");
    } else if (e.date() == "XXXX-05-24" &&
               parties.contains("person/bui-van-nam") &&
               parties.contains("person/nikolai-patrushev")) {
      tver = i;
      EXPECT_EQ(e.placement(), accord::v1::TIMELINE_PLACEMENT_YEAR_UNKNOWN);
      EXPECT_EQ(e.event().place().entity_id(), "place/tver-region");
    } else if (e.event().type() == accord::v1::EVENT_TYPE_SIGNING &&
               e.date() == "XXXX-10-25") {
      signing = i;
      EXPECT_EQ(e.event().place().entity_id(), "place/hanoi");
      EXPECT_EQ(e.placement(), accord::v1::TIMELINE_PLACEMENT_YEAR_UNKNOWN);
    }
  }
  EXPECT_GE(statement, 0);
  EXPECT_GT(tver, statement);
  EXPECT_GT(signing, statement);
  std::tie(code, out) = RunCommand(absl::StrCat(
      ctl, " events --participants=country/VN,country/RU --page_size=100"));
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "2017-11-10")) << out;
  EXPECT_TRUE(absl::StrContains(out, "XXXX-05-24 (year unknown)")) << out;

  // GetRelations for Vietnam: Russia, with the topics of their shared
  // events (information security, the joint statement's) and the
  // documents that name both.
  grpc::ClientContext relations_context;
  accord::v1::GetRelationsRequest relations_request;
  relations_request.set_entity_id("country/VN");
  relations_request.add_kinds(accord::v1::ENTITY_KIND_COUNTRY);
  relations_request.set_max_evidence(10);
  accord::v1::GetRelationsResponse relations;
  grpc::Status related = (*cluster)->query_stub().GetRelations(
      &relations_context, relations_request, &relations);
  ASSERT_TRUE(related.ok()) << related.error_message();
  ASSERT_GE(relations.relations_size(), 1);
  const accord::v1::Relation& russia = relations.relations(0);
  EXPECT_EQ(russia.entity_id(), "country/RU");
  EXPECT_GE(russia.event_count(), 3u);
  std::set<std::string> topics;
  for (const auto& t : russia.topics()) topics.insert(t.topic_id());
  EXPECT_TRUE(topics.contains("topic/information-security"));
  const std::set<std::string> evidence(russia.document_ids().begin(),
                                       russia.document_ids().end());
  for (int i : {0, 1, 2, 3}) {
    EXPECT_TRUE(evidence.contains(docs[i].id())) << files[i];
  }
  EXPECT_EQ(russia.first_date(), "2017-11-10");
  std::tie(code, out) =
      RunCommand(absl::StrCat(ctl, " relations country/VN --kinds=country"));
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "country/RU  Russia  (country)")) << out;

  // Facets: the documents naming Vietnam (all five) by language and by
  // country, as the stored documents say.
  grpc::ClientContext facets_context;
  accord::v1::SearchDocumentsRequest facets_request;
  facets_request.add_entity_ids("country/VN");
  facets_request.add_facets(accord::v1::FACET_FIELD_LANGUAGE);
  facets_request.add_facets(accord::v1::FACET_FIELD_COUNTRY);
  facets_request.set_facet_size(100);
  accord::v1::SearchDocumentsResponse faceted;
  grpc::Status searched = (*cluster)->query_stub().SearchDocuments(
      &facets_context, facets_request, &faceted);
  ASSERT_TRUE(searched.ok()) << searched.error_message();
  EXPECT_EQ(faceted.total_size(), 5);
  ASSERT_EQ(faceted.facets_size(), 2);
  std::map<std::string, int64_t> by_language, by_country, expected_countries;
  for (const auto& v : faceted.facets(0).values()) {
    by_language[v.value()] = v.count();
  }
  for (const auto& v : faceted.facets(1).values()) {
    by_country[v.value()] = v.count();
  }
  EXPECT_EQ(by_language,
            (std::map<std::string, int64_t>{{"de", 1}, {"en", 3}, {"fr", 1}}));
  for (const Document& doc : docs) {
    std::set<std::string> countries;
    for (const auto& m : doc.entity_mentions()) {
      if (m.kind() == accord::v1::ENTITY_KIND_COUNTRY) {
        countries.insert(m.entity_id());
      }
    }
    for (const std::string& c : countries) ++expected_countries[c];
  }
  EXPECT_EQ(by_country, expected_countries);
  EXPECT_EQ(by_country["country/VN"], 5);
  EXPECT_EQ(by_country["country/RU"], 4);
  EXPECT_EQ(faceted.facets(1).values(0).label(), "Vietnam");

  // The story filter: 000's story is 000 and 001.
  grpc::ClientContext story_context;
  accord::v1::SearchDocumentsRequest story_request;
  story_request.set_story_id(story.id());
  accord::v1::SearchDocumentsResponse story_docs;
  ASSERT_TRUE((*cluster)
                  ->query_stub()
                  .SearchDocuments(&story_context, story_request, &story_docs)
                  .ok());
  std::set<std::string> story_ids;
  for (const auto& hit : story_docs.hits()) story_ids.insert(hit.document_id());
  EXPECT_EQ(story_ids, (std::set<std::string>{docs[0].id(), docs[1].id()}));

  std::tie(code, out) = RunCommand(absl::StrCat(
      ctl, " search --entities=country/VN,country/RU --facets=language"));
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "4 matching documents")) << out;
  EXPECT_TRUE(absl::StrContains(out, "by language:\n  2  en  English\n"))
      << out;

  // GetStats: the whole store by language, source, topic and month.
  grpc::ClientContext stats_context;
  accord::v1::GetStatsResponse stats;
  ASSERT_TRUE(
      (*cluster)
          ->query_stub()
          .GetStats(&stats_context, accord::v1::GetStatsRequest(), &stats)
          .ok());
  EXPECT_EQ(stats.document_count(), 5);
  ASSERT_EQ(stats.facets_size(), 4);
  std::map<std::string, int64_t> stats_languages;
  for (const auto& v : stats.facets(0).values()) {
    stats_languages[v.value()] = v.count();
  }
  EXPECT_EQ(stats_languages,
            (std::map<std::string, int64_t>{{"de", 1}, {"en", 3}, {"fr", 1}}));
  std::tie(code, out) = RunCommand(absl::StrCat(ctl, " stats 2>&1"));
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "5 documents\n\nby language:\n  3  en"))
      << out;

  // ListStories: four stories; the one more than one document tells is
  // 000 and 001's, in English and French, about information security.
  grpc::ClientContext stories_context;
  accord::v1::ListStoriesRequest stories_request;
  stories_request.set_order_by(accord::v1::STORY_ORDER_LARGEST);
  accord::v1::ListStoriesResponse stories;
  ASSERT_TRUE((*cluster)
                  ->query_stub()
                  .ListStories(&stories_context, stories_request, &stories)
                  .ok());
  EXPECT_EQ(stories.total_size(), 4);
  ASSERT_GE(stories.stories_size(), 1);
  const accord::v1::StorySummary& largest = stories.stories(0);
  EXPECT_EQ(largest.story_id(), story.id());
  EXPECT_EQ(largest.document_count(), 2);
  EXPECT_THAT(largest.document_ids(),
              ::testing::ElementsAre(docs[0].id(), docs[1].id()));
  EXPECT_THAT(largest.languages(), ::testing::ElementsAre("en", "fr"));
  EXPECT_THAT(largest.topic_ids(),
              ::testing::Contains("topic/information-security"));
  std::tie(code, out) =
      RunCommand(absl::StrCat(ctl, " stories --min_documents=2 2>&1"));
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(
      out, absl::StrCat(" 1. ", story.id(), "  2 documents (en, fr)")))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "1 stories")) << out;
}

}  // namespace
}  // namespace accord::e2e
