// accordctl against real servers: folders, streaming, rejections, exit
// codes; the command line an operator meets (help, query words that start
// with '-', durations, content types, --quiet, progress, --color, health).
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "common/testing/time_scale.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

// Runs accordctl with `args` (a shell command line), stderr into stdout;
// returns the exit status and the output.
std::pair<int, std::string> RunCtl(const std::string& args) {
  std::string command = absl::StrCat(ACCORDCTL_BIN, " ", args, " 2>&1");
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0)
    out.append(buffer, n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string Addresses(Cluster& cluster) {
  return absl::StrCat("--ingest_addr=", cluster.ingest().address(),
                      " --query_addr=", cluster.query().address());
}

std::pair<int, std::string> Ctl(Cluster& cluster, const std::string& args) {
  return RunCtl(absl::StrCat(Addresses(cluster), " ", args));
}

// `utf8` (Latin-1 letters only) in ISO-8859-1; '–' becomes '-'.
std::string Latin1(const std::string& utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size(); ++i) {
    unsigned char c = utf8[i];
    if (c == 0xE2) {  // U+2013 EN DASH
      out += '-';
      i += 2;
    } else if (c == 0xC2 || c == 0xC3) {
      out += static_cast<char>((c == 0xC3 ? 0x40 : 0) +
                               static_cast<unsigned char>(utf8[++i]));
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// The document id of the line that ends with `ref` in a bundle report.
std::string IdOf(const std::string& report, const std::string& ref) {
  for (absl::string_view line : absl::StrSplit(report, '\n')) {
    if (!absl::EndsWith(line, ref)) continue;
    std::vector<absl::string_view> fields =
        absl::StrSplit(line, ' ', absl::SkipEmpty());
    if (fields.size() >= 2) return std::string(fields[1]);
  }
  return "";
}

void Write(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(
      std::filesystem::path(path).parent_path());
  std::ofstream(path) << text;
}

TEST(AccordctlTest, StreamsFoldersAndReportsEachDocument) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  const std::string folder = (*cluster)->work_dir() + "/feed";
  Write(folder + "/en.txt",
        "Talks on norms\n\nGeneva (AP) – Delegations discussed norms.\n");
  Write(folder + "/de/de.txt",
        "Gespräche über Normen\n\nBerlin (dpa) – Die Delegationen sprachen "
        "über Normen.\n");
  Write(folder + "/ru.txt",
        "Переговоры о нормах\n\nМосква (ТАСС) – Делегации обсудили нормы.\n");
  Write(folder + "/broken.txt", "caf\xE9 \xFF");

  // A threshold of one byte forces StreamIngest, one document per message.
  auto [code, out] = Ctl(**cluster, absl::StrCat("--stream_threshold_bytes=1 "
                                                 "--chunk_bytes=1 ingest ",
                                                 folder));
  EXPECT_EQ(code, 3) << out;  // stored, with a rejection
  EXPECT_TRUE(absl::StrContains(out, "3 created, 0 unchanged, 1 rejected"))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "INVALID_ENCODING")) << out;
  EXPECT_TRUE(absl::StrContains(out, "broken.txt")) << out;

  std::tie(code, out) =
      Ctl(**cluster, absl::StrCat("ingest ", folder, "/en.txt"));
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "0 created, 1 unchanged, 0 rejected"))
      << out;

  std::tie(code, out) = Ctl(**cluster, "ingest /no/such/folder");
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(absl::StrContains(out, "no such file or folder")) << out;

  std::tie(code, out) = Ctl(**cluster, "get 0123");
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(absl::StrContains(out, "INVALID_ARGUMENT")) << out;
  EXPECT_TRUE(absl::StrContains(out, "[INVALID_DOCUMENT_ID]")) << out;
}

