#!/usr/bin/env bash
# Installs the Debian 12 packages Accord needs to build, test and run.
# Idempotent: packages already present are not reinstalled.
# Usage (as root): scripts/install-deps.sh [--with-checks] [--with-bench]
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache git ca-certificates
  # RPC and storage
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  grpc-proto golang-github-gogo-googleapis-dev
  libabsl-dev librocksdb-dev libssl-dev zlib1g-dev libzstd-dev
  # text: Unicode, language id, stemming, dictionaries
  libicu-dev libcld2-dev libstemmer-dev libhunspell-dev
  hunspell-en-us hunspell-fr hunspell-de-de hunspell-es hunspell-ru hunspell-vi
  # country names and their translations for the entity gazetteer
  iso-codes
  # the operator client's command line
  libcli11-dev
  # the servers' /metrics endpoint
  prometheus-cpp-dev
  # tests
  libgtest-dev libgmock-dev
)
for option in "$@"; do
  case "$option" in
    --with-checks)
      # What scripts/test.sh adds to the plain build: clang with libFuzzer
      # and the sanitizer runtimes, and clang-format for the style check.
      # promtool (Debian's prometheus; its server is not started) for the
      # alert rules' tests (scripts/check-alert-rules.sh).
      packages+=(clang-14 libclang-rt-14-dev clang-format prometheus)
      ;;
    --with-bench)
      # Peers the search benchmark measures against, and Google Benchmark.
      packages+=(libbenchmark-dev libxapian-dev postgresql-15 libpq-dev)
      ;;
    *)
      echo "install-deps: unknown option $option" >&2
      exit 2
      ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run as root (or with sudo) to install them" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
