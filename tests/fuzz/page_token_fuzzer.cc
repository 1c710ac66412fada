// Fuzz target: SearchDocuments page tokens, DecodePageToken and
// EncodePageToken (query-service/search/page_token.h).
//
// Feeds the whole input as a client's page_token; then reads the same
// bytes as a token's fields (snapshot, offset: little-endian; 16 bytes of
// fingerprint) and as a request (query, one language, one source).
//
// Asserts, from the header's contract:
//  - DecodePageToken refuses, with InvalidArgument, anything
//    EncodePageToken did not produce: a token it accepts encodes back to
//    exactly the same text;
//  - decode(encode(token)) == token for every token with a 16-byte
//    fingerprint;
//  - RequestFingerprint is 16 lowercase hex digits, the same for the same
//    request, and ignores the paging fields.
#include <string>

#include "query-service/search/page_token.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord::fuzz;
  using accord::query::PageToken;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  absl::StatusOr<PageToken> decoded = accord::query::DecodePageToken(
      absl::string_view(text.data(), text.size()));
  if (decoded.ok()) {
    const std::string encoded = accord::query::EncodePageToken(*decoded);
    FUZZ_CHECK(encoded == text,
               "accepted a token EncodePageToken did not produce: " +
                   Escape(text) + " (it writes " + Escape(encoded) + ")");
  } else {
    FUZZ_CHECK(
        absl::IsInvalidArgument(decoded.status()),
        "refusal is not InvalidArgument: " + decoded.status().ToString());
  }

  FuzzInput input(data, size);
  PageToken token;
  token.snapshot = input.U32();
  token.offset = input.U64();
  token.fingerprint = std::string(input.Bytes(16));
  token.fingerprint.resize(16, '0');
  const std::string encoded = accord::query::EncodePageToken(token);
  absl::StatusOr<PageToken> round = accord::query::DecodePageToken(encoded);
  FUZZ_CHECK(round.ok(), "own token refused: " + Escape(encoded) + ": " +
                             round.status().ToString());
  FUZZ_CHECK(round->snapshot == token.snapshot &&
                 round->offset == token.offset &&
                 round->fingerprint == token.fingerprint,
             "token does not survive a round trip: " + Escape(encoded));

  accord::v1::SearchDocumentsRequest request;
  request.set_query(std::string(input.Line()));
  request.add_languages(std::string(input.Line()));
  request.add_sources(std::string(input.Line()));
  request.mutable_published_after()->set_seconds(
      static_cast<int64_t>(input.U64()));
  const std::string fingerprint = accord::query::RequestFingerprint(request);
  FUZZ_CHECK(
      fingerprint.size() == 16 && fingerprint.find_first_not_of(
                                      "0123456789abcdef") == std::string::npos,
      "fingerprint is not 16 lowercase hex digits: " + Escape(fingerprint));
  request.set_page_size(static_cast<int32_t>(input.U32()));
  request.set_page_token(std::string(input.Rest()));
  FUZZ_CHECK(accord::query::RequestFingerprint(request) == fingerprint,
             "fingerprint depends on the paging fields");
  return 0;
}
