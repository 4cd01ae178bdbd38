#!/usr/bin/env bash
# Makes sure a headless Chromium is available for the reference page test (docs module); installs Debian's
# chromium package when it is missing and this runs as root. Set CHROMIUM to use another binary.
set -euo pipefail
for candidate in "${CHROMIUM:-}" chromium chromium-browser google-chrome; do
    if [[ -n "$candidate" ]] && command -v "$candidate" >/dev/null; then
        exit 0
    fi
done
if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium package for the reference page test ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
    exit 0
fi
echo "docs/ensure-chromium.sh: the reference page test needs Chromium: install Debian's chromium package, or set CHROMIUM" >&2
exit 1
