// accord-ingest: the ingest-service binary. Turns flags into options,
// opens the store, and serves accord.v1.IngestService until SIGTERM.
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/usage.h"
#include "absl/time/time.h"
#include "common/metrics/server_metrics.h"
#include "common/rpc/server.h"
#include "common/store/memory_budget.h"
#include "common/store/store.h"
#include "common/util/command_line.h"
#include "common/util/free_memory.h"
#include "common/util/log.h"
#include "ingest-service/admin_service.h"
#include "ingest-service/extract/understanding.h"
#include "ingest-service/ingest_service.h"
#include "ingest-service/ingester.h"
#include "ingest-service/normalize/normalizer.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051",
          "host:port to serve gRPC on (0.0.0.0:50051: every interface); "
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
ABSL_FLAG(std::string, backup_dir, "",
          "directory of the store's backups (AdminService.CreateBackup, "
          "accordctl backup); empty: backups disabled");
ABSL_FLAG(int, keep_backups, 7,
          "backups kept in --backup_dir, the oldest removed first");
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
          "directory of the RocksDB store (created if missing)");
ABSL_FLAG(int, max_message_bytes, 64 << 20,
          "largest gRPC message accepted or sent; bigger bundles use "
          "StreamIngest");
ABSL_FLAG(int, max_threads, 256,
          "most threads serving gRPC calls, pollers included; a call holds "
          "one while it runs (a watch or a client stream while it is open), "
          "and calls beyond get RESOURCE_EXHAUSTED");
ABSL_FLAG(int64_t, max_document_bytes, int64_t{8} << 20,
          "documents larger than this are rejected as TOO_LARGE");
ABSL_FLAG(int64_t, max_bundle_bytes, int64_t{1} << 30,
          "total content bytes one bundle may carry (its documents are held "
          "in memory until stored, prepared: about 7 times their "
          "content, within the bundles' quarter of --memory_budget_mb)");
ABSL_FLAG(int64_t, max_wal_bytes, int64_t{128} << 20,
          "write-ahead log kept on disk before RocksDB flushes to free it; "
          "also bounds what a restart replays");
ABSL_FLAG(int64_t, memory_budget_mb, 1024,
          "memory this server may use, in MiB: a quarter for RocksDB's block "
          "cache (memtables, at most an eighth, charged to it), 1/32 for the "
          "story linker's event cache, a quarter for the documents of the "
          "bundles being received (more are refused until they are stored), "
          "the rest for the process; at least "
          "256 (README, \"Memory\")");
ABSL_FLAG(std::string, dictionary_dir, "/usr/share/hunspell",
          "hunspell dictionaries: glued-word repair, and whether a "
          "sentence's first word is an ordinary word (entities); each "
          "language's loads with its first document");
ABSL_FLAG(std::string, port_file, "",
          "if set, the bound address is written here once serving");
ABSL_FLAG(absl::Duration, keepalive_time, absl::Minutes(1),
          "a connection silent this long gets a ping from the server");
ABSL_FLAG(absl::Duration, keepalive_timeout, absl::Seconds(20),
          "a ping unanswered this long closes the connection and ends its "
          "calls (a client that vanished)");
ABSL_FLAG(absl::Duration, stream_idle_timeout, absl::Minutes(5),
          "a StreamIngest whose client sends nothing this long is ended "
          "(DEADLINE_EXCEEDED, nothing of its bundle stored), giving back "
          "its thread and bundle memory; 0: no limit");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(10),
          "time in-flight calls get to finish after SIGTERM");

