// The scoring of extraction against the gold set: per field, how many
// predicted items are right (precision) and how many gold items were found
// (recall). Items are compared inside one document; spans are in the
// normalized document's parts (span_map.h puts the gold spans there).
//
// Fields and when a predicted item matches a gold one (one-to-one, each
// gold item taking the first free predicted item that qualifies):
//   mention span    same part, overlapping spans
//   mention kind    ... and the same kind
//   entity          ... and the same entity: some key of the predicted
//                   mention (its canonical name and the gazetteer entry's
//                   names, folded) equals the gold entity's key
//   role            same role id, same person, same of-entity (both none,
//                   or a shared key)
//   temporal span   same part, overlapping spans, same kind (date, range,
//                   duration, set)
//   temporal value  ... and the same value (range: start/end; duration and
//                   set: the ISO 8601 duration)
//   grain           ... and the same grain    (dates and ranges only)
//   resolution      ... and the same resolution (dates and ranges only)
//   topic           the same topic id, anywhere in the document's topics
//   top topic       the document's first (highest) topic is the gold's
//                   main topic (one item per document that has either)
//   event           same type, and the same date, a shared place or a
//                   shared participant (one-to-one, the best anchored
//                   pair first)
//   event date      over matched events: the same date (range: both
//                   ends); items are events with a date on each side
//   event place     over matched events: a shared place key
//   event participant  over matched events: participants matched by key
//
// Thread-compatible: a Tally is filled by one thread.
#ifndef ACCORD_TOOLS_EVAL_EXTRACT_SCORER_H_
#define ACCORD_TOOLS_EVAL_EXTRACT_SCORER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "accord/v1/understanding.pb.h"

namespace accord::eval_extract {

enum class Field {
  kMentionSpan,
  kMentionKind,
  kEntity,
  kRole,
  kTemporalSpan,
  kTemporalValue,
  kGrain,
  kResolution,
  kTopic,
  kTopTopic,
  kEvent,
  kEventDate,
  kEventPlace,
  kEventParticipant,
};
inline constexpr int kFieldCount = 14;
// "mention span", "mention kind", ...; the table's row names.
const char* FieldName(Field field);

struct ScoredMention {
  // Unset (part UNSPECIFIED) for a gold mention the normalizer dropped:
  // it matches nothing.
  accord::v1::TextSpan span;
  std::string surface;
  std::string kind;    // person, country, ...
  std::string entity;  // display: the gold name or the canonical name
  // Folded names (EntityKeys); a gold mention has its entity's keys.
  std::vector<std::string> keys;
};

struct ScoredRole {
  std::string person;
  std::vector<std::string> person_keys;
  std::string role_id;
  std::string of_entity;             // display; "-" when none
  std::vector<std::string> of_keys;  // empty when none
};

struct ScoredTemporal {
  accord::v1::TextSpan span;
  std::string surface;
  std::string kind;        // date, range, duration, set
  std::string value;       // as GoldTemporal::value
  std::string grain;       // "" for durations and sets
  std::string resolution;  // "" for durations and sets
};

struct ScoredEvent {
  std::string type;   // "meeting", ...
  std::string date;   // as GoldEvent::date; "" when none
  std::string place;  // display; "" when none
  std::vector<std::string> place_keys;
  std::vector<std::string> participants;  // display
  std::vector<std::vector<std::string>> participant_keys;
};

struct Annotations {
  std::vector<ScoredMention> mentions;
  std::vector<ScoredRole> roles;
  std::vector<ScoredTemporal> temporals;
  // Topic ids; the first is the main (gold) or highest-scored (predicted)
  // topic.
  std::vector<std::string> topics;
  std::vector<ScoredEvent> events;
};

struct Counts {
  uint64_t correct = 0;      // true positives
  uint64_t predicted = 0;    // precision's denominator
  uint64_t gold = 0;         // recall's denominator
  double Precision() const;  // 0 when nothing was predicted
  double Recall() const;     // 0 when nothing was annotated
  double F1() const;
  Counts& operator+=(const Counts& other);
};

// A miss (a gold item nothing matched) or a false positive (a predicted
// item that matched nothing), for --verbose.
struct Error {
  Field field;
  bool miss = true;
  std::string file;
  std::string surface;
  // What the item says, and what the other side has overlapping it.
  std::string detail;
};

struct Tally {
  std::array<Counts, kFieldCount> fields;
  std::vector<Error> errors;
  const Counts& operator[](Field f) const {
    return fields[static_cast<int>(f)];
  }
  Counts& operator[](Field f) { return fields[static_cast<int>(f)]; }
};

// The keys under which a name is compared: the alias fold
// (alias::AliasKey), and for people also alias::PersonKey, which merges
// transliterations. `kind` is the entity kind ("person", ...).
std::vector<std::string> EntityKeys(std::string_view name,
                                    std::string_view kind);

// Scores one document's predictions against its gold annotations, adding
// to *tally; `file` names the document in errors.
void ScoreDocument(const Annotations& gold, const Annotations& predicted,
                   const std::string& file, Tally* tally);

}  // namespace accord::eval_extract

#endif  // ACCORD_TOOLS_EVAL_EXTRACT_SCORER_H_
