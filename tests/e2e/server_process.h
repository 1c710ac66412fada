// ServerProcess: one Accord server binary running as a child process.
//
// The binary is started with --port_file; Start() returns once the server
// wrote its bound address, so tests never race a half-started server.
#ifndef ACCORD_TESTS_E2E_SERVER_PROCESS_H_
#define ACCORD_TESTS_E2E_SERVER_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace accord::e2e {

class ServerProcess {
 public:
  // Runs `binary` with `args` plus --port_file in `work_dir` and, unless
  // `args` has a --listen, --listen=127.0.0.1:0; stdout and stderr go to
  // `work_dir`/<name>.log.
  static absl::StatusOr<std::unique_ptr<ServerProcess>> Start(
      const std::string& name, const std::string& binary,
      std::vector<std::string> args, const std::string& work_dir,
      absl::Duration timeout = absl::Seconds(30));

  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  // Kills the process if it still runs, then fails the running test if
  // the server's log holds a sanitizer report (ASan, UBSan, LSan, TSan
  // builds): a server's memory error or race fails the test that caused it.
  ~ServerProcess();

  // "127.0.0.1:PORT".
  const std::string& address() const { return address_; }
  pid_t pid() const { return pid_; }

  // Sends `signal` (0: none, just wait) and waits for the exit; returns the
  // wait status.
  absl::StatusOr<int> Stop(int signal,
                           absl::Duration timeout = absl::Seconds(30));
  // The server's log so far.
  std::string Log() const;

 private:
  ServerProcess(pid_t pid, std::string address, std::string log_path)
      : pid_(pid),
        address_(std::move(address)),
        log_path_(std::move(log_path)) {}

  pid_t pid_;
  std::string address_;
  std::string log_path_;
  bool exited_ = false;
};

}  // namespace accord::e2e

#endif  // ACCORD_TESTS_E2E_SERVER_PROCESS_H_
