#include "tools/accordctl/search_words.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace accord::ctl {
namespace {

// Levenshtein distance; option names are short.
size_t EditDistance(absl::string_view a, absl::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

bool IsLongOptionWord(absl::string_view word) {
  return word.size() > 2 && absl::StartsWith(word, "--");
}

absl::StatusOr<std::string> QueryFromWords(
    const std::vector<std::string>& words,
    const std::vector<std::string>& words_after_mark,
    const std::vector<std::string>& known_options) {
  for (const std::string& word : words) {
    if (!IsLongOptionWord(word)) continue;
    absl::string_view name = word;
    name = name.substr(0, name.find('='));
    std::string message = absl::StrCat("search: unknown option ", name);
    // A close known name is most likely what was meant; ties go to the
    // first listed.
    const std::string* best = nullptr;
    size_t best_distance = 3;  // suggest within two edits only
    for (const std::string& known : known_options) {
      size_t distance = EditDistance(name, known);
      if (distance < best_distance) {
        best = &known;
        best_distance = distance;
      }
    }
    if (best != nullptr) {
      absl::StrAppend(&message, " (did you mean ", *best, "?)");
    }
    return absl::InvalidArgumentError(message);
  }
  std::vector<std::string> all = words;
  all.insert(all.end(), words_after_mark.begin(), words_after_mark.end());
  return absl::StrJoin(all, " ");
}

}  // namespace accord::ctl
