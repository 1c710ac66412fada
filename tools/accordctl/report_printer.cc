#include "tools/accordctl/report_printer.h"

#include "absl/status/status.h"
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
  return out;
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

}  // namespace accord::ctl
