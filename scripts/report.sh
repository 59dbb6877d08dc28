#!/usr/bin/env bash
# Measures the sample site as readers get it (the weight of each kind of page, and axe-core's
# WCAG 2.1 A/AA result at 320 and 1280 px, in headless Chromium) and records the table in
# README.md. Installs Debian's chromium when it is missing (needs root).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update && apt-get install -y chromium
fi

site="$(pwd)/target/report-site"
cargo run --locked --quiet -- build --output "$site"
cd tests/browser
npm ci --no-audit --no-fund
PARCOURS_SITE="$site" node report.mjs --readme ../../README.md
