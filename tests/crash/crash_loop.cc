#include "tests/crash/crash_loop.h"

#include <signal.h>
#include <stdlib.h>

#include <atomic>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <memory>
#include <random>
#include <thread>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "accord/v1/ingest_service.grpc.pb.h"
#include "common/store/store.h"
#include "common/util/hash.h"
#include "grpcpp/grpcpp.h"
#include "tests/e2e/cluster.h"
#include "tests/e2e/server_process.h"

namespace accord::crash {
namespace {

constexpr char kSubmitter[] = "crash-loop";

// One bundle of unique documents, sent once or again after a crash.
struct Sent {
  std::string request_id;
  std::vector<std::string> texts;
  std::vector<std::string> ids;  // Computed as the server does.
  // Known once the store was seen to hold the bundle.
  bool committed = false;
  std::string bundle_id;
};

// One call of IngestBundle in the current cycle.
struct Attempt {
  Sent* bundle = nullptr;
  bool answered = false;
  bool ok = false;
  std::string reply_bundle_id;
};

std::string Words(std::mt19937_64* random, size_t bytes) {
  static const char* const kWords[] = {
      "ministry", "security", "talks",   "cyber",   "agency",    "report",
      "network",  "defence",  "treaty",  "summit",  "officials", "data",
      "incident", "capital",  "foreign", "council", "statement", "week"};
  std::string text;
  while (text.size() < bytes) {
    absl::StrAppend(&text, kWords[(*random)() % 18],
                    (*random)() % 11 == 0 ? ". " : " ");
  }
  return text;
}

std::string DocumentId(const std::string& text) {
  return Sha256Hex(text).substr(0, store::kDocumentIdLength);
}

// The state of one run: every bundle ever sent, and this cycle's calls.
class Ledger {
 public:
  // The next bundle to send: one a crash left unsettled, else a new one.
  Sent* Next(int cycle, int client, std::mt19937_64* random, int max_docs)
      ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    if (!resend_.empty()) {
      Sent* sent = resend_.front();
      resend_.pop_front();
      return sent;
    }
    auto sent = std::make_unique<Sent>();
    sent->request_id = absl::StrCat("c", cycle, "-t", client, "-", all_.size());
    const int docs = 1 + static_cast<int>((*random)() % max_docs);
    for (int d = 0; d < docs; ++d) {
      std::string text =
          absl::StrCat("Crash loop bundle ", sent->request_id, " document ", d,
                       "\n\n", Words(random, 100 + (*random)() % 3000), "\n\n",
                       Words(random, 50 + (*random)() % 800), "\n");
      sent->ids.push_back(DocumentId(text));
      sent->texts.push_back(std::move(text));
    }
    all_.push_back(std::move(sent));
    return all_.back().get();
  }

  size_t Begin(Sent* sent) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    Attempt attempt;
    attempt.bundle = sent;
    attempts_.push_back(std::move(attempt));
    return attempts_.size() - 1;
  }
  void Answer(size_t attempt, bool ok, std::string bundle_id)
      ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    attempts_[attempt].answered = true;
    attempts_[attempt].ok = ok;
    attempts_[attempt].reply_bundle_id = std::move(bundle_id);
  }
  bool AnyAcknowledged() const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    for (const Attempt& attempt : attempts_) {
      if (attempt.ok) return true;
    }
    return false;
  }
  bool AnyInFlight() const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    for (const Attempt& attempt : attempts_) {
      if (!attempt.answered) return true;
    }
    return false;
  }
  // This cycle's calls, which the next cycle starts afresh.
  std::vector<Attempt> TakeAttempts() ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    return std::exchange(attempts_, {});
  }
  void Resend(Sent* sent) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    resend_.push_back(sent);
  }
  void Fail(std::string failure) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    std::fprintf(stderr, "FAILURE: %s\n", failure.c_str());
    failures_.push_back(std::move(failure));
  }
  std::vector<std::string> failures() const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    return failures_;
  }
  // Only between cycles, with no client running.
  const std::vector<std::unique_ptr<Sent>>& all() const { return all_; }

 private:
  mutable absl::Mutex mu_;
  std::vector<std::unique_ptr<Sent>> all_;
  std::deque<Sent*> resend_ ABSL_GUARDED_BY(mu_);
  std::vector<Attempt> attempts_ ABSL_GUARDED_BY(mu_);
  std::vector<std::string> failures_ ABSL_GUARDED_BY(mu_);
};

