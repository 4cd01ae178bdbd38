#!/usr/bin/env bash
# Benchmark of Update EmailAccount over HTTP on the newcomer's setup: the packaged server on an embedded H2 file,
# whose development administrator is stored as a bcrypt hash. wrk (Debian's package) PUTs the demo record with
# HTTP Basic, then with a bearer token, and prints requests/s and latency for each. The limits stay on the path of
# every request, set high enough never to refuse one.
# Usage, after `mvn -q -DskipTests package`: bash server/bench/run.sh [seconds per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-20}"
port=18080
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
java -jar server/target/emailaccounts-server.jar --server.port=$port \
    --spring.datasource.url="jdbc:h2:file:$work/db;WRITE_DELAY=0" --emailaccounts.dev-credentials-file="$work/dev-credentials" \
    --emailaccounts.rate-limit.writes-per-minute=1000000000 --emailaccounts.login-throttle.max-failures=1000000000 \
    > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 60); do curl -sf "localhost:$port/actuator/health" >/dev/null && break; sleep 1; done

credentials=$(cat "$work/dev-credentials")
basic="Basic $(printf '%s' "$credentials" | base64 -w0)"
token=$(curl -sf -X POST "localhost:$port/api/token" -d grant_type=password -d "username=${credentials%%:*}" \
    --data-urlencode "password=${credentials#*:}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

run() {
    AUTHORIZATION="$2" wrk -t2 -c16 -d"${duration}s" -s server/bench/put.lua \
        "http://localhost:$port/api/crm/emailaccounts" | tail -1 | sed "s/^/$1 /"
}
echo "warming up the JIT for 15 s ..."
AUTHORIZATION="Bearer $token" wrk -t2 -c16 -d15s -s server/bench/put.lua "http://localhost:$port/api/crm/emailaccounts" >/dev/null
run "PUT with HTTP Basic (bcrypt):" "$basic"
run "PUT with a bearer JWT:       " "Bearer $token"
