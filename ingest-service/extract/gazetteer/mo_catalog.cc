#include "ingest-service/extract/gazetteer/mo_catalog.h"

#include <cstdint>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace accord::extract {
namespace {

constexpr uint32_t kMagic = 0x950412de;
constexpr uint32_t kMagicSwapped = 0xde120495;

class Reader {
 public:
  Reader(std::string_view bytes, bool swapped)
      : bytes_(bytes), swapped_(swapped) {}

  bool Word(uint64_t offset, uint32_t* out) const {
    if (offset + 4 > bytes_.size()) return false;
    const auto* p = reinterpret_cast<const uint8_t*>(bytes_.data() + offset);
    uint32_t v = uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 |
                 uint32_t{p[3]} << 24;
    if (swapped_) v = __builtin_bswap32(v);
    *out = v;
    return true;
  }

  // The string described by the (length, offset) pair at `descriptor`.
  bool String(uint64_t descriptor, std::string_view* out) const {
    uint32_t length = 0, offset = 0;
    if (!Word(descriptor, &length) || !Word(descriptor + 4, &offset))
      return false;
    if (uint64_t{offset} + length > bytes_.size()) return false;
    *out = bytes_.substr(offset, length);
    return true;
  }

 private:
  std::string_view bytes_;
  bool swapped_;
};

}  // namespace

absl::StatusOr<MoCatalog> ParseMoCatalog(std::string_view bytes) {
  auto malformed = [](std::string_view what) {
    return absl::DataLossError("not a .mo catalogue: " + std::string(what));
  };
  if (bytes.size() < 28) return malformed("shorter than its header");
  uint32_t magic = 0;
  Reader(bytes, false).Word(0, &magic);
  if (magic != kMagic && magic != kMagicSwapped) return malformed("bad magic");
  const Reader reader(bytes, magic == kMagicSwapped);
  uint32_t count = 0, originals = 0, translations = 0;
  reader.Word(8, &count);
  reader.Word(12, &originals);
  reader.Word(16, &translations);
  MoCatalog catalog;
  for (uint64_t i = 0; i < count; ++i) {
    std::string_view msgid, msgstr;
    if (!reader.String(originals + 8 * i, &msgid) ||
        !reader.String(translations + 8 * i, &msgstr)) {
      return malformed(absl::StrCat("entry ", i, " is out of bounds"));
    }
    // Plural forms and contexts are NUL-separated; keep the first form.
    msgid = msgid.substr(0, msgid.find('\0'));
    msgstr = msgstr.substr(0, msgstr.find('\0'));
    if (msgid.empty() || msgstr.empty()) continue;
    catalog.emplace(std::string(msgid), std::string(msgstr));
  }
  return catalog;
}

absl::StatusOr<MoCatalog> ReadMoCatalog(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  absl::StatusOr<MoCatalog> catalog = ParseMoCatalog(bytes.str());
  if (!catalog.ok()) {
    return absl::DataLossError(
        absl::StrCat(path, ": ", catalog.status().message()));
  }
  return catalog;
}

}  // namespace accord::extract
