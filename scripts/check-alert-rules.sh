#!/usr/bin/env bash
# Checks deploy/prometheus: the alert rules load, and each fires when and
# only when its unit tests (accord-alerts.test.yaml) say. Exit 77 (skipped)
# without promtool (scripts/install-deps.sh --with-checks installs it).
set -euo pipefail
cd "$(dirname "$0")/../deploy/prometheus"
command -v promtool > /dev/null ||
  { echo "check-alert-rules: promtool not installed; skipping"; exit 77; }
promtool check rules accord-alerts.yaml
promtool check config prometheus.yaml
promtool test rules accord-alerts.test.yaml
