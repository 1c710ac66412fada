// EventExtractor: the events a document reports (issue 9), each from one
// sentence or a few sentences that name it again, with its evidence.
//
// A trigger is a phrase of the team's event triggers (data/triggers.txt,
// syntax of phrases/phrase_rules.h, ids "event/<type>"), found on the
// index's terms like topics (phrases/term_phrases.h): "signed", "hội đàm",
// "совместное заявление". The event's slots come from the trigger's
// sentence only (BodySentences: ICU's sentence breaks with CLDR's
// abbreviation suppressions, and no break inside a mention with its roles
// or a date), never from other parts of the document:
//   date          the date or range nearest the trigger;
//   place         the place (entity of kind PLACE) nearest the trigger;
//   participants  the people, organizations and countries named;
//   topics        the document's topics with a phrase in the sentence.
// A trigger inside an entity's name ("ASEAN Ministerial Conference") is
// none, and a generic one ("took place") counts only in a sentence that
// names no more specific event. Rules that join sentences, each recorded
// in the derivation:
//   - a later sentence that names an event of the same type again and adds
//     only a date or a place (no person of its own) completes the event of
//     up to two sentences before ("The meeting took place in Da Nang on
//     November 10");
//   - an event of the same type named again with two or more of the same
//     people, and no date or place that disagrees, is the same event;
//   - the title's event is the body's first of the same type that agrees;
//   - a definite reference to an event ("Opening the event, ...", the
//     phrases of event/reference) names again the latest gathering with a
//     date or place up to six sentences before: a sentence without a
//     trigger adds its people, organizations and countries to it; the
//     events of a sentence with triggers take its date and place when
//     they have none ("on the fringe of the event, he had meetings");
//   - a sentence without any trigger, or a trigger inside a name, that
//     names the parties of an event (the phrases of event/participation:
//     "The Japanese side was headed by ...", "a pris part", "приняли
//     участие") adds its people, organizations and countries to the
//     document's first gathering or training with a date or place when
//     it is up to six sentences before, else to the latest one there;
//   - a consultation with a date or place and no participant is another
//     round of the document's series: it takes the countries and
//     organizations of its first consultation that names some;
//   - a speech or interview with neither date nor place takes those of
//     the latest gathering or training up to six sentences before;
//   - a statement, signing, agreement or adoption without a date or place
//     takes those of the meeting, visit, conference or consultation its own
//     sentence reports ("issued a joint statement following a meeting");
//   - an agreement or joint statement with neither date nor place ("Both
//     sides agreed to ...") takes them, and the participants when it names
//     none, from the latest gathering up to max_outcome_sentences_back
//     sentences before (not when it names parties the gathering lacks).
// Weak triggers (weight < 1) make an event only with another trigger of
// the same type in the sentence. An event left with no date, place or
// participant after these rules is none (a generic mention).
//
// Thread-safety: immutable after Create; Extract may run on any thread.
#ifndef ACCORD_INGEST_SERVICE_EXTRACT_EVENTS_EVENT_EXTRACTOR_H_
#define ACCORD_INGEST_SERVICE_EXTRACT_EVENTS_EVENT_EXTRACTOR_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "accord/v1/document.pb.h"
#include "common/analysis/analyzer.h"
#include "common/index/document_terms.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "ingest-service/extract/phrases/phrase_rules.h"
#include "ingest-service/extract/phrases/term_phrases.h"

namespace accord::extract::events {

struct EventExtractorOptions {
  // The triggers; empty: the ones compiled in (data/triggers.txt).
  std::vector<PhraseGroup> types;
  // Their name in derivations ("team:<name>:<line>").
  std::string source_name = "triggers.txt";
  // A later sentence may complete an event this many sentences back.
  // Default: 2.
  int max_sentences_back = 2;
  // A definite reference ("the event") names again a gathering this many
  // sentences back at most. Default: 6.
  int max_reference_sentences_back = 6;
  // An agreement or joint statement with neither date nor place ("Both
  // sides agreed ...") is the outcome of the gathering this many sentences
  // back at most.
  // Default: 6.
  int max_outcome_sentences_back = 6;
};

class EventExtractor {
 public:
  // InvalidArgument for a trigger file error, an id that is no EventType
  // ("event/meeting" ... "event/other"), or a trigger with no indexed
  // word. `analyzer` must outlive the extractor and be the index's.
  static absl::StatusOr<std::unique_ptr<EventExtractor>> Create(
      const analysis::Analyzer* analyzer, EventExtractorOptions options);

  // The events of `document`, in text order. Reads its entity mentions,
  // temporal expressions and topics (set them first); `terms` must be
  // index::BuildDocumentTerms of it.
  std::vector<accord::v1::EventMention> Extract(
      const index::DocumentTerms& terms,
      const accord::v1::Document& document) const;
  // The same, replacing *events' contents, each created in place (on
  // *events' arena when it has one). `events` may be the document's own
  // field, which Extract does not read.
  void Extract(const index::DocumentTerms& terms,
               const accord::v1::Document& document,
               google::protobuf::RepeatedPtrField<accord::v1::EventMention>*
                   events) const;

  const std::vector<PhraseGroup>& types() const { return options_.types; }

 private:
  EventExtractor(const analysis::Analyzer* analyzer,
                 EventExtractorOptions options)
      : options_(std::move(options)), phrases_(analyzer) {}
  absl::Status Compile();

  EventExtractorOptions options_;
  TermPhrases phrases_;
  struct Trigger {
    // UNSPECIFIED for a reference or participation phrase.
    accord::v1::EventType type;
    const PhraseGroup* group;
    const PhraseRule* rule;
    // A phrase of event/reference: names an earlier event again.
    bool reference = false;
    // A phrase of event/participation: names the parties of an earlier
    // event.
    bool participation = false;
  };
  std::vector<Trigger> trigger_of_;  // per phrase of phrases_
};

// The triggers compiled into the binary (data/triggers.txt).
std::string_view EmbeddedTriggers();

// "event/joint-statement" -> EVENT_TYPE_JOINT_STATEMENT; UNSPECIFIED for
// an unknown id.
accord::v1::EventType EventTypeOfId(std::string_view id);

// Sentence boundaries of `text` in `language` ([begin, end) in bytes),
// by ICU's sentence rules with CLDR's abbreviation suppressions ("Mr." does
// not end a sentence in English; CLDR lacks most ranks, "Lt. Gen.").
std::vector<std::pair<uint32_t, uint32_t>> SentenceSpans(
    std::string_view text, std::string_view language);

// The sentences of a document's body (`body`: its paragraphs joined with
// "\n\n"): SentenceSpans, joined where a boundary falls inside an entity
// mention together with its roles' spans ("Sen. Lt. Gen. Bui Van Nam") or
// inside a temporal expression ("am 25. Oktober"), which the entity and
// date passes read as one.
std::vector<std::pair<uint32_t, uint32_t>> BodySentences(
    std::string_view body, std::string_view language,
    const accord::v1::Document& document);

}  // namespace accord::extract::events

#endif  // ACCORD_INGEST_SERVICE_EXTRACT_EVENTS_EVENT_EXTRACTOR_H_
