// The long tail of a language's vocabulary for the news profile: the words
// of the hunspell dictionary Debian ships (/usr/share/hunspell/<name>.dic,
// packages hunspell-en-us, hunspell-fr, ...), read at run time; no word
// list is copied into the repository.
//
// A .dic file is a count line, then one entry a line, "word/FLAGS" plus
// optional morphological fields ("réparable/S.() po:adj"); the flags name
// affix rules in the .aff file, whose `SET` line gives the encoding. Only
// the listed stems are kept (affix rules are not expanded): entries made of
// letters, with inner hyphens or apostrophes allowed ("sous-payer",
// "aujourd'hui"), first occurrence only, in file order. Entries with
// digits or dots ("1er", "etc.") are dropped.
//
// Thread-safe: a dictionary is immutable once loaded; Load shares one copy
// per path for the process's life.
//
//   absl::StatusOr<std::shared_ptr<const TailDictionary>> en =
//       TailDictionary::Load("/usr/share/hunspell", "en_US", "hunspell-en-us");
//   if (en.ok()) absl::string_view w = (*en)->word(12345);
#ifndef ACCORD_BENCH_CORPUS_INTERNAL_TAIL_DICTIONARY_H_
#define ACCORD_BENCH_CORPUS_INTERNAL_TAIL_DICTIONARY_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace accord::bench::internal {

class TailDictionary {
 public:
  // `<dictionary_dir>/<name>.dic`, decoded as its `.aff` declares. Read
  // once per process and path: later calls return the same object. Fails
  // with NotFound, naming the file and `debian_package`, when the file is
  // missing (there is no fallback: a corpus without its tail would not be
  // the corpus the figures describe), and with DataLoss when it holds no
  // usable word or its encoding is unknown to ICU.
  static absl::StatusOr<std::shared_ptr<const TailDictionary>> Load(
      const std::string& dictionary_dir, absl::string_view name,
      absl::string_view debian_package);

  // The words of .dic text `dic` in `encoding` (an ICU converter name such
  // as "UTF-8", "ISO8859-1", "KOI8-R"). For tests and Load.
  static absl::StatusOr<TailDictionary> Parse(absl::string_view dic,
                                              absl::string_view encoding);

  size_t size() const { return offsets_.size() - 1; }
  // REQUIRES: i < size(). UTF-8.
  absl::string_view word(size_t i) const {
    return absl::string_view(words_).substr(offsets_[i],
                                            offsets_[i + 1] - offsets_[i]);
  }

 private:
  TailDictionary() = default;

  std::string words_;                 // back to back
  std::vector<uint32_t> offsets_{0};  // word i is [offsets_[i], offsets_[i+1])
};

}  // namespace accord::bench::internal

#endif  // ACCORD_BENCH_CORPUS_INTERNAL_TAIL_DICTIONARY_H_
