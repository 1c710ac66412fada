#include "query-service/relations_reader.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/btree_set.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/index/varint.h"
#include "common/rpc/status.h"
#include "common/store/event_view.h"
#include "common/store/schema.h"
#include "common/util/hash.h"
#include "common/util/untrusted_text.h"
#include "query-service/search/page_token.h"

namespace accord::query {
namespace {

// Documents read per MultiGet.
constexpr size_t kDocumentsPerRead = 100;

absl::Status Invalid(absl::string_view reason, absl::string_view message,
                     std::map<std::string, std::string> metadata = {}) {
  return rpc::WithErrorInfo(absl::InvalidArgumentError(message), reason,
                            std::move(metadata));
}

absl::Status CheckRequest(const accord::v1::GetRelationsRequest& request) {
  if (!store::IsValidEntityId(request.entity_id())) {
    const std::string shown = EscapeUntrusted(request.entity_id());
    return Invalid("INVALID_ENTITY_ID",
                   absl::StrCat("entity id \"", shown,
                                "\" is not <kind>/<key>, e.g. \"country/VN\""),
                   {{"entity_id", shown}});
  }
  for (int kind : request.kinds()) {
    if (store::EntityIdKind(static_cast<accord::v1::EntityKind>(kind))
            .empty()) {
      return Invalid("INVALID_FILTER",
                     absl::StrCat("kinds: ", kind, " is not an entity kind"),
                     {{"field", "kinds"}});
    }
  }
  if (request.page_size() < 0) {
    return Invalid("INVALID_PAGE_SIZE", "page_size must not be negative",
                   {{"field", "page_size"}});
  }
  if (request.max_evidence() < 0 ||
      request.max_evidence() > kMaxRelationEvidence) {
    return Invalid("INVALID_MAX_EVIDENCE",
                   absl::StrCat("max_evidence is ", request.max_evidence(),
                                "; give 1 to ", kMaxRelationEvidence,
                                ", or 0 for ", kDefaultRelationEvidence),
                   {{"max_evidence", absl::StrCat(request.max_evidence())},
                    {"max_allowed", absl::StrCat(kMaxRelationEvidence)}});
  }
  return absl::OkStatus();
}

std::string Fingerprint(const accord::v1::GetRelationsRequest& request) {
  std::string canonical = "GetRelations";
  index::PutString(request.entity_id(), &canonical);
  index::PutVarint32(static_cast<uint32_t>(request.kinds_size()), &canonical);
  for (int kind : request.kinds()) {
    index::PutVarint32(static_cast<uint32_t>(kind), &canonical);
  }
  return Sha256Hex(canonical).substr(0, 16);
}

// What the entity shares with one other, as the reads go.
struct Shared {
  std::string name;
  accord::v1::EntityKind kind = accord::v1::ENTITY_KIND_UNSPECIFIED;
  std::vector<std::string> event_ids;     // sorted, as read
  std::vector<std::string> document_ids;  // most recent first
  absl::flat_hash_map<std::string, uint32_t> topics;
  std::string first_date;
  std::string last_date;
};

}  // namespace

absl::StatusOr<accord::v1::GetRelationsResponse> RelationsReader::GetRelations(
    const accord::v1::GetRelationsRequest& request,
    const CallDeadline& deadline) const {
  if (absl::Status valid = CheckRequest(request); !valid.ok()) return valid;
  absl::StatusOr<std::shared_ptr<const store::Store>> store =
      follower_->AvailableStore();
  if (!store.ok()) {
    return rpc::WithErrorInfo(store.status(), "STORE_UNAVAILABLE");
  }
  const std::string& self = request.entity_id();
  if (absl::Status known = (*store)->GetEntityRecord(self).status();
      !known.ok()) {
    if (absl::IsNotFound(known)) {
      return rpc::WithErrorInfo(
          absl::NotFoundError(absl::StrCat("entity ", self, " not found")),
          "ENTITY_NOT_FOUND", {{"entity_id", self}});
    }
    return known;
  }
  absl::StatusOr<uint64_t> count = (*store)->DocumentCount();
  if (!count.ok()) return count.status();
  absl::StatusOr<PageToken> resolved =
      ResolvePage(request.page_token(), *count, Fingerprint(request));
  if (!resolved.ok()) return resolved.status();
  const PageToken& page = *resolved;

  accord::v1::GetRelationsResponse response;
  std::map<std::string, Shared> shared;  // by entity id: a stable order

  // Cooperation: the events it takes part in.
  {
    std::string lower =
        absl::StrCat("p", std::string(1, '\0'), self, std::string(1, '\0'));
    std::string upper = lower;
    upper.back() = '\1';
    absl::flat_hash_set<std::string> found;
    absl::Status collected = (*store)->NewEventView()->CollectEventIds(
        lower, upper, page.snapshot, options_.max_events, deadline, &found);
    if (absl::IsResourceExhausted(collected)) {
      response.set_truncated(true);
    } else if (!collected.ok()) {
      return collected;
    }
    std::vector<std::string> event_ids(found.begin(), found.end());
    std::sort(event_ids.begin(), event_ids.end());
    if (event_ids.size() > options_.max_events) {
      event_ids.resize(options_.max_events);
    }
    for (const std::string& event_id : event_ids) {
      absl::StatusOr<accord::v1::Event> event =
          (*store)->GetEvent(event_id, 0, deadline, page.snapshot);
      if (absl::IsNotFound(event.status())) continue;
      if (!event.ok()) return event.status();
      response.set_events_read(response.events_read() + 1);
      const accord::v1::TemporalValue& date = event->date().value();
      const bool dated = !date.iso8601().empty() && date.year() != 0;
      // Each other participant, and each country one acts for, once.
      absl::btree_set<std::string> others;
      absl::flat_hash_map<std::string, const accord::v1::EventParticipant*>
          named;
      for (const accord::v1::EventParticipant& p : event->participants()) {
        others.insert(p.entity_id());
        named[p.entity_id()] = &p;
        for (const std::string& country : p.country_ids()) {
          others.insert(country);
        }
      }
      others.erase(self);
      for (const std::string& other : others) {
        Shared& s = shared[other];
        if (auto it = named.find(other); it != named.end()) {
          s.name = it->second->name();
          s.kind = it->second->kind();
        }
        s.event_ids.push_back(event_id);
        for (const std::string& topic : event->topic_ids()) ++s.topics[topic];
        if (dated) {
          if (s.first_date.empty() || date.iso8601() < s.first_date) {
            s.first_date = date.iso8601();
          }
          if (s.last_date.empty() || date.iso8601() > s.last_date) {
            s.last_date = date.iso8601();
          }
        }
      }
    }
  }

  // Co-occurrence: its most recent documents.
  {
    absl::StatusOr<std::vector<uint64_t>> sequences =
        (*store)->RecentEntityDocuments(self, page.snapshot,
                                        options_.max_documents + 1);
    if (!sequences.ok()) return sequences.status();
    if (sequences->size() > options_.max_documents) {
      sequences->resize(options_.max_documents);
      response.set_truncated(true);
    }
    for (size_t from = 0; from < sequences->size(); from += kDocumentsPerRead) {
      if (absl::Status go_on = deadline.Check("reading an entity's documents");
          !go_on.ok()) {
        return go_on;
      }
      const std::vector<uint64_t> chunk(
          sequences->begin() + from,
          sequences->begin() +
              std::min(sequences->size(), from + kDocumentsPerRead));
      std::vector<std::string> ids;
      for (absl::StatusOr<std::string>& id : (*store)->GetDocumentIds(chunk)) {
        if (!id.ok()) return id.status();
        ids.push_back(*std::move(id));
      }
      for (absl::StatusOr<accord::v1::Document>& document :
           (*store)->GetDocuments(ids)) {
        if (!document.ok()) return document.status();
        response.set_documents_read(response.documents_read() + 1);
        absl::flat_hash_set<std::string> seen;
        for (const accord::v1::EntityMention& m : document->entity_mentions()) {
          if (m.entity_id() == self || !seen.insert(m.entity_id()).second) {
            continue;
          }
          Shared& s = shared[m.entity_id()];
          if (s.name.empty()) {
            s.name = m.canonical_name();
            s.kind = m.kind();
          }
          s.document_ids.push_back(document->id());
        }
      }
    }
  }

  // Filter, order, page.
  absl::flat_hash_set<int> kinds(request.kinds().begin(),
                                 request.kinds().end());
  std::vector<std::pair<const std::string*, const Shared*>> listed;
  for (const auto& [id, s] : shared) {
    if (!kinds.empty() && !kinds.contains(store::EntityKindOfId(id))) continue;
    listed.emplace_back(&id, &s);
  }
  std::stable_sort(
      listed.begin(), listed.end(), [](const auto& a, const auto& b) {
        if (a.second->event_ids.size() != b.second->event_ids.size()) {
          return a.second->event_ids.size() > b.second->event_ids.size();
        }
        return a.second->document_ids.size() > b.second->document_ids.size();
      });
  const int page_size =
      request.page_size() == 0
          ? kDefaultRelationsPageSize
          : std::min(request.page_size(), kMaxRelationsPageSize);
  const size_t evidence = request.max_evidence() == 0
                              ? kDefaultRelationEvidence
                              : static_cast<size_t>(request.max_evidence());
  const uint64_t end =
      std::min<uint64_t>(listed.size(), page.offset + page_size);
  response.set_total_size(static_cast<int64_t>(listed.size()));
  for (uint64_t i = page.offset; i < end; ++i) {
    const std::string& id = *listed[i].first;
    const Shared& s = *listed[i].second;
    accord::v1::Relation* relation = response.add_relations();
    relation->set_entity_id(id);
    relation->set_kind(s.kind != accord::v1::ENTITY_KIND_UNSPECIFIED
                           ? s.kind
                           : store::EntityKindOfId(id));
    relation->set_name(s.name);
    if (s.name.empty()) {
      // A country only acted for: its name from its record.
      if (absl::StatusOr<accord::v1::Entity> record =
              (*store)->GetEntityRecord(id);
          record.ok()) {
        relation->set_name(record->canonical_name());
      }
    }
    relation->set_event_count(static_cast<uint32_t>(s.event_ids.size()));
    relation->set_document_count(static_cast<uint32_t>(s.document_ids.size()));
    std::vector<std::pair<std::string, uint32_t>> topics(s.topics.begin(),
                                                         s.topics.end());
    std::sort(topics.begin(), topics.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (const auto& [topic, events] : topics) {
      accord::v1::RelationTopic* t = relation->add_topics();
      t->set_topic_id(topic);
      t->set_event_count(events);
    }
    relation->set_first_date(s.first_date);
    relation->set_last_date(s.last_date);
    for (size_t e = 0; e < s.event_ids.size() && e < evidence; ++e) {
      relation->add_event_ids(s.event_ids[e]);
    }
    for (size_t d = 0; d < s.document_ids.size() && d < evidence; ++d) {
      relation->add_document_ids(s.document_ids[d]);
    }
  }
  if (end < listed.size()) {
    response.set_next_page_token(
        EncodePageToken({page.snapshot, end, page.fingerprint}));
  }
  return response;
}

}  // namespace accord::query
