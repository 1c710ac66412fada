// Fuzz target: per-document attributes, DecodeDocAttributes,
// EncodeDocAttributes and AttributesOf (common/index/doc_attributes.h), as
// query-service loads them for every document (Store::ReadDocAttributes).
//
// Feeds the whole input as a stored attributes value; then reads it as
// lines: length and flags, language, published seconds, source keys (the
// value to encode), and agency, dateline agency, URL, language code (a
// document to take attributes of).
//
// Asserts, from the header's contract:
//  - a value that decodes is canonical: it encodes back to the same bytes
//    (anything else, such as trailing bytes or a flag byte other than 0
//    and 1, is DataLoss);
//  - decode(encode(attributes)) == attributes for values built from input,
//    with and without the understanding part;
//  - AttributesOf gives a language ("und" when unknown), published exactly
//    when the publication has a time, and source keys that are non-empty,
//    distinct and already normalized (NormalizeSourceKey(key) == key, so a
//    filter can name them);
//  - the attributes of a document survive encode and decode.
#include <algorithm>
#include <string>

#include "common/index/doc_attributes.h"
#include "tests/fuzz/fuzz_check.h"

namespace accord::fuzz {
namespace {

using accord::index::DecodeDocAttributes;
using accord::index::DocAttributes;
using accord::index::EncodeDocAttributes;

std::string Describe(const DocAttributes& a) {
  std::string out =
      std::to_string(a.length) + " " + Escape(a.language) + " " +
      (a.has_published ? std::to_string(a.published_seconds) : "-");
  for (const std::string& s : a.sources) out += " [" + Escape(s) + "]";
  for (const std::string& s : a.entity_ids) out += " e:" + Escape(s);
  for (const std::string& s : a.topic_ids) out += " t:" + Escape(s);
  for (uint32_t type : a.event_types) out += " ev:" + std::to_string(type);
  return out;
}

void CheckRoundTrip(const DocAttributes& attributes) {
  const std::string encoded = EncodeDocAttributes(attributes);
  absl::StatusOr<DocAttributes> decoded = DecodeDocAttributes(encoded);
  FUZZ_CHECK(decoded.ok(), "own encoding refused: " + Describe(attributes));
  FUZZ_CHECK(*decoded == attributes, "round trip changed " +
                                         Describe(attributes) + " into " +
                                         Describe(*decoded));
}

}  // namespace
}  // namespace accord::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace accord::fuzz;
  const std::string stored(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<DocAttributes> decoded = DecodeDocAttributes(stored);
  if (decoded.ok()) {
    const std::string encoded = EncodeDocAttributes(*decoded);
    FUZZ_CHECK(encoded == stored, "accepted a non-canonical value " +
                                      Escape(stored) + " (canonical " +
                                      Escape(encoded) + ")");
  } else {
    FUZZ_CHECK(absl::IsDataLoss(decoded.status()),
               "refusal is not DataLoss: " + decoded.status().ToString());
  }

  FuzzInput input(data, size);
  DocAttributes built;
  built.length = input.U32();
  built.has_published = input.Byte() & 1;
  if (built.has_published)
    built.published_seconds = static_cast<int64_t>(input.U64());
  built.language = std::string(input.Line());
  for (int i = 0; i < 4 && !input.empty(); ++i) {
    built.sources.emplace_back(input.Line());
  }
  // The understanding part, empty or not.
  const uint8_t parts = input.Byte();
  if (parts & 1) built.entity_ids.emplace_back(input.Line());
  if (parts & 2) built.topic_ids.emplace_back(input.Line());
  if (parts & 4) built.event_types.push_back(input.U32());
  CheckRoundTrip(built);

  accord::v1::Document doc;
  doc.mutable_source()->set_agency(std::string(input.Line()));
  doc.mutable_dateline()->set_agency(std::string(input.Line()));
  doc.mutable_source()->set_url(std::string(input.Line()));
  doc.mutable_language()->set_code(std::string(input.Line()));
  if (built.has_published) {
    doc.mutable_publication()->mutable_time()->set_seconds(
        built.published_seconds);
  }
  const DocAttributes attributes =
      accord::index::AttributesOf(doc, built.length);
  const std::string context = "\n  document: " + doc.ShortDebugString() +
                              "\n  attributes: " + Describe(attributes);
  FUZZ_CHECK(attributes.length == built.length, "length lost" + context);
  FUZZ_CHECK(
      attributes.language ==
          (doc.language().code().empty() ? "und" : doc.language().code()),
      "language is not the document's" + context);
  FUZZ_CHECK(attributes.has_published == built.has_published &&
                 (!built.has_published ||
                  attributes.published_seconds == built.published_seconds),
             "published is not the publication time" + context);
  for (size_t i = 0; i < attributes.sources.size(); ++i) {
    const std::string& key = attributes.sources[i];
    FUZZ_CHECK(!key.empty(), "empty source key" + context);
    FUZZ_CHECK(accord::index::NormalizeSourceKey(key) == key,
               "source key " + Escape(key) +
                   " is not normalized: no filter finds it" + context);
    FUZZ_CHECK(std::count(attributes.sources.begin(), attributes.sources.end(),
                          key) == 1,
               "duplicate source key" + context);
  }
  CheckRoundTrip(attributes);
  return 0;
}
