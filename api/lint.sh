#!/usr/bin/env bash
# Lints api/openapi.yaml with Spectral against the project's rules (.spectral.yaml) and with Redocly's
# recommended-strict rules (redocly.yaml); any error or warning fails. Installs both, pinned in package-lock.json, on
# first use. Run by the Maven build (validate), except with -DskipTests. Quiet when the contract is clean; on a
# problem, prints the linter's whole report.
set -euo pipefail
cd "$(dirname "$0")"
if [[ ! -x node_modules/.bin/spectral || ! -x node_modules/.bin/redocly || package-lock.json -nt node_modules/.package-lock.json ]]; then
    command -v npm >/dev/null || { echo "api/lint.sh: npm (Node.js 20 or later) is needed to lint the contract" >&2; exit 1; }
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

# Runs a linter, showing its report only when it fails.
quietly() {
    local report
    if ! report=$("$@" 2>&1); then
        printf '%s\n' "$report" >&2
        echo "api/lint.sh: $1 found problems in api/openapi.yaml (above)" >&2
        return 1
    fi
}

quietly node_modules/.bin/spectral lint openapi.yaml --ruleset .spectral.yaml --fail-severity=warn
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true quietly node_modules/.bin/redocly lint openapi.yaml --format=stylish
if [[ -t 1 ]]; then echo "api/openapi.yaml: no problems (Spectral with .spectral.yaml, Redocly recommended-strict)"; fi
