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
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

extern char** environ;

namespace accord::e2e {
namespace {

// The query-service's accord_query_watches.
double OpenWatches(Cluster& cluster) {
  const int port = MetricsPort(cluster.query().Log());
  return port == 0 ? -1
                   : Sample(testing::HttpGet(port, "/metrics"),
                            "accord_query_watches");
}

// Polls until the query-service has `wanted` watches open or `timeout`
// passes; returns the last count.
double WaitForWatches(Cluster& cluster, double wanted, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  double open = OpenWatches(cluster);
  while (open != wanted && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(100));
    open = OpenWatches(cluster);
  }
  return open;
}

TEST(KeepaliveTest, TheWatchOfAClientThatStoppedAnsweringEnds) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster =
      Cluster::Start({}, {"--metrics_listen=127.0.0.1:0", "--keepalive_time=1s",
                          "--keepalive_timeout=1s"});
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  Cluster& servers = **cluster;

  // accordctl watching in a process of its own, which the test then
  // freezes: its connection stays open, but nothing answers on it.
  const std::string out = servers.work_dir() + "/watch.out";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  const std::string address = "--query_addr=" + servers.query().address();
  std::vector<char*> argv = {const_cast<char*>(ACCORDCTL_BIN),
                             const_cast<char*>(address.c_str()),
                             const_cast<char*>("watch"), nullptr};
  pid_t watcher = 0;
  ASSERT_EQ(posix_spawn(&watcher, ACCORDCTL_BIN, &actions, nullptr, argv.data(),
                        environ),
            0);
  posix_spawn_file_actions_destroy(&actions);
  EXPECT_EQ(WaitForWatches(servers, 1, absl::Seconds(20)), 1)
      << servers.query().Log();

  ASSERT_EQ(kill(watcher, SIGSTOP), 0);
  // Pinged after a second, unanswered a second later: closed.
  EXPECT_EQ(WaitForWatches(servers, 0, absl::Seconds(30)), 0)
      << servers.query().Log();

  kill(watcher, SIGKILL);
  int status = 0;
  waitpid(watcher, &status, 0);
}

}  // namespace
}  // namespace accord::e2e
