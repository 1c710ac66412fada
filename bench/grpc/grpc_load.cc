// grpc_load: Accord over gRPC, as clients see it. Starts the real
// accord-ingest and accord-query binaries on loopback over a fresh store,
// ingests a generated corpus through IngestBundle, then runs SearchDocuments
// (full responses: hits, titles, snippets) from N concurrent clients, each
// on its own channel, for a fixed time, and reports searches/s and latency.
//
//   grpc_load --docs=50000 --clients=8 --seconds=20
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "accord/v1/ingest_service.grpc.pb.h"
#include "accord/v1/query_service.grpc.pb.h"
#include "bench/corpus/generator.h"
#include "bench/corpus/query_set.h"
#include "grpcpp/grpcpp.h"

ABSL_FLAG(int64_t, docs, 50000, "documents to ingest");
ABSL_FLAG(int, clients, 8, "concurrent search clients, one channel each");
ABSL_FLAG(int, seconds, 20, "seconds of searching");
ABSL_FLAG(int, queries, 200, "queries of each kind in the rotation");
ABSL_FLAG(int, bundle_docs, 500, "documents per IngestBundle call");
ABSL_FLAG(uint64_t, seed, 42, "corpus and query seed");
ABSL_FLAG(std::string, corpus, "news", "corpus profile: news or templated");
ABSL_FLAG(std::string, hunspell_dir, "/usr/share/hunspell",
          "where the news corpus reads Debian's hunspell dictionaries");
ABSL_FLAG(std::string, ingest_bin, "build-release/ingest-service/accord-ingest",
          "accord-ingest binary");
ABSL_FLAG(std::string, query_bin, "build-release/query-service/accord-query",
          "accord-query binary");
ABSL_FLAG(std::string, work_dir, "/tmp/accord-grpc-load", "scratch directory");

