// Transport security for Accord's servers and clients: TLS (optionally
// mutual) from PEM files, and bearer tokens (auth.h).
//
// A server's credentials follow from its options:
//   - TLS files given: TLS, with client certificates required and verified
//     when a client CA is given; tokens checked if a token file is given.
//     The files are read again every TlsOptions::reload_interval, so a
//     renewed certificate needs no restart.
//   - no TLS, a token file: only on a loopback address (tokens would travel
//     in the clear otherwise); gRPC's local credentials, which refuse
//     peers that are not on this host, with the tokens checked.
//   - neither: plaintext, every caller allowed (the local default).
#ifndef ACCORD_COMMON_RPC_CREDENTIALS_H_
#define ACCORD_COMMON_RPC_CREDENTIALS_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "common/rpc/auth.h"
#include "grpcpp/client_context.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/security/server_credentials.h"

namespace accord::rpc {

struct TlsOptions {
  // PEM certificate chain and private key; both or neither. Default: none
  // (plaintext).
  std::string cert_file;
  std::string key_file;
  // PEM CA certificates: when set, every client must present a certificate
  // they signed (mutual TLS). Default: none (clients are not asked).
  std::string client_ca_file;
  // How often a server reads the three files again, so that a renewed
  // certificate, key or CA is used without a restart: new connections get
  // what was read last, open ones keep theirs. Replace a file by renaming
  // a complete new one over it (as Kubernetes' secret volumes do), the
  // key and certificate within one interval: a half-written file, or a
  // key read with the certificate it replaces, fails the handshakes until
  // the next read. Whole seconds, at least 1. Default: 1 minute.
  absl::Duration reload_interval = absl::Minutes(1);
};

struct AuthOptions {
  // Token file (auth.h). Default: none: no token is asked for.
  std::string tokens_file;
  // With tokens on, grpc.health.v1.Health answers without a token (load
  // balancers and Kubernetes probes send none). Default: true.
  bool public_health = true;
  // With tokens on, server reflection answers without a token. Default:
  // false: any known token, whatever its role.
  bool public_reflection = false;
};

// True for "127.0.0.1:PORT", "localhost:PORT", "[::1]:PORT" and the rest of
// 127.0.0.0/8.
bool IsLoopbackListen(absl::string_view listen);

// The credentials a server listening on `listen` uses (see above), with
// `policy` saying which roles each method accepts when tokens are on.
// InvalidArgument names the flag or file at fault: unreadable or malformed
// PEM, a key that does not match the certificate, a bad token file, tokens
// over plaintext on a non-loopback address. With `token_processor`, sets
// it to what checks the tokens (null without a token file), whose tokens
// the caller may replace later (RunServer on SIGHUP).
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    absl::string_view listen, const TlsOptions& tls, const AuthOptions& auth,
    AccessPolicy policy,
    std::shared_ptr<TokenAuthProcessor>* token_processor = nullptr);

// The certificate a server's TLS files hold, as read now.
struct ServerCertificate {
  // SHA-256 of the certificate (DER), hex: what `openssl x509 -noout
  // -fingerprint -sha256` prints, without the colons.
  std::string sha256;
  // "CN=accord.example.org" (RFC 2253).
  std::string subject;
  absl::Time not_after;
};

// Reads tls.cert_file and tls.key_file (and tls.client_ca_file, if set)
// and checks them as MakeServerCredentials does at start: PEM, the key
// against the certificate. For a running server to say what its files
// hold after a renewal, and when they no longer load. InvalidArgument
// names the flag and file at fault.
absl::StatusOr<ServerCertificate> CheckServerTlsFiles(const TlsOptions& tls);

struct ClientSecurityOptions {
  // PEM CA certificates that signed the server's certificate: when set,
  // the channel uses TLS. Default: none (plaintext).
  std::string tls_ca_file;
  // The client's own PEM certificate and key, for servers that ask for
  // one (mutual TLS); both or neither. Default: none.
  std::string tls_cert_file;
  std::string tls_key_file;
  // The name the server's certificate must carry, when not the host of
  // the address dialed. Default: the address's host.
  std::string tls_server_name;
  // File whose first line is the bearer token. Default: none.
  std::string token_file;
  // The token itself (e.g. from $ACCORD_TOKEN), if no token_file. Default:
  // none.
  std::string token;
};

// What a client adds to every channel and call.
class ClientSecurity {
 public:
  // Reads the files of `options`. InvalidArgument names the one at fault.
  static absl::StatusOr<ClientSecurity> Create(
      const ClientSecurityOptions& options);

  // Insecure, TLS or mutual TLS.
  std::shared_ptr<grpc::ChannelCredentials> channel_credentials() const {
    return credentials_;
  }
  // Channel arguments the credentials need (the TLS server name).
  void AddChannelArguments(grpc::ChannelArguments* args) const;
  // Adds the token to a call's metadata, if there is one.
  void Apply(grpc::ClientContext* context) const;
  bool has_token() const { return !token_.empty(); }

 private:
  std::shared_ptr<grpc::ChannelCredentials> credentials_;
  std::string server_name_;
  std::string token_;
};

}  // namespace accord::rpc

#endif  // ACCORD_COMMON_RPC_CREDENTIALS_H_
