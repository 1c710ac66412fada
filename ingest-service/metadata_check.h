// Validation of client-supplied bundle headers and document metadata.
//
// Metadata is optional, but when given it must make sense: a source URL is
// an absolute http(s) URL, a language hint is a BCP-47 tag, strings are
// bounded. Problems are reported per document (REJECT_REASON_INVALID_METADATA)
// or, for the bundle header, as an INVALID_ARGUMENT for the whole call.
#ifndef ACCORD_INGEST_SERVICE_METADATA_CHECK_H_
#define ACCORD_INGEST_SERVICE_METADATA_CHECK_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "accord/v1/bundle.pb.h"
#include "accord/v1/document.pb.h"

namespace accord::ingest {

// OK, or a status carrying REJECT_REASON_INVALID_METADATA.
absl::Status CheckDocumentMetadata(
    const accord::v1::DocumentMetadata& metadata);

// OK, or InvalidArgument naming the bad field.
absl::Status CheckBundleHeader(absl::string_view submitter,
                               absl::string_view label,
                               absl::string_view request_id);

// Applies the metadata fields the client knows better than the text to a
// normalized document: client_ref, source URL and agency, and the
// publication time (origin METADATA, replacing a stamp found in the text).
// The ingest path, the evaluation command and the benchmarks share it.
void ApplyMetadata(const accord::v1::DocumentMetadata& metadata,
                   accord::v1::Document* document);

}  // namespace accord::ingest

#endif  // ACCORD_INGEST_SERVICE_METADATA_CHECK_H_
