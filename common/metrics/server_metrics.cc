#include "common/metrics/server_metrics.h"

#include <dirent.h>
#include <malloc.h>
#include <unistd.h>

#include <exception>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "prometheus/collectable.h"
#include "prometheus/exposer.h"
#include "prometheus/text_serializer.h"

namespace accord::metrics {
namespace {

prometheus::MetricFamily GaugeFamily(std::string name, std::string help,
                                     double value) {
  prometheus::MetricFamily family;
  family.name = std::move(name);
  family.help = std::move(help);
  family.type = prometheus::MetricType::Gauge;
  prometheus::ClientMetric metric;
  metric.gauge.value = value;
  family.metric.push_back(std::move(metric));
  return family;
}

prometheus::MetricFamily CounterFamily(std::string name, std::string help,
                                       double value) {
  prometheus::MetricFamily family = GaugeFamily(name, help, 0);
  family.type = prometheus::MetricType::Counter;
  family.metric[0].counter.value = value;
  return family;
}

std::string ReadProcFile(const char* path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// What /proc says of this process, as the conventional process_* metrics.
void AddProcessFamilies(std::vector<prometheus::MetricFamily>* out) {
  const double page = static_cast<double>(sysconf(_SC_PAGESIZE));
  std::vector<std::string> statm =
      absl::StrSplit(ReadProcFile("/proc/self/statm"), ' ');
  double pages = 0;
  if (statm.size() >= 2 && absl::SimpleAtod(statm[0], &pages)) {
    out->push_back(GaugeFamily("process_virtual_memory_bytes",
                               "Virtual memory size in bytes.", pages * page));
  }
  if (statm.size() >= 2 && absl::SimpleAtod(statm[1], &pages)) {
    out->push_back(GaugeFamily("process_resident_memory_bytes",
                               "Resident memory size in bytes.", pages * page));
  }
  // /proc/self/stat: fields after the command, which is in parentheses and
  // may hold spaces; utime is field 14, stime 15, threads 20, start 22.
  const std::string stat = ReadProcFile("/proc/self/stat");
  const size_t paren = stat.rfind(')');
  if (paren != std::string::npos && paren + 2 < stat.size()) {
    std::vector<std::string> fields =
        absl::StrSplit(stat.substr(paren + 2), ' ');
    double utime = 0, stime = 0, threads = 0;
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    if (fields.size() > 19 && absl::SimpleAtod(fields[11], &utime) &&
        absl::SimpleAtod(fields[12], &stime)) {
      out->push_back(CounterFamily("process_cpu_seconds_total",
                                   "User and system CPU time in seconds.",
                                   (utime + stime) / ticks));
    }
    if (fields.size() > 19 && absl::SimpleAtod(fields[17], &threads)) {
      out->push_back(
          GaugeFamily("process_threads", "Number of OS threads.", threads));
    }
  }
  if (DIR* fds = opendir("/proc/self/fd"); fds != nullptr) {
    double open = 0;
    while (readdir(fds) != nullptr) ++open;
    closedir(fds);
    out->push_back(GaugeFamily("process_open_fds",
                               "Number of open file descriptors.",
                               open - 3));  // ".", ".." and this one
  }
  // The allocator's view: bytes handed out and bytes it keeps free. RSS
  // far above "in use" is memory malloc holds, not memory Accord uses.
  // Another allocator (a sanitizer's) leaves glibc's figures at zero: left
  // out then.
  const struct mallinfo2 info = mallinfo2();
  if (info.arena == 0 && info.hblkhd == 0) return;
  out->push_back(GaugeFamily("accord_malloc_in_use_bytes",
                             "Heap bytes allocated and not freed.",
                             static_cast<double>(info.uordblks + info.hblkhd)));
  out->push_back(GaugeFamily("accord_malloc_free_bytes",
                             "Heap bytes free but kept by the allocator.",
                             static_cast<double>(info.fordblks)));
}

}  // namespace

// Gauges and groups read at each scrape, and the process figures.
class ServerMetrics::ScrapeTimeGauges final : public prometheus::Collectable {
 public:
  struct Gauge {
    std::string name;
    std::string help;
    std::function<double()> read;
  };
  struct Group {
    std::string prefix;
    std::function<std::vector<NamedValue>()> read;
  };

