// Russian declension of people's names: the case forms of a name written
// in Cyrillic in the nominative ("Сергей Лавров" -> "Сергея Лаврова",
// "Сергею Лаврову", "Сергеем Лавровым", "Сергее Лаврове"), so that the
// gazetteer finds a known person in whatever case a Russian text names
// them ("переговоры с То Ламом", "визит Нгуен Мань Хунга").
//
// The rules are the team's, by the ending of each word (docs/
// UNDERSTANDING.md, "Russian names in their cases"): consonant-final
// masculine names, -й and -ь, -а and -я, -ия, surnames in -ов/-ев/-ин
// (instrumental -ым) and their feminine -ова/-ева/-ина (taken as
// surnames in the last word only), adjectival -ский/-цкий/-ской and
// -ская/-цкая. A word ending in another vowel (То, Шойгу, Ли) does not
// decline. Fleeting vowels (Павел -> Павла) and other irregular forms are
// not derived: the data files list them. Foreign names Russian declines
// only in part (a Vietnamese name's last word: "Нгуен Мань Хунга") are
// given both ways. A woman's consonant-final name does not decline
// (RussianGenderOf says whose names are women's); where the gender is not
// known, some forms are ones no text writes: they cost a name in the
// automaton and match nothing.
//
// Thread-safe; no state.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_RUSSIAN_DECLENSION_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_RUSSIAN_DECLENSION_H_

#include <string>
#include <string_view>
#include <vector>

namespace accord::extract {

enum class RussianGender {
  kUnknown,   // declined as a man's name
  kFeminine,  // words ending in a consonant or -ь do not decline
};

// The forms of `name` (nominative, words separated by single spaces) in
// the genitive, dative, accusative, instrumental and prepositional, each
// once, without `name` itself; empty when no word of it declines or it
// holds a word that is not all Cyrillic letters (and hyphens).
std::vector<std::string> DeclineRussianName(
    std::string_view name, RussianGender gender = RussianGender::kUnknown);

// A woman's full name by its given name: in -а or -я but for the men's
// names that end so (Никита, Илья, ...), or with the Vietnamese middle
// name Thị ("Тхи"); kUnknown otherwise (a consonant-final given name says
// nothing of a foreign name: "Дорин").
RussianGender RussianGenderOf(std::string_view full_name);

}  // namespace accord::extract

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_RUSSIAN_DECLENSION_H_
