#include "tools/accordctl/report_printer.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace accord::ctl {
namespace {

// "DOCUMENT_OUTCOME_CREATED" -> "CREATED".
std::string ShortEnum(const std::string& name, absl::string_view prefix) {
  return std::string(absl::StripPrefix(name, prefix));
}

}  // namespace

std::string FormatBundle(const accord::v1::Bundle& bundle,
                         BundleDetail detail) {
  std::string out;
  for (const accord::v1::DocumentResult& result : bundle.results()) {
    if (detail == BundleDetail::kRejectionsOnly &&
        result.outcome() != accord::v1::DOCUMENT_OUTCOME_REJECTED) {
      continue;
    }
    std::string outcome =
        ShortEnum(accord::v1::DocumentOutcome_Name(result.outcome()),
                  "DOCUMENT_OUTCOME_");
    std::string ref = result.client_ref().empty()
                          ? absl::StrCat("#", result.index())
                          : result.client_ref();
    if (result.outcome() == accord::v1::DOCUMENT_OUTCOME_REJECTED) {
      absl::StrAppendFormat(
          &out, "%-9s %-32s  %s: %s\n", outcome,
          ShortEnum(accord::v1::RejectReason_Name(result.reject_reason()),
                    "REJECT_REASON_"),
          ref, result.message());
    } else {
      absl::StrAppendFormat(&out, "%-9s %-32s  %s\n", outcome,
                            result.document_id(), ref);
    }
  }
  absl::StrAppendFormat(
      &out, "bundle %s: %d created, %d unchanged, %d rejected\n", bundle.id(),
      bundle.counts().created(), bundle.counts().unchanged(),
      bundle.counts().rejected());
  return out;
}

namespace {

std::string DateText(const accord::v1::TemporalExpression& date) {
  std::string text = date.value().iso8601();
  if (date.has_end() && !date.end().iso8601().empty() &&
      date.end().iso8601() != text) {
    absl::StrAppend(&text, "/", date.end().iso8601());
  }
  return text;
}

// One line for an event mention: type, trigger, date, place, participants.
std::string EventLine(const accord::v1::EventMention& event) {
  std::string line = absl::StrCat(
      ShortEnum(accord::v1::EventType_Name(event.type()), "EVENT_TYPE_"), " \"",
      event.trigger(), "\"");
  if (event.has_date()) absl::StrAppend(&line, " ", DateText(event.date()));
  if (event.has_place()) absl::StrAppend(&line, ", ", event.place().name());
  if (event.participants_size() > 0) {
    absl::StrAppend(&line, ": ");
    for (int i = 0; i < event.participants_size(); ++i) {
      absl::StrAppend(&line, i > 0 ? ", " : "", event.participants(i).name());
    }
  }
  return line;
}

std::string ReasonsText(
    const google::protobuf::RepeatedPtrField<accord::v1::LinkReason>& reasons) {
  std::string text;
  for (const accord::v1::LinkReason& reason : reasons) {
    if (!text.empty()) absl::StrAppend(&text, "; ");
    absl::StrAppend(&text, reason.kind(), " ", reason.detail());
    if (reason.weight() != 0)
      absl::StrAppendFormat(&text, " +%.1f", reason.weight());
  }
  return text;
}

}  // namespace