int main(int argc, char** argv) {
  accord::rpc::BlockServerSignals();
  // Before any thread starts (common/util/free_memory.h).
  accord::LimitMallocArenas(4);
  accord::ParseCommandLine(
      argc, argv,
      "Accord ingest-service: parses bundles, normalizes documents and "
      "stores them in RocksDB.\nUsage: accord-ingest --data_dir=DIR "
      "[--listen=HOST:PORT]");
  if (const std::string format = absl::GetFlag(FLAGS_log_format);
      format == "json") {
    accord::SetLogFormat(accord::LogFormat::kJson);
  } else if (format != "text") {
    accord::LogError("accord-%s: --log_format is text or json, not \"%s\"",
                     "ingest", format);
    return EXIT_FAILURE;
  }

  accord::store::StoreOptions store_options;
  if (absl::GetFlag(FLAGS_max_wal_bytes) <= 0) {
    accord::LogError("accord-ingest: --max_wal_bytes must be positive");
    return EXIT_FAILURE;
  }
  store_options.max_wal_bytes =
      static_cast<uint64_t>(absl::GetFlag(FLAGS_max_wal_bytes));
  const int64_t budget_mb = absl::GetFlag(FLAGS_memory_budget_mb);
  absl::StatusOr<accord::store::MemoryBudget> budget =
      accord::store::MemoryBudget::SplitMiB(
          accord::store::MemoryBudget::Server::kIngest, budget_mb);
  if (!budget.ok()) {
    accord::LogError("accord-ingest: --memory_budget_mb=%d: %s", budget_mb,
                     budget.status().message());
    return EXIT_FAILURE;
  }
  // What malloc holds free goes back to the kernel every few seconds: RSS
  // follows what the server uses (common/util/free_memory.h).
  accord::FreeMemoryReleaser free_memory_releaser(absl::Seconds(5));
  budget->ApplyTo(&store_options);
  const std::string data_dir = absl::GetFlag(FLAGS_data_dir);
  absl::StatusOr<std::unique_ptr<accord::store::Store>> store =
      accord::store::Store::OpenPrimary(data_dir, store_options);
  if (!store.ok()) {
    accord::LogError("accord-ingest: cannot open store %s: %s", data_dir,
                     store.status().ToString());
    return EXIT_FAILURE;
  }

  accord::normalize::NormalizerOptions normalizer_options;
  normalizer_options.dictionary_dir = absl::GetFlag(FLAGS_dictionary_dir);
  accord::normalize::Normalizer normalizer(normalizer_options);

  accord::ingest::IngesterOptions ingester_options;
  ingester_options.max_document_bytes =
      static_cast<size_t>(absl::GetFlag(FLAGS_max_document_bytes));
  ingester_options.max_bundle_bytes =
      static_cast<size_t>(absl::GetFlag(FLAGS_max_bundle_bytes));
  absl::StatusOr<std::unique_ptr<accord::analysis::Analyzer>> analyzer =
      accord::analysis::Analyzer::Create();
  if (!analyzer.ok()) {
    accord::LogError("accord-ingest: %s", analyzer.status().ToString());
    return EXIT_FAILURE;
  }
  // Loads the gazetteer: the team's data compiled in, and Debian's
  // iso-codes and ICU country names. The entity pass shares the
  // normalizer's dictionaries (--dictionary_dir), each language's loaded
  // with its first document.
  accord::extract::UnderstandingOptions understanding_options;
  understanding_options.dictionaries = &normalizer.word_lists();
  understanding_options.analyzer = analyzer->get();
  absl::StatusOr<std::unique_ptr<accord::extract::Understanding>>
      understanding =
          accord::extract::Understanding::Create(understanding_options);
  if (!understanding.ok()) {
    accord::LogError("accord-ingest: cannot load the entity gazetteer: %s",
                     understanding.status().ToString());
    return EXIT_FAILURE;
  }
  ingester_options.understanding = understanding->get();
  ingester_options.story_links.FitEventCache(budget->own_cache_bytes);
  ingester_options.max_bundle_memory_bytes = budget->bundle_memory_bytes;
  accord::ingest::Ingester ingester(store->get(), &normalizer, analyzer->get(),
                                    ingester_options);
  // The store's figures are read at each scrape.
  auto metrics = std::make_shared<accord::metrics::ServerMetrics>();
  metrics->AddGaugeGroup("accord_store_", [&store] {
    std::vector<accord::metrics::NamedValue> values;
    for (accord::store::Store::Figure& figure : (*store)->Figures()) {
      values.push_back(
          {std::move(figure.name), std::move(figure.help), figure.value});
    }
    return values;
  });
  metrics->AddGauge("accord_memory_budget_bytes",
                    "the memory this server may use (--memory_budget_mb)",
                    [total = budget->total_bytes] { return total; });
  metrics->AddGauge(
      "accord_ingest_bundle_memory_bytes",
      "memory the documents of the bundles being received hold until their "
      "commits",
      [&ingester] {
        return static_cast<double>(ingester.bundle_memory().in_use());
      });
  metrics->AddGauge(
      "accord_ingest_bundle_memory_limit_bytes",
      "at this much bundle memory, further bundles are refused "
      "(RESOURCE_EXHAUSTED, INGEST_BUSY): a quarter of the memory budget",
      [&ingester] {
        return static_cast<double>(ingester.bundle_memory().limit());
      });
  accord::ingest::IngestServiceImpl service(
      &ingester, metrics.get(),
      {.stream_idle_timeout = absl::GetFlag(FLAGS_stream_idle_timeout)});
  if (absl::GetFlag(FLAGS_keep_backups) < 1) {
    accord::LogError("accord-ingest: --keep_backups must be at least 1");
    return EXIT_FAILURE;
  }
  accord::ingest::AdminServiceImpl admin(
      store->get(), {.backup_dir = absl::GetFlag(FLAGS_backup_dir),
                     .keep_backups = absl::GetFlag(FLAGS_keep_backups)});

  accord::rpc::ServerOptions server_options;
  server_options.name = "accord-ingest";
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
  accord::LogInfo(
      "accord-ingest: store %s open; memory budget %d MiB (block cache %d "
      "MiB, memtables at most %d MiB of it; event cache %d events; bundles "
      "being received %d MiB)",
      data_dir, budget->total_bytes >> 20, budget->block_cache_bytes >> 20,
      budget->memtable_bytes >> 20,
      ingester_options.story_links.max_cached_events,
      budget->bundle_memory_bytes >> 20);
  absl::Status served = accord::rpc::RunServer(
      server_options,
      {{.service = &service,
        .full_name = accord::v1::IngestService::service_full_name(),
        .roles = {accord::rpc::Role::kIngest},
        // An ingest client reads its own reports; a reader may follow a
        // document's bundle.
        .method_roles = {{"GetBundle",
                          {accord::rpc::Role::kIngest,
                           accord::rpc::Role::kRead}}}},
       // Admin tokens only (admin may call everything).
       {.service = &admin,
        .full_name = accord::v1::AdminService::service_full_name(),
        .roles = {}}},
      [&store] { return (*store)->CheckUsable(); });
  if (!served.ok()) {
    accord::LogError("accord-ingest: %s", served.ToString());
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