  void Add(Gauge gauge) {
    absl::MutexLock lock(&mu_);
    gauges_.push_back(std::move(gauge));
  }
  void Add(Group group) {
    absl::MutexLock lock(&mu_);
    groups_.push_back(std::move(group));
  }

  std::vector<prometheus::MetricFamily> Collect() const override {
    std::vector<prometheus::MetricFamily> families;
    AddProcessFamilies(&families);
    absl::MutexLock lock(&mu_);
    for (const Gauge& gauge : gauges_) {
      families.push_back(GaugeFamily(gauge.name, gauge.help, gauge.read()));
    }
    for (const Group& group : groups_) {
      for (NamedValue& value : group.read()) {
        families.push_back(GaugeFamily(absl::StrCat(group.prefix, value.name),
                                       std::move(value.help), value.value));
      }
    }
    return families;
  }

 private:
  mutable absl::Mutex mu_;
  std::vector<Gauge> gauges_ ABSL_GUARDED_BY(mu_);
  std::vector<Group> groups_ ABSL_GUARDED_BY(mu_);
};

ServerMetrics::ServerMetrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      gauges_(std::make_shared<ScrapeTimeGauges>()),
      rpc_requests_(prometheus::BuildCounter()
                        .Name("accord_rpc_requests_total")
                        .Help("Finished RPCs by method and status code.")
                        .Register(*registry_)),
      rpc_seconds_(prometheus::BuildHistogram()
                       .Name("accord_rpc_duration_seconds")
                       .Help("Time from a call's arrival to its status, by "
                             "method.")
                       .Register(*registry_)) {}

ServerMetrics::~ServerMetrics() {
  // The HTTP threads read the registry: stop them first.
  absl::MutexLock lock(&mu_);
  exposer_.reset();
}

void ServerMetrics::RecordRpc(const std::string& method,
                              const std::string& code, absl::Duration latency) {
  static const prometheus::Histogram::BucketBoundaries kBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
      0.25,   0.5,   1,      2.5,   5,    10,    30,   60};
  rpc_requests_.Add({{"method", method}, {"code", code}}).Increment();
  rpc_seconds_.Add({{"method", method}}, kBuckets)
      .Observe(absl::ToDoubleSeconds(latency));
}

void ServerMetrics::AddGauge(std::string name, std::string help,
                             std::function<double()> read) {
  gauges_->Add(ScrapeTimeGauges::Gauge{std::move(name), std::move(help),
                                       std::move(read)});
}

void ServerMetrics::AddGaugeGroup(
    std::string prefix, std::function<std::vector<NamedValue>()> read) {
  gauges_->Add(ScrapeTimeGauges::Group{std::move(prefix), std::move(read)});
}

absl::StatusOr<int> ServerMetrics::Serve(const std::string& listen) {
  absl::MutexLock lock(&mu_);
  if (exposer_ != nullptr) {
    return absl::FailedPreconditionError("metrics are already served");
  }
  try {
    // civetweb: one thread answers scrapes; Prometheus sends one at a time.
    exposer_ = std::make_unique<prometheus::Exposer>(listen, 1);
  } catch (const std::exception& e) {
    return absl::UnavailableError(
        absl::StrCat("cannot serve metrics on ", listen, ": ", e.what()));
  }
  exposer_->RegisterCollectable(registry_);
  exposer_->RegisterCollectable(gauges_);
  const std::vector<int> ports = exposer_->GetListeningPorts();
  if (ports.empty()) {
    exposer_.reset();
    return absl::UnavailableError(
        absl::StrCat("cannot serve metrics on ", listen));
  }
  return ports[0];
}

std::string ServerMetrics::Render() const {
  std::vector<prometheus::MetricFamily> families = registry_->Collect();
  for (prometheus::MetricFamily& family : gauges_->Collect()) {
    families.push_back(std::move(family));
  }
  return prometheus::TextSerializer().Serialize(families);
}

}  // namespace accord::metrics
