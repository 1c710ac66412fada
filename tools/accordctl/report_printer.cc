#include "tools/accordctl/report_printer.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "google/protobuf/util/json_util.h"
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
