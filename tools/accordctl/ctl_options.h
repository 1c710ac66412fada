// What the accordctl command line asks for, as one struct: main.cc fills
// it from the options and the commands (commands.h) read it.
#ifndef ACCORD_TOOLS_ACCORDCTL_CTL_OPTIONS_H_
#define ACCORD_TOOLS_ACCORDCTL_CTL_OPTIONS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "accord/v1/query_service.pb.h"
#include "accord/v1/understanding.pb.h"
#include "common/rpc/credentials.h"
#include "tools/accordctl/progress.h"

namespace accord::ctl {

// --color: auto marks matched words in bold only on a terminal.
enum class ColorMode { kAuto, kAlways, kNever };

struct CtlOptions {
  // ---- Servers (every command)

  // Default: "localhost:50051".
  std::string ingest_addr = "localhost:50051";
  // Default: "localhost:50052".
  std::string query_addr = "localhost:50052";
  // Deadline of each call. Default: 10 minutes.
  absl::Duration timeout = absl::Minutes(10);
  // TLS files and the bearer token (--tls_*, --token_file, $ACCORD_TOKEN).
  // Default: plaintext, no token.
  rpc::ClientSecurityOptions security;
  // Made from `security` by main before any command runs. Default (null):
  // plaintext, no token.
  std::shared_ptr<const rpc::ClientSecurity> credentials;

  // ---- ingest: what the bundle records

  // Default: "accordctl".
  std::string submitter = "accordctl";
  // Default: none.
  std::string label;
  // Idempotency key: re-sending with the same key stores nothing new.
  // Default: none.
  std::string request_id;
  // Content type of every file, in place of the guess from its name.
  // Default: guessed (ContentTypeForPath).
  std::string content_type;
  // Charset added to every file's content type, e.g. "iso-8859-1".
  // Default: none (the server reads UTF-8 or a byte-order mark).
  std::string charset;

  // ---- ingest: how the bundle travels

  // Bundles larger than this go by StreamIngest. Default: 16 MiB.
  int64_t stream_threshold_bytes = int64_t{16} << 20;
  // Content bytes per StreamIngest message. Default: 4 MiB.
  int64_t chunk_bytes = int64_t{4} << 20;
  // While the ingest-service answers INGEST_BUSY (the bundles it is
  // receiving hold its memory for them; nothing was stored), the bundle is
  // sent again after the delay the server asks, for at most this long.
  // Zero: never. Default: 2 minutes.
  absl::Duration busy_wait = absl::Minutes(2);

  // ---- search (page_size, page_token: entities too)

  // Only documents in these languages. Default: all.
  std::vector<std::string> languages;
  // Only documents from these agencies or URL hosts. Default: all.
  std::vector<std::string> sources;
  // Default: 10.
  int page_size = 10;
  // Continues a previous search. Default: the first page.
  std::string page_token;
  // Only documents naming every one of these entity ids. Default: none.
  std::vector<std::string> entity_ids;
  // Only documents carrying one of these topic ids. Default: any.
  std::vector<std::string> topic_ids;
  // Only the documents of this story. Default: any.
  std::string story_id;
  // Facets to count over all matches. Default: none.
  std::vector<accord::v1::FacetField> facets;
  // Values per facet. Default (0): the server's, 10.
  int facet_size = 0;

  // ---- stories (with --topics and paging)

  // Only stories of at least this many documents. Default: all.
  int min_documents = 0;
  // Default: newest first.
  accord::v1::StoryOrder story_order = accord::v1::STORY_ORDER_NEWEST;

  // ---- watch (with the search filters above)

  // Where to start. Default: the documents stored from now on.
  std::string resume_token;
  // Stop after this many documents. Default (0): no limit.
  int64_t limit = 0;
  // Whether --timeout was given: a watch runs until interrupted otherwise.
  bool timeout_given = false;

  // ---- entity, entities

  // How many of the entity's documents to list (entity: 1..1000, default
  // the server's 100; entities: 1..100 of each, default the server's 10).
  int max_documents = 0;
  // entities: only these kinds. Default: all.
  std::vector<accord::v1::EntityKind> kinds;

  // ---- events: the timeline's filters
  // Entity ids that all take part (two countries: the events between
  // them). Default: none.
  std::vector<std::string> participants;
  // Default: any place.
  std::string place;
  // Default: every type (search too).
  std::vector<accord::v1::EventType> event_types;
  // ISO 8601 dates ("2017", "2017-11", "2017-11-10"). Default: open.
  std::string start_date;
  std::string end_date;

  // ---- event, story

  // How many reports (event) or documents (story) to list (1..1000).
  // Default (0): the server's, 100.
  int max_reports = 0;
  int max_members = 0;

  // ---- health

  // "ingest" or "query": check that server only (a container's health
  // check). Default: both.
  std::string health_only;

  // ---- backup

  // Backups to keep after this one. Default (0): the server's.
  int keep_backups = 0;

  // ---- Output

  // Replies as JSON (every command).
  bool json = false;
  // get: the bytes as submitted.
  bool raw = false;
  // ingest, bundle: only rejected documents and the summary line.
  bool quiet = false;
  // ingest: progress on stderr. Default: on a terminal, unless --quiet.
  ProgressMode progress = ProgressMode::kAuto;
  // search: matched words in bold. Default: on a terminal.
  ColorMode color = ColorMode::kAuto;
};

}  // namespace accord::ctl

#endif  // ACCORD_TOOLS_ACCORDCTL_CTL_OPTIONS_H_
