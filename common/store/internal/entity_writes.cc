#include "common/store/internal/entity_writes.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/index/varint.h"
#include "common/store/rocks_status.h"
#include "common/util/untrusted_text.h"

namespace accord::store::internal {
namespace {

bool HasNul(absl::string_view s) {
  return s.find('\0') != absl::string_view::npos;
}

absl::Status Invalid(absl::string_view entity_id, absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("entity \"", EscapeUntrusted(entity_id, 80), "\": ", what));
}

// Names, roles and alias keys of `entity` (PendingEntity's REQUIRES).
absl::Status CheckNamesRolesAliases(const accord::v1::Entity& entity,
                                    absl::string_view id,
                                    const std::vector<std::string>& aliases) {
  for (const accord::v1::EntityName& name : entity.names()) {
    if (name.name().empty() || HasNul(name.name()) || HasNul(name.language())) {
      return Invalid(id, "a name is empty or holds NUL");
    }
  }
  for (const accord::v1::EntityRole& role : entity.roles()) {
    if (role.role_id().empty() || HasNul(role.role_id())) {
      return Invalid(id, "a role id is empty or holds NUL");
    }
    if (!role.of_entity_id().empty() && !IsValidEntityId(role.of_entity_id())) {
      return Invalid(
          id, absl::StrCat("role ", EscapeUntrusted(role.role_id(), 80),
                           " is of an invalid entity id \"",
                           EscapeUntrusted(role.of_entity_id(), 80), "\""));
    }
    if (!IsTextSource(role.source()) &&
        (HasNul(role.start()) || HasNul(role.end()))) {
      return Invalid(id, "an office's tenure holds NUL");
    }
  }
  for (const std::string& alias : aliases) {
    if (alias.empty() || HasNul(alias)) {
      return Invalid(id, "an alias key is empty or holds NUL");
    }
  }
  return absl::OkStatus();
}

absl::Status CheckEntity(const PendingEntity& pending) {
  const accord::v1::Entity& entity = pending.entity;
  if (!IsValidEntityId(entity.id())) {
    return Invalid(entity.id(),
                   "the id is not <kind>/<key> in printable ASCII (at most " +
                       std::to_string(kMaxEntityIdLength) + " bytes)");
  }
  if (const absl::string_view kind = EntityIdKind(entity.kind());
      !kind.empty() &&
      !absl::StartsWith(entity.id(), absl::StrCat(kind, "/"))) {
    return Invalid(entity.id(),
                   absl::StrCat("the id of an entity of kind ",
                                accord::v1::EntityKind_Name(entity.kind()),
                                " must start with \"", kind, "/\""));
  }
  return CheckNamesRolesAliases(entity, entity.id(), pending.alias_keys);
}

std::string Serialized(const google::protobuf::MessageLite& message) {
  std::string value;
  message.SerializeToString(&value);
  return value;
}

}  // namespace

bool IsTextSource(absl::string_view source) {
  return source.empty() || source == "text";
}

absl::Status CheckPendingEntities(const std::vector<PendingEntity>& entities) {
  for (const PendingEntity& pending : entities) {
    if (absl::Status valid = CheckEntity(pending); !valid.ok()) return valid;
  }
  return absl::OkStatus();
}

absl::btree_map<std::string, std::string>& EntityWrites::CandidatesOf(
    Family family) {
  for (size_t i = 0; i < std::size(kWhenAbsent); ++i) {
    if (kWhenAbsent[i] == family) return candidates_[i];
  }
  return candidates_[0];  // not reached: callers pass kWhenAbsent families
}

absl::Status EntityWrites::AddDocument(
    const std::vector<PendingEntity>& entities, absl::string_view document_id,
    uint64_t sequence, rocksdb::WriteBatch* batch) {
  // One entity_documents key per entity, however often it is listed.
  absl::flat_hash_map<absl::string_view, uint64_t> mentions;
  for (const PendingEntity& pending : entities) {
    const accord::v1::Entity& entity = pending.entity;
    const std::string& id = entity.id();
    mentions[id] += entity.mention_count();

    auto& records = CandidatesOf(Family::kEntities);
    if (!records.contains(id) && !Committed(Family::kEntities, id)) {
      accord::v1::Entity record;
      record.set_id(id);
      record.set_kind(entity.kind());
      record.set_canonical_name(entity.canonical_name());
      records.emplace(id, Serialized(record));
    }
    // Known data first: where the gazetteer and a document give the same
    // name, the stored name says where the gazetteer has it.
    if (pending.known != nullptr) {
      std::pair<std::string, uint64_t> key(id, pending.known->digest);
      if (!known_committed_->contains(key) && !known_added_.contains(key)) {
        if (absl::Status valid = CheckNamesRolesAliases(
                pending.known->data, id, pending.known->alias_keys);
            !valid.ok()) {
          return valid;
        }
        AddNamesRolesAliases(id, entity.canonical_name(), pending.known->data,
                             pending.known->alias_keys, document_id, sequence,
                             batch);
        known_added_.insert(std::move(key));
      }
    }
    AddNamesRolesAliases(id, entity.canonical_name(), entity,
                         pending.alias_keys, document_id, sequence, batch);
  }
  std::string count;
  for (const auto& [id, mention_count] : mentions) {
    count.clear();
    index::PutVarint64(mention_count, &count);
    batch->Put(handle(Family::kEntityDocuments),
               EntityDocumentKey(id, sequence), count);
  }
  return absl::OkStatus();
}

