#include "ingest-service/extract/understanding.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/container/btree_set.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "common/alias/name_tokens.h"
#include "common/util/hash.h"
#include "ingest-service/extract/phrases/term_phrases.h"

namespace accord::extract {
namespace {

std::string FormatDay(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

// Adds the time since its last call (or its creation) to a stage of
// `times`; no clock is read without `times`.
class StageClock {
 public:
  explicit StageClock(UnderstandStageTimes* times)
      : times_(times),
        last_(times != nullptr ? absl::Now() : absl::InfinitePast()) {}
  void operator()(absl::Duration UnderstandStageTimes::*stage) {
    if (times_ == nullptr) return;
    const absl::Time now = absl::Now();
    times_->*stage += now - last_;
    last_ = now;
  }

 private:
  UnderstandStageTimes* const times_;
  absl::Time last_;
};

bool InOffice(const Office& office, absl::CivilDay day) {
  return office.start <= day && (!office.end || day <= *office.end);
}

}  // namespace

absl::StatusOr<std::unique_ptr<Understanding>> Understanding::Create(
    const UnderstandingOptions& options) {
  std::unique_ptr<normalize::WordLists> own_dictionaries;
  const normalize::WordLists* dictionaries = options.dictionaries;
  if (dictionaries == nullptr) {
    own_dictionaries = std::make_unique<normalize::WordLists>(
        options.dictionary_dir, /*max_cached_words=*/65536);
    dictionaries = own_dictionaries.get();
  }
  absl::StatusOr<std::unique_ptr<Gazetteer>> gazetteer =
      Gazetteer::Load(options.gazetteer);
  if (!gazetteer.ok()) return gazetteer.status();
  UnderstandingOptions with_dictionaries = options;
  if (with_dictionaries.entities.dictionaries == nullptr) {
    with_dictionaries.entities.dictionaries = dictionaries;
  }
  std::unique_ptr<analysis::Analyzer> own_analyzer;
  const analysis::Analyzer* analyzer = options.analyzer;
  if (analyzer == nullptr) {
    absl::StatusOr<std::unique_ptr<analysis::Analyzer>> created =
        analysis::Analyzer::Create();
    if (!created.ok()) return created.status();
    own_analyzer = *std::move(created);
    analyzer = own_analyzer.get();
  }
  absl::StatusOr<std::unique_ptr<topics::TopicScorer>> topic_scorer =
      topics::TopicScorer::Create(analyzer, options.topics);
  if (!topic_scorer.ok()) return topic_scorer.status();
  absl::StatusOr<std::unique_ptr<events::EventExtractor>> event_extractor =
      events::EventExtractor::Create(analyzer, options.events);
  if (!event_extractor.ok()) return event_extractor.status();
  return std::unique_ptr<Understanding>(
      new Understanding(*std::move(gazetteer), std::move(own_dictionaries),
                        std::move(own_analyzer), *std::move(topic_scorer),
                        *std::move(event_extractor), with_dictionaries));
}

Understanding::Understanding(
    std::unique_ptr<Gazetteer> gazetteer,
    std::unique_ptr<normalize::WordLists> own_dictionaries,
    std::unique_ptr<analysis::Analyzer> own_analyzer,
    std::unique_ptr<topics::TopicScorer> topics,
    std::unique_ptr<events::EventExtractor> events,
    const UnderstandingOptions& options)
    : gazetteer_(std::move(gazetteer)),
      own_dictionaries_(std::move(own_dictionaries)),
      own_analyzer_(std::move(own_analyzer)),
      analyzer_(options.analyzer != nullptr ? options.analyzer
                                            : own_analyzer_.get()),
      topics_(std::move(topics)),
      events_(std::move(events)),
      known_(BuildKnown(*gazetteer_)),
      entities_(gazetteer_.get(), options.entities),
      dates_(options.dates) {}

void Understanding::UnderstandTerms(const index::DocumentTerms& terms,
                                    accord::v1::Document* document,
                                    UnderstandStageTimes* times) const {
  StageClock lap(times);
  document->clear_topics();
  for (accord::v1::TopicScore& topic : topics_->Score(terms, *document)) {
    *document->add_topics() = std::move(topic);
  }
  lap(&UnderstandStageTimes::topics);
  // Events read the topics.
  // Into the document's field directly (no copy onto its arena).
  events_->Extract(terms, *document, document->mutable_events());
  AddParticipantCountries(document);
  lap(&UnderstandStageTimes::events);
}

std::string Understanding::CountryOf(std::string_view entity_id) const {
  if (entity_id.starts_with("country/")) return std::string(entity_id);
  // A department of a ministry of a state: up the bodies, a few levels.
  std::string_view id = entity_id;
  for (int level = 0; level < 4 && !id.empty(); ++level) {
    const GazetteerEntry* entry = gazetteer_->FindEntry(id);
    if (entry == nullptr) break;
    if (!entry->country.empty())
      return absl::StrCat("country/", entry->country);
    id = entry->parent;
  }
  return "";
}

void Understanding::AddParticipantCountries(
    accord::v1::Document* document) const {
  if (document->events_size() == 0) return;
  // Per entity of the document: the countries it acts for or belongs to.
  absl::flat_hash_map<std::string, absl::btree_set<std::string>> countries;
  for (const accord::v1::EntityMention& m : document->entity_mentions()) {
    if (m.kind() == accord::v1::ENTITY_KIND_COUNTRY) continue;
    absl::btree_set<std::string>& of = countries[m.entity_id()];
    if (m.kind() != accord::v1::ENTITY_KIND_PERSON) {
      if (std::string country = CountryOf(m.entity_id()); !country.empty()) {
        of.insert(std::move(country));
      }
    }
    for (const accord::v1::RoleMention& role : m.roles()) {
      if (role.of_entity_id().empty()) continue;
      if (std::string country = CountryOf(role.of_entity_id());
          !country.empty()) {
        of.insert(std::move(country));
      }
    }
  }
  for (accord::v1::EventMention& event : *document->mutable_events()) {
    for (accord::v1::EventEntity& participant : *event.mutable_participants()) {
      participant.clear_country_ids();
      auto it = countries.find(participant.entity_id());
      if (it == countries.end()) continue;
      for (const std::string& country : it->second) {
        participant.add_country_ids(country);
      }
    }
  }
}

std::vector<store::PendingEntity> Understanding::Understand(
    accord::v1::Document* document, UnderstandStageTimes* times) const {
  StageClock lap(times);
  const std::string body = BodyText(*document);
  const std::string& language = document->language().code();
  std::vector<TextToExtract> texts = {
      {document->title(), accord::v1::TEXT_PART_TITLE},
      {document->dateline().text(), accord::v1::TEXT_PART_DATELINE},
      {body, accord::v1::TEXT_PART_BODY}};
  // Into the document's fields directly: on a document that lives on an
  // arena (store::PendingDocument), a mention moved in from a vector would
  // be copied.
  entities_.Extract(texts, language, document->mutable_entity_mentions());
  lap(&UnderstandStageTimes::entities);
  AddDatelinePlace(document);
  AttachOfficesFromList(document);
  lap(&UnderstandStageTimes::linking);

  const dates::Anchor anchor =
      document->has_publication()
          ? dates::Anchor::FromPublication(document->publication())
          : dates::Anchor();
  document->clear_temporal_expressions();
  for (const TextToExtract& text : texts) {
    if (text.part == accord::v1::TEXT_PART_DATELINE) continue;
    dates_.Extract(text.text, text.part, language, anchor,
                   document->mutable_temporal_expressions());
  }
  lap(&UnderstandStageTimes::dates);
  ResolveYearsByTenure(document);
  lap(&UnderstandStageTimes::linking);
  std::vector<store::PendingEntity> records = PendingEntities(*document);
  lap(&UnderstandStageTimes::records);
  if (times != nullptr) ++times->documents;
  return records;
}

void Understanding::AddDatelinePlace(accord::v1::Document* document) const {
  const accord::v1::Dateline& dateline = document->dateline();
  if (dateline.place().empty()) return;
  for (const accord::v1::EntityMention& m : document->entity_mentions()) {
    if (m.span().part() == accord::v1::TEXT_PART_DATELINE) return;
  }
  const size_t at = dateline.text().find(dateline.place());
  if (at == std::string::npos) return;
  const std::string key = alias::AliasKey(dateline.place());
  if (key.empty()) return;
  // A place no gazetteer knows: its id comes from its folded name.
  accord::v1::EntityMention mention;
  mention.mutable_span()->set_part(accord::v1::TEXT_PART_DATELINE);
  mention.mutable_span()->set_begin(static_cast<uint32_t>(at));
  mention.mutable_span()->set_end(
      static_cast<uint32_t>(at + dateline.place().size()));
  mention.set_surface(dateline.place());
  mention.set_kind(accord::v1::ENTITY_KIND_PLACE);
  mention.set_entity_id(absl::StrCat(
      "place/h",
      Sha256Hex(absl::string_view(key.data(), key.size())).substr(0, 16)));
  mention.set_canonical_name(dateline.place());
  accord::v1::Derivation* d = mention.mutable_derivation();
  d->set_mechanism(accord::v1::MECHANISM_DATELINE);
  d->set_rule("dateline-place");
  d->set_source("text");
  d->set_detail("the dateline's place, in no gazetteer");
  // Datelines come before the body: keep text order (title, dateline, body).
  // Pointers sorted, not messages (which would be copied on an arena).
  auto* mentions = document->mutable_entity_mentions();
  *mentions->Add() = std::move(mention);
  std::stable_sort(mentions->pointer_begin(), mentions->pointer_end(),
                   [](const accord::v1::EntityMention* a,
                      const accord::v1::EntityMention* b) {
                     if (a->span().part() != b->span().part()) {
                       return a->span().part() < b->span().part();
                     }
                     return a->span().begin() < b->span().begin();
                   });
}

void Understanding::AttachOfficesFromList(
    accord::v1::Document* document) const {
  for (accord::v1::EntityMention& m : *document->mutable_entity_mentions()) {
    if (m.roles().empty()) continue;
    const GazetteerEntry* person = gazetteer_->FindEntry(m.entity_id());
    if (person == nullptr || person->offices.empty()) continue;
    for (accord::v1::RoleMention& role : *m.mutable_roles()) {
      if (!role.of_entity_id().empty()) continue;
      std::string of_id;
      bool unique = true;
      for (const Office& office : person->offices) {
        if (office.role_id != role.role_id()) continue;
        if (!of_id.empty() && of_id != office.of_id) unique = false;
        of_id = office.of_id;
      }
      if (of_id.empty() || !unique) continue;
      const GazetteerEntry* of = gazetteer_->FindEntry(of_id);
      role.set_of_entity_id(of_id);
      role.set_of_entity_name(of != nullptr ? of->canonical_name : of_id);
      role.mutable_derivation()->set_detail(absl::StrCat(
          "the text does not say what the role is of; the office holders list "
          "(team:people.txt) has ",
          person->canonical_name, " as ", role.role_name(), " of ",
          role.of_entity_name(), " only"));
    }
  }
}

void Understanding::ResolveYearsByTenure(accord::v1::Document* document) const {
  // Each office holder the document names in an office, with the tenures
  // of that office.
  struct Evidence {
    std::string text;
    std::vector<const Office*> tenures;
  };
  std::vector<Evidence> evidence;
  absl::flat_hash_set<std::string> seen;
  for (const accord::v1::EntityMention& m : document->entity_mentions()) {
    const GazetteerEntry* person = gazetteer_->FindEntry(m.entity_id());
    if (person == nullptr || person->offices.empty()) continue;
    for (const accord::v1::RoleMention& role : m.roles()) {
      if (!seen.insert(absl::StrCat(person->id, "|", role.role_id(), "|",
                                    role.of_entity_id()))
               .second) {
        continue;
      }
      Evidence e;
      std::vector<std::string> spans;
      for (const Office& office : person->offices) {
        if (office.role_id != role.role_id()) continue;
        if (!role.of_entity_id().empty() && office.of_id != role.of_entity_id())
          continue;
        e.tenures.push_back(&office);
        spans.push_back(absl::StrCat(FormatDay(office.start), "..",
                                     office.end ? FormatDay(*office.end) : ""));
      }
      if (e.tenures.empty()) continue;
      e.text = absl::StrCat(person->canonical_name, " was ", role.role_name(),
                            role.of_entity_name().empty() ? "" : " of ",
                            role.of_entity_name(), " ",
                            absl::StrJoin(spans, ", "), " (team:people.txt)");
      evidence.push_back(std::move(e));
    }
  }
  if (evidence.empty()) return;
  for (accord::v1::TemporalExpression& t :
       *document->mutable_temporal_expressions()) {
    if (t.resolution() != accord::v1::TEMPORAL_RESOLUTION_YEAR_UNKNOWN ||
        t.candidate_years().empty() || t.value().month() == 0 ||
        t.value().day() == 0) {
      continue;
    }
    std::vector<int> survivors;
    std::vector<std::string> used;
    for (int year : t.candidate_years()) {
      const absl::CivilDay day(year, t.value().month(), t.value().day());
      bool all = true;
      for (const Evidence& e : evidence) {
        bool any = false;
        for (const Office* office : e.tenures) any |= InOffice(*office, day);
        all &= any;
      }
      if (all) survivors.push_back(year);
    }
    for (const Evidence& e : evidence) used.push_back(e.text);
    if (survivors.size() != 1) {
      t.set_year_evidence(absl::StrCat(
          "tenures leave ", survivors.size(), " of the candidate years (",
          absl::StrJoin(survivors, ", "), "): ", absl::StrJoin(used, "; ")));
      continue;
    }
    const int year = survivors[0];
    accord::v1::TemporalValue* value = t.mutable_value();
    value->set_year(year);
    std::string iso = value->iso8601();
    if (iso.starts_with("XXXX"))
      iso.replace(0, 4, absl::StrFormat("%04d", year));
    value->set_iso8601(iso);
    t.set_resolution(accord::v1::TEMPORAL_RESOLUTION_EVIDENCE);
    t.set_year_evidence(absl::StrCat("the only candidate year within: ",
                                     absl::StrJoin(used, "; ")));
  }
}

absl::flat_hash_map<const GazetteerEntry*, Understanding::Known>
Understanding::BuildKnown(const Gazetteer& gazetteer) {
  absl::flat_hash_map<const GazetteerEntry*, Known> known;
  for (const GazetteerEntry& entry : gazetteer.entries()) {
    auto record = std::make_shared<store::KnownEntity>();
    accord::v1::Entity& data = record->data;
    absl::flat_hash_set<std::pair<std::string, std::string>> names;
    for (const GazetteerName& name : entry.names) {
      if ((name.use == NameUse::kName || name.use == NameUse::kShort) &&
          names.emplace(name.language, name.text).second) {
        accord::v1::EntityName* out = data.add_names();
        out->set_language(name.language);
        out->set_name(name.text);
        out->set_source(name.source);
      }
    }
    for (const Office& office : entry.offices) {
      accord::v1::EntityRole* role = data.add_roles();
      role->set_role_id(office.role_id);
      if (const GazetteerEntry* r = gazetteer.FindEntry(office.role_id)) {
        role->set_role_name(r->canonical_name);
      }
      role->set_of_entity_id(office.of_id);
      if (const GazetteerEntry* of = gazetteer.FindEntry(office.of_id)) {
        role->set_of_entity_name(of->canonical_name);
      }
      role->set_start(FormatDay(office.start));
      if (office.end) role->set_end(FormatDay(*office.end));
      role->set_source("team:people.txt");
    }
    record->alias_keys = entry.alias_keys;
    std::string content = data.SerializeAsString();
    for (const std::string& key : record->alias_keys) {
      absl::StrAppend(&content, "\n", key);
    }
    record->digest = absl::HashOf(content);
    Known& k = known[&entry];
    k.keys.insert(record->alias_keys.begin(), record->alias_keys.end());
    k.record = std::move(record);
  }
  return known;
}

void Understanding::AddSurface(const std::string& surface,
                               const std::string& language, const Known* known,
                               absl::flat_hash_set<std::string>* keys_seen,
                               store::PendingEntity* out) {
  std::string key = alias::AliasKey(surface);
  if (key.empty()) return;
  auto add_key = [&](std::string k) {
    if (k.empty() || (known != nullptr && known->keys.contains(k))) return;
    if (keys_seen->insert(k).second) out->alias_keys.push_back(std::move(k));
  };
  // A gazetteer name's keys are known: only another form (a short
  // reference, an inflection the data lacks) needs its Latin key.
  const bool known_form = known != nullptr && known->keys.contains(key);
  add_key(std::move(key));
  if (!known_form) add_key(alias::LatinAliasKey(surface));
  accord::v1::EntityName* name = out->entity.add_names();
  name->set_language(language);
  name->set_name(surface);
  name->set_source("text");
}

std::vector<store::PendingEntity> Understanding::PendingEntities(
    const accord::v1::Document& document) const {
  const std::string language =
      document.language().code().empty() ? "und" : document.language().code();
  std::vector<store::PendingEntity> out;
  absl::flat_hash_map<std::string, size_t> index;
  // Per entity: the names (language|text), roles and alias keys added.
  std::vector<absl::flat_hash_set<std::string>> names_seen, roles_seen,
      keys_seen;
  std::vector<const Known*> known_of;
  for (const accord::v1::EntityMention& m : document.entity_mentions()) {
    auto [it, inserted] = index.try_emplace(m.entity_id(), out.size());
    const size_t i = it->second;
    if (inserted) {
      out.emplace_back();
      names_seen.emplace_back();
      roles_seen.emplace_back();
      keys_seen.emplace_back();
      known_of.push_back(nullptr);
      accord::v1::Entity& entity = out[i].entity;
      entity.set_id(m.entity_id());
      entity.set_kind(m.kind());
      entity.set_canonical_name(m.canonical_name());
      if (const GazetteerEntry* entry = gazetteer_->FindEntry(m.entity_id())) {
        if (auto k = known_.find(entry); k != known_.end()) {
          out[i].known = k->second.record;
          known_of[i] = &k->second;
        }
      }
    }
    out[i].entity.set_mention_count(out[i].entity.mention_count() + 1);
    if (m.derivation().mechanism() != accord::v1::MECHANISM_ADJECTIVE &&
        names_seen[i].insert(absl::StrCat(language, "|", m.surface())).second) {
      AddSurface(m.surface(), language, known_of[i], &keys_seen[i], &out[i]);
    }
    for (const accord::v1::RoleMention& r : m.roles()) {
      if (!roles_seen[i]
               .insert(absl::StrCat(r.role_id(), "|", r.of_entity_id()))
               .second) {
        continue;
      }
      accord::v1::EntityRole* role = out[i].entity.add_roles();
      role->set_role_id(r.role_id());
      role->set_role_name(r.role_name());
      role->set_of_entity_id(r.of_entity_id());
      role->set_of_entity_name(r.of_entity_name());
      role->set_source("text");
    }
  }
  return out;
}

}  // namespace accord::extract
