#include "tools/accordctl/progress.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace accord::ctl {

std::string FilesLine(absl::string_view verb, size_t files_done,
                      size_t files_total, uint64_t bytes_done,
                      uint64_t bytes_total) {
  return absl::StrFormat("%s %d/%d files, %.1f/%.1f MiB", verb, files_done,
                         files_total, bytes_done / 1048576.0,
                         bytes_total / 1048576.0);
}

std::string WaitingLine(absl::string_view server, absl::Duration waited) {
  return absl::StrFormat("waiting for %s: %.1f s", server,
                         absl::ToDoubleSeconds(waited));
}

ProgressMeter::ProgressMeter(Sink sink, bool terminal, Clock clock)
    : sink_(std::move(sink)),
      terminal_(terminal),
      clock_(std::move(clock)),
      interval_(terminal ? absl::Milliseconds(100) : absl::Seconds(1)) {}

ProgressMeter::~ProgressMeter() { Finish(); }

void ProgressMeter::Draw(const std::string& text) {
  sink_(terminal_ ? absl::StrCat("\r", text, "\x1b[K") : text + "\n");
  drawn_ = true;
  last_draw_ = clock_();
}

void ProgressMeter::Files(absl::string_view verb, size_t files_done,
                          size_t files_total, uint64_t bytes_done,
                          uint64_t bytes_total) {
  if (!sink_) return;
  absl::MutexLock lock(&mu_);
  if (stop_) return;
  if (clock_() - last_draw_ < interval_ && files_done != 1 &&
      files_done != files_total) {
    return;
  }
  Draw(FilesLine(verb, files_done, files_total, bytes_done, bytes_total));
}

void ProgressMeter::Waiting(std::string server) {
  if (!sink_) return;
  absl::MutexLock lock(&mu_);
  if (stop_ || ticker_.joinable()) return;
  server_ = std::move(server);
  waiting_since_ = clock_();
  Draw(WaitingLine(server_, absl::ZeroDuration()));
  // The thread waits for mu_ before its first look at stop_.
  ticker_ = std::thread([this] { Tick(); });
}

void ProgressMeter::Tick() {
  absl::MutexLock lock(&mu_);
  // Wakes for Finish() at once, else redraws every interval.
  while (!mu_.AwaitWithTimeout(absl::Condition(&stop_), interval_)) {
    Draw(WaitingLine(server_, clock_() - waiting_since_));
  }
}

void ProgressMeter::Finish() {
  std::thread ticker;
  {
    absl::MutexLock lock(&mu_);
    if (stop_) return;
    stop_ = true;
    if (terminal_ && drawn_) sink_("\r\x1b[K");
    ticker = std::move(ticker_);
  }
  // Joined without mu_, which the ticker needs to see stop_.
  if (ticker.joinable()) ticker.join();
}

void ProgressMeter::Restart() {
  Finish();
  absl::MutexLock lock(&mu_);
  stop_ = false;
  drawn_ = false;
  last_draw_ = absl::InfinitePast();
}

ProgressMeter::Sink StderrSink() {
  return [](absl::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
  };
}

bool ShowProgress(ProgressMode mode, bool stderr_is_terminal, bool quiet) {
  switch (mode) {
    case ProgressMode::kAlways:
      return true;
    case ProgressMode::kNever:
      return false;
    case ProgressMode::kAuto:
      return stderr_is_terminal && !quiet;
  }
  return false;
}

}  // namespace accord::ctl
