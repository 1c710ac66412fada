#include "tools/eval_extract/evaluation.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/index/document_terms.h"
#include "google/protobuf/timestamp.pb.h"
#include "ingest-service/extract/gazetteer/gazetteer_entry.h"
#include "ingest-service/metadata_check.h"
#include "tools/eval_extract/span_map.h"

namespace accord::eval_extract {
namespace {

constexpr const char* kGroups[] = {"en", "fr", "de", "es", "ru", "vi", "seeds"};

std::string KindName(accord::v1::EntityKind kind) {
  switch (kind) {
    case accord::v1::ENTITY_KIND_PERSON:
      return "person";
    case accord::v1::ENTITY_KIND_COUNTRY:
      return "country";
    case accord::v1::ENTITY_KIND_PLACE:
      return "place";
    case accord::v1::ENTITY_KIND_ORGANIZATION:
      return "organization";
    case accord::v1::ENTITY_KIND_TREATY:
      return "treaty";
    default:
      return "unspecified";
  }
}

std::string KindName(accord::v1::TemporalKind kind) {
  switch (kind) {
    case accord::v1::TEMPORAL_KIND_DATE:
      return "date";
    case accord::v1::TEMPORAL_KIND_RANGE:
      return "range";
    case accord::v1::TEMPORAL_KIND_DURATION:
      return "duration";
    case accord::v1::TEMPORAL_KIND_SET:
      return "set";
    default:
      return "unspecified";
  }
}

std::string GrainName(accord::v1::Grain grain) {
  switch (grain) {
    case accord::v1::GRAIN_YEAR:
      return "year";
    case accord::v1::GRAIN_MONTH:
      return "month";
    case accord::v1::GRAIN_WEEK:
      return "week";
    case accord::v1::GRAIN_DAY:
      return "day";
    default:
      return "unspecified";
  }
}

std::string ResolutionName(accord::v1::TemporalResolution resolution) {
  switch (resolution) {
    case accord::v1::TEMPORAL_RESOLUTION_EXPLICIT:
      return "explicit";
    case accord::v1::TEMPORAL_RESOLUTION_ANCHORED:
      return "anchored";
    case accord::v1::TEMPORAL_RESOLUTION_YEAR_UNKNOWN:
      return "year_unknown";
    case accord::v1::TEMPORAL_RESOLUTION_EVIDENCE:
      return "evidence";
    case accord::v1::TEMPORAL_RESOLUTION_UNANCHORED:
      return "unanchored";
    default:
      return "unspecified";
  }
}

// The keys of an entity: its canonical name's and, when the gazetteer
// knows the id, every one of its names'.
std::vector<std::string> KeysOf(std::string_view id, std::string_view name,
                                std::string_view kind,
                                const extract::Gazetteer& gazetteer) {
  std::vector<std::string> keys = EntityKeys(name, kind);
  if (const extract::GazetteerEntry* entry = gazetteer.FindEntry(id)) {
    for (const std::string& k : EntityKeys(entry->canonical_name, kind))
      keys.push_back(k);
    for (const extract::GazetteerName& n : entry->names) {
      for (const std::string& k : EntityKeys(n.text, kind)) keys.push_back(k);
    }
  }
  return keys;
}

// The gold annotations of `doc` with their spans in the normalized parts.
Annotations GoldAnnotations(const GoldDocument& doc, const SpanMap& map,
                            EvalResult* result) {
  auto locate = [&](const std::string& surface, int occurrence, int line) {
    accord::v1::TextSpan span;
    if (std::optional<size_t> at =
            FindOccurrence(doc.text, surface, occurrence)) {
      if (auto mapped = map.Map(static_cast<uint32_t>(*at),
                                static_cast<uint32_t>(*at + surface.size()))) {
        return *mapped;
      }
    }
    result->unmapped.push_back({doc.gold_path, line, surface, occurrence});
    return span;
  };
  Annotations gold;
  for (const GoldMention& m : doc.mentions) {
    gold.mentions.push_back({locate(m.surface, m.occurrence, m.line), m.surface,
                             m.kind, m.entity, EntityKeys(m.entity, m.kind)});
  }
  for (const GoldRole& r : doc.roles) {
    ScoredRole role{
        r.person, EntityKeys(r.person, "person"), r.role_id, r.of_entity, {}};
    if (r.of_entity != "-")
      role.of_keys = EntityKeys(r.of_entity, "organization");
    gold.roles.push_back(std::move(role));
  }
  for (const GoldTemporal& t : doc.temporals) {
    gold.temporals.push_back({locate(t.surface, t.occurrence, t.line),
                              t.surface, t.kind, t.value, t.grain,
                              t.resolution});
  }
  gold.topics = doc.topics;
  for (const GoldEvent& e : doc.events) {
    ScoredEvent event{e.type, e.date, e.place, {}, e.participants, {}};
    if (!e.place.empty()) event.place_keys = EntityKeys(e.place, "place");
    for (const std::string& name : e.participants) {
      // Person keys also fold transliterations; for bodies and countries
      // they only add a key that cannot clash.
      event.participant_keys.push_back(EntityKeys(name, "person"));
    }
    gold.events.push_back(std::move(event));
  }
  return gold;
}

}  // namespace

Annotations Predicted(const accord::v1::Document& document,
                      const extract::Gazetteer& gazetteer, int* skipped) {
  Annotations out;
  std::set<std::tuple<std::string, std::string, std::string>> roles_seen;
  for (const accord::v1::EntityMention& m : document.entity_mentions()) {
    const std::string kind = KindName(m.kind());
    std::vector<std::string> keys =
        KeysOf(m.entity_id(), m.canonical_name(), kind, gazetteer);
    for (const accord::v1::RoleMention& r : m.roles()) {
      // The gold set annotates offices; ranks ("rank/...") are not scored
      // (tests/gold/FORMAT.md).
      if (extract::IsRankId(r.role_id())) continue;
      if (!roles_seen.insert({m.entity_id(), r.role_id(), r.of_entity_id()})
               .second) {
        continue;
      }
      ScoredRole role{m.canonical_name(),
                      keys,
                      r.role_id(),
                      r.of_entity_id().empty() ? "-" : r.of_entity_name(),
                      {}};
      if (!r.of_entity_id().empty()) {
        role.of_keys = KeysOf(r.of_entity_id(), r.of_entity_name(),
                              "organization", gazetteer);
      }
      out.roles.push_back(std::move(role));
    }
    if (m.span().part() == accord::v1::TEXT_PART_PUBLICATION_STAMP) {
      ++*skipped;
      continue;
    }
    out.mentions.push_back(
        {m.span(), m.surface(), kind, m.canonical_name(), std::move(keys)});
  }
  for (const accord::v1::TemporalExpression& t :
       document.temporal_expressions()) {
    if (t.span().part() == accord::v1::TEXT_PART_PUBLICATION_STAMP) {
      ++*skipped;
      continue;
    }
    ScoredTemporal scored{t.span(), t.surface(), KindName(t.kind()),
                          "",       "",          ""};
    switch (t.kind()) {
      case accord::v1::TEMPORAL_KIND_RANGE:
        scored.value =
            absl::StrCat(t.value().iso8601(), "/", t.end().iso8601());
        break;
      case accord::v1::TEMPORAL_KIND_DURATION:
        scored.value = t.duration();
        break;
      case accord::v1::TEMPORAL_KIND_SET:
        scored.value = t.period();
        break;
      default:
        scored.value = t.value().iso8601();
    }
    if (t.kind() == accord::v1::TEMPORAL_KIND_DATE ||
        t.kind() == accord::v1::TEMPORAL_KIND_RANGE) {
      scored.grain = GrainName(t.value().grain());
      scored.resolution = ResolutionName(t.resolution());
    }
    out.temporals.push_back(std::move(scored));
  }
  for (const accord::v1::TopicScore& topic : document.topics()) {
    out.topics.push_back(topic.topic_id());
  }
  for (const accord::v1::EventMention& e : document.events()) {
    ScoredEvent event;
    // EVENT_TYPE_JOINT_STATEMENT -> "joint-statement".
    event.type = absl::AsciiStrToLower(
        accord::v1::EventType_Name(e.type()).substr(sizeof("EVENT_TYPE_") - 1));
    std::replace(event.type.begin(), event.type.end(), '_', '-');
    if (e.has_date()) {
      event.date = e.date().kind() == accord::v1::TEMPORAL_KIND_RANGE
                       ? absl::StrCat(e.date().value().iso8601(), "/",
                                      e.date().end().iso8601())
                       : e.date().value().iso8601();
    }
    if (e.has_place()) {
      event.place = e.place().name();
      event.place_keys =
          KeysOf(e.place().entity_id(), e.place().name(), "place", gazetteer);
    }
    for (const accord::v1::EventEntity& p : e.participants()) {
      event.participants.push_back(p.name());
      event.participant_keys.push_back(
          KeysOf(p.entity_id(), p.name(), KindName(p.kind()), gazetteer));
    }
    out.events.push_back(std::move(event));
  }
  return out;
}

absl::StatusOr<EvalResult> RunEvaluation(
    const EvalOptions& options, const normalize::Normalizer& normalizer,
    const extract::Understanding& understanding) {
  absl::StatusOr<std::vector<GoldDocument>> gold_set =
      LoadGoldSet(options.gold_dir, options.seeds_dir);
  if (!gold_set.ok()) return gold_set.status();

  EvalResult result;
  for (const char* group : kGroups) {
    result.groups.push_back({group, 0, 0, {}});
  }
  for (const GoldDocument& gold : *gold_set) {
    GroupResult* group = nullptr;
    for (GroupResult& g : result.groups) {
      if (g.group == gold.group) group = &g;
    }
    ++group->documents;

    accord::v1::DocumentMetadata metadata;
    if (gold.publication.has_value()) {
      metadata.mutable_publication_time()->set_seconds(
          absl::ToUnixSeconds(*gold.publication));
    }
    accord::v1::Document document;
    Annotations predicted;
    if (normalizer.Normalize(gold.text, metadata, &document).ok()) {
      ingest::ApplyMetadata(metadata, &document);
      understanding.Understand(&document);
      understanding.UnderstandTerms(
          index::BuildDocumentTerms(understanding.analyzer(), document),
          &document);
      predicted = Predicted(document, understanding.gazetteer(),
                            &result.stamp_items_skipped);
    } else {
      result.rejected.push_back(gold.text_path);
    }
    if (gold.group != "seeds" && document.language().code() != gold.group) {
      ++group->language_mismatches;
    }
    if (!options.show.empty() &&
        absl::StrContains(gold.text_path, options.show)) {
      result.shown.emplace_back(gold.text_path, document);
    }
    const SpanMap map(gold.text, document);
    result.unaligned_parts += map.unaligned_parts();
    ScoreDocument(GoldAnnotations(gold, map, &result), predicted,
                  gold.text_path, &group->tally);
  }
  // Seeds only when the folder was there.
  if (result.groups.back().documents == 0) result.groups.pop_back();
  GroupResult all{"all", 0, 0, {}};
  for (const GroupResult& g : result.groups) {
    all.documents += g.documents;
    all.language_mismatches += g.language_mismatches;
    for (int f = 0; f < kFieldCount; ++f)
      all.tally.fields[f] += g.tally.fields[f];
  }
  result.groups.push_back(std::move(all));
  return result;
}

}  // namespace accord::eval_extract
