#include "common/rpc/server.h"

#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/rpc/request_log.h"
#include "common/util/log.h"
#include "google/protobuf/descriptor.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpc/health/v1/health.pb.h"
#include "grpc/impl/codegen/grpc_types.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/resource_quota.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"

namespace accord::rpc {
namespace {

// SIGTERM and SIGINT shut the server down; SIGHUP reads the token file
// again.
sigset_t ServerSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  return set;
}

// The host part of "host:port" ("[::1]:80" -> "[::1]").
std::string ListenHost(const std::string& listen) {
  return listen.substr(0, listen.rfind(':'));
}

// "0.0.0.0:0" bound to port 40123 -> "127.0.0.1:40123": the address a
// local client should dial.
std::string DialAddress(const std::string& listen, int port) {
  std::string host = ListenHost(listen);
  if (host.empty() || host == "0.0.0.0" || host == "[::]" || host == "*") {
    host = "127.0.0.1";
  }
  return absl::StrCat(host, ":", port);
}

// Why gRPC could not listen on `listen`: binds a socket to the same address
// to learn the errno that gRPC only logs. Called after the failure, so the
// answer describes the port as it is now.
std::string WhyCannotListen(const std::string& listen) {
  std::string host = ListenHost(listen);
  const std::string port = listen.substr(listen.rfind(':') + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* addresses = nullptr;
  if (int error =
          getaddrinfo(host.empty() || host == "*" ? nullptr : host.c_str(),
                      port.c_str(), &hints, &addresses);
      error != 0) {
    return absl::StrCat("cannot resolve it: ", gai_strerror(error));
  }
  std::string why = "gRPC refused the address (see its log above)";
  for (addrinfo* a = addresses; a != nullptr; a = a->ai_next) {
    int fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (fd < 0) continue;
    int bound = bind(fd, a->ai_addr, a->ai_addrlen);
    int bind_errno = errno;
    close(fd);
    if (bound == 0) continue;
    if (bind_errno == EADDRINUSE) {
      why = "the address is already in use (another server listens there?)";
    } else if (bind_errno == EACCES) {
      why = "permission denied (ports below 1024 need privileges)";
    } else if (bind_errno == EADDRNOTAVAIL) {
      why = "no network interface of this host has that address";
    } else {
      why = std::strerror(bind_errno);
    }
    break;
  }
  freeaddrinfo(addresses);
  return why;
}

absl::Status WritePortFile(const std::string& path, const std::string& text) {
  // Write then rename, so a reader never sees a partial address.
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << text << "\n";
    if (!out) return absl::UnavailableError("cannot write " + temp);
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) return absl::UnavailableError("cannot rename to " + path);
  return absl::OkStatus();
}

// Reflection answers from the generated descriptor pool, which holds a
// .proto file only if its generated code was linked in. gRPC implements
// grpc.health.v1.Health without generated code, so nothing pulls
// health.pb.o out of the static accord_proto library unless we use it:
// reflection would list the service but fail to describe it. Naming the
// descriptor here links it in every build type; the check below catches
// any other served service whose descriptor is missing.
absl::Status CheckServicesDescribable(
    const std::vector<ServiceEntry>& services) {
  std::vector<std::string> names = {
      grpc::health::v1::HealthCheckRequest::descriptor()
          ->file()
          ->service(0)
          ->full_name()};
  for (const ServiceEntry& entry : services) names.push_back(entry.full_name);
  for (const std::string& name : names) {
    if (google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
            name) == nullptr) {
      return absl::InternalError(absl::StrCat(
          "service ", name,
          " has no descriptor linked in; reflection could not describe it"));
    }
  }
  return absl::OkStatus();
}

// grpc.health.v1.Health.Check, answered from what the main server's
// prober last saw: the service of a health-only port.
class HealthOnlyService final : public grpc::health::v1::Health::Service {
 public:
  explicit HealthOnlyService(std::vector<std::string> services)
      : services_(std::move(services)) {}

