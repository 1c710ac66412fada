// Runs a gRPC server the way both Accord services need it.
//
// RunServer adds what every Accord server has: server reflection (so
// grpcurl and `buf curl` can list and call every method), the standard
// grpc.health.v1.Health service driven by a probe, one log line per RPC,
// message size limits, a cap on gRPC's threads, keepalive pings that end
// the calls of vanished clients, TLS files whose renewals it logs and
// whose certificate's expiry it exports, graceful shutdown on SIGTERM or
// SIGINT, and the token file read again on SIGHUP. `main` turns flags into ServerOptions,
// builds its service, and calls RunServer.
#ifndef ACCORD_COMMON_RPC_SERVER_H_
#define ACCORD_COMMON_RPC_SERVER_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/metrics/server_metrics.h"
#include "common/rpc/auth.h"
#include "common/rpc/credentials.h"
#include "grpcpp/impl/codegen/service_type.h"

namespace accord::rpc {

struct ServerOptions {
  // REQUIRES: address to listen on, "host:port"; port 0 picks a free one.
  std::string listen;
  // TLS and bearer tokens (credentials.h). Default: neither (plaintext,
  // every caller allowed), for a server on a loopback address.
  TlsOptions tls;
  AuthOptions auth;
  // Where to serve grpc.health.v1.Health alone, in plaintext and without
  // tokens, "host:port": for probes that cannot speak TLS (Kubernetes'
  // native gRPC probes) when `tls` is on. Answers Check like the main
  // port. Default: none.
  std::string health_listen;
  // Where to serve Prometheus metrics over HTTP, "host:port" (port 0 picks
  // one; the log says which). Default: none.
  std::string metrics_listen;
  // The server's metrics, with what its service registered; RunServer
  // adds every RPC and the calls in flight. Default: none (RunServer makes
  // its own when metrics_listen is set).
  std::shared_ptr<metrics::ServerMetrics> metrics;
  // Largest request or response message. Default: 64 MiB.
  int max_message_bytes = 64 << 20;
  // When set, the bound address ("127.0.0.1:40123") is written to this file
  // once the server accepts calls, for scripts and tests. Default: unset.
  std::string port_file;
  // How long calls in flight may take to finish after SIGTERM; calls
  // still running then are cancelled. Health turns NOT_SERVING at once.
  // Default: 10 s.
  absl::Duration shutdown_grace = absl::Seconds(10);
  // How often `health_probe` runs. Default: 1 s.
  absl::Duration health_interval = absl::Seconds(1);
  // Threads that wait for calls. gRPC's sync server starts a thread when
  // all pollers are busy and ends it when more than max_pollers are idle;
  // a low maximum makes every burst of concurrent calls create and destroy
  // threads. Default: 2 and 64.
  int min_pollers = 2;
  int max_pollers = 64;
  // Most threads gRPC may run for this server, pollers included: a call
  // holds one from start to end (a watch stream or a client stream for as
  // long as it is open). Once all but the last are serving, that one
  // refuses each new call with RESOURCE_EXHAUSTED ("Server Threadpool
  // Exhausted") instead of starting a thread: a flood of slow calls gets
  // a clear status, not a server that runs out of memory or of the
  // kernel's threads. At least min_pollers + 1. Default: 256.
  int max_threads = 256;
  // How long a connection may be silent before the server pings the
  // client, and how long it then waits for the answer before closing the
  // connection: the calls and watches of a client that vanished (host
  // down, network cut) end within about the sum, not after TCP's 15
  // minutes or more. Default: 1 minute and 20 s.
  absl::Duration keepalive_time = absl::Minutes(1);
  absl::Duration keepalive_timeout = absl::Seconds(20);
  // Name for log lines ("accord-ingest").
  std::string name = "accord";
  // Called once when shutdown begins, before calls in flight are drained:
  // ends the calls that would otherwise run until cancelled (watch
  // streams), so that they end with a clear status within the grace
  // period. Default: none.
  std::function<void()> on_shutdown;
};

// A service to serve and its full name ("accord.v1.IngestService"), under
// which its health is reported, with the roles whose tokens may call it
// when tokens are on (admin always may).
struct ServiceEntry {
  grpc::Service* service;
  std::string full_name;
  RoleSet roles;
  // Methods ("GetBundle") that accept other roles than the service's.
  std::vector<std::pair<std::string, RoleSet>> method_roles = {};
};

// Serves `services` until SIGTERM/SIGINT, then shuts down gracefully. On
// SIGHUP it reads options.auth.tokens_file again and checks the calls
// that arrive from then on against the new tokens; a file that no longer
// loads is logged and counted (accord_auth_token_reloads_total) and the
// tokens in use stay.
// The health status of "" and of each service is SERVING exactly while
// `health_probe` returns OK and no call has ended DATA_LOSS (the store is
// damaged: NOT_SERVING until a restart); the first probe runs before the
// port file is written, and until it has answered every status is
// NOT_SERVING. REQUIRES: called from main before any other
// thread is started (it blocks the signals it handles in every thread).
// Returns non-OK if the server cannot start (e.g. the port is taken).
absl::Status RunServer(const ServerOptions& options,
                       const std::vector<ServiceEntry>& services,
                       std::function<absl::Status()> health_probe);

// Blocks SIGTERM, SIGINT and SIGHUP in the calling thread and the threads
// it will create, so that RunServer's signal thread receives them. Call it
// first in main, before starting any thread.
void BlockServerSignals();

}  // namespace accord::rpc

#endif  // ACCORD_COMMON_RPC_SERVER_H_
