#!/usr/bin/env bash
# The directory of help places at national scale: what N places in the national standard
# (bench/gen_places.py) add to the build of the sample site, and what readers download.
#
#   nice -n 5 bench/places_scale.sh [PLACES] [RUNS]      (defaults: 20000 places, 3 runs)
#
# Three copies of the sample site are built with the release binary (target/release/parcours,
# or $PARCOURS), each into a fresh output folder:
#   none    the sample site without its places (only places/directory.yaml, the vocabulary
#           that courses' `continue_at:` names);
#   html    the same with its places and N generated ones, printed lists off (`print: false`
#           in places/directory.yaml): the directory's pages, place pages and index;
#   print   the same with the printed lists, one PDF per town and language, built twice: with
#           an empty worksheet cache (the printed lists' own time is its time less that of
#           `html`), then again with the cache the first build filled.
# `none` and `html` are built one after the other, RUNS times, so that the machine's load
# weighs on both alike; the medians of the wall time and of the peak memory are printed.
# The work folder is on /dev/shm (memory) when there is one, so that the figures are the
# generator's and not the disk's: on a disk without a journal, ext4 skips the inodes deleted
# in the last minutes when it makes new files, and making 70,000 folders right after deleting
# as many takes several times longer (WORK=folder to choose another place).
# Then the weight of the pages: the largest listing page and place page (gzipped), and the
# files of the index a search by postcode or town loads.
set -euo pipefail
cd "$(dirname "$0")/.."

places="${1:-20000}"
runs="${2:-3}"
parcours="${PARCOURS:-$(pwd)/target/release/parcours}"
default_work=/tmp/places-scale
[ -d /dev/shm ] && [ -w /dev/shm ] && default_work=/dev/shm/places-scale
work="${WORK:-$default_work}"
[ -x "$parcours" ] || cargo build --release --quiet

rm -rf "$work"
mkdir -p "$work"
python3 bench/gen_places.py --places "$places" --out "$work/places.csv" --seed 1 >&2

# The sample site, three ways.
for variant in none html print; do
  mkdir -p "$work/$variant"
  cp -r content glossary i18n site.yaml "$work/$variant/"
done
mkdir -p "$work/none/places" && cp places/directory.yaml "$work/none/places/"
cp -r places "$work/html/" && cp "$work/places.csv" "$work/html/places/national.csv"
cp -r "$work/html/places" "$work/print/"
printf '\nprint: false\n' >>"$work/html/places/directory.yaml"

# One build: "seconds peak-MB CPU-seconds" on standard output, or the build's errors and exit.
build() {
  local site="$1" out="$2"
  rm -rf "$out"
  if ! /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$parcours" build --root "$site" -o "$out" >"$work/log" 2>&1; then
    cat "$work/log" >&2
    exit 1
  fi
  awk '{ printf "%s %d %.1f\n", $1, $2 / 1024, $3 + $4 }' "$work/time"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

: >"$work/none.runs"
: >"$work/html.runs"
for _ in $(seq "$runs"); do
  build "$work/none" "$work/out-none" >>"$work/none.runs"
  build "$work/html" "$work/out-html" >>"$work/html.runs"
done
rm -rf "$work/print/.parcours-cache"
build "$work/print" "$work/out-print" >"$work/print.runs"
build "$work/print" "$work/out-print" >"$work/cached.runs"

echo "work folder: $work ($(df --output=fstype "$work" | tail -1)); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
for variant in none html print cached; do
  file="$work/$variant.runs"
  printf '%-6s %s s, %s MB peak, %s s of CPU  (runs, "wall MB CPU": %s)\n' "$variant" \
    "$(cut -d' ' -f1 "$file" | median)" "$(cut -d' ' -f2 "$file" | median)" \
    "$(cut -d' ' -f3 "$file" | median)" "$(tr '\n' ',' <"$file" | sed 's/,$//')"
done
printf 'pages: none %s files, html %s files, print %s files (%s PDFs)\n' \
  "$(find "$work/out-none" -type f | wc -l)" "$(find "$work/out-html" -type f | wc -l)" \
  "$(find "$work/out-print" -type f | wc -l)" "$(find "$work/out-print" -name '*.pdf' -path '*/places/*' | wc -l)"

python3 - "$work/out-html" <<'EOF'
"""The weight of the directory's pages and index, gzipped as a server would (level 6)."""
import gzip, pathlib, sys

out = pathlib.Path(sys.argv[1])
gz = lambda path: len(gzip.compress(path.read_bytes(), 6))
listings, places = [], []
for lang in ("fr", "nl", "en"):
    for page in (out / lang / "places").rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        (listings if 'id="place-filters"' in text else places).append((gz(page), page))
for name, pages in (("listing pages", listings), ("place pages", places)):
    sizes = sorted(size for size, _ in pages)
    largest = max(pages)
    print(f"{name}: {len(pages)}, gzipped median {sizes[len(sizes) // 2] / 1024:.1f} KB, "
          f"largest {largest[0] / 1024:.1f} KB ({largest[1].relative_to(out)})")
index = out / "places"
meta = index / "index.json"
where = sorted((gz(p), p.name) for p in (index / "where").glob("*.json"))
leaves = sorted((gz(p), p.name) for p in (index / "leaf").glob("*.json"))
print(f"index: index.json {gz(meta) / 1024:.1f} KB; {len(where)} town files, largest "
      f"{where[-1][0] / 1024:.1f} KB ({where[-1][1]}); {len(leaves)} place files, largest "
      f"{leaves[-1][0] / 1024:.1f} KB, median {leaves[len(leaves) // 2][0] / 1024:.1f} KB (gzipped)")
print("a search by postcode or town loads index.json, one town file and at most 4 place files: "
      f"at most {(gz(meta) + where[-1][0] + sum(s for s, _ in leaves[-4:])) / 1024:.1f} KB gzipped")
EOF
