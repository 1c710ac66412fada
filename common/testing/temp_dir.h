// A directory that exists for the lifetime of a test and is removed after.
#ifndef ACCORD_COMMON_TESTING_TEMP_DIR_H_
#define ACCORD_COMMON_TESTING_TEMP_DIR_H_

#include <string>

namespace accord::testing {

class TempDir {
 public:
  // Creates a fresh directory under $TEST_TMPDIR or /tmp. Aborts on failure:
  // a test without its directory cannot mean anything.
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace accord::testing

#endif  // ACCORD_COMMON_TESTING_TEMP_DIR_H_
