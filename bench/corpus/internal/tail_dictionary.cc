#include "bench/corpus/internal/tail_dictionary.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"

namespace accord::bench::internal {
namespace {

// Longer entries are chemical names and the like, not news words.
constexpr size_t kMaxWordBytes = 40;

bool IsLetter(UChar32 c) {
  return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool IsInnerPunct(UChar32 c) { return c == '-' || c == '\'' || c == 0x2019; }

// A word of letters, inner hyphens and apostrophes, at least two letters,
// valid UTF-8.
bool IsPlainWord(absl::string_view w) {
  if (w.size() > kMaxWordBytes) return false;
  int32_t i = 0, letters = 0;
  const int32_t n = static_cast<int32_t>(w.size());
  bool last_was_letter = false;
  while (i < n) {
    UChar32 c;
    U8_NEXT(w.data(), i, n, c);
    if (c < 0) return false;
    if (IsLetter(c)) {
      ++letters;
      last_was_letter = true;
    } else if (IsInnerPunct(c) && last_was_letter) {
      last_was_letter = false;
    } else {
      return false;
    }
  }
  return letters >= 2 && last_was_letter;
}

// The word of a .dic line: up to the first unescaped '/', tab or space.
// Lines holding an escaped slash ("km\/h") are not plain words anyway.
absl::string_view EntryWord(absl::string_view line) {
  const size_t end = line.find_first_of("/\t ");
  return line.substr(0, end);
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  if (!in.good() && !in.eof()) {
    return absl::DataLossError(absl::StrCat("cannot read ", path));
  }
  return std::move(contents).str();
}

// The `SET` encoding of a .aff file; hunspell's default is ISO8859-1.
std::string AffEncoding(absl::string_view aff) {
  for (absl::string_view line : absl::StrSplit(aff, '\n')) {
    line = absl::StripTrailingAsciiWhitespace(line);
    if (absl::ConsumePrefix(&line, "SET ")) {
      return std::string(absl::StripAsciiWhitespace(line));
    }
  }
  return "ISO8859-1";
}

absl::StatusOr<std::string> ToUtf8(absl::string_view text,
                                   absl::string_view encoding) {
  const std::string name(encoding);
  const std::string lower = absl::AsciiStrToLower(name);
  if (lower == "utf-8" || lower == "utf8") return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status)) {
    return absl::DataLossError(
        absl::StrCat("dictionary encoding \"", name, "\" unknown to ICU"));
  }
  const icu::UnicodeString decoded(
      text.data(), static_cast<int32_t>(text.size()), converter, status);
  ucnv_close(converter);
  if (U_FAILURE(status)) {
    return absl::DataLossError(
        absl::StrCat("cannot decode the dictionary as ", name));
  }
  std::string out;
  decoded.toUTF8String(out);
  return out;
}

// One entry per path. Loading holds only the entry's lock, so a caller
// waits for the dictionary it asked for, never for another path's I/O.
struct CacheEntry {
  absl::Mutex mu;
  std::shared_ptr<const TailDictionary> dictionary ABSL_GUARDED_BY(mu);
};

struct Cache {
  absl::Mutex mu;
  absl::flat_hash_map<std::string, std::shared_ptr<CacheEntry>> entries
      ABSL_GUARDED_BY(mu);
};

Cache& ProcessCache() {
  static Cache* const cache = new Cache;
  return *cache;
}

}  // namespace

absl::StatusOr<TailDictionary> TailDictionary::Parse(
    absl::string_view dic, absl::string_view encoding) {
  absl::StatusOr<std::string> utf8 = ToUtf8(dic, encoding);
  if (!utf8.ok()) return utf8.status();
  TailDictionary out;
  out.words_.reserve(utf8->size() / 2);
  absl::flat_hash_set<absl::string_view> seen;
  bool first_line = true;
  for (absl::string_view line : absl::StrSplit(*utf8, '\n')) {
    if (first_line) {  // the entry count
      first_line = false;
      continue;
    }
    line = absl::StripTrailingAsciiWhitespace(line);
    // Indented lines are comments in some dictionaries (de_DE).
    if (line.empty() || line[0] == '\t' || line[0] == ' ' || line[0] == '#') {
      continue;
    }
    const absl::string_view word = EntryWord(line);
    if (!IsPlainWord(word) || !seen.insert(word).second) continue;
    out.words_.append(word.data(), word.size());
    out.offsets_.push_back(static_cast<uint32_t>(out.words_.size()));
  }
  if (out.size() == 0) {
    return absl::DataLossError("the dictionary holds no plain word");
  }
  out.words_.shrink_to_fit();
  return out;
}

absl::StatusOr<std::shared_ptr<const TailDictionary>> TailDictionary::Load(
    const std::string& dictionary_dir, absl::string_view name,
    absl::string_view debian_package) {
  const std::string base = absl::StrCat(dictionary_dir, "/", name);
  std::shared_ptr<CacheEntry> entry;
  {
    Cache& cache = ProcessCache();
    absl::MutexLock lock(&cache.mu);
    std::shared_ptr<CacheEntry>& slot = cache.entries[base];
    if (slot == nullptr) slot = std::make_shared<CacheEntry>();
    entry = slot;
  }
  absl::MutexLock lock(&entry->mu);
  if (entry->dictionary != nullptr) return entry->dictionary;

  const std::string dic_path = base + ".dic";
  const std::string aff_path = base + ".aff";
  std::error_code error;
  if (!std::filesystem::is_regular_file(dic_path, error) ||
      !std::filesystem::is_regular_file(aff_path, error)) {
    return absl::NotFoundError(absl::StrCat(
        "news corpus: hunspell dictionary ", dic_path,
        " (or its .aff) not found; install the Debian package ", debian_package,
        " (scripts/install-deps.sh does), or use "
        "--corpus=templated"));
  }
  absl::StatusOr<std::string> aff = ReadFile(aff_path);
  if (!aff.ok()) return aff.status();
  absl::StatusOr<std::string> dic = ReadFile(dic_path);
  if (!dic.ok()) return dic.status();
  absl::StatusOr<TailDictionary> parsed = Parse(*dic, AffEncoding(*aff));
  if (!parsed.ok()) {
    return absl::Status(
        parsed.status().code(),
        absl::StrCat(dic_path, ": ", parsed.status().message()));
  }
  entry->dictionary =
      std::make_shared<const TailDictionary>(*std::move(parsed));
  return entry->dictionary;
}

}  // namespace accord::bench::internal
