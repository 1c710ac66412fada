#include "tools/accordctl/file_walker.h"

#include <filesystem>
#include <fstream>

#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"

namespace accord::ctl {
namespace {

void Write(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(
      std::filesystem::path(path).parent_path());
  std::ofstream(path) << text;
}

TEST(ExpandPathsTest, WalksFoldersSortedAndSkipsHiddenEntries) {
  testing::TempDir dir;
  Write(dir.Sub("b/2.txt"), "two");
  Write(dir.Sub("b/1.html"), "<p>1</p>");
  Write(dir.Sub("a.txt"), "a");
  Write(dir.Sub(".hidden/x.txt"), "x");
  Write(dir.Sub(".dotfile"), "x");
  absl::StatusOr<std::vector<InputFile>> files = ExpandPaths({dir.path()});
  ASSERT_TRUE(files.ok()) << files.status();
  ASSERT_EQ(files->size(), 3u);
  EXPECT_EQ((*files)[0].path, dir.Sub("a.txt"));
  EXPECT_EQ((*files)[1].path, dir.Sub("b/1.html"));
  EXPECT_EQ((*files)[1].content_type, "text/html");
  EXPECT_EQ((*files)[2].path, dir.Sub("b/2.txt"));
  EXPECT_EQ((*files)[2].size_bytes, 3u);
}

TEST(ExpandPathsTest, MissingPathIsAnError) {
  EXPECT_TRUE(absl::IsNotFound(ExpandPaths({"/no/such/accord/path"}).status()));
}

TEST(ContentTypeForPathTest, MapsExtensions) {
  EXPECT_EQ(ContentTypeForPath("x/000_d5a5"), "text/plain");
  EXPECT_EQ(ContentTypeForPath("A.TXT"), "text/plain");
  EXPECT_EQ(ContentTypeForPath("a.htm"), "text/html");
  EXPECT_EQ(ContentTypeForPath("a.pdf"), "application/octet-stream");
}

}  // namespace
}  // namespace accord::ctl