// While the ingest-service's bundle memory is held by another bundle,
// accordctl sends its bundle again after the delay the server asks, and
// gets in once the other is stored; with --busy_wait=0 it fails at once.
// Every attempt shows its progress. A unary and a streamed bundle wait at
// once, behind one held bundle: it takes tens of seconds to fill under the
// sanitizers.
TEST(AccordctlTest, SendsTheBundleAgainWhileTheServerIsBusy) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start(
      {"--memory_budget_mb=256", "--metrics_listen=127.0.0.1:0"});
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  const int metrics_port = MetricsPort((*cluster)->ingest().Log());
  ASSERT_GT(metrics_port, 0) << (*cluster)->ingest().Log();
  const std::string file = (*cluster)->work_dir() + "/note.txt";
  Write(file, "Waiting its turn\n\nA note sent while the server is busy.\n");
  // A streamed bundle is read from its files again and sent again whole.
  const std::string folder = (*cluster)->work_dir() + "/streamed";
  Write(folder + "/a.txt", "First of two\n\nStreamed while busy, one.\n");
  Write(folder + "/b.txt", "Second of two\n\nStreamed while busy, two.\n");
  absl::StatusOr<std::unique_ptr<HeldBundle>> held =
      HeldBundle::Open((*cluster)->ingest_stub(), metrics_port);
  ASSERT_TRUE(held.ok()) << held.status();

  auto [code, out] =
      Ctl(**cluster, absl::StrCat("ingest --busy_wait=0 ", file));
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out, "RESOURCE_EXHAUSTED")) << out;
  EXPECT_TRUE(absl::StrContains(out, "[INGEST_BUSY]")) << out;

  std::pair<int, std::string> unary, streamed;
  std::thread unary_sender(
      [&] { unary = Ctl(**cluster, absl::StrCat("ingest ", file)); });
  std::thread streamed_sender([&] {
    streamed = Ctl(**cluster, absl::StrCat("ingest --stream_threshold_bytes=1 "
                                           "--chunk_bytes=1 --progress=always ",
                                           folder));
  });
  // The held bundle is stored a few seconds after both start.
  absl::SleepFor(testing::Scaled(absl::Seconds(3)));
  const grpc::Status stored = (*held)->Finish();
  unary_sender.join();
  streamed_sender.join();
  EXPECT_TRUE(stored.ok()) << stored.error_message();
  EXPECT_EQ(unary.first, 0) << unary.second;
  EXPECT_TRUE(absl::StrContains(unary.second,
                                "send it again later; sending again in 2s"))
      << unary.second;
  EXPECT_TRUE(
      absl::StrContains(unary.second, "1 created, 0 unchanged, 0 rejected"))
      << unary.second;
  EXPECT_EQ(streamed.first, 0) << streamed.second;
  EXPECT_TRUE(absl::StrContains(streamed.second, "sending again in 2s"))
      << streamed.second;
  // Each attempt shows its progress, the last one too.
  const size_t last_retry = streamed.second.rfind("sending again in 2s");
  ASSERT_NE(last_retry, std::string::npos);
  const std::string after_retry = streamed.second.substr(last_retry);
  EXPECT_TRUE(absl::StrContains(after_retry, "sending 2/2 files"))
      << after_retry;
  EXPECT_TRUE(absl::StrContains(after_retry, "waiting for ingest-service"))
      << after_retry;
  EXPECT_TRUE(
      absl::StrContains(streamed.second, "2 created, 0 unchanged, 0 rejected"))
      << streamed.second;
}

TEST(AccordctlTest, HelpExitsZeroWithCleanUsage) {
  for (const char* args : {"--help", "-h", "search --help", "ingest --help",
                           "get -h", "bundle --help", "health --help"}) {
    auto [code, out] = RunCtl(args);
    EXPECT_EQ(code, 0) << args << "\n" << out;
    EXPECT_TRUE(absl::StrContains(out, "Usage: accordctl")) << args << out;
    EXPECT_FALSE(absl::StrContains(out, "/work")) << args << out;
    EXPECT_FALSE(absl::StrContains(out, ".cc")) << args << out;
  }
  auto [code, out] = RunCtl("search --help");
  EXPECT_TRUE(absl::StrContains(out, "--languages")) << out;
  EXPECT_FALSE(absl::StrContains(out, "--chunk_bytes")) << out;
  std::tie(code, out) = RunCtl("ingest --help");
  EXPECT_TRUE(absl::StrContains(out, "--charset")) << out;

  // No command, or an unknown one: usage error.
  std::tie(code, out) = RunCtl("");
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out, "Usage: accordctl")) << out;
  std::tie(code, out) = RunCtl("serch norms");
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out, "unknown command \"serch\"")) << out;
}

