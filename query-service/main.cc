// accord-query: the query-service binary. Follows the ingest-service's
// store as a RocksDB secondary and serves accord.v1.QueryService.

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/usage.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/metrics/server_metrics.h"
#include "common/rpc/server.h"
#include "common/store/follower.h"
#include "common/store/memory_budget.h"
#include "common/util/command_line.h"
#include "common/util/free_memory.h"
#include "common/util/log.h"
#include "query-service/document_reader.h"
#include "query-service/query_service.h"
#include "query-service/scratch_dir.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50052",
          "host:port to serve gRPC on (0.0.0.0:50052: every interface); "
          "port 0 picks a free port");
ABSL_FLAG(std::string, tls_cert_file, "",
          "PEM certificate chain: serve TLS only (with --tls_key_file)");
ABSL_FLAG(std::string, tls_key_file, "", "PEM private key of --tls_cert_file");
ABSL_FLAG(std::string, tls_client_ca_file, "",
          "PEM CA certificates: clients must present a certificate they "
          "signed (mutual TLS)");
ABSL_FLAG(absl::Duration, tls_reload_interval, absl::Minutes(1),
          "how often the TLS files are read again: a renewed certificate, "
          "key or client CA serves new connections without a restart "
          "(replace each file by renaming a complete one over it)");
ABSL_FLAG(std::string, tokens_file, "",
          "file of \"ROLE TOKEN [CLIENT]\" lines (roles ingest, read, "
          "admin): every call needs a bearer token whose role the method "
          "accepts; needs TLS unless --listen is a loopback address; "
          "read again on SIGHUP");
ABSL_FLAG(bool, public_health, true,
          "with --tokens_file, health checks need no token");
ABSL_FLAG(std::string, log_format, "text",
          "log lines as text (\"TIME I message\") or json (one object a "
          "line: time, severity, message)");
ABSL_FLAG(std::string, health_listen, "",
          "host:port to serve grpc.health.v1.Health alone on, in plaintext "
          "without tokens (probes that cannot speak TLS); empty: none");
ABSL_FLAG(std::string, metrics_listen, "",
          "host:port to serve Prometheus metrics on over HTTP (GET "
          "/metrics); empty: none");
ABSL_FLAG(bool, public_reflection, false,
          "with --tokens_file, reflection needs no token (otherwise any "
          "known token)");
ABSL_FLAG(std::string, data_dir, "accord-data",
          "the ingest-service's store directory (read-only follower)");
ABSL_FLAG(std::string, secondary_dir, "",
          "private directory for the follower's RocksDB files; default: a "
          "fresh directory under $TMPDIR, removed at exit (or, after a "
          "kill, by the next accord-query started there)");
ABSL_FLAG(absl::Duration, catch_up_interval, absl::Milliseconds(100),
          "how often to apply the primary's new writes (the freshness bound)");
ABSL_FLAG(absl::Duration, max_catch_up_lag, absl::Seconds(60),
          "health turns NOT_SERVING when the last successful catch-up "
          "started longer ago than this (GetStoreStatus gives the lag)");
ABSL_FLAG(int, max_message_bytes, 64 << 20, "largest gRPC message");
ABSL_FLAG(int, max_threads, 256,
          "most threads serving gRPC calls, pollers included; a call holds "
          "one while it runs (a watch or a client stream while it is open), "
          "and calls beyond get RESOURCE_EXHAUSTED");
ABSL_FLAG(int64_t, memory_budget_mb, 1024,
          "memory this server may use, in MiB: half for RocksDB's block cache "
          "(the memtables replayed from the ingest-service's log, at most a "
          "quarter, charged to it), half for the rest; at least 256 and at "
          "least half the ingest-service's (README, \"Memory\")");
ABSL_FLAG(std::string, port_file, "",
          "if set, the bound address is written here once serving");
ABSL_FLAG(absl::Duration, keepalive_time, absl::Minutes(1),
          "a connection silent this long gets a ping from the server");
ABSL_FLAG(absl::Duration, keepalive_timeout, absl::Seconds(20),
          "a ping unanswered this long closes the connection and ends its "
          "calls (a client that vanished)");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(10),
          "time in-flight calls get to finish after SIGTERM");

