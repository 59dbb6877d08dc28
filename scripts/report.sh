#!/usr/bin/env bash
# Measures the sample site as readers get it (the weight of each kind of page, and axe-core's
# WCAG 2.1 A/AA result at 320 and 1280 px in the light and the dark colour scheme, in headless
# Chromium), the portable site and its ZIP, and the read-aloud script, and records the tables
# in README.md. Installs Debian's chromium when it is missing (needs root).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update && apt-get install -y chromium
fi

site="$(pwd)/target/report-site"
portable="$(pwd)/target/report-portable"
zip="$(pwd)/target/report-portable.zip"
cargo run --locked --quiet -- build --output "$site"
cargo run --locked --quiet -- build --output "$portable" --zip "$zip"
cd tests/browser
npm ci --no-audit --no-fund
PARCOURS_SITE="$site" node report.mjs --portable "$portable" --zip "$zip" --readme ../../README.md