void EntityWrites::AddNamesRolesAliases(
    const std::string& id, absl::string_view canonical_name,
    const accord::v1::Entity& entity,
    const std::vector<std::string>& alias_keys, absl::string_view document_id,
    uint64_t sequence, rocksdb::WriteBatch* batch) {
  auto& names = CandidatesOf(Family::kEntityNames);
  for (const accord::v1::EntityName& name : entity.names()) {
    std::string key = EntityNameKey(id, name.language(), name.name());
    if (names.contains(key) || Committed(Family::kEntityNames, key)) continue;
    accord::v1::EntityName stored = name;
    if (IsTextSource(name.source())) {
      stored.set_source("text");
      stored.set_document_id(std::string(document_id));
    } else {
      stored.clear_document_id();
    }
    names.emplace(std::move(key), Serialized(stored));
  }
  auto& offices = CandidatesOf(Family::kEntityRoles);
  auto& holders = CandidatesOf(Family::kEntityRoleHolders);
  for (const accord::v1::EntityRole& role : entity.roles()) {
    if (!role.of_entity_id().empty()) {
      std::string key = RoleHolderKey(role.role_id(), role.of_entity_id(), id);
      if (!Committed(Family::kEntityRoleHolders, key)) {
        holders.emplace(std::move(key), std::string(canonical_name));
      }
    }
    accord::v1::EntityRole stored = role;
    stored.clear_document_ids();  // the key says which document
    if (IsTextSource(role.source())) {
      stored.set_source("text");
      stored.clear_start();
      stored.clear_end();
      std::string key =
          EntityRoleKey(id, role.role_id(), role.of_entity_id(), sequence);
      if (stated_.insert(key).second) {
        batch->Put(handle(Family::kEntityRoles), key, Serialized(stored));
      }
    } else {
      std::string key = EntityOfficeKey(id, role.role_id(), role.of_entity_id(),
                                        role.start(), role.end());
      if (!offices.contains(key) && !Committed(Family::kEntityRoles, key)) {
        offices.emplace(std::move(key), Serialized(stored));
      }
    }
  }
  // Kept only when absent: the value stays the first document's sequence.
  auto& aliases = CandidatesOf(Family::kEntityAliases);
  std::string first_sequence;
  index::PutVarint64(sequence, &first_sequence);
  for (const std::string& alias : alias_keys) {
    std::string key = EntityAliasKey(alias, id);
    if (!Committed(Family::kEntityAliases, key)) {
      aliases.emplace(std::move(key), first_sequence);
    }
  }
}

absl::Status EntityWrites::AddAbsent(rocksdb::WriteBatch* batch) {
  for (size_t f = 0; f < std::size(kWhenAbsent); ++f) {
    const absl::btree_map<std::string, std::string>& candidates =
        candidates_[f];
    if (candidates.empty()) continue;
    std::vector<rocksdb::Slice> keys;
    keys.reserve(candidates.size());
    for (const auto& [key, value] : candidates) keys.emplace_back(key);
    std::vector<rocksdb::PinnableSlice> values(keys.size());
    std::vector<rocksdb::Status> statuses(keys.size());
    rocksdb::ColumnFamilyHandle* family = handle(kWhenAbsent[f]);
    // Sorted: a btree_map's byte order is RocksDB's default comparator.
    db_->MultiGet(rocksdb::ReadOptions(), family, keys.size(), keys.data(),
                  values.data(), statuses.data(), /*sorted_input=*/true);
    size_t i = 0;
    for (const auto& [key, value] : candidates) {
      const rocksdb::Status& status = statuses[i++];
      if (status.IsNotFound()) {
        batch->Put(family, key, value);
      } else if (!status.ok()) {
        return FromRocks(
            status,
            absl::StrCat("look up entity key in ",
                         FamilyNames()[static_cast<size_t>(kWhenAbsent[f])]));
      }
    }
  }
  return absl::OkStatus();
}

void EntityWrites::RememberStored(CommittedEntityKeys* keys) {
  size_t count = 0;
  for (const auto& candidates : candidates_) count += candidates.size();
  if (!keys->MakeRoom(count)) return;
  for (size_t f = 0; f < std::size(kWhenAbsent); ++f) {
    for (const auto& [key, value] : candidates_[f])
      keys->Add(kWhenAbsent[f], key);
  }
}

}  // namespace accord::store::internal
