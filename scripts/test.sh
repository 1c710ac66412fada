#!/usr/bin/env bash
# The one command to test Accord: installs what is missing, then builds and
# tests Accord in three ways, each in its own build directory:
#
#   release  build/       Release, the build deploy/Dockerfile ships, with
#                         -Werror: every suite (unit, store, end-to-end,
#                         crash loop, API lint, format check)
#   asan     build-asan/  clang-14 with AddressSanitizer, UndefinedBehavior-
#                         Sanitizer and libFuzzer: the unit and end-to-end
#                         suites, and a bounded run of every fuzz target
#   tsan     build-tsan/  ThreadSanitizer: the concurrent parts (store and
#                         follower, ingest worker pool, search, both servers
#                         end to end)
#
# With the release leg, where podman is installed, the container image is
# built and run too (scripts/container-test.sh); without podman that step
# reports a skip.
#
# Usage: scripts/test.sh [release] [asan] [tsan]   (default: all three)
# Environment: BUILD_DIR (default build; the others get -asan and -tsan
# appended), JOBS (default: the number of cores), ACCORD_FUZZ_SECONDS
# (default 12: how long each fuzz target runs in the asan leg). docs/TESTING.md explains
# each leg and how to run one part of it.
set -euo pipefail
cd "$(dirname "$0")/.."
legs=("$@")
((${#legs[@]})) || legs=(release asan tsan)
for leg in "${legs[@]}"; do
  case "$leg" in
    release | asan | tsan) ;;
    *) echo "test: unknown leg '$leg' (release, asan or tsan)" >&2; exit 2 ;;
  esac
done

scripts/install-deps.sh --with-checks
# buf (API lint) comes from the npm registry when npm is present; the lint
# test is skipped, not failed, on machines without npm.
scripts/ensure-buf.sh || echo "test: buf unavailable; the buf lint test will be skipped"

base=${BUILD_DIR:-build}
jobs=${JOBS:-$(nproc)}
here=$PWD
# Sanitizer findings fail the test that triggers them. Server processes
# started by the end-to-end suites inherit these; their logs are checked for
# reports (tests/e2e/server_process.h).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$here/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TSAN_OPTIONS="halt_on_error=0:second_deadlock_stack=1:suppressions=$here/tests/sanitizers/tsan.supp"

summary=()
run_leg() {
  local leg=$1 dir=$2 start=$SECONDS
  shift 2
  echo "=== test: $leg leg in $dir"
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  case "$leg" in
    release) cmake --build "$dir" -j "$jobs" ;;
    asan) cmake --build "$dir" -j "$jobs" ;;
    # Only what the concurrency suites need.
    tsan) cmake --build "$dir" -j "$jobs" --target store_test ingester_test \
            search_test document_reader_test e2e_test accord-ingest \
            accord-query accordctl ;;
  esac
  # Timing bounds in tests stretch by this factor (common/testing/
  # time_scale.h): sanitizers slow everything down.
  local select=() scale=1
  case "$leg" in
    release) ;;
    asan) select=(-LE 'lint|crash'); scale=3 ;;
    # The end-to-end suites that check one request at a time (the command
    # line, bad input, the seeds, entity reads, reflection) run in the
    # other two legs; ThreadSanitizer has nothing to find there that the
    # concurrent ones do not exercise. Nor in the store's volume tests
    # (tens of MiB committed and read back by one thread, the rest of their
    # concurrency in RocksDB's own uninstrumented threads), which take four
    # minutes under it.
    tsan) select=(-L 'store|ingest|search|query|e2e|tsan'
                  -E '^(buf_curl_e2e|(AccordctlTest|BadInputTest|UntrustedInputTest|SeedsTest|EntityTest|ReflectionTest)[.]|StoreMemoryTest[.]MemtablesStayWithinTheirBudget|StoreWalTest[.]LiveWalStaysUnderTheBoundWhileDataGrowsPastIt|StoreIndexTest[.]Postings(Of)?.*AcrossChunks.*)')
          scale=5 ;;
  esac
  (cd "$dir" && ACCORD_TEST_TIME_SCALE=$scale \
    ctest --output-on-failure -j "$jobs" --timeout 900 "${select[@]}")
  summary+=("$leg: $((SECONDS - start)) s")
}

# The test programs' own sources, half of each leg's compile time, are
# compiled in batches and with little optimization (CMakeLists.txt,
# ACCORD_UNITY_TESTS); what they test is compiled as the leg's build type
# says. clang compiles test files fastest at -O0, g++ at -O1.
for leg in "${legs[@]}"; do
  case "$leg" in
    release)
      run_leg release "$base" -DCMAKE_BUILD_TYPE=Release -DACCORD_UNITY_TESTS=ON \
        -DACCORD_TEST_OPTIMIZATION=-O1 ;;
    # The sanitizer legs keep line tables only: enough for the file:line
    # of every frame in a report, at a fraction of full debug info's
    # compile and link time.
    asan)
      CC=clang-14 CXX=clang++-14 run_leg asan "$base-asan" \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only -DNDEBUG" \
        "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only -DNDEBUG" \
        -DACCORD_SANITIZE=address -DACCORD_FUZZ=ON \
        -DACCORD_FUZZ_SECONDS="${ACCORD_FUZZ_SECONDS:-12}" -DACCORD_BUILD_BENCH=OFF \
        -DACCORD_UNITY_TESTS=ON -DACCORD_TEST_OPTIMIZATION=-O0 ;;
    tsan)
      run_leg tsan "$base-tsan" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" \
        "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" \
        -DACCORD_SANITIZE=thread -DACCORD_BUILD_BENCH=OFF \
        -DACCORD_UNITY_TESTS=ON -DACCORD_TEST_OPTIMIZATION=-O1 ;;
  esac
done
# The container image, with the release leg, where podman is installed
# (scripts/container-test.sh; ACCORD_CONTAINER_TEST=0 leaves it out).
if [[ " ${legs[*]} " == *" release "* && "${ACCORD_CONTAINER_TEST:-1}" != 0 ]]; then
  start=$SECONDS
  set +e
  scripts/container-test.sh
  code=$?
  set -e
  case "$code" in
    0) summary+=("container: passed, $((SECONDS - start)) s") ;;
    77) summary+=("container: skipped (podman not installed)") ;;
    *) echo "test: the container test failed" >&2; exit "$code" ;;
  esac
fi
printf 'test: %s\n' "${summary[@]}"
