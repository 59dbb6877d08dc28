#!/usr/bin/env bash
# Every test of parcours: the Rust tests (unit and integration, which run the real binary on
# fixture sites), then the browser tests (headless Chromium, axe-core) on the built sample site.
# Installs Debian's chromium when it is missing (needs root, as on CI).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update && apt-get install -y chromium
fi

# Property tests draw the same cases on every run, so that a run can be repeated; set
# PROPTEST_RNG_SEED to another number to explore further (plain `cargo test` draws new cases).
export PROPTEST_RNG_SEED="${PROPTEST_RNG_SEED:-20261124}"
cargo test --locked

# The same (dev) build the tests used: nothing is compiled twice.
site="$(pwd)/target/browser-site"
cargo run --locked --quiet -- build --output "$site"
# The same site made to be opened from a folder (file://), for tests/browser/portable.test.js.
portable="$(pwd)/target/browser-portable"
cargo run --locked --quiet -- build --portable --output "$portable"

# A directory of many places: the sample site with 2,000 generated places of the national
# standard (printed lists off, they are not what is tested there), served and portable.
places="$(pwd)/target/browser-places"
rm -rf "$places" && mkdir -p "$places/site"
cp -r content glossary i18n site.yaml places "$places/site/"
printf '\nprint: false\n' >>"$places/site/places/directory.yaml"
python3 bench/gen_places.py --places 2000 --seed 7 --out "$places/site/places/national.csv"
cargo run --locked --quiet -- build --root "$places/site" --output "$places/public"
cargo run --locked --quiet -- build --root "$places/site" --portable --output "$places/portable"

cd tests/browser
npm ci --no-audit --no-fund
PARCOURS_SITE="$site" PARCOURS_PORTABLE_SITE="$portable" PARCOURS_PLACES_SITE="$places/public" \
  PARCOURS_PLACES_PORTABLE_SITE="$places/portable" npm test