// Sends bundles until a call fails (the server is gone) or `stop`.
void RunClient(accord::v1::IngestService::Stub* stub, Ledger* ledger, int cycle,
               int client, uint64_t seed, int max_docs,
               const std::atomic<bool>* killing) {
  std::mt19937_64 random(seed * 1000003 + cycle * 131 + client);
  while (!killing->load()) {
    Sent* sent = ledger->Next(cycle, client, &random, max_docs);
    accord::v1::IngestBundleRequest request;
    request.set_submitter(kSubmitter);
    request.set_request_id(sent->request_id);
    for (size_t d = 0; d < sent->texts.size(); ++d) {
      *request.add_documents() =
          e2e::TextInput(sent->texts[d], absl::StrCat("doc", d));
    }
    const size_t attempt = ledger->Begin(sent);
    accord::v1::IngestBundleResponse response;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(60));
    grpc::Status status = stub->IngestBundle(&context, request, &response);
    if (!status.ok()) {
      ledger->Answer(attempt, false, "");
      if (!killing->load()) {
        ledger->Fail(absl::StrCat(
            "cycle ", cycle, ": ", sent->request_id,
            " failed while the server was up: ", status.error_message()));
      }
      return;
    }
    const accord::v1::Bundle& bundle = response.bundle();
    ledger->Answer(attempt, true, bundle.id());
    // What the reply says must hold whatever the store shows later.
    if (bundle.results_size() != static_cast<int>(sent->ids.size())) {
      ledger->Fail(absl::StrCat(sent->request_id, ": reply has ",
                                bundle.results_size(), " results for ",
                                sent->ids.size(), " documents"));
      continue;
    }
    for (int d = 0; d < bundle.results_size(); ++d) {
      const accord::v1::DocumentResult& result = bundle.results(d);
      if (result.outcome() != accord::v1::DOCUMENT_OUTCOME_CREATED ||
          result.document_id() != sent->ids[d]) {
        ledger->Fail(
            absl::StrCat(sent->request_id, " document ", d, ": reply says ",
                         accord::v1::DocumentOutcome_Name(result.outcome()),
                         " ", result.document_id(), " (", result.message(),
                         "), expected ", "CREATED ", sent->ids[d]));
      }
    }
  }
}

// "" when the store holds `sent` whole as bundle `bundle_id`, else what is
// wrong.
std::string CheckWhole(const store::Store& store, const Sent& sent,
                       const std::string& bundle_id) {
  absl::StatusOr<accord::v1::Bundle> bundle = store.GetBundle(bundle_id);
  if (!bundle.ok()) return bundle.status().ToString();
  if (bundle->request_id() != sent.request_id) {
    return absl::StrCat("bundle ", bundle_id, " has request id ",
                        bundle->request_id());
  }
  if (bundle->results_size() != static_cast<int>(sent.ids.size())) {
    return absl::StrCat("bundle ", bundle_id, " lists ", bundle->results_size(),
                        " of ", sent.ids.size(), " documents");
  }
  std::vector<absl::StatusOr<accord::v1::Document>> docs =
      store.GetDocuments(sent.ids);
  for (size_t d = 0; d < sent.ids.size(); ++d) {
    const accord::v1::DocumentResult& result = bundle->results(d);
    if (result.outcome() != accord::v1::DOCUMENT_OUTCOME_CREATED ||
        result.document_id() != sent.ids[d]) {
      return absl::StrCat("bundle ", bundle_id, " result ", d, " is ",
                          accord::v1::DocumentOutcome_Name(result.outcome()),
                          " ", result.document_id());
    }
    if (!docs[d].ok()) {
      return absl::StrCat("document ", d, ": ", docs[d].status().ToString());
    }
    if (docs[d]->bundle_id() != bundle_id) {
      return absl::StrCat("document ", d, " belongs to bundle ",
                          docs[d]->bundle_id());
    }
    absl::StatusOr<std::string> raw = store.GetRawContent(sent.ids[d]);
    if (!raw.ok() || *raw != sent.texts[d]) {
      return absl::StrCat("raw content of document ", d, " is not as sent");
    }
  }
  return "";
}

