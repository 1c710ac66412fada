// Store::GetEntity, FindEntitiesByAlias and FindRoleHolders: an entity
// assembled from its families, and the lookups into them (docs/STORAGE.md, "Entities"). The keys are built in
// schema.h, the writes in internal/entity_writes.h.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/str_cat.h"
#include "common/index/varint.h"
#include "common/store/internal/rocks.h"
#include "common/store/internal/scan_prefix.h"
#include "common/store/rocks_status.h"
#include "common/store/schema.h"
#include "common/store/store.h"
#include "common/util/untrusted_text.h"
#include "rocksdb/iterator.h"

namespace accord::store {
namespace {

absl::Status Malformed(absl::string_view id, absl::string_view what) {
  return absl::DataLossError(absl::StrCat("entity ", id, ": ", what));
}

// One (role_id, of_entity_id) of an entity, as its keys are scanned.
struct RoleGroup {
  // The first statement, with the role's names, when documents state it.
  bool stated_any = false;
  accord::v1::EntityRole stated;
  // Sequences of the first max_documents documents that state it.
  std::vector<uint64_t> sequences;
  // Gazetteer offices, in key order (by tenure start).
  std::vector<accord::v1::EntityRole> offices;
};

// The entities record of `id`.
absl::StatusOr<accord::v1::Entity> ReadEntityRecord(
    rocksdb::DB* db, rocksdb::ColumnFamilyHandle* entities,
    absl::string_view id) {
  accord::v1::Entity entity;
  rocksdb::PinnableSlice value;
  rocksdb::Status status =
      db->Get(rocksdb::ReadOptions(), entities, ToSlice(id), &value);
  if (status.IsNotFound()) {
    return absl::NotFoundError(absl::StrCat("entity ", id, " not found"));
  }
  if (!status.ok()) {
    return FromRocks(status, absl::StrCat("read entity ", id));
  }
  if (!entity.ParseFromArray(value.data(), static_cast<int>(value.size())) ||
      entity.id() != id) {
    return Malformed(id, "the stored record does not parse");
  }
  return entity;
}

}  // namespace

absl::StatusOr<accord::v1::Entity> Store::GetEntityRecord(
    absl::string_view id) const {
  if (!IsValidEntityId(id)) {
    return absl::InvalidArgumentError(
        absl::StrCat("entity id \"", EscapeUntrusted(id),
                     "\" is not <kind>/<key> in printable ASCII"));
  }
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  return ReadEntityRecord(rocks->db.get(), rocks->handle(Family::kEntities),
                          id);
}

absl::StatusOr<accord::v1::Entity> Store::GetEntity(
    absl::string_view id, size_t max_documents,
    const CallDeadline& deadline) const {
  if (!IsValidEntityId(id)) {
    return absl::InvalidArgumentError(
        absl::StrCat("entity id \"", EscapeUntrusted(id),
                     "\" is not <kind>/<key> in printable ASCII"));
  }
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  rocksdb::DB* db = rocks->db.get();

  absl::StatusOr<accord::v1::Entity> record =
      ReadEntityRecord(db, rocks->handle(Family::kEntities), id);
  if (!record.ok()) return record.status();
  accord::v1::Entity entity = *std::move(record);
  const std::string prefix = EntityKeyPrefix(id);

  absl::Status names = internal::ScanPrefix(
      db, rocks->handle(Family::kEntityNames), prefix,
      absl::StrCat("reading the names of entity ", id), deadline,
      [&](absl::string_view key, absl::string_view value) {
        if (key.substr(prefix.size()).find('\0') == absl::string_view::npos) {
          return Malformed(id, "a name key has no language");
        }
        if (!entity.add_names()->ParseFromArray(
                value.data(), static_cast<int>(value.size()))) {
          return Malformed(id, "a stored name does not parse");
        }
        return absl::OkStatus();
      });
  if (!names.ok()) return names;

  // Roles, grouped by (role_id, of_entity_id): their keys are adjacent.
  std::vector<RoleGroup> groups;
  std::string group_key;
  absl::Status roles = internal::ScanPrefix(
      db, rocks->handle(Family::kEntityRoles), prefix,
      absl::StrCat("reading the roles of entity ", id), deadline,
      [&](absl::string_view key, absl::string_view value) {
        EntityRoleKeyParts parts;
        if (!ParseEntityRoleKey(key, id, &parts)) {
          return Malformed(id, "a role key is malformed");
        }
        accord::v1::EntityRole role;
        if (!role.ParseFromArray(value.data(),
                                 static_cast<int>(value.size()))) {
          return Malformed(id, "a stored role does not parse");
        }
        std::string this_key = absl::StrCat(
            parts.role_id, absl::string_view("\0", 1), parts.of_entity_id);
        if (groups.empty() || this_key != group_key) {
          groups.emplace_back();
          group_key = std::move(this_key);
        }
        RoleGroup& group = groups.back();
        if (parts.office) {
          group.offices.push_back(std::move(role));
        } else {
          if (!group.stated_any) {
            group.stated_any = true;
            group.stated = std::move(role);
          }
          if (group.sequences.size() < max_documents) {
            group.sequences.push_back(parts.sequence);
          }
        }
        return absl::OkStatus();
      });
  if (!roles.ok()) return roles;

  // The documents: counts over all of them, ids of the first ones.
  std::vector<uint64_t> sequences;
  uint64_t first = 0;
  uint64_t last = 0;
  uint64_t documents = 0;
  uint64_t mentions = 0;
  absl::Status scanned = internal::ScanPrefix(
      db, rocks->handle(Family::kEntityDocuments), prefix,
      absl::StrCat("reading the documents of entity ", id), deadline,
      [&](absl::string_view key, absl::string_view value) {
        uint64_t sequence = 0;
        uint64_t count = 0;
        if (!ParseEntityDocumentKey(key, id, &sequence)) {
          return Malformed(id, "a document key is malformed");
        }
        if (!index::GetVarint64(&value, &count) || !value.empty()) {
          return Malformed(id, "a mention count is malformed");
        }
        if (documents == 0) first = sequence;
        last = sequence;
        ++documents;
        mentions += count;
        if (sequences.size() < max_documents) sequences.push_back(sequence);
        return absl::OkStatus();
      });
  if (!scanned.ok()) return scanned;
  entity.set_mention_count(mentions);
  entity.set_document_count(documents);

  // Every sequence named above becomes a document id in one MultiGet.
  std::vector<uint64_t> wanted = sequences;
  for (const RoleGroup& group : groups) {
    wanted.insert(wanted.end(), group.sequences.begin(), group.sequences.end());
  }
  if (documents > 0) {
    wanted.push_back(first);
    wanted.push_back(last);
  }
  std::vector<absl::StatusOr<std::string>> ids = GetDocumentIds(wanted);
  absl::flat_hash_map<uint64_t, std::string> id_of;
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (absl::IsNotFound(ids[i].status())) {
      return Malformed(id, absl::StrCat("it names document sequence ",
                                        wanted[i], ", which is not stored"));
    }
    if (!ids[i].ok()) return ids[i].status();
    id_of.emplace(wanted[i], *std::move(ids[i]));
  }
  for (uint64_t sequence : sequences) entity.add_document_ids(id_of[sequence]);
  for (RoleGroup& group : groups) {
    for (accord::v1::EntityRole& office : group.offices) {
      *entity.add_roles() = std::move(office);
    }
    if (!group.stated_any) continue;
    accord::v1::EntityRole* role = entity.add_roles();
    *role = std::move(group.stated);
    role->set_source("text");
    for (uint64_t sequence : group.sequences) {
      role->add_document_ids(id_of[sequence]);
    }
  }

