#!/usr/bin/env bash
# Long fuzz runs of the libFuzzer targets in tests/fuzz (docs/TESTING.md,
# "Fuzzing").
#
#   scripts/fuzz.sh [--target=NAME] [--minutes=N]
#
# Builds the fuzz build (clang-14, ASan + UBSan, libFuzzer) into
# ${BUILD_DIR:-build-fuzz} if needed, then runs each target (or only NAME,
# e.g. normalizer) for N minutes (default 10) over a persistent corpus
# outside the repository, ${ACCORD_FUZZ_DIR:-$HOME/.cache/accord-fuzz}/NAME/
# corpus, seeded from tests/fuzz/corpus/NAME. Crashing inputs are written to
# .../NAME/crashes/; logs to .../NAME/fuzz.log. Exits 1 when a target found
# a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

target=""
minutes=10
for arg in "$@"; do
  case $arg in
    --target=*) target=${arg#--target=} ;;
    --minutes=*) minutes=${arg#--minutes=} ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "fuzz.sh: unknown argument $arg (see --help)" >&2; exit 2 ;;
  esac
done

names=()
for source in tests/fuzz/*_fuzzer.cc; do
  name=$(basename "$source" _fuzzer.cc)
  if [[ -z $target || $target == "$name" ]]; then names+=("$name"); fi
done
if [[ ${#names[@]} -eq 0 ]]; then
  echo "fuzz.sh: no target named '$target'; targets:" \
    "$(ls tests/fuzz/*_fuzzer.cc | xargs -n1 basename | sed 's/_fuzzer.cc//' | tr '\n' ' ')" >&2
  exit 2
fi

build_dir=${BUILD_DIR:-build-fuzz}
if [[ ! -f $build_dir/build.ninja ]]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACCORD_SANITIZE=address -DACCORD_FUZZ=ON \
    -DACCORD_BUILD_BENCH=OFF
fi
cmake --build "$build_dir" -j "${JOBS:-$(nproc)}" --target "${names[@]/#/fuzz_}"

work_root=${ACCORD_FUZZ_DIR:-$HOME/.cache/accord-fuzz}
status=0
summary=()
for name in "${names[@]}"; do
  work=$work_root/$name
  mkdir -p "$work/corpus" "$work/crashes"
  args=(-max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=2048
        -print_final_stats=1 -artifact_prefix="$work/crashes/")
  if [[ -f tests/fuzz/$name.dict ]]; then args+=(-dict="$repo/tests/fuzz/$name.dict"); fi
  echo "== fuzz_$name: $minutes min, corpus $work/corpus, crashes $work/crashes/"
  # New inputs go to the first directory; the committed seeds are read only.
  if "$build_dir/tests/fuzz/fuzz_$name" "${args[@]}" "$work/corpus" \
      "tests/fuzz/corpus/$name" >"$work/fuzz.log" 2>&1; then
    result=ok
  else
    result="FOUND A CRASH (see $work/fuzz.log)"
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: //p' "$work/fuzz.log" | tail -1)
  corpus=$(ls "$work/corpus" | wc -l)
  crashes=$(ls "$work/crashes" | wc -l)
  summary+=("fuzz_$name: ${runs:-?} executions, $corpus corpus inputs, $crashes crash files: $result")
done
printf '%s\n' "${summary[@]}"
exit $status