TEST(AccordctlTest, SearchTakesDashWordsAsExclusionsAndRefusesUnknownOptions) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  accord::v1::Bundle bundle = (*cluster)->Ingest(
      {TextInput("Information security talks\n\nHanoi (VNA) – ASEAN members "
                 "discussed information security and cybercrime.\n",
                 "asean"),
       TextInput("Information security dialogue\n\nMoscow (VNA) – Vietnam "
                 "and Russia discussed information security.\n",
                 "bilateral")});
  ASSERT_EQ(bundle.results_size(), 2);
  for (const auto& result : bundle.results()) {
    ASSERT_TRUE((*cluster)->WaitForDocument(result.document_id()).ok());
  }
  const std::string asean = bundle.results(0).document_id();
  const std::string bilateral = bundle.results(1).document_id();

  auto [code, out] = Ctl(**cluster, "search '\"information security\"'");
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "2 matching documents")) << out;

  // -ASEAN as its own word, before or after options, or after "--".
  for (const char* args :
       {"search '\"information security\"' -ASEAN",
        "search -ASEAN --page_size=5 '\"information security\"'",
        "search --page_size 5 -- -ASEAN '\"information security\"'",
        "search '\"information security\" -ASEAN' --languages=en"}) {
    std::tie(code, out) = Ctl(**cluster, args);
    EXPECT_EQ(code, 0) << args << "\n" << out;
    EXPECT_TRUE(absl::StrContains(out, "1 matching documents")) << args << out;
    EXPECT_TRUE(absl::StrContains(out, bilateral)) << args << out;
    EXPECT_FALSE(absl::StrContains(out, asean)) << args << out;
  }

  // A misspelled option is an error that names it, not a query word.
  std::tie(code, out) = Ctl(**cluster, "search norms --no_such_option");
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out, "unknown option --no_such_option")) << out;
  std::tie(code, out) = Ctl(**cluster, "search norms --langauges=en");
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out, "did you mean --languages?")) << out;
  std::tie(code, out) = Ctl(**cluster, "--no_such_option get x");
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out, "--no_such_option")) << out;
}

TEST(AccordctlTest, ColorFollowsGrep) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  accord::v1::Bundle bundle = (*cluster)->Ingest({TextInput(
      "Talks on norms\n\nGeneva (AP) – Delegations discussed norms.\n")});
  ASSERT_TRUE(
      (*cluster)->WaitForDocument(bundle.results(0).document_id()).ok());

  // A pipe is not a terminal: auto is plain text, like never.
  for (const char* color : {"", " --color=never", " --color=auto"}) {
    auto [code, out] =
        Ctl(**cluster, absl::StrCat("search Delegations", color));
    EXPECT_EQ(code, 0) << out;
    EXPECT_TRUE(absl::StrContains(out, "Delegations discussed norms")) << out;
    for (const char* mark : {"«", "»", "<mark>", "\x1b"}) {
      EXPECT_FALSE(absl::StrContains(out, mark)) << color << ": " << out;
    }
  }
  auto [code, out] = Ctl(**cluster, "search --color=always Delegations");
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "\x1b[1mDelegations\x1b[0m")) << out;
  std::tie(code, out) = Ctl(**cluster, "search --color=sometimes norms");
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out, "auto, always, never")) << out;
}

