// The accord engines: the ingest path (parse, normalize, analyze, and for
// "accord-entities" the first half of the understanding step, for
// "accord-understanding" all of it as accord-ingest runs it;
// one synced atomic write per bundle) for Load, and the search core (query parser,
// clause matching, BM25, top-k; no snippets, no gRPC) for Search.
#include "bench/engines/accord_engine.h"

#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/analysis/analyzer.h"
#include "common/store/store.h"
#include "ingest-service/extract/understanding.h"
#include "ingest-service/ingester.h"
#include "ingest-service/normalize/normalizer.h"
#include "query-service/search/searcher.h"

namespace accord::bench {
namespace {

// Documents per bundle: what an upstream feed would send in one call.
constexpr size_t kBundleDocuments = 500;

// CPU time this process has used so far, all threads (RocksDB's flushes
// and compactions included), user and system. With every core busy during
// a load, the load's CPU time is what its wall time follows, and it does
// not carry the scheduling noise of wall time: an A/B of a change that
// moves the load by 2% reads here when the wall times do not show it.
absl::Duration ProcessCpuTime() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return absl::DurationFromTimeval(usage.ru_utime) +
         absl::DurationFromTimeval(usage.ru_stime);
}

// How the calling thread has spent its life so far, from Linux's
// /proc/thread-self/schedstat: on a core, and runnable but waiting for
// one. Zero where the file is missing (no such figures are printed then).
struct ThreadSchedule {
  absl::Duration on_core;
  absl::Duration waiting_for_core;
  bool known = false;
};
ThreadSchedule ThisThreadSchedule() {
  ThreadSchedule schedule;
  std::ifstream in("/proc/thread-self/schedstat");
  uint64_t on_core_ns = 0, waiting_ns = 0;
  if (in >> on_core_ns >> waiting_ns) {
    schedule.on_core = absl::Nanoseconds(on_core_ns);
    schedule.waiting_for_core = absl::Nanoseconds(waiting_ns);
    schedule.known = true;
  }
  return schedule;
}

class AccordEngine final : public Engine {
 public:
  AccordEngine(std::string name, std::string path,
               std::unique_ptr<store::Store> store,
               std::unique_ptr<normalize::Normalizer> normalizer,
               std::unique_ptr<analysis::Analyzer> analyzer,
               std::unique_ptr<extract::Understanding> understanding,
               ingest::IngesterOptions::UnderstandingScope scope)
      : name_(std::move(name)),
        path_(std::move(path)),
        store_(std::move(store)),
        normalizer_(std::move(normalizer)),
        analyzer_(std::move(analyzer)),
        understanding_(std::move(understanding)),
        ingester_(store_.get(), normalizer_.get(), analyzer_.get(),
                  IngesterOptionsFor(understanding_.get(), scope)),
        searcher_(/*follower=*/nullptr, analyzer_.get()) {}

  ~AccordEngine() override {
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  std::string name() const override { return name_; }

  // Bundles are prepared and committed in a two-stage pipeline, as two
  // concurrent upstream clients would drive ingest-service: while one
  // bundle's synced write runs (serialized in the store), the next one is
  // parsed, normalized and analyzed on the other cores.
  absl::Status Load(const std::vector<GeneratedDoc>& docs) override {
    struct Prepared {
      std::vector<accord::v1::DocumentInput> inputs;
      absl::StatusOr<std::unique_ptr<ingest::PendingBundle>> bundle;
    };
    auto prepare = [&](size_t start) {
      Prepared p{{}, ingester_.NewBundle("bench", "", "")};
      if (!p.bundle.ok()) return p;
      const size_t end = std::min(docs.size(), start + kBundleDocuments);
      p.inputs.resize(end - start);
      std::vector<const accord::v1::DocumentInput*> pointers;
      for (size_t i = start; i < end; ++i) {
        accord::v1::DocumentInput& input = p.inputs[i - start];
        input.set_content(docs[i].text);
        input.set_content_type("text/plain; charset=utf-8");
        input.mutable_metadata()->set_agency(docs[i].agency);
        input.mutable_metadata()->mutable_publication_time()->set_seconds(
            docs[i].published_unix);
        pointers.push_back(&input);
      }
      if (absl::Status added = (*p.bundle)->AddAll(pointers); !added.ok()) {
        p.bundle = added;
      }
      return p;
    };
    std::future<Prepared> next = std::async(std::launch::async, prepare, 0);
    // Which stage held the load up: the committing thread committing, or
    // waiting for the next prepared bundle.
    absl::Duration waiting, committing;
    const absl::Time load_started = absl::Now();
    const absl::Duration cpu_at_start = ProcessCpuTime();
    const ThreadSchedule schedule_at_start = ThisThreadSchedule();
    for (size_t start = 0; start < docs.size(); start += kBundleDocuments) {
      absl::Time started = absl::Now();
      Prepared current = next.get();
      waiting += absl::Now() - started;
      if (start + kBundleDocuments < docs.size()) {
        next =
            std::async(std::launch::async, prepare, start + kBundleDocuments);
      }
      if (!current.bundle.ok()) return current.bundle.status();
      started = absl::Now();
      absl::StatusOr<accord::v1::Bundle> report = (*current.bundle)->Commit();
      committing += absl::Now() - started;
      if (!report.ok()) return report.status();
      for (const auto& result : report->results()) {
        if (result.outcome() == accord::v1::DOCUMENT_OUTCOME_REJECTED) {
          return absl::InternalError(
              absl::StrCat("document rejected: ", result.message()));
        }
      }
    }
    const absl::Duration load = absl::Now() - load_started;
    std::cerr << absl::StrFormat(
        "  %s: load %.2f s (CPU %.2f s, all threads): the committing thread "
        "committed %.2f s and waited for prepared bundles %.2f s\n",
        name_, absl::ToDoubleSeconds(load),
        absl::ToDoubleSeconds(ProcessCpuTime() - cpu_at_start),
        absl::ToDoubleSeconds(committing), absl::ToDoubleSeconds(waiting));
    // Whether the committing thread, the load's critical path, had a core
    // when it could run: the rest of its time it was blocked (the synced
    // writes, a lock, the next bundle).
    if (const ThreadSchedule schedule = ThisThreadSchedule();
        schedule.known && schedule_at_start.known) {
      const absl::Duration on_core =
          schedule.on_core - schedule_at_start.on_core;
      const absl::Duration runnable =
          schedule.waiting_for_core - schedule_at_start.waiting_for_core;
      std::cerr << absl::StrFormat(
          "  %s: the committing thread was on a core %.2f s, waited for one "
          "%.2f s, and was blocked %.2f s\n",
          name_, absl::ToDoubleSeconds(on_core),
          absl::ToDoubleSeconds(runnable),
          absl::ToDoubleSeconds(load - on_core - runnable));
    }
    // The serialized commit path, stage by stage (the cross-document
    // steps run only with understanding).
    const ingest::CommitStageTimes times = ingester_.commit_times();
    if (times.bundles > 0) {
      std::cerr << absl::StrFormat(
          "  %s: commit path over %d bundles: people merge %.2f s, events "
          "and stories %.2f s, store write %.2f s; linker cache hits %d, "
          "misses %d\n",
          name_, times.bundles, absl::ToDoubleSeconds(times.people),
          absl::ToDoubleSeconds(times.stories),
          absl::ToDoubleSeconds(times.write), times.event_cache_hits,
          times.event_cache_misses);
    }
    return absl::OkStatus();
  }

  absl::StatusOr<size_t> Search(const std::string& query, size_t k) override {
    accord::v1::SearchDocumentsRequest request;
    request.set_query(query);
    request.set_page_size(static_cast<int>(k));
    absl::StatusOr<query::Searcher::Ranked> ranked =
        searcher_.Rank(request, *store_);
    if (!ranked.ok()) return ranked.status();
    return ranked->docs.size();
  }

  // The whole data directory, write-ahead log included; RocksDB's own info
  // logs are not data.
  absl::StatusOr<uint64_t> SizeBytes() override {
    uint64_t total = 0;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(path_)) {
      // RocksDB's own logs are not data.
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && name.rfind("LOG", 0) != 0) {
        total += entry.file_size();
      }
    }
    return total;
  }

