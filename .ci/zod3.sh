#!/usr/bin/env bash
# okrkit on zod 3.25+ (which ships zod 4 under 'zod/v4'): packs okrkit, installs the tarball
# beside the latest zod 3 in a scratch project, type-checks test/zod3/slice.ts there under
# strict settings (skipLibCheck off: okrkit's .d.ts are checked against zod 3's types) and runs it (ESM), then loads the
# CommonJS build. Needs dist/ (npm run build). ZOD=<version or range> tries another zod: 3.25.56 is the
# lowest 3.x that passes (3.25.55 and before: errors in zod's or okrkit's declarations), 4.0.0 passes.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
zod="${ZOD:-^3.25.0}"
[ -f dist/index.js ] || npm run build

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
tarball="$(npm pack --silent --pack-destination "$scratch" | tail -1)"
cd "$scratch"
echo '{ "name": "okrkit-zod3-check", "private": true, "type": "module" }' > package.json
npm install --no-audit --no-fund --prefer-offline --loglevel=error "./$tarball" "zod@$zod"
node -e 'console.log(`okrkit ${require("okrkit/package.json").version}, zod ${require("zod/package.json").version}`)'

cp "$repo/test/zod3/slice.ts" slice.ts
cat > tsconfig.json <<JSON
{
  "compilerOptions": {
    "target": "ES2022", "lib": ["ES2022"], "module": "NodeNext", "moduleResolution": "NodeNext",
    "strict": true, "exactOptionalPropertyTypes": true, "noUncheckedIndexedAccess": true,
    "verbatimModuleSyntax": true, "skipLibCheck": false, "noEmit": true,
    "typeRoots": ["$repo/node_modules/@types"], "types": ["node"]
  },
  "files": ["slice.ts"]
}
JSON
"$repo/node_modules/.bin/tsc" -p .
"$repo/node_modules/.bin/tsx" slice.ts "$repo"

# The CommonJS build resolves zod/v4 through require.
node -e '
  const { parsePlan, evaluate } = require("okrkit");
  const plan = parsePlan(require(process.argv[1]));
  const score = evaluate(plan, { asOf: "2026-10-01" }).objectives;
  if (Object.keys(score).length === 0) throw new Error("no objectives");
  console.log("CommonJS build: parsePlan and evaluate run");
' "$repo/examples/plans/xyz-corp.json"
