#include "common/analysis/internal/stemmers.h"

#include <libstemmer.h>

#include <cstring>

namespace accord::analysis::internal {
namespace {

// Bound on cached languages per thread, against callers passing arbitrary
// strings; past it the cache starts over.
constexpr size_t kMaxLanguages = 64;

std::string PrimarySubtag(std::string_view language) {
  std::string tag;
  for (char c : language) {
    if (c == '-' || c == '_') break;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c < 'a' || c > 'z') return "";
    tag.push_back(c);
  }
  return tag;
}

}  // namespace

std::string SnowballAlgorithm(std::string_view language) {
  std::string tag = PrimarySubtag(language);
  if (tag.empty() || tag == "porter") return "";
  // libstemmer's lookup covers its names and ISO codes; ask it.
  sb_stemmer* stemmer = sb_stemmer_new(tag.c_str(), "UTF_8");
  if (stemmer == nullptr) return "";
  sb_stemmer_delete(stemmer);
  return tag;
}

ThreadStemmers::~ThreadStemmers() { Clear(); }

void ThreadStemmers::Clear() {
  for (Entry& entry : entries_) {
    if (entry.stemmer != nullptr) sb_stemmer_delete(entry.stemmer);
  }
  entries_.clear();
}

sb_stemmer* ThreadStemmers::Get(std::string_view language) {
  for (const Entry& entry : entries_) {
    if (entry.language == language) return entry.stemmer;
  }
  if (entries_.size() >= kMaxLanguages) Clear();
  std::string tag = PrimarySubtag(language);
  sb_stemmer* stemmer = nullptr;
  if (!tag.empty() && tag != "porter") {
    stemmer = sb_stemmer_new(tag.c_str(), "UTF_8");
  }
  entries_.push_back({std::string(language), stemmer});
  return stemmer;
}

void Stem(sb_stemmer* stemmer, std::string_view word, std::string* out) {
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  // Out of memory, or a word that is all ending (Greek "ετε"): the word
  // stays as it is. An empty stem would drop it from the index and make
  // an empty query term.
  if (stem == nullptr || sb_stemmer_length(stemmer) == 0) {
    out->assign(word);
    return;
  }
  out->assign(reinterpret_cast<const char*>(stem),
              static_cast<size_t>(sb_stemmer_length(stemmer)));
}

}  // namespace accord::analysis::internal
