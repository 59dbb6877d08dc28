#!/bin/sh
# Makes a git repository of a corpus for timing `parcours check --translations`:
#   bench/translations_corpus.sh CORPUS DEST [EVERY]
# copies CORPUS (made by ../shared/bench/gen_corpus.py) to DEST, commits it, changes one
# French original in EVERY (default 20) in a second commit, and marks one of those changes
# in ten `[i18n-ignore]` in a third, so that the report has outdated and ignored changes.
# Then time it side by side with the readability check:
#   /usr/bin/time -v parcours check --translations --root DEST > /dev/null
#   /usr/bin/time -v parcours check --readability --root DEST > /dev/null
set -eu
corpus=$1
dest=$2
every=${3:-20}
[ -e "$dest" ] && { echo "$dest exists; choose a new folder" >&2; exit 2; }
cp -r "$corpus" "$dest"
cd "$dest"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
git init -q
git add .
GIT_AUTHOR_DATE=2026-01-01T10:00:00Z GIT_COMMITTER_DATE=2026-01-01T10:00:00Z \
  git commit -qm "Corpus"
find content -name '*.fr.md' | sort | awk -v every="$every" 'NR % every == 0' > ../changed.$$
while read -r file; do
  printf '\nUne phrase ajoutée au texte original.\n' >> "$file"
done < ../changed.$$
git add content
GIT_AUTHOR_DATE=2026-02-01T10:00:00Z GIT_COMMITTER_DATE=2026-02-01T10:00:00Z \
  git commit -qm "Originals changed"
awk 'NR % 10 == 0' ../changed.$$ | while read -r file; do
  printf 'Une virgule.\n' >> "$file"
done
git add content
GIT_AUTHOR_DATE=2026-03-01T10:00:00Z GIT_COMMITTER_DATE=2026-03-01T10:00:00Z \
  git commit -qm "Typography [i18n-ignore]"
echo "$(wc -l < ../changed.$$) originals changed in $dest"
rm ../changed.$$
