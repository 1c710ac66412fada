#include "common/rpc/auth.h"

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/util/hash.h"
#include "common/util/untrusted_text.h"

namespace accord::rpc {
namespace {

constexpr absl::string_view kDigestPrefix = "sha256:";

// RFC 6750's b64token: what a Bearer header value may hold.
bool IsTokenChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
}

absl::StatusOr<Role> ParseRole(absl::string_view name) {
  if (name == "ingest") return Role::kIngest;
  if (name == "read") return Role::kRead;
  if (name == "admin") return Role::kAdmin;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown role \"", EscapeUntrusted(name),
                   "\" (roles: ingest, read, admin)"));
}

// "accord.v1.QueryService" of "/accord.v1.QueryService/GetDocument".
absl::string_view ServiceOf(absl::string_view path) {
  absl::ConsumePrefix(&path, "/");
  return path.substr(0, path.find('/'));
}

std::string ToString(grpc::string_ref ref) {
  return std::string(ref.data(), ref.size());
}

}  // namespace

absl::string_view RoleName(Role role) {
  switch (role) {
    case Role::kIngest:
      return "ingest";
    case Role::kRead:
      return "read";
    case Role::kAdmin:
      return "admin";
  }
  return "unknown";
}

std::string RoleSet::ToString() const {
  std::vector<absl::string_view> names;
  for (Role role : {Role::kIngest, Role::kRead, Role::kAdmin}) {
    if (Has(role)) names.push_back(RoleName(role));
  }
  return absl::StrJoin(names, " or ");
}

absl::StatusOr<TokenTable> TokenTable::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read the token file ", path));
  }
  std::stringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path);
}

absl::StatusOr<TokenTable> TokenTable::Parse(absl::string_view text,
                                             absl::string_view source) {
  TokenTable table;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    auto bad = [&](absl::string_view why) {
      return absl::InvalidArgumentError(
          absl::StrCat(source, ":", line_number, ": ", why));
    };
    std::vector<absl::string_view> fields =
        absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (fields.size() < 2 || fields.size() > 3) {
      return bad("expected \"ROLE TOKEN [CLIENT_NAME]\"");
    }
    absl::StatusOr<Role> role = ParseRole(fields[0]);
    if (!role.ok()) return bad(role.status().message());
    absl::string_view token = fields[1];
    std::string digest;
    if (absl::ConsumePrefix(&token, kDigestPrefix)) {
      if (!IsLowerHex(token, 64)) {
        return bad("a sha256: token is 64 lowercase hex digits");
      }
      digest = std::string(token);
    } else {
      if (token.size() < kMinTokenLength) {
        return bad(absl::StrCat("the token is ", token.size(),
                                " characters; use at least ", kMinTokenLength,
                                " (e.g. openssl rand -hex 32)"));
      }
      for (char c : token) {
        if (!IsTokenChar(c)) {
          return bad(
              "a token may hold letters, digits and -._~+/= only (it travels "
              "in an HTTP header)");
        }
      }
      digest = Sha256Hex(token);
    }
    TokenClient client;
    client.role = *role;
    client.name = fields.size() == 3
                      ? std::string(fields[2])
                      : absl::StrCat(RoleName(*role), "-line-", line_number);
    if (!table.clients_.emplace(digest, std::move(client)).second) {
      return bad("this token is listed twice");
    }
  }
  if (table.clients_.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, " lists no tokens: every call would be refused"));
  }
  return table;
}

const TokenClient* TokenTable::Find(absl::string_view token) const {
  // Compared as digests: the time a lookup takes says nothing about how
  // much of a guessed token was right.
  auto it = clients_.find(Sha256Hex(token));
  return it == clients_.end() ? nullptr : &it->second;
}

void AccessPolicy::AllowService(absl::string_view service, RoleSet roles) {
  services_[service] = {Need::kRoles, roles};
}

void AccessPolicy::AllowMethod(absl::string_view method, RoleSet roles) {
  absl::ConsumePrefix(&method, "/");
  methods_[method] = {Need::kRoles, roles};
}

