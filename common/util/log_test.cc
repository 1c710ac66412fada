#include "common/util/log.h"

#include "gtest/gtest.h"

namespace accord {
namespace {

const absl::Time kTime = absl::FromUnixMillis(1764770400123);  // 2025-12-03

TEST(FormatLogLineTest, TextIsTimeTagMessage) {
  EXPECT_EQ(FormatLogLine(LogFormat::kText, kTime, LogSeverity::kWarning,
                          "store open"),
            "2025-12-03T14:00:00.123Z W store open\n");
}

TEST(FormatLogLineTest, JsonIsOneObjectPerLineWithQuotesEscaped) {
  EXPECT_EQ(FormatLogLine(LogFormat::kJson, kTime, LogSeverity::kInfo,
                          "bundle b submitter=\"crawler\" path=C:\\x"),
            "{\"time\":\"2025-12-03T14:00:00.123Z\",\"severity\":\"INFO\","
            "\"message\":\"bundle b submitter=\\\"crawler\\\" "
            "path=C:\\\\x\"}\n");
}

TEST(FormatLogLineTest, ALineBreakInAMessageNeverStartsARecord) {
  for (LogFormat format : {LogFormat::kText, LogFormat::kJson}) {
    const std::string line =
        FormatLogLine(format, kTime, LogSeverity::kError,
                      "rpc failed: \"x\n2025-12-03T14:00:00.000Z I forged\"");
    EXPECT_EQ(line.find('\n'), line.size() - 1) << line;
  }
}

}  // namespace
}  // namespace accord
