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
};

const LanguagePack& EnglishPack();
const LanguagePack& FrenchPack();
const LanguagePack& GermanPack();
const LanguagePack& SpanishPack();
const LanguagePack& RussianPack();
const LanguagePack& VietnamesePack();

}  // namespace accord::bench::internal

#endif  // ACCORD_BENCH_CORPUS_INTERNAL_LANGUAGE_PACK_H_
