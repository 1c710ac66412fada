#include "ingest-service/extract/understanding.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "common/alias/name_tokens.h"
#include "common/util/hash.h"

namespace accord::extract {
namespace {

std::string FormatDay(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

std::string BodyOf(const accord::v1::Document& document) {
  std::string body;
  for (const accord::v1::Paragraph& paragraph : document.paragraphs()) {
    if (!body.empty()) body += "\n\n";
    body += paragraph.text();
  }
  return body;
}

bool InOffice(const Office& office, absl::CivilDay day) {
  return office.start <= day && (!office.end || day <= *office.end);
}

}  // namespace

absl::StatusOr<std::unique_ptr<Understanding>> Understanding::Create(
    const UnderstandingOptions& options) {
  absl::StatusOr<std::unique_ptr<Gazetteer>> gazetteer =
      Gazetteer::Load(options.gazetteer);
  if (!gazetteer.ok()) return gazetteer.status();
  return std::unique_ptr<Understanding>(
      new Understanding(*std::move(gazetteer), options));
}

Understanding::Understanding(std::unique_ptr<Gazetteer> gazetteer,
                             const UnderstandingOptions& options)
    : gazetteer_(std::move(gazetteer)),
      entities_(gazetteer_.get(), options.entities),
      dates_(options.dates) {}

std::vector<store::PendingEntity> Understanding::Understand(
    accord::v1::Document* document) const {
  const std::string body = BodyOf(*document);
  const std::string& language = document->language().code();
  std::vector<TextToExtract> texts = {
      {document->title(), accord::v1::TEXT_PART_TITLE},
      {document->dateline().text(), accord::v1::TEXT_PART_DATELINE},
      {body, accord::v1::TEXT_PART_BODY}};
  std::vector<accord::v1::EntityMention> mentions =
      entities_.Extract(texts, language);
  document->clear_entity_mentions();
  for (accord::v1::EntityMention& m : mentions) {
    *document->add_entity_mentions() = std::move(m);
  }
  AddDatelinePlace(document);
  AttachOfficesFromList(document);

  const dates::Anchor anchor =
      document->has_publication()
          ? dates::Anchor::FromPublication(document->publication())
          : dates::Anchor();
  document->clear_temporal_expressions();
  for (const TextToExtract& text : texts) {
    if (text.part == accord::v1::TEXT_PART_DATELINE) continue;
    for (accord::v1::TemporalExpression& t :
         dates_.Extract(text.text, text.part, language, anchor)) {
      *document->add_temporal_expressions() = std::move(t);
    }
  }
  ResolveYearsByTenure(document);
  return PendingEntities(*document);
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
  auto* mentions = document->mutable_entity_mentions();
  *mentions->Add() = std::move(mention);
  std::stable_sort(mentions->begin(), mentions->end(),
                   [](const accord::v1::EntityMention& a,
                      const accord::v1::EntityMention& b) {
                     if (a.span().part() != b.span().part()) {
                       return a.span().part() < b.span().part();
                     }
                     return a.span().begin() < b.span().begin();
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

std::vector<store::PendingEntity> Understanding::PendingEntities(
    const accord::v1::Document& document) const {
  const std::string language =
      document.language().code().empty() ? "und" : document.language().code();
  std::vector<store::PendingEntity> out;
  absl::flat_hash_map<std::string, size_t> index;
  std::vector<absl::flat_hash_set<std::string>> names_seen, roles_seen,
      keys_seen;
  auto add_key = [&](size_t i, const std::string& key) {
    if (!key.empty() && keys_seen[i].insert(key).second) {
      out[i].alias_keys.push_back(key);
    }
  };
  // A name of this document; `with_keys` false for a gazetteer name, whose
  // keys the gazetteer computed once.
  auto add_name = [&](size_t i, const std::string& lang,
                      const std::string& text, const std::string& source,
                      bool with_keys) {
    if (names_seen[i].insert(absl::StrCat(lang, "|", text)).second) {
      if (with_keys) {
        const std::string key = alias::AliasKey(text);
        if (key.empty()) return;
        add_key(i, key);
        add_key(i, alias::LatinAliasKey(text));
      }
      accord::v1::EntityName* name = out[i].entity.add_names();
      name->set_language(lang);
      name->set_name(text);
      name->set_source(source);
    }
  };
  for (const accord::v1::EntityMention& m : document.entity_mentions()) {
    auto [it, inserted] = index.try_emplace(m.entity_id(), out.size());
    const size_t i = it->second;
    if (inserted) {
      out.emplace_back();
      names_seen.emplace_back();
      roles_seen.emplace_back();
      keys_seen.emplace_back();
      accord::v1::Entity& entity = out[i].entity;
      entity.set_id(m.entity_id());
      entity.set_kind(m.kind());
      entity.set_canonical_name(m.canonical_name());
      if (const GazetteerEntry* entry = gazetteer_->FindEntry(m.entity_id())) {
        // The gazetteer's names in this document's language, English and
        // "und": every document would otherwise copy some 40 names of each
        // country it mentions for the store to drop (first one wins) — 40% of
        // Understand. Names of other languages reach the record with the
        // first document in that language; lookups use alias_keys, which
        // cover every name.
        for (const GazetteerName& name : entry->names) {
          if ((name.use == NameUse::kName || name.use == NameUse::kShort) &&
              (name.language == language || name.language == "en" ||
               name.language == "und")) {
            add_name(i, name.language, name.text, name.source, false);
          }
        }
        for (const std::string& key : entry->alias_keys) add_key(i, key);
        for (const Office& office : entry->offices) {
          accord::v1::EntityRole* role = entity.add_roles();
          role->set_role_id(office.role_id);
          if (const GazetteerEntry* r = gazetteer_->FindEntry(office.role_id)) {
            role->set_role_name(r->canonical_name);
          }
          role->set_of_entity_id(office.of_id);
          if (const GazetteerEntry* of = gazetteer_->FindEntry(office.of_id)) {
            role->set_of_entity_name(of->canonical_name);
          }
          role->set_start(FormatDay(office.start));
          if (office.end) role->set_end(FormatDay(*office.end));
          role->set_source("team:people.txt");
        }
      }
    }
    out[i].entity.set_mention_count(out[i].entity.mention_count() + 1);
    if (m.derivation().mechanism() != accord::v1::MECHANISM_ADJECTIVE) {
      add_name(i, language, m.surface(), "text", true);
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
