#include "ingest-service/extract/gazetteer/russian_declension.h"

#include <algorithm>
#include <array>
#include <optional>

#include "absl/strings/str_split.h"
#include "common/temporal/text_fold.h"

namespace accord::extract {
namespace {

// The five oblique cases, in this order.
enum Case { kGenitive, kDative, kAccusative, kInstrumental, kPrepositional };
constexpr int kCases = 5;

// A word's forms in the oblique cases; the instrumental may have two
// ("Мартином", "Мартиным": a foreign or a Russian surname in -ин).
struct Forms {
  std::array<std::u32string, kCases> by_case;
  std::u32string other_instrumental;
};

bool IsCyrillicLetter(char32_t c) {
  return (c >= U'\u0410' && c <= U'\u044F') || c == U'\u0401' || c == U'\u0451';
}

bool OneOf(char32_t c, std::u32string_view letters) {
  return letters.find(c) != std::u32string_view::npos;
}

constexpr std::u32string_view kConsonants = U"бвгджзклмнпрстфхцчшщ";

char32_t Lower(char32_t c) {
  return c >= U'А' && c <= U'Я' ? c + (U'а' - U'А') : c;
}

// The forms of one word, or nullopt when it does not decline. `surname`:
// the last word of a name (a short form alone is one: "Путин").
// `feminine`: a woman's name, whose words ending in a consonant or -ь do
// not decline ("Ангела Меркель", "Камала Харрис").
std::optional<Forms> DeclineWord(const std::u32string& word, bool surname,
                                 bool feminine) {
  if (word.size() < 2) return std::nullopt;
  const auto ends = [&](std::u32string_view ending) {
    return word.size() > ending.size() + 1 &&
           std::u32string_view(word).ends_with(ending);
  };
  const auto with = [&](size_t cut,
                        std::array<std::u32string_view, kCases> endings) {
    Forms forms;
    const std::u32string base = word.substr(0, word.size() - cut);
    for (int c = 0; c < kCases; ++c) {
      forms.by_case[c] = base + std::u32string(endings[c]);
    }
    return forms;
  };
  const char32_t last = word.back();
  const char32_t before = Lower(word[word.size() - 2]);
  // Surnames in -ых, -их do not decline ("Крутских").
  if (ends(U"ых") || ends(U"их")) return std::nullopt;
  if (ends(U"ский") || ends(U"цкий")) {
    return with(2, {U"ого", U"ому", U"ого", U"им", U"ом"});
  }
  if (ends(U"ской") || ends(U"цкой")) {
    return with(2, {U"ого", U"ому", U"ого", U"им", U"ом"});
  }
  if (ends(U"ская") || ends(U"цкая")) {
    return with(2, {U"ой", U"ой", U"ую", U"ой", U"ой"});
  }
  if (surname && (ends(U"ова") || ends(U"ева") || ends(U"ёва") ||
                  ends(U"ина") || ends(U"ына"))) {
    return with(1, {U"ой", U"ой", U"у", U"ой", U"ой"});
  }
  // Other adjectival surnames in -ой ("Толстой", "Толстого").
  if (surname && word.size() >= 5 && ends(U"ой")) {
    return with(2, {U"ого", U"ому", U"ого", U"ым", U"ом"});
  }
  if (feminine && (last == U'ь' || OneOf(last, kConsonants))) {
    return std::nullopt;
  }
  switch (last) {
    case U'а':
      return with(1, {OneOf(before, U"гкхжшчщ") ? U"и" : U"ы", U"е", U"у",
                      OneOf(before, U"жшчщц") ? U"ей" : U"ой", U"е"});
    case U'я':
      if (before == U'и') return with(1, {U"и", U"и", U"ю", U"ей", U"и"});
      return with(1, {U"и", U"е", U"ю", U"ей", U"е"});
    case U'й':
      return with(1, {U"я", U"ю", U"я", U"ем", before == U'и' ? U"и" : U"е"});
    case U'ь':
      return with(1, {U"я", U"ю", U"я", U"ем", U"е"});
    default:
      break;
  }
  if (!OneOf(last, kConsonants)) return std::nullopt;  // То, Шойгу, Ли
  Forms forms =
      with(0, {U"а", U"у", U"а", OneOf(last, U"жшчщц") ? U"ем" : U"ом", U"е"});
  if (surname && (ends(U"ов") || ends(U"ев") || ends(U"ёв"))) {
    forms.by_case[kInstrumental] = word + U"ым";
  } else if (surname && (ends(U"ин") || ends(U"ын"))) {
    forms.other_instrumental = word + U"ым";
  }
  return forms;
}

// The code points of `utf8` (temporal::DecodeUtf8: invalid bytes are
// U+FFFD, which no rule below takes for a letter).
std::u32string Decode(std::string_view utf8) {
  std::u32string out;
  for (size_t pos = 0; pos < utf8.size();) {
    out.push_back(temporal::DecodeUtf8(utf8, &pos));
  }
  return out;
}

std::string Encode(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) temporal::AppendUtf8(c, &out);
  return out;
}

}  // namespace

