#include "common/util/hash.h"

#include <openssl/evp.h>

#include "absl/strings/escaping.h"

namespace accord {

namespace {

// SHA-256 fetched from OpenSSL's providers once: EVP_sha256() is fetched
// again at every digest (a lock and a lookup), which cost about as much
// as hashing a short name. Never freed (process lifetime); EVP_sha256()
// if the fetch fails.
const EVP_MD* Sha256() {
  static const EVP_MD* const kSha256 = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
    return fetched != nullptr ? fetched : EVP_sha256();
  }();
  return kSha256;
}

}  // namespace

std::string Sha256Hex(absl::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // EVP_Digest is OpenSSL's one-shot interface; it cannot fail for SHA-256
  // on in-memory input short of allocation failure, which aborts anyway.
  EVP_Digest(data.data(), data.size(), digest, &length, Sha256(), nullptr);
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
