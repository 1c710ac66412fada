#include "common/testing/test_pki.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace accord::testing {
namespace {

// Runs a shell command, its output into `log`.
absl::Status Run(const std::string& command, const std::string& log) {
  const std::string line = absl::StrCat(command, " >>", log, " 2>&1");
  if (std::system(line.c_str()) == 0) return absl::OkStatus();
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  return absl::InternalError(
      absl::StrCat("`", command, "` failed:\n", text.str()));
}

// A P-256 key and a certificate for `subject` signed by `ca` (self-signed
// CA when `ca` is empty), with `extensions` (an openssl extension line).
absl::Status MakeCertificate(const std::string& dir, const std::string& name,
                             const std::string& subject, const std::string& ca,
                             const std::string& extensions) {
  const std::string base = absl::StrCat(dir, "/", name);
  const std::string log = absl::StrCat(dir, "/openssl.log");
  if (ca.empty()) {
    return Run(
        absl::StrCat("openssl req -x509 -newkey ec -pkeyopt "
                     "ec_paramgen_curve:prime256v1 -nodes -days 2 "
                     "-subj '",
                     subject, "' -keyout ", base, ".key -out ", base, ".pem"),
        log);
  }
  {
    std::ofstream ext(base + ".ext");
    ext << extensions << "\n";
  }
  const std::string ca_base = absl::StrCat(dir, "/", ca);
  if (absl::Status request = Run(
          absl::StrCat("openssl req -new -newkey ec -pkeyopt "
                       "ec_paramgen_curve:prime256v1 -nodes -subj '",
                       subject, "' -keyout ", base, ".key -out ", base, ".csr"),
          log);
      !request.ok()) {
    return request;
  }
  return Run(absl::StrCat("openssl x509 -req -days 2 -in ", base, ".csr -CA ",
                          ca_base, ".pem -CAkey ", ca_base, ".key -set_serial ",
                          std::rand() % 1000000 + 1, " -extfile ", base,
                          ".ext -out ", base, ".pem"),
             log);
}

}  // namespace

absl::StatusOr<TestPki> MakeTestPki(const std::string& dir) {
  struct Step {
    const char* name;
    const char* subject;
    const char* ca;
    const char* extensions;
  };
  const Step steps[] = {
      {"ca", "/CN=Accord test CA", "", ""},
      {"server", "/CN=localhost", "ca",
       "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
       "extendedKeyUsage=serverAuth"},
      {"client", "/CN=accord-test-client", "ca", "extendedKeyUsage=clientAuth"},
      {"stranger-ca", "/CN=Some other CA", "", ""},
      {"stranger", "/CN=accord-stranger", "stranger-ca",
       "extendedKeyUsage=clientAuth"},
  };
  for (const Step& step : steps) {
    if (absl::Status made = MakeCertificate(dir, step.name, step.subject,
                                            step.ca, step.extensions);
        !made.ok()) {
      return made;
    }
  }
  auto path = [&](const char* file) { return absl::StrCat(dir, "/", file); };
  return TestPki{.ca_cert = path("ca.pem"),
                 .server_cert = path("server.pem"),
                 .server_key = path("server.key"),
                 .client_cert = path("client.pem"),
                 .client_key = path("client.key"),
                 .stranger_cert = path("stranger.pem"),
                 .stranger_key = path("stranger.key")};
}

}  // namespace accord::testing
