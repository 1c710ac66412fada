#include "common/rpc/credentials.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <ctime>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/util/log.h"
#include "grpc/grpc_security_constants.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/security/tls_certificate_provider.h"
#include "grpcpp/security/tls_credentials_options.h"
#include "grpcpp/support/channel_arguments.h"

namespace accord::rpc {
namespace {

absl::StatusOr<std::string> ReadFile(absl::string_view flag,
                                     const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, ": cannot read ", path));
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct X509Deleter {
  void operator()(X509* cert) const { X509_free(cert); }
};
struct KeyDeleter {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};

std::unique_ptr<BIO, BioDeleter> MemoryBio(const std::string& pem) {
  return std::unique_ptr<BIO, BioDeleter>(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

// The first certificate of a PEM file, checked to parse; gRPC would only
// say that the server could not start.
absl::StatusOr<std::unique_ptr<X509, X509Deleter>> FirstCertificate(
    absl::string_view flag, const std::string& path, const std::string& pem) {
  auto bio = MemoryBio(pem);
  std::unique_ptr<X509, X509Deleter> cert(
      PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (cert == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, ": ", path, " holds no PEM certificate"));
  }
  if (X509_cmp_current_time(X509_get0_notAfter(cert.get())) < 0) {
    LogWarning("--%s: the certificate in %s has expired", flag, path);
  }
  return cert;
}

// Reads a certificate and its key and checks that they belong together;
// with `parsed`, sets it to the certificate.
absl::StatusOr<grpc::SslServerCredentialsOptions::PemKeyCertPair> KeyCertPair(
    absl::string_view cert_flag, const std::string& cert_file,
    absl::string_view key_flag, const std::string& key_file,
    std::unique_ptr<X509, X509Deleter>* parsed = nullptr) {
  absl::StatusOr<std::string> cert_pem = ReadFile(cert_flag, cert_file);
  if (!cert_pem.ok()) return cert_pem.status();
  absl::StatusOr<std::string> key_pem = ReadFile(key_flag, key_file);
  if (!key_pem.ok()) return key_pem.status();
  absl::StatusOr<std::unique_ptr<X509, X509Deleter>> cert =
      FirstCertificate(cert_flag, cert_file, *cert_pem);
  if (!cert.ok()) return cert.status();
  auto bio = MemoryBio(*key_pem);
  std::unique_ptr<EVP_PKEY, KeyDeleter> key(
      PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (key == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", key_flag, ": ", key_file,
        " holds no PEM private key (or one protected by a passphrase)"));
  }
  if (X509_check_private_key(cert->get(), key.get()) != 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", key_flag, ": the key in ", key_file,
                     " does not match the certificate in ", cert_file));
  }
  if (parsed != nullptr) *parsed = *std::move(cert);
  return grpc::SslServerCredentialsOptions::PemKeyCertPair{*key_pem, *cert_pem};
}

absl::StatusOr<std::string> CaCertificates(absl::string_view flag,
                                           const std::string& path) {
  absl::StatusOr<std::string> pem = ReadFile(flag, path);
  if (!pem.ok()) return pem.status();
  if (absl::StatusOr<std::unique_ptr<X509, X509Deleter>> cert =
          FirstCertificate(flag, path, *pem);
      !cert.ok()) {
    return cert.status();
  }
  return pem;
}

// Hex SHA-256 of the certificate's DER encoding.
std::string CertificateSha256(X509* cert) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (X509_digest(cert, EVP_sha256(), digest, &length) != 1) return "";
  return absl::BytesToHexString(absl::string_view(
      reinterpret_cast<const char*>(digest), static_cast<size_t>(length)));
}

// The subject in RFC 2253 form ("CN=localhost,O=Accord").
std::string CertificateSubject(X509* cert) {
  std::unique_ptr<BIO, BioDeleter> out(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(out.get(), X509_get_subject_name(cert), 0,
                     XN_FLAG_RFC2253);
  char* data = nullptr;
  const long size = BIO_get_mem_data(out.get(), &data);
  return size > 0 ? std::string(data, static_cast<size_t>(size)) : "";
}

// The end of the certificate's validity.
absl::Time CertificateNotAfter(X509* cert) {
  std::tm tm{};
  if (ASN1_TIME_to_tm(X509_get0_notAfter(cert), &tm) != 1) {
    return absl::InfinitePast();
  }
  return absl::FromTM(tm, absl::UTCTimeZone());
}

}  // namespace