  void Set(bool serving) {
    absl::MutexLock lock(&mu_);
    serving_ = serving;
  }

  grpc::Status Check(grpc::ServerContext*,
                     const grpc::health::v1::HealthCheckRequest* request,
                     grpc::health::v1::HealthCheckResponse* response) override {
    if (!request->service().empty() &&
        std::find(services_.begin(), services_.end(), request->service()) ==
            services_.end()) {
      return grpc::Status(grpc::StatusCode::NOT_FOUND,
                          "unknown service " + request->service());
    }
    absl::MutexLock lock(&mu_);
    response->set_status(
        serving_ ? grpc::health::v1::HealthCheckResponse::SERVING
                 : grpc::health::v1::HealthCheckResponse::NOT_SERVING);
    return grpc::Status::OK;
  }

 private:
  const std::vector<std::string> services_;
  absl::Mutex mu_;
  bool serving_ ABSL_GUARDED_BY(mu_) = false;
};

// What a server's TLS files hold, read again on the schedule gRPC reads
// them for new connections (TlsOptions::reload_interval): the certificate
// logged when it changes, files that no longer load warned about (new
// handshakes fail then), and the certificate's expiry exported for
// alerts. Does nothing without TLS. Not thread-safe: one thread calls
// CheckIfDue (the metrics it registers may be read from any).
class TlsFilesMonitor {
 public:
  // Checks the files at once when TLS is on.
  TlsFilesMonitor(std::string server_name, TlsOptions tls,
                  metrics::ServerMetrics* metrics)
      : server_name_(std::move(server_name)), tls_(std::move(tls)) {
    if (tls_.cert_file.empty()) return;
    if (metrics != nullptr) {
      metrics->AddGauge("accord_tls_certificate_expiry_timestamp_seconds",
                        "End of validity (Unix time) of the certificate in "
                        "--tls_cert_file when its files last loaded.",
                        [not_after = not_after_] {
                          return static_cast<double>(not_after->load());
                        });
      metrics->AddGauge("accord_tls_files_valid",
                        "1 when the TLS files loaded when last read (every "
                        "--tls_reload_interval), 0 when they did not: new "
                        "TLS connections fail until they do.",
                        [valid = valid_] { return valid->load(); });
    }
    Check();
  }

  // Checks the files when an interval has passed since the last check.
  void CheckIfDue() {
    if (absl::Now() >= next_check_) Check();
  }

 private:
  void Check() {
    next_check_ = absl::Now() + tls_.reload_interval;
    absl::StatusOr<ServerCertificate> read = CheckServerTlsFiles(tls_);
    if (!read.ok()) {
      valid_->store(0);
      if (problem_ != read.status().message()) {
        problem_ = std::string(read.status().message());
        LogWarning(
            "%s: TLS: %s; new TLS connections fail until the files load "
            "again",
            server_name_, problem_);
      }
      return;
    }
    valid_->store(1);
    not_after_->store(absl::ToUnixSeconds(read->not_after));
    if (read->sha256 != sha256_ || !problem_.empty()) {
      LogInfo("%s: TLS: %s %s %s (SHA-256 %s), valid until %s", server_name_,
              sha256_.empty() ? "serving" : "new connections get",
              tls_.cert_file, read->subject, read->sha256,
              absl::FormatTime("%Y-%m-%d %H:%M:%S UTC", read->not_after,
                               absl::UTCTimeZone()));
    }
    sha256_ = read->sha256;
    problem_.clear();
  }

  const std::string server_name_;
  const TlsOptions tls_;
  absl::Time next_check_ = absl::InfiniteFuture();
  // The certificate last read, and why the files last failed to load.
  std::string sha256_;
  std::string problem_;
  // Shared with the gauges, which may outlive the monitor.
  std::shared_ptr<std::atomic<int>> valid_ =
      std::make_shared<std::atomic<int>>(1);
  std::shared_ptr<std::atomic<int64_t>> not_after_ =
      std::make_shared<std::atomic<int64_t>>(0);
};

}  // namespace

