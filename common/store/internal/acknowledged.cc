#include "common/store/internal/acknowledged.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"

namespace accord::store::internal {
namespace {

constexpr absl::string_view kMagic = "accord-acknowledged-v1 ";

// One fixed-size line, so each write replaces the whole record.
std::string Record(uint64_t next_sequence) {
  return absl::StrFormat("%s%020d\n", kMagic, next_sequence);
}

std::string PathOf(const std::string& store_dir) {
  return absl::StrCat(store_dir, "/", kAcknowledgedFile);
}

}  // namespace

absl::StatusOr<std::optional<uint64_t>> ReadAcknowledged(
    const std::string& store_dir) {
  std::ifstream in(PathOf(store_dir), std::ios::binary);
  if (!in) return std::optional<uint64_t>();
  std::stringstream text;
  text << in.rdbuf();
  const std::string contents = text.str();
  absl::string_view record = contents;
  uint64_t next = 0;
  if (!absl::ConsumePrefix(&record, kMagic) ||
      !absl::ConsumeSuffix(&record, "\n") || !absl::SimpleAtoi(record, &next)) {
    return absl::DataLossError(absl::StrCat(
        PathOf(store_dir), " is damaged; it should read \"",
        absl::StripSuffix(Record(0), "\n"), "\" with the store's count"));
  }
  return std::optional<uint64_t>(next);
}

absl::StatusOr<AcknowledgedRecord> AcknowledgedRecord::Open(
    const std::string& store_dir) {
  const std::string path = PathOf(store_dir);
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot open ", path, ": ", std::strerror(errno)));
  }
  return AcknowledgedRecord(fd);
}

AcknowledgedRecord::AcknowledgedRecord(AcknowledgedRecord&& other) noexcept
    : fd_(other.fd_) {
  other.fd_ = -1;
}

AcknowledgedRecord::~AcknowledgedRecord() {
  if (fd_ >= 0) close(fd_);
}

absl::Status AcknowledgedRecord::Write(uint64_t next_sequence) {
  const std::string record = Record(next_sequence);
  if (pwrite(fd_, record.data(), record.size(), 0) !=
      static_cast<ssize_t>(record.size())) {
    return absl::UnavailableError(absl::StrCat(
        "cannot write ", kAcknowledgedFile, ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

}  // namespace accord::store::internal
