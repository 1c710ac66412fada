// grpc_load: Accord over gRPC, as clients see it. For each corpus size it
// starts the real accord-ingest and accord-query binaries on loopback over
// a fresh store, ingests a generated corpus through IngestBundle and
// measures the store's size on disk, then:
//   - runs SearchDocuments (full responses: hits, titles, snippets) from N
//     concurrent clients, each on its own channel, for a fixed time, and
//     reports searches/s and latency;
//   - measures GetDocument latency on ingested ids against an empty RPC
//     (grpc.health.v1.Health/Check) from one client, calls interleaved.
// A table of every size ends the run.
//
//   grpc_load --docs=10000,100000 --clients=8 --seconds=20
//
// Any failed RPC prints its status code and message and makes grpc_load
// exit 1; the servers are stopped with SIGTERM on every way out (and get
// SIGTERM from the kernel should grpc_load itself die).
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "accord/v1/ingest_service.grpc.pb.h"
#include "accord/v1/query_service.grpc.pb.h"
#include "bench/corpus/generator.h"
#include "bench/corpus/query_set.h"
#include "bench/grpc/bundles.h"
#include "bench/grpc/servers.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"

ABSL_FLAG(std::vector<std::string>, docs, std::vector<std::string>({"50000"}),
          "documents to ingest; a comma-separated list runs the whole "
          "sequence (fresh store and servers) once per size");
ABSL_FLAG(int, clients, 8, "concurrent search clients, one channel each");
ABSL_FLAG(int, seconds, 20, "seconds of searching");
ABSL_FLAG(int, queries, 200, "queries of each kind in the rotation");
ABSL_FLAG(int, bundle_docs, 500, "documents per IngestBundle call");
ABSL_FLAG(int, get_calls, 2000,
          "GetDocument calls measured (one client, sequential)");
ABSL_FLAG(int, empty_calls, 2000,
          "empty RPCs (Health/Check) measured, interleaved with GetDocument");
ABSL_FLAG(int, latency_warmup, 100,
          "unmeasured calls of each kind before the GetDocument measurement");
ABSL_FLAG(uint64_t, seed, 42, "corpus and query seed");
ABSL_FLAG(std::string, corpus, "news", "corpus profile: news or templated");
ABSL_FLAG(std::string, hunspell_dir, "/usr/share/hunspell",
          "where the news corpus reads Debian's hunspell dictionaries");
ABSL_FLAG(std::string, ingest_bin, "build-release/ingest-service/accord-ingest",
          "accord-ingest binary");
ABSL_FLAG(std::string, query_bin, "build-release/query-service/accord-query",
          "accord-query binary");
ABSL_FLAG(std::string, work_dir, "/tmp/accord-grpc-load",
          "scratch directory (one subdirectory per size, removed after it; "
          "kept with the server logs when a size fails)");

namespace {

using accord::bench::Channel;
using accord::bench::Fail;
using accord::bench::RpcError;
using accord::bench::ServerChild;
using accord::bench::StartServer;
using accord::bench::StopAll;

// The GetDocument target of issue 7: within 1.5x an empty RPC.
constexpr double kGetToEmptyTarget = 1.5;

// --- measuring ----------------------------------------------------------------

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  size_t i = std::min(v.size() - 1, static_cast<size_t>(p * v.size()));
  std::nth_element(v.begin(), v.begin() + i, v.end());
  return v[i];
}

// Bytes of the store on disk: every file under `dir`, write-ahead log
// included, RocksDB's info logs (LOG, LOG.old.*) excluded, as search_bench
// counts Accord's store.
uint64_t DirectoryBytes(const std::string& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code size_ec;
    if (it->is_regular_file(size_ec) && name.rfind("LOG", 0) != 0) {
      uint64_t size = it->file_size(size_ec);
      if (!size_ec) total += size;
    }
  }
  return total;
}

struct SizeResult {
  int64_t docs = 0;
  double ingest_docs_per_s = 0;
  double ingest_mb_per_s = 0;
  double store_mb = 0;
  double searches_per_s = 0;
  double search_p50 = 0;
  double search_p99 = 0;
  double get_p50 = 0;
  double get_p99 = 0;
  double empty_p50 = 0;
  double empty_p99 = 0;
};