std::vector<std::string> DeclineRussianName(std::string_view name,
                                            RussianGender gender) {
  std::vector<std::u32string> words;
  for (absl::string_view part :
       absl::StrSplit(absl::string_view(name.data(), name.size()), ' ',
                      absl::SkipEmpty())) {
    std::u32string word = Decode(std::string_view(part.data(), part.size()));
    for (char32_t c : word) {
      if (!IsCyrillicLetter(c) && c != U'-') return {};
    }
    words.push_back(std::move(word));
  }
  if (words.empty()) return {};
  std::vector<std::optional<Forms>> forms;
  for (size_t w = 0; w < words.size(); ++w) {
    // A hyphenated word declines by its last part ("Богдан-Мартин").
    forms.push_back(DeclineWord(words[w], w + 1 == words.size(),
                                gender == RussianGender::kFeminine));
  }
  std::vector<std::string> out;
  const auto add = [&](std::u32string_view form) {
    std::string text = Encode(form);
    if (text != name && std::find(out.begin(), out.end(), text) == out.end()) {
      out.push_back(std::move(text));
    }
  };
  const std::optional<Forms>& last = forms.back();
  for (int c = 0; c < kCases; ++c) {
    // Every word in the case, then the last word alone (the way Russian
    // declines many foreign names).
    for (const bool all_words : {true, false}) {
      std::u32string prefix;
      for (size_t w = 0; w + 1 < words.size(); ++w) {
        prefix += all_words && forms[w] ? forms[w]->by_case[c] : words[w];
        prefix.push_back(U' ');
      }
      if (last) {
        add(prefix + last->by_case[c]);
        if (c == kInstrumental && !last->other_instrumental.empty()) {
          add(prefix + last->other_instrumental);
        }
      } else {
        add(prefix + words.back());
      }
    }
  }
  return out;
}

RussianGender RussianGenderOf(std::string_view full_name) {
  std::vector<std::u32string> words;
  for (absl::string_view part :
       absl::StrSplit(absl::string_view(full_name.data(), full_name.size()),
                      ' ', absl::SkipEmpty())) {
    std::u32string word = Decode(std::string_view(part.data(), part.size()));
    for (char32_t& c : word) c = Lower(c);
    words.push_back(std::move(word));
  }
  if (words.size() < 2) return RussianGender::kUnknown;
  // Vietnamese: the middle name Thị ("Нгуен Тхи Ань").
  for (size_t w = 1; w + 1 < words.size(); ++w) {
    if (words[w] == U"тхи") return RussianGender::kFeminine;
  }
  // A given name in -а or -я, but for the men's names that end so.
  static constexpr std::u32string_view kMen[] = {
      U"никита", U"илья",   U"кузьма",  U"фома",  U"лука",
      U"савва",  U"данила", U"гаврила", U"мыкола"};
  const std::u32string& given = words.front();
  if ((given.back() == U'а' || given.back() == U'я') &&
      std::find(std::begin(kMen), std::end(kMen), given) == std::end(kMen)) {
    return RussianGender::kFeminine;
  }
  return RussianGender::kUnknown;
}

}  // namespace accord::extract