std::string FormatDocument(const accord::v1::Document& document) {
  std::string out;
  absl::StrAppend(&out, "id:        ", document.id(), "\n");
  absl::StrAppendFormat(&out, "language:  %s (confidence %.2f%s)\n",
                        document.language().code(),
                        document.language().confidence(),
                        document.language().reliable() ? "" : ", unreliable");
  absl::StrAppend(&out, "title:     ", document.title(), "\n");
  if (document.has_dateline()) {
    absl::StrAppend(&out, "dateline:  ", document.dateline().place(), " (",
                    document.dateline().agency(), ")\n");
  }
  if (document.has_publication()) {
    absl::StrAppend(&out, "published: ", document.publication().iso8601(),
                    "\n");
  }
  if (!document.source().url().empty()) {
    absl::StrAppend(&out, "url:       ", document.source().url(), "\n");
  }
  // "topic:     Cybercrime 4.2 (cybercrime x3, online fraud x1)"
  for (const accord::v1::TopicScore& topic : document.topics()) {
    absl::StrAppendFormat(&out, "topic:     %s %.1f (", topic.name(),
                          topic.score());
    for (int i = 0; i < topic.evidence_size(); ++i) {
      absl::StrAppendFormat(&out, "%s%s x%d", i > 0 ? ", " : "",
                            topic.evidence(i).phrase(),
                            topic.evidence(i).count());
    }
    absl::StrAppend(&out, ")\n");
  }
  // "event:     JOINT_STATEMENT "joint statement" 2017-11-10, Da Nang: ..."
  for (const accord::v1::EventMention& event : document.events()) {
    absl::StrAppend(&out, "event:     ", EventLine(event), "\n");
  }
  absl::StrAppend(&out, "\n");
  for (const accord::v1::Paragraph& paragraph : document.paragraphs()) {
    absl::StrAppend(&out, paragraph.text(), "\n\n");
  }
  if (document.removed_fragments_size() > 0) {
    absl::StrAppend(&out, "removed:\n");
    for (const accord::v1::RemovedFragment& fragment :
         document.removed_fragments()) {
      absl::StrAppendFormat(
          &out, "  [%s] %s\n",
          ShortEnum(accord::v1::FragmentKind_Name(fragment.kind()),
                    "FRAGMENT_KIND_"),
          fragment.text());
    }
  }
  return out;
}

namespace {

// RFC 3339 in UTC, or "" for an unset time.
std::string FormatTime(const google::protobuf::Timestamp& time) {
  if (time.seconds() == 0 && time.nanos() == 0) return "";
  return google::protobuf::util::TimeUtil::ToString(time);  // as `health`
}

// "President (role/president) of Vietnam (country/VN)".
std::string RoleTitle(const accord::v1::EntityRole& role) {
  std::string out =
      role.role_name().empty()
          ? role.role_id()
          : absl::StrCat(role.role_name(), " (", role.role_id(), ")");
  if (!role.of_entity_id().empty()) {
    absl::StrAppend(&out, " of ",
                    role.of_entity_name().empty()
                        ? role.of_entity_id()
                        : absl::StrCat(role.of_entity_name(), " (",
                                       role.of_entity_id(), ")"));
  }
  return out;
}

}  // namespace

std::string FormatEntity(const accord::v1::Entity& entity) {
  std::string out;
  absl::StrAppend(&out, "id:         ", entity.id(), "\n");
  absl::StrAppend(
      &out, "kind:       ",
      ShortEnum(accord::v1::EntityKind_Name(entity.kind()), "ENTITY_KIND_"),
      "\n");
  absl::StrAppend(&out, "name:       ", entity.canonical_name(), "\n");
  absl::StrAppendFormat(&out, "mentions:   %d in %d documents\n",
                        entity.mention_count(), entity.document_count());
  if (!entity.first_seen_document_id().empty()) {
    absl::StrAppend(&out, "first seen: ", FormatTime(entity.first_seen_time()),
                    "  ", entity.first_seen_document_id(), "\n");
    absl::StrAppend(&out, "last seen:  ", FormatTime(entity.last_seen_time()),
                    "  ", entity.last_seen_document_id(), "\n");
  }
  if (entity.names_size() > 0) {
    absl::StrAppend(&out, "\nnames:\n");
    for (const accord::v1::EntityName& name : entity.names()) {
      absl::StrAppendFormat(
          &out, "  %-3s %s  (%s)\n", name.language(), name.name(),
          name.document_id().empty()
              ? name.source()
              : absl::StrCat(name.source(), ", first in ", name.document_id()));
      if (!name.resolution().empty()) {
        absl::StrAppend(&out, "      merged: ", name.resolution(), "\n");
      }
    }
  }
  if (entity.roles_size() > 0) {
    absl::StrAppend(&out, "\nroles:\n");
    for (const accord::v1::EntityRole& role : entity.roles()) {
      absl::StrAppend(&out, "  ", RoleTitle(role));
      if (role.document_ids_size() > 0) {
        absl::StrAppend(&out, "  (stated in ",
                        absl::StrJoin(role.document_ids(), ", "), ")\n");
      } else {
        absl::StrAppend(&out, "  (", role.source());
        if (!role.start().empty() || !role.end().empty()) {
          absl::StrAppend(&out, ", ", role.start(), "..", role.end());
        }
        absl::StrAppend(&out, ")\n");
      }
    }
  }
  if (entity.document_ids_size() > 0) {
    absl::StrAppendFormat(&out, "\ndocuments (first %d of %d):\n",
                          entity.document_ids_size(), entity.document_count());
    for (const std::string& id : entity.document_ids()) {
      absl::StrAppend(&out, "  ", id, "\n");
    }
  }
  return out;
}