// Checks the calls of one cycle against the store; true if it could.
void VerifyCycle(const store::Store& store, int cycle,
                 const std::vector<Attempt>& attempts, Ledger* ledger,
                 CrashLoopReport* report) {
  for (const Attempt& attempt : attempts) {
    Sent& sent = *attempt.bundle;
    absl::StatusOr<std::string> stored =
        store.FindBundleByRequest(kSubmitter, sent.request_id);
    const std::string where =
        absl::StrCat("cycle ", cycle, ": ", sent.request_id);
    if (!stored.ok() && !absl::IsNotFound(stored.status())) {
      ledger->Fail(absl::StrCat(where, ": ", stored.status().ToString()));
      continue;
    }
    if (attempt.ok) {
      if (!stored.ok()) {
        ledger->Fail(absl::StrCat(where, ": acknowledged as ",
                                  attempt.reply_bundle_id,
                                  " but no bundle is stored for it"));
      } else if (*stored != attempt.reply_bundle_id) {
        ledger->Fail(absl::StrCat(where, ": acknowledged as ",
                                  attempt.reply_bundle_id, ", stored as ",
                                  *stored));
      } else if (std::string problem = CheckWhole(store, sent, *stored);
                 !problem.empty()) {
        ledger->Fail(absl::StrCat(where, " (acknowledged): ", problem));
      } else {
        ++report->acknowledged_verified;
      }
      if (sent.committed && sent.bundle_id != attempt.reply_bundle_id) {
        ledger->Fail(absl::StrCat(where, ": re-sent, answered with bundle ",
                                  attempt.reply_bundle_id, " instead of ",
                                  sent.bundle_id));
      }
      if (stored.ok()) {
        sent.committed = true;
        sent.bundle_id = *stored;
      }
      continue;
    }
    // No reply: all of it or none of it.
    if (stored.ok()) {
      if (std::string problem = CheckWhole(store, sent, *stored);
          !problem.empty()) {
        ledger->Fail(absl::StrCat(
            where, " (unacknowledged, request stored): ", problem));
      } else {
        ++report->unacknowledged_committed;
      }
      sent.committed = true;
      sent.bundle_id = *stored;
    } else {
      int present = 0;
      for (const std::string& id : sent.ids) {
        present += store.HasDocument(id).value_or(false) ? 1 : 0;
      }
      if (present > 0) {
        ledger->Fail(absl::StrCat(where, ": no bundle stored, but ", present,
                                  " of its ", sent.ids.size(),
                                  " documents are: partially stored"));
      } else {
        ++report->unacknowledged_absent;
      }
    }
    // Sent again next cycle: a committed bundle must come back as itself.
    ledger->Resend(&sent);
  }
}

// Every document of every committed bundle and nothing else is stored, and
// sequences [checked_below, count) have no gaps. Returns the count.
uint64_t VerifyTotals(const store::Store& store, const Ledger& ledger,
                      uint64_t checked_below, bool everything,
                      Ledger* failures) {
  uint64_t expected = 0;
  for (const std::unique_ptr<Sent>& sent : ledger.all()) {
    if (!sent->committed) continue;
    expected += sent->ids.size();
    if (everything) {
      if (std::string problem = CheckWhole(store, *sent, sent->bundle_id);
          !problem.empty()) {
        failures->Fail(
            absl::StrCat("final check of ", sent->request_id, ": ", problem));
      }
    }
  }
  absl::StatusOr<uint64_t> count = store.DocumentCount();
  if (!count.ok()) {
    failures->Fail(count.status().ToString());
    return checked_below;
  }
  if (*count != expected) {
    failures->Fail(absl::StrCat("the store counts ", *count,
                                " documents; the committed bundles hold ",
                                expected));
  }
  std::vector<uint64_t> sequences;
  for (uint64_t s = everything ? 0 : checked_below; s < *count; ++s) {
    sequences.push_back(s);
  }
  std::vector<absl::StatusOr<std::string>> ids =
      store.GetDocumentIds(sequences);
  for (size_t i = 0; i < ids.size(); ++i) {
    if (!ids[i].ok() || !store.HasDocument(*ids[i]).value_or(false)) {
      failures->Fail(
          absl::StrCat("sequence ", sequences[i],
                       " has no document: ", ids[i].status().ToString()));
      break;
    }
  }
  return *count;
}

absl::StatusOr<std::unique_ptr<store::Store>> OpenStore(
    const std::string& path) {
  // As the restarted server will: recovery included.
  return store::Store::OpenPrimary(path, store::StoreOptions());
}

}  // namespace

