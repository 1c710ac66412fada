// A throwaway public-key infrastructure for TLS tests: a CA, a server
// certificate it signed for localhost and 127.0.0.1, a client certificate
// it signed, and a client certificate from a second CA the first does not
// know. Made fresh by the `openssl` command in a test's directory; valid
// for two days.
#ifndef ACCORD_COMMON_TESTING_TEST_PKI_H_
#define ACCORD_COMMON_TESTING_TEST_PKI_H_

#include <string>

#include "absl/status/statusor.h"

namespace accord::testing {

struct TestPki {
  // PEM files.
  std::string ca_cert;
  std::string server_cert;
  std::string server_key;
  std::string client_cert;
  std::string client_key;
  // Signed by another CA.
  std::string stranger_cert;
  std::string stranger_key;
};

// Writes the files under `dir` (which must exist). Internal when openssl
// fails; its output is in the message.
absl::StatusOr<TestPki> MakeTestPki(const std::string& dir);

}  // namespace accord::testing

#endif  // ACCORD_COMMON_TESTING_TEST_PKI_H_