std::string FormatEntityMatches(
    const accord::v1::SearchEntitiesResponse& response) {
  std::string out;
  int rank = 0;
  for (const accord::v1::EntityMatch& match : response.matches()) {
    const accord::v1::Entity& entity = match.entity();
    std::string how =
        absl::StrCat(absl::AsciiStrToLower(ShortEnum(
                         accord::v1::NameMatchType_Name(match.match_type()),
                         "NAME_MATCH_TYPE_")),
                     " \"", match.matched_name(), "\"");
    if (match.edits() > 0) {
      absl::StrAppend(&how, ", ", match.edits(),
                      match.edits() == 1 ? " edit" : " edits");
    }
    absl::StrAppendFormat(
        &out, "%2d. %s  %s  (%s)  %s\n", ++rank, entity.id(),
        entity.canonical_name(),
        absl::AsciiStrToLower(ShortEnum(
            accord::v1::EntityKind_Name(entity.kind()), "ENTITY_KIND_")),
        how);
    absl::StrAppendFormat(&out, "    %d mentions in %d documents",
                          entity.mention_count(), entity.document_count());
    if (!entity.first_seen_document_id().empty()) {
      absl::StrAppend(&out, "; seen ", FormatTime(entity.first_seen_time()),
                      " .. ", FormatTime(entity.last_seen_time()));
    }
    absl::StrAppend(&out, "\n");
    // Each role once: the record lists it per document that states it.
    std::vector<std::string> roles;
    for (const accord::v1::EntityRole& role : entity.roles()) {
      std::string title = RoleTitle(role);
      if (std::find(roles.begin(), roles.end(), title) == roles.end()) {
        roles.push_back(std::move(title));
      }
    }
    for (const std::string& role : roles) {
      absl::StrAppend(&out, "    ", role, "\n");
    }
  }
  absl::StrAppendFormat(&out, "%d matching entities", response.total_size());
  if (!response.next_page_token().empty()) {
    absl::StrAppend(&out,
                    "; next page: --page_token=", response.next_page_token());
  }
  absl::StrAppend(&out, "\n");
  return out;
}

