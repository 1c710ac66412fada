// EntityExtractor: the entity mentions of one document — countries, places,
// organizations and treaties by name or adjective (gazetteer), people by
// the gazetteer, by titles and roles, by honorifics, and later short
// references to them — each with its span and derivation, and for people
// the roles the text gives them with what each attaches to.
//
// How people are found (docs/UNDERSTANDING.md has the whole story):
//   role chain   "Deputy Minister of Public Security Sen. Lt. Gen. Bui Van
//                Nam": a role, what it attaches to ("of" + a ministry's
//                portfolio, an organization, a country or its adjective),
//                more roles or ranks, then a capitalized name;
//   honorific    "Herr Artur Liukmanov", "ông Nam";
//   apposition   "Nikolai Patrushev, Secretary of ...": roles after a name
//                and a comma belong to it;
//   short ref    "Nam said": a capitalized word equal to the last word of a
//                person's full name elsewhere in the document.
// An unknown person's id is derived from alias::PersonKey of the name, so
// the same person found in any document, in any language or script that
// transliterates alike, gets the same id.
//
// Thread-safety: immutable; Extract() may run on any number of threads.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_ENTITIES_ENTITY_EXTRACTOR_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_ENTITIES_ENTITY_EXTRACTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "accord/v1/document.pb.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "ingest-service/extract/gazetteer/gazetteer.h"
#include "ingest-service/normalize/word_list.h"

namespace accord::extract {

struct EntityExtractorOptions {
  // Longest name, in words, taken after a role or honorific.
  // Default: 4 (Vietnamese names have up to four syllables).
  size_t max_name_words = 4;
  // How many words a role chain may span before its name.
  // Default: 14.
  size_t max_chain_words = 14;
  // Spelling dictionaries (hunspell): a sentence's first word that the
  // document's language spells in lowercase ("Selon", "Then", "Danach")
  // is not the first word of a name, so the word after it may be a short
  // reference ("Selon Kourbatov, ..."). nullptr: every capitalized run of
  // two words or more is a name. REQUIRES: outlives the extractor.
  const normalize::WordLists* dictionaries = nullptr;
};

// One text of a document to extract from.
struct TextToExtract {
  std::string_view text;
  accord::v1::TextPart part = accord::v1::TEXT_PART_UNSPECIFIED;
};

class EntityExtractor {
 public:
  // REQUIRES: `gazetteer` outlives the extractor.
  EntityExtractor(const Gazetteer* gazetteer, EntityExtractorOptions options);

  // The mentions in `texts` (title, dateline, body: short references may
  // point across them), in the order of `texts` then of the text.
  // `language` is the document's ISO 639-1 code.
  std::vector<accord::v1::EntityMention> Extract(
      const std::vector<TextToExtract>& texts, std::string_view language) const;
  // The same, replacing *mentions' contents; each mention is created in
  // place, on *mentions' arena when it has one (a document's field: no
  // copy from the heap).
  void Extract(const std::vector<TextToExtract>& texts,
               std::string_view language,
               google::protobuf::RepeatedPtrField<accord::v1::EntityMention>*
                   mentions) const;

  // The id of a person only the text knows, from their name.
  static std::string UnknownPersonId(std::string_view name);

  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  const Gazetteer* gazetteer_;
  EntityExtractorOptions options_;
};

}  // namespace accord::extract

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_ENTITIES_ENTITY_EXTRACTOR_H_
