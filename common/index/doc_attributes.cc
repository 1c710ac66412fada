#include "common/index/doc_attributes.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "common/index/varint.h"

namespace accord::index {
namespace {

// "https://www.Example.org:8080/x" -> "www.example.org".
std::string UrlHost(absl::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == absl::string_view::npos) return "";
  absl::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = rest.rfind('@');
  if (at != absl::string_view::npos) rest = rest.substr(at + 1);
  rest = rest.substr(0, rest.find(':'));
  return absl::AsciiStrToLower(rest);
}

// A count and that many strings.
bool GetStrings(absl::string_view* data, std::vector<std::string>* out) {
  uint32_t count = 0;
  if (!GetVarint32(data, &count) || count > data->size()) return false;
  for (uint32_t i = 0; i < count; ++i) {
    absl::string_view value;
    if (!GetString(data, &value)) return false;
    out->emplace_back(value);
  }
  return true;
}

}  // namespace

std::string NormalizeSourceKey(absl::string_view source) {
  // Agencies are short acronyms or names; ASCII lowercasing covers the
  // Latin ones, and non-Latin names compare as written.
  return absl::AsciiStrToLower(absl::StripAsciiWhitespace(source));
}

DocAttributes AttributesOf(const accord::v1::Document& document,
                           uint32_t length) {
  DocAttributes attributes;
  attributes.length = length;
  attributes.language =
      document.language().code().empty() ? "und" : document.language().code();
  if (document.has_publication() && document.publication().has_time()) {
    attributes.has_published = true;
    attributes.published_seconds = document.publication().time().seconds();
  }
  // Every key as NormalizeSourceKey leaves a filter, or no filter finds it.
  auto add = [&](absl::string_view source) {
    std::string key = NormalizeSourceKey(source);
    if (!key.empty() &&
        std::find(attributes.sources.begin(), attributes.sources.end(), key) ==
            attributes.sources.end()) {
      attributes.sources.push_back(std::move(key));
    }
  };
  add(document.source().agency());
  add(document.dateline().agency());
  const std::string host = NormalizeSourceKey(UrlHost(document.source().url()));
  add(host);
  if (absl::StartsWith(host, "www.")) add(host.substr(4));

  absl::flat_hash_set<absl::string_view> entities;
  for (const accord::v1::EntityMention& mention : document.entity_mentions()) {
    if (!mention.entity_id().empty() &&
        entities.insert(mention.entity_id()).second) {
      attributes.entity_ids.push_back(mention.entity_id());
    }
  }
  for (const accord::v1::TopicScore& topic : document.topics()) {
    if (!topic.topic_id().empty() &&
        std::find(attributes.topic_ids.begin(), attributes.topic_ids.end(),
                  topic.topic_id()) == attributes.topic_ids.end()) {
      attributes.topic_ids.push_back(topic.topic_id());
    }
  }
  for (const accord::v1::EventMention& event : document.events()) {
    if (event.type() > 0) {
      attributes.event_types.push_back(static_cast<uint32_t>(event.type()));
    }
  }
  std::sort(attributes.event_types.begin(), attributes.event_types.end());
  attributes.event_types.erase(
      std::unique(attributes.event_types.begin(), attributes.event_types.end()),
      attributes.event_types.end());
  return attributes;
}

std::string EncodeDocAttributes(const DocAttributes& attributes) {
  std::string out;
  PutVarint32(attributes.length, &out);
  PutString(attributes.language, &out);
  out.push_back(attributes.has_published ? 1 : 0);
  if (attributes.has_published) {
    // Zigzag keeps dates before 1970 small.
    const int64_t s = attributes.published_seconds;
    PutVarint64(
        (static_cast<uint64_t>(s) << 1) ^ static_cast<uint64_t>(s >> 63), &out);
  }
  PutVarint32(static_cast<uint32_t>(attributes.sources.size()), &out);
  for (const std::string& source : attributes.sources) PutString(source, &out);
  if (attributes.entity_ids.empty() && attributes.topic_ids.empty() &&
      attributes.event_types.empty()) {
    return out;
  }
  PutVarint32(static_cast<uint32_t>(attributes.entity_ids.size()), &out);
  for (const std::string& id : attributes.entity_ids) PutString(id, &out);
  PutVarint32(static_cast<uint32_t>(attributes.topic_ids.size()), &out);
  for (const std::string& id : attributes.topic_ids) PutString(id, &out);
  PutVarint32(static_cast<uint32_t>(attributes.event_types.size()), &out);
  for (uint32_t type : attributes.event_types) PutVarint32(type, &out);
  return out;
}

absl::StatusOr<DocAttributes> DecodeDocAttributes(absl::string_view data) {
  DocAttributes attributes;
  absl::string_view language;
  uint32_t count = 0;
  if (!GetVarint32(&data, &attributes.length) || !GetString(&data, &language) ||
      data.empty()) {
    return absl::DataLossError("malformed document attributes");
  }
  attributes.language = std::string(language);
  if (data.front() != 0 && data.front() != 1) {
    return absl::DataLossError("malformed document attributes");
  }
  attributes.has_published = data.front() != 0;
  data.remove_prefix(1);
  if (attributes.has_published) {
    uint64_t zigzag = 0;
    if (!GetVarint64(&data, &zigzag)) {
      return absl::DataLossError("malformed document attributes");
    }
    attributes.published_seconds =
        static_cast<int64_t>(zigzag >> 1) ^ -static_cast<int64_t>(zigzag & 1);
  }
  if (!GetVarint32(&data, &count) || count > data.size()) {
    return absl::DataLossError("malformed document attributes");
  }
  for (uint32_t i = 0; i < count; ++i) {
    absl::string_view source;
    if (!GetString(&data, &source)) {
      return absl::DataLossError("malformed document attributes");
    }
    attributes.sources.emplace_back(source);
  }
  if (data.empty()) return attributes;  // no understanding part
  if (!GetStrings(&data, &attributes.entity_ids) ||
      !GetStrings(&data, &attributes.topic_ids) ||
      !GetVarint32(&data, &count) || count > data.size()) {
    return absl::DataLossError("malformed document attributes");
  }
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t type = 0;
    if (!GetVarint32(&data, &type)) {
      return absl::DataLossError("malformed document attributes");
    }
    attributes.event_types.push_back(type);
  }
  // Encode writes the part only when something is in it.
  if (!data.empty() ||
      (attributes.entity_ids.empty() && attributes.topic_ids.empty() &&
       attributes.event_types.empty())) {
    return absl::DataLossError("malformed document attributes");
  }
  return attributes;
}

}  // namespace accord::index