void BlockServerSignals() {
  sigset_t set = ServerSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

absl::Status RunServer(const ServerOptions& options,
                       const std::vector<ServiceEntry>& services,
                       std::function<absl::Status()> health_probe) {
  BlockServerSignals();
  if (absl::Status describable = CheckServicesDescribable(services);
      !describable.ok()) {
    return describable;
  }
  for (const auto& [name, value] :
       {std::pair{"keepalive_time", options.keepalive_time},
        std::pair{"keepalive_timeout", options.keepalive_timeout}}) {
    if (value < absl::Milliseconds(1)) {
      return absl::InvalidArgumentError(
          absl::StrCat(name, " is ", absl::FormatDuration(value),
                       "; it must be at least 1ms"));
    }
  }
  // gRPC would start with fewer pollers than asked, or refuse every call.
  if (options.max_threads < options.min_pollers + 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "max_threads is ", options.max_threads, "; it must be at least ",
        options.min_pollers + 1, " (", options.min_pollers,
        " threads wait for calls, one more serves them)"));
  }
  // Debian's Abseil keeps Mutex deadlock detection on, which records every
  // lock acquisition in a global graph: a cost on every request for a
  // check that belongs in tests.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  grpc::ServerBuilder builder;
  // gRPC sets SO_REUSEPORT by default, so a second server on a busy port
  // would start and silently share its calls with the first. Refuse.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  // The server's keepalive pings find clients that vanished
  // (ServerOptions::keepalive_time).
  auto milliseconds = [](absl::Duration d) {
    return static_cast<int>(std::min<int64_t>(absl::ToInt64Milliseconds(d),
                                              std::numeric_limits<int>::max()));
  };
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS,
                             milliseconds(options.keepalive_time));
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS,
                             milliseconds(options.keepalive_timeout));
  AccessPolicy policy;
  for (const ServiceEntry& entry : services) {
    policy.AllowService(entry.full_name, entry.roles);
    for (const auto& [method, roles] : entry.method_roles) {
      policy.AllowMethod(absl::StrCat(entry.full_name, "/", method), roles);
    }
  }
  std::shared_ptr<TokenAuthProcessor> token_processor;
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      MakeServerCredentials(options.listen, options.tls, options.auth,
                            std::move(policy), &token_processor);
  if (!credentials.ok()) return credentials.status();
  int port = 0;
  builder.AddListeningPort(options.listen, *credentials, &port);
  builder.SetSyncServerOption(grpc::ServerBuilder::MIN_POLLERS,
                              options.min_pollers);
  builder.SetSyncServerOption(grpc::ServerBuilder::MAX_POLLERS,
                              options.max_pollers);
  grpc::ResourceQuota quota(absl::StrCat(options.name, "-threads"));
  quota.SetMaxThreads(options.max_threads);
  builder.SetResourceQuota(quota);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.SetMaxSendMessageSize(options.max_message_bytes);
  for (const ServiceEntry& entry : services) {
    builder.RegisterService(entry.service);
  }
  std::vector<
      std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  // Shared with the metrics' gauge, which may be read after RunServer.
  auto in_flight = std::make_shared<std::atomic<int>>(0);
  std::shared_ptr<metrics::ServerMetrics> metrics = options.metrics;
  if (metrics == nullptr && !options.metrics_listen.empty()) {
    metrics = std::make_shared<metrics::ServerMetrics>();
  }
  if (metrics != nullptr) {
    metrics->AddGauge("accord_rpc_in_flight", "Calls being served.",
                      [in_flight] { return in_flight->load(); });
    // For an alert before calls are refused: in flight near this.
    metrics->AddGauge(
        "accord_rpc_max_threads",
        "Threads gRPC may run for this server (--max_threads); calls beyond "
        "about this many in flight get RESOURCE_EXHAUSTED.",
        [max_threads = options.max_threads] { return max_threads; });
  }
  // What SIGHUP did to the tokens, for an alert on a file that no longer
  // loads.
  prometheus::Family<prometheus::Counter>* token_reloads = nullptr;
  if (metrics != nullptr && token_processor != nullptr) {
    metrics->AddGauge(
        "accord_auth_tokens", "Bearer tokens calls are checked against.",
        [token_processor] {
          return static_cast<double>(token_processor->token_count());
        });
    token_reloads = &prometheus::BuildCounter()
                         .Name("accord_auth_token_reloads_total")
                         .Help(
                             "Token file reloads on SIGHUP, by outcome: "
                             "loaded, or failed (the tokens in use kept).")
                         .Register(metrics->registry());
    // Both series from the start, at 0: an alert on "failed" needs one to
    // compare with before the first failure.
    token_reloads->Add({{"outcome", "loaded"}});
    token_reloads->Add({{"outcome", "failed"}});
  }
  // On SIGHUP: the token file read again and put in use at once. A file
  // that does not load (half written, a typo) leaves the tokens in use as
  // they were: refusing every call would be worse than keeping a token
  // the operator meant to revoke for the minute it takes to fix the file.
  auto reload_tokens = [&] {
    if (token_processor == nullptr) {
      LogInfo("%s: received SIGHUP; no --tokens_file, nothing to reload",
              options.name);
      return;
    }
    absl::StatusOr<TokenTable> tokens =
        TokenTable::Load(options.auth.tokens_file);
    if (!tokens.ok()) {
      if (token_reloads != nullptr) {
        token_reloads->Add({{"outcome", "failed"}}).Increment();
      }
      LogWarning(
          "%s: received SIGHUP; --tokens_file: %s; still using the %d "
          "tokens loaded before",
          options.name, tokens.status().message(),
          token_processor->token_count());
      return;
    }
    const size_t count = tokens->size();
    token_processor->ReplaceTokens(*std::move(tokens));
    if (token_reloads != nullptr) {
      token_reloads->Add({{"outcome", "loaded"}}).Increment();
    }
    LogInfo("%s: received SIGHUP; tokens: %d from %s, in use from now on",
            options.name, count, options.auth.tokens_file);
  };
  // Without TLS, a monitor that never checks anything.
  TlsFilesMonitor tls_files(options.name, options.tls, metrics.get());
  DataLossLatch data_loss;
  interceptors.push_back(NewRequestLogInterceptorFactory(
      in_flight.get(), metrics.get(), &data_loss));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));

  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.listen, ": ",
                     WhyCannotListen(options.listen)));
  }
  LogInfo("%s: listening on %s:%d (%s%s, at most %d threads)", options.name,
          ListenHost(options.listen), port,
          options.tls.cert_file.empty()        ? "plaintext"
          : options.tls.client_ca_file.empty() ? "TLS"
                                               : "mutual TLS",
          options.auth.tokens_file.empty() ? ", no tokens" : ", tokens",
          options.max_threads);
  if (!options.metrics_listen.empty()) {
    absl::StatusOr<int> metrics_port = metrics->Serve(options.metrics_listen);
    if (!metrics_port.ok()) {
      server->Shutdown();
      return metrics_port.status();
    }
    LogInfo("%s: metrics on http://%s:%d/metrics", options.name,
            ListenHost(options.metrics_listen), *metrics_port);
  }

  // The health-only port: plaintext, no tokens, nothing else on it.
  std::vector<std::string> service_names;
  for (const ServiceEntry& entry : services) {
    service_names.push_back(entry.full_name);
  }
  HealthOnlyService health_only(service_names);
  std::unique_ptr<grpc::Server> health_server;
  if (!options.health_listen.empty()) {
    grpc::ServerBuilder health_builder;
    health_builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
    int health_port = 0;
    health_builder.AddListeningPort(
        options.health_listen, grpc::InsecureServerCredentials(), &health_port);
    health_builder.RegisterService(&health_only);
    health_server = health_builder.BuildAndStart();
    if (health_server == nullptr || health_port == 0) {
      server->Shutdown();
      return absl::UnavailableError(
          absl::StrCat("cannot listen on ", options.health_listen, ": ",
                       WhyCannotListen(options.health_listen)));
    }
    LogInfo("%s: health only on %s:%d (plaintext)", options.name,
            ListenHost(options.health_listen), health_port);
  }

  grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
  absl::Mutex mu;
  bool stopping = false;
  bool last_serving = false;
  bool first_probe = true;
  // Every status Accord reports: the whole server's, each service's and
  // the health-only port's.
  auto set_health = [&](bool serving) {
    health->SetServingStatus(serving);
    health_only.Set(serving);
    for (const ServiceEntry& entry : services) {
      health->SetServingStatus(entry.full_name, serving);
    }
  };
  // Probes the store and sets every health status from the answer; logs
  // the first answer and each change.
  auto probe_and_set = [&] {
    absl::Status probe = health_probe();
    // A call that found the store damaged outweighs a probe that did not
    // look where the damage is.
    if (const std::string lost = data_loss.first(); !lost.empty()) {
      probe = absl::DataLossError(
          absl::StrCat("a call found the store damaged: ", lost));
    }
    {
      absl::MutexLock lock(&mu);
      if (stopping) return;
      // Health updates after Shutdown() are ignored by gRPC, but the
      // check above keeps the log quiet too.
      set_health(probe.ok());
    }
    if (first_probe || probe.ok() != last_serving) {
      LogInfo("%s: health %s%s", options.name,
              probe.ok() ? "SERVING" : "NOT_SERVING",
              probe.ok() ? "" : absl::StrCat(" (", probe.ToString(), ")"));
    }
    first_probe = false;
    last_serving = probe.ok();
  };
  // gRPC's health service says SERVING for the whole server from the start
  // (and NOT_FOUND for each service): until the first probe has answered,
  // a readiness check would pass on a query service with no store.
  set_health(false);
  probe_and_set();

  // Last: the port file says the server, its metrics and its health-only
  // port all answer, and what their health says comes from a probe.
  if (!options.port_file.empty()) {
    if (absl::Status written =
            WritePortFile(options.port_file, DialAddress(options.listen, port));
        !written.ok()) {
      server->Shutdown();
      return written;
    }
  }

  std::thread prober([&] {
    while (true) {
      {
        absl::MutexLock lock(&mu);
        mu.AwaitWithTimeout(absl::Condition(&stopping),
                            options.health_interval);
        if (stopping) return;
      }
      probe_and_set();
      tls_files.CheckIfDue();
    }
  });

  std::thread signals([&] {
    sigset_t set = ServerSignals();
    int signal_number = 0;
    while (sigwait(&set, &signal_number) == 0 && signal_number == SIGHUP) {
      reload_tokens();
    }
    LogInfo("%s: received %s, shutting down (grace %s)", options.name,
            signal_number == SIGTERM ? "SIGTERM" : "SIGINT",
            absl::FormatDuration(options.shutdown_grace));
    {
      absl::MutexLock lock(&mu);
      stopping = true;
      health->Shutdown();
      health_only.Set(false);
    }
    if (options.on_shutdown) options.on_shutdown();
    // Drain: let calls in flight finish within the grace period, then shut
    // down at once. gRPC's own Shutdown(deadline) would also wait out the
    // deadline for idle client connections, which never finish anything.
    const absl::Time deadline = absl::Now() + options.shutdown_grace;
    while (in_flight->load() > 0 && absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(10));
    }
    if (in_flight->load() > 0) {
      LogWarning("%s: cancelling %d calls still running after the grace period",
                 options.name, in_flight->load());
    }
    server->Shutdown(absl::ToChronoTime(absl::Now()));
  });

  server->Wait();
  if (health_server != nullptr) {
    health_server->Shutdown(absl::ToChronoTime(absl::Now()));
  }
  signals.join();
  prober.join();
  LogInfo("%s: stopped", options.name);
  return absl::OkStatus();
}

}  // namespace accord::rpc
