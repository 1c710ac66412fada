#include "bench/grpc/servers.h"

#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace accord::bench {
namespace {

const char* CodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return "?";
  }
}

}  // namespace

std::string RpcError(const std::string& method, const grpc::Status& status) {
  return absl::StrFormat(
      "%s failed: %s (%d): %s", method, CodeName(status.error_code()),
      static_cast<int>(status.error_code()), status.error_message());
}

namespace {

// Servers still running, so that every way out stops them.
std::mutex children_mu;
std::vector<ServerChild> children;
std::string work_dir_for_failures;  // guarded by children_mu

// "exited with status 1", "killed by signal 11 (Segmentation fault)".
std::string DescribeWait(int wstatus) {
  if (WIFEXITED(wstatus)) {
    return absl::StrCat("exited with status ", WEXITSTATUS(wstatus));
  }
  if (WIFSIGNALED(wstatus)) {
    return absl::StrCat("killed by signal ", WTERMSIG(wstatus), " (",
                        strsignal(WTERMSIG(wstatus)), ")");
  }
  return "stopped";
}

std::string LogTail(const std::string& path, size_t lines) {
  std::ifstream in(path);
  std::deque<std::string> tail;
  for (std::string line; std::getline(in, line);) {
    tail.push_back(line);
    if (tail.size() > lines) tail.pop_front();
  }
  std::string out;
  for (const std::string& line : tail)
    absl::StrAppend(&out, "  | ", line, "\n");
  return out;
}

// SIGTERM, then waits for a graceful exit (SIGKILL after 30 s). Returns an
// error when the server had already died or did not exit cleanly.
std::optional<std::string> Stop(const ServerChild& child) {
  // Already gone (crashed during the run)?
  int wstatus = 0;
  if (waitpid(child.pid, &wstatus, WNOHANG) == child.pid) {
    return absl::StrCat(child.name, " ", DescribeWait(wstatus),
                        " before it was stopped; its log (", child.log, "):\n",
                        LogTail(child.log, 10));
  }
  kill(child.pid, SIGTERM);
  for (int i = 0; i < 3000; ++i) {
    if (waitpid(child.pid, &wstatus, WNOHANG) == child.pid) {
      if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0) return std::nullopt;
      return absl::StrCat(child.name, " ", DescribeWait(wstatus),
                          " on SIGTERM; see ", child.log);
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
  kill(child.pid, SIGKILL);
  waitpid(child.pid, nullptr, 0);
  return absl::StrCat(child.name,
                      " did not exit within 30 s of SIGTERM; "
                      "killed; see ",
                      child.log);
}

}  // namespace

void SetWorkDirForFailures(std::string dir) {
  std::lock_guard<std::mutex> lock(children_mu);
  work_dir_for_failures = std::move(dir);
}

bool StopAll() {
  std::vector<ServerChild> running;
  {
    std::lock_guard<std::mutex> lock(children_mu);
    running.swap(children);
  }
  bool ok = true;
  // The query-service follows the ingest-service's store: stop it first.
  for (auto it = running.rbegin(); it != running.rend(); ++it) {
    if (std::optional<std::string> error = Stop(*it)) {
      std::cerr << program_invocation_short_name << ": " << *error << "\n";
      ok = false;
    }
  }
  return ok;
}

void Fail(const std::string& message) {
  std::cerr << program_invocation_short_name << ": " << message << "\n";
  StopAll();
  std::string dir;
  {
    std::lock_guard<std::mutex> lock(children_mu);
    dir = work_dir_for_failures;
  }
  if (!dir.empty()) {
    std::cerr << program_invocation_short_name
              << ": work directory (server logs) kept: " << dir << "\n";
  }
  std::exit(1);
}

ServerChild StartServer(const std::string& binary,
                        std::vector<std::string> args, const std::string& name,
                        const std::string& dir) {
  const std::string port_file = dir + "/" + name + ".port";
  // A port file left by an earlier server of that name would be read as
  // this one's.
  std::remove(port_file.c_str());
  ServerChild child;
  child.name = name;
  child.log = dir + "/" + name + ".log";
  args.insert(args.begin(), binary);
  args.push_back("--listen=127.0.0.1:0");
  args.push_back("--port_file=" + port_file);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t parent = getpid();
  child.pid = fork();
  if (child.pid < 0) Fail(absl::StrCat("fork: ", strerror(errno)));
  if (child.pid == 0) {
    // Should grpc_load die without stopping it, the server gets SIGTERM.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(1);
    // Request logs would cost as much as the requests here; keep them
    // in a file.
    FILE* log = std::freopen(child.log.c_str(), "w", stderr);
    (void)log;
    execv(binary.c_str(), argv.data());
    std::fprintf(stderr, "%s: cannot run %s: %s\n",
                 program_invocation_short_name, binary.c_str(),
                 strerror(errno));
    std::fflush(stderr);
    _exit(127);
  }
  {
    std::lock_guard<std::mutex> lock(children_mu);
    children.push_back(child);
  }
  // Polled every 10 ms: start_time measures the start itself.
  for (int i = 0; i < 6000 && child.address.empty(); ++i) {
    int wstatus = 0;
    if (waitpid(child.pid, &wstatus, WNOHANG) == child.pid) {
      {
        std::lock_guard<std::mutex> lock(children_mu);
        children.pop_back();
      }
      Fail(absl::StrCat(name, " (", binary, ") ", DescribeWait(wstatus),
                        " at start; its log (", child.log, "):\n",
                        LogTail(child.log, 10)));
    }
    std::ifstream in(port_file);
    std::getline(in, child.address);
    if (child.address.empty()) absl::SleepFor(absl::Milliseconds(10));
  }
  if (child.address.empty()) {
    Fail(absl::StrCat(name, " did not write ", port_file, " within 60 s; see ",
                      child.log));
  }
  return child;
}

std::shared_ptr<grpc::Channel> Channel(const std::string& address, int id) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 << 20);
  args.SetMaxSendMessageSize(256 << 20);
  // A distinct argument gives each client its own connection.
  args.SetInt("accord.bench.client", id);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(),
                                   args);
}

uint64_t ResidentBytes(pid_t pid) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/status"));
  for (std::string line; std::getline(in, line);) {
    absl::string_view rest = line;
    if (!absl::ConsumePrefix(&rest, "VmRSS:")) continue;
    rest = absl::StripAsciiWhitespace(rest);
    uint64_t kib = 0;
    if (absl::ConsumeSuffix(&rest, " kB") && absl::SimpleAtoi(rest, &kib)) {
      return kib << 10;
    }
  }
  return 0;
}

}  // namespace accord::bench
