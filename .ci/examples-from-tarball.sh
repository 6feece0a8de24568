#!/usr/bin/env bash
# Runs the examples as a user's project would: `npm pack`s okrkit, installs the tarball
# with zod 4, tsx and TypeScript in a scratch project in a temporary folder, copies
# examples/*.ts, examples/plans and examples/client there, compiles them with tsc under
# the strictest settings (@tsconfig/strictest's: noUncheckedIndexedAccess,
# exactOptionalPropertyTypes, module nodenext, …) and runs each with tsx. `okrkit` there
# is the installed package, never src/. Exits non-zero when the compile or one example fails.
#
#   .ci/examples-from-tarball.sh          # needs dist/ (npm run build), builds it when missing
#   KEEP=1 .ci/examples-from-tarball.sh   # keep the scratch project and print where it is
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
started=$SECONDS

[ -f dist/index.js ] && [ -f dist/index.d.ts ] || npm run build

scratch="$(mktemp -d "${TMPDIR:-/tmp}/okrkit-examples.XXXXXX")"
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "scratch project kept: $scratch"; else rm -rf "$scratch"; fi; }
trap cleanup EXIT

echo "-- npm pack"
tarball="$(npm pack --silent --pack-destination "$scratch" | tail -1)"
echo "$tarball"

echo "-- scratch project: $scratch"
cd "$scratch"
npm init -y >/dev/null
npm pkg set type=module >/dev/null
npm install --no-audit --no-fund --prefer-offline --loglevel=error \
  "./$tarball" 'zod@^4' tsx 'typescript@~5.9' '@types/node@^20' >/dev/null

# The examples and their data, and nothing else from the repository.
cp "$repo"/examples/*.ts .
cp -R "$repo/examples/plans" "$repo/examples/client" .
# No path back into the repository may remain: each import of okrkit is the package's.
if grep -nE "from '(\.\./|[^']*src/)" ./*.ts; then
  echo "an example imports from outside itself (above): it must import 'okrkit'"
  exit 1
fi

# @tsconfig/strictest's options (TypeScript 5.9), with Node's module resolution.
cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["ES2022"],
    "module": "nodenext",
    "moduleResolution": "nodenext",
    "types": ["node"],
    "strict": true,
    "allowUnusedLabels": false,
    "allowUnreachableCode": false,
    "exactOptionalPropertyTypes": true,
    "noFallthroughCasesInSwitch": true,
    "noImplicitOverride": true,
    "noImplicitReturns": true,
    "noPropertyAccessFromIndexSignature": true,
    "noUncheckedIndexedAccess": true,
    "noUnusedLocals": true,
    "noUnusedParameters": true,
    "isolatedModules": true,
    "verbatimModuleSyntax": true,
    "checkJs": true,
    "esModuleInterop": true,
    "skipLibCheck": true,
    "forceConsistentCasingInFileNames": true,
    "noEmit": true
  },
  "include": ["*.ts"]
}
JSON

status=0
echo "-- tsc (strictest, nodenext) against the installed package"
npx tsc -p . || { echo "the examples do not compile against the packed package"; status=1; }

# Every example with a main program (print-tree.ts is a module the others import).
for example in quickstart.ts cascade.ts status-report.ts kpi-scorecard.ts plugin-nps.ts consultant-analysis.ts; do
  echo "-- $example"
  if ! npx tsx "$example" >"$example.out" 2>&1; then
    cat "$example.out"
    echo "example failed against the packed package: $example"
    status=1
  fi
done

# The examples really ran the tarball's copy, not the repository's source.
resolved="$(node -p "require.resolve('okrkit')")"
case "$resolved" in
  "$scratch"/node_modules/okrkit/*) echo "okrkit resolved to $resolved" ;;
  *) echo "okrkit resolved outside the scratch project: $resolved"; status=1 ;;
esac

echo "examples from the tarball: $([ $status = 0 ] && echo ok || echo FAILED) in $((SECONDS - started)) s"
exit "$status"
