// The words of `accordctl search` and the query they make.
//
// The query language gives a leading '-' a meaning: "-ASEAN" excludes
// documents that mention ASEAN. So after `search`, a word that starts with
// a single '-' is a query word, never an option; only words that start
// with "--" are options, and one accordctl does not know is an error that
// names it (a misspelled --languages must not silently become part of the
// query). After a "--" word every word is a query word.
//
//   accordctl search '"information security"' -ASEAN --languages=en
//     -> query "\"information security\" -ASEAN", languages en
//
// main.cc lets CLI11 take the options it knows and hands the rest here, in
// command-line order.
#ifndef ACCORD_TOOLS_ACCORDCTL_SEARCH_WORDS_H_
#define ACCORD_TOOLS_ACCORDCTL_SEARCH_WORDS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace accord::ctl {

// The query made of `words` (what was left of the command line before any
// "--", in order) and `words_after_mark` (every word after the "--"),
// joined by spaces. InvalidArgument naming the first word of `words` that
// looks like a long option ("--name" or "--name=value"); when a name in
// `known_options` (written "--name") is close to it, the message suggests
// it.
absl::StatusOr<std::string> QueryFromWords(
    const std::vector<std::string>& words,
    const std::vector<std::string>& words_after_mark,
    const std::vector<std::string>& known_options);

// Whether `word` has the form of a long option: "--" and at least one more
// character. "--" alone is the end-of-options mark, not an option.
bool IsLongOptionWord(absl::string_view word);

}  // namespace accord::ctl

#endif  // ACCORD_TOOLS_ACCORDCTL_SEARCH_WORDS_H_
