#include "bench/corpus/internal/news_language.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <initializer_list>
#include <numeric>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace accord::bench::internal {
namespace {

// Calibration of the long tail, with news_article.cc's shares, measured
// with corpus_stats (the table in bench/README.md; changing any of these
// changes the corpus): distinct analyzed terms grow like a power of the
// corpus size (beta 0.58-0.67 over 2k..100k documents) and pass 150k at
// 50k documents.
//
// Dictionary words: Zipf's law with exponent 1 over the permuted
// dictionary, offset so the first ranks are not each as frequent as a
// head word.
constexpr uint64_t kTailFirstLevel = 512;
// Entities: a billion ranks, each doubling of rank a little less likely
// in all (2/3) than the one before, so that popular names recur and new
// ones keep coming.
constexpr uint64_t kEntityRanks = uint64_t{1} << 30;
constexpr uint64_t kEntityFirstLevel = 32;
constexpr uint64_t kEntityLevelNum = 2, kEntityLevelDen = 3;

// Share of German tail words that are compounds of two dictionary nouns.
constexpr int kGermanCompoundPercent = 20;

enum EntityKind : uint64_t { kPersonKind = 1, kPlaceKind = 2, kOrgKind = 3 };

const PowerLawSampler& EntitySampler() {
  static const PowerLawSampler* const sampler = new PowerLawSampler(
      kEntityRanks, kEntityFirstLevel, kEntityLevelNum, kEntityLevelDen);
  return *sampler;
}

uint64_t CodeSalt(absl::string_view code) {
  uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a
  for (unsigned char c : code) h = (h ^ c) * 0x100000001B3ULL;
  return h;
}

std::string CaseFirst(absl::string_view word, bool upper) {
  if (word.empty()) return std::string(word);
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  if (c < 0) return std::string(word);
  const UChar32 mapped = upper ? u_toupper(c) : u_tolower(c);
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, mapped, error);
  if (error) return std::string(word);
  return absl::StrCat(absl::string_view(buffer, length), word.substr(i));
}

bool StartsUpper(absl::string_view word) {
  if (word.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && u_isupper(c);
}

// Russian surnames agree with gender: Петров / Петрова, Невский / Невская.
std::string Feminine(std::string surname) {
  for (const auto& [male, female] :
       std::initializer_list<std::pair<absl::string_view, absl::string_view>>{
           {"ский", "ская"},
           {"цкий", "цкая"},
           {"ов", "ова"},
           {"ев", "ева"},
           {"ёв", "ёва"},
           {"ин", "ина"}}) {
    if (absl::EndsWith(surname, male)) {
      surname.resize(surname.size() - male.size());
      return absl::StrCat(surname, female);
    }
  }
  return surname;
}

}  // namespace

std::string UpperFirst(absl::string_view word) { return CaseFirst(word, true); }

std::string LowerFirst(absl::string_view word) {
  return CaseFirst(word, false);
}

absl::StatusOr<std::unique_ptr<NewsLanguage>> NewsLanguage::Create(
    const Vocabulary& vocab, const std::string& dictionary_dir, uint64_t seed) {
  absl::StatusOr<std::shared_ptr<const TailDictionary>> dictionary =
      TailDictionary::Load(dictionary_dir, vocab.pack.dictionary,
                           vocab.pack.dictionary_package);
  if (!dictionary.ok()) return dictionary.status();
  return std::unique_ptr<NewsLanguage>(
      new NewsLanguage(vocab, *std::move(dictionary), seed));
}

NewsLanguage::NewsLanguage(const Vocabulary& vocab,
                           std::shared_ptr<const TailDictionary> dictionary,
                           uint64_t seed)
    : vocab_(vocab),
      dictionary_(std::move(dictionary)),
      seed_(seed ^ CodeSalt(vocab.pack.code)),
      order_(dictionary_->size()),
      tail_(dictionary_->size(), kTailFirstLevel, 1, 1),
      onsets_(vocab.pack.name_onsets),
      nuclei_(vocab.pack.name_nuclei),
      codas_(vocab.pack.name_codas),
      surname_suffixes_(vocab.pack.surname_suffixes),
      place_patterns_(vocab.pack.place_patterns),
      organization_patterns_(vocab.pack.organization_patterns) {
  // Which dictionary words are frequent is the seed's choice: a
  // Fisher-Yates shuffle with the generator's own integer PRNG.
  std::iota(order_.begin(), order_.end(), 0);
  SplitMix64 shuffle(MixSeed(seed_, 0x7A11));
  for (size_t i = order_.size(); i > 1; --i) {
    std::swap(order_[i - 1], order_[shuffle.Below(i)]);
  }
}

