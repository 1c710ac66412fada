// memory_load: does each server's memory stay within its budget under
// sustained mixed load? Starts the real accord-ingest and accord-query on
// loopback over a fresh store, both with --memory_budget_mb, then for a
// fixed time runs ingest clients (IngestBundle, new generated documents
// all the way) beside search clients (SearchDocuments; every fourth asks
// for facets too), and prints each server's resident set size (VmRSS) every
// few seconds beside the budget. Then, as the reference, it starts fresh
// servers on the store the load left and prints their RSS under search
// alone: what the same store costs a process that has not been under load.
//
//   memory_load --minutes=10 --memory_budget_mb=512
//
// A line per sample, then a summary per server: RSS at the first sample,
// the peak, the peak of the last third (the plateau), the growth from the
// middle third to the last, and whether the peak stayed within the budget.
// Exits 1 on any failed RPC or server failure, 3 when a server's peak RSS
// exceeded its budget.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "accord/v1/ingest_service.grpc.pb.h"
#include "accord/v1/query_service.grpc.pb.h"
#include "bench/corpus/generator.h"
#include "bench/corpus/query_set.h"
#include "bench/grpc/bundles.h"
#include "bench/grpc/servers.h"
#include "grpcpp/grpcpp.h"

ABSL_FLAG(double, minutes, 10, "minutes of mixed load");
ABSL_FLAG(int, ingest_clients, 4, "concurrent IngestBundle clients");
ABSL_FLAG(int, search_clients, 8, "concurrent SearchDocuments clients");
ABSL_FLAG(int, bundle_docs, 100, "documents per IngestBundle call");
ABSL_FLAG(int, sample_seconds, 20, "seconds between RSS samples");
ABSL_FLAG(int, memory_budget_mb, 512,
          "--memory_budget_mb given to both servers; 0: not given (each "
          "server's default, not checked)");
ABSL_FLAG(std::vector<std::string>, server_args, {},
          "more flags for both servers, comma-separated (e.g. "
          "--metrics_listen=127.0.0.1:0)");
ABSL_FLAG(int, reference_seconds, 60,
          "seconds of search-only load on fresh servers after the mixed "
          "load (0: no reference)");
ABSL_FLAG(int, queries, 100, "queries of each kind in the rotation");
ABSL_FLAG(uint64_t, seed, 42, "corpus and query seed");
ABSL_FLAG(std::string, hunspell_dir, "/usr/share/hunspell",
          "where the news corpus reads Debian's hunspell dictionaries");
ABSL_FLAG(std::string, ingest_bin, "build-release/ingest-service/accord-ingest",
          "accord-ingest binary");
ABSL_FLAG(std::string, query_bin, "build-release/query-service/accord-query",
          "accord-query binary");
ABSL_FLAG(std::string, work_dir, "/tmp/accord-memory-load",
          "scratch directory (removed at the end; kept with the server logs "
          "when something fails)");

namespace {

using accord::bench::Channel;
using accord::bench::Fail;
using accord::bench::ResidentBytes;
using accord::bench::RpcError;
using accord::bench::ServerChild;
using accord::bench::StartServer;

constexpr double kMiB = 1 << 20;

struct Sample {
  double seconds = 0;
  int64_t docs = 0;
  int64_t searches = 0;
  double ingest_mb = 0;
  double query_mb = 0;
};

// Counters the load threads share with the sampler.
struct Load {
  std::atomic<int64_t> next_doc{0};
  std::atomic<int64_t> docs_stored{0};
  std::atomic<int64_t> searches{0};
  std::atomic<bool> stop{false};
};

void IngestClient(const accord::bench::CorpusGenerator& corpus,
                  const std::string& address, int id, Load* load) {
  auto stub = accord::v1::IngestService::NewStub(Channel(address, id));
  const int bundle_docs = absl::GetFlag(FLAGS_bundle_docs);
  while (!load->stop.load()) {
    accord::v1::IngestBundleRequest request;
    request.set_submitter(absl::StrCat("memory_load-", id));
    const int64_t first = load->next_doc.fetch_add(bundle_docs);
    for (int64_t i = first; i < first + bundle_docs; ++i) {
      accord::bench::AddGeneratedDocument(corpus.Document(i), &request);
    }
    accord::v1::IngestBundleResponse response;
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Minutes(5)));
    grpc::Status status = stub->IngestBundle(&context, request, &response);
    if (!status.ok()) {
      Fail(RpcError("accord.v1.IngestService/IngestBundle", status));
    }
    load->docs_stored += response.bundle().results_size();
  }
}

