// start_time: how long accord-ingest takes to start, what it holds once
// started, and what its first bundle costs, for several builds side by side
// in one run (the build before a change is the peer of the build after).
// Each round starts every binary in turn (the order rotates from round to
// round) on a fresh store, times the start until the port file is written,
// reads its RSS, sends one bundle of documents in every corpus language
// (the first document of a language loads what that language needs, such
// as its hunspell dictionary), times the reply, reads RSS again and stops
// the server.
//
//   start_time --ingest_bins=OLD/accord-ingest,NEW/accord-ingest --rounds=7
//
// Prints one line per start, then per binary the median and the fastest of
// the start and the first bundle, and the median RSS after each. Exits 1
// on any failed RPC or server failure.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "accord/v1/ingest_service.grpc.pb.h"
#include "bench/corpus/generator.h"
#include "bench/grpc/bundles.h"
#include "bench/grpc/servers.h"
#include "grpcpp/grpcpp.h"

ABSL_FLAG(std::vector<std::string>, ingest_bins,
          {"build-release/ingest-service/accord-ingest"},
          "accord-ingest binaries to compare, comma-separated");
ABSL_FLAG(int, rounds, 7, "starts of each binary");
ABSL_FLAG(int, bundle_docs, 60,
          "documents in the first bundle (the corpus's first ones: every "
          "language)");
ABSL_FLAG(std::vector<std::string>, server_args, {},
          "more flags for the server, comma-separated");
ABSL_FLAG(uint64_t, seed, 42, "corpus seed");
ABSL_FLAG(std::string, hunspell_dir, "/usr/share/hunspell",
          "where the news corpus reads Debian's hunspell dictionaries");
ABSL_FLAG(std::string, work_dir, "/tmp/accord-start-time",
          "scratch directory (removed at the end; kept with the server logs "
          "when something fails)");

namespace {

using accord::bench::Fail;
using accord::bench::ResidentBytes;

constexpr double kMiB = 1 << 20;

struct Start {
  double start_s = 0;
  double start_mib = 0;
  double bundle_s = 0;
  double bundle_mib = 0;
};

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double Min(const std::vector<double>& values) {
  return *std::min_element(values.begin(), values.end());
}

accord::v1::IngestBundleRequest FirstBundle(
    const accord::bench::CorpusGenerator& corpus, int docs) {
  accord::v1::IngestBundleRequest request;
  request.set_submitter("start_time");
  for (int i = 0; i < docs; ++i) {
    accord::bench::AddGeneratedDocument(corpus.Document(i), &request);
  }
  return request;
}

Start Measure(const std::string& binary,
              const accord::v1::IngestBundleRequest& bundle,
              const std::string& dir) {
  std::filesystem::create_directories(dir);
  std::vector<std::string> args = {"--data_dir=" + dir + "/store"};
  for (const std::string& arg : absl::GetFlag(FLAGS_server_args)) {
    args.push_back(arg);
  }
  Start start;
  const absl::Time begin = absl::Now();
  accord::bench::ServerChild server =
      accord::bench::StartServer(binary, args, "ingest", dir);
  start.start_s = absl::ToDoubleSeconds(absl::Now() - begin);
  start.start_mib = ResidentBytes(server.pid) / kMiB;

  auto stub =
      accord::v1::IngestService::NewStub(accord::bench::Channel(server.address,
                                                                /*id=*/0));
  accord::v1::IngestBundleResponse response;
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Minutes(2)));
  const absl::Time sent = absl::Now();
  grpc::Status status = stub->IngestBundle(&context, bundle, &response);
  start.bundle_s = absl::ToDoubleSeconds(absl::Now() - sent);
  if (!status.ok()) {
    Fail(accord::bench::RpcError("accord.v1.IngestService/IngestBundle",
                                 status));
  }
  if (response.bundle().results_size() != bundle.documents_size()) {
    Fail(absl::StrCat("the first bundle had ", bundle.documents_size(),
                      " documents and ", response.bundle().results_size(),
                      " results"));
  }
  start.bundle_mib = ResidentBytes(server.pid) / kMiB;
  if (!accord::bench::StopAll()) Fail("the server did not stop cleanly");
  return start;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Times accord-ingest's start and first bundle, several builds side by "
      "side: start_time --ingest_bins=A,B --rounds=7");
  absl::ParseCommandLine(argc, argv);
  const std::vector<std::string> binaries = absl::GetFlag(FLAGS_ingest_bins);
  const int rounds = absl::GetFlag(FLAGS_rounds);
  if (binaries.empty() || rounds < 1 || absl::GetFlag(FLAGS_bundle_docs) < 1) {
    std::cerr << "start_time: --ingest_bins, --rounds and --bundle_docs must "
                 "name at least one\n";
    return 2;
  }
  for (const std::string& binary : binaries) {
    if (!std::filesystem::exists(binary)) {
      std::cerr << "start_time: no such binary: " << binary << "\n";
      return 2;
    }
  }
  accord::bench::CorpusOptions corpus_options;
  corpus_options.seed = absl::GetFlag(FLAGS_seed);
  corpus_options.dictionary_dir = absl::GetFlag(FLAGS_hunspell_dir);
  absl::StatusOr<std::unique_ptr<accord::bench::CorpusGenerator>> corpus =
      accord::bench::CorpusGenerator::Create(corpus_options);
  if (!corpus.ok()) {
    std::cerr << "start_time: " << corpus.status() << "\n";
    return 1;
  }
  const accord::v1::IngestBundleRequest bundle =
      FirstBundle(**corpus, absl::GetFlag(FLAGS_bundle_docs));

  const std::string dir = absl::GetFlag(FLAGS_work_dir);
  accord::bench::SetWorkDirForFailures(dir);
  std::filesystem::remove_all(dir);
  std::vector<std::vector<Start>> starts(binaries.size());
  for (int round = 0; round < rounds; ++round) {
    for (size_t k = 0; k < binaries.size(); ++k) {
      const size_t b = (k + static_cast<size_t>(round)) % binaries.size();
      const Start s =
          Measure(binaries[b], bundle, absl::StrCat(dir, "/", b, "-", round));
      starts[b].push_back(s);
      std::cout << absl::StrFormat(
                       "round %d  %-50s start %.3f s  %6.1f MiB  first "
                       "bundle (%d docs) %.3f s  %6.1f MiB",
                       round + 1, binaries[b], s.start_s, s.start_mib,
                       bundle.documents_size(), s.bundle_s, s.bundle_mib)
                << std::endl;
    }
  }
  std::cout << "\n| binary | start, median (fastest) | RSS started | first "
               "bundle, median (fastest) | RSS after it |\n|---|---:|---:|---:"
               "|---:|\n";
  for (size_t b = 0; b < binaries.size(); ++b) {
    std::vector<double> start_s, start_mib, bundle_s, bundle_mib;
    for (const Start& s : starts[b]) {
      start_s.push_back(s.start_s);
      start_mib.push_back(s.start_mib);
      bundle_s.push_back(s.bundle_s);
      bundle_mib.push_back(s.bundle_mib);
    }
    std::cout << absl::StrFormat(
        "| %s | %.3f s (%.3f) | %.1f MiB | %.3f s (%.3f) | %.1f MiB |\n",
        binaries[b], Median(start_s), Min(start_s), Median(start_mib),
        Median(bundle_s), Min(bundle_s), Median(bundle_mib));
  }
  std::filesystem::remove_all(dir);
  return 0;
}
