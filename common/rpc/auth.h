// Who may call what on an Accord server: bearer tokens, each with one role
// (ingest, read, admin), and the roles each method accepts.
//
// A token file holds one token per line:
//
//   # role   token (or sha256:<its SHA-256 in hex>)        client name
//   ingest   3f0c9d2e8a41b7c6d5e4f3a2b1c0d9e8               crawler-eu
//   read     sha256:9b74c9897bac770ffc029102a200c5de...     dashboard
//   admin    0a1b2c3d4e5f60718293a4b5c6d7e8f9               ops
//
// A client sends its token as the metadata "authorization: Bearer TOKEN".
// TokenAuthProcessor checks it in gRPC's transport security layer, before
// any handler runs: a call without a known token ends UNAUTHENTICATED, a
// token whose role the method does not accept PERMISSION_DENIED. (That
// layer carries a code and a message, no google.rpc details.) The table
// can be replaced while the server runs (ReplaceTokens: RunServer does it
// on SIGHUP), so that an operator revokes or adds a token without a
// restart.
#ifndef ACCORD_COMMON_RPC_AUTH_H_
#define ACCORD_COMMON_RPC_AUTH_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/security/auth_metadata_processor.h"

namespace accord::rpc {

enum class Role : uint8_t { kIngest, kRead, kAdmin };

// "ingest", "read", "admin".
absl::string_view RoleName(Role role);

// A set of roles, as a bit mask.
class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (Role role : roles) bits_ |= Bit(role);
  }
  bool Has(Role role) const { return (bits_ & Bit(role)) != 0; }
  bool empty() const { return bits_ == 0; }
  // "ingest or read".
  std::string ToString() const;

 private:
  static constexpr uint8_t Bit(Role role) {
    return static_cast<uint8_t>(1u << static_cast<uint8_t>(role));
  }
  uint8_t bits_ = 0;
};

// A client a token file names.
struct TokenClient {
  std::string name;
  Role role = Role::kRead;
};

// The tokens of a token file, kept as their SHA-256 digests only.
class TokenTable {
 public:
  // Reads a token file (format above). InvalidArgument names the file and
  // line of the first bad entry: an unknown role, a token shorter than
  // kMinTokenLength or with characters a header cannot carry, a malformed
  // digest, a token listed twice, or a file without tokens.
  static absl::StatusOr<TokenTable> Load(const std::string& path);
  static absl::StatusOr<TokenTable> Parse(absl::string_view text,
                                          absl::string_view source);

  // The client whose token this is, or null.
  const TokenClient* Find(absl::string_view token) const;
  size_t size() const { return clients_.size(); }

  static constexpr size_t kMinTokenLength = 16;

 private:
  // Hex SHA-256 of the token -> its client.
  absl::flat_hash_map<std::string, TokenClient> clients_;
};

// What each method requires, by full method name ("/pkg.Service/Method").
class AccessPolicy {
 public:
  // Every method of `service` ("accord.v1.QueryService") accepts `roles`
  // (and admin).
  void AllowService(absl::string_view service, RoleSet roles);
  // `method` ("accord.v1.IngestService/GetBundle") accepts `roles` (and
  // admin), in place of its service's.
  void AllowMethod(absl::string_view method, RoleSet roles);
  // Every method of `service` may be called without a token.
  void MakePublic(absl::string_view service);
  // Every method of `service` accepts any known token, whatever its role.
  void AllowAnyRole(absl::string_view service);

  enum class Need { kNothing, kAnyToken, kRoles, kAdminOnly };
  struct Requirement {
    Need need = Need::kAdminOnly;
    RoleSet roles;
  };
  // What a call of `path` ("/accord.v1.QueryService/GetDocument") needs.
  // Methods of services the policy does not name: admin only.
  Requirement For(absl::string_view path) const;

 private:
  absl::flat_hash_map<std::string, Requirement> services_;
  absl::flat_hash_map<std::string, Requirement> methods_;
};

// The auth context property naming the caller (its token file name), and
// the one holding its role.
inline constexpr char kClientProperty[] = "accord_client";
inline constexpr char kRoleProperty[] = "accord_role";

// Checks every call's bearer token against `tokens` and `policy`; a caller
// that passes gets kClientProperty and kRoleProperty in its auth context.
class TokenAuthProcessor final : public grpc::AuthMetadataProcessor {
 public:
  TokenAuthProcessor(TokenTable tokens, AccessPolicy policy)
      : policy_(std::move(policy)),
        tokens_(std::make_shared<const TokenTable>(std::move(tokens))) {}

  // Hash lookups only: run on gRPC's own thread.
  bool IsBlocking() const override { return false; }
  grpc::Status Process(const InputMetadata& auth_metadata,
                       grpc::AuthContext* context,
                       OutputMetadata* consumed_auth_metadata,
                       OutputMetadata* response_metadata) override;

  // Checks the calls that arrive from now on against `tokens` alone: a
  // token only the old table held is refused, a new one accepted. Calls
  // already admitted run on.
  void ReplaceTokens(TokenTable tokens) ABSL_LOCKS_EXCLUDED(mu_);
  // How many tokens calls are checked against now.
  size_t token_count() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  std::shared_ptr<const TokenTable> tokens() const ABSL_LOCKS_EXCLUDED(mu_);

  const AccessPolicy policy_;
  mutable absl::Mutex mu_;
  // Shared with the calls being checked, which keep the table they started
  // with.
  std::shared_ptr<const TokenTable> tokens_ ABSL_GUARDED_BY(mu_);
};

}  // namespace accord::rpc

#endif  // ACCORD_COMMON_RPC_AUTH_H_