void SearchClient(const std::vector<accord::bench::BenchQuery>& queries,
                  const std::string& address, int id, Load* load) {
  auto stub = accord::v1::QueryService::NewStub(Channel(address, id));
  size_t i = static_cast<size_t>(id) * 7919;
  while (!load->stop.load()) {
    accord::v1::SearchDocumentsRequest request;
    request.set_query(queries[i % queries.size()].text);
    if (i % 4 == 0) {
      request.add_facets(accord::v1::FACET_FIELD_LANGUAGE);
      request.add_facets(accord::v1::FACET_FIELD_COUNTRY);
      request.add_facets(accord::v1::FACET_FIELD_PERSON);
    }
    ++i;
    accord::v1::SearchDocumentsResponse response;
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    grpc::Status status = stub->SearchDocuments(&context, request, &response);
    if (!status.ok()) {
      Fail(absl::StrCat(
          RpcError("accord.v1.QueryService/SearchDocuments", status),
          " (query: ", request.query(), ")"));
    }
    ++load->searches;
  }
}

// Waits until a search for a word of the first document answers from the
// query-service (it follows the store the ingest-service writes).
void AwaitQueryService(const std::string& address,
                       const std::vector<accord::bench::BenchQuery>& queries) {
  auto stub = accord::v1::QueryService::NewStub(Channel(address, 0));
  grpc::Status last;
  for (int attempt = 0; attempt < 600; ++attempt) {
    accord::v1::SearchDocumentsRequest request;
    request.set_query(queries.front().text);
    accord::v1::SearchDocumentsResponse response;
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    last = stub->SearchDocuments(&context, request, &response);
    if (last.ok()) return;
    absl::SleepFor(absl::Milliseconds(100));
  }
  Fail(absl::StrCat("the query-service did not answer within 60 s: ",
                    RpcError("accord.v1.QueryService/SearchDocuments", last)));
}

std::vector<std::string> ServerArgs(const std::string& dir, bool query) {
  std::vector<std::string> args = {"--data_dir=" + dir + "/data"};
  if (query) args.push_back("--secondary_dir=" + dir + "/secondary");
  if (int budget = absl::GetFlag(FLAGS_memory_budget_mb); budget > 0) {
    args.push_back(absl::StrCat("--memory_budget_mb=", budget));
  }
  for (const std::string& arg : absl::GetFlag(FLAGS_server_args)) {
    args.push_back(arg);
  }
  return args;
}

// Runs `ingest_clients` and `search_clients` for `seconds`, sampling RSS.
std::vector<Sample> RunLoad(const accord::bench::CorpusGenerator& corpus,
                            const std::vector<accord::bench::BenchQuery>& q,
                            const ServerChild& ingest, const ServerChild& query,
                            int ingest_clients, int search_clients,
                            double seconds, int64_t first_doc) {
  Load load;
  load.next_doc = first_doc;
  std::vector<std::thread> threads;
  for (int c = 0; c < ingest_clients; ++c) {
    threads.emplace_back(IngestClient, std::cref(corpus), ingest.address, c + 1,
                         &load);
  }
  for (int c = 0; c < search_clients; ++c) {
    threads.emplace_back(SearchClient, std::cref(q), query.address,
                         ingest_clients + c + 1, &load);
  }
  std::vector<Sample> samples;
  const absl::Time start = absl::Now();
  const absl::Duration every =
      absl::Seconds(absl::GetFlag(FLAGS_sample_seconds));
  const int budget = absl::GetFlag(FLAGS_memory_budget_mb);
  for (absl::Time next = start + every;; next += every) {
    absl::SleepFor(std::max(absl::ZeroDuration(), next - absl::Now()));
    Sample s;
    s.seconds = absl::ToDoubleSeconds(absl::Now() - start);
    s.docs = load.docs_stored.load();
    s.searches = load.searches.load();
    s.ingest_mb = ResidentBytes(ingest.pid) / kMiB;
    s.query_mb = ResidentBytes(query.pid) / kMiB;
    samples.push_back(s);
    absl::PrintF(
        "%6.0f s | %8d docs | %8d searches | ingest RSS %6.1f MB | query RSS "
        "%6.1f MB | budget %s\n",
        s.seconds, s.docs, s.searches, s.ingest_mb, s.query_mb,
        budget > 0 ? absl::StrCat(budget, " MB each") : "server default");
    std::fflush(stdout);
    if (s.seconds >= seconds) break;
  }
  load.stop = true;
  for (std::thread& t : threads) t.join();
  return samples;
}