absl::StatusOr<ServerCertificate> CheckServerTlsFiles(const TlsOptions& tls) {
  std::unique_ptr<X509, X509Deleter> cert;
  if (absl::StatusOr<grpc::SslServerCredentialsOptions::PemKeyCertPair> pair =
          KeyCertPair("tls_cert_file", tls.cert_file, "tls_key_file",
                      tls.key_file, &cert);
      !pair.ok()) {
    return pair.status();
  }
  if (!tls.client_ca_file.empty()) {
    if (absl::StatusOr<std::string> ca =
            CaCertificates("tls_client_ca_file", tls.client_ca_file);
        !ca.ok()) {
      return ca.status();
    }
  }
  return ServerCertificate{.sha256 = CertificateSha256(cert.get()),
                           .subject = CertificateSubject(cert.get()),
                           .not_after = CertificateNotAfter(cert.get())};
}

bool IsLoopbackListen(absl::string_view listen) {
  const size_t colon = listen.rfind(':');
  if (colon == absl::string_view::npos) return false;
  absl::string_view host = listen.substr(0, colon);
  if (host == "localhost" || host == "[::1]") return true;
  // 127.0.0.0/8: four numbers, the first 127.
  if (!absl::ConsumePrefix(&host, "127.")) return false;
  int parts = 1;
  for (absl::string_view part : absl::StrSplit(host, '.')) {
    int value = 0;
    if (!absl::SimpleAtoi(part, &value) || value < 0 || value > 255) {
      return false;
    }
    ++parts;
  }
  return parts == 4;
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    absl::string_view listen, const TlsOptions& tls, const AuthOptions& auth,
    AccessPolicy policy, std::shared_ptr<TokenAuthProcessor>* token_processor) {
  const bool use_tls = !tls.cert_file.empty() || !tls.key_file.empty();
  if (use_tls && (tls.cert_file.empty() || tls.key_file.empty())) {
    return absl::InvalidArgumentError(
        "--tls_cert_file and --tls_key_file go together");
  }
  if (!use_tls && !tls.client_ca_file.empty()) {
    return absl::InvalidArgumentError(
        "--tls_client_ca_file needs --tls_cert_file and --tls_key_file");
  }
  std::shared_ptr<TokenAuthProcessor> processor;
  if (!auth.tokens_file.empty()) {
    absl::StatusOr<TokenTable> tokens = TokenTable::Load(auth.tokens_file);
    if (!tokens.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--tokens_file: ", tokens.status().message()));
    }
    if (!use_tls && !IsLoopbackListen(listen)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--tokens_file without TLS on ", listen,
          ": tokens would cross the network in the clear; give "
          "--tls_cert_file and --tls_key_file, or listen on 127.0.0.1"));
    }
    constexpr absl::string_view kHealth = "grpc.health.v1.Health";
    constexpr absl::string_view kReflection[] = {
        "grpc.reflection.v1alpha.ServerReflection",
        "grpc.reflection.v1.ServerReflection"};
    if (auth.public_health) {
      policy.MakePublic(kHealth);
    } else {
      policy.AllowAnyRole(kHealth);
    }
    for (absl::string_view service : kReflection) {
      if (auth.public_reflection) {
        policy.MakePublic(service);
      } else {
        policy.AllowAnyRole(service);
      }
    }
    LogInfo("tokens: %d from %s", tokens->size(), auth.tokens_file);
    processor = std::make_shared<TokenAuthProcessor>(*std::move(tokens),
                                                     std::move(policy));
  }

  std::shared_ptr<grpc::ServerCredentials> credentials;
  if (use_tls) {
    // Checked here so that a bad file stops the start with its name; gRPC
    // would only fail the handshakes.
    if (absl::StatusOr<ServerCertificate> checked = CheckServerTlsFiles(tls);
        !checked.ok()) {
      return checked.status();
    }
    const int64_t reload_seconds = absl::ToInt64Seconds(tls.reload_interval);
    if (reload_seconds < 1) {
      return absl::InvalidArgumentError(
          absl::StrCat("--tls_reload_interval is ",
                       absl::FormatDuration(tls.reload_interval),
                       "; it must be at least 1s"));
    }
    // gRPC reads the files again every interval (its own thread) and
    // hands new connections what it read last.
    auto files =
        std::make_shared<grpc::experimental::FileWatcherCertificateProvider>(
            tls.key_file, tls.cert_file, tls.client_ca_file,
            static_cast<unsigned int>(reload_seconds));
    grpc::experimental::TlsServerCredentialsOptions options(files);
    options.watch_identity_key_cert_pairs();
    if (tls.client_ca_file.empty()) {
      options.set_cert_request_type(GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
    } else {
      options.watch_root_certs();
      options.set_cert_request_type(
          GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    }
    credentials = grpc::experimental::TlsServerCredentials(options);
    LogInfo("TLS: %s read again every %s",
            tls.client_ca_file.empty()
                ? absl::StrCat(tls.cert_file, " and ", tls.key_file)
                : absl::StrCat(tls.cert_file, ", ", tls.key_file, " and ",
                               tls.client_ca_file),
            absl::FormatDuration(absl::Seconds(reload_seconds)));
  } else if (processor != nullptr) {
    credentials = grpc::experimental::LocalServerCredentials(LOCAL_TCP);
  } else {
    if (!IsLoopbackListen(listen)) {
      LogWarning(
          "listening on %s in plaintext without tokens: anyone who can reach "
          "this port can call every method (see the README, \"Running on a "
          "network\")",
          listen);
    }
    return grpc::InsecureServerCredentials();
  }
  if (processor != nullptr) credentials->SetAuthMetadataProcessor(processor);
  if (token_processor != nullptr) *token_processor = std::move(processor);
  return credentials;
}

absl::StatusOr<ClientSecurity> ClientSecurity::Create(
    const ClientSecurityOptions& options) {
  ClientSecurity security;
  if (!options.token_file.empty()) {
    absl::StatusOr<std::string> text =
        ReadFile("token_file", options.token_file);
    if (!text.ok()) return text.status();
    absl::string_view first = *text;
    first = first.substr(0, first.find('\n'));
    security.token_ = std::string(absl::StripAsciiWhitespace(first));
    if (security.token_.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--token_file: the first line of ", options.token_file, " is empty"));
    }
  } else {
    security.token_ = std::string(absl::StripAsciiWhitespace(options.token));
  }
  const bool client_cert =
      !options.tls_cert_file.empty() || !options.tls_key_file.empty();
  if (client_cert &&
      (options.tls_cert_file.empty() || options.tls_key_file.empty())) {
    return absl::InvalidArgumentError(
        "--tls_cert_file and --tls_key_file go together");
  }
  if (options.tls_ca_file.empty()) {
    if (client_cert || !options.tls_server_name.empty()) {
      return absl::InvalidArgumentError(
          "--tls_cert_file, --tls_key_file and --tls_server_name need "
          "--tls_ca_file (the CA that signed the server's certificate)");
    }
    security.credentials_ = grpc::InsecureChannelCredentials();
    return security;
  }
  grpc::SslCredentialsOptions ssl;
  absl::StatusOr<std::string> ca =
      CaCertificates("tls_ca_file", options.tls_ca_file);
  if (!ca.ok()) return ca.status();
  ssl.pem_root_certs = *std::move(ca);
  if (client_cert) {
    absl::StatusOr<grpc::SslServerCredentialsOptions::PemKeyCertPair> pair =
        KeyCertPair("tls_cert_file", options.tls_cert_file, "tls_key_file",
                    options.tls_key_file);
    if (!pair.ok()) return pair.status();
    ssl.pem_cert_chain = pair->cert_chain;
    ssl.pem_private_key = pair->private_key;
  }
  security.credentials_ = grpc::SslCredentials(ssl);
  security.server_name_ = options.tls_server_name;
  return security;
}

void ClientSecurity::AddChannelArguments(grpc::ChannelArguments* args) const {
  if (!server_name_.empty()) {
    args->SetSslTargetNameOverride(server_name_);
  }
}

void ClientSecurity::Apply(grpc::ClientContext* context) const {
  if (!token_.empty()) {
    context->AddMetadata("authorization", absl::StrCat("Bearer ", token_));
  }
}

}  // namespace accord::rpc
