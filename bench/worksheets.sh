#!/usr/bin/env bash
# Worksheets at scale. Builds a generated corpus with its worksheets from an empty cache, then
# again after editing one course, then without any change, and the same corpus with
# `fiche: false` (HTML only); prints worksheets per second, PDF pages per second, peak memory
# and the time of each build.
#
# Usage: bench/worksheets.sh [PAGES] [WORKDIR]        (default: 1000 pages per language)
# Needs a release build (cargo build --release), python3, GNU time and pdfinfo (poppler-utils).
# PARCOURS and GEN_CORPUS override the binary and the corpus generator.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
pages=${1:-1000}
work=${2:-/tmp/parcours-worksheets-$pages}
bin=${PARCOURS:-$here/../target/release/parcours}
gen=${GEN_CORPUS:-$here/../../shared/bench/gen_corpus.py}
corpus=$work/corpus
html=$work/corpus-html
out=$work/out
mkdir -p "$work"

if [ ! -f "$corpus/site.yaml" ]; then
  python3 "$gen" --pages "$pages" --out "$corpus" > /dev/null
  echo "search: false" >> "$corpus/site.yaml"
fi
if [ ! -f "$html/site.yaml" ]; then
  cp -r "$corpus" "$html"
  rm -rf "$html/.parcours-cache"
  find "$html/content" -name '*.md' -exec sed -i 's/^fiche: true$/fiche: false/' {} +
fi

# Runs a build of $1 and sets $secs (wall clock) and $mib (peak resident memory).
measure() {
  rm -rf "$out"
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" build --root "$1" --output "$out" > /dev/null
  read -r secs kb < "$work/time"
  mib=$((kb / 1024))
}

echo "$(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

rm -rf "$corpus/.parcours-cache"
measure "$corpus"
cold=$secs cold_mib=$mib
sheets=$(find "$out" -mindepth 4 -name '*.pdf' | wc -l)
booklets=$(find "$out" -mindepth 3 -maxdepth 3 -name '*.pdf' | wc -l)
sheet_pages=0
for f in $(find "$out" -mindepth 4 -name '*.pdf'); do
  sheet_pages=$((sheet_pages + $(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')))
done
booklet_pages=0
for f in $(find "$out" -mindepth 3 -maxdepth 3 -name '*.pdf'); do
  booklet_pages=$((booklet_pages + $(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')))
done
all_pages=$((sheet_pages + booklet_pages))

course=$(find "$corpus/content" -name '*.fr.md' ! -name '_index*' | sort | sed -n 1p)
cp "$course" "$work/course.bak"
echo "Une phrase ajoutée pour mesurer une reconstruction." >> "$course"
measure "$corpus"
edit=$secs edit_mib=$mib
cp "$work/course.bak" "$course"
measure "$corpus"
same=$secs same_mib=$mib

measure "$html"
html_secs=$secs html_mib=$mib

awk -v c="$cold" -v s="$sheets" -v b="$booklets" -v sp="$sheet_pages" -v bp="$booklet_pages" \
  -v ap="$all_pages" -v m="$cold_mib" 'BEGIN {
  printf "build, empty cache:     %.1f s, peak %d MiB: %d worksheets (%d pages) and %d booklets (%d pages)\n", c, m, s, sp, b, bp
  printf "                        %.0f worksheets/s, %.0f PDF pages/s (%.0f worksheet pages/s)\n", s / c, ap / c, sp / c
}'
echo "one course edited:      ${edit} s, peak ${edit_mib} MiB"
echo "nothing changed:        ${same} s, peak ${same_mib} MiB"
echo "HTML only (fiche: false): ${html_secs} s, peak ${html_mib} MiB"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
