// Understanding: the understanding layer's ingest step. For one normalized
// document it finds the entity mentions (entities/) and the temporal
// expressions (dates/), fixes a weekday date's year by the tenures of the
// office holders the document names in office, and says what the store
// must record of each entity (store::PendingEntity).
//
// Thread-safety: immutable after Create(); Understand() may run on any
// number of threads. Create once per process: it loads the gazetteer.
//
//   absl::StatusOr<std::unique_ptr<Understanding>> understanding =
//       Understanding::Create(UnderstandingOptions());
//   std::vector<store::PendingEntity> entities =
//       (*understanding)->Understand(&document);
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_UNDERSTANDING_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_UNDERSTANDING_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "accord/v1/document.pb.h"
#include "common/analysis/analyzer.h"
#include "common/index/document_terms.h"
#include "common/store/store.h"
#include "ingest-service/extract/dates/date_extractor.h"
#include "ingest-service/extract/entities/entity_extractor.h"
#include "ingest-service/extract/events/event_extractor.h"
#include "ingest-service/extract/gazetteer/gazetteer.h"
#include "ingest-service/extract/topics/topic_scorer.h"
#include "ingest-service/normalize/word_list.h"

namespace accord::extract {

struct UnderstandingOptions {
  GazetteerOptions gazetteer;
  EntityExtractorOptions entities;
  dates::DateExtractorOptions dates;
  topics::TopicScorerOptions topics;
  events::EventExtractorOptions events;
  // Borrowed, optional: the analyzer the index's terms come from, which
  // topics and events reuse (UnderstandTerms). Null: Understanding creates one
  // (the same term contract).
  const analysis::Analyzer* analyzer = nullptr;
  // Borrowed, optional: the spelling dictionaries to share with the
  // normalizer (Normalizer::word_lists()), for the entity pass (is a
  // sentence's first word an ordinary word?). Null: Understanding opens
  // its own from `dictionary_dir`, and each language's dictionary is then
  // loaded and held twice in a process that also normalizes. Either way a
  // language's dictionary loads with its first document.
  const normalize::WordLists* dictionaries = nullptr;
  // Hunspell dictionaries (<lang>_<REGION>.aff/.dic) when `dictionaries`
  // is null. Default: Debian's path.
  std::string dictionary_dir = "/usr/share/hunspell";
};

// Where Understand() spends its time, added up over calls (benchmarks,
// metrics).
struct UnderstandStageTimes {
  // Gazetteer matching and the people, role and reference rules.
  absl::Duration entities;
  // The date grammars and resolution against the anchor.
  absl::Duration dates;
  // Dateline place, offices from the list, years by tenure.
  absl::Duration linking;
  // The store's entity records (PendingEntities).
  absl::Duration records;
  // Topic scores (UnderstandTerms).
  absl::Duration topics;
  // Events (UnderstandTerms).
  absl::Duration events;
  int64_t documents = 0;
};

class Understanding {
 public:
  // Loads the gazetteer (see Gazetteer::Load for the errors).
  static absl::StatusOr<std::unique_ptr<Understanding>> Create(
      const UnderstandingOptions& options);

  // Sets document->entity_mentions and temporal_expressions (replacing
  // any) from its title, dateline and body, and returns one PendingEntity
  // per entity it mentions. REQUIRES: the document is normalized
  // (language, paragraphs, dateline, publication set as the normalizer and
  // the metadata leave them). With `times`, adds the time of each stage.
  std::vector<store::PendingEntity> Understand(
      accord::v1::Document* document,
      UnderstandStageTimes* times = nullptr) const;

  // The steps that run on the terms ingest built for the index, after
  // Understand: sets document->topics, then document->events (replacing
  // any). `terms` must be index::BuildDocumentTerms of `document`, with
  // the analyzer of UnderstandingOptions. With `times`, adds the time of
  // each step.
  void UnderstandTerms(const index::DocumentTerms& terms,
                       accord::v1::Document* document,
                       UnderstandStageTimes* times = nullptr) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const topics::TopicScorer& topic_scorer() const { return *topics_; }
  const events::EventExtractor& event_extractor() const { return *events_; }
  // The analyzer of UnderstandTerms' terms (UnderstandingOptions::analyzer,
  // or Understanding's own).
  const analysis::Analyzer& analyzer() const { return *analyzer_; }

 private:
  Understanding(std::unique_ptr<Gazetteer> gazetteer,
                std::unique_ptr<normalize::WordLists> own_dictionaries,
                std::unique_ptr<analysis::Analyzer> own_analyzer,
                std::unique_ptr<topics::TopicScorer> topics,
                std::unique_ptr<events::EventExtractor> events,
                const UnderstandingOptions& options);

  // Chooses among a weekday date's candidate years by the tenures of the
  // people the document names with a role.
  void ResolveYearsByTenure(accord::v1::Document* document) const;
  void AddDatelinePlace(accord::v1::Document* document) const;
  // A known office holder's role the text states without what it is of
  // ("President Vo Van Thuong") takes the office from the office holders
  // list when the list knows exactly one body for that role of that
  // person; the derivation says so.
  void AttachOfficesFromList(accord::v1::Document* document) const;
  std::vector<store::PendingEntity> PendingEntities(
      const accord::v1::Document& document) const;
  // Sets each event participant's country_ids from the roles the document
  // states of it and the gazetteer's country of bodies and places.
  void AddParticipantCountries(accord::v1::Document* document) const;
  // "country/XX" for a country's id; the gazetteer's country of a body or
  // place, or of the body it belongs to (a few levels up); "" when none.
  std::string CountryOf(std::string_view entity_id) const;

  // What the gazetteer knows of each entry, built once (store::KnownEntity).
  struct Known {
    std::shared_ptr<const store::KnownEntity> record;
    // record->alias_keys, for "does a surface add a key?".
    absl::flat_hash_set<std::string> keys;
  };
  static absl::flat_hash_map<const GazetteerEntry*, Known> BuildKnown(
      const Gazetteer& gazetteer);
  // Adds a name this document uses for an entity, with the alias keys
  // `known` lacks.
  static void AddSurface(const std::string& surface,
                         const std::string& language, const Known* known,
                         absl::flat_hash_set<std::string>* keys_seen,
                         store::PendingEntity* out);

  std::unique_ptr<Gazetteer> gazetteer_;
  // The spelling dictionaries the entity pass asks about sentence-initial
  // words (EntityExtractorOptions::dictionaries) when the options lend
  // none; null otherwise.
  const std::unique_ptr<normalize::WordLists> own_dictionaries_;
  // The analyzer topic scoring uses when the options lend none.
  const std::unique_ptr<analysis::Analyzer> own_analyzer_;
  const analysis::Analyzer* const analyzer_;
  const std::unique_ptr<topics::TopicScorer> topics_;
  const std::unique_ptr<events::EventExtractor> events_;
  const absl::flat_hash_map<const GazetteerEntry*, Known> known_;
  EntityExtractor entities_;
  dates::DateExtractor dates_;
};

}  // namespace accord::extract

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_UNDERSTANDING_H_
