#include "tools/accordctl/progress.h"

#include <algorithm>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace accord::ctl {
namespace {

TEST(ProgressLinesTest, Render) {
  EXPECT_EQ(FilesLine("reading", 120, 2000, 512 * 1024, 4 << 20),
            "reading 120/2000 files, 0.5/4.0 MiB");
  EXPECT_EQ(WaitingLine("ingest-service at localhost:50051",
                        absl::Milliseconds(3240)),
            "waiting for ingest-service at localhost:50051: 3.2 s");
}

// A meter that writes into `out` and reads the time from `now`.
struct Fake {
  std::string out;
  absl::Time now = absl::UnixEpoch();
  ProgressMeter Meter(bool terminal) {
    return ProgressMeter(
        [this](absl::string_view s) { out.append(s.data(), s.size()); },
        terminal, [this] { return now; });
  }
};

TEST(ProgressMeterTest, LinesAreThrottledButFirstAndLastAlwaysShow) {
  Fake fake;
  ProgressMeter meter = fake.Meter(/*terminal=*/false);
  for (size_t i = 1; i <= 2000; ++i) {
    if (i == 1000) fake.now += meter.interval();
    meter.Files("reading", i, 2000, i * 10, 20000);
  }
  meter.Finish();
  EXPECT_EQ(fake.out,
            "reading 1/2000 files, 0.0/0.0 MiB\n"
            "reading 1000/2000 files, 0.0/0.0 MiB\n"
            "reading 2000/2000 files, 0.0/0.0 MiB\n");
}

// accordctl sends a bundle again while the server is busy: each attempt
// shows its progress and its wait, as the first did.
TEST(ProgressMeterTest, ARestartedMeterDrawsTheNextAttempt) {
  Fake fake;
  ProgressMeter meter = fake.Meter(/*terminal=*/false);
  meter.Files("sending", 1, 2, 1, 2);
  meter.Files("sending", 2, 2, 2, 2);
  meter.Waiting("ingest-service at localhost:50051");
  meter.Finish();
  const size_t first = fake.out.size();
  meter.Restart();
  meter.Files("sending", 1, 2, 1, 2);
  meter.Files("sending", 2, 2, 2, 2);
  meter.Waiting("ingest-service at localhost:50051");
  meter.Finish();
  // The second attempt's lines, as the first's (the ticker may add a
  // waiting line to either on a slow machine).
  const std::string second = fake.out.substr(first);
  EXPECT_TRUE(absl::StartsWith(second,
                               "sending 1/2 files, 0.0/0.0 MiB\n"
                               "sending 2/2 files, 0.0/0.0 MiB\n"
                               "waiting for ingest-service at "
                               "localhost:50051: 0.0 s\n"))
      << second;
  const size_t drawn = fake.out.size();
  meter.Files("sending", 2, 2, 2, 2);  // nothing after Finish
  EXPECT_EQ(fake.out.size(), drawn);
}

TEST(ProgressMeterTest, TerminalRedrawsOneLineAndErasesItWhenDone) {
  Fake fake;
  ProgressMeter meter = fake.Meter(/*terminal=*/true);
  meter.Files("sent", 1, 2, 1, 2);
  meter.Files("sent", 2, 2, 2, 2);
  meter.Finish();
  EXPECT_EQ(fake.out,
            "\rsent 1/2 files, 0.0/0.0 MiB\x1b[K"
            "\rsent 2/2 files, 0.0/0.0 MiB\x1b[K"
            "\r\x1b[K");
  meter.Finish();                   // idempotent
  meter.Files("sent", 2, 2, 2, 2);  // nothing after Finish
  EXPECT_TRUE(absl::EndsWith(fake.out, "\r\x1b[K"));
}

TEST(ProgressMeterTest, WaitingShowsAtOnceAndKeepsCounting) {
  std::string out;
  absl::Mutex mu;
  {
    ProgressMeter meter(
        [&](absl::string_view s) {
          absl::MutexLock lock(&mu);
          out.append(s.data(), s.size());
        },
        /*terminal=*/true);
    meter.Waiting("ingest-service at x:1");
    {
      absl::MutexLock lock(&mu);
      EXPECT_EQ(out, "\rwaiting for ingest-service at x:1: 0.0 s\x1b[K");
    }
    // A second draw (polled: the ticker thread may be slow to run on a
    // loaded machine).
    auto redrawn = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
      return std::count(out.begin(), out.end(), '\r') >= 2;
    };
    absl::MutexLock lock(&mu);
    mu.AwaitWithTimeout(absl::Condition(&redrawn), absl::Seconds(10));
  }  // the destructor stops the ticker and erases the line
  absl::MutexLock lock(&mu);
  std::vector<std::string> draws = absl::StrSplit(out, '\r', absl::SkipEmpty());
  ASSERT_GE(draws.size(), 3u) << out;
  EXPECT_TRUE(absl::StartsWith(draws[1], "waiting for ingest-service at x:1: "))
      << out;
  EXPECT_NE(draws[1], draws[0]);
  EXPECT_EQ(draws.back(), "\x1b[K");
}

TEST(ShowProgressTest, AutoFollowsTheTerminalAndQuiet) {
  EXPECT_TRUE(ShowProgress(ProgressMode::kAuto, true, false));
  EXPECT_FALSE(ShowProgress(ProgressMode::kAuto, false, false));
  EXPECT_FALSE(ShowProgress(ProgressMode::kAuto, true, true));
  EXPECT_TRUE(ShowProgress(ProgressMode::kAlways, false, true));
  EXPECT_FALSE(ShowProgress(ProgressMode::kNever, true, false));
}

}  // namespace
}  // namespace accord::ctl
