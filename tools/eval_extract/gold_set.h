// The extraction gold set (tests/gold/FORMAT.md): documents as a crawler
// delivers them, with the entity mentions, roles and temporal expressions a
// reader annotated in them. This file reads it; scorer.h compares it with
// what the extractor found.
//
// Thread-safe: free functions without state.
#ifndef ACCORD_TOOLS_EVAL_EXTRACT_GOLD_SET_H_
#define ACCORD_TOOLS_EVAL_EXTRACT_GOLD_SET_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace accord::eval_extract {

// A `mention` line.
struct GoldMention {
  std::string surface;
  int occurrence = 1;
  std::string kind;    // person, country, place, organization, treaty
  std::string entity;  // canonical English name
  int line = 0;        // in the .gold.tsv, for reports
};

// A `role` line.
struct GoldRole {
  std::string person;
  std::string role_id;
  std::string of_entity;  // "-" when the text names none
  int line = 0;
};

// A `date`, `range`, `duration` or `set` line.
struct GoldTemporal {
  std::string surface;
  int occurrence = 1;
  std::string kind;  // date, range, duration, set
  // date: the value; range: "<start>/<end>"; duration, set: the ISO 8601
  // duration.
  std::string value;
  // date and range only; "" otherwise.
  std::string grain;
  std::string resolution;
  int line = 0;
};

// An `event` line.
struct GoldEvent {
  std::string type;  // "meeting", "joint-statement", ...
  // As GoldTemporal::value ("XXXX-05-24/XXXX-05-25" for a range); "" when
  // the text gives none.
  std::string date;
  std::string place;  // canonical English name; "" when none
  std::vector<std::string> participants;
  int line = 0;
};

struct GoldDocument {
  // en, fr, de, es, ru, vi, or "seeds" for ../shared/seeds.
  std::string group;
  std::string text_path;
  std::string gold_path;
  std::string text;
  std::optional<absl::Time> publication;
  std::vector<GoldMention> mentions;
  std::vector<GoldRole> roles;
  std::vector<GoldTemporal> temporals;
  // `topic` lines: topic ids, the document's main topic first.
  std::vector<std::string> topics;
  std::vector<GoldEvent> events;
  // The `story` line: documents with the same id report the same
  // occurrence as their main news.
  std::string story;
};

// Parses the annotations of one document into *doc. InvalidArgument, with
// the line, for a line that does not follow FORMAT.md.
absl::Status ParseGoldTsv(std::string_view tsv, GoldDocument* doc);

// Reads every <gold_dir>/<lang>/*.txt with its .gold.tsv (languages in
// FORMAT.md order), then gold_dir/seeds/<stem>.gold.tsv against
// <seeds_dir>/<stem>.txt when seeds_dir exists. Documents are sorted by
// path within a group.
absl::StatusOr<std::vector<GoldDocument>> LoadGoldSet(
    const std::string& gold_dir, const std::string& seeds_dir);

// The byte offset of the `occurrence`-th (1-based) match of `surface` in
// `text`, counting every start position, case-sensitively (FORMAT.md's
// convention: "Nam" in "Bui Van Nam" counts); nullopt when there are fewer.
std::optional<size_t> FindOccurrence(std::string_view text,
                                     std::string_view surface, int occurrence);

}  // namespace accord::eval_extract

#endif  // ACCORD_TOOLS_EVAL_EXTRACT_GOLD_SET_H_