// One size: fresh store and servers, ingest, search load, GetDocument vs
// the empty RPC. Calls Fail() on any error.
SizeResult RunSize(const accord::bench::CorpusGenerator& corpus, int64_t n,
                   const std::string& dir) {
  SizeResult result;
  result.docs = n;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string data_dir = dir + "/data";
  const ServerChild ingest =
      StartServer(absl::GetFlag(FLAGS_ingest_bin), {"--data_dir=" + data_dir},
                  "ingest", dir);
  const ServerChild query = StartServer(
      absl::GetFlag(FLAGS_query_bin),
      {"--data_dir=" + data_dir, "--secondary_dir=" + dir + "/secondary"},
      "query", dir);

  // Ingest over gRPC; the ids of the stored documents are kept for
  // GetDocument.
  std::vector<std::string> ids;
  uint64_t bytes = 0;
  double ingest_s = 0;
  {
    auto ingest_stub =
        accord::v1::IngestService::NewStub(Channel(ingest.address, 0));
    std::vector<accord::bench::GeneratedDoc> docs = corpus.Documents(
        n, std::max(1, static_cast<int>(std::thread::hardware_concurrency())));
    const int64_t bundle_docs = absl::GetFlag(FLAGS_bundle_docs);
    const absl::Time start = absl::Now();
    for (int64_t i = 0; i < n; i += bundle_docs) {
      accord::v1::IngestBundleRequest request;
      request.set_submitter("grpc_load");
      for (int64_t j = i; j < std::min<int64_t>(n, i + bundle_docs); ++j) {
        accord::bench::AddGeneratedDocument(docs[j], &request);
        bytes += docs[j].text.size();
      }
      accord::v1::IngestBundleResponse response;
      grpc::ClientContext context;
      context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Minutes(5)));
      grpc::Status status =
          ingest_stub->IngestBundle(&context, request, &response);
      if (!status.ok()) {
        Fail(RpcError("accord.v1.IngestService/IngestBundle", status));
      }
      for (const accord::v1::DocumentResult& r : response.bundle().results()) {
        if (r.outcome() == accord::v1::DOCUMENT_OUTCOME_REJECTED) {
          Fail(absl::StrCat("ingest: document ", i + r.index(), " rejected (",
                            accord::v1::RejectReason_Name(r.reject_reason()),
                            "): ", r.message()));
        }
        ids.push_back(r.document_id());
      }
    }
    ingest_s = absl::ToDoubleSeconds(absl::Now() - start);
  }
  result.ingest_docs_per_s = n / ingest_s;
  result.ingest_mb_per_s = bytes / 1e6 / ingest_s;
  result.store_mb = DirectoryBytes(data_dir) / 1e6;
  absl::PrintF(
      "ingest over gRPC: %d docs, %.1f MB in %.1f s: %.0f docs/s, %.2f MB/s; "
      "store after ingest %.1f MB (WAL included), %.0f bytes/doc\n",
      n, bytes / 1e6, ingest_s, result.ingest_docs_per_s,
      result.ingest_mb_per_s, result.store_mb, result.store_mb * 1e6 / n);
  std::fflush(stdout);

  // Wait until the query-service sees the last bundle (it catches up with
  // the store periodically), then warm it up.
  auto query_stub =
      accord::v1::QueryService::NewStub(Channel(query.address, 0));
  {
    grpc::Status last;
    bool seen = false;
    for (int attempt = 0; attempt < 600 && !seen; ++attempt) {
      accord::v1::GetDocumentRequest request;
      request.set_document_id(ids.back());
      accord::v1::GetDocumentResponse response;
      grpc::ClientContext context;
      context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
      last = query_stub->GetDocument(&context, request, &response);
      seen = last.ok();
      if (!seen) absl::SleepFor(absl::Milliseconds(100));
    }
    if (!seen) {
      Fail(
          absl::StrCat("the query-service did not see the last document "
                       "within 60 s: ",
                       RpcError("accord.v1.QueryService/GetDocument", last)));
    }
  }
  std::vector<accord::bench::BenchQuery> queries =
      accord::bench::GenerateQueries(corpus, n, absl::GetFlag(FLAGS_queries));
  for (const auto& q : queries) {
    accord::v1::SearchDocumentsRequest request;
    request.set_query(q.text);
    accord::v1::SearchDocumentsResponse response;
    grpc::ClientContext context;
    grpc::Status status =
        query_stub->SearchDocuments(&context, request, &response);
    if (!status.ok()) {
      Fail(absl::StrCat(
          RpcError("accord.v1.QueryService/SearchDocuments", status),
          " (warm-up, query: ", q.text, ")"));
    }
  }

  // Search load: N clients, each on its own connection.
  {
    const int clients = absl::GetFlag(FLAGS_clients);
    std::vector<std::vector<double>> latencies(clients);
    std::atomic<int64_t> errors{0};
    std::mutex first_error_mu;
    std::string first_error;
    const absl::Time start = absl::Now();
    const absl::Time deadline =
        start + absl::Seconds(absl::GetFlag(FLAGS_seconds));
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
      threads.emplace_back([&, c] {
        auto stub =
            accord::v1::QueryService::NewStub(Channel(query.address, c + 1));
        size_t i = c * 7919;
        while (absl::Now() < deadline) {
          accord::v1::SearchDocumentsRequest request;
          const std::string& text = queries[i++ % queries.size()].text;
          request.set_query(text);
          accord::v1::SearchDocumentsResponse response;
          grpc::ClientContext context;
          absl::Time t0 = absl::Now();
          grpc::Status status =
              stub->SearchDocuments(&context, request, &response);
          latencies[c].push_back(absl::ToDoubleMilliseconds(absl::Now() - t0));
          if (!status.ok()) {
            std::lock_guard<std::mutex> lock(first_error_mu);
            if (errors++ == 0) {
              first_error = absl::StrCat(
                  RpcError("accord.v1.QueryService/SearchDocuments", status),
                  " (query: ", text, ")");
            }
            return;  // This client stops at its first error.
          }
        }
      });
    }
    for (auto& t : threads) t.join();
    const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
    std::vector<double> all;
    for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    result.searches_per_s = all.size() / seconds;
    result.search_p50 = Percentile(all, 0.5);
    result.search_p99 = Percentile(all, 0.99);
    absl::PrintF(
        "search over gRPC: %d clients, %d searches in %.1f s: %.0f "
        "searches/s, p50 %.3f ms, p99 %.3f ms, errors %d\n",
        clients, all.size(), seconds, result.searches_per_s, result.search_p50,
        result.search_p99, errors.load());
    std::fflush(stdout);
    if (errors.load() > 0) {
      Fail(absl::StrCat(errors.load(),
                        " searches failed; the first: ", first_error));
    }
  }

  // GetDocument vs an empty RPC, one client, sequential, interleaved so
  // both see the same machine state (and the same connection). The empty
  // RPC is grpc.health.v1.Health/Check on the query-service: same server,
  // same request-log interceptor, no store access, a few bytes each way.
  // Ids are visited with a stride coprime to their count, so the calls
  // spread over the whole store rather than one hot document.
  {
    std::shared_ptr<grpc::Channel> channel =
        Channel(query.address, absl::GetFlag(FLAGS_clients) + 1);
    auto stub = accord::v1::QueryService::NewStub(channel);
    auto health = grpc::health::v1::Health::NewStub(channel);
    size_t stride = 7919;
    while (std::gcd(stride, ids.size()) != 1) ++stride;
    size_t next_id = 0;
    auto get = [&](std::vector<double>* latencies) {
      accord::v1::GetDocumentRequest request;
      request.set_document_id(ids[next_id]);
      next_id = (next_id + stride) % ids.size();
      accord::v1::GetDocumentResponse response;
      grpc::ClientContext context;
      absl::Time t0 = absl::Now();
      grpc::Status status = stub->GetDocument(&context, request, &response);
      if (latencies != nullptr) {
        latencies->push_back(absl::ToDoubleMilliseconds(absl::Now() - t0));
      }
      if (!status.ok()) {
        Fail(
            absl::StrCat(RpcError("accord.v1.QueryService/GetDocument", status),
                         " (id ", request.document_id(), ")"));
      }
      if (response.document().id() != request.document_id()) {
        Fail(absl::StrCat("accord.v1.QueryService/GetDocument(",
                          request.document_id(), ") returned document '",
                          response.document().id(), "'"));
      }
    };
    auto empty = [&](std::vector<double>* latencies) {
      grpc::health::v1::HealthCheckRequest request;  // "": the whole server
      grpc::health::v1::HealthCheckResponse response;
      grpc::ClientContext context;
      absl::Time t0 = absl::Now();
      grpc::Status status = health->Check(&context, request, &response);
      if (latencies != nullptr) {
        latencies->push_back(absl::ToDoubleMilliseconds(absl::Now() - t0));
      }
      if (!status.ok()) Fail(RpcError("grpc.health.v1.Health/Check", status));
      if (response.status() != grpc::health::v1::HealthCheckResponse::SERVING) {
        Fail(absl::StrCat(
            "grpc.health.v1.Health/Check: the query-service is ",
            grpc::health::v1::HealthCheckResponse::ServingStatus_Name(
                response.status())));
      }
    };
    for (int i = 0; i < absl::GetFlag(FLAGS_latency_warmup); ++i) {
      get(nullptr);
      empty(nullptr);
    }
    const int get_calls = absl::GetFlag(FLAGS_get_calls);
    const int empty_calls = absl::GetFlag(FLAGS_empty_calls);
    std::vector<double> get_ms, empty_ms;
    for (int i = 0; i < std::max(get_calls, empty_calls); ++i) {
      if (i < get_calls) get(&get_ms);
      if (i < empty_calls) empty(&empty_ms);
    }
    result.get_p50 = Percentile(get_ms, 0.5);
    result.get_p99 = Percentile(get_ms, 0.99);
    result.empty_p50 = Percentile(empty_ms, 0.5);
    result.empty_p99 = Percentile(empty_ms, 0.99);
    absl::PrintF(
        "GetDocument over gRPC: p50 %.3f ms, p99 %.3f ms (%d calls); "
        "empty RPC (Health/Check): p50 %.3f ms, p99 %.3f ms (%d calls); "
        "ratio p50 %.2f (target <= %.1f)\n",
        result.get_p50, result.get_p99, get_ms.size(), result.empty_p50,
        result.empty_p99, empty_ms.size(),
        result.empty_p50 > 0 ? result.get_p50 / result.empty_p50 : 0,
        kGetToEmptyTarget);
    std::fflush(stdout);
  }

  if (!StopAll()) {
    Fail(absl::StrCat("a server failed (", n, " docs)"));
  }
  std::filesystem::remove_all(dir);
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Accord over gRPC: ingest, search under concurrent load, and "
      "GetDocument against an empty RPC, per corpus size.");
  absl::ParseCommandLine(argc, argv);
  // A server's death must not kill grpc_load through a write to a closed
  // socket; gRPC reports it as a status.
  signal(SIGPIPE, SIG_IGN);

  std::vector<int64_t> sizes;
  for (const std::string& s : absl::GetFlag(FLAGS_docs)) {
    int64_t n = 0;
    if (!absl::SimpleAtoi(s, &n) || n <= 0) {
      std::cerr << "grpc_load: --docs: '" << s
                << "' is not a positive number of documents\n";
      return 2;
    }
    sizes.push_back(n);
  }
  if (sizes.empty()) {
    std::cerr << "grpc_load: --docs: no size given\n";
    return 2;
  }
  if (absl::GetFlag(FLAGS_clients) < 1 || absl::GetFlag(FLAGS_seconds) < 1 ||
      absl::GetFlag(FLAGS_bundle_docs) < 1 ||
      absl::GetFlag(FLAGS_queries) < 1 || absl::GetFlag(FLAGS_get_calls) < 1 ||
      absl::GetFlag(FLAGS_empty_calls) < 1 ||
      absl::GetFlag(FLAGS_latency_warmup) < 0) {
    std::cerr << "grpc_load: --clients, --seconds, --bundle_docs, --queries, "
                 "--get_calls and --empty_calls must be at least 1, "
                 "--latency_warmup at least 0\n";
    return 2;
  }

  accord::bench::CorpusOptions corpus_options;
  absl::StatusOr<accord::bench::CorpusProfile> profile =
      accord::bench::ParseCorpusProfile(absl::GetFlag(FLAGS_corpus));
  if (!profile.ok()) {
    std::cerr << "grpc_load: --corpus: " << profile.status().message() << "\n";
    return 2;
  }
  corpus_options.profile = *profile;
  corpus_options.seed = absl::GetFlag(FLAGS_seed);
  corpus_options.dictionary_dir = absl::GetFlag(FLAGS_hunspell_dir);
  absl::StatusOr<std::unique_ptr<accord::bench::CorpusGenerator>> corpus =
      accord::bench::CorpusGenerator::Create(corpus_options);
  if (!corpus.ok()) {
    std::cerr << "grpc_load: " << corpus.status() << "\n";
    return 1;
  }

  const std::string dir = absl::GetFlag(FLAGS_work_dir);
  accord::bench::SetWorkDirForFailures(dir);
  std::filesystem::remove_all(dir);
  std::vector<SizeResult> results;
  for (int64_t n : sizes) {
    absl::PrintF("--- %d docs, corpus %s, seed %d\n", n,
                 absl::GetFlag(FLAGS_corpus), absl::GetFlag(FLAGS_seed));
    std::fflush(stdout);
    results.push_back(RunSize(**corpus, n, absl::StrCat(dir, "/docs-", n)));
  }
  std::filesystem::remove_all(dir);

  absl::PrintF(
      "\nAccord over gRPC (%d search clients, %d s each; latencies in ms; "
      "ratio = GetDocument p50 / empty RPC p50, target <= %.1f)\n",
      absl::GetFlag(FLAGS_clients), absl::GetFlag(FLAGS_seconds),
      kGetToEmptyTarget);
  absl::PrintF("%9s | %13s | %6s | %8s | %10s | %7s | %7s | %7s | %9s | %5s\n",
               "docs", "ingest docs/s", "MB/s", "store MB", "searches/s", "p50",
               "p99", "Get p50", "empty p50", "ratio");
  for (const SizeResult& r : results) {
    absl::PrintF(
        "%9d | %13.0f | %6.2f | %8.1f | %10.0f | %7.3f | %7.3f | %7.3f | "
        "%9.3f | %5.2f\n",
        r.docs, r.ingest_docs_per_s, r.ingest_mb_per_s, r.store_mb,
        r.searches_per_s, r.search_p50, r.search_p99, r.get_p50, r.empty_p50,
        r.empty_p50 > 0 ? r.get_p50 / r.empty_p50 : 0);
  }
  return 0;
}
