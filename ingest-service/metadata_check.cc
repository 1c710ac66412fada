#include "ingest-service/metadata_check.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/parse/reject.h"
#include "common/rpc/status.h"
#include "common/util/untrusted_text.h"

namespace accord::ingest {
namespace {

using accord::v1::REJECT_REASON_INVALID_METADATA;

bool HasControlCharacters(absl::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

// Absolute http(s) URL with a host and no whitespace or controls.
bool IsHttpUrl(absl::string_view url) {
  absl::string_view rest;
  if (absl::StartsWithIgnoreCase(url, "https://")) {
    rest = url.substr(8);
  } else if (absl::StartsWithIgnoreCase(url, "http://")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  size_t host_end = rest.find_first_of("/?#");
  absl::string_view host = rest.substr(0, host_end);
  if (host.empty()) return false;
  for (char c : url) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) return false;
  }
  return !HasControlCharacters(url);
}

// BCP-47 shape: 2-3 letter primary subtag, then 1-8 alphanumeric subtags.
bool IsLanguageTag(absl::string_view tag) {
  if (tag.empty() || tag.size() > 35) return false;
  size_t start = 0;
  bool first = true;
  while (start <= tag.size()) {
    size_t end = tag.find_first_of("-_", start);
    if (end == absl::string_view::npos) end = tag.size();
    absl::string_view part = tag.substr(start, end - start);
    if (part.empty() || part.size() > 8) return false;
    for (char c : part) {
      if (first ? !absl::ascii_isalpha(static_cast<unsigned char>(c))
                : !absl::ascii_isalnum(static_cast<unsigned char>(c))) {
        return false;
      }
    }
    if (first && (part.size() < 2 || part.size() > 3)) return false;
    first = false;
    start = end + 1;
  }
  return true;
}

absl::Status BadField(absl::string_view field, absl::string_view why) {
  return rpc::WithErrorInfo(
      absl::InvalidArgumentError(absl::StrCat(field, " ", why)),
      "INVALID_BUNDLE_HEADER", {{"field", std::string(field)}});
}

}  // namespace

absl::Status CheckDocumentMetadata(
    const accord::v1::DocumentMetadata& metadata) {
  if (!metadata.source_url().empty() && (metadata.source_url().size() > 4096 ||
                                         !IsHttpUrl(metadata.source_url()))) {
    return RejectError(REJECT_REASON_INVALID_METADATA,
                       absl::StrCat("metadata.source_url \"",
                                    EscapeUntrusted(metadata.source_url()),
                                    "\" is not an absolute http(s) URL"));
  }
  if (!metadata.language_hint().empty() &&
      !IsLanguageTag(metadata.language_hint())) {
    return RejectError(REJECT_REASON_INVALID_METADATA,
                       absl::StrCat("metadata.language_hint \"",
                                    EscapeUntrusted(metadata.language_hint()),
                                    "\" is not a BCP-47 language tag"));
  }
  if (metadata.title_hint().size() > 2048 ||
      HasControlCharacters(metadata.title_hint())) {
    return RejectError(REJECT_REASON_INVALID_METADATA,
                       "metadata.title_hint is longer than 2048 bytes or has "
                       "control characters");
  }
  if (metadata.agency().size() > 256 ||
      HasControlCharacters(metadata.agency())) {
    return RejectError(REJECT_REASON_INVALID_METADATA,
                       "metadata.agency is longer than 256 bytes or has "
                       "control characters");
  }
  if (metadata.client_ref().size() > 4096) {
    return RejectError(REJECT_REASON_INVALID_METADATA,
                       "metadata.client_ref is longer than 4096 bytes");
  }
  if (metadata.has_publication_time()) {
    const auto& t = metadata.publication_time();
    // google.protobuf.Timestamp's valid range: years 1 to 9999.
    if (t.seconds() < -62135596800 || t.seconds() > 253402300799 ||
        t.nanos() < 0 || t.nanos() > 999999999) {
      return RejectError(REJECT_REASON_INVALID_METADATA,
                         "metadata.publication_time is out of range");
    }
  }
  return absl::OkStatus();
}

absl::Status CheckBundleHeader(absl::string_view submitter,
                               absl::string_view label,
                               absl::string_view request_id) {
  if (submitter.size() > 256 || HasControlCharacters(submitter)) {
    return BadField("submitter",
                    "must be at most 256 bytes without control "
                    "characters");
  }
  if (label.size() > 4096 || HasControlCharacters(label)) {
    return BadField("label",
                    "must be at most 4096 bytes without control "
                    "characters");
  }
  if (request_id.size() > 256 || HasControlCharacters(request_id)) {
    return BadField("request_id",
                    "must be at most 256 bytes without control "
                    "characters");
  }
  return absl::OkStatus();
}

void ApplyMetadata(const accord::v1::DocumentMetadata& metadata,
                   accord::v1::Document* document) {
  accord::v1::Source* source = document->mutable_source();
  source->set_client_ref(metadata.client_ref());
  if (!metadata.source_url().empty()) source->set_url(metadata.source_url());
  if (!metadata.agency().empty()) source->set_agency(metadata.agency());
  if (metadata.has_publication_time()) {
    accord::v1::Publication* publication = document->mutable_publication();
    publication->Clear();
    *publication->mutable_time() = metadata.publication_time();
    publication->set_origin(accord::v1::PUBLICATION_ORIGIN_METADATA);
    publication->set_precision(accord::v1::TIME_PRECISION_SECOND);
    publication->set_has_utc_offset(true);
    publication->set_iso8601(absl::FormatTime(
        "%Y-%m-%dT%H:%M:%SZ",
        absl::FromUnixSeconds(metadata.publication_time().seconds()),
        absl::UTCTimeZone()));
  }
}

}  // namespace accord::ingest
