// The team's domain lexicon: words of cyber diplomacy and cybercrime
// reporting that general-purpose spelling dictionaries lack, so that glued-
// word repair never cuts them apart ("cybersecurity", "counterterrorism",
// "кибербезопасность"), plus mixed-case names ("YouTube", "iPhone") that
// must not be split at their inner capital.
//
// The tables are compiled into the library (domain_lexicon.cc): no file to
// install or find at run time. Add words there, lowercase, under their
// ISO 639-1 language, or under "*" for words used in every language.
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_DATA_DOMAIN_LEXICON_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_DATA_DOMAIN_LEXICON_H_

#include <string_view>

namespace accord::normalize {

// True when `lower_word` is a domain word of `language` or of every language.
bool IsDomainWord(std::string_view language, std::string_view lower_word);

// True when `lower_prefix` is a productive prefix of `language` ("cyber",
// "counter", "кибер"): prefix + known word is a compound, not a glue error.
bool IsCompoundPrefix(std::string_view language, std::string_view lower_prefix);

// True when `word` (as written) is a known mixed-case name: "YouTube",
// "iPhone", "LinkedIn", "PowerPoint".
bool IsMixedCaseName(std::string_view word);

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_DATA_DOMAIN_LEXICON_H_
