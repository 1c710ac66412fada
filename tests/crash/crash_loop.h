// CrashLoop: kill -9 accord-ingest at random moments while clients ingest,
// and check after every crash that the store holds every acknowledged
// bundle whole and no bundle in part.
//
// Each cycle starts the real accord-ingest on one store, runs client
// threads that send bundles of unique documents (each with a request_id)
// until the server is killed with SIGKILL after a random delay, then opens
// the store directly (the server is dead, so its lock is free) and checks
// every bundle sent in the cycle:
//   - acknowledged: the request id maps to the bundle id of the reply, the
//     bundle record lists every document as CREATED, and every document,
//     its raw bytes and its sequence entry are stored;
//   - unacknowledged (the kill came first): either all of the above holds
//     (committed before the kill) or neither the request id nor any of its
//     documents is stored. Both kinds are sent again, with the same
//     request id, in the next cycle: a committed one must get its first
//     bundle back, an absent one is stored then.
// The document count must equal the documents of all committed bundles
// (every document is unique), and sequence numbers must have no gaps.
//
//   CrashLoopOptions options;
//   options.cycles = 20;
//   CrashLoopReport report = RunCrashLoop(options);
//   return report.failures.empty() ? 0 : 1;
#ifndef ACCORD_TESTS_CRASH_CRASH_LOOP_H_
#define ACCORD_TESTS_CRASH_CRASH_LOOP_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace accord::crash {

struct CrashLoopOptions {
  // REQUIRES: the accord-ingest binary.
  std::string ingest_binary;
  // Holds the store and the server log. "": a new temporary directory,
  // removed after a run without failures.
  std::string work_dir;
  // Stop after this many crash-restart cycles...
  int cycles = 20;
  // ...or once this much time has passed, whichever comes first.
  absl::Duration duration = absl::Minutes(1);
  // Seeds the kill delays and the documents.
  uint64_t seed = 1;
  // Each cycle kills the server this long (uniformly distributed) after
  // its first acknowledged bundle, when it ingests at full speed; the first
  // bundles after a start are slow (dictionaries load on first use).
  absl::Duration min_kill_delay = absl::Milliseconds(20);
  absl::Duration max_kill_delay = absl::Seconds(1);
  // The share of cycles whose delay counts from the start instead, so
  // kills also land during start-up and the first bundles.
  double early_kill_share = 0.25;
  // Concurrent client threads, each with one bundle in flight.
  int clients = 2;
  // Documents per bundle, uniformly in [1, max_documents].
  int max_documents = 12;
  // A progress line on stderr every this many cycles; 0: none.
  int progress_every = 0;
};

struct CrashLoopReport {
  int cycles = 0;
  int64_t bundles_sent = 0;  // Every call made, re-sends included.
  int64_t acknowledged = 0;
  int64_t acknowledged_verified = 0;
  // Unacknowledged calls whose bundle was stored whole anyway.
  int64_t unacknowledged_committed = 0;
  // Unacknowledged calls of which nothing was stored.
  int64_t unacknowledged_absent = 0;
  // Cycles whose kill came while a bundle was in flight.
  int kills_in_flight = 0;
  // Cycles whose kill delay counted from the start (early_kill_share).
  int early_kills = 0;
  uint64_t documents_stored = 0;
  absl::Duration elapsed;
  std::string work_dir;
  // What went wrong, one line each; empty when the store held up.
  std::vector<std::string> failures;
};

CrashLoopReport RunCrashLoop(const CrashLoopOptions& options);

// The figures as printed by the crash_loop program.
std::string FormatReport(const CrashLoopOptions& options,
                         const CrashLoopReport& report);

}  // namespace accord::crash

#endif  // ACCORD_TESTS_CRASH_CRASH_LOOP_H_
