#include "common/alias/chinese_name_key.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_replace.h"
#include "common/alias/name_tokens.h"

namespace accord::alias {
namespace {

// The key's fold of Cyrillic letters: э -> е, й -> и, ё -> е (the name
// fold has already lowercased).
std::string FoldCyrillic(std::string_view text) {
  return absl::StrReplaceAll(absl::string_view(text.data(), text.size()),
                             {{"э", "е"}, {"й", "и"}, {"ё", "е"}});
}

// Pinyin initials by how they combine with finals.
enum class Place {
  kLabial,
  kAlveolar,
  kVelar,
  kPalatal,
  kRetroflex,
  kSibilant
};

struct Initial {
  std::string_view pinyin;
  std::string_view palladius;
  Place place;
};
constexpr Initial kInitials[] = {
    {"b", "б", Place::kLabial},      {"p", "п", Place::kLabial},
    {"m", "м", Place::kLabial},      {"f", "ф", Place::kLabial},
    {"d", "д", Place::kAlveolar},    {"t", "т", Place::kAlveolar},
    {"n", "н", Place::kAlveolar},    {"l", "л", Place::kAlveolar},
    {"g", "г", Place::kVelar},       {"k", "к", Place::kVelar},
    {"h", "х", Place::kVelar},       {"j", "цз", Place::kPalatal},
    {"q", "ц", Place::kPalatal},     {"x", "с", Place::kPalatal},
    {"zh", "чж", Place::kRetroflex}, {"ch", "ч", Place::kRetroflex},
    {"sh", "ш", Place::kRetroflex},  {"r", "ж", Place::kRetroflex},
    {"z", "цз", Place::kSibilant},   {"c", "ц", Place::kSibilant},
    {"s", "с", Place::kSibilant},
};

// A final after an initial: its Palladius writing, and which initials it
// follows (a bit per Place).
struct Final {
  std::string_view pinyin;
  std::string_view palladius;
  unsigned places;
};
constexpr unsigned Bit(Place p) { return 1u << static_cast<unsigned>(p); }
constexpr unsigned kL = Bit(Place::kLabial), kA = Bit(Place::kAlveolar),
                   kV = Bit(Place::kVelar), kP = Bit(Place::kPalatal),
                   kR = Bit(Place::kRetroflex), kS = Bit(Place::kSibilant);
constexpr Final kFinals[] = {
    {"a", "а", kL | kA | kV | kR | kS},
    {"ai", "ай", kL | kA | kV | kR | kS},
    {"an", "ань", kL | kA | kV | kR | kS},
    {"ang", "ан", kL | kA | kV | kR | kS},
    {"ao", "ао", kL | kA | kV | kR | kS},
    {"e", "э", kA | kV | kR | kS},
    {"ei", "эй", kL | kA | kV | kR | kS},
    {"en", "энь", kL | kA | kV | kR | kS},
    {"eng", "эн", kL | kA | kV | kR | kS},
    {"o", "о", kL},
    {"ou", "оу", kL | kA | kV | kR | kS},
    {"ong", "ун", kA | kV | kR | kS},
    {"i", "и", kL | kA | kP | kR | kS},  // ы after z, c, s
    {"ia", "я", kA | kP},
    {"ian", "янь", kL | kA | kP},
    {"iang", "ян", kA | kP},
    {"iao", "яо", kL | kA | kP},
    {"ie", "е", kL | kA | kP},
    {"in", "инь", kL | kA | kP},
    {"ing", "ин", kL | kA | kP},
    {"iong", "юн", kP},
    {"iu", "ю", kL | kA | kP},
    {"u", "у", kL | kA | kV | kP | kR | kS},  // юй after j, q, x
    {"ua", "уа", kV | kR},
    {"uai", "уай", kV | kR},
    {"uan", "уань", kA | kV | kP | kR | kS},  // юань after j, q, x
    {"uang", "уан", kV | kR},
    {"ui", "уй", kA | kV | kR | kS},        // уэй after h
    {"un", "унь", kA | kV | kP | kR | kS},  // юнь after j, q, x
    {"uo", "о", kA | kV | kR | kS},
    {"ue", "юэ", kA | kP},
};

// Syllables without an initial, as pinyin spells them.
constexpr std::pair<std::string_view, std::string_view> kAlone[] = {
    {"a", "а"},      {"ai", "ай"},    {"an", "ань"},   {"ang", "ан"},
    {"ao", "ао"},    {"e", "э"},      {"ei", "эй"},    {"en", "энь"},
    {"eng", "эн"},   {"er", "эр"},    {"o", "о"},      {"ou", "оу"},
    {"yi", "и"},     {"ya", "я"},     {"yan", "янь"},  {"yang", "ян"},
    {"yao", "яо"},   {"ye", "е"},     {"yin", "инь"},  {"ying", "ин"},
    {"yong", "юн"},  {"you", "ю"},    {"yu", "юй"},    {"yuan", "юань"},
    {"yue", "юэ"},   {"yun", "юнь"},  {"wu", "у"},     {"wa", "ва"},
    {"wai", "вай"},  {"wan", "вань"}, {"wang", "ван"}, {"wei", "вэй"},
    {"wen", "вэнь"}, {"weng", "вэн"}, {"wo", "во"},
};

// The most common Chinese surnames, in pinyin. Not those a Vietnamese
// surname folds to when the rest could be pinyin ("le" for Lê: "Le Duan",
// "Lê Duẩn" in two words; "lu" for Lữ).
constexpr std::string_view kSurnames[] = {
    "wang",  "li",    "zhang", "liu",  "chen",  "yang",  "huang", "zhao",
    "wu",    "zhou",  "xu",    "sun",  "ma",    "zhu",   "hu",    "guo",
    "he",    "gao",   "lin",   "luo",  "zheng", "liang", "xie",   "song",
    "tang",  "han",   "feng",  "deng", "cao",   "peng",  "zeng",  "xiao",
    "tian",  "dong",  "pan",   "yuan", "cai",   "jiang", "yu",    "du",
    "ye",    "cheng", "wei",   "su",   "ding",  "ren",   "yao",   "shen",
    "zhong", "cui",   "tan",   "fan",  "liao",  "shi",   "jin",   "jia",
    "xia",   "fu",    "fang",  "zou",  "xiong", "bai",   "meng",  "qin",
    "qiu",   "hou",   "yin",   "xue",  "yan",   "duan",  "lei",   "long",
    "tao",   "mao",   "hao",   "gu",   "gong",  "shao",  "qian",  "dai",
    "kong",  "xiang", "kang",  "geng", "hua",   "qi",    "zhan",  "xi",
    "wen",   "bo",    "hong",  "yi",   "chang", "miao",  "qu",    "zhai",
    "lou",   "ling",  "niu",   "ge",   "nie",
};

// Initial and final pairs the places above allow that Mandarin has no
// syllable for: left out, so that fewer foreign words read as pinyin.
constexpr std::string_view kNoSyllables[] = {
    "fi",    "fia",   "fian",  "fiao",  "fie",  "fin", "fing", "fiu", "fai",
    "fao",   "biu",   "piu",   "tiu",   "din",  "tin", "dia",  "tia", "nia",
    "diang", "tiang", "due",   "tue",   "nun",  "nui", "lui",  "ra",  "rei",
    "rua",   "ruai",  "ruang", "shong", "chei", "ten", "len",  "bou",
};

// Syllables without an initial that begin with a, e or o: pinyin puts an
// apostrophe before them inside a word ("Xi'an"), so a cut never starts
// one there ("Angang" is an-gang, "Lina" li-na).
bool OpensWithAVowel(std::string_view pinyin) {
  return pinyin[0] == 'a' || pinyin[0] == 'e' || pinyin[0] == 'o';
}

struct Inventory {
  // Pinyin syllable -> its Palladius writing, folded.
  absl::flat_hash_map<std::string, std::string> palladius;
  // The folded Palladius writings.
  absl::flat_hash_set<std::string> cyrillic;
  // The surnames' Palladius writings, folded.
  absl::flat_hash_set<std::string> surnames;
  size_t longest_pinyin = 0;
  size_t longest_cyrillic = 0;  // bytes
};

std::string PalladiusOf(const Initial& initial, const Final& final) {
  std::string_view tail = final.palladius;
  if (initial.place == Place::kSibilant && final.pinyin == "i") tail = "ы";
  if (initial.place == Place::kPalatal) {
    if (final.pinyin == "u") tail = "юй";
    if (final.pinyin == "uan") tail = "юань";
    if (final.pinyin == "un") tail = "юнь";
  }
  if (initial.pinyin == "h" && final.pinyin == "ui") tail = "уэй";
  std::string written(initial.palladius);
  written += tail;
  return FoldCyrillic(written);
}

const Inventory& Syllables() {
  static const Inventory* const kInventory = [] {
    auto* inventory = new Inventory;
    auto add = [&](std::string pinyin, std::string palladius) {
      inventory->longest_pinyin =
          std::max(inventory->longest_pinyin, pinyin.size());
      inventory->longest_cyrillic =
          std::max(inventory->longest_cyrillic, palladius.size());
      inventory->cyrillic.insert(palladius);
      inventory->palladius.emplace(std::move(pinyin), std::move(palladius));
    };
    for (const auto& [pinyin, palladius] : kAlone) {
      add(std::string(pinyin), FoldCyrillic(palladius));
    }
    for (const Initial& initial : kInitials) {
      for (const Final& final : kFinals) {
        if ((final.places & Bit(initial.place)) == 0) continue;
        std::string pinyin(initial.pinyin);
        pinyin += final.pinyin;
        if (std::find(std::begin(kNoSyllables), std::end(kNoSyllables),
                      pinyin) != std::end(kNoSyllables)) {
          continue;
        }
        add(std::move(pinyin), PalladiusOf(initial, final));
      }
    }
    for (std::string_view surname : kSurnames) {
      const auto it = inventory->palladius.find(std::string(surname));
      if (it != inventory->palladius.end()) {
        inventory->surnames.insert(it->second);
      }
    }
    return inventory;
  }();
  return *kInventory;
}

// Cuts `word` into syllables (at most `longest` bytes each) that
// `known(syllable, at_start)` accepts, the longest first, backtracking;
// appends what `write` makes of each to *out.
// False when no cut of at most `max_syllables` exists.
template <typename Known, typename Write>
bool Cut(std::string_view word, bool at_start, const Known& known,
         size_t longest, int max_syllables, const Write& write,
         std::string* out) {
  if (word.empty()) return true;
  if (max_syllables == 0) return false;
  for (size_t length = std::min(longest, word.size()); length > 0; --length) {
    const std::string syllable(word.substr(0, length));
    if (!known(syllable, at_start)) continue;
    const size_t before = out->size();
    write(syllable, out);
    if (Cut(word.substr(length), false, known, longest, max_syllables - 1,
            write, out)) {
      return true;
    }
    out->resize(before);
  }
  return false;
}

// Chinese given names are one or two syllables; the surname is one.
constexpr int kMaxGivenNameSyllables = 2;

}  // namespace

std::optional<std::string> ChineseNameKey(std::string_view name) {
  std::vector<NameToken> tokens;
  TokenizeNames(name, &tokens);
  // Surname and given name: a third word is a Vietnamese middle name or
  // a Korean given name's second half ("Ли Чжэ Мён"), not pinyin's way.
  if (tokens.size() != 2) return std::nullopt;
  const Inventory& syllables = Syllables();
  std::string key;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& fold = tokens[i].fold;
    const int max_syllables = i == 0 ? 1 : kMaxGivenNameSyllables;
    std::string written;
    const bool cut = IsCyrillicFold(fold)
                         ? Cut(
                               FoldCyrillic(fold), true,
                               [&](const std::string& s, bool) {
                                 return syllables.cyrillic.contains(s);
                               },
                               syllables.longest_cyrillic, max_syllables,
                               [](const std::string& s, std::string* out) {
                                 out->append(s);
                               },
                               &written)
                         : Cut(
                               fold, true,
                               [&](const std::string& s, bool at_start) {
                                 return syllables.palladius.contains(s) &&
                                        (at_start || !OpensWithAVowel(s));
                               },
                               syllables.longest_pinyin, max_syllables,
                               [&](const std::string& s, std::string* out) {
                                 out->append(syllables.palladius.at(s));
                               },
                               &written);
    if (!cut) return std::nullopt;
    if (i == 0 && !syllables.surnames.contains(written)) return std::nullopt;
    if (!key.empty()) key.push_back(' ');
    key += written;
  }
  return key;
}

}  // namespace accord::alias
