#include "tests/e2e/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"

extern char** environ;  // unistd.h declares it only with _GNU_SOURCE

namespace accord::e2e {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

// Waits up to `timeout` for `pid` to exit; returns its wait status or -1.
int WaitFor(pid_t pid, absl::Duration timeout) {
  absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    int status = 0;
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return status;
    absl::SleepFor(absl::Milliseconds(10));
  }
  return -1;
}

}  // namespace

absl::StatusOr<std::unique_ptr<ServerProcess>> ServerProcess::Start(
    const std::string& name, const std::string& binary,
    std::vector<std::string> args, const std::string& work_dir,
    absl::Duration timeout) {
  const std::string port_file = absl::StrCat(work_dir, "/", name, ".port");
  const std::string log_path = absl::StrCat(work_dir, "/", name, ".log");
  unlink(port_file.c_str());
  const bool has_listen =
      std::any_of(args.begin(), args.end(), [](const std::string& arg) {
        return absl::StartsWith(arg, "--listen=");
      });
  args.insert(args.begin(), binary);
  if (!has_listen) args.push_back("--listen=127.0.0.1:0");
  args.push_back("--port_file=" + port_file);
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  // A server's scratch files (accord-query's secondary directory when no
  // --secondary_dir is given) go under the test's own directory: a server
  // a test kills leaves nothing behind in /tmp. Built before fork, since
  // the child may only exec.
  std::vector<std::string> env = {"TMPDIR=" + work_dir};
  for (char** var = environ; *var != nullptr; ++var) {
    if (!absl::StartsWith(*var, "TMPDIR=")) env.emplace_back(*var);
  }
  std::vector<char*> envp;
  for (std::string& var : env) envp.push_back(var.data());
  envp.push_back(nullptr);

  pid_t pid = fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (log >= 0) {
      dup2(log, STDOUT_FILENO);
      dup2(log, STDERR_FILENO);
    }
    execve(binary.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    std::string address(absl::StripAsciiWhitespace(ReadAll(port_file)));
    if (!address.empty()) {
      return std::unique_ptr<ServerProcess>(
          new ServerProcess(pid, address, log_path));
    }
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      return absl::InternalError(absl::StrCat(
          name, " exited early (status ", status, "):\n", ReadAll(log_path)));
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return absl::DeadlineExceededError(
      absl::StrCat(name, " did not start in time:\n", ReadAll(log_path)));
}

ServerProcess::~ServerProcess() {
  if (!exited_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  const std::string log = Log();
  for (const char* marker : {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                             "WARNING: ThreadSanitizer", "runtime error:",
                             "ERROR: UndefinedBehaviorSanitizer"}) {
    const size_t at = log.find(marker);
    if (at != std::string::npos) {
      ADD_FAILURE() << "sanitizer report in the log of " << log_path_ << ":\n"
                    << log.substr(at > 200 ? at - 200 : 0, 6000);
      break;
    }
  }
}

absl::StatusOr<int> ServerProcess::Stop(int signal, absl::Duration timeout) {
  if (exited_) return absl::FailedPreconditionError("already stopped");
  kill(pid_, signal);
  int status = WaitFor(pid_, timeout);
  if (status == -1) {
    return absl::DeadlineExceededError(
        absl::StrCat("process ", pid_, " did not exit after signal ", signal));
  }
  exited_ = true;
  return status;
}

std::string ServerProcess::Log() const { return ReadAll(log_path_); }

}  // namespace accord::e2e