  // Flushes every family and compacts to the bottom level: merged posting
  // values, no write-ahead log left.
  absl::StatusOr<uint64_t> CompactedSizeBytes() override {
    if (absl::Status compacted = store_->Compact(); !compacted.ok()) {
      return compacted;
    }
    return SizeBytes();
  }

 private:
  static ingest::IngesterOptions IngesterOptionsFor(
      const extract::Understanding* understanding,
      ingest::IngesterOptions::UnderstandingScope scope) {
    ingest::IngesterOptions options;
    options.understanding = understanding;
    options.understanding_scope = scope;
    return options;
  }

  const std::string name_;
  const std::string path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<normalize::Normalizer> normalizer_;
  std::unique_ptr<analysis::Analyzer> analyzer_;
  std::unique_ptr<extract::Understanding> understanding_;
  ingest::Ingester ingester_;
  query::Searcher searcher_;
};

}  // namespace

const char* AccordEngineName(AccordUnderstanding understanding) {
  switch (understanding) {
    case AccordUnderstanding::kNone:
      return "accord";
    case AccordUnderstanding::kEntitiesAndDates:
      return "accord-entities";
    case AccordUnderstanding::kWhole:
      break;
  }
  return "accord-understanding";
}

std::unique_ptr<Engine> NewAccordEngine(const std::string& work_dir,
                                        AccordUnderstanding understanding) {
  const std::string name = AccordEngineName(understanding);
  const std::string path = absl::StrCat(work_dir, "/", name, "-store");
  absl::StatusOr<std::unique_ptr<store::Store>> store =
      store::Store::OpenPrimary(path, store::StoreOptions());
  if (!store.ok()) {
    std::cerr << name << " engine: " << store.status() << "\n";
    return nullptr;
  }
  absl::StatusOr<std::unique_ptr<analysis::Analyzer>> analyzer =
      analysis::Analyzer::Create();
  if (!analyzer.ok()) {
    std::cerr << name << " engine: " << analyzer.status() << "\n";
    return nullptr;
  }
  auto normalizer = std::make_unique<normalize::Normalizer>();
  std::unique_ptr<extract::Understanding> extractor;
  if (understanding != AccordUnderstanding::kNone) {
    // Loaded here, as accord-ingest loads it at start: not part of Load's
    // time. It shares the normalizer's dictionaries, as there; every
    // engine loads a language's dictionary with its first document, in
    // Load's time.
    extract::UnderstandingOptions options;
    options.dictionaries = &normalizer->word_lists();
    options.analyzer = analyzer->get();
    absl::StatusOr<std::unique_ptr<extract::Understanding>> created =
        extract::Understanding::Create(options);
    if (!created.ok()) {
      std::cerr << name << " engine: " << created.status() << "\n";
      return nullptr;
    }
    extractor = *std::move(created);
  }
  return std::make_unique<AccordEngine>(
      name, path, *std::move(store), std::move(normalizer),
      *std::move(analyzer), std::move(extractor),
      understanding == AccordUnderstanding::kEntitiesAndDates
          ? ingest::IngesterOptions::UnderstandingScope::kEntitiesAndDates
          : ingest::IngesterOptions::UnderstandingScope::kWhole);
}

}  // namespace accord::bench
