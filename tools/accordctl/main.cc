// accordctl: the operator's client for Accord.
//
//   accordctl ingest PATH...     send files and folders as one bundle
//   accordctl get ID             print a stored document
//   accordctl bundle ID          print a stored bundle report
//   accordctl search QUERY...    search documents across languages
//   accordctl entity ID          print an entity (country/VN, org/un, ...)
//   accordctl event ID           print an event across documents
//   accordctl story ID           print a story (by story or document id)
//   accordctl health             both servers' health, the store's lag
//   accordctl backup, backups    back up the store, list the backups
//
// `accordctl --help` and `accordctl COMMAND --help` list the options.
// Options are written --name=value or --name value, before or after the
// command; "--" ends them. After `search`, a word that starts with a
// single '-' is a query word ("-ASEAN" excludes ASEAN). The rules:
// command_line.h.
//
// Against servers with TLS or tokens: --tls_ca_file (and --tls_cert_file,
// --tls_key_file for mutual TLS), --token_file or $ACCORD_TOKEN.
//
// Exit status: 0 on success; 1 on a usage or RPC error, or when `health`
// finds a server not SERVING; 3 when a bundle was stored but some of its
// documents were rejected.
//
// main only parses the command line (command_line.h) and runs the command
// (commands.h).
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "common/rpc/credentials.h"
#include "tools/accordctl/command_line.h"
#include "tools/accordctl/commands.h"

int main(int argc, char** argv) {
  using accord::ctl::Command;
  accord::ctl::CommandLine line = accord::ctl::ParseCommandLine(
      std::vector<std::string>(argv + 1, argv + argc));
  if (!line.command.has_value()) {
    std::cout << line.out;
    std::cerr << line.err;
    return line.exit_code;
  }
  // The token from the environment, where a process list does not show it.
  if (line.options.security.token_file.empty()) {
    if (const char* token = std::getenv("ACCORD_TOKEN"); token != nullptr) {
      line.options.security.token = token;
    }
  }
  absl::StatusOr<accord::rpc::ClientSecurity> security =
      accord::rpc::ClientSecurity::Create(line.options.security);
  if (!security.ok()) {
    std::cerr << "accordctl: " << security.status().message() << "\n";
    return accord::ctl::kExitError;
  }
  line.options.credentials =
      std::make_shared<const accord::rpc::ClientSecurity>(*std::move(security));
  switch (*line.command) {
    case Command::kIngest:
      return accord::ctl::RunIngest(line.options, line.args);
    case Command::kGet:
      return accord::ctl::RunGet(line.options, line.args[0]);
    case Command::kBundle:
      return accord::ctl::RunBundle(line.options, line.args[0]);
    case Command::kSearch:
      return accord::ctl::RunSearch(line.options, line.args[0]);
    case Command::kHealth:
      return accord::ctl::RunHealth(line.options);
    case Command::kEntity:
      return accord::ctl::RunEntity(line.options, line.args[0]);
    case Command::kEntities:
      return accord::ctl::RunEntities(line.options, line.args[0]);
    case Command::kEvents:
      return accord::ctl::RunEvents(line.options);
    case Command::kRelations:
      return accord::ctl::RunRelations(line.options, line.args[0]);
    case Command::kEvent:
      return accord::ctl::RunEvent(line.options, line.args[0]);
    case Command::kStory:
      return accord::ctl::RunStory(line.options, line.args[0]);
    case Command::kStories:
      return accord::ctl::RunStories(line.options);
    case Command::kStats:
      return accord::ctl::RunStats(line.options);
    case Command::kBackup:
      return accord::ctl::RunBackup(line.options);
    case Command::kBackups:
      return accord::ctl::RunBackups(line.options);
    case Command::kWatch:
      return accord::ctl::RunWatch(line.options, line.args[0]);
  }
  return accord::ctl::kExitError;
}