absl::string_view NewsLanguage::DictionaryWord(SplitMix64& rng) const {
  return dictionary_->word(order_[tail_.Draw(rng)]);
}

std::string NewsLanguage::TailWord(SplitMix64& rng) const {
  const absl::string_view word = DictionaryWord(rng);
  if (pack().code != "de" || !rng.Percent(kGermanCompoundPercent) ||
      !StartsUpper(word)) {
    return std::string(word);
  }
  for (int attempt = 0; attempt < 4; ++attempt) {
    const absl::string_view second = DictionaryWord(rng);
    if (StartsUpper(second) && second.size() > 3 &&
        second.find('-') == absl::string_view::npos) {
      return absl::StrCat(word, LowerFirst(second));
    }
  }
  return std::string(word);
}

std::string NewsLanguage::Stem(SplitMix64& g, int syllables) const {
  std::string out;
  for (int i = 0; i < syllables; ++i) {
    if (i == 0 || g.Percent(85)) absl::StrAppend(&out, onsets_.Uniform(g));
    absl::StrAppend(&out, nuclei_.Uniform(g));
    if (g.Percent(55)) absl::StrAppend(&out, codas_.Uniform(g));
  }
  return out;
}

int NewsLanguage::StemSyllables(SplitMix64& g) const {
  // Vietnamese writes every syllable as a word: "Hòa Bình", not "Hòabình".
  if (surname_suffixes_.entries().empty()) return 1;
  return g.Percent(50) ? 1 : 2;
}

std::string NewsLanguage::Surname(SplitMix64& g, bool female) const {
  // One draw per statement: argument evaluation order differs between
  // compilers, and the corpus must not.
  if (surname_suffixes_.entries().empty()) {  // two syllables, each a word
    const std::string middle = UpperFirst(Stem(g, 1));
    const std::string given = UpperFirst(Stem(g, 1));
    return absl::StrCat(middle, " ", given);
  }
  const std::string stem = UpperFirst(Stem(g, g.Percent(60) ? 1 : 2));
  std::string name = absl::StrCat(stem, surname_suffixes_.Uniform(g));
  return female && pack().code == "ru" ? Feminine(std::move(name)) : name;
}

std::string NewsLanguage::FillPattern(absl::string_view pattern,
                                      SplitMix64& g) const {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{' || i + 2 >= pattern.size() || pattern[i + 2] != '}') {
      out.push_back(pattern[i]);
      continue;
    }
    switch (pattern[i + 1]) {
      case 'S':
        absl::StrAppend(&out, UpperFirst(Stem(g, StemSyllables(g))));
        break;
      case 's':
        absl::StrAppend(&out, Stem(g, StemSyllables(g)));
        break;
      case 'W':
        absl::StrAppend(&out, DictionaryWord(g));
        break;
      case 'U': {
        const int length = static_cast<int>(g.Between(2, 5));
        absl::string_view alphabet = pack().acronym_letters;
        // The alphabet is ASCII or two-byte Cyrillic: step by characters.
        const size_t width =
            static_cast<unsigned char>(alphabet[0]) < 0x80 ? 1 : 2;
        for (int k = 0; k < length; ++k) {
          absl::StrAppend(
              &out,
              alphabet.substr(width * g.Below(alphabet.size() / width), width));
        }
        break;
      }
      default:
        absl::StrAppend(&out, pattern.substr(i, 3));
    }
    i += 2;
  }
  return out;
}

SplitMix64 NewsLanguage::EntityStream(uint64_t kind, uint64_t rank) const {
  return SplitMix64(MixSeed(seed_ ^ (kind * 0x9E3779B97F4A7C15ULL), rank));
}

NewsLanguage::Person NewsLanguage::DrawPerson(SplitMix64& rng) const {
  SplitMix64 g = EntityStream(kPersonKind, EntitySampler().Draw(rng));
  const bool female = g.Percent(40);
  Person person;
  // Vietnamese family names are a short list; elsewhere first names are
  // the team's common ones or generated.
  if (surname_suffixes_.entries().empty() || g.Percent(55)) {
    person.first = std::string(vocab_.first_names.Draw(g));
  } else {
    person.first = UpperFirst(Stem(g, StemSyllables(g)));
  }
  person.last = Surname(g, female);
  return person;
}

std::string NewsLanguage::DrawPlace(SplitMix64& rng) const {
  SplitMix64 g = EntityStream(kPlaceKind, EntitySampler().Draw(rng));
  return FillPattern(place_patterns_.Uniform(g), g);
}

std::string NewsLanguage::DrawOrganization(SplitMix64& rng) const {
  SplitMix64 g = EntityStream(kOrgKind, EntitySampler().Draw(rng));
  return FillPattern(organization_patterns_.Uniform(g), g);
}

}  // namespace accord::bench::internal
