// Recognizes agency signatures at the end of a story:
//
//   "...and other crimes.-VNA"   "... dans ce contexte. – VNA"
//   "... bleiben müsse./."       "... the region. (TTXVN)"
//   a last line that is only "VNA"
//
// The agency is any acronym of two to eight uppercase letters in any script
// (VNA, TTXVN, AFP, ТАСС), after a dash or in parentheses, right after the
// end of a sentence; "/." is the closing mark of Vietnamese agency copy.
// Stateless and thread-safe.
#ifndef ACCORD_INGEST_SERVICE_NORMALIZE_SIGNATURE_H_
#define ACCORD_INGEST_SERVICE_NORMALIZE_SIGNATURE_H_

#include <optional>
#include <string>
#include <string_view>

namespace accord::normalize {

struct SignatureMatch {
  // The signature as written ("-VNA", "– VNA", "/.", "(TTXVN)").
  std::string text;
  // The acronym, empty for "/.".
  std::string agency;
  // Byte offset where the signature starts; the paragraph keeps
  // [0, start) with trailing white space trimmed.
  size_t start = 0;
};

// A signature at the very end of `paragraph`, if any. When the whole
// paragraph is a signature, start is 0.
std::optional<SignatureMatch> MatchTrailingSignature(
    std::string_view paragraph);

}  // namespace accord::normalize

#endif  // ACCORD_INGEST_SERVICE_NORMALIZE_SIGNATURE_H_