void AccessPolicy::MakePublic(absl::string_view service) {
  services_[service] = {Need::kNothing, {}};
}

void AccessPolicy::AllowAnyRole(absl::string_view service) {
  services_[service] = {Need::kAnyToken, {}};
}

AccessPolicy::Requirement AccessPolicy::For(absl::string_view path) const {
  absl::string_view method = path;
  absl::ConsumePrefix(&method, "/");
  if (auto it = methods_.find(method); it != methods_.end()) return it->second;
  if (auto it = services_.find(ServiceOf(path)); it != services_.end()) {
    return it->second;
  }
  return Requirement{Need::kAdminOnly, {}};
}

void TokenAuthProcessor::ReplaceTokens(TokenTable tokens) {
  auto replacement = std::make_shared<const TokenTable>(std::move(tokens));
  absl::MutexLock lock(&mu_);
  tokens_.swap(replacement);
  // The old table is freed here or by the last call still checking
  // against it.
}

size_t TokenAuthProcessor::token_count() const { return tokens()->size(); }

std::shared_ptr<const TokenTable> TokenAuthProcessor::tokens() const {
  // Shared: every call reads it, concurrent calls need not queue.
  absl::ReaderMutexLock lock(&mu_);
  return tokens_;
}

grpc::Status TokenAuthProcessor::Process(
    const InputMetadata& auth_metadata, grpc::AuthContext* context,
    OutputMetadata* consumed_auth_metadata,
    OutputMetadata* /*response_metadata*/) {
  std::string path;
  if (auto it = auth_metadata.find(":path"); it != auth_metadata.end()) {
    path = ToString(it->second);
  }
  const AccessPolicy::Requirement requirement = policy_.For(path);
  if (requirement.need == AccessPolicy::Need::kNothing) {
    return grpc::Status::OK;
  }
  auto header = auth_metadata.find("authorization");
  if (header == auth_metadata.end()) {
    return grpc::Status(
        grpc::StatusCode::UNAUTHENTICATED,
        absl::StrCat(path,
                     " needs a token: send the metadata \"authorization: "
                     "Bearer TOKEN\" (accordctl: --token_file)"));
  }
  absl::string_view value(header->second.data(), header->second.size());
  const size_t space = value.find(' ');
  if (space == absl::string_view::npos ||
      !absl::EqualsIgnoreCase(value.substr(0, space), "bearer")) {
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                        "the authorization metadata is not \"Bearer TOKEN\"");
  }
  // Held for the call's check: a replacement meanwhile leaves it intact.
  const std::shared_ptr<const TokenTable> tokens = this->tokens();
  const TokenClient* client =
      tokens->Find(absl::StripAsciiWhitespace(value.substr(space + 1)));
  if (client == nullptr) {
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                        "the bearer token is not one this server knows");
  }
  bool allowed = client->role == Role::kAdmin;
  switch (requirement.need) {
    case AccessPolicy::Need::kAnyToken:
      allowed = true;
      break;
    case AccessPolicy::Need::kRoles:
      allowed = allowed || requirement.roles.Has(client->role);
      break;
    default:
      break;
  }
  if (!allowed) {
    const std::string needed = requirement.need == AccessPolicy::Need::kRoles &&
                                       !requirement.roles.empty()
                                   ? requirement.roles.ToString() + " or admin"
                                   : "admin";
    return grpc::Status(
        grpc::StatusCode::PERMISSION_DENIED,
        absl::StrCat("client \"", client->name, "\" has role ",
                     RoleName(client->role), "; ", path, " needs ", needed));
  }
  context->AddProperty(kClientProperty, client->name);
  context->AddProperty(kRoleProperty, std::string(RoleName(client->role)));
  context->SetPeerIdentityPropertyName(kClientProperty);
  consumed_auth_metadata->insert({"authorization", ToString(header->second)});
  return grpc::Status::OK;
}

}  // namespace accord::rpc
