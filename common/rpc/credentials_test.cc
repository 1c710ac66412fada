// Servers built with MakeServerCredentials and called over loopback by
// real gRPC clients: plaintext, tokens, TLS and mutual TLS, the
// refusals of each, and TLS files renewed under a running server.
#include "common/rpc/credentials.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "common/testing/temp_dir.h"
#include "common/testing/test_pki.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"

namespace accord::rpc {
namespace {

using ::testing::HasSubstr;

constexpr char kIngestToken[] = "ingest-0123456789abcdef";
constexpr char kReadToken[] = "read-0123456789abcdef";
constexpr char kAdminToken[] = "admin-0123456789abcdef";
// No service of the test server implements it: a call that passes the
// transport's checks ends UNIMPLEMENTED.
constexpr char kIngestMethod[] = "/test.Ingest/Put";
constexpr char kOtherMethod[] = "/test.Other/Do";
constexpr char kHealthCheck[] = "/grpc.health.v1.Health/Check";

// Whether a call got past the transport's checks: reflection answers it
// where gRPC's reflection plugin is linked into the test, UNIMPLEMENTED
// where it is not.
bool PassedAuth(const grpc::Status& status) {
  return status.error_code() != grpc::StatusCode::UNAUTHENTICATED &&
         status.error_code() != grpc::StatusCode::PERMISSION_DENIED &&
         status.error_code() != grpc::StatusCode::UNAVAILABLE;
}

// Always SERVING: the one service the test server implements.
class HealthService final : public grpc::health::v1::Health::Service {
  grpc::Status Check(grpc::ServerContext*,
                     const grpc::health::v1::HealthCheckRequest*,
                     grpc::health::v1::HealthCheckResponse* response) override {
    response->set_status(grpc::health::v1::HealthCheckResponse::SERVING);
    return grpc::Status::OK;
  }
};

class CredentialsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tokens_file_ = dir_.Sub("tokens");
    std::ofstream(tokens_file_) << "ingest " << kIngestToken << " crawler\n"
                                << "read " << kReadToken << " dashboard\n"
                                << "admin " << kAdminToken << "\n";
  }

  const testing::TestPki& Pki() {
    if (!pki_.has_value()) {
      absl::StatusOr<testing::TestPki> pki = testing::MakeTestPki(dir_.path());
      EXPECT_TRUE(pki.ok()) << pki.status();
      pki_ = *pki;
    }
    return *pki_;
  }

  // Starts a server with the credentials of `tls` and `auth` on a free
  // loopback port; `test.Ingest` accepts the ingest role.
  void Serve(const TlsOptions& tls, const AuthOptions& auth) {
    AccessPolicy policy;
    policy.AllowService("test.Ingest", {Role::kIngest});
    absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
        MakeServerCredentials("127.0.0.1:0", tls, auth, policy,
                              &token_processor_);
    ASSERT_TRUE(credentials.ok()) << credentials.status();
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", *credentials, &port);
    builder.RegisterService(&health_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    address_ = absl::StrCat("127.0.0.1:", port);
  }

  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  // Calls `method` with an empty message through a channel made from
  // `options`.
  grpc::Status Call(const std::string& method,
                    const ClientSecurityOptions& options) {
    absl::StatusOr<ClientSecurity> security = ClientSecurity::Create(options);
    EXPECT_TRUE(security.ok()) << security.status();
    if (!security.ok()) return grpc::Status(grpc::StatusCode::INTERNAL, "");
    grpc::ChannelArguments args;
    security->AddChannelArguments(&args);
    grpc::GenericStub stub(grpc::CreateCustomChannel(
        address_, security->channel_credentials(), args));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(10));
    security->Apply(&context);
    grpc::ByteBuffer request;
    grpc::Slice empty("", 0);
    request = grpc::ByteBuffer(&empty, 1);
    grpc::ByteBuffer response;
    grpc::Status status;
    absl::Notification done;
    stub.UnaryCall(&context, method, grpc::StubOptions(), &request, &response,
                   [&](grpc::Status s) {
                     status = std::move(s);
                     done.Notify();
                   });
    done.WaitForNotification();
    return status;
  }

  static TlsOptions Tls(const std::string& cert, const std::string& key,
                        const std::string& client_ca = "") {
    TlsOptions tls;
    tls.cert_file = cert;
    tls.key_file = key;
    tls.client_ca_file = client_ca;
    return tls;
  }
  static AuthOptions Tokens(const std::string& file) {
    AuthOptions auth;
    auth.tokens_file = file;
    return auth;
  }

  static ClientSecurityOptions Token(const std::string& token) {
    ClientSecurityOptions options;
    options.token = token;
    return options;
  }

