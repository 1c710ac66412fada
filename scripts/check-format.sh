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
# Files go to clang-format in batches, one process per core at a time: a
# process per file spent most of a minute starting clang-format.
set +e
report=$(git ls-files -z -- '*.cc' '*.h' |
  xargs -0 -P "$(nproc)" -n 32 "$formatter" --dry-run --Werror 2>&1)
code=$?
set -e
if ((code != 0)); then
  bad=$(grep -oE '^[^:]+:[0-9]+:[0-9]+: error: code should be clang-formatted' \
    <<<"$report" | cut -d: -f1 | sort -u)
  if [[ -z "$bad" ]]; then
    # Not a formatting finding: clang-format itself failed.
    printf 'check-format: %s failed:\n%s\n' "$formatter" "$report" >&2
    exit 1
  fi
  printf 'check-format: not clang-formatted (clang-format -i FILE):\n' >&2
  printf '  %s\n' $bad >&2
  exit 1
fi
echo "check-format: $(git ls-files -- '*.cc' '*.h' | wc -l) files formatted"
