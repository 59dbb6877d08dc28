#!/usr/bin/env bash
# What sanitising raw HTML costs a build: the synthetic corpus (gen_corpus.py, --pages N per
# language, worksheets off) built with `raw_html: sanitize` (the default), `trust` and
# `text`, as it is (it has no raw HTML) and with raw HTML added to every page (a <details>
# block with a <summary>, two <kbd> and an <abbr>, and a <script> the sanitiser removes).
#
#   bench/sanitize.sh PARCOURS_BINARY WORK_DIR [PAGES]   (PAGES defaults to 10000)
#
# Wall and CPU times come from hyperfine. With COUNT=instructions, each build runs once under
# valgrind's callgrind instead, which counts the instructions executed: the same count
# whatever else the machine is doing (use a smaller PAGES: it is about 50 times slower).
set -euo pipefail
parcours="$(realpath "$1")"
work="$2"
pages="${3:-10000}"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$work"
corpus="$work/corpus-$pages"
if [ ! -d "$corpus" ]; then
  python3 "$here/../../shared/bench/gen_corpus.py" --pages "$pages" --out "$corpus"
  find "$corpus/content" -name '*.md' -exec sed -i 's/^fiche: true$/fiche: false/' {} +
fi
with_html="$work/corpus-$pages-html"
if [ ! -d "$with_html" ]; then
  cp -r "$corpus" "$with_html"
  find "$with_html/content" -name '*.md' ! -name '_index*' -print0 | xargs -0 -n 500 sh -c '
    for page in "$@"; do
      printf "\n<details>\n<summary>Raccourcis <kbd>Ctrl</kbd> + <kbd>C</kbd></summary>\n\nCopier, puis coller avec <abbr title=\"Contrôle\">Ctrl</abbr>.\n\n</details>\n\n<script>alert(1)</script>\n" >> "$page"
    done' sh
fi
for site in "$corpus" "$with_html"; do
  [ -f "$site/site.base.yaml" ] || cp "$site/site.yaml" "$site/site.base.yaml"
  for mode in sanitize trust text; do
    { cat "$site/site.base.yaml"; printf 'markdown:\n  raw_html: %s\n' "$mode"; } > "$site/site.$mode.yaml"
  done
done
for site in "$corpus" "$with_html"; do
  if [ "${COUNT:-time}" = instructions ]; then
    for mode in sanitize trust text; do
      cp "$site/site.$mode.yaml" "$site/site.yaml"
      rm -rf "$work/out"
      valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$mode" \
        "$parcours" build --root "$site" --output "$work/out" 2>&1 |
        sed -n "s/.*Collected : \([0-9]*\)/$(basename "$site") raw_html: $mode: \1 instructions/p"
    done
  else
    hyperfine --warmup 1 --runs 3 --export-markdown "$site.md" \
      -L mode sanitize,trust,text \
      --command-name "$(basename "$site") raw_html: {mode}" \
      --prepare "cp $site/site.{mode}.yaml $site/site.yaml; rm -rf $work/out" \
      "$parcours build --root $site --output $work/out"
  fi
  cp "$site/site.base.yaml" "$site/site.yaml"
done
