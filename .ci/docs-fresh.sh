#!/usr/bin/env bash
# Is the committed API reference (docs/api/, typedoc's Markdown) what `npm run docs` makes of
# the source now? Regenerates it into a temporary folder with the same typedoc.json (so the
# same strict validation) and compares file by file. Exit 0 when fresh; exit 1 naming each
# stale file, relative to the repository, and how to fix it. The output holds no temporary
# paths or times, so two runs over the same tree print the same thing.
set -euo pipefail
cd "$(dirname "$0")/.."

committed="docs/api"
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT

# Info lines name the temporary folder; warnings and errors still print (and fail).
npx typedoc --logLevel Warn --out "$fresh/api" >/dev/null || {
  echo "docs-fresh: typedoc failed (run \`npm run docs\` to see why)"
  exit 1
}

list() { (cd "$1" 2>/dev/null && find . -type f | sed 's|^\./||' | LC_ALL=C sort) || true; }
list "$committed" >"$fresh/committed.txt"
list "$fresh/api" >"$fresh/generated.txt"

stale=0
while IFS= read -r file; do
  echo "stale: $committed/$file is not generated any more (delete it)"
  stale=1
done < <(LC_ALL=C comm -23 "$fresh/committed.txt" "$fresh/generated.txt")
while IFS= read -r file; do
  echo "stale: $committed/$file is missing"
  stale=1
done < <(LC_ALL=C comm -13 "$fresh/committed.txt" "$fresh/generated.txt")
while IFS= read -r file; do
  if ! cmp -s "$committed/$file" "$fresh/api/$file"; then
    echo "stale: $committed/$file differs from the source's doc comments"
    stale=1
  fi
done < <(LC_ALL=C comm -12 "$fresh/committed.txt" "$fresh/generated.txt")

if [ "$stale" -ne 0 ]; then
  echo "docs-fresh: docs/api is out of date; run \`npm run docs\` and commit docs/api"
  exit 1
fi
echo "docs-fresh: docs/api is up to date ($(wc -l <"$fresh/generated.txt" | tr -d ' ') files)"
