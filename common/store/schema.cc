#include "common/store/schema.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"

namespace accord::store {

const std::vector<std::string>& FamilyNames() {
  // "default" must exist in every RocksDB; it holds the meta keys.
  static const std::vector<std::string>* names = new std::vector<std::string>{
      "default",          "documents",        "raw",
      "doc_sequence",     "bundles",          "bundle_requests",
      "postings",         "doc_attributes",   "token_spans",
      "entities",         "entity_names",     "entity_roles",
      "entity_documents", "entity_aliases",   "entity_role_holders",
      "events",           "event_reports",    "event_lookup",
      "story_members",    "document_stories", "story_merges",
      "document_ids"};
  return *names;
}

int FamilyAddedInVersion(Family family) {
  switch (family) {
    case Family::kPostings:
    case Family::kDocAttributes:
      return 2;
    case Family::kTokenSpans:
      return 4;
    case Family::kEntities:
    case Family::kEntityNames:
    case Family::kEntityRoles:
    case Family::kEntityDocuments:
    case Family::kEntityAliases:
      return 5;
    case Family::kEntityRoleHolders:
      return 6;
    case Family::kEvents:
    case Family::kEventReports:
    case Family::kEventLookup:
    case Family::kStoryMembers:
    case Family::kDocumentStories:
    case Family::kStoryMerges:
      return 7;
    case Family::kDocumentIds:
      return 9;
    default:
      return 1;
  }
}

std::string EncodeSequence(uint64_t sequence) {
  std::string key(8, '\0');
  for (int i = 7; i >= 0; --i) {
    key[i] = static_cast<char>(sequence & 0xff);
    sequence >>= 8;
  }
  return key;
}

bool DecodeSequence(absl::string_view key, uint64_t* sequence) {
  if (key.size() != 8) return false;
  uint64_t value = 0;
  for (char c : key) value = (value << 8) | static_cast<unsigned char>(c);
  *sequence = value;
  return true;
}

std::string BundleRequestKey(absl::string_view submitter,
                             absl::string_view request_id) {
  // NUL cannot occur in either part: both are validated UTF-8 strings
  // without control characters at the RPC edge.
  return absl::StrCat(submitter, absl::string_view("\0", 1), request_id);
}

std::string TermKeyPrefix(absl::string_view term) {
  std::string key(term);
  key.push_back('\0');
  return key;
}

std::string PostingKey(absl::string_view term, uint32_t chunk_first_doc) {
  std::string key = TermKeyPrefix(term);
  for (int shift = 24; shift >= 0; shift -= 8) {
    key.push_back(static_cast<char>((chunk_first_doc >> shift) & 0xff));
  }
  return key;
}

bool ParsePostingKey(absl::string_view key, absl::string_view* term,
                     uint32_t* chunk_first_doc) {
  if (key.size() < 5 || key[key.size() - 5] != '\0') return false;
  *term = key.substr(0, key.size() - 5);
  uint32_t value = 0;
  for (char c : key.substr(key.size() - 4)) {
    value = (value << 8) | static_cast<unsigned char>(c);
  }
  *chunk_first_doc = value;
  return true;
}

namespace {

constexpr absl::string_view kNul("\0", 1);

// Splits off the front of *rest up to its first NUL; false when none.
bool TakeUntilNul(absl::string_view* rest, absl::string_view* part) {
  const size_t nul = rest->find('\0');
  if (nul == absl::string_view::npos) return false;
  *part = rest->substr(0, nul);
  rest->remove_prefix(nul + 1);
  return true;
}

}  // namespace

bool IsValidEntityId(absl::string_view id) {
  if (id.size() > kMaxEntityIdLength) return false;
  const size_t slash = id.find('/');
  if (slash == 0 || slash == absl::string_view::npos ||
      slash + 1 == id.size()) {
    return false;
  }
  for (size_t i = 0; i < slash; ++i) {
    if (id[i] < 'a' || id[i] > 'z') return false;
  }
  for (size_t i = slash + 1; i < id.size(); ++i) {
    if (id[i] <= ' ' || id[i] > '~') return false;  // printable, no space
  }
  return true;
}

absl::string_view EntityIdKind(accord::v1::EntityKind kind) {
  switch (kind) {
    case accord::v1::ENTITY_KIND_PERSON:
      return "person";
    case accord::v1::ENTITY_KIND_COUNTRY:
      return "country";
    case accord::v1::ENTITY_KIND_PLACE:
      return "place";
    case accord::v1::ENTITY_KIND_ORGANIZATION:
      return "org";
    case accord::v1::ENTITY_KIND_TREATY:
      return "treaty";
    default:
      return "";
  }
}

accord::v1::EntityKind EntityKindOfId(absl::string_view id) {
  const absl::string_view part = id.substr(0, id.find('/'));
  if (part.size() == id.size()) return accord::v1::ENTITY_KIND_UNSPECIFIED;
  for (accord::v1::EntityKind kind :
       {accord::v1::ENTITY_KIND_PERSON, accord::v1::ENTITY_KIND_COUNTRY,
        accord::v1::ENTITY_KIND_PLACE, accord::v1::ENTITY_KIND_ORGANIZATION,
        accord::v1::ENTITY_KIND_TREATY}) {
    if (EntityIdKind(kind) == part) return kind;
  }
  return accord::v1::ENTITY_KIND_UNSPECIFIED;
}

std::string EntityKeyPrefix(absl::string_view id) {
  return absl::StrCat(id, kNul);
}

std::string EntityNameKey(absl::string_view id, absl::string_view language,
                          absl::string_view name) {
  return absl::StrCat(id, kNul, language, kNul, name);
}

std::string EntityRoleKey(absl::string_view id, absl::string_view role_id,
                          absl::string_view of_entity_id, uint64_t sequence) {
  return absl::StrCat(id, kNul, role_id, kNul, of_entity_id, kNul,
                      EncodeSequence(sequence));
}

std::string EntityOfficeKey(absl::string_view id, absl::string_view role_id,
                            absl::string_view of_entity_id,
                            absl::string_view start, absl::string_view end) {
  return absl::StrCat(id, kNul, role_id, kNul, of_entity_id, kNul, "\xff",
                      start, kNul, end);
}

bool ParseEntityRoleKey(absl::string_view key, absl::string_view id,
                        EntityRoleKeyParts* parts) {
  const std::string prefix = EntityKeyPrefix(id);
  if (!absl::StartsWith(key, prefix)) return false;
  absl::string_view rest = key.substr(prefix.size());
  if (!TakeUntilNul(&rest, &parts->role_id) || parts->role_id.empty() ||
      !TakeUntilNul(&rest, &parts->of_entity_id) || rest.empty()) {
    return false;
  }
  if (rest[0] == '\xff') {
    rest.remove_prefix(1);
    parts->office = true;
    parts->sequence = 0;
    if (!TakeUntilNul(&rest, &parts->start)) return false;
    parts->end = rest;
    return parts->end.find('\0') == absl::string_view::npos;
  }
  parts->office = false;
  parts->start = parts->end = absl::string_view();
  return rest[0] == '\0' && DecodeSequence(rest, &parts->sequence);
}

std::string EntityDocumentKey(absl::string_view id, uint64_t sequence) {
  return absl::StrCat(id, kNul, EncodeSequence(sequence));
}

bool ParseEntityDocumentKey(absl::string_view key, absl::string_view id,
                            uint64_t* sequence) {
  if (key.size() != id.size() + 9 || !absl::StartsWith(key, id) ||
      key[id.size()] != '\0') {
    return false;
  }
  return DecodeSequence(key.substr(id.size() + 1), sequence);
}

std::string EntityAliasPrefix(absl::string_view alias) {
  return absl::StrCat(alias, kNul);
}

std::string EntityAliasKey(absl::string_view alias, absl::string_view id) {
  return absl::StrCat(alias, kNul, id);
}

std::string RoleHoldersPrefix(absl::string_view role_id,
                              absl::string_view of_entity_id) {
  return absl::StrCat(role_id, kNul, of_entity_id, kNul);
}

std::string RoleHolderKey(absl::string_view role_id,
                          absl::string_view of_entity_id,
                          absl::string_view id) {
  return absl::StrCat(role_id, kNul, of_entity_id, kNul, id);
}

namespace {

bool IsLowerHexOfLength(absl::string_view text, size_t length) {
  if (text.size() != length) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string EventIdOf(absl::string_view document_id, uint32_t mention_index) {
  return absl::StrCat("ev-", document_id, "-", mention_index);
}

std::string StoryIdOf(absl::string_view document_id) {
  return absl::StrCat("st-", document_id);
}

bool IsValidEventId(absl::string_view id) {
  if (!absl::StartsWith(id, "ev-")) return false;
  id.remove_prefix(3);
  if (!IsLowerHexOfLength(id.substr(0, kDocumentIdLength), kDocumentIdLength) ||
      id.size() < kDocumentIdLength + 2 || id[kDocumentIdLength] != '-') {
    return false;
  }
  absl::string_view index = id.substr(kDocumentIdLength + 1);
  if (index.size() > 9 || (index.size() > 1 && index[0] == '0')) return false;
  for (char c : index) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsValidStoryId(absl::string_view id) {
  return absl::StartsWith(id, "st-") &&
         IsLowerHexOfLength(id.substr(3), kDocumentIdLength);
}

std::string EventReportKey(absl::string_view event_id, uint64_t sequence,
                           uint32_t mention_index) {
  std::string key = absl::StrCat(event_id, kNul, EncodeSequence(sequence));
  for (int shift = 24; shift >= 0; shift -= 8) {
    key.push_back(static_cast<char>((mention_index >> shift) & 0xff));
  }
  return key;
}

std::string EventsByParticipantPrefix(absl::string_view entity_id, int type) {
  return absl::StrCat("p", kNul, entity_id, kNul, type, kNul);
}
std::string EventsByPlacePrefix(absl::string_view place_id, int type) {
  return absl::StrCat("l", kNul, place_id, kNul, type, kNul);
}
std::string EventsByMonthDayPrefix(absl::string_view month_day, int type) {
  return absl::StrCat("m", kNul, month_day, kNul, type, kNul);
}
std::string EventsByDatePrefix(absl::string_view date) {
  return absl::StrCat("d", kNul, date, kNul);
}
std::string EventsByDocumentPrefix(absl::string_view document_id) {
  return absl::StrCat("r", kNul, document_id, kNul);
}

std::vector<std::string> EventMonthDays(
    const accord::v1::TemporalExpression& date) {
  std::vector<std::string> days;
  const accord::v1::TemporalValue& first = date.value();
  if (first.grain() != accord::v1::GRAIN_DAY || first.month() < 1 ||
      first.month() > 12 || first.day() < 1 || first.day() > 31) {
    return days;
  }
  // In a leap year, so that 02-29 exists; the year itself plays no part.
  absl::CivilDay day(2000, first.month(), first.day());
  absl::CivilDay last = day;
  const accord::v1::TemporalValue& end = date.end();
  if (end.grain() == accord::v1::GRAIN_DAY && end.month() >= 1 &&
      end.month() <= 12 && end.day() >= 1 && end.day() <= 31) {
    last = absl::CivilDay(2000, end.month(), end.day());
    if (last < day) last += 366;  // across the new year
  }
  for (int n = 0; day <= last && n < kMaxEventMonthDays; ++day, ++n) {
    days.push_back(absl::StrFormat("%02d-%02d", day.month(), day.day()));
  }
  return days;
}

std::vector<std::string> EventLookupPrefixes(
    const accord::v1::EventReport& report) {
  const accord::v1::EventMention& mention = report.mention();
  const int type = static_cast<int>(mention.type());
  std::vector<std::string> prefixes = {
      EventsByDocumentPrefix(report.document_id())};
  if (mention.has_date() && !mention.date().value().iso8601().empty()) {
    const accord::v1::TemporalValue& value = mention.date().value();
    prefixes.push_back(EventsByDatePrefix(value.iso8601()));
    for (const std::string& month_day : EventMonthDays(mention.date())) {
      prefixes.push_back(EventsByMonthDayPrefix(month_day, type));
    }
  }
  if (mention.has_place() && IsValidEntityId(mention.place().entity_id())) {
    prefixes.push_back(EventsByPlacePrefix(mention.place().entity_id(), type));
  }
  // A participant, and the countries participants act for: each once.
  std::vector<absl::string_view> participants;
  for (const accord::v1::EventEntity& participant : mention.participants()) {
    participants.push_back(participant.entity_id());
    for (const std::string& country : participant.country_ids()) {
      participants.push_back(country);
    }
  }
  std::sort(participants.begin(), participants.end());
  participants.erase(std::unique(participants.begin(), participants.end()),
                     participants.end());
  for (absl::string_view id : participants) {
    if (IsValidEntityId(id)) {
      prefixes.push_back(EventsByParticipantPrefix(id, type));
    }
  }
  return prefixes;
}

std::string EventLookupKey(absl::string_view prefix, uint64_t sequence,
                           absl::string_view event_id) {
  return absl::StrCat(prefix, EncodeSequence(sequence), event_id);
}

size_t EventLookupPrefixSize(absl::string_view key) {
  if (key.size() < 2 || key[1] != '\0') return 0;
  int parts = 0;  // NUL-ended parts after the letter's
  switch (key[0]) {
    case 'p':
    case 'l':
    case 'm':
      parts = 2;
      break;
    case 'd':
    case 'r':
      parts = 1;
      break;
    default:
      return 0;
  }
  size_t at = 2;
  for (int i = 0; i < parts; ++i) {
    const size_t nul = key.find('\0', at);
    if (nul == absl::string_view::npos) return 0;
    at = nul + 1;
  }
  return at;
}

bool DecodeEventLookupKey(absl::string_view key, size_t prefix_size,
                          uint64_t* sequence, absl::string_view* event_id) {
  if (key.size() < prefix_size + 8 ||
      !DecodeSequence(key.substr(prefix_size, 8), sequence)) {
    return false;
  }
  *event_id = key.substr(prefix_size + 8);
  return IsValidEventId(*event_id);
}

std::string StoryMemberKey(absl::string_view story_id, uint64_t sequence) {
  return absl::StrCat(story_id, kNul, EncodeSequence(sequence));
}

std::string StoryRedirectKey(absl::string_view absorbed_story_id) {
  return absl::StrCat("r", kNul, absorbed_story_id);
}
std::string StoryAbsorbedPrefix(absl::string_view into_story_id) {
  return absl::StrCat("a", kNul, into_story_id, kNul);
}
std::string StoryAbsorbedKey(absl::string_view into_story_id,
                             absl::string_view absorbed_story_id) {
  return absl::StrCat(StoryAbsorbedPrefix(into_story_id), absorbed_story_id);
}

}  // namespace accord::store
