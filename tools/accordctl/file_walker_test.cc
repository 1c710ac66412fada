#include "tools/accordctl/file_walker.h"

#include <filesystem>
#include <fstream>

#include "absl/strings/match.h"
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

TEST(ResolveContentTypeTest, GuessOrOptionWithCharset) {
  EXPECT_EQ(*ResolveContentType("text/plain", "", ""), "text/plain");
  EXPECT_EQ(*ResolveContentType("application/octet-stream", "text/plain", ""),
            "text/plain");
  EXPECT_EQ(*ResolveContentType("text/plain", "", "iso-8859-1"),
            "text/plain; charset=iso-8859-1");
  EXPECT_EQ(*ResolveContentType("text/html", "text/plain", " latin1 "),
            "text/plain; charset=latin1");
  EXPECT_EQ(*ResolveContentType("text/plain", "text/plain; charset=koi8-r", ""),
            "text/plain; charset=koi8-r");
}

TEST(ResolveContentTypeTest, BadValuesAreErrorsThatNameTheOption) {
  absl::StatusOr<std::string> type =
      ResolveContentType("text/plain", "plain", "");
  ASSERT_TRUE(absl::IsInvalidArgument(type.status()));
  EXPECT_TRUE(absl::StrContains(type.status().message(), "--content_type"))
      << type.status();
  type = ResolveContentType("text/plain", "", "utf-8; format=flowed");
  ASSERT_TRUE(absl::IsInvalidArgument(type.status()));
  EXPECT_TRUE(absl::StrContains(type.status().message(), "--charset"))
      << type.status();
  type = ResolveContentType("text/plain", "text/plain; charset=utf-8",
                            "iso-8859-1");
  ASSERT_TRUE(absl::IsInvalidArgument(type.status()));
  EXPECT_TRUE(absl::StrContains(type.status().message(), "give it once"))
      << type.status();
}

}  // namespace
}  // namespace accord::ctl
