// The key that merges a Vietnamese person's name across Latin and Cyrillic
// writing: "Nguyễn Văn Long", "Nguyen Van Long" and "Нгуен Ван Лонг";
// "Trương Đình Dũng" and "Чыонг Динь Зунг". Russian writes Vietnamese
// names by the practical transcription of the Russian–Vietnamese
// tradition (Kontsevich: tr -> ч; ch -> ть (тя, тю); d, gi, r -> з;
// đ -> д; x -> с; s -> ш; ph -> ф; th -> тх; final nh -> нь, final ch
// -> ть; ư -> ы), which ICU's transliteration does not undo ("Нгуен" is
// "nguen", not "nguyen"). Both writings are reduced to one skeleton per
// syllable:
//
//   initial: ngh, ng -> ng; nh -> n; gh, g -> g; gi, d, r, đ, з -> d;
//            tr, ч -> c; ch, ть, т before я/ю -> tj; ph, ф -> f; x, с ->
//            s; s, ш -> sh; c, k, q(u), к -> k; kh, кх -> kh; th, тх ->
//            th; the rest letter by letter
//   vowels:  y -> i; uye -> ue; ы, ю -> u; я -> a; е, э -> e
//   final:   nh, нь -> nj; ch, ть -> tj; c -> k
//
// Lossy by design (Latin press writes no diacritics: ư and u, d and đ are
// one); applied only to names that read as Vietnamese: two words or more,
// each a Vietnamese syllable by its skeleton, the first a common
// Vietnamese surname (Nguyễn, Trần, Lê, Phạm, ...).
//
// Thread-safe; no state.
#ifndef ACCORD_COMMON_ALIAS_VIETNAMESE_NAME_KEY_H_
#define ACCORD_COMMON_ALIAS_VIETNAMESE_NAME_KEY_H_

#include <optional>
#include <string>
#include <string_view>

namespace accord::alias {

// The skeletons of `name`'s words joined by single spaces, or nullopt
// when `name` does not read as a Vietnamese name in Latin or Cyrillic
// letters.
std::optional<std::string> VietnameseNameKey(std::string_view name);

}  // namespace accord::alias

#endif  // ACCORD_COMMON_ALIAS_VIETNAMESE_NAME_KEY_H_