  if (documents > 0) {
    entity.set_first_seen_document_id(id_of[first]);
    entity.set_last_seen_document_id(id_of[last]);
    std::vector<absl::StatusOr<accord::v1::Document>> ends =
        GetDocuments({id_of[first], id_of[last]});
    for (size_t i = 0; i < ends.size(); ++i) {
      if (absl::IsNotFound(ends[i].status())) {
        return Malformed(id, absl::StrCat("its document ",
                                          i == 0 ? id_of[first] : id_of[last],
                                          " is not stored"));
      }
      if (!ends[i].ok()) return ends[i].status();
    }
    *entity.mutable_first_seen_time() = ends[0]->ingest_time();
    *entity.mutable_last_seen_time() = ends[1]->ingest_time();
  }
  return entity;
}

absl::StatusOr<std::vector<std::string>> Store::FindEntitiesByAlias(
    absl::string_view alias_key, size_t max_results) const {
  std::vector<std::string> found;
  if (alias_key.empty() || alias_key.find('\0') != absl::string_view::npos ||
      max_results == 0) {
    return found;
  }
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  const std::string prefix = EntityAliasPrefix(alias_key);
  std::string upper = prefix;
  upper.back() = '\1';
  const rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions options;
  options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(
      rocks->db->NewIterator(options, rocks->handle(Family::kEntityAliases)));
  // Bounded by max_results: no deadline needed.
  for (it->Seek(ToSlice(prefix)); it->Valid() && found.size() < max_results;
       it->Next()) {
    absl::string_view id(it->key().data() + prefix.size(),
                         it->key().size() - prefix.size());
    if (!IsValidEntityId(id)) {
      return absl::DataLossError(
          absl::StrCat("alias \"", EscapeUntrusted(alias_key),
                       "\" names a malformed entity id"));
    }
    found.emplace_back(id);
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), "reading an alias");
  }
  return found;
}

