#include "common/store/schema.h"

#include "absl/strings/str_cat.h"

namespace accord::store {

const std::vector<std::string>& FamilyNames() {
  // "default" must exist in every RocksDB; it holds the meta keys.
  static const std::vector<std::string>* names = new std::vector<std::string>{
      "default",      "documents",      "raw",
      "doc_sequence", "bundles",        "bundle_requests",
      "postings",     "doc_attributes", "token_spans"};
  return *names;
}

std::string EncodeSequence(uint64_t sequence) {
  std::string key(8, '\0');
  for (int i = 7; i >= 0; --i) {
    key[i] = static_cast<char>(sequence & 0xff);
    sequence >>= 8;
  }
  return key;
}

bool DecodeSequence(absl::string_view key, uint64_t* sequence) {
  if (key.size() != 8) return false;
  uint64_t value = 0;
  for (char c : key) value = (value << 8) | static_cast<unsigned char>(c);
  *sequence = value;
  return true;
}

std::string BundleRequestKey(absl::string_view submitter,
                             absl::string_view request_id) {
  // NUL cannot occur in either part: both are validated UTF-8 strings
  // without control characters at the RPC edge.
  return absl::StrCat(submitter, absl::string_view("\0", 1), request_id);
}

std::string TermKeyPrefix(absl::string_view term) {
  std::string key(term);
  key.push_back('\0');
  return key;
}

std::string PostingKey(absl::string_view term, uint32_t chunk_first_doc) {
  std::string key = TermKeyPrefix(term);
  for (int shift = 24; shift >= 0; shift -= 8) {
    key.push_back(static_cast<char>((chunk_first_doc >> shift) & 0xff));
  }
  return key;
}

bool ParsePostingKey(absl::string_view key, absl::string_view* term,
                     uint32_t* chunk_first_doc) {
  if (key.size() < 5 || key[key.size() - 5] != '\0') return false;
  *term = key.substr(0, key.size() - 5);
  uint32_t value = 0;
  for (char c : key.substr(key.size() - 4)) {
    value = (value << 8) | static_cast<unsigned char>(c);
  }
  *chunk_first_doc = value;
  return true;
}

}  // namespace accord::store
