#include "bench/corpus/internal/vocabulary.h"

#include <algorithm>

namespace accord::bench::internal {
namespace {

std::vector<absl::string_view> Split(absl::string_view joined) {
  std::vector<absl::string_view> out;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t end = joined.find('|', start);
    if (end == absl::string_view::npos) end = joined.size();
    if (end > start) out.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

WordList::WordList(absl::string_view joined)
    : entries_(Split(joined)), zipf_(entries_.size()) {}

Vocabulary::Vocabulary(const LanguagePack& p)
    : pack(p),
      nouns(p.nouns),
      adjectives(p.adjectives),
      verbs(p.verbs),
      topics(p.topics),
      titles(p.titles),
      first_names(p.first_names),
      last_names(p.last_names),
      countries(p.countries),
      cities(p.cities),
      organizations(p.organizations),
      agencies(p.agencies),
      months(p.months),
      stopwords(p.stopwords) {}

bool Vocabulary::IsStopword(absl::string_view word) const {
  const std::string lower = SimpleLower(word);
  const auto& list = stopwords.entries();
  return std::find(list.begin(), list.end(), lower) != list.end();
}

std::string SimpleLower(absl::string_view word) {
  std::string out(word);
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = out[i];
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xD0 && i + 1 < out.size()) {
      unsigned char d = out[i + 1];
      if (d >= 0x90 && d <= 0x9F) {  // А..П -> а..п
        out[i + 1] = static_cast<char>(d + 0x20);
      } else if (d >= 0xA0 && d <= 0xAF) {  // Р..Я -> р..я
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(d - 0x20);
      }
      ++i;
    }
  }
  return out;
}

const std::vector<const Vocabulary*>& AllVocabularies() {
  static const std::vector<const Vocabulary*>* const kAll =
      new std::vector<const Vocabulary*>{
          new Vocabulary(EnglishPack()), new Vocabulary(FrenchPack()),
          new Vocabulary(GermanPack()),  new Vocabulary(SpanishPack()),
          new Vocabulary(RussianPack()), new Vocabulary(VietnamesePack())};
  return *kAll;
}

const Vocabulary& DrawVocabulary(SplitMix64& rng) {
  const auto& all = AllVocabularies();
  int x = static_cast<int>(rng.Below(100));
  for (const Vocabulary* v : all) {
    if (x < v->pack.weight_percent) return *v;
    x -= v->pack.weight_percent;
  }
  return *all.front();  // weights sum to 100; not reached
}

}  // namespace accord::bench::internal
