#include "ingest-service/stories/person_merge.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "common/alias/name_tokens.h"
#include "common/store/schema.h"
#include "ingest-service/extract/gazetteer/gazetteer_entry.h"

namespace accord::stories {
namespace internal {

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const size_t window =
      std::max<size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  std::vector<bool> a_matched(a.size()), b_matched(b.size());
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const size_t from = i > window ? i - window : 0;
    const size_t to = std::min(b.size(), i + window + 1);
    for (size_t j = from; j < to; ++j) {
      if (b_matched[j] || a[i] != b[j]) continue;
      a_matched[i] = b_matched[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  size_t transposed = 0;
  for (size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!a_matched[i]) continue;
    while (!b_matched[j]) ++j;
    if (a[i] != b[j]) ++transposed;
    ++j;
  }
  const double m = static_cast<double>(matches);
  const double jaro =
      (m / a.size() + m / b.size() + (m - transposed / 2.0) / m) / 3.0;
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() &&
         a[prefix] == b[prefix]) {
    ++prefix;
  }
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

double NameLikeness(std::string_view key_a, std::string_view key_b,
                    double min_last) {
  const std::vector<absl::string_view> a = absl::StrSplit(
      absl::string_view(key_a.data(), key_a.size()), ' ', absl::SkipEmpty());
  const std::vector<absl::string_view> b = absl::StrSplit(
      absl::string_view(key_b.data(), key_b.size()), ' ', absl::SkipEmpty());
  if (a.empty() || b.empty()) return 0.0;
  const double last =
      JaroWinkler(std::string_view(a.back().data(), a.back().size()),
                  std::string_view(b.back().data(), b.back().size()));
  if (last < min_last) return 0.0;
  if (a.size() > 1 && b.size() > 1 && a.front()[0] != b.front()[0]) {
    return 0.0;
  }
  return last;
}

}  // namespace internal

namespace {

bool IsUnknownPerson(const store::PendingEntity& pending) {
  return pending.entity.kind() == accord::v1::ENTITY_KIND_PERSON &&
         pending.known == nullptr;
}

bool IsPersonId(std::string_view id) { return id.substr(0, 7) == "person/"; }

// The people the documents before the current one of this bundle hold each
// role of a body as, and the aliases their merges added: what the store
// will know once the bundle is committed.
struct BundleSoFar {
  // RoleHoldersPrefix(role, of) -> holders.
  absl::flat_hash_map<std::string, std::vector<store::Store::RoleHolder>>
      holders;
  // Alias key -> the person an earlier merge gave it to.
  absl::flat_hash_map<std::string, store::Store::RoleHolder> aliases;
};

// The name a merged spelling joins under, and the alias key by which a
// later document finds it: the canonical name's, when it has two words or
// more (one word, "Nam", names too many people).
std::string FullNameAliasKey(const accord::v1::Entity& entity) {
  std::string key = alias::AliasKey(entity.canonical_name());
  if (key.find(' ') == std::string::npos) key.clear();
  return key;
}

// Folds `from` into `into` (the same entity): mentions, names, roles and
// alias keys, without repeats.
void Combine(store::PendingEntity from, store::PendingEntity* into) {
  accord::v1::Entity& entity = into->entity;
  entity.set_mention_count(entity.mention_count() +
                           from.entity.mention_count());
  absl::flat_hash_set<std::string> names, roles;
  for (const auto& name : entity.names()) {
    names.insert(absl::StrCat(name.language(), "|", name.name()));
  }
  for (const auto& role : entity.roles()) {
    roles.insert(absl::StrCat(role.role_id(), "|", role.of_entity_id(), "|",
                              role.source()));
  }
  for (auto& name : *from.entity.mutable_names()) {
    if (names.insert(absl::StrCat(name.language(), "|", name.name())).second) {
      *entity.add_names() = std::move(name);
    }
  }
  for (auto& role : *from.entity.mutable_roles()) {
    if (roles
            .insert(absl::StrCat(role.role_id(), "|", role.of_entity_id(), "|",
                                 role.source()))
            .second) {
      *entity.add_roles() = std::move(role);
    }
  }
  absl::flat_hash_set<std::string> keys(into->alias_keys.begin(),
                                        into->alias_keys.end());
  for (std::string& key : from.alias_keys) {
    if (keys.insert(key).second) into->alias_keys.push_back(std::move(key));
  }
}

// Rewrites `document` for `merges` (from id -> merge).
void Apply(const absl::flat_hash_map<std::string, PersonMerge>& merges,
           store::PendingDocument* document) {
  for (accord::v1::EntityMention& mention :
       *document->document().mutable_entity_mentions()) {
    auto it = merges.find(mention.entity_id());
    if (it == merges.end()) continue;
    const PersonMerge& merge = it->second;
    mention.set_entity_id(merge.to_id);
    mention.set_canonical_name(merge.to_name);
    mention.set_resolution(
        mention.resolution().empty()
            ? merge.reason
            : absl::StrCat(mention.resolution(), "; ", merge.reason));
  }
  // The events' participants were taken from the mentions before the
  // merge: they follow them, each person once per event.
  for (accord::v1::EventMention& event :
       *document->document().mutable_events()) {
    absl::flat_hash_set<std::string> seen;
    google::protobuf::RepeatedPtrField<accord::v1::EventEntity> kept;
    for (accord::v1::EventEntity& participant : *event.mutable_participants()) {
      auto it = merges.find(participant.entity_id());
      if (it != merges.end()) {
        participant.set_entity_id(it->second.to_id);
        participant.set_name(it->second.to_name);
      }
      if (seen.insert(participant.entity_id()).second) {
        *kept.Add() = std::move(participant);
      }
    }
    event.mutable_participants()->Swap(&kept);
  }
  std::vector<store::PendingEntity> entities;
  entities.reserve(document->entities.size());
  absl::flat_hash_map<std::string, size_t> index;
  for (store::PendingEntity& pending : document->entities) {
    auto merge = merges.find(pending.entity.id());
    if (merge != merges.end()) {
      pending.entity.set_id(merge->second.to_id);
      pending.entity.set_canonical_name(merge->second.to_name);
      for (accord::v1::EntityName& name : *pending.entity.mutable_names()) {
        name.set_resolution(merge->second.reason);
      }
    }
    auto [it, inserted] =
        index.try_emplace(pending.entity.id(), entities.size());
    if (inserted) {
      entities.push_back(std::move(pending));
    } else {
      Combine(std::move(pending), &entities[it->second]);
    }
  }
  document->entities = std::move(entities);
}

}  // namespace

PersonMerger::PersonMerger(PersonMergerOptions options)
    : options_(std::move(options)) {}

std::string PersonMerger::PersonKeyOf(const std::string& name) const {
  {
    absl::MutexLock lock(&memo_mutex_);
    if (auto it = person_keys_.find(name); it != person_keys_.end()) {
      return it->second;
    }
  }
  std::string key = alias::PersonKey(name);
  absl::MutexLock lock(&memo_mutex_);
  if (person_keys_.size() >= options_.max_memo_names) person_keys_.clear();
  person_keys_.emplace(name, key);
  return key;
}

absl::StatusOr<std::vector<PersonMerge>> PersonMerger::Merge(
    const store::Store& store,
    std::vector<store::PendingDocument>* documents) const {
  std::vector<PersonMerge> made;
  BundleSoFar bundle;
  for (store::PendingDocument& document : *documents) {
    absl::flat_hash_map<std::string, PersonMerge> merges;
    // Records a merge of `person`: in document order in `made`, and under
    // its full name's alias for the later documents of the bundle.
    auto record = [&](const accord::v1::Entity& person, PersonMerge merge) {
      if (const std::string key = FullNameAliasKey(person); !key.empty()) {
        bundle.aliases[key] =
            store::Store::RoleHolder{merge.to_id, merge.to_name};
      }
      made.push_back(merge);
      merges.emplace(person.id(), std::move(merge));
    };
    for (const store::PendingEntity& pending : document.entities) {
      if (!IsUnknownPerson(pending)) continue;
      const accord::v1::Entity& person = pending.entity;

      // Alias: the full name is already another person's.
      if (const std::string key = FullNameAliasKey(person); !key.empty()) {
        absl::StatusOr<std::vector<std::string>> stored =
            store.FindEntitiesByAlias(key, 8);
        if (!stored.ok()) return stored.status();
        absl::flat_hash_map<std::string, std::string> others;  // id -> name
        for (const std::string& id : *stored) {
          if (id != person.id() && IsPersonId(id)) others.emplace(id, "");
        }
        if (auto local = bundle.aliases.find(key);
            local != bundle.aliases.end() && local->second.id != person.id()) {
          others[local->second.id] = local->second.canonical_name;
        }
        if (others.size() == 1) {
          auto& [id, name] = *others.begin();
          if (name.empty()) {
            absl::StatusOr<accord::v1::Entity> stored_record =
                store.GetEntityRecord(id);
            if (!stored_record.ok()) return stored_record.status();
            name = stored_record->canonical_name();
          }
          record(person, PersonMerge{person.id(), id, name,
                                     absl::StrCat("\"", person.canonical_name(),
                                                  "\" is already a name of ",
                                                  name, " (", id, ")")});
          continue;
        }
      }

      // Context: a role of a body that a person with a name alike holds.
      const std::string key = PersonKeyOf(person.canonical_name());
      struct Best {
        double likeness = 0;
        store::Store::RoleHolder holder;
        const accord::v1::EntityRole* role = nullptr;
        std::string holder_key;
      };
      absl::flat_hash_map<std::string, Best> candidates;  // by holder id
      for (const accord::v1::EntityRole& role : person.roles()) {
        // Many officers of one body hold a rank at once: sharing it is no
        // reason to merge.
        if (role.of_entity_id().empty() || extract::IsRankId(role.role_id())) {
          continue;
        }
        absl::StatusOr<std::vector<store::Store::RoleHolder>> holders =
            store.FindRoleHolders(role.role_id(), role.of_entity_id(),
                                  options_.max_holders);
        if (!holders.ok()) return holders.status();
        if (auto local = bundle.holders.find(
                store::RoleHoldersPrefix(role.role_id(), role.of_entity_id()));
            local != bundle.holders.end()) {
          holders->insert(holders->end(), local->second.begin(),
                          local->second.end());
        }
        for (store::Store::RoleHolder& holder : *holders) {
          if (holder.id == person.id() || !IsPersonId(holder.id)) continue;
          std::string holder_key = PersonKeyOf(holder.canonical_name);
          const double likeness = internal::NameLikeness(
              key, holder_key, options_.min_family_name_similarity);
          if (likeness <= 0) continue;
          Best& best = candidates[holder.id];
          if (likeness > best.likeness) {
            best =
                Best{likeness, std::move(holder), &role, std::move(holder_key)};
          }
        }
      }
      const Best* chosen = nullptr;
      bool tied = false;
      for (const auto& [id, candidate] : candidates) {
        if (chosen == nullptr || candidate.likeness > chosen->likeness) {
          chosen = &candidate;
          tied = false;
        } else if (candidate.likeness == chosen->likeness) {
          tied = true;
        }
      }
      // Two people alike in the same office: nothing says which one.
      if (chosen == nullptr || tied) continue;
      record(
          person,
          PersonMerge{
              person.id(), chosen->holder.id, chosen->holder.canonical_name,
              absl::StrFormat(
                  "same person as %s (%s) by shared context: both %s of %s; "
                  "names alike (\"%s\" ~ \"%s\", %.2f)",
                  chosen->holder.canonical_name, chosen->holder.id,
                  chosen->role->role_name().empty() ? chosen->role->role_id()
                                                    : chosen->role->role_name(),
                  chosen->role->of_entity_name().empty()
                      ? chosen->role->of_entity_id()
                      : chosen->role->of_entity_name(),
                  key, chosen->holder_key, chosen->likeness)});
    }

    if (!merges.empty()) Apply(merges, &document);
    for (const store::PendingEntity& pending : document.entities) {
      if (pending.entity.kind() != accord::v1::ENTITY_KIND_PERSON) continue;
      for (const accord::v1::EntityRole& role : pending.entity.roles()) {
        if (role.of_entity_id().empty()) continue;
        std::vector<store::Store::RoleHolder>& holders =
            bundle.holders[store::RoleHoldersPrefix(role.role_id(),
                                                    role.of_entity_id())];
        if (std::none_of(holders.begin(), holders.end(),
                         [&](const store::Store::RoleHolder& h) {
                           return h.id == pending.entity.id();
                         })) {
          holders.push_back(store::Store::RoleHolder{
              pending.entity.id(), pending.entity.canonical_name()});
        }
      }
    }
  }
  return made;
}

}  // namespace accord::stories
