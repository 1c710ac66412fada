// The Prometheus metrics of one Accord server and the HTTP endpoint that
// serves them (GET /metrics, text format).
//
// Every server reports its RPCs (count by method and status code, latency
// by method) and its process (resident and virtual memory, heap in use,
// CPU seconds, threads, open files). Each service adds its own: counters
// it increments (registry()) and gauges read when Prometheus scrapes
// (AddGauge, AddGaugeGroup): the store's figures, the catch-up lag.
//
//   auto metrics = std::make_shared<metrics::ServerMetrics>();
//   metrics->AddGauge("accord_query_catch_up_lag_seconds", "...", [&] {...});
//   absl::StatusOr<int> port = metrics->Serve("127.0.0.1:9090");
#ifndef ACCORD_COMMON_METRICS_SERVER_METRICS_H_
#define ACCORD_COMMON_METRICS_SERVER_METRICS_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace prometheus {
class Exposer;
}

namespace accord::metrics {

// One figure of a group read together (the store's), named by its last
// part: "sst_bytes" in group "accord_store_" is accord_store_sst_bytes.
struct NamedValue {
  std::string name;
  std::string help;
  double value = 0;
};

// Thread-safe.
class ServerMetrics {
 public:
  ServerMetrics();
  ~ServerMetrics();
  ServerMetrics(const ServerMetrics&) = delete;
  ServerMetrics& operator=(const ServerMetrics&) = delete;

  // Where a service registers its counters and histograms.
  prometheus::Registry& registry() { return *registry_; }

  // One finished call of `method` ("/accord.v1.QueryService/GetDocument")
  // that ended with `code` ("OK", "NOT_FOUND").
  void RecordRpc(const std::string& method, const std::string& code,
                 absl::Duration latency);

  // A gauge whose value `read` gives at each scrape. `read` must not
  // block for long: a scrape waits for it.
  void AddGauge(std::string name, std::string help,
                std::function<double()> read);
  // Gauges read together at each scrape, each named `prefix` + its name.
  void AddGaugeGroup(std::string prefix,
                     std::function<std::vector<NamedValue>()> read);

  // Serves /metrics over HTTP on `listen` ("127.0.0.1:9090"; port 0 picks
  // one) from a thread of its own; returns the bound port. Unavailable
  // when the address cannot be bound. At most once.
  absl::StatusOr<int> Serve(const std::string& listen);

  // The text Prometheus would get now (tests, and servers without HTTP).
  std::string Render() const;

 private:
  class ScrapeTimeGauges;

  std::shared_ptr<prometheus::Registry> registry_;
  std::shared_ptr<ScrapeTimeGauges> gauges_;
  prometheus::Family<prometheus::Counter>& rpc_requests_;
  prometheus::Family<prometheus::Histogram>& rpc_seconds_;
  absl::Mutex mu_;
  std::unique_ptr<prometheus::Exposer> exposer_ ABSL_GUARDED_BY(mu_);
};

}  // namespace accord::metrics

#endif  // ACCORD_COMMON_METRICS_SERVER_METRICS_H_
