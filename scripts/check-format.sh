#!/usr/bin/env bash
# Checks that every C++ file in the repository is formatted by clang-format
# (.clang-format: Google style, comments not reflowed). Lists the files that
# are not and exits 1; `clang-format -i FILE` fixes one. Exit 77 (skipped)
# where clang-format or git is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
formatter=$(command -v clang-format-14 || command -v clang-format || true)
[[ -n "$formatter" ]] || { echo "check-format: clang-format not installed; skipping"; exit 77; }
git rev-parse --git-dir >/dev/null 2>&1 || { echo "check-format: not a git checkout; skipping"; exit 77; }
bad=()
while IFS= read -r -d '' file; do
  "$formatter" --dry-run --Werror "$file" >/dev/null 2>&1 || bad+=("$file")
done < <(git ls-files -z -- '*.cc' '*.h')
if ((${#bad[@]})); then
  printf 'check-format: not clang-formatted (clang-format -i FILE):\n' >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "check-format: $(git ls-files -- '*.cc' '*.h' | wc -l) files formatted"
