// accordctl against real servers: folders, streaming, rejections, exit codes.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/e2e/cluster.h"

namespace accord::e2e {
namespace {

std::pair<int, std::string> Ctl(Cluster& cluster, const std::string& args) {
  std::string command = absl::StrCat(
      ACCORDCTL_BIN, " --ingest_addr=", cluster.ingest().address(),
      " --query_addr=", cluster.query().address(), " ", args, " 2>&1");
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0)
    out.append(buffer, n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

void Write(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(
      std::filesystem::path(path).parent_path());
  std::ofstream(path) << text;
}

TEST(AccordctlTest, StreamsFoldersAndReportsEachDocument) {
  absl::StatusOr<std::unique_ptr<Cluster>> cluster = Cluster::Start();
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  const std::string folder = (*cluster)->work_dir() + "/feed";
  Write(folder + "/en.txt",
        "Talks on norms\n\nGeneva (AP) – Delegations discussed norms.\n");
  Write(folder + "/de/de.txt",
        "Gespräche über Normen\n\nBerlin (dpa) – Die Delegationen sprachen "
        "über Normen.\n");
  Write(folder + "/ru.txt",
        "Переговоры о нормах\n\nМосква (ТАСС) – Делегации обсудили нормы.\n");
  Write(folder + "/broken.txt", "caf\xE9 \xFF");

  // A threshold of one byte forces StreamIngest, one document per message.
  auto [code, out] = Ctl(**cluster, absl::StrCat("--stream_threshold_bytes=1 "
                                                 "--chunk_bytes=1 ingest ",
                                                 folder));
  EXPECT_EQ(code, 3) << out;  // stored, with a rejection
  EXPECT_TRUE(absl::StrContains(out, "3 created, 0 unchanged, 1 rejected"))
      << out;
  EXPECT_TRUE(absl::StrContains(out, "INVALID_ENCODING")) << out;
  EXPECT_TRUE(absl::StrContains(out, "broken.txt")) << out;

  std::tie(code, out) =
      Ctl(**cluster, absl::StrCat("ingest ", folder, "/en.txt"));
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "0 created, 1 unchanged, 0 rejected"))
      << out;

  std::tie(code, out) = Ctl(**cluster, "ingest /no/such/folder");
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(absl::StrContains(out, "no such file or folder")) << out;

  std::tie(code, out) = Ctl(**cluster, "get 0123");
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(absl::StrContains(out, "INVALID_ARGUMENT")) << out;
  EXPECT_TRUE(absl::StrContains(out, "[INVALID_DOCUMENT_ID]")) << out;
}

}  // namespace
}  // namespace accord::e2e
