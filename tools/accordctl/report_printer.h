// Human-readable renderings of Accord replies for the terminal.
#ifndef ACCORD_TOOLS_ACCORDCTL_REPORT_PRINTER_H_
#define ACCORD_TOOLS_ACCORDCTL_REPORT_PRINTER_H_

#include <optional>
#include <string>

#include "absl/time/time.h"
#include "accord/v1/bundle.pb.h"
#include "accord/v1/document.pb.h"
#include "accord/v1/query_service.pb.h"
#include "accord/v1/understanding.pb.h"
#include "google/protobuf/message.h"

namespace accord::ctl {

// How much of a bundle report FormatBundle prints.
enum class BundleDetail {
  // One line per document, then the summary line.
  kEveryDocument,
  // Only the rejected documents (they are errors), then the summary line:
  // --quiet.
  kRejectionsOnly,
};

// One line per document ("CREATED   <id>  <ref>"), then a summary line
// ("bundle <id>: 3 created, 0 unchanged, 1 rejected").
std::string FormatBundle(const accord::v1::Bundle& bundle,
                         BundleDetail detail = BundleDetail::kEveryDocument);

// Title, language, dateline, publication, paragraphs and removed fragments.
std::string FormatDocument(const accord::v1::Document& document);

// Kind, canonical name, mentions and documents, first and last seen, names
// (language, source), roles (gazetteer tenures, documents that state
// them) and the listed document ids.
std::string FormatEntity(const accord::v1::Entity& entity);
// An event across documents, then its reports with why each was merged.
std::string FormatEvent(const accord::v1::Event& event);
// A story: its documents, why each joined, the facts completed.
std::string FormatStory(const accord::v1::Story& story);

// SearchEntities matches, best first: id, kind and name, how the name
// matched, mentions, documents, first and last seen, roles; then the
// number of matches and the next page token.
std::string FormatEntityMatches(
    const accord::v1::SearchEntitiesResponse& response);

// A timeline (ListEvents): one line per event, its date (marked when the
// year is unknown or no date is known), type, place, participants and
// the countries they act for, and id; then the number of events and the
// next page token.
std::string FormatTimeline(const accord::v1::ListEventsResponse& response);

// GetRelations: one block per related entity, its shared events and
// documents, topics, date span and evidence ids; then how much was read.
std::string FormatRelations(const accord::v1::GetRelationsResponse& response);

// How FormatSearch shows the matched words of a snippet.
enum class MarkStyle {
  // As plain text, like grep without color: for pipes and files.
  kPlain,
  // In bold (ANSI "\x1b[1m" ... "\x1b[0m"): for terminals.
  kBold,
};

// Ranked hits with their best snippet, the matched words shown as `marks`
// says; then the number of matching documents and the next page token.
std::string FormatSearch(const accord::v1::SearchDocumentsResponse& response,
                         MarkStyle marks);

// `message` as indented JSON with the proto field names (--json).
std::string FormatJson(const google::protobuf::Message& message);
// Facets as "by FIELD:" blocks: count, value, label; the values left out
// and the documents without a value.
std::string FormatFacets(
    const google::protobuf::RepeatedPtrField<accord::v1::Facet>& facets);
// ListStories: one block per story, then the total and the next page.
std::string FormatStories(const accord::v1::ListStoriesResponse& response);
// GetStats: the document count, then its facets.
std::string FormatStats(const accord::v1::GetStatsResponse& response);
// One line of JSON, for streams (JSON Lines).
std::string FormatJsonLine(const google::protobuf::Message& message);

// One watched document as a line: publication time, language, id, title
// and the token that resumes after it; "" for a progress message.
std::string FormatWatched(const accord::v1::WatchDocumentsResponse& response);

// "NOT_FOUND: document ... not found [DOCUMENT_NOT_FOUND]" from a gRPC
// status code, message and serialized google.rpc.Status details.
std::string FormatRpcError(int code, const std::string& message,
                           const std::string& details);

// How long to wait before sending a bundle again, from a failed call's
// code and serialized google.rpc.Status details: the RetryInfo's delay
// when the ingest-service was too busy to take it (RESOURCE_EXHAUSTED,
// reason INGEST_BUSY: nothing stored); nullopt for every other failure.
std::optional<absl::Duration> BusyRetryDelay(int code,
                                             const std::string& details);

}  // namespace accord::ctl

#endif  // ACCORD_TOOLS_ACCORDCTL_REPORT_PRINTER_H_