std::string FormatEvent(const accord::v1::Event& event) {
  std::string out;
  absl::StrAppend(&out, "id:       ", event.id(), "\n");
  absl::StrAppend(
      &out, "type:     ",
      ShortEnum(accord::v1::EventType_Name(event.type()), "EVENT_TYPE_"), "\n");
  if (event.has_date()) {
    absl::StrAppend(&out, "date:     ", DateText(event.date()), "  (\"",
                    event.date().surface(), "\" in ", event.date_document_id(),
                    ")\n");
  }
  if (event.has_place()) {
    absl::StrAppend(&out, "place:    ", event.place().name(), "  (in ",
                    event.place_document_id(), ")\n");
  }
  for (const accord::v1::EventParticipant& participant : event.participants()) {
    absl::StrAppendFormat(&out, "party:    %s  (%s, in %d reports)\n",
                          participant.name(), participant.entity_id(),
                          participant.report_count());
  }
  if (event.topic_ids_size() > 0) {
    absl::StrAppend(&out, "topics:   ", absl::StrJoin(event.topic_ids(), ", "),
                    "\n");
  }
  absl::StrAppendFormat(&out, "\nreports (%d of %d):\n", event.reports_size(),
                        event.report_count());
  for (const accord::v1::EventReport& report : event.reports()) {
    absl::StrAppendFormat(&out, "  [%s] %s #%d%s  %s\n", report.language(),
                          report.document_id(), report.mention_index(),
                          report.main() ? " (main news)" : "",
                          EventLine(report.mention()));
    if (report.has_match()) {
      absl::StrAppendFormat(&out, "      merged (score %.1f): %s\n",
                            report.match().score(),
                            ReasonsText(report.match().reasons()));
    }
  }
  return out;
}

std::string FormatTimeline(const accord::v1::ListEventsResponse& response) {
  std::string out;
  for (const accord::v1::TimelineEvent& entry : response.events()) {
    const accord::v1::Event& event = entry.event();
    std::string date = entry.date();
    if (entry.placement() == accord::v1::TIMELINE_PLACEMENT_YEAR_UNKNOWN) {
      absl::StrAppend(&date, " (year unknown)");
    } else if (entry.placement() == accord::v1::TIMELINE_PLACEMENT_UNDATED) {
      date = "(no date)";
    }
    absl::StrAppendFormat(
        &out, "%-26s %s", date,
        absl::AsciiStrToLower(ShortEnum(
            accord::v1::EventType_Name(event.type()), "EVENT_TYPE_")));
    if (event.has_place()) {
      absl::StrAppend(&out, " in ",
                      event.place().name().empty() ? event.place().entity_id()
                                                   : event.place().name());
    }
    absl::StrAppendFormat(&out, "  %s (%d reports)\n", event.id(),
                          event.report_count());
    std::vector<std::string> parties;
    for (const accord::v1::EventParticipant& p : event.participants()) {
      std::string party = p.name().empty() ? p.entity_id() : p.name();
      if (p.country_ids_size() > 0) {
        absl::StrAppend(&party, " [", absl::StrJoin(p.country_ids(), ", "),
                        "]");
      }
      parties.push_back(std::move(party));
    }
    if (!parties.empty()) {
      absl::StrAppend(&out, "    ", absl::StrJoin(parties, "; "), "\n");
    }
  }
  absl::StrAppendFormat(&out, "%d events", response.total_size());
  if (!response.next_page_token().empty()) {
    absl::StrAppend(&out,
                    "; next page: --page_token=", response.next_page_token());
  }
  absl::StrAppend(&out, "\n");
  return out;
}

std::string FormatRelations(const accord::v1::GetRelationsResponse& response) {
  std::string out;
  int rank = 0;
  for (const accord::v1::Relation& r : response.relations()) {
    absl::StrAppendFormat(
        &out, "%2d. %s  %s  (%s)  %d events, %d documents", ++rank,
        r.entity_id(), r.name(),
        absl::AsciiStrToLower(
            ShortEnum(accord::v1::EntityKind_Name(r.kind()), "ENTITY_KIND_")),
        r.event_count(), r.document_count());
    if (!r.first_date().empty()) {
      absl::StrAppend(&out, ", ", r.first_date(), " .. ", r.last_date());
    }
    absl::StrAppend(&out, "\n");
    if (r.topics_size() > 0) {
      std::vector<std::string> topics;
      for (const accord::v1::RelationTopic& t : r.topics()) {
        topics.push_back(
            absl::StrCat(t.topic_id(), " (", t.event_count(), ")"));
      }
      absl::StrAppend(&out, "    topics: ", absl::StrJoin(topics, ", "), "\n");
    }
    if (r.event_ids_size() > 0) {
      absl::StrAppend(&out, "    events: ", absl::StrJoin(r.event_ids(), " "),
                      "\n");
    }
    if (r.document_ids_size() > 0) {
      absl::StrAppend(
          &out, "    documents: ", absl::StrJoin(r.document_ids(), " "), "\n");
    }
  }
  absl::StrAppendFormat(
      &out, "%d related entities (from %d events and %d documents%s)",
      response.total_size(), response.events_read(), response.documents_read(),
      response.truncated() ? ", more left unread" : "");
  if (!response.next_page_token().empty()) {
    absl::StrAppend(&out,
                    "; next page: --page_token=", response.next_page_token());
  }
  absl::StrAppend(&out, "\n");
  return out;
}