  HealthService health_;
  testing::TempDir dir_;
  std::string tokens_file_;
  std::optional<testing::TestPki> pki_;
  std::unique_ptr<grpc::Server> server_;
  std::string address_;
  // What checks the server's tokens; null without a token file.
  std::shared_ptr<TokenAuthProcessor> token_processor_;
};

TEST_F(CredentialsTest, PlaintextWithoutTokensLetsEveryCallerIn) {
  Serve(TlsOptions(), AuthOptions());
  EXPECT_EQ(Call(kIngestMethod, {}).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
  EXPECT_EQ(Call(kHealthCheck, {}).error_code(), grpc::StatusCode::OK);
}

// Replaced tokens decide every call that follows: a token only the old
// table held is refused, one only the new table holds admitted, with the
// role the new table gives it.
TEST_F(CredentialsTest, ReplacedTokensDecideTheCallsThatFollow) {
  Serve(TlsOptions(), Tokens(tokens_file_));
  ASSERT_NE(token_processor_, nullptr);
  EXPECT_EQ(token_processor_->token_count(), 3u);
  EXPECT_EQ(Call(kIngestMethod, Token(kIngestToken)).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);

  constexpr char kNewIngestToken[] = "ingest-fedcba9876543210";
  absl::StatusOr<TokenTable> replacement = TokenTable::Parse(
      absl::StrCat("ingest ", kNewIngestToken, " crawler-2\n", "ingest ",
                   kReadToken, " dashboard-now-ingests\n"),
      "replacement");
  ASSERT_TRUE(replacement.ok()) << replacement.status();
  token_processor_->ReplaceTokens(*std::move(replacement));
  EXPECT_EQ(token_processor_->token_count(), 2u);

  grpc::Status revoked = Call(kIngestMethod, Token(kIngestToken));
  EXPECT_EQ(revoked.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(revoked.error_message(), HasSubstr("not one this server knows"));
  EXPECT_EQ(Call(kIngestMethod, Token(kAdminToken)).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Call(kIngestMethod, Token(kNewIngestToken)).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
  // The read token was refused this method; its new role is accepted.
  EXPECT_EQ(Call(kIngestMethod, Token(kReadToken)).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
}

TEST_F(CredentialsTest, NoTokenFileNoTokenProcessor) {
  Serve(TlsOptions(), AuthOptions());
  EXPECT_EQ(token_processor_, nullptr);
}

TEST_F(CredentialsTest, TokensOnLoopbackAdmitOnlyTheRolesAMethodAccepts) {
  AuthOptions auth;
  auth.tokens_file = tokens_file_;
  Serve(TlsOptions(), auth);

  grpc::Status none = Call(kIngestMethod, {});
  EXPECT_EQ(none.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(none.error_message(), HasSubstr("needs a token"));
  grpc::Status unknown = Call(kIngestMethod, Token("not-a-known-token-at-all"));
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(unknown.error_message(), HasSubstr("not one this server knows"));

  grpc::Status reader = Call(kIngestMethod, Token(kReadToken));
  EXPECT_EQ(reader.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(reader.error_message(),
              HasSubstr("client \"dashboard\" has role read; /test.Ingest/Put "
                        "needs ingest or admin"));
  EXPECT_EQ(Call(kIngestMethod, Token(kIngestToken)).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
  EXPECT_EQ(Call(kIngestMethod, Token(kAdminToken)).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
  // A service the policy does not name: admin only.
  EXPECT_EQ(Call(kOtherMethod, Token(kIngestToken)).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Call(kOtherMethod, Token(kAdminToken)).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);

  // Health is public by default; reflection takes any known token.
  EXPECT_EQ(Call(kHealthCheck, {}).error_code(), grpc::StatusCode::OK);
  const std::string reflection =
      "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";
  EXPECT_EQ(Call(reflection, {}).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_TRUE(PassedAuth(Call(reflection, Token(kReadToken))));
}

TEST_F(CredentialsTest, HealthAndReflectionFollowTheirOptions) {
  AuthOptions auth;
  auth.tokens_file = tokens_file_;
  auth.public_health = false;
  auth.public_reflection = true;
  Serve(TlsOptions(), auth);
  EXPECT_EQ(Call(kHealthCheck, {}).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Call(kHealthCheck, Token(kIngestToken)).error_code(),
            grpc::StatusCode::OK);
  EXPECT_TRUE(PassedAuth(
      Call("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", {})));
}

TEST_F(CredentialsTest, TlsAcceptsOnlyClientsThatTrustItsCa) {
  Serve(Tls(Pki().server_cert, Pki().server_key), AuthOptions());
  ClientSecurityOptions trusting;
  trusting.tls_ca_file = Pki().ca_cert;
  EXPECT_EQ(Call(kIngestMethod, trusting).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
  // Plaintext to a TLS port, and TLS trusting another CA: no connection.
  EXPECT_EQ(Call(kIngestMethod, {}).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  ClientSecurityOptions wrong_ca;
  wrong_ca.tls_ca_file = dir_.Sub("stranger-ca.pem");
  EXPECT_EQ(Call(kIngestMethod, wrong_ca).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  // A name the certificate does not carry.
  ClientSecurityOptions wrong_name = trusting;
  wrong_name.tls_server_name = "accord.example.org";
  EXPECT_EQ(Call(kIngestMethod, wrong_name).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST_F(CredentialsTest, MutualTlsAcceptsOnlyCertificatesOfTheClientCa) {
  Serve(Tls(Pki().server_cert, Pki().server_key, Pki().ca_cert),
        Tokens(tokens_file_));
  ClientSecurityOptions client;
  client.tls_ca_file = Pki().ca_cert;
  client.token = kIngestToken;
  EXPECT_EQ(Call(kIngestMethod, client).error_code(),
            grpc::StatusCode::UNAVAILABLE);  // no client certificate
  client.tls_cert_file = Pki().stranger_cert;
  client.tls_key_file = Pki().stranger_key;
  EXPECT_EQ(Call(kIngestMethod, client).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  client.tls_cert_file = Pki().client_cert;
  client.tls_key_file = Pki().client_key;
  EXPECT_EQ(Call(kIngestMethod, client).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
  // The certificate gets the connection; the token still decides.
  client.token = kReadToken;
  EXPECT_EQ(Call(kIngestMethod, client).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  client.token.clear();
  EXPECT_EQ(Call(kIngestMethod, client).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(CredentialsTest, RenewedFilesServeNewConnectionsWithoutARestart) {
  // The files the server is given, first those of one PKI, then renewed
  // from another: a new server certificate and key, and a new client CA.
  const std::string cert = dir_.Sub("live-cert.pem");
  const std::string key = dir_.Sub("live-key.pem");
  const std::string ca = dir_.Sub("live-ca.pem");
  auto put = [](const std::string& from, const std::string& to) {
    // As an operator should: a complete file renamed into place.
    std::filesystem::copy_file(
        from, to + ".new", std::filesystem::copy_options::overwrite_existing);
    std::filesystem::rename(to + ".new", to);
  };
  put(Pki().server_cert, cert);
  put(Pki().server_key, key);
  put(Pki().ca_cert, ca);
  std::filesystem::create_directories(dir_.Sub("renewed"));
  absl::StatusOr<testing::TestPki> renewed =
      testing::MakeTestPki(dir_.Sub("renewed"));
  ASSERT_TRUE(renewed.ok()) << renewed.status();

  TlsOptions tls = Tls(cert, key, ca);
  tls.reload_interval = absl::Seconds(1);
  Serve(tls, Tokens(tokens_file_));
  ClientSecurityOptions old_client;
  old_client.tls_ca_file = Pki().ca_cert;
  old_client.tls_cert_file = Pki().client_cert;
  old_client.tls_key_file = Pki().client_key;
  old_client.token = kIngestToken;
  ClientSecurityOptions new_client;
  new_client.tls_ca_file = renewed->ca_cert;
  new_client.tls_cert_file = renewed->client_cert;
  new_client.tls_key_file = renewed->client_key;
  new_client.token = kIngestToken;
  EXPECT_EQ(Call(kIngestMethod, old_client).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
  EXPECT_EQ(Call(kIngestMethod, new_client).error_code(),
            grpc::StatusCode::UNAVAILABLE);

  put(renewed->server_key, key);
  put(renewed->server_cert, cert);
  put(renewed->ca_cert, ca);
  // Read again within a second or two; a loaded machine gets longer.
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  grpc::Status status;
  do {
    absl::SleepFor(absl::Milliseconds(200));
    status = Call(kIngestMethod, new_client);
  } while (status.error_code() != grpc::StatusCode::UNIMPLEMENTED &&
           absl::Now() < deadline);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNIMPLEMENTED)
      << status.error_message();
  // The old CA signed neither the server's certificate nor, now, what the
  // server accepts from clients.
  EXPECT_EQ(Call(kIngestMethod, old_client).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  ClientSecurityOptions old_certificate = new_client;
  old_certificate.tls_cert_file = Pki().client_cert;
  old_certificate.tls_key_file = Pki().client_key;
  EXPECT_EQ(Call(kIngestMethod, old_certificate).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST_F(CredentialsTest, RefusesConfigurationsThatCannotWork) {
  struct Case {
    std::string listen;
    TlsOptions tls;
    AuthOptions auth;
    std::string message;
  };
  std::ofstream(dir_.Sub("empty.pem")) << "not a certificate\n";
  TlsOptions every_half_second = Tls(Pki().server_cert, Pki().server_key);
  every_half_second.reload_interval = absl::Milliseconds(500);
  const Case cases[] = {
      {"0.0.0.0:50051", TlsOptions(), Tokens(tokens_file_), "in the clear"},
      {"127.0.0.1:0", Tls(Pki().server_cert, ""), AuthOptions(), "go together"},
      {"127.0.0.1:0", Tls("", "", Pki().ca_cert), AuthOptions(), "needs"},
      {"127.0.0.1:0", Tls(Pki().server_cert, Pki().client_key), AuthOptions(),
       "does not match the certificate"},
      {"127.0.0.1:0", Tls(dir_.Sub("empty.pem"), Pki().server_key),
       AuthOptions(), "holds no PEM certificate"},
      {"127.0.0.1:0", Tls(dir_.Sub("missing.pem"), Pki().server_key),
       AuthOptions(), "cannot read"},
      {"127.0.0.1:0", TlsOptions(), Tokens(dir_.Sub("missing")), "cannot read"},
      {"127.0.0.1:0", every_half_second, AuthOptions(), "at least 1s"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
        MakeServerCredentials(c.listen, c.tls, c.auth, AccessPolicy());
    ASSERT_FALSE(credentials.ok()) << c.message;
    EXPECT_EQ(credentials.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(credentials.status().message(), HasSubstr(c.message));
  }
}

// What `openssl x509 ARGS -in FILE` prints.
std::string OpenSsl(const std::string& args, const std::string& file) {
  const std::string command = "openssl x509 " + args + " -in " + file;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "";
  std::string out;
  char buffer[512];
  while (fgets(buffer, sizeof(buffer), pipe) != nullptr) out += buffer;
  pclose(pipe);
  return std::string(absl::StripAsciiWhitespace(out));
}

TEST_F(CredentialsTest, CheckedFilesSayWhatOpenSslSays) {
  absl::StatusOr<ServerCertificate> read =
      CheckServerTlsFiles(Tls(Pki().server_cert, Pki().server_key));
  ASSERT_TRUE(read.ok()) << read.status();
  // "sha256 Fingerprint=AB:CD:..." (the label's case varies by version).
  std::string fingerprint =
      OpenSsl("-noout -fingerprint -sha256", Pki().server_cert);
  fingerprint = fingerprint.substr(fingerprint.find('=') + 1);
  fingerprint =
      absl::AsciiStrToLower(absl::StrReplaceAll(fingerprint, {{":", ""}}));
  EXPECT_EQ(read->sha256, fingerprint);
  EXPECT_EQ(read->sha256.size(), 64u);
  // "notAfter=Dec  7 11:11:17 2026 GMT"
  const std::string end = OpenSsl("-noout -enddate", Pki().server_cert);
  absl::Time not_after;
  std::string error;
  ASSERT_TRUE(absl::ParseTime("notAfter=%b %e %H:%M:%S %Y GMT", end,
                              absl::UTCTimeZone(), &not_after, &error))
      << end << ": " << error;
  EXPECT_EQ(read->not_after, not_after);
  EXPECT_EQ(read->subject,
            OpenSsl("-noout -subject -nameopt RFC2253", Pki().server_cert)
                .substr(std::string("subject=").size()));
  // The same refusals as at start.
  EXPECT_THAT(CheckServerTlsFiles(Tls(Pki().server_cert, Pki().client_key))
                  .status()
                  .message(),
              HasSubstr("does not match the certificate"));
  EXPECT_THAT(CheckServerTlsFiles(Tls(Pki().server_cert, Pki().server_key,
                                      dir_.Sub("missing-ca.pem")))
                  .status()
                  .message(),
              HasSubstr("--tls_client_ca_file: cannot read"));
}

TEST(IsLoopbackListenTest, KnowsLoopbackAddresses) {
  EXPECT_TRUE(IsLoopbackListen("127.0.0.1:50051"));
  EXPECT_TRUE(IsLoopbackListen("127.1.2.3:0"));
  EXPECT_TRUE(IsLoopbackListen("localhost:50051"));
  EXPECT_TRUE(IsLoopbackListen("[::1]:50051"));
  EXPECT_FALSE(IsLoopbackListen("0.0.0.0:50051"));
  EXPECT_FALSE(IsLoopbackListen("[::]:50051"));
  EXPECT_FALSE(IsLoopbackListen("127.0.0.1.example.org:50051"));
  EXPECT_FALSE(IsLoopbackListen("10.0.0.1:50051"));
  EXPECT_FALSE(IsLoopbackListen("50051"));
}

}  // namespace
}  // namespace accord::rpc
