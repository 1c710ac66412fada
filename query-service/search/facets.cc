#include "query-service/search/facets.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "common/rpc/status.h"
#include "common/util/untrusted_text.h"
#include "unicode/locid.h"
#include "unicode/unistr.h"

namespace accord::query {
namespace {

using accord::v1::Facet;
using accord::v1::FacetField;

absl::Status InvalidFacets(absl::string_view message) {
  return rpc::WithErrorInfo(absl::InvalidArgumentError(message),
                            "INVALID_FACETS", {{"field", "facets"}});
}

// The non-zero counts as (count, id) pairs.
std::vector<std::pair<int64_t, uint32_t>> NonZero(
    const std::vector<int64_t>& counts) {
  std::vector<std::pair<int64_t, uint32_t>> values;
  for (uint32_t id = 0; id < counts.size(); ++id) {
    if (counts[id] > 0) values.emplace_back(counts[id], id);
  }
  return values;
}

// `values` cut to the `size` most frequent, ties by value, into `facet`.
// `name_of` returns a reference: the sort compares the names of the many
// values tied at low counts, and must not copy two strings each time.
template <typename NameOf>
void AddTop(std::vector<std::pair<int64_t, uint32_t>> values, int size,
            NameOf name_of, Facet* facet) {
  facet->set_distinct_values(static_cast<int64_t>(values.size()));
  auto more = [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return name_of(a.second) < name_of(b.second);
  };
  const size_t shown = std::min<size_t>(values.size(), size);
  std::partial_sort(values.begin(), values.begin() + shown, values.end(), more);
  for (size_t i = 0; i < shown; ++i) {
    accord::v1::FacetValue* value = facet->add_values();
    value->set_value(name_of(values[i].second));
    value->set_count(values[i].first);
  }
}

accord::v1::EntityKind KindOf(FacetField field) {
  switch (field) {
    case accord::v1::FACET_FIELD_COUNTRY:
      return accord::v1::ENTITY_KIND_COUNTRY;
    case accord::v1::FACET_FIELD_PERSON:
      return accord::v1::ENTITY_KIND_PERSON;
    case accord::v1::FACET_FIELD_ORGANIZATION:
      return accord::v1::ENTITY_KIND_ORGANIZATION;
    default:
      return accord::v1::ENTITY_KIND_UNSPECIFIED;
  }
}

}  // namespace

absl::Status CheckTopicFilter(
    const google::protobuf::RepeatedPtrField<std::string>& topic_ids) {
  constexpr int kMaxTopicFilters = 20;
  auto invalid = [](absl::string_view message) {
    return rpc::WithErrorInfo(absl::InvalidArgumentError(message),
                              "INVALID_FILTER", {{"field", "topic_ids"}});
  };
  if (topic_ids.size() > kMaxTopicFilters) {
    return invalid(absl::StrCat("topic_ids: at most ", kMaxTopicFilters));
  }
  for (const std::string& id : topic_ids) {
    if (!absl::StartsWith(id, "topic/") || id.size() > 100) {
      return invalid(absl::StrCat("topic_ids: \"", EscapeUntrusted(id, 80),
                                  "\" is not a topic id such as "
                                  "\"topic/cybercrime\""));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckFacetRequest(absl::Span<const int> fields, int32_t size,
                               int32_t max_size) {
  std::vector<int> seen;
  for (int field : fields) {
    if (field == accord::v1::FACET_FIELD_UNSPECIFIED ||
        !accord::v1::FacetField_IsValid(field)) {
      return InvalidFacets(absl::StrCat(
          "facets: ", field, " is not a facet field (FACET_FIELD_LANGUAGE, ",
          "FACET_FIELD_TOPIC, FACET_FIELD_COUNTRY, ...)"));
    }
    if (std::find(seen.begin(), seen.end(), field) != seen.end()) {
      return InvalidFacets(
          absl::StrCat("facets: ", accord::v1::FacetField_Name(field),
                       " is asked for twice"));
    }
    seen.push_back(field);
  }
  if (size < 0 || size > max_size) {
    return rpc::WithErrorInfo(
        absl::InvalidArgumentError(
            absl::StrCat("facet_size must be 0 (default) to ", max_size)),
        "INVALID_FACETS", {{"field", "facet_size"}});
  }
  return absl::OkStatus();
}

std::vector<Facet> CountFacets(const DocTable::ReadLock& table,
                               absl::Span<const uint32_t> docs,
                               absl::Span<const int> fields, int size) {
  // Entity counts, per kind asked for. A store knows many more entities
  // than a search's matches mention: the counters are kept by the thread
  // between searches and only the touched ones are read and reset, so a
  // facet costs what the matches mention.
  thread_local std::vector<uint32_t> entity_counts;
  if (entity_counts.size() < table.entity_count()) {
    entity_counts.resize(table.entity_count(), 0);
  }
  std::vector<uint32_t> touched;
  // The innermost loop of a faceted search (thousands of matches, about
  // twenty entities each): only the entities of the kind asked for, a
  // count each and nothing else.
  auto count_entities = [&](accord::v1::EntityKind kind, int64_t* without) {
    touched.clear();
    for (uint32_t doc : docs) {
      absl::Span<const uint32_t> ids = table.entities_of_kind(doc, kind);
      *without += ids.empty();
      for (uint32_t id : ids) {
        if (entity_counts[id]++ == 0) touched.push_back(id);
      }
    }
  };

  std::vector<Facet> facets;
  for (int field_number : fields) {
    const auto field = static_cast<FacetField>(field_number);
    Facet& facet = facets.emplace_back();
    facet.set_field(field);
    switch (field) {
      case accord::v1::FACET_FIELD_LANGUAGE: {
        std::vector<int64_t> counts(table.language_count(), 0);
        for (uint32_t doc : docs) ++counts[table.language(doc)];
        const uint32_t undetermined = table.LanguageId("und");
        if (undetermined != DocTable::kUnknownId) {
          facet.set_missing_count(counts[undetermined]);
          counts[undetermined] = 0;
        }
        AddTop(
            NonZero(counts), size,
            [&](uint32_t id) -> const std::string& {
              return table.LanguageName(id);
            },
            &facet);
        break;
      }
      case accord::v1::FACET_FIELD_SOURCE: {
        std::vector<int64_t> counts(table.source_count(), 0);
        int64_t missing = 0;
        for (uint32_t doc : docs) {
          absl::Span<const uint32_t> sources = table.sources(doc);
          missing += sources.empty();
          for (uint32_t id : sources) ++counts[id];
        }
        facet.set_missing_count(missing);
        AddTop(
            NonZero(counts), size,
            [&](uint32_t id) -> const std::string& {
              return table.SourceName(id);
            },
            &facet);
        break;
      }
      case accord::v1::FACET_FIELD_TOPIC: {
        std::vector<int64_t> counts(table.topic_count(), 0);
        int64_t missing = 0;
        for (uint32_t doc : docs) {
          absl::Span<const uint32_t> topics = table.topics(doc);
          missing += topics.empty();
          for (uint32_t id : topics) ++counts[id];
        }
        facet.set_missing_count(missing);
        AddTop(
            NonZero(counts), size,
            [&](uint32_t id) -> const std::string& {
              return table.TopicName(id);
            },
            &facet);
        break;
      }
      case accord::v1::FACET_FIELD_COUNTRY:
      case accord::v1::FACET_FIELD_PERSON:
      case accord::v1::FACET_FIELD_ORGANIZATION: {
        int64_t without = 0;
        count_entities(KindOf(field), &without);
        std::vector<std::pair<int64_t, uint32_t>> values;
        values.reserve(touched.size());
        for (uint32_t id : touched) {
          values.emplace_back(entity_counts[id], id);
          entity_counts[id] = 0;
        }
        facet.set_missing_count(without);
        AddTop(
            std::move(values), size,
            [&](uint32_t id) -> const std::string& {
              return table.EntityName(id);
            },
            &facet);
        break;
      }
      case accord::v1::FACET_FIELD_EVENT_TYPE: {
        std::vector<int64_t> counts(32, 0);
        int64_t missing = 0;
        for (uint32_t doc : docs) {
          const uint32_t types = table.event_types(doc);
          missing += types == 0;
          for (uint32_t t = 1; t < 32; ++t) counts[t] += (types >> t) & 1;
        }
        facet.set_missing_count(missing);
        AddTop(
            NonZero(counts), size,
            [](uint32_t id) -> const std::string& {
              return accord::v1::EventType_Name(
                  static_cast<accord::v1::EventType>(id));
            },
            &facet);
        break;
      }
      case accord::v1::FACET_FIELD_MONTH: {
        // Months 1970-01 .. 2311-04 in an array (a hash map per document
        // cost more than the other facets together), others in a map.
        constexpr int32_t kArrayMonths = 4096;
        std::vector<int64_t> by_month(kArrayMonths, 0);
        absl::flat_hash_map<int32_t, int64_t> counts;
        int64_t missing = 0;
        for (uint32_t doc : docs) {
          const int32_t month = table.month(doc);
          if (month == DocTable::kNoMonth) {
            ++missing;
          } else if (month >= 0 && month < kArrayMonths) {
            ++by_month[month];
          } else {
            ++counts[month];
          }
        }
        for (int32_t month = 0; month < kArrayMonths; ++month) {
          if (by_month[month] > 0) counts[month] = by_month[month];
        }
        facet.set_missing_count(missing);
        facet.set_distinct_values(static_cast<int64_t>(counts.size()));
        std::vector<std::pair<int32_t, int64_t>> months(counts.begin(),
                                                        counts.end());
        std::sort(
            months.begin(), months.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
        if (months.size() > static_cast<size_t>(size)) months.resize(size);
        for (const auto& [month, count] : months) {
          accord::v1::FacetValue* value = facet.add_values();
          value->set_value(
              absl::FormatCivilTime(absl::CivilMonth(1970, 1) + month));
          value->set_count(count);
        }
        break;
      }
      default:
        break;
    }
  }
  return facets;
}

std::string FacetLabels::NameOf(const store::Store& store,
                                absl::string_view entity_id,
                                absl::Status* error) {
  {
    absl::MutexLock lock(&mu_);
    auto it = names_.find(entity_id);
    if (it != names_.end()) return it->second;
  }
  absl::StatusOr<accord::v1::Entity> entity = store.GetEntityRecord(entity_id);
  if (!entity.ok()) {
    // Not stored (yet): no label, and nothing cached.
    if (!absl::IsNotFound(entity.status())) *error = entity.status();
    return "";
  }
  absl::MutexLock lock(&mu_);
  if (names_.size() >= kMaxNames) names_.clear();
  names_[entity_id] = entity->canonical_name();
  return entity->canonical_name();
}

std::string FacetLabels::LanguageName(const std::string& code) {
  {
    absl::MutexLock lock(&mu_);
    auto it = language_names_.find(code);
    if (it != language_names_.end()) return it->second;
  }
  icu::UnicodeString name;
  icu::Locale(code.c_str()).getDisplayLanguage(icu::Locale::getEnglish(), name);
  std::string label;
  name.toUTF8String(label);
  absl::MutexLock lock(&mu_);
  // Codes come from stored documents: few, but not trusted to be.
  if (language_names_.size() >= kMaxNames) language_names_.clear();
  language_names_[code] = label;
  return label;
}

absl::Status LabelFacets(const store::Store& store, FacetLabels* labels,
                         std::vector<accord::v1::Facet>* facets) {
  for (Facet& facet : *facets) {
    for (accord::v1::FacetValue& value : *facet.mutable_values()) {
      if (KindOf(facet.field()) != accord::v1::ENTITY_KIND_UNSPECIFIED) {
        absl::Status error;
        value.set_label(labels->NameOf(store, value.value(), &error));
        if (!error.ok()) return error;
      } else if (facet.field() == accord::v1::FACET_FIELD_LANGUAGE) {
        std::string label = labels->LanguageName(value.value());
        if (label != value.value()) value.set_label(std::move(label));
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace accord::query
