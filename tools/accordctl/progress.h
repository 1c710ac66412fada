// Progress of `accordctl ingest` on stderr: files read or sent, then the
// wait for the server's reply.
//
// Reading 2,000 small files and waiting for the bundle to be stored takes
// seconds with nothing on the screen; the meter shows what is happening.
// On a terminal it redraws one line ("\r", erased when done); otherwise,
// when forced (--progress=always), it writes whole lines, fewer of them,
// so a log stays readable.
//
//   ProgressMeter meter(StderrSink(), /*terminal=*/true);
//   for (...) meter.Files("reading", done, total, bytes_done, bytes_total);
//   meter.Waiting("ingest-service at localhost:50051");
//   ... blocking RPC ...
//   meter.Finish();
//
// Thread-safe: Waiting() starts a thread that redraws the waiting time
// until Finish() (or the destructor) stops it.
#ifndef ACCORD_TOOLS_ACCORDCTL_PROGRESS_H_
#define ACCORD_TOOLS_ACCORDCTL_PROGRESS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace accord::ctl {

// --progress: auto shows progress when stderr is a terminal.
enum class ProgressMode { kAuto, kAlways, kNever };

// "reading 120/2000 files, 0.5/4.0 MiB".
std::string FilesLine(absl::string_view verb, size_t files_done,
                      size_t files_total, uint64_t bytes_done,
                      uint64_t bytes_total);

// "waiting for ingest-service at localhost:50051: 3.2 s".
std::string WaitingLine(absl::string_view server, absl::Duration waited);

class ProgressMeter {
 public:
  // Receives the bytes to write (a line with its "\r" or "\n").
  using Sink = std::function<void(absl::string_view)>;
  using Clock = std::function<absl::Time()>;

  // Draws through `sink`: redrawing one line when `terminal`, else whole
  // lines. An empty `sink` draws nothing (progress off). `clock` is for
  // tests.
  ProgressMeter(Sink sink, bool terminal, Clock clock = &absl::Now);
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;
  ~ProgressMeter();

  // Counts files read or sent; draws when the redraw interval has passed
  // since the last drawing, and always for the first and the last file.
  void Files(absl::string_view verb, size_t files_done, size_t files_total,
             uint64_t bytes_done, uint64_t bytes_total);

  // Draws "waiting for `server`" now, then redraws the time waited every
  // interval until Finish().
  void Waiting(std::string server);

  // Stops redrawing; on a terminal erases the line, so what follows starts
  // on a clean line. Idempotent.
  void Finish();

  // Finish(), then draws again from the next call, as a new meter would:
  // for the next attempt of a call sent again. Not while another thread
  // calls Finish().
  void Restart();

  // Time between drawings: 100 ms on a terminal, 1 s for whole lines.
  absl::Duration interval() const { return interval_; }

 private:
  void Draw(const std::string& text) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void Tick();

  const Sink sink_;
  const bool terminal_;
  const Clock clock_;
  const absl::Duration interval_;

  absl::Mutex mu_;
  bool drawn_ ABSL_GUARDED_BY(mu_) = false;
  absl::Time last_draw_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  std::string server_ ABSL_GUARDED_BY(mu_);
  absl::Time waiting_since_ ABSL_GUARDED_BY(mu_);
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  // Runs Tick() while waiting; joined by Finish().
  std::thread ticker_ ABSL_GUARDED_BY(mu_);
};

// A sink that writes to stderr unbuffered.
ProgressMeter::Sink StderrSink();

// Whether `mode` shows progress given whether stderr is a terminal and
// whether --quiet was asked for (auto says nothing then).
bool ShowProgress(ProgressMode mode, bool stderr_is_terminal, bool quiet);

}  // namespace accord::ctl

#endif  // ACCORD_TOOLS_ACCORDCTL_PROGRESS_H_
