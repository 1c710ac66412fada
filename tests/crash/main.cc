// crash_loop: kill -9 accord-ingest at random moments while clients ingest,
// restart it, and check that every acknowledged bundle is stored whole and
// no bundle in part (tests/crash/crash_loop.h). Exits 0 when the store held
// up, 1 on any failure. Long runs: scripts/crash-loop.sh --cycles=1000.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/flags/flag.h"
#include "absl/time/time.h"
#include "common/util/command_line.h"
#include "tests/crash/crash_loop.h"

ABSL_FLAG(int, cycles, 20, "crash-restart cycles to run");
ABSL_FLAG(absl::Duration, duration, absl::Minutes(1),
          "stop starting cycles after this long (whichever comes first)");
ABSL_FLAG(uint64_t, seed, 1, "seeds kill delays and documents");
ABSL_FLAG(absl::Duration, min_kill_delay, absl::Milliseconds(20),
          "shortest time from the server's first acknowledged bundle to its "
          "kill");
ABSL_FLAG(absl::Duration, max_kill_delay, absl::Seconds(1),
          "longest time from the server's first acknowledged bundle to its "
          "kill");
ABSL_FLAG(double, early_kill_share, 0.25,
          "share of cycles whose kill delay counts from the server start "
          "instead");
ABSL_FLAG(int, clients, 2, "concurrent client threads");
ABSL_FLAG(int, max_documents, 12, "documents per bundle, at most");
ABSL_FLAG(int, progress_every, 0,
          "print a progress line every this many cycles (0: never)");
ABSL_FLAG(std::string, ingest_binary, ACCORD_INGEST_BIN,
          "the accord-ingest binary to crash");
ABSL_FLAG(std::string, work_dir, "",
          "directory for the store and server log; default a temporary one, "
          "removed unless something failed");

int main(int argc, char** argv) {
  accord::ParseCommandLine(
      argc, argv,
      "Kills accord-ingest at random moments while clients ingest, and checks "
      "the store after every crash.\nUsage: crash_loop [--cycles=N] "
      "[--duration=1m] [--seed=N]");
  accord::crash::CrashLoopOptions options;
  options.ingest_binary = absl::GetFlag(FLAGS_ingest_binary);
  options.work_dir = absl::GetFlag(FLAGS_work_dir);
  options.cycles = absl::GetFlag(FLAGS_cycles);
  options.duration = absl::GetFlag(FLAGS_duration);
  options.seed = absl::GetFlag(FLAGS_seed);
  options.min_kill_delay = absl::GetFlag(FLAGS_min_kill_delay);
  options.max_kill_delay = absl::GetFlag(FLAGS_max_kill_delay);
  options.early_kill_share = absl::GetFlag(FLAGS_early_kill_share);
  options.clients = absl::GetFlag(FLAGS_clients);
  options.max_documents = absl::GetFlag(FLAGS_max_documents);
  options.progress_every = absl::GetFlag(FLAGS_progress_every);

  accord::crash::CrashLoopReport report = accord::crash::RunCrashLoop(options);
  std::fputs(accord::crash::FormatReport(options, report).c_str(), stdout);
  return report.failures.empty() && report.cycles > 0 ? EXIT_SUCCESS
                                                      : EXIT_FAILURE;
}