std::string FormatStory(const accord::v1::Story& story) {
  std::string out;
  absl::StrAppend(&out, "id:         ", story.id(), "\n");
  absl::StrAppend(&out, "languages:  ", absl::StrJoin(story.languages(), ", "),
                  "\n");
  absl::StrAppendFormat(&out, "\ndocuments (%d of %d):\n", story.members_size(),
                        story.document_count());
  for (const accord::v1::StoryMember& member : story.members()) {
    absl::StrAppendFormat(&out, "  [%s] %s  %s\n", member.language(),
                          member.document_id(), member.title());
    for (const accord::v1::StoryLink& link : member.links()) {
      absl::StrAppendFormat(&out, "      joined %s by %s (score %.1f): %s\n",
                            link.linked_document_id(), link.event_id(),
                            link.score(), ReasonsText(link.reasons()));
    }
  }
  if (story.completions_size() > 0) {
    absl::StrAppend(&out, "\ncompleted:\n");
    for (const accord::v1::StoryCompletion& completion : story.completions()) {
      absl::StrAppendFormat(&out, "  %s \"%s\" -> %s, derived from %s\n",
                            completion.document_id(), completion.surface(),
                            completion.value().iso8601(),
                            completion.derived_from_document_id());
    }
  }
  for (const accord::v1::StoryMerge& merge : story.merges()) {
    absl::StrAppendFormat(&out, "merged:     %s into %s, by %s\n",
                          merge.absorbed_story_id(), merge.into_story_id(),
                          merge.by_document_id());
  }
  return out;
}

std::string FormatFacets(
    const google::protobuf::RepeatedPtrField<accord::v1::Facet>& facets) {
  std::string out;
  for (const accord::v1::Facet& facet : facets) {
    const std::string name =
        absl::AsciiStrToLower(accord::v1::FacetField_Name(facet.field())
                                  .substr(std::string("FACET_FIELD_").size()));
    absl::StrAppend(&out, "\nby ", name, ":");
    for (const accord::v1::FacetValue& value : facet.values()) {
      absl::StrAppend(&out, "\n  ", value.count(), "  ", value.value());
      if (!value.label().empty()) absl::StrAppend(&out, "  ", value.label());
    }
    if (facet.distinct_values() > facet.values_size()) {
      absl::StrAppend(&out, "\n  (", facet.distinct_values(),
                      " values in all)");
    }
    if (facet.missing_count() > 0) {
      absl::StrAppend(&out, "\n  ", facet.missing_count(), "  (none)");
    }
    absl::StrAppend(&out, "\n");
  }
  return out;
}

std::string FormatStories(const accord::v1::ListStoriesResponse& response) {
  std::string out;
  int rank = 0;
  for (const accord::v1::StorySummary& story : response.stories()) {
    absl::StrAppendFormat(&out, "%2d. %s  %d document%s (%s)  %s\n", ++rank,
                          story.story_id(), story.document_count(),
                          story.document_count() == 1 ? "" : "s",
                          absl::StrJoin(story.languages(), ", "),
                          story.title().empty() ? "(no title)" : story.title());
    if (!story.first_published().empty()) {
      absl::StrAppend(&out, "    published ", story.first_published(),
                      story.last_published() != story.first_published()
                          ? absl::StrCat(" .. ", story.last_published())
                          : "",
                      "\n");
    }
    if (story.topic_ids_size() > 0) {
      absl::StrAppend(
          &out, "    topics: ", absl::StrJoin(story.topic_ids(), ", "), "\n");
    }
  }
  absl::StrAppendFormat(&out, "%d stories", response.total_size());
  if (!response.next_page_token().empty()) {
    absl::StrAppend(&out,
                    "; next page: --page_token=", response.next_page_token());
  }
  absl::StrAppend(&out, "\n");
  return out;
}

