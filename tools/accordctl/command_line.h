// The accordctl command line, parsed with CLI11 into the command to run
// and its CtlOptions.
//
//   CommandLine line = ParseCommandLine({argv + 1, argv + argc});
//   if (!line.command) { print line.out / line.err; return line.exit_code; }
//
// The rules an operator can rely on:
//   - Options are written --name=value or --name value. Every option may
//     come before the command (`accordctl --timeout=5s get ID`) or after
//     it; one that does not apply to the command is an error.
//   - `accordctl --help` and `accordctl COMMAND --help` print usage on
//     stdout and exit 0.
//   - "--" ends the options: every later word is an argument.
//   - After `search`, a word that starts with a single '-' is a query word
//     ("-ASEAN" excludes ASEAN), so search has no short options (its help
//     is --help; "-h" alone prints it too); an unknown --option is an error
//     that names it (search_words.h).
//   - Durations (--timeout) as duration_option.h says.
#ifndef ACCORD_TOOLS_ACCORDCTL_COMMAND_LINE_H_
#define ACCORD_TOOLS_ACCORDCTL_COMMAND_LINE_H_

#include <optional>
#include <string>
#include <vector>

#include "tools/accordctl/ctl_options.h"

namespace accord::ctl {

enum class Command {
  kIngest,
  kGet,
  kBundle,
  kSearch,
  kHealth,
  kEntity,
  kEntities,
  kEvents,
  kRelations,
  kEvent,
  kStory,
  kWatch,
  kStats,
  kStories,
  kBackup,
  kBackups
};

struct CommandLine {
  // The command to run; empty when the command line only asked for help
  // or the version, or was wrong: print `out` and `err`, exit `exit_code`.
  std::optional<Command> command;
  CtlOptions options;
  // ingest: the paths; get, bundle, entity: the one id; search: the query
  // and entities: the name (one string, the words joined); health: none.
  std::vector<std::string> args;

  std::string out;
  std::string err;
  int exit_code = 0;
};

// Parses `args` (argv without the program name).
CommandLine ParseCommandLine(const std::vector<std::string>& args);

}  // namespace accord::ctl

#endif  // ACCORD_TOOLS_ACCORDCTL_COMMAND_LINE_H_
