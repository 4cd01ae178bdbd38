#!/usr/bin/env bash
# The server against its own stack's ceiling, in one run on this machine: a bare Spring Boot app (built here from
# server/bench/bare: the same JSON PUT and GET answered with nothing else on the path, then the same PUT updating one
# durable H2 row) and the packaged server as the README runs it (embedded H2 file written at every commit), with
# 100,000 records. wrk (Debian's package, 2 threads, 16 connections) warms each case up until its throughput is
# steady (the server's JIT compilation takes minutes to settle, the bare app's seconds), then measures it.
# For each case: requests/s, p50, p99, CPU time per request, the process's resident memory; then the server's
# ratios to the bare app. Absolute numbers move by a third between runs on a shared 2-core machine: compare ratios.
# The limits stay on the server's path, set high enough never to refuse a request.
# Usage, after `mvn -q -DskipTests package`: bash server/bench/run.sh [seconds measured per case, default 20]
#   [most seconds of warm-up per case, default 240]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-20}"
max_warmup="${2:-240}"
records=100000
port=18080
jar="$PWD/server/target/emailaccounts-server.jar"
# Both apps run with the JVM settings of the README's run command.
jvm_options="@$PWD/server/jvm.options"
[[ -f "$jar" ]] || { echo "no $jar: run mvn -q -DskipTests package first" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
source server/bench/records.sh

echo "building the bare app ..."
mvn -q -B -f server/bench/bare/pom.xml package -DskipTests
bare="$PWD/server/bench/bare/target/bare.jar"

work=$(mktemp -d)
pid=""
stop() {
    if [[ -n "$pid" ]]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        pid=""
    fi
}
trap 'stop; rm -rf "$work"' EXIT

# start NAME URL-THAT-ANSWERS-WHEN-READY COMMAND...: runs the command in $work, in the background.
start() {
    local name=$1 ready=$2
    shift 2
    (cd "$work" && exec "$@") > "$work/$name.log" 2>&1 &
    pid=$!
    for _ in $(seq 120); do
        curl -s -o /dev/null "$ready" && return
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    echo "$name did not start; its log:" >&2
    cat "$work/$name.log" >&2
    exit 1
}

declare -A rate
ticks_per_second=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
rss_mb() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status"; }

# warm_up METHOD URL AUTHORIZATION BODY-FILE: 10-second loads until two in a row (after the first 30 s) agree
# within 5 %, or $max_warmup seconds have passed.
warm_up() {
    export METHOD="$1" AUTHORIZATION="$3" BODY_FILE="$4"
    local previous=0 current elapsed=0
    while (( elapsed < max_warmup )); do
        current=$(wrk -t2 -c16 -d10s -s server/bench/report.lua "$2" | tail -1 | awk '{printf "%d", $2 / $4}')
        elapsed=$((elapsed + 10))
        if (( elapsed > 30 )) && awk -v a="$previous" -v b="$current" 'BEGIN {exit !(a > 0 && b > 0.95 * a && b < 1.05 * a)}'; then
            break
        fi
        previous=$current
    done
}

# measure KEY LABEL METHOD URL AUTHORIZATION BODY-FILE
measure() {
    local key=$1 label=$2 method=$3 url=$4 authorization=$5 body=$6
    warm_up "$method" "$url" "$authorization" "$body"
    local before after line
    before=$(cpu_ticks)
    line=$(wrk -t2 -c16 -d"${duration}s" -s server/bench/report.lua "$url" | tail -1)
    after=$(cpu_ticks)
    read -r _ requests _ seconds _ p50 _ p99 _ non2xx _ socket_errors <<< "$line"
    if (( non2xx > 0 || socket_errors > 0 )); then
        echo "$label: $non2xx answers were not 2xx and $socket_errors failed; see $work" >&2
        exit 1
    fi
    rate[$key]=$(awk -v r="$requests" -v s="$seconds" 'BEGIN {printf "%.0f", r / s}')
    printf '%-46s %8s req/s  p50 %7.2f ms  p99 %7.2f ms  CPU %6.3f ms/req  RSS %5s MB\n' "$label" "${rate[$key]}" \
        "$p50" "$p99" "$(awk -v t=$((after - before)) -v hz="$ticks_per_second" -v r="$requests" 'BEGIN {print t * 1000 / hz / r}')" \
        "$(rss_mb)"
}

api="http://localhost:$port/api/crm/emailaccounts"
body="$PWD/server/bench/put-body.json"
echo "each case: warmed up until steady (at most ${max_warmup} s), then ${duration} s measured (wrk, 2 threads, 16 connections)"

start bare "$api/1" java "$jvm_options" -jar "$bare" --server.port=$port
measure bare_put "bare app: PUT" PUT "$api" "" "$body"
measure bare_get "bare app: GET one" GET "$api/87654321" "" ""
stop

start bare-durable "$api/1" java "$jvm_options" -jar "$bare" --server.port=$port --bench.durable=true \
    --spring.datasource.url="jdbc:h2:file:$work/bare;WRITE_DELAY=0"
measure bare_durable_put "bare app: PUT + one durable H2 row" PUT "$api" "" "$body"
stop

# The server as the README runs it: its default embedded database, the demo record, the development administrator
# (a bcrypt hash); then the records for the search, added with H2's own tool while the server is down.
server=(java "$jvm_options" -jar "$jar" --server.port=$port --emailaccounts.rate-limit.writes-per-minute=1000000000
        --emailaccounts.login-throttle.max-failures=1000000000)
start server "http://localhost:$port/actuator/health" "${server[@]}"
stop
unzip -p "$jar" 'BOOT-INF/lib/h2-*.jar' > "$work/h2.jar"
insert_select "(SELECT X AS x FROM SYSTEM_RANGE(1, $records))" "RANDOM_UUID()" > "$work/records.sql"
java -cp "$work/h2.jar" org.h2.tools.RunScript -url "jdbc:h2:file:$work/data/emailaccounts" -script "$work/records.sql"
start server "http://localhost:$port/actuator/health" "${server[@]}"

credentials=$(cat "$work/data/dev-credentials")
basic="Basic $(printf '%s' "$credentials" | base64 -w0)"
token=$(curl -sf -X POST "localhost:$port/api/token" -d grant_type=password -d "username=${credentials%%:*}" \
    --data-urlencode "password=${credentials#*:}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
bearer="Bearer $token"
# The server's code is large: the JIT keeps compiling it for minutes. Every case is warmed up once before any is
# measured, so that none pays for the compilation of another.
for warm in "PUT|$api|$bearer|$body" "PUT|$api|$basic|$body" "GET|$api/87654321|$bearer|" \
        "GET|$api?EmailAccount_Business=42&orderBy=DisplayName&page=1&size=25|$bearer|"; do
    IFS='|' read -r method url authorization file <<< "$warm"
    warm_up "$method" "$url" "$authorization" "$file"
done
measure put_bearer "server: PUT, bearer token" PUT "$api" "$bearer" "$body"
measure put_basic "server: PUT, HTTP Basic" PUT "$api" "$basic" "$body"
measure get_bearer "server: GET one, bearer token" GET "$api/87654321" "$bearer" ""
measure search "server: search, 1 of 100 businesses, 100k records" GET \
    "$api?EmailAccount_Business=42&orderBy=DisplayName&page=1&size=25" "$bearer" ""
stop

ratio() { awk -v a="${rate[$1]}" -v b="${rate[$2]}" 'BEGIN {printf "%.2f", a / b}'; }
echo
echo "ratios to the bare app, measured in this run:"
echo "  PUT, bearer token:  $(ratio put_bearer bare_put) x bare PUT   ($(ratio put_bearer bare_durable_put) x bare durable PUT)"
echo "  PUT, HTTP Basic:    $(ratio put_basic bare_put) x bare PUT   ($(ratio put_basic bare_durable_put) x bare durable PUT)"
echo "  GET one:            $(ratio get_bearer bare_get) x bare GET"
