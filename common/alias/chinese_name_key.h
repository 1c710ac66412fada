// The key that merges a Chinese person's name across pinyin and Russian
// writing: "Wang Lei" and "Ван Лэй", "Xi Jinping" and "Си Цзиньпин",
// "Zhao Lijian" and "Чжао Лицзянь". Russian writes Chinese names by the
// Palladius system, which ICU's transliteration does not undo ("Цзиньпин"
// is "czinpin", not "jinping"). A pinyin name is cut into syllables
// (the longest first, backtracking) and each syllable written as
// Palladius writes it; a Cyrillic name is checked to be made of Palladius
// syllables. Both give the same key:
//
//   initials  b б, p п, m м, f ф, d д, t т, n н, l л, g г, k к, h х,
//             j z цз, q c ц, x s с, zh чж, ch ч, sh ш, r ж
//   finals    a а, ai ай, an ань, ang ан, ao ао, e э, ei эй, en энь,
//             eng эн, o о, ou оу, ong ун, i и (ы after z c s), ia я,
//             ian янь, iang ян, iao яо, ie е, in инь, ing ин, iong юн,
//             iu ю, u у (юй after j q x), ua уа, uai уай, uan уань (юань
//             after j q x), uang уан, ui уй (уэй after h), un унь (юнь
//             after j q x), uo о, ue юэ
//   alone     yi и, ya я, ye е, you ю, yu юй, yuan юань, yun юнь, wu у,
//             wa ва, wei вэй, wen вэнь, ...
//
// A pinyin cut never starts a syllable with a, e or o inside a word
// (pinyin writes an apostrophe there: "Angang" is an-gang, "Lina" li-na).
// The key is lossy where the press is: э and е are one (Russian papers
// write "Лэй" and "Лей"), й and и are one (the name fold's); ü is not
// told from u ("Lü" folds to "lu"). Applied only to names that read as
// Chinese: two words, a common Chinese surname of one syllable and a
// given name of one or two; three words are a Vietnamese or Korean name
// ("Phan Van Mai", "Ли Чжэ Мён"), and a given name written in two words
// ("Xi Jin-ping") is not read.
//
// Thread-safe; no state.
#ifndef ACCORD_COMMON_ALIAS_CHINESE_NAME_KEY_H_
#define ACCORD_COMMON_ALIAS_CHINESE_NAME_KEY_H_

#include <optional>
#include <string>
#include <string_view>

namespace accord::alias {

// The Palladius writing of `name`'s words (folded: lowercase, э -> е,
// й -> и) joined by single spaces, or nullopt when `name` does not read
// as a Chinese name in pinyin or in Palladius Cyrillic.
std::optional<std::string> ChineseNameKey(std::string_view name);

}  // namespace accord::alias

#endif  // ACCORD_COMMON_ALIAS_CHINESE_NAME_KEY_H_
