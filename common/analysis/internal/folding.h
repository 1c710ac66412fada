// The character-level steps of the term contract (see analyzer.h):
// case folding before stemming, elision, and diacritic folding after it.
//
// All functions are thread-safe and take and produce UTF-8.
#ifndef ACCORD_COMMON_ANALYSIS_INTERNAL_FOLDING_H_
#define ACCORD_COMMON_ANALYSIS_INTERNAL_FOLDING_H_

#include <string>
#include <string_view>

namespace accord::analysis::internal {

// Replaces `*out` with Unicode NFKC_Casefold(word): full case folding
// ("Straße" -> "strasse", final sigma -> sigma), compatibility forms
// ("ﬁ" -> "fi", fullwidth -> ASCII), default ignorables (soft hyphen, ZWJ)
// removed. The typographic apostrophe U+2019 becomes '\'' so that the
// stemmers and the elision rule see one apostrophe. ASCII takes a fast path.
void CaseFold(std::string_view word, std::string* out);

// Number of leading bytes of a case-folded word that are an elided article
// or preposition of French, Italian or Catalan ("l'", "d'", "qu'", "dell'"),
// when a letter follows; else 0. Applied to every language alike, so that
// the index and the query agree without knowing the query's language.
size_t ElidedPrefixLength(std::string_view folded);

// Replaces `*out` with `word` without diacritics: each character is
// canonically decomposed (NFD) and combining diacritical marks
// (U+0300-036F, U+1AB0-1AFF, U+1DC0-1DFF, U+20D0-20FF, U+FE20-FE2F) are
// dropped; letters with no decomposition are mapped explicitly (đ->d, ø->o,
// ł->l, æ->ae, œ->oe, ı->i, ð->d, þ->th, ħ->h, ŧ->t). Marks that are not
// diacritics (Thai, Indic vowel signs) and Hangul syllables are kept.
void FoldDiacritics(std::string_view word, std::string* out);

}  // namespace accord::analysis::internal

#endif  // ACCORD_COMMON_ANALYSIS_INTERNAL_FOLDING_H_
