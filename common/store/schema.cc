#include "common/store/schema.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace accord::store {

const std::vector<std::string>& FamilyNames() {
  // "default" must exist in every RocksDB; it holds the meta keys.
  static const std::vector<std::string>* names = new std::vector<std::string>{
      "default",          "documents",      "raw",
      "doc_sequence",     "bundles",        "bundle_requests",
      "postings",         "doc_attributes", "token_spans",
      "entities",         "entity_names",   "entity_roles",
      "entity_documents", "entity_aliases", "entity_role_holders"};
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

}  // namespace accord::store
