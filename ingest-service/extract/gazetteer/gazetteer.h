// Gazetteer: every name the entity extractor knows — countries (iso-codes,
// ICU/CLDR, countries.txt), places, organizations, treaties, people with
// their offices, roles and honorifics (the team's data files) — compiled
// into one TokenAutomaton, so that finding all of them in a document is one
// pass over its name tokens.
//
// Thread-safety: immutable after Load(); Find() may run on any number of
// threads. Load once per process (it reads the package data and compiles
// some 40,000 names).
//
//   absl::StatusOr<std::unique_ptr<Gazetteer>> gazetteer =
//       Gazetteer::Load(GazetteerOptions());
//   std::vector<alias::NameToken> tokens;
//   alias::TokenizeNames(text, &tokens);
//   for (const GazetteerMatch& m : (*gazetteer)->Find(text, tokens, "fr")) ...
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_GAZETTEER_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_GAZETTEER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "common/alias/name_tokens.h"
#include "ingest-service/extract/gazetteer/country_names.h"
#include "ingest-service/extract/gazetteer/gazetteer_entry.h"
#include "ingest-service/extract/gazetteer/token_automaton.h"

namespace accord::extract {

struct GazetteerOptions {
  // Where Debian's country data is, and which languages to load from it.
  CountryNameOptions countries;

  // Names in these languages (and "und") match in documents of the same
  // language; a document in any other language is matched with all of
  // them. Default: the six languages the data files cover.
  std::vector<std::string> languages = {"en", "fr", "de", "es", "ru", "vi"};

  // Load the team's data files compiled into the binary. Tests that build
  // a gazetteer from their own entries turn it off. Default: true.
  bool load_embedded_data = true;
  // Load country names from iso-codes and ICU. Default: true.
  bool load_country_names = true;
  // Load CLDR's exemplar cities from ICU (exemplar_cities.h), without the
  // one-word names that are ordinary words of their language ("Phoenix"):
  // those data/exemplar_city_words.tsv lists, which a test keeps equal to
  // what Debian's hunspell dictionaries say. Default: true.
  bool load_exemplar_cities = true;
};

// One name of one entry.
struct AliasRef {
  const GazetteerEntry* entry = nullptr;
  const GazetteerName* name = nullptr;
};

// A span of tokens that is a known name: [begin, end) token indexes.
struct GazetteerMatch {
  size_t begin = 0;
  size_t end = 0;
  // Every entry the span names in the document's language (several when a
  // name is shared: "Quang" for two people), in data order.
  std::vector<AliasRef> alternatives;
};

class Gazetteer {
 public:
  // Loads the data files and Debian's country names, and compiles them.
  // InvalidArgument for a malformed data file; NotFound when iso-codes is
  // missing.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> Load(
      const GazetteerOptions& options);

  // Adds `extra` entries (tests) to what `options` loads.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> Load(
      const GazetteerOptions& options, std::vector<GazetteerEntry> extra);

  // The known names in `tokens` (cut from `text` by alias::TokenizeNames)
  // for a document in `language`, longest first where they overlap, then
  // in text order; sorted by begin. A name matches when its tokens follow
  // each other with at most a few characters of punctuation and no line
  // break between them, and the text's case allows it (FORMAT.md).
  std::vector<GazetteerMatch> Find(std::string_view text,
                                   const std::vector<alias::NameToken>& tokens,
                                   std::string_view language) const;

  // The entry with this id; nullptr when unknown.
  const GazetteerEntry* FindEntry(std::string_view id) const;

  // The ministries whose English portfolio is `portfolio` ("Foreign
  // Affairs", any case), in data order: one per country the data knows.
  const std::vector<const GazetteerEntry*>& Ministries(
      std::string_view portfolio) const;

  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  size_t name_count() const { return aliases_.size(); }

 private:
  enum class CaseRule : uint8_t { kAny, kInitialUpper, kAllUpper };
  struct Alias {
    AliasRef ref;
    // The name's language tag packed into one word (PackedLanguage), so
    // that Find compares it without reading the name: one cache miss per
    // candidate span was most of Find's time past the automaton.
    uint64_t language = 0;
    CaseRule case_rule = CaseRule::kAny;
  };

  // A language tag of 1 to 8 bytes as one word; 0 for an empty or longer
  // one, which is compared as a string.
  static uint64_t PackedLanguage(std::string_view language);

  Gazetteer(std::vector<GazetteerEntry> entries,
            const GazetteerOptions& options);
  // A name applies in a document of `language` when the gazetteer covers
  // that language (`language_covered`) and the name is in it or in "und",
  // or when it does not cover it.
  // `packed_language` is PackedLanguage(language).
  static bool LanguageApplies(const Alias& alias, std::string_view language,
                              uint64_t packed_language, bool language_covered);
  static bool CaseAllows(CaseRule rule, const alias::NameToken* first,
                         const alias::NameToken* last);

  const std::vector<GazetteerEntry> entries_;
  absl::flat_hash_map<std::string, const GazetteerEntry*> by_id_;
  // Lowercased English portfolio -> its ministries.
  absl::flat_hash_map<std::string, std::vector<const GazetteerEntry*>>
      ministries_;
  std::vector<Alias> aliases_;
  // Every name: for a document in a language the gazetteer does not cover.
  TokenAutomaton automaton_;
  // For each covered language (GazetteerOptions::languages), the names in
  // it and the "und" ones, the
  // only ones that apply to its documents: a seventh of the names each,
  // so a document's pass reads a smaller automaton (fewer cache misses)
  // and finds no candidate span to discard for its language.
  absl::flat_hash_map<std::string, TokenAutomaton> automaton_by_language_;
};

}  // namespace accord::extract

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_GAZETTEER_GAZETTEER_H_
