// Command-line parsing shared by the Accord binaries.
#ifndef ACCORD_COMMON_UTIL_COMMAND_LINE_H_
#define ACCORD_COMMON_UTIL_COMMAND_LINE_H_

#include <vector>

#include "absl/strings/string_view.h"

namespace accord {

// Sets the usage text, makes --help list the flags the binary's main.cc
// defines (absl's default looks for a file named like the binary), adds
// --version, and parses. Returns the positional arguments, argv[0] first.
std::vector<char*> ParseCommandLine(int argc, char** argv,
                                    absl::string_view usage);

}  // namespace accord

#endif  // ACCORD_COMMON_UTIL_COMMAND_LINE_H_