TEST(AccordctlTest, CharsetOptionDecodesLatin1) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  const std::string file = (*cluster)->work_dir() + "/latin1.txt";
  // In ISO-8859-1, which is not UTF-8.
  Write(file, Latin1("Déclaration sur la sécurité\n\nGenève (AFP) – Les "
                     "délégations ont discuté de la sécurité numérique.\n"));

  auto [code, out] = Ctl(**cluster, "ingest " + file);
  EXPECT_EQ(code, 3) << out;
  EXPECT_TRUE(absl::StrContains(out, "REJECTED")) << out;
  EXPECT_TRUE(absl::StrContains(out, "INVALID_ENCODING")) << out;

  std::tie(code, out) =
      Ctl(**cluster, absl::StrCat("ingest --charset=iso-8859-1 ", file));
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "CREATED")) << out;
  const std::string id = IdOf(out, file);
  ASSERT_FALSE(id.empty()) << out;
  ASSERT_TRUE((*cluster)->WaitForDocument(id).ok());
  std::tie(code, out) = Ctl(**cluster, "get " + id);
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "Genève")) << out;

  // The same charset through --content_type: the same document.
  std::tie(code, out) =
      Ctl(**cluster,
          absl::StrCat(
              "ingest --content_type='text/plain; charset=ISO-8859-1' ", file));
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "UNCHANGED")) << out;

  std::tie(code, out) =
      Ctl(**cluster, absl::StrCat("ingest --content_type=plain ", file));
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out, "--content_type")) << out;
}

TEST(AccordctlTest, QuietPrintsOnlyTheSummaryAndRejections) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  const std::string folder = (*cluster)->work_dir() + "/quiet";
  Write(folder + "/a.txt", "Talks\n\nGeneva (AP) – Delegations met.\n");
  Write(folder + "/b.txt", "Talks\n\nBerlin (dpa) – Delegations met again.\n");

  auto [code, out] = Ctl(**cluster, "ingest --quiet " + folder);
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StartsWith(out, "bundle ")) << out;
  EXPECT_TRUE(absl::EndsWith(out, ": 2 created, 0 unchanged, 0 rejected\n"))
      << out;
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;

  Write(folder + "/broken.txt", "caf\xE9 \xFF");
  std::tie(code, out) = Ctl(**cluster, "ingest -q " + folder);
  EXPECT_EQ(code, 3) << out;
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 2) << out;
  EXPECT_TRUE(absl::StartsWith(out, "REJECTED")) << out;
  EXPECT_TRUE(absl::StrContains(out, "0 created, 2 unchanged, 1 rejected"))
      << out;
}

TEST(AccordctlTest, ForcedProgressShowsWhileTheServerHasNotReplied) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  const std::string folder = (*cluster)->work_dir() + "/progress";
  for (int i = 0; i < 20; ++i) {
    Write(absl::StrCat(folder, "/", i, ".txt"),
          absl::StrCat("Report ", i, "\n\nGeneva (AP) – Meeting number ", i,
                       " discussed norms.\n"));
  }
  // A stopped ingest-service cannot reply: whatever accordctl shows before
  // SIGCONT, it showed while waiting.
  ASSERT_EQ(kill((*cluster)->ingest().pid(), SIGSTOP), 0);
  std::string command =
      absl::StrCat(ACCORDCTL_BIN, " ", Addresses(**cluster),
                   " ingest --progress=always --timeout=60s ", folder, " 2>&1");
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string before_reply;
  char line[4096];
  while (fgets(line, sizeof(line), pipe) != nullptr) {
    before_reply += line;
    if (absl::StrContains(line, "waiting for ingest-service")) break;
  }
  kill((*cluster)->ingest().pid(), SIGCONT);
  std::string after;
  size_t n;
  while ((n = fread(line, 1, sizeof(line), pipe)) > 0) after.append(line, n);
  int status = pclose(pipe);
  ASSERT_TRUE(WIFEXITED(status)) << before_reply << after;
  EXPECT_EQ(WEXITSTATUS(status), 0) << before_reply << after;

  EXPECT_TRUE(absl::StrContains(before_reply, "reading 20/20 files"))
      << before_reply;
  EXPECT_TRUE(absl::StrContains(before_reply,
                                absl::StrCat("waiting for ingest-service at ",
                                             (*cluster)->ingest().address())))
      << before_reply;
  EXPECT_FALSE(absl::StrContains(before_reply, "created")) << before_reply;
  EXPECT_TRUE(absl::StrContains(after, "20 created, 0 unchanged, 0 rejected"))
      << after;

  // Not a terminal and not forced: no progress at all.
  auto [code, out] = Ctl(**cluster, "ingest " + folder);
  EXPECT_EQ(code, 0) << out;
  EXPECT_FALSE(absl::StrContains(out, "reading")) << out;
  EXPECT_FALSE(absl::StrContains(out, "waiting")) << out;
}

