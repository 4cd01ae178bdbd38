#!/usr/bin/env bash
# The contract's info.version is the version of what the build makes (the client above all): pom.xml's <revision>
# must say the same, and the build's first step checks it.
# Usage: bash api/version.sh                  prints the contract's version
#        bash api/version.sh check VERSION    fails, saying what to change, unless VERSION is the contract's
set -euo pipefail
contract="$(cd "$(dirname "$0")" && pwd)/openapi.yaml"
version=$(awk '
    /^info:/ { inside = 1; next }
    inside && /^[^ #]/ { exit }
    inside && /^  version:/ { value = $2; gsub(/["\047]/, "", value); print value; exit }
' "$contract")
if [[ -z "$version" ]]; then
    echo "api/openapi.yaml has no info.version" >&2
    exit 1
fi
if [[ "${1:-}" == check ]]; then
    if [[ "${2:-}" != "$version" ]]; then
        echo "The contract's info.version is $version but pom.xml's <revision> is ${2:-empty}: the contract's version is" \
            "the artifacts' version; set <revision>$version</revision> in pom.xml." >&2
        exit 1
    fi
else
    echo "$version"
fi