namespace {

struct Child {
  pid_t pid = -1;
  std::string address;
};

Child StartServer(const std::string& binary, std::vector<std::string> args,
                  const std::string& name, const std::string& dir) {
  const std::string port_file = dir + "/" + name + ".port";
  args.insert(args.begin(), binary);
  args.push_back("--listen=127.0.0.1:0");
  args.push_back("--port_file=" + port_file);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  Child child;
  child.pid = fork();
  if (child.pid == 0) {
    // Request logs would cost as much as the requests here; keep them
    // in a file.
    FILE* log = std::freopen((dir + "/" + name + ".log").c_str(), "w", stderr);
    (void)log;
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  for (int i = 0; i < 300 && child.address.empty(); ++i) {
    std::ifstream in(port_file);
    std::getline(in, child.address);
    absl::SleepFor(absl::Milliseconds(50));
  }
  if (child.address.empty()) {
    std::cerr << "grpc_load: " << name << " did not start\n";
    std::exit(1);
  }
  return child;
}

void Stop(const Child& child) {
  kill(child.pid, SIGTERM);
  waitpid(child.pid, nullptr, 0);
}

std::shared_ptr<grpc::Channel> Channel(const std::string& address, int id) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 << 20);
  args.SetMaxSendMessageSize(256 << 20);
  // A distinct argument gives each client its own connection.
  args.SetInt("accord.bench.client", id);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(),
                                   args);
}

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  size_t i = std::min(v.size() - 1, static_cast<size_t>(p * v.size()));
  std::nth_element(v.begin(), v.begin() + i, v.end());
  return v[i];
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Accord search over gRPC under concurrent load.");
  absl::ParseCommandLine(argc, argv);
  const std::string dir = absl::GetFlag(FLAGS_work_dir);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const int64_t n = absl::GetFlag(FLAGS_docs);
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

  Child ingest = StartServer(absl::GetFlag(FLAGS_ingest_bin),
                             {"--data_dir=" + dir + "/data"}, "ingest", dir);
  Child query = StartServer(
      absl::GetFlag(FLAGS_query_bin),
      {"--data_dir=" + dir + "/data", "--secondary_dir=" + dir + "/secondary"},
      "query", dir);

  // Ingest over gRPC.
  auto ingest_stub =
      accord::v1::IngestService::NewStub(Channel(ingest.address, 0));
  std::vector<accord::bench::GeneratedDoc> docs = (*corpus)->Documents(
      n, std::max(1, static_cast<int>(std::thread::hardware_concurrency())));
  uint64_t bytes = 0;
  absl::Time start = absl::Now();
  for (int64_t i = 0; i < n; i += absl::GetFlag(FLAGS_bundle_docs)) {
    accord::v1::IngestBundleRequest request;
    request.set_submitter("grpc_load");
    for (int64_t j = i;
         j < std::min<int64_t>(n, i + absl::GetFlag(FLAGS_bundle_docs)); ++j) {
      accord::v1::DocumentInput* input = request.add_documents();
      input->set_content(docs[j].text);
      input->set_content_type("text/plain");
      input->mutable_metadata()->set_agency(docs[j].agency);
      input->mutable_metadata()->mutable_publication_time()->set_seconds(
          docs[j].published_unix);
      bytes += docs[j].text.size();
    }
    accord::v1::IngestBundleResponse response;
    grpc::ClientContext context;
    grpc::Status status =
        ingest_stub->IngestBundle(&context, request, &response);
    if (!status.ok() || response.bundle().counts().rejected() > 0) {
      std::cerr << "grpc_load: ingest failed: " << status.error_message()
                << "\n";
      return 1;
    }
  }
  const double ingest_s = absl::ToDoubleSeconds(absl::Now() - start);
  absl::PrintF(
      "ingest over gRPC: %d docs, %.1f MB in %.1f s: %.0f docs/s, %.2f MB/s\n",
      n, bytes / 1e6, ingest_s, n / ingest_s, bytes / 1e6 / ingest_s);

  // Wait for the query-service to see everything, and warm it up.
  auto query_stub =
      accord::v1::QueryService::NewStub(Channel(query.address, 0));
  std::vector<accord::bench::BenchQuery> queries =
      accord::bench::GenerateQueries(**corpus, n, absl::GetFlag(FLAGS_queries));
  for (int attempt = 0; attempt < 600; ++attempt) {
    accord::v1::SearchDocumentsRequest request;
    request.set_query(queries[0].text);
    accord::v1::SearchDocumentsResponse response;
    grpc::ClientContext context;
    if (query_stub->SearchDocuments(&context, request, &response).ok() &&
        response.total_size() > 0) {
      break;
    }
    absl::SleepFor(absl::Milliseconds(100));
  }
  for (const auto& q : queries) {
    accord::v1::SearchDocumentsRequest request;
    request.set_query(q.text);
    accord::v1::SearchDocumentsResponse response;
    grpc::ClientContext context;
    query_stub->SearchDocuments(&context, request, &response);
  }

  const int clients = absl::GetFlag(FLAGS_clients);
  std::vector<std::vector<double>> latencies(clients);
  std::atomic<int64_t> errors{0};
  const absl::Time deadline =
      absl::Now() + absl::Seconds(absl::GetFlag(FLAGS_seconds));
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      auto stub =
          accord::v1::QueryService::NewStub(Channel(query.address, c + 1));
      size_t i = c * 7919;
      while (absl::Now() < deadline) {
        accord::v1::SearchDocumentsRequest request;
        request.set_query(queries[i++ % queries.size()].text);
        accord::v1::SearchDocumentsResponse response;
        grpc::ClientContext context;
        absl::Time t0 = absl::Now();
        grpc::Status status =
            stub->SearchDocuments(&context, request, &response);
        latencies[c].push_back(absl::ToDoubleMilliseconds(absl::Now() - t0));
        if (!status.ok()) ++errors;
      }
    });
  }
  for (auto& t : threads) t.join();
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  const double seconds = absl::GetFlag(FLAGS_seconds);
  absl::PrintF(
      "search over gRPC: %d clients, %d searches in %.0f s: %.0f searches/s, "
      "p50 %.3f ms, p99 %.3f ms, errors %d\n",
      clients, all.size(), seconds, all.size() / seconds, Percentile(all, 0.5),
      Percentile(all, 0.99), errors.load());
  Stop(query);
  Stop(ingest);
  std::filesystem::remove_all(dir);
  return errors.load() == 0 ? 0 : 1;
}
