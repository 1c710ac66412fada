#include "query-service/search/page_token.h"

#include <algorithm>
#include <limits>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/index/varint.h"
#include "common/rpc/status.h"
#include "common/util/hash.h"

namespace accord::query {
namespace {

constexpr char kVersion = 1;
constexpr size_t kFingerprintLength = 16;

}  // namespace

std::string RequestFingerprint(
    const accord::v1::SearchDocumentsRequest& request) {
  // Length-prefixed fields: no two requests share an encoding.
  std::string canonical;
  index::PutString(request.query(), &canonical);
  index::PutVarint32(static_cast<uint32_t>(request.languages_size()),
                     &canonical);
  for (const std::string& language : request.languages()) {
    index::PutString(language, &canonical);
  }
  index::PutVarint32(static_cast<uint32_t>(request.sources_size()), &canonical);
  for (const std::string& source : request.sources()) {
    index::PutString(source, &canonical);
  }
  for (const google::protobuf::Timestamp* t :
       {&request.published_after(), &request.published_before()}) {
    index::PutVarint64(static_cast<uint64_t>(t->seconds()), &canonical);
    index::PutVarint32(static_cast<uint32_t>(t->nanos()), &canonical);
  }
  canonical.push_back(request.has_published_after() ? 1 : 0);
  canonical.push_back(request.has_published_before() ? 1 : 0);
  // The filters added later, only when set, so that tokens of requests
  // without them stay valid.
  if (request.entity_ids_size() > 0 || request.topic_ids_size() > 0 ||
      request.event_types_size() > 0 || !request.story_id().empty()) {
    index::PutVarint32(static_cast<uint32_t>(request.entity_ids_size()),
                       &canonical);
    for (const std::string& id : request.entity_ids()) {
      index::PutString(id, &canonical);
    }
    index::PutVarint32(static_cast<uint32_t>(request.topic_ids_size()),
                       &canonical);
    for (const std::string& id : request.topic_ids()) {
      index::PutString(id, &canonical);
    }
    index::PutVarint32(static_cast<uint32_t>(request.event_types_size()),
                       &canonical);
    for (int type : request.event_types()) {
      index::PutVarint32(static_cast<uint32_t>(type), &canonical);
    }
    index::PutString(request.story_id(), &canonical);
  }
  return Sha256Hex(canonical).substr(0, kFingerprintLength);
}

std::string EncodePageToken(const PageToken& token) {
  std::string raw(1, kVersion);
  index::PutVarint32(token.snapshot, &raw);
  index::PutVarint64(token.offset, &raw);
  raw += token.fingerprint;
  return absl::WebSafeBase64Escape(raw);
}

absl::StatusOr<PageToken> DecodePageToken(absl::string_view text) {
  std::string raw;
  PageToken token;
  absl::string_view in;
  if (text.size() > 256 || !absl::WebSafeBase64Unescape(text, &raw) ||
      raw.empty() || raw[0] != kVersion) {
    return absl::InvalidArgumentError(
        "page_token is not a token this service issued");
  }
  in = absl::string_view(raw).substr(1);
  if (!index::GetVarint32(&in, &token.snapshot) ||
      !index::GetVarint64(&in, &token.offset) ||
      in.size() != kFingerprintLength) {
    return absl::InvalidArgumentError(
        "page_token is not a token this service issued");
  }
  token.fingerprint = std::string(in);
  // Base64 padding or stray low bits, and overlong varints, spell the same
  // fields differently; only the spelling this service writes is its token.
  if (EncodePageToken(token) != text) {
    return absl::InvalidArgumentError(
        "page_token is not a token this service issued");
  }
  return token;
}

absl::StatusOr<PageToken> ResolvePage(absl::string_view page_token,
                                      uint64_t document_count,
                                      absl::string_view fingerprint) {
  auto invalid = [](absl::string_view message) {
    return rpc::WithErrorInfo(absl::InvalidArgumentError(message),
                              "INVALID_PAGE_TOKEN");
  };
  const uint32_t snapshot = static_cast<uint32_t>(
      std::min<uint64_t>(document_count, std::numeric_limits<uint32_t>::max()));
  if (page_token.empty())
    return PageToken{snapshot, 0, std::string(fingerprint)};
  absl::StatusOr<PageToken> token = DecodePageToken(page_token);
  if (!token.ok()) return invalid(token.status().message());
  if (token->fingerprint != fingerprint) {
    return invalid(
        "page_token belongs to a request with another query or other "
        "filters");
  }
  if (token->snapshot > snapshot) {
    return invalid("page_token refers to documents this store does not have");
  }
  return token;
}

}  // namespace accord::query
