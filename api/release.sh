#!/usr/bin/env bash
# Releases the contract as VERSION, in one command:
#   - sets info.version of api/openapi.yaml and <revision> of pom.xml to VERSION;
#   - names VERSION wherever the documentation repeats the version (the clients' dependency snippets and package file
#     names in README.md and api/guides, the structured log sample of the Operations guide);
#   - copies api/openapi.yaml to api/released/VERSION.yaml, the contract clients now have;
#   - moves api/upgrade-notes.md, when there is one, to api/released/VERSION.md: the notes the changelog shows above
#     the machine diff of VERSION.
# Then run `mvn verify` (the gate compares the next changes against VERSION) and commit the lot as one change.
# Usage: bash api/release.sh VERSION     (x.y.z, above every released version)
set -euo pipefail
root="${RELEASE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
new="${1:-}"
if [[ ! "$new" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]]; then
    echo "Usage: bash api/release.sh VERSION, a version x.y.z (not '$new')" >&2
    exit 1
fi
old=$(bash "$root/api/version.sh")
newest=$(ls "$root/api/released" | sed -n 's/\.yaml$//p' | sort -V | tail -1)
if [[ -e "$root/api/released/$new.yaml" ]] || [[ "$(printf '%s\n%s\n' "$newest" "$new" | sort -V | tail -1)" != "$new" ]]; then
    echo "$new is not above the newest released version, $newest: nothing changed" >&2
    exit 1
fi

escaped_old=${old//./\\.}
# info.version, inside the info block only.
awk -v new="$new" '
    /^info:/ { inside = 1 }
    inside && /^[^ #]/ && !/^info:/ { inside = 0 }
    inside && /^  version:/ && !done { sub(/version:.*/, "version: " new); done = 1 }
    { print }
' "$root/api/openapi.yaml" > "$root/api/openapi.yaml.release" && mv "$root/api/openapi.yaml.release" "$root/api/openapi.yaml"
sed -i "s|<revision>$escaped_old</revision>|<revision>$new</revision>|" "$root/pom.xml"
for file in "$root/README.md" "$root"/api/guides/*.md; do
    sed -i -e "s|<version>$escaped_old</version>|<version>$new</version>|g" \
        -e "s|emailaccounts-client:$escaped_old\"|emailaccounts-client:$new\"|g" \
        -e "s|emailaccounts-client-$escaped_old\\.tgz|emailaccounts-client-$new.tgz|g" \
        -e "s|\"version\":\"$escaped_old\"|\"version\":\"$new\"|g" "$file"
done
cp "$root/api/openapi.yaml" "$root/api/released/$new.yaml"
if [[ -s "$root/api/upgrade-notes.md" ]]; then
    mv "$root/api/upgrade-notes.md" "$root/api/released/$new.md"
fi
bash "$root/api/version.sh" check "$new" >/dev/null
echo "Released $new (from $old): api/released/$new.yaml. Now: mvn verify, and commit."
