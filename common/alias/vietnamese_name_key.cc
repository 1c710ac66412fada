#include "common/alias/vietnamese_name_key.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "common/alias/name_tokens.h"
#include "unicode/utf8.h"

namespace accord::alias {
namespace {

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool AllVowels(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsVowel);
}

// A skeleton syllable: an initial, one to three vowels, a final.
bool IsSkeletonSyllable(std::string_view s) {
  static constexpr std::string_view kInitials[] = {
      "ng", "kh", "th", "tj", "sh", "b", "c", "d", "f", "g",
      "h",  "k",  "l",  "m",  "n",  "p", "s", "t", "v"};
  static constexpr std::string_view kFinals[] = {"ng", "nj", "tj", "k",
                                                 "m",  "n",  "p",  "t"};
  for (std::string_view initial : kInitials) {
    if (s.starts_with(initial) && s.size() > initial.size() &&
        IsVowel(s[initial.size()])) {
      s.remove_prefix(initial.size());
      break;
    }
  }
  for (std::string_view final : kFinals) {
    if (s.size() > final.size() && s.ends_with(final)) {
      s.remove_suffix(final.size());
      break;
    }
  }
  return AllVowels(s) && s.size() <= 3 && s.find('y') == std::string_view::npos;
}

// The skeleton of a syllable in Latin letters (a fold: lowercase, no
// diacritics, đ -> d), or "" when it is none.
std::string LatinSkeleton(std::string_view s) {
  struct Initial {
    std::string_view written, skeleton;
  };
  static constexpr Initial kInitials[] = {
      {"ngh", "ng"}, {"ng", "ng"}, {"nh", "n"},  {"gh", "g"}, {"gi", "d"},
      {"kh", "kh"},  {"ph", "f"},  {"th", "th"}, {"tr", "c"}, {"ch", "tj"},
      {"qu", "ku"},  {"b", "b"},   {"c", "k"},   {"d", "d"},  {"g", "g"},
      {"h", "h"},    {"k", "k"},   {"l", "l"},   {"m", "m"},  {"n", "n"},
      {"p", "p"},    {"r", "d"},   {"s", "sh"},  {"t", "t"},  {"v", "v"},
      {"x", "s"}};
  std::string out;
  if (!IsVowel(s.empty() ? 'b' : s[0])) {
    bool found = false;
    for (const Initial& initial : kInitials) {
      // "gi" before a consonant or alone is "g" and the vowel "i" ("Gìn").
      if (s.starts_with(initial.written) &&
          (initial.written != "gi" || (s.size() > 2 && IsVowel(s[2])))) {
        out = initial.skeleton;
        s.remove_prefix(initial.written.size());
        found = true;
        break;
      }
    }
    if (!found) return "";
  }
  struct Final {
    std::string_view written, skeleton;
  };
  static constexpr Final kFinals[] = {{"ng", "ng"}, {"nh", "nj"}, {"ch", "tj"},
                                      {"c", "k"},   {"m", "m"},   {"n", "n"},
                                      {"p", "p"},   {"t", "t"}};
  std::string_view final_skeleton;
  for (const Final& final : kFinals) {
    if (s.size() > final.written.size() && s.ends_with(final.written) &&
        AllVowels(s.substr(0, s.size() - final.written.size()))) {
      final_skeleton = final.skeleton;
      s.remove_suffix(final.written.size());
      break;
    }
  }
  if (!AllVowels(s)) return "";
  std::string vowels(s);
  if (const size_t at = vowels.find("uye"); at != std::string::npos) {
    vowels.replace(at, 3, "ue");
  }
  std::replace(vowels.begin(), vowels.end(), 'y', 'i');
  out += vowels;
  out += final_skeleton;
  return IsSkeletonSyllable(out) ? out : "";
}

// The skeleton of a syllable in Cyrillic letters (a fold: lowercase,
// ё -> е, й -> и), or "" when it is none.
std::string CyrillicSkeleton(std::string_view s) {
  std::u32string letters;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0x0430 || c > 0x044F) return "";  // а..я only
    letters.push_back(static_cast<char32_t>(c));
  }
  // а..я, in order.
  static constexpr std::array<std::string_view, 32> kLetters = {
      "a",  "b",  "v", "g", "d", "e", "d", "d",   // а б в г д е ж з
      "i",  "i",  "k", "l", "m", "n", "o", "p",   // и й к л м н о п
      "d",  "s",  "t", "u", "f", "h", "c", "c",   // р с т у ф х ц ч
      "sh", "sh", "",  "u", "j", "e", "u", "a"};  // ш щ ъ ы ь э ю я
  const auto vowel_at = [&](size_t k) {
    return k < letters.size() &&
           std::u32string_view(U"аеиоуыэюя").find(letters[k]) !=
               std::u32string_view::npos;
  };
  std::string out;
  for (size_t k = 0; k < letters.size(); ++k) {
    const char32_t c = letters[k];
    // Initial ch is ть before a vowel, т before я, ю ("Тьинь" for Chính,
    // "Тяу" for Châu): tj, apart from t ("Тиен" for Tiến).
    if (c == U'т' && k == 0 && k + 1 < letters.size() &&
        ((letters[k + 1] == U'ь' && vowel_at(k + 2)) ||
         letters[k + 1] == U'я' || letters[k + 1] == U'ю')) {
      out += "tj";
      if (letters[k + 1] == U'ь') ++k;
      continue;
    }
    // A soft sign before a vowel marks it ("Вьет" is "Việt"): the vowel i.
    if (c == U'ь' && vowel_at(k + 1)) {
      out += 'i';
      continue;
    }
    out += kLetters[c - U'а'];
  }
  return IsSkeletonSyllable(out) ? out : "";
}

const absl::flat_hash_set<std::string>& Surnames() {
  static const auto* const kSurnames = [] {
    auto* set = new absl::flat_hash_set<std::string>;
    for (std::string_view surname :
         {"nguyen", "tran",  "le",    "pham",  "hoang", "huynh", "phan",
          "vu",     "vo",    "dang",  "bui",   "do",    "ho",    "ngo",
          "duong",  "ly",    "dao",   "dinh",  "lam",   "mai",   "trinh",
          "truong", "to",    "ha",    "cao",   "luong", "ta",    "quach",
          "thai",   "doan",  "kieu",  "la",    "lai",   "chu",   "luu",
          "trieu",  "ton",   "khuat", "giap",  "tang",  "mac",   "ung",
          "lieu",   "nong",  "tieu",  "vuong", "quan",  "dong",  "lu",
          "kha",    "khong", "thach", "tong",  "lo",    "lang",  "hua",
          "hau",    "dam",   "diep",  "chau",  "ong",   "dieu"}) {
      set->insert(LatinSkeleton(surname));
    }
    return set;
  }();
  return *kSurnames;
}

}  // namespace

std::optional<std::string> VietnameseNameKey(std::string_view name) {
  std::vector<NameToken> tokens;
  TokenizeNames(name, &tokens);
  if (tokens.size() < 2 || tokens.size() > 5) return std::nullopt;
  std::string key;
  for (const NameToken& token : tokens) {
    const std::string skeleton = IsCyrillicFold(token.fold)
                                     ? CyrillicSkeleton(token.fold)
                                     : LatinSkeleton(token.fold);
    if (skeleton.empty()) return std::nullopt;
    if (key.empty() && !Surnames().contains(skeleton)) return std::nullopt;
    if (!key.empty()) key.push_back(' ');
    key += skeleton;
  }
  return key;
}

}  // namespace accord::alias