struct Summary {
  double first = 0, peak = 0, middle_peak = 0, last_peak = 0;
};

Summary Summarize(const std::vector<Sample>& samples, double Sample::*field) {
  Summary s;
  const size_t n = samples.size();
  for (size_t i = 0; i < n; ++i) {
    const double v = samples[i].*field;
    if (i == 0) s.first = v;
    s.peak = std::max(s.peak, v);
    if (3 * i >= n && 3 * i < 2 * n) s.middle_peak = std::max(s.middle_peak, v);
    if (3 * i >= 2 * n) s.last_peak = std::max(s.last_peak, v);
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Each server's RSS under sustained mixed load (ingest and search) "
      "beside its --memory_budget_mb, then fresh servers on the same store "
      "as the reference.");
  absl::ParseCommandLine(argc, argv);
  signal(SIGPIPE, SIG_IGN);
  if (absl::GetFlag(FLAGS_minutes) <= 0 ||
      absl::GetFlag(FLAGS_ingest_clients) < 1 ||
      absl::GetFlag(FLAGS_search_clients) < 1 ||
      absl::GetFlag(FLAGS_bundle_docs) < 1 ||
      absl::GetFlag(FLAGS_sample_seconds) < 1 ||
      absl::GetFlag(FLAGS_queries) < 1 ||
      absl::GetFlag(FLAGS_memory_budget_mb) < 0 ||
      absl::GetFlag(FLAGS_reference_seconds) < 0) {
    std::cerr << "memory_load: --minutes must be positive; --ingest_clients, "
                 "--search_clients, --bundle_docs, --sample_seconds and "
                 "--queries at least 1; --memory_budget_mb and "
                 "--reference_seconds at least 0\n";
    return 2;
  }
  accord::bench::CorpusOptions corpus_options;
  corpus_options.seed = absl::GetFlag(FLAGS_seed);
  corpus_options.dictionary_dir = absl::GetFlag(FLAGS_hunspell_dir);
  absl::StatusOr<std::unique_ptr<accord::bench::CorpusGenerator>> corpus =
      accord::bench::CorpusGenerator::Create(corpus_options);
  if (!corpus.ok()) {
    std::cerr << "memory_load: " << corpus.status() << "\n";
    return 1;
  }
  // Queries over the vocabulary of the first 20k documents: the load
  // ingests at least that many in its first minutes.
  const std::vector<accord::bench::BenchQuery> queries =
      accord::bench::GenerateQueries(**corpus, 20000,
                                     absl::GetFlag(FLAGS_queries));

  const std::string dir = absl::GetFlag(FLAGS_work_dir);
  accord::bench::SetWorkDirForFailures(dir);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const int budget = absl::GetFlag(FLAGS_memory_budget_mb);
  const double minutes = absl::GetFlag(FLAGS_minutes);
  absl::PrintF(
      "--- mixed load: %d ingest clients (%d documents per bundle), %d search "
      "clients, %.1f minutes; --memory_budget_mb=%s\n",
      absl::GetFlag(FLAGS_ingest_clients), absl::GetFlag(FLAGS_bundle_docs),
      absl::GetFlag(FLAGS_search_clients), minutes,
      budget > 0 ? absl::StrCat(budget) : "(not given)");
  std::fflush(stdout);

  ServerChild ingest = StartServer(absl::GetFlag(FLAGS_ingest_bin),
                                   ServerArgs(dir, false), "ingest", dir);
  ServerChild query = StartServer(absl::GetFlag(FLAGS_query_bin),
                                  ServerArgs(dir, true), "query", dir);
  const double ingest_start_mb = ResidentBytes(ingest.pid) / kMiB;
  const double query_start_mb = ResidentBytes(query.pid) / kMiB;
  absl::PrintF("at start: ingest RSS %.1f MB, query RSS %.1f MB\n",
               ingest_start_mb, query_start_mb);
  std::fflush(stdout);
  const std::vector<Sample> samples = RunLoad(
      **corpus, queries, ingest, query, absl::GetFlag(FLAGS_ingest_clients),
      absl::GetFlag(FLAGS_search_clients), minutes * 60, 0);
  const int64_t docs = samples.back().docs;
  if (!accord::bench::StopAll()) Fail("a server failed under the load");

  double ingest_reference = 0, query_reference = 0;
  if (const int seconds = absl::GetFlag(FLAGS_reference_seconds); seconds > 0) {
    absl::PrintF(
        "--- reference: fresh servers on the same store (%d documents), %d "
        "search clients, %d s\n",
        docs, absl::GetFlag(FLAGS_search_clients), seconds);
    std::fflush(stdout);
    ingest = StartServer(absl::GetFlag(FLAGS_ingest_bin),
                         ServerArgs(dir, false), "ingest", dir);
    query = StartServer(absl::GetFlag(FLAGS_query_bin), ServerArgs(dir, true),
                        "query", dir);
    AwaitQueryService(query.address, queries);
    // Search alone: no ingest client.
    const std::vector<Sample> reference =
        RunLoad(**corpus, queries, ingest, query, 0,
                absl::GetFlag(FLAGS_search_clients), seconds, docs);
    ingest_reference = Summarize(reference, &Sample::ingest_mb).peak;
    query_reference = Summarize(reference, &Sample::query_mb).peak;
    if (!accord::bench::StopAll()) Fail("a fresh server failed");
  }

  const Sample& last = samples.back();
  absl::PrintF(
      "\n%d documents ingested (%.0f docs/s), %d searches (%.0f/s) in %.1f "
      "minutes; RSS in MB\n",
      last.docs, last.docs / last.seconds, last.searches,
      last.searches / last.seconds, last.seconds / 60);
  absl::PrintF("%-13s | %6s | %6s | %5s | %6s | %10s | %8s | %9s | %s\n",
               "server", "budget", "start", "first", "peak", "last third",
               "growth", "reference", "verdict");
  bool over = false;
  auto row = [&](const char* name, double Sample::*field, double start_mb,
                 double reference_mb) {
    const Summary s = Summarize(samples, field);
    const bool within = budget <= 0 || s.peak <= budget;
    over |= !within;
    absl::PrintF(
        "%-13s | %6s | %6.1f | %5.1f | %6.1f | %10.1f | %7.1f%% | %9s | %s\n",
        name, budget > 0 ? absl::StrCat(budget) : "-", start_mb, s.first,
        s.peak, s.last_peak,
        s.middle_peak > 0 ? 100 * (s.last_peak / s.middle_peak - 1) : 0,
        reference_mb > 0 ? absl::StrFormat("%.1f", reference_mb) : "-",
        budget <= 0 ? "no budget given"
        : within    ? "within budget"
                    : "OVER BUDGET");
  };
  row("accord-ingest", &Sample::ingest_mb, ingest_start_mb, ingest_reference);
  row("accord-query", &Sample::query_mb, query_start_mb, query_reference);
  absl::PrintF(
      "(growth: peak of the last third of the samples over the peak of the "
      "middle third; reference: peak RSS of fresh servers on the final store "
      "under search alone)\n");
  std::filesystem::remove_all(dir);
  return over ? 3 : 0;
}
