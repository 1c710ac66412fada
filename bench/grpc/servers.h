// The real accord-ingest and accord-query binaries as child processes of a
// benchmark over gRPC (grpc_load, memory_load): started on loopback with
// their logs in files, stopped with SIGTERM on every way out, and given
// SIGTERM by the kernel should the benchmark itself die.
#ifndef ACCORD_BENCH_GRPC_SERVERS_H_
#define ACCORD_BENCH_GRPC_SERVERS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "grpcpp/grpcpp.h"

namespace accord::bench {

// A server started by StartServer.
struct ServerChild {
  pid_t pid = -1;
  std::string name;     // "ingest", "query"
  std::string address;  // from its port file: "127.0.0.1:PORT"
  std::string log;      // its stderr
};

// "accord.v1.QueryService/GetDocument failed: NOT_FOUND (5): no document ..."
std::string RpcError(const std::string& method, const grpc::Status& status);

// Where Fail() says the server logs were kept.
void SetWorkDirForFailures(std::string dir);

// Prints the error, stops every running server and exits 1.
[[noreturn]] void Fail(const std::string& message);

// Starts `binary` with `args` plus --listen=127.0.0.1:0 and a port file in
// `dir`, its stderr in dir/NAME.log, and waits up to 60 s for the port
// file. Calls Fail() when it dies or does not start.
ServerChild StartServer(const std::string& binary,
                        std::vector<std::string> args, const std::string& name,
                        const std::string& dir);

// Stops every running server (the last started first): SIGTERM, then
// SIGKILL after 30 s. Returns false, having printed why, when one had died
// before or did not exit with status 0.
bool StopAll();

// A plaintext channel of its own (one connection per `id`) with 256 MiB
// message limits.
std::shared_ptr<grpc::Channel> Channel(const std::string& address, int id);

// The resident set size of a process, VmRSS in /proc/PID/status, in bytes;
// 0 when it cannot be read (the process is gone).
uint64_t ResidentBytes(pid_t pid);

}  // namespace accord::bench

#endif  // ACCORD_BENCH_GRPC_SERVERS_H_
