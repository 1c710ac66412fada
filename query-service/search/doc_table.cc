#include "query-service/search/doc_table.h"

#include "absl/time/time.h"
#include "common/store/schema.h"

namespace accord::query {
namespace {

// The group of a document's entities an entity of `kind` is in: 0
// countries, 1 people, 2 organizations, 3 the rest.
size_t GroupOf(accord::v1::EntityKind kind) {
  switch (kind) {
    case accord::v1::ENTITY_KIND_COUNTRY:
      return 0;
    case accord::v1::ENTITY_KIND_PERSON:
      return 1;
    case accord::v1::ENTITY_KIND_ORGANIZATION:
      return 2;
    default:
      return 3;
  }
}

}  // namespace

absl::Status DocTable::CatchUp(const store::Store& store, uint64_t count) {
  absl::MutexLock load(&load_mu_);
  uint64_t have = 0;
  {
    absl::ReaderMutexLock lock(&mu_);
    have = lengths_.size();
  }
  if (count <= have) return absl::OkStatus();
  // Read outside mu_: searches keep running meanwhile.
  std::vector<index::DocAttributes> loaded;
  loaded.reserve(count - have);
  if (absl::Status read = store.ReadDocAttributes(have, count, &loaded);
      !read.ok()) {
    return read;
  }
  absl::MutexLock lock(&mu_);
  std::array<std::vector<uint32_t>, 4> groups;
  for (const index::DocAttributes& a : loaded) {
    lengths_.push_back(a.length);
    length_sums_.push_back(length_sums_.back() + a.length);
    languages_.push_back(Intern(a.language, &language_ids_, &language_names_));
    published_.push_back(a.has_published ? a.published_seconds : kNoDate);
    for (const std::string& source : a.sources) {
      source_ids_.push_back(Intern(source, &source_key_ids_, &source_names_));
    }
    source_starts_.push_back(static_cast<uint32_t>(source_ids_.size()));
    int32_t month = kNoMonth;
    if (a.has_published) {
      const absl::CivilMonth civil = absl::ToCivilMonth(
          absl::FromUnixSeconds(a.published_seconds), absl::UTCTimeZone());
      month = static_cast<int32_t>(civil - absl::CivilMonth(1970, 1));
    }
    months_.push_back(month);
    // Grouped by kind (entities_of_kind), each group in stored order.
    for (std::vector<uint32_t>& group : groups) group.clear();
    for (const std::string& entity : a.entity_ids) {
      const uint32_t id = Intern(entity, &entity_key_ids_, &entity_names_);
      if (id == entity_kinds_.size()) {
        entity_kinds_.push_back(store::EntityKindOfId(entity));
      }
      groups[GroupOf(entity_kinds_[id])].push_back(id);
    }
    std::array<uint32_t, 3> ends;
    for (size_t g = 0; g < groups.size(); ++g) {
      entity_ids_.insert(entity_ids_.end(), groups[g].begin(), groups[g].end());
      if (g < ends.size()) ends[g] = static_cast<uint32_t>(entity_ids_.size());
    }
    entity_group_ends_.push_back(ends);
    entity_starts_.push_back(static_cast<uint32_t>(entity_ids_.size()));
    for (const std::string& topic : a.topic_ids) {
      topic_ids_.push_back(Intern(topic, &topic_key_ids_, &topic_names_));
    }
    topic_starts_.push_back(static_cast<uint32_t>(topic_ids_.size()));
    uint32_t types = 0;
    // Types beyond the mask's width are not filtered or counted; the
    // taxonomy has eleven.
    static_assert(accord::v1::EventType_MAX < 32);
    for (uint32_t type : a.event_types) {
      if (type < 32) types |= uint32_t{1} << type;
    }
    event_types_.push_back(types);
  }
  return absl::OkStatus();
}

uint32_t DocTable::Intern(const std::string& value,
                          absl::flat_hash_map<std::string, uint32_t>* ids,
                          std::vector<std::string>* names) {
  auto [it, inserted] =
      ids->emplace(value, static_cast<uint32_t>(names->size()));
  if (inserted) names->push_back(value);
  return it->second;
}

double DocTable::ReadLock::average_length(uint32_t n) const {
  if (n == 0) return 1.0;
  return static_cast<double>(t().length_sums_[n]) / n;
}

absl::Span<const uint32_t> DocTable::ReadLock::sources(uint32_t doc) const {
  return absl::MakeConstSpan(t().source_ids_)
      .subspan(t().source_starts_[doc],
               t().source_starts_[doc + 1] - t().source_starts_[doc]);
}

absl::Span<const uint32_t> DocTable::ReadLock::entities(uint32_t doc) const {
  return absl::MakeConstSpan(t().entity_ids_)
      .subspan(t().entity_starts_[doc],
               t().entity_starts_[doc + 1] - t().entity_starts_[doc]);
}

absl::Span<const uint32_t> DocTable::ReadLock::entities_of_kind(
    uint32_t doc, accord::v1::EntityKind kind) const {
  const size_t group = GroupOf(kind);
  if (group >= 3) return {};
  const std::array<uint32_t, 3>& ends = t().entity_group_ends_[doc];
  const uint32_t begin = group == 0 ? t().entity_starts_[doc] : ends[group - 1];
  return absl::MakeConstSpan(t().entity_ids_)
      .subspan(begin, ends[group] - begin);
}

absl::Span<const uint32_t> DocTable::ReadLock::topics(uint32_t doc) const {
  return absl::MakeConstSpan(t().topic_ids_)
      .subspan(t().topic_starts_[doc],
               t().topic_starts_[doc + 1] - t().topic_starts_[doc]);
}

uint32_t DocTable::ReadLock::EntityId(const std::string& id) const {
  auto it = t().entity_key_ids_.find(id);
  return it == t().entity_key_ids_.end() ? kUnknownId : it->second;
}

uint32_t DocTable::ReadLock::TopicId(const std::string& id) const {
  auto it = t().topic_key_ids_.find(id);
  return it == t().topic_key_ids_.end() ? kUnknownId : it->second;
}

uint32_t DocTable::ReadLock::LanguageId(const std::string& code) const {
  auto it = t().language_ids_.find(code);
  return it == t().language_ids_.end() ? kUnknownId : it->second;
}

uint32_t DocTable::ReadLock::SourceId(const std::string& key) const {
  auto it = t().source_key_ids_.find(key);
  return it == t().source_key_ids_.end() ? kUnknownId : it->second;
}

std::vector<std::string> DocTable::ReadLock::Languages() const {
  std::vector<std::string> codes;
  for (const std::string& code : t().language_names_) {
    if (code != "und") codes.push_back(code);
  }
  return codes;
}

}  // namespace accord::query