std::string FormatStats(const accord::v1::GetStatsResponse& response) {
  return absl::StrCat(response.document_count(), " documents\n",
                      FormatFacets(response.facets()));
}

std::string FormatSearch(const accord::v1::SearchDocumentsResponse& response,
                         MarkStyle marks) {
  std::string out;
  int rank = 0;
  for (const accord::v1::SearchHit& hit : response.hits()) {
    absl::StrAppendFormat(&out, "%2d. [%s] %.3f  %s  %s\n", ++rank,
                          hit.language(), hit.score(), hit.document_id(),
                          hit.title().empty() ? "(no title)" : hit.title());
    if (hit.snippets_size() > 0) {
      const accord::v1::Snippet& snippet = hit.snippets(0);
      absl::StrAppend(&out, "    ",
                      marks == MarkStyle::kBold
                          ? absl::StrReplaceAll(
                                snippet.marked_text(),
                                {{"<mark>", "\x1b[1m"}, {"</mark>", "\x1b[0m"}})
                          : snippet.text(),
                      "\n");
    }
  }
  absl::StrAppendFormat(&out, "%d matching documents", response.total_size());
  if (!response.next_page_token().empty()) {
    absl::StrAppend(&out,
                    "; next page: --page_token=", response.next_page_token());
  }
  absl::StrAppend(&out, "\n");
  absl::StrAppend(&out, FormatFacets(response.facets()));
  return out;
}

std::string FormatJsonLine(const google::protobuf::Message& message) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

std::string FormatWatched(const accord::v1::WatchDocumentsResponse& response) {
  if (!response.has_hit()) return "";
  const accord::v1::SearchHit& hit = response.hit();
  return absl::StrFormat(
      "%s [%s] %s  %s  --resume_token=%s\n",
      hit.published().empty() ? "(no date)" : hit.published(),
      hit.language().empty() ? "und" : hit.language(), hit.document_id(),
      hit.title().empty() ? "(no title)" : hit.title(),
      response.resume_token());
}

std::string FormatJson(const google::protobuf::Message& message) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

std::string FormatRpcError(int code, const std::string& message,
                           const std::string& details) {
  // absl and gRPC share the canonical code numbering.
  std::string out = absl::StrCat(
      absl::StatusCodeToString(static_cast<absl::StatusCode>(code)), ": ",
      message);
  google::rpc::Status status;
  if (!details.empty() && status.ParseFromString(details)) {
    for (const auto& any : status.details()) {
      google::rpc::ErrorInfo info;
      if (any.UnpackTo(&info)) absl::StrAppend(&out, " [", info.reason(), "]");
    }
  }
  return out;
}

std::optional<absl::Duration> BusyRetryDelay(int code,
                                             const std::string& details) {
  if (code != static_cast<int>(absl::StatusCode::kResourceExhausted)) {
    return std::nullopt;
  }
  google::rpc::Status status;
  if (details.empty() || !status.ParseFromString(details)) return std::nullopt;
  bool busy = false;
  std::optional<absl::Duration> delay;
  for (const auto& any : status.details()) {
    google::rpc::ErrorInfo info;
    google::rpc::RetryInfo retry;
    if (any.UnpackTo(&info)) {
      busy = busy || info.reason() == "INGEST_BUSY";
    } else if (any.UnpackTo(&retry)) {
      delay = absl::Seconds(retry.retry_delay().seconds()) +
              absl::Nanoseconds(retry.retry_delay().nanos());
    }
  }
  if (!busy) return std::nullopt;
  return delay;
}

}  // namespace accord::ctl
