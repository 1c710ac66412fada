// A second accord-ingest on a store that one already serves: it must exit
// at once, saying which process holds the store and what to do.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

// Runs `args` (args[0] is the binary) with stdout and stderr in `log_path`
// and returns its wait status, or -1 if it still runs after `timeout` (then
// it is killed).
int RunToExit(std::vector<std::string> args, const std::string& log_path,
              absl::Duration timeout) {
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (log >= 0) {
      dup2(log, STDOUT_FILENO);
      dup2(log, STDERR_FILENO);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  if (pid < 0) return -1;
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return status;
    absl::SleepFor(absl::Milliseconds(20));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return -1;
}

TEST(StoreLockTest, SecondIngestServerOnTheSameStoreExitsNamingTheFirst) {
  testing::TempDir dir;
  const std::string data_dir = dir.Sub("data");
  absl::StatusOr<std::unique_ptr<ServerProcess>> first = ServerProcess::Start(
      "ingest", ACCORD_INGEST_BIN, {"--data_dir=" + data_dir}, dir.path());
  ASSERT_TRUE(first.ok()) << first.status();

  const std::string log_path = dir.Sub("second.log");
  const int status = RunToExit(
      {ACCORD_INGEST_BIN, "--data_dir=" + data_dir, "--listen=127.0.0.1:0",
       "--port_file=" + dir.Sub("second.port")},
      log_path, absl::Seconds(30));
  const std::string log = ReadAll(log_path);
  ASSERT_NE(status, -1) << "the second server kept running:\n" << log;
  ASSERT_TRUE(WIFEXITED(status)) << status << "\n" << log;
  EXPECT_NE(WEXITSTATUS(status), 0) << log;
  EXPECT_TRUE(
      absl::StrContains(log, absl::StrCat("store ", data_dir, " is in use")))
      << log;
  EXPECT_TRUE(absl::StrContains(
      log, absl::StrCat("process ", (*first)->pid(), " (accord-ingest) holds")))
      << log;
  EXPECT_TRUE(absl::StrContains(log, "stop that process")) << log;
  // It never started serving.
  EXPECT_EQ(ReadAll(dir.Sub("second.port")), "");

  // The first server was not disturbed.
  EXPECT_EQ(Cluster::Health((*first)->address()),
            grpc::health::v1::HealthCheckResponse::SERVING);
}

}  // namespace
}  // namespace accord::e2e
