// The team-written material one language of the generated corpus is made of:
// word lists and sentence templates. Each lang_*.cc defines one pack; the
// generator (generator.cc) compiles them into samplers once.
//
// Word lists are '|'-separated, most frequent first: the generator draws
// from them with a Zipf distribution, so list order is frequency rank.
// Entries may be several words ("information security", "la coopération").
//
// Template slots, replaced by a drawn entry:
//   {N} noun phrase   {A} adjective   {V} verb (a past or present form that
//   fits the templates)   {T} topic (the domain: cybersecurity, treaty...)
//   {P} a title ("Deputy Minister")   {F} a first name   {L} a last name
//   {C} country   {Y} city   {O} organization   {D} a number   {d} a day of the month
//   {M} month name   {R} a year
//
// The news profile (news_article.h) also fills, in news_headlines and
// news_sentences:
//   {W} a long-tail word (the language's hunspell dictionary)
//   {G} a person's full name   {H} a place   {K} an organization
//   {Q} an amount   {X} a percentage   {E} a date
//   {I} an identifier (CVE, IP address, domain, case number, phone)
// and in place_patterns and organization_patterns:
//   {S} a generated name stem, capitalized   {s} the same in lower case
//   {W} a long-tail word   {U} an acronym
// The data is static and immutable: thread-safe.
#ifndef ACCORD_BENCH_CORPUS_INTERNAL_LANGUAGE_PACK_H_
#define ACCORD_BENCH_CORPUS_INTERNAL_LANGUAGE_PACK_H_

#include <vector>

#include "absl/strings/string_view.h"

namespace accord::bench::internal {

struct LanguagePack {
  absl::string_view code;  // "en", "fr", "de", "es", "ru", "vi"
  int weight_percent;      // share of the corpus

  absl::string_view nouns;
  absl::string_view adjectives;
  absl::string_view verbs;
  absl::string_view topics;
  absl::string_view titles;  // "President", "Deputy Minister of ..."
  absl::string_view first_names;
  absl::string_view last_names;
  absl::string_view countries;
  absl::string_view cities;
  absl::string_view organizations;
  absl::string_view agencies;  // news agencies writing in this language
  absl::string_view months;    // January|February|... (for stamps, dates)
  // Function words: never a query term, never the edge of a phrase query.
  absl::string_view stopwords;

  std::vector<absl::string_view> headlines;
  std::vector<absl::string_view>
      leads;  // the first sentence, after the dateline
  std::vector<absl::string_view> sentences;
  std::vector<absl::string_view> captions;  // "(Photo: AGENCY)" is appended

  absl::string_view source_label;  // "Source: ", "Quelle: "
  absl::string_view photo_label;   // "Photo: "

  // ----- The news profile only -----
  // The long tail: `/usr/share/hunspell/<dictionary>.dic`, from the Debian
  // package `dictionary_package`.
  absl::string_view dictionary;          // "en_US"
  absl::string_view dictionary_package;  // "hunspell-en-us"
  // Generated names: a stem is 1-2 syllables (onset, nucleus, often a coda);
  // a surname is a stem and a suffix, or, when `surname_suffixes` is empty,
  // two one-syllable stems (Vietnamese given names: "Hoài Trung").
  absl::string_view name_onsets;
  absl::string_view name_nuclei;
  absl::string_view name_codas;
  absl::string_view surname_suffixes;
  absl::string_view place_patterns;         // "{S}ville|Port {S}"
  absl::string_view organization_patterns;  // "{S} Institute for {W}"
  absl::string_view acronym_letters;        // "ABC..." / "АБВ..."
  // Numbers as the language's press writes them: 1,234.5 / 1.234,5.
  absl::string_view thousands_separator;
  absl::string_view decimal_separator;
  absl::string_view percent_suffix;  // "%", " %", " Prozent"
  absl::string_view million;         // "million", "Millionen", "млн"
  absl::string_view billion;
  absl::string_view number_label;  // "No.", "Nr.", "№"
  std::vector<absl::string_view> news_headlines;
  std::vector<absl::string_view> news_sentences;
};

const LanguagePack& EnglishPack();
const LanguagePack& FrenchPack();
const LanguagePack& GermanPack();
const LanguagePack& SpanishPack();
const LanguagePack& RussianPack();
const LanguagePack& VietnamesePack();

}  // namespace accord::bench::internal

#endif  // ACCORD_BENCH_CORPUS_INTERNAL_LANGUAGE_PACK_H_