absl::StatusOr<std::vector<uint64_t>> Store::RecentEntityDocuments(
    absl::string_view id, uint64_t before_sequence, size_t max_results) const {
  std::vector<uint64_t> found;
  if (!IsValidEntityId(id) || before_sequence == 0 || max_results == 0) {
    return found;
  }
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  const std::string prefix = EntityKeyPrefix(id);
  rocksdb::ReadOptions options;
  // Backwards within one prefix: no prefix bloom filter to consult.
  options.total_order_seek = true;
  std::unique_ptr<rocksdb::Iterator> it(
      rocks->db->NewIterator(options, rocks->handle(Family::kEntityDocuments)));
  // Bounded by max_results: no deadline needed.
  for (it->SeekForPrev(ToSlice(EntityDocumentKey(id, before_sequence - 1)));
       it->Valid() && found.size() < max_results &&
       it->key().starts_with(ToSlice(prefix));
       it->Prev()) {
    uint64_t sequence = 0;
    if (!ParseEntityDocumentKey(
            absl::string_view(it->key().data(), it->key().size()), id,
            &sequence)) {
      return absl::DataLossError(absl::StrCat(
          "a document key of entity ", EscapeUntrusted(id), " is malformed"));
    }
    found.push_back(sequence);
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), "reading an entity's documents");
  }
  return found;
}

absl::StatusOr<std::vector<Store::AliasEntry>> Store::ScanEntityAliases(
    absl::string_view alias_key_prefix, size_t max_results) const {
  std::vector<AliasEntry> found;
  if (alias_key_prefix.empty() ||
      alias_key_prefix.find('\0') != absl::string_view::npos ||
      max_results == 0) {
    return found;
  }
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  std::unique_ptr<rocksdb::Iterator> it(rocks->db->NewIterator(
      rocksdb::ReadOptions(), rocks->handle(Family::kEntityAliases)));
  // Bounded by max_results: no deadline needed.
  for (it->Seek(ToSlice(alias_key_prefix));
       it->Valid() && found.size() < max_results &&
       it->key().starts_with(ToSlice(alias_key_prefix));
       it->Next()) {
    const absl::string_view key(it->key().data(), it->key().size());
    const size_t nul = key.find('\0');
    absl::string_view value(it->value().data(), it->value().size());
    uint64_t first_sequence = 0;
    if (nul == absl::string_view::npos ||
        !IsValidEntityId(key.substr(nul + 1)) ||
        (!value.empty() &&
         (!index::GetVarint64(&value, &first_sequence) || !value.empty()))) {
      return absl::DataLossError(absl::StrCat("an alias key under \"",
                                              EscapeUntrusted(alias_key_prefix),
                                              "\" is malformed"));
    }
    found.push_back(AliasEntry{std::string(key.substr(0, nul)),
                               std::string(key.substr(nul + 1)),
                               first_sequence});
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), "reading the aliases");
  }
  return found;
}

absl::StatusOr<std::vector<Store::RoleHolder>> Store::FindRoleHolders(
    absl::string_view role_id, absl::string_view of_entity_id,
    size_t max_results) const {
  std::vector<RoleHolder> found;
  if (role_id.empty() || of_entity_id.empty() ||
      role_id.find('\0') != absl::string_view::npos ||
      of_entity_id.find('\0') != absl::string_view::npos || max_results == 0) {
    return found;
  }
  const std::shared_ptr<const Rocks> rocks = this->rocks();
  const std::string prefix = RoleHoldersPrefix(role_id, of_entity_id);
  std::string upper = prefix;
  upper.back() = '\1';
  const rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions options;
  options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(rocks->db->NewIterator(
      options, rocks->handle(Family::kEntityRoleHolders)));
  // Bounded by max_results: no deadline needed.
  for (it->Seek(ToSlice(prefix)); it->Valid() && found.size() < max_results;
       it->Next()) {
    absl::string_view id(it->key().data() + prefix.size(),
                         it->key().size() - prefix.size());
    if (!IsValidEntityId(id)) {
      return absl::DataLossError(absl::StrCat(
          "the holders of ", EscapeUntrusted(role_id), " of ",
          EscapeUntrusted(of_entity_id), " include a malformed entity id"));
    }
    found.push_back(RoleHolder{std::string(id), it->value().ToString()});
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), "reading the holders of a role");
  }
  return found;
}

}  // namespace accord::store