int main(int argc, char** argv) {
  accord::rpc::BlockServerSignals();
  // Before any thread starts (common/util/free_memory.h).
  accord::LimitMallocArenas(4);
  accord::ParseCommandLine(
      argc, argv,
      "Accord query-service: answers typed queries from the store that "
      "accord-ingest writes.\nUsage: accord-query --data_dir=DIR "
      "[--listen=HOST:PORT]");
  if (const std::string format = absl::GetFlag(FLAGS_log_format);
      format == "json") {
    accord::SetLogFormat(accord::LogFormat::kJson);
  } else if (format != "text") {
    accord::LogError("accord-%s: --log_format is text or json, not \"%s\"",
                     "query", format);
    return EXIT_FAILURE;
  }

  // Removed when main returns; made only without --secondary_dir.
  std::unique_ptr<accord::query::ScratchDir> scratch;
  accord::store::FollowerOptions follower_options;
  follower_options.primary_path = absl::GetFlag(FLAGS_data_dir);
  follower_options.secondary_path = absl::GetFlag(FLAGS_secondary_dir);
  if (follower_options.secondary_path.empty()) {
    absl::StatusOr<std::unique_ptr<accord::query::ScratchDir>> made =
        accord::query::ScratchDir::Create({});
    if (!made.ok()) {
      accord::LogError("accord-query: %s", made.status().message());
      return EXIT_FAILURE;
    }
    scratch = *std::move(made);
    follower_options.secondary_path = scratch->path();
  }
  follower_options.catch_up_interval = absl::GetFlag(FLAGS_catch_up_interval);
  follower_options.max_catch_up_lag = absl::GetFlag(FLAGS_max_catch_up_lag);
  const int64_t budget_mb = absl::GetFlag(FLAGS_memory_budget_mb);
  absl::StatusOr<accord::store::MemoryBudget> budget =
      accord::store::MemoryBudget::SplitMiB(
          accord::store::MemoryBudget::Server::kQuery, budget_mb);
  if (!budget.ok()) {
    accord::LogError("accord-query: --memory_budget_mb=%d: %s", budget_mb,
                     budget.status().message());
    return EXIT_FAILURE;
  }
  // What malloc holds free goes back to the kernel every few seconds: RSS
  // follows what the server uses (common/util/free_memory.h).
  accord::FreeMemoryReleaser free_memory_releaser(absl::Seconds(5));
  budget->ApplyTo(&follower_options.store);
  accord::store::Follower follower(follower_options);
  follower.Start();

  absl::StatusOr<std::unique_ptr<accord::analysis::Analyzer>> analyzer =
      accord::analysis::Analyzer::Create();
  if (!analyzer.ok()) {
    accord::LogError("accord-query: %s", analyzer.status().ToString());
    return EXIT_FAILURE;
  }
  accord::query::QueryReaderSet readers(&follower, analyzer->get());
  accord::query::QueryServiceImpl service(readers.readers());
  // What the follower sees, read at each scrape.
  auto metrics = std::make_shared<accord::metrics::ServerMetrics>();
  metrics->AddGauge(
      "accord_query_catch_up_lag_seconds",
      "Time since the last successful catch-up began: writes acknowledged "
      "before then are visible (-1 while no store is open).",
      [&follower] {
        const accord::store::FollowerStatus status = follower.Status();
        if (!status.store_open) return -1.0;
        return absl::ToDoubleSeconds(absl::Now() - status.caught_up_time);
      });
  metrics->AddGauge(
      "accord_query_catch_ups",
      "Successful opens and catch-ups of the store so far.",
      [&follower] { return static_cast<double>(follower.catch_ups()); });
  metrics->AddGauge(
      "accord_query_watches", "WatchDocuments streams open.", [&readers] {
        return static_cast<double>(readers.watcher().active_watches());
      });
  metrics->AddGauge("accord_memory_budget_bytes",
                    "the memory this server may use (--memory_budget_mb)",
                    [total = budget->total_bytes] { return total; });
  metrics->AddGaugeGroup("accord_store_", [&follower] {
    std::vector<accord::metrics::NamedValue> values;
    std::shared_ptr<const accord::store::Store> store = follower.store();
    if (store == nullptr) return values;
    for (accord::store::Store::Figure& figure : store->Figures()) {
      values.push_back(
          {std::move(figure.name), std::move(figure.help), figure.value});
    }
    return values;
  });

  accord::rpc::ServerOptions server_options;
  server_options.name = "accord-query";
  server_options.listen = absl::GetFlag(FLAGS_listen);
  server_options.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  server_options.max_threads = absl::GetFlag(FLAGS_max_threads);
  server_options.keepalive_time = absl::GetFlag(FLAGS_keepalive_time);
  server_options.keepalive_timeout = absl::GetFlag(FLAGS_keepalive_timeout);
  server_options.port_file = absl::GetFlag(FLAGS_port_file);
  server_options.tls.cert_file = absl::GetFlag(FLAGS_tls_cert_file);
  server_options.tls.key_file = absl::GetFlag(FLAGS_tls_key_file);
  server_options.tls.client_ca_file = absl::GetFlag(FLAGS_tls_client_ca_file);
  server_options.tls.reload_interval = absl::GetFlag(FLAGS_tls_reload_interval);
  server_options.auth.tokens_file = absl::GetFlag(FLAGS_tokens_file);
  server_options.auth.public_health = absl::GetFlag(FLAGS_public_health);
  server_options.auth.public_reflection =
      absl::GetFlag(FLAGS_public_reflection);
  server_options.metrics_listen = absl::GetFlag(FLAGS_metrics_listen);
  server_options.health_listen = absl::GetFlag(FLAGS_health_listen);
  server_options.metrics = metrics;
  server_options.shutdown_grace = absl::GetFlag(FLAGS_shutdown_grace);
  // Watches run until their client cancels: end them when shutdown
  // begins, so clients reconnect (to a replica) with their resume token.
  server_options.on_shutdown = [&readers] { readers.watcher().Stop(); };
  accord::LogInfo(
      "accord-query: memory budget %d MiB (block cache %d MiB, memtables at "
      "most %d MiB of it)",
      budget->total_bytes >> 20, budget->block_cache_bytes >> 20,
      budget->memtable_bytes >> 20);
  absl::Status served = accord::rpc::RunServer(
      server_options,
      {{.service = &service,
        .full_name = accord::v1::QueryService::service_full_name(),
        .roles = {accord::rpc::Role::kRead}}},
      [&follower] { return follower.Health(); });
  if (!served.ok()) {
    accord::LogError("accord-query: %s", served.ToString());
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