CrashLoopReport RunCrashLoop(const CrashLoopOptions& options) {
  CrashLoopReport report;
  const absl::Time start = absl::Now();
  report.work_dir = options.work_dir;
  bool own_dir = false;
  if (report.work_dir.empty()) {
    const char* base = std::getenv("TMPDIR");
    std::string pattern =
        std::string(base && *base ? base : "/tmp") + "/accord-crash-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
      report.failures.push_back("cannot create a temporary directory");
      return report;
    }
    report.work_dir = pattern;
    own_dir = true;
  }
  const std::string data_dir = report.work_dir + "/data";
  std::mt19937_64 random(options.seed);
  Ledger ledger;
  uint64_t checked_below = 0;

  for (int cycle = 0;
       cycle < options.cycles && absl::Now() - start < options.duration;
       ++cycle) {
    absl::StatusOr<std::unique_ptr<e2e::ServerProcess>> server =
        e2e::ServerProcess::Start("ingest", options.ingest_binary,
                                  {"--data_dir=" + data_dir}, report.work_dir);
    if (!server.ok()) {
      ledger.Fail(absl::StrCat("cycle ", cycle, ": the server did not start: ",
                               server.status().ToString()));
      break;
    }
    std::shared_ptr<grpc::Channel> channel = grpc::CreateChannel(
        (*server)->address(), grpc::InsecureChannelCredentials());
    auto stub = accord::v1::IngestService::NewStub(channel);
    std::atomic<bool> killing{false};
    std::vector<std::thread> clients;
    for (int c = 0; c < options.clients; ++c) {
      clients.emplace_back(RunClient, stub.get(), &ledger, cycle, c,
                           options.seed, options.max_documents, &killing);
    }
    const int64_t span = absl::ToInt64Microseconds(options.max_kill_delay -
                                                   options.min_kill_delay);
    const absl::Duration delay =
        options.min_kill_delay +
        absl::Microseconds(span > 0 ? random() % span : 0);
    const bool early = std::uniform_real_distribution<double>(0, 1)(random) <
                       options.early_kill_share;
    if (early) {
      ++report.early_kills;
    } else {
      // Full speed: from the first acknowledgment (a server that never
      // answers is killed after a while, and its clients' calls fail).
      const absl::Time give_up = absl::Now() + absl::Seconds(30);
      while (!ledger.AnyAcknowledged() && absl::Now() < give_up) {
        absl::SleepFor(absl::Milliseconds(2));
      }
    }
    absl::SleepFor(delay);
    killing = true;
    if (ledger.AnyInFlight()) ++report.kills_in_flight;
    if (absl::StatusOr<int> killed = (*server)->Stop(SIGKILL); !killed.ok()) {
      ledger.Fail(
          absl::StrCat("cycle ", cycle, ": ", killed.status().ToString()));
    }
    for (std::thread& client : clients) client.join();
    report.cycles = cycle + 1;

    std::vector<Attempt> attempts = ledger.TakeAttempts();
    report.bundles_sent += attempts.size();
    for (const Attempt& attempt : attempts) report.acknowledged += attempt.ok;
    absl::StatusOr<std::unique_ptr<store::Store>> store = OpenStore(data_dir);
    if (!store.ok()) {
      ledger.Fail(absl::StrCat("cycle ", cycle, ": cannot open the store: ",
                               store.status().ToString()));
      break;
    }
    VerifyCycle(**store, cycle, attempts, &ledger, &report);
    checked_below = VerifyTotals(**store, ledger, checked_below,
                                 /*everything=*/false, &ledger);
    if (options.progress_every > 0 &&
        report.cycles % options.progress_every == 0) {
      std::fprintf(stderr,
                   "crash loop: %d cycles, %lld acknowledged, %llu documents, "
                   "%zu failures, %s\n",
                   report.cycles, static_cast<long long>(report.acknowledged),
                   static_cast<unsigned long long>(checked_below),
                   ledger.failures().size(),
                   absl::FormatDuration(
                       absl::Trunc(absl::Now() - start, absl::Seconds(1)))
                       .c_str());
    }
  }

  // Last, every committed bundle once more, from a fresh open.
  if (absl::StatusOr<std::unique_ptr<store::Store>> store = OpenStore(data_dir);
      store.ok()) {
    report.documents_stored = VerifyTotals(**store, ledger, 0,
                                           /*everything=*/true, &ledger);
  } else {
    ledger.Fail(absl::StrCat("final open: ", store.status().ToString()));
  }
  report.failures = ledger.failures();
  report.elapsed = absl::Now() - start;
  if (own_dir && report.failures.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(report.work_dir, ignored);
  }
  return report;
}

std::string FormatReport(const CrashLoopOptions& options,
                         const CrashLoopReport& report) {
  std::string out = absl::StrFormat(
      "crash loop: %d cycles in %s (seed %d, kill %s..%s after the first "
      "acknowledgment, %d clients)\n"
      "  bundles sent (re-sends included):       %d\n"
      "  acknowledged:                           %d\n"
      "  acknowledged and verified whole:        %d\n"
      "  unacknowledged but committed whole:     %d\n"
      "  unacknowledged and absent (re-sent):    %d\n"
      "  kills with a bundle in flight:          %d of %d (%d timed from "
      "the start)\n"
      "  documents stored:                       %d\n"
      "  failures:                               %d\n",
      report.cycles,
      absl::FormatDuration(
          absl::Trunc(report.elapsed, absl::Milliseconds(100))),
      options.seed, absl::FormatDuration(options.min_kill_delay),
      absl::FormatDuration(options.max_kill_delay), options.clients,
      report.bundles_sent, report.acknowledged, report.acknowledged_verified,
      report.unacknowledged_committed, report.unacknowledged_absent,
      report.kills_in_flight, report.cycles, report.early_kills,
      report.documents_stored, report.failures.size());
  for (const std::string& failure : report.failures) {
    absl::StrAppend(&out, "  FAILURE: ", failure, "\n");
  }
  if (!report.failures.empty()) {
    absl::StrAppend(&out, "  store and server log kept in ", report.work_dir,
                    "\n");
  }
  return out;
}

}  // namespace accord::crash
