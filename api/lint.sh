#!/usr/bin/env bash
# Lints api/openapi.yaml with Spectral against the project's rules (api/.spectral.yaml); any error or warning
# fails. Installs Spectral, pinned in api/package-lock.json, on first use. Run by the Maven build (validate).
set -euo pipefail
cd "$(dirname "$0")"
if [[ ! -x node_modules/.bin/spectral || package-lock.json -nt node_modules/.package-lock.json ]]; then
    command -v npm >/dev/null || { echo "api/lint.sh: npm (Node.js 18 or later) is needed to lint the contract" >&2; exit 1; }
    npm ci --no-audit --no-fund --loglevel=error
fi
exec node_modules/.bin/spectral lint openapi.yaml --ruleset .spectral.yaml --fail-severity=warn
