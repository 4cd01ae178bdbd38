#!/usr/bin/env bash
# Makes sure a headless Chromium and its chromedriver are available for the docs module's browser tests
# (ReferencePageTest runs Chromium; GuidePagesTest drives it through chromedriver); installs Debian's chromium and
# chromium-driver packages, whichever is missing, when this runs as root. Set CHROMIUM (and CHROMEDRIVER) to use other
# binaries.
set -euo pipefail
# Whether one of the commands is there.
found() {
    for candidate in "$@"; do
        if [[ -n "$candidate" ]] && command -v "$candidate" >/dev/null; then
            return 0
        fi
    done
    return 1
}
missing=()
found "${CHROMIUM:-}" chromium chromium-browser google-chrome || missing+=(chromium)
found "${CHROMEDRIVER:-}" chromedriver || missing+=(chromium-driver)
if [[ ${#missing[@]} == 0 ]]; then
    exit 0
fi
if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing Debian's ${missing[*]} for the docs' browser tests ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
    exit 0
fi
echo "docs/ensure-chromium.sh: the docs' browser tests need Chromium and its chromedriver: install Debian's chromium and" \
    "chromium-driver packages, or set CHROMIUM and CHROMEDRIVER" >&2
exit 1
