// Connections whose client vanished: the query-service's keepalive pings
// (--keepalive_time, --keepalive_timeout) end the watch of a client that
// no longer answers, freeing its thread and its place among the watches.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/testing/http_get.h"
#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

extern char** environ;

namespace accord::e2e {
namespace {

// A query-service over a fresh store (its ingest-service beside it), with
// metrics and `extra` flags.
struct QueryServer {
  std::unique_ptr<ServerProcess> ingest;
  std::unique_ptr<ServerProcess> query;
  int metrics_port = 0;
};

absl::StatusOr<QueryServer> StartQuery(const testing::TempDir& dir,
                                       const std::vector<std::string>& extra) {
  QueryServer server;
  absl::StatusOr<std::unique_ptr<ServerProcess>> ingest =
      ServerProcess::Start("ingest", ACCORD_INGEST_BIN,
                           {"--data_dir=" + dir.Sub("data")}, dir.path());
  if (!ingest.ok()) return ingest.status();
  server.ingest = *std::move(ingest);
  std::vector<std::string> args = {
      "--data_dir=" + dir.Sub("data"), "--secondary_dir=" + dir.Sub("sec"),
      "--metrics_listen=127.0.0.1:0",
      absl::StrCat("--catch_up_interval=",
                   absl::FormatDuration(kCatchUpInterval))};
  args.insert(args.end(), extra.begin(), extra.end());
  absl::StatusOr<std::unique_ptr<ServerProcess>> query =
      ServerProcess::Start("query", ACCORD_QUERY_BIN, args, dir.path());
  if (!query.ok()) return query.status();
  server.query = *std::move(query);
  server.metrics_port = MetricsPort(server.query->Log());
  if (server.metrics_port == 0) {
    return absl::InternalError("no metrics port in the query-service's log");
  }
  return server;
}

double OpenWatches(const QueryServer& server) {
  return Sample(testing::HttpGet(server.metrics_port, "/metrics"),
                "accord_query_watches");
}

// Polls until the query-service has `wanted` watches open or `timeout`
// passes; returns the last count.
double WaitForWatches(const QueryServer& server, double wanted,
                      absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  double open = OpenWatches(server);
  while (open != wanted && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(100));
    open = OpenWatches(server);
  }
  return open;
}

TEST(KeepaliveTest, TheWatchOfAClientThatStoppedAnsweringEnds) {
  testing::TempDir dir;
  absl::StatusOr<QueryServer> server =
      StartQuery(dir, {"--keepalive_time=1s", "--keepalive_timeout=1s"});
  ASSERT_TRUE(server.ok()) << server.status();

  // accordctl watching in a process of its own, which the test then
  // freezes: its connection stays open, but nothing answers on it.
  const std::string out = dir.Sub("watch.out");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  const std::string address = "--query_addr=" + server->query->address();
  std::vector<char*> argv = {const_cast<char*>(ACCORDCTL_BIN),
                             const_cast<char*>(address.c_str()),
                             const_cast<char*>("watch"), nullptr};
  pid_t watcher = 0;
  ASSERT_EQ(posix_spawn(&watcher, ACCORDCTL_BIN, &actions, nullptr, argv.data(),
                        environ),
            0);
  posix_spawn_file_actions_destroy(&actions);
  EXPECT_EQ(WaitForWatches(*server, 1, absl::Seconds(20)), 1)
      << server->query->Log();

  ASSERT_EQ(kill(watcher, SIGSTOP), 0);
  // Pinged after a second, unanswered a second later: closed.
  EXPECT_EQ(WaitForWatches(*server, 0, absl::Seconds(30)), 0)
      << server->query->Log();

  kill(watcher, SIGKILL);
  int status = 0;
  waitpid(watcher, &status, 0);
}

}  // namespace
}  // namespace accord::e2e