TEST(AccordctlTest, TimeoutTakesUnitsOrSecondsAndSaysWhatItAccepts) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  for (const char* timeout : {"5", "5s", "500ms", "2m", "1.5"}) {
    auto [code, out] =
        Ctl(**cluster, absl::StrCat("--timeout=", timeout, " search norms"));
    EXPECT_EQ(code, 0) << timeout << ": " << out;
    std::tie(code, out) =
        Ctl(**cluster, absl::StrCat("search norms --timeout ", timeout));
    EXPECT_EQ(code, 0) << timeout << ": " << out;
  }
  auto [code, out] = Ctl(**cluster, "--timeout=abc search norms");
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out, "--timeout")) << out;
  EXPECT_TRUE(absl::StrContains(out, "\"abc\"")) << out;
  EXPECT_TRUE(absl::StrContains(out, "500ms, 5s, 2m")) << out;
}

TEST(AccordctlTest, HealthChecksBothServers) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  // The query-service serves once it has opened the store the
  // ingest-service created.
  Cluster::WaitForHealth((*cluster)->query().address(),
                         grpc::health::v1::HealthCheckResponse::SERVING,
                         absl::Seconds(10));
  auto [code, out] = Ctl(**cluster, "health");
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(
      out, absl::StrCat("ingest-service  ", (*cluster)->ingest().address(),
                        "  SERVING\n")))
      << out;
  EXPECT_TRUE(absl::StrContains(
      out, absl::StrCat("query-service   ", (*cluster)->query().address(),
                        "  SERVING\n")))
      << out;
  // The query-service's GetStoreStatus: open, empty, caught up just now.
  EXPECT_TRUE(absl::StrContains(out, "\nstore:          open, 0 documents\n"))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "\ncatch-up lag:   ")) << out;
  EXPECT_TRUE(absl::StrContains(out,
                                " (catches up every 100ms; NOT_SERVING "
                                "beyond "))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "\ncaught up:      20")) << out;
  EXPECT_FALSE(absl::StrContains(out, "not available")) << out;

  // A stored document shows in the count once the query-service caught up.
  accord::v1::Bundle bundle = (*cluster)->Ingest(
      {TextInput("Talks\n\nGeneva (AP) – Delegations met.\n")});
  ASSERT_TRUE(
      (*cluster)->WaitForDocument(bundle.results(0).document_id()).ok());
  std::tie(code, out) = Ctl(**cluster, "health");
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "store:          open, 1 documents"))
      << out;

  std::tie(code, out) = Ctl(**cluster, "health --json");
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "\"serving\": true")) << out;
  EXPECT_TRUE(absl::StrContains(out, "\"status\": \"SERVING\"")) << out;
  EXPECT_TRUE(absl::StrContains(out, "\"store_open\": true")) << out;
  EXPECT_TRUE(absl::StrContains(out, "\"document_count\": \"1\"")) << out;
  EXPECT_TRUE(absl::StrContains(out, "\"catch_up_interval\": \"0.100s\""))
      << out;

  // An ingest-service that does not answer: not healthy, and why.
  std::tie(code, out) =
      RunCtl(absl::StrCat("--query_addr=", (*cluster)->query().address(),
                          " health --ingest_addr=127.0.0.1:1 --timeout=5s"));
  EXPECT_EQ(code, 1) << out;
  EXPECT_TRUE(absl::StrContains(out,
                                "ingest-service  127.0.0.1:1  UNKNOWN "
                                "(UNAVAILABLE"))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "query-service   ")) << out;
}

}  // namespace
}  // namespace accord::e2e
