#include "bench/engines/postgres_engine.h"

#include <arpa/inet.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"

namespace accord::bench {
namespace {

constexpr const char* kConfigs[] = {"english", "french",  "german",
                                    "spanish", "russian", "simple"};

const char* ConfigFor(const std::string& language) {
  static const auto* const kByLanguage = new std::map<std::string, const char*>{
      {"en", "english"}, {"fr", "french"},  {"de", "german"},
      {"es", "spanish"}, {"ru", "russian"}, {"vi", "simple"}};
  auto it = kByLanguage->find(language);
  return it == kByLanguage->end() ? "simple" : it->second;
}

// A TCP port nobody listens on now (the server only uses it to name its
// socket file, but a free one keeps `psql -p` and logs unambiguous).
int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  int port = 54329;
  if (fd >= 0 && bind(fd, reinterpret_cast<sockaddr*>(&addr), len) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  if (fd >= 0) close(fd);
  return port;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The COPY text-format escape of one field.
void AppendCopyField(absl::string_view field, std::string* out) {
  for (char c : field) {
    switch (c) {
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        out->push_back(c);
    }
  }
}

// Accord's syntax -> websearch_to_tsquery's: bare words joined with "or",
// quoted phrases kept.
std::string ToWebsearch(absl::string_view query) {
  std::vector<std::string> clauses;
  bool in_phrase = false;
  for (absl::string_view part : absl::StrSplit(query, '"')) {
    if (in_phrase) {
      clauses.push_back(absl::StrCat("\"", part, "\""));
    } else {
      for (absl::string_view w : absl::StrSplit(part, ' ', absl::SkipEmpty())) {
        clauses.emplace_back(w);
      }
    }
    in_phrase = !in_phrase;
  }
  return absl::StrJoin(clauses, " or ");
}

class PostgresEngine final : public Engine {
 public:
  PostgresEngine(std::string dir, PostgresOptions options)
      : dir_(std::move(dir)), options_(std::move(options)) {}

  ~PostgresEngine() override {
    if (conn_ != nullptr) PQfinish(conn_);
    if (started_) {
      Run(absl::StrCat(Bin("pg_ctl"), " stop -m fast -w -D '", dir_,
                       "/data' > /dev/null 2>&1"));
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  absl::Status Start() {
    if (!std::filesystem::exists(options_.bin_dir + "/initdb")) {
      return absl::NotFoundError(
          absl::StrCat("no ", options_.bin_dir, "/initdb (postgresql-15)"));
    }
    if (geteuid() == 0) {  // the server refuses to run as root
      const passwd* pw = getpwnam("postgres");
      if (pw == nullptr) return absl::NotFoundError("no postgres OS user");
      if (chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
        return absl::InternalError(absl::StrCat("chown ", dir_));
      }
      as_user_ = "runuser -u postgres -- ";
    }
    port_ = FreePort();
    // The socket is <dir>/.s.PGSQL.<port>, and sun_path holds 107 bytes.
    if (dir_.size() + 20 > 107) {
      return absl::InvalidArgumentError(
          absl::StrCat("work_dir too long for a Unix socket path: ", dir_));
    }
    // initdb's output is redirected by this process (root); the server log
    // is written by the server (postgres): two files.
    const std::string initdb_log = dir_ + "/initdb.log";
    const std::string log = dir_ + "/server.log";
    if (Run(absl::StrCat(Bin("initdb"), " -D '", dir_, "/data' -U postgres ",
                         "-A trust -E UTF8 --locale=C.UTF-8 --no-sync > '",
                         initdb_log, "' 2>&1")) != 0) {
      return absl::InternalError("initdb failed:\n" + ReadFile(initdb_log));
    }
    const std::string settings = absl::StrCat(
        "-p ", port_, " -k ", dir_,
        " -c listen_addresses= -c wal_level=minimal -c max_wal_senders=0"
        " -c maintenance_work_mem=1GB -c max_wal_size=8GB"
        " -c shared_buffers=512MB -c jit=off -c fsync=on");
    if (Run(absl::StrCat(Bin("pg_ctl"), " start -w -t 60 -D '", dir_,
                         "/data' -l '", log, "' -o '", settings,
                         "' > /dev/null 2>&1")) != 0) {
      return absl::InternalError("pg_ctl start failed:\n" + ReadFile(log));
    }
    started_ = true;
    conn_ = PQconnectdb(absl::StrCat("host=", dir_, " port=", port_,
                                     " user=postgres dbname=postgres")
                            .c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      return absl::UnavailableError(
          absl::StrCat("connect: ", PQerrorMessage(conn_)));
    }
    return Exec(
        "SET client_min_messages = warning; "
        "SET plan_cache_mode = force_custom_plan");
  }

  std::string name() const override { return "postgres"; }

  absl::Status Load(const std::vector<GeneratedDoc>& docs) override {
    const bool column =
        options_.layout == PostgresOptions::Layout::kStoredColumn;
    bool in_copy = false;
    absl::Status status = Exec(
        absl::StrCat(
            "BEGIN; CREATE TABLE docs (id bigint, lang regconfig, body text",
            column ? ", tsv tsvector GENERATED ALWAYS AS (to_tsvector(lang, "
                     "body)) "
                     "STORED"
                   : "",
            "); COPY docs (id, lang, body) FROM STDIN"),
        &in_copy);
    if (status.ok() && !in_copy) status = absl::InternalError("no COPY");
    if (!status.ok()) return status;
    PGresult* res = nullptr;
    std::string buffer;
    for (size_t i = 0; i < docs.size(); ++i) {
      absl::StrAppend(&buffer, i, "\t", ConfigFor(docs[i].language), "\t");
      AppendCopyField(docs[i].text, &buffer);
      buffer += '\n';
      if (buffer.size() > (1 << 20) || i + 1 == docs.size()) {
        if (PQputCopyData(conn_, buffer.data(), buffer.size()) != 1) {
          return absl::InternalError(PQerrorMessage(conn_));
        }
        buffer.clear();
      }
    }
    if (PQputCopyEnd(conn_, nullptr) != 1) {
      return absl::InternalError(PQerrorMessage(conn_));
    }
    while ((res = PQgetResult(conn_)) != nullptr) {
      if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        status = absl::InternalError(PQresultErrorMessage(res));
      }
      PQclear(res);
    }
    if (!status.ok()) return status;
    const std::string vector = column ? "tsv" : "to_tsvector(lang, body)";
    status = Exec(absl::StrCat("CREATE INDEX docs_fts ON docs USING GIN (",
                               vector, "); ANALYZE docs; COMMIT"));
    if (!status.ok()) return status;

    std::vector<std::string> tsqueries;
    for (const char* config : kConfigs) {
      tsqueries.push_back(
          absl::StrCat("websearch_to_tsquery('", config, "', $1)"));
    }
    const std::string q =
        absl::StrCat("(", absl::StrJoin(tsqueries, " || "), ")");
    res = PQprepare(
        conn_, "search",
        absl::StrCat("SELECT id FROM docs WHERE ", vector, " @@ ", q,
                     " ORDER BY ts_rank(", vector, ", ", q, ") DESC LIMIT $2")
            .c_str(),
        2, nullptr);
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
      status = absl::InternalError(PQresultErrorMessage(res));
    }
    PQclear(res);
    return status;
  }

  absl::StatusOr<size_t> Search(const std::string& query, size_t k) override {
    const std::string websearch = ToWebsearch(query);
    const std::string limit = std::to_string(k);
    const char* params[] = {websearch.c_str(), limit.c_str()};
    PGresult* res =
        PQexecPrepared(conn_, "search", 2, params, nullptr, nullptr, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
      absl::Status error = absl::InternalError(PQresultErrorMessage(res));
      PQclear(res);
      return error;
    }
    const size_t hits = static_cast<size_t>(PQntuples(res));
    PQclear(res);
    return hits;
  }

  absl::StatusOr<uint64_t> SizeBytes() override {
    PGresult* res = PQexec(conn_, "SELECT pg_total_relation_size('docs')");
    if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
      absl::Status error = absl::InternalError(PQresultErrorMessage(res));
      PQclear(res);
      return error;
    }
    const uint64_t bytes = std::strtoull(PQgetvalue(res, 0, 0), nullptr, 10);
    PQclear(res);
    return bytes;
  }

 private:
  std::string Bin(const char* tool) const {
    return absl::StrCat(as_user_, options_.bin_dir, "/", tool);
  }

  static int Run(const std::string& command) {
    return std::system(command.c_str());
  }

  // Runs SQL (several statements allowed), ignoring rows. When a COPY FROM
  // STDIN starts, returns with *in_copy set: the caller sends the data.
  absl::Status Exec(const std::string& sql, bool* in_copy = nullptr) {
    if (PQsendQuery(conn_, sql.c_str()) != 1) {
      return absl::InternalError(PQerrorMessage(conn_));
    }
    absl::Status status;
    while (PGresult* res = PQgetResult(conn_)) {
      const ExecStatusType type = PQresultStatus(res);
      if (type == PGRES_COPY_IN) {  // hand the COPY over
        PQclear(res);
        if (in_copy != nullptr) *in_copy = true;
        return status;
      }
      if (type != PGRES_COMMAND_OK && type != PGRES_TUPLES_OK && status.ok()) {
        status = absl::InternalError(
            absl::StrCat("postgres: ", PQresultErrorMessage(res), "in: ", sql));
      }
      PQclear(res);
    }
    return status;
  }

  const std::string dir_;
  const PostgresOptions options_;
  std::string as_user_;
  int port_ = 0;
  bool started_ = false;
  PGconn* conn_ = nullptr;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Engine>> NewPostgresEngine(
    const std::string& work_dir, const PostgresOptions& options) {
  std::error_code error;
  std::filesystem::create_directories(work_dir, error);
  std::string dir =
      std::filesystem::absolute(work_dir, error).string() + "/postgres-XXXXXX";
  if (error || mkdtemp(dir.data()) == nullptr) {
    return absl::InternalError(absl::StrCat("cannot create ", dir));
  }
  auto engine = std::make_unique<PostgresEngine>(dir, options);
  if (absl::Status started = engine->Start(); !started.ok()) return started;
  return engine;
}

}  // namespace accord::bench
