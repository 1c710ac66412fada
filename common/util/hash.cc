#include "common/util/hash.h"

#include <openssl/evp.h>

#include "absl/strings/escaping.h"

namespace accord {

std::string Sha256Hex(absl::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // EVP_Digest is OpenSSL's one-shot interface; it cannot fail for SHA-256
  // on in-memory input short of allocation failure, which aborts anyway.
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), length));
}

bool IsLowerHex(absl::string_view s, size_t length) {
  if (s.size() != length) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace accord
