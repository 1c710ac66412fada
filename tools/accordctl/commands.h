// The accordctl commands, callable without a command line: main.cc turns
// the options into a CtlOptions and calls one of these.
//
// Each prints its result on stdout and errors (prefixed "accordctl: ") on
// stderr, and returns the exit status.
#ifndef ACCORD_TOOLS_ACCORDCTL_COMMANDS_H_
#define ACCORD_TOOLS_ACCORDCTL_COMMANDS_H_

#include <string>
#include <vector>

#include "tools/accordctl/ctl_options.h"

namespace accord::ctl {

// Exit statuses.
inline constexpr int kExitOk = 0;
// A usage error, an RPC error, or (health) a server not SERVING.
inline constexpr int kExitError = 1;
// A bundle was stored but some of its documents were rejected (ingest).
inline constexpr int kExitRejected = 3;

// Sends the files and folders `paths` as one bundle (IngestBundle, or
// StreamIngest above options.stream_threshold_bytes) and prints the report.
int RunIngest(const CtlOptions& options, const std::vector<std::string>& paths);

// Prints the stored document `id` (options.json, options.raw).
int RunGet(const CtlOptions& options, const std::string& id);

// Backs up the store (AdminService.CreateBackup on the ingest-service;
// options.keep_backups) and prints the new backup.
int RunBackup(const CtlOptions& options);
// Prints the backups of the ingest-service's --backup_dir, newest first
// (page_size, page_token, json).
int RunBackups(const CtlOptions& options);

// Prints the stored bundle report `id`.
int RunBundle(const CtlOptions& options, const std::string& id);

// Prints the entity `id`: names, roles, counts, documents
// (options.max_documents, options.json).
int RunEntity(const CtlOptions& options, const std::string& id);
// Prints a page of the entities whose names match `name` (options.kinds,
// page_size, page_token, max_documents, json).
int RunEntities(const CtlOptions& options, const std::string& name);
// Prints a timeline of events (options.participants, place, event_types,
// start_date, end_date, page_size, page_token, max_reports, json).
int RunEvents(const CtlOptions& options);
// Prints the relations of entity `id` (options.kinds, page_size,
// page_token, json).
int RunRelations(const CtlOptions& options, const std::string& id);
// Prints the event `id`: type, date, place, participants, each report with
// why it was merged.
int RunEvent(const CtlOptions& options, const std::string& id);
// Prints the story `id` (a story id, or any document id of the story): its
// documents with their languages, why each joined, completed facts.
int RunStory(const CtlOptions& options, const std::string& id);

// Prints a page of hits for `query` (options.languages ... page_token).
int RunSearch(const CtlOptions& options, const std::string& query);
int RunStats(const CtlOptions& options);
int RunStories(const CtlOptions& options);
// Streams the documents stored from now on (or from --resume_token) that
// match `query` and the filters, until --limit documents, --timeout (when
// given) or an interrupt.
int RunWatch(const CtlOptions& options, const std::string& query);

// Prints both servers' health and the query-service's store status;
// kExitOk only when both servers are SERVING.
int RunHealth(const CtlOptions& options);

}  // namespace accord::ctl

#endif  // ACCORD_TOOLS_ACCORDCTL_COMMANDS_H_
