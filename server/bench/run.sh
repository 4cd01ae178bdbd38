#!/usr/bin/env bash
# The server against its own stack's ceiling, in one run on this machine, on both databases it runs on:
#  - the embedded H2: a bare Spring Boot app (built here from server/bench/bare: the same JSON PUT and GET answered
#    with nothing else on the path, then the same PUT updating one durable H2 row per request), a Prism mock of the
#    contract, and the packaged server as the README runs it (embedded H2 file written at every commit);
#  - PostgreSQL (a throwaway cluster with PostgreSQL's durable defaults: every commit flushed): the bare app updating
#    one row per PUT (one commit per request) and reading it per GET, and the server on that PostgreSQL, with the
#    number of PostgreSQL commits per acknowledged PUT.
# Each server case has 100,000 records. wrk (Debian's package, 2 threads, 16 connections, one user) warms each case
# up until its throughput is steady (the server's JIT compilation takes minutes to settle, the bare app's seconds),
# then measures it. For each case: requests/s, p50, p99, CPU time per request, the process's resident memory; then
# the ratios. Absolute numbers move by a third between runs on a shared 2-core machine: compare ratios.
# The limits stay on the server's path, set high enough never to refuse a request.
# Usage, after `mvn -q -DskipTests package`:
#   bash server/bench/run.sh [seconds measured per case, default 20] [most seconds of warm-up per case, default 240]
#       [engines, default "h2 postgresql"]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-20}"
max_warmup="${2:-240}"
engines="${3:-h2 postgresql}"
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
cleanup() { stop; [[ "$(type -t stop_postgres)" == function ]] && stop_postgres; rm -rf "$work"; }
trap cleanup EXIT

# start NAME URL-THAT-ANSWERS-WHEN-READY COMMAND...: runs the command in $work/NAME, in the background.
start() {
    local name=$1 ready=$2
    shift 2
    mkdir -p "$work/$name"
    (cd "$work/$name" && exec "$@") > "$work/$name.log" 2>&1 &
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

# PostgreSQL's count of committed transactions in the server's database.
pg_commits() {
    sleep 1.5   # PostgreSQL publishes its statistics at most once a second
    "$bindir/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -At -c \
        "SELECT xact_commit FROM pg_stat_database WHERE datname = 'emailaccounts'"
}

# measure KEY LABEL METHOD URL AUTHORIZATION BODY-FILE [count-commits]
measure() {
    local key=$1 label=$2 method=$3 url=$4 authorization=$5 body=$6 count_commits=${7:-}
    warm_up "$method" "$url" "$authorization" "$body"
    local before after line commits_before=0 commits=""
    [[ -n "$count_commits" ]] && commits_before=$(pg_commits)
    before=$(cpu_ticks)
    line=$(wrk -t2 -c16 -d"${duration}s" -s server/bench/report.lua "$url" | tail -1)
    after=$(cpu_ticks)
    read -r _ requests _ seconds _ p50 _ p99 _ non2xx _ socket_errors <<< "$line"
    if (( non2xx > 0 || socket_errors > 0 )); then
        echo "$label: $non2xx answers were not 2xx and $socket_errors failed; see $work" >&2
        exit 1
    fi
    if [[ -n "$count_commits" ]]; then
        commits=$(awk -v c=$(( $(pg_commits) - commits_before )) -v r="$requests" 'BEGIN {printf "  %.2f PostgreSQL commits per PUT", c / r}')
        rate[${key}_commits]=$commits
    fi
    rate[$key]=$(awk -v r="$requests" -v s="$seconds" 'BEGIN {printf "%.0f", r / s}')
    printf '%-52s %8s req/s  p50 %7.2f ms  p99 %7.2f ms  CPU %6.3f ms/req  RSS %5s MB%s\n' "$label" "${rate[$key]}" \
        "$p50" "$p99" "$(awk -v t=$((after - before)) -v hz="$ticks_per_second" -v r="$requests" 'BEGIN {print t * 1000 / hz / r}')" \
        "$(rss_mb)" "$commits"
}

api="http://localhost:$port/api/crm/emailaccounts"
body="$PWD/server/bench/put-body.json"
search="$api?EmailAccount_Business=42&orderBy=DisplayName&page=1&size=25"
server_limits=(--emailaccounts.rate-limit.writes-per-minute=1000000000 --emailaccounts.login-throttle.max-failures=1000000000)

# measure_server ENGINE: the server, started with the arguments after ENGINE in $work/server-ENGINE, its records
# already stored; the development administrator signs in with Basic and with a bearer token.
measure_server() {
    local engine=$1
    shift
    start "server-$engine" "http://localhost:$port/actuator/health" "$@"
    local credentials basic token bearer count=""
    if [[ -f "$work/server-$engine/data/dev-credentials" ]]; then
        credentials=$(cat "$work/server-$engine/data/dev-credentials")
    else
        credentials="bench@example.com:bench"
    fi
    basic="Basic $(printf '%s' "$credentials" | base64 -w0)"
    token=$(curl -sf -X POST "localhost:$port/api/token" -d grant_type=password -d "username=${credentials%%:*}" \
        --data-urlencode "password=${credentials#*:}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
    bearer="Bearer $token"
    [[ "$engine" == postgresql ]] && count=yes
    # The server's code is large: the JIT keeps compiling it for minutes. Every case is warmed up once before any is
    # measured, so that none pays for the compilation of another.
    for warm in "PUT|$api|$bearer|$body" "PUT|$api|$basic|$body" "GET|$api/87654321|$bearer|" "GET|$search|$bearer|"; do
        IFS='|' read -r method url authorization file <<< "$warm"
        warm_up "$method" "$url" "$authorization" "$file"
    done
    measure "${engine}_put_bearer" "server on $engine: PUT, bearer token" PUT "$api" "$bearer" "$body" $count
    measure "${engine}_put_basic" "server on $engine: PUT, HTTP Basic" PUT "$api" "$basic" "$body" $count
    measure "${engine}_get_bearer" "server on $engine: GET one, bearer token" GET "$api/87654321" "$bearer" ""
    measure "${engine}_search" "server on $engine: search, 1 of 100 businesses, 100k" GET "$search" "$bearer" ""
    stop
}

ratio() { awk -v a="${rate[$1]}" -v b="${rate[$2]}" 'BEGIN {printf "%.2f", a / b}'; }
echo "each case: warmed up until steady (at most ${max_warmup} s), then ${duration} s measured (wrk, 2 threads, 16 connections)"

if [[ " $engines " == *" h2 "* ]]; then
    start bare "$api/1" java "$jvm_options" -jar "$bare" --server.port=$port
    measure bare_put "bare app: PUT" PUT "$api" "" "$body"
    measure bare_get "bare app: GET one" GET "$api/87654321" "" ""
    stop

    start bare-h2 "$api/1" java "$jvm_options" -jar "$bare" --server.port=$port --bench.durable=true \
        --spring.datasource.url="jdbc:h2:file:$work/bare;WRITE_DELAY=0"
    measure h2_bare_put "bare app: PUT + one durable H2 row" PUT "$api" "" "$body"
    stop

    # A mock server generated from the contract, for scale: Stoplight Prism, from the npm registry.
    if command -v npm >/dev/null && npm install --prefix "$work/prism" --no-audit --no-fund --loglevel=error \
            @stoplight/prism-cli@5.16.0 >/dev/null 2>&1; then
        start prism "$api/87654321" "$work/prism/node_modules/.bin/prism" mock --host 127.0.0.1 -p $port "$PWD/api/openapi.yaml"
        measure prism_put "Prism mock of the contract: PUT" PUT "$api" "Basic $(printf 'a:b' | base64 -w0)" "$body"
        stop
    fi

    # The server as the README runs it: its default embedded database, the demo record, the development administrator
    # (a bcrypt hash); then the records for the search, added with H2's own tool while the server is down.
    start server-h2 "http://localhost:$port/actuator/health" java "$jvm_options" -jar "$jar" --server.port=$port
    stop
    unzip -p "$jar" 'BOOT-INF/lib/h2-*.jar' > "$work/h2.jar"
    insert_select "(SELECT X AS x FROM SYSTEM_RANGE(1, $records))" "RANDOM_UUID()" > "$work/records.sql"
    java -cp "$work/h2.jar" org.h2.tools.RunScript -url "jdbc:h2:file:$work/server-h2/data/emailaccounts" -script "$work/records.sql"
    measure_server h2 java "$jvm_options" -jar "$jar" --server.port=$port "${server_limits[@]}"
fi

if [[ " $engines " == *" postgresql "* ]]; then
    # PostgreSQL's durable defaults: every commit is flushed to disk before it is acknowledged.
    PG_SETTINGS="" source server/postgres-cluster.sh
    trap cleanup EXIT
    pg_port=$port
    port=18080
    api="http://localhost:$port/api/crm/emailaccounts"
    search="$api?EmailAccount_Business=42&orderBy=DisplayName&page=1&size=25"
    "$bindir/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE bare"
    pg_url="jdbc:postgresql://127.0.0.1:$pg_port"
    start bare-postgresql "$api/1" java "$jvm_options" -jar "$bare" --server.port=$port --bench.durable=true \
        --spring.datasource.url="$pg_url/bare" --spring.datasource.username=postgres
    measure pg_bare_put "bare app: PUT + one PostgreSQL row, a commit each" PUT "$api" "" "$body"
    measure pg_bare_get "bare app: GET one PostgreSQL row" GET "$api/87654321" "" ""
    stop

    # The server on PostgreSQL, configured as production is (configured users, its keys), the records loaded with psql.
    pg_server=(java "$jvm_options" -jar "$jar" --server.port=$port "${server_limits[@]}"
        --spring.datasource.url="$pg_url/emailaccounts" --spring.datasource.username=postgres
        # A bcrypt hash (of "bench"), as production mode requires: the server checks a password once and then remembers
        # it was right (VerifiedPasswordCache), so the hash costs its check once, not per request.
        --emailaccounts.users[0].username=bench@example.com '--emailaccounts.users[0].password={bcrypt}$2a$10$GUvtGMq1/lhz61molcf7Zeq5yAjfvM7pkpYHBNWBMicmpvwkH11NO'
        --emailaccounts.users[0].administrator=true --emailaccounts.demo-data=true
        --emailaccounts.security.token-signing-key="$(head -c 32 /dev/urandom | base64 -w0)"
        --emailaccounts.secrets.encryption-key="$(head -c 32 /dev/urandom | base64 -w0)")
    start server-postgresql-schema "http://localhost:$port/actuator/health" "${pg_server[@]}"
    stop
    # Then the state autovacuum reaches soon after a bulk load: statistics, and a visibility map with which a count
    # reads the index alone.
    insert_select "generate_series(1, $records) AS x" "gen_random_uuid()" \
        | "$bindir/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -d emailaccounts
    "$bindir/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -d emailaccounts -c "VACUUM ANALYZE email_account"
    measure_server postgresql "${pg_server[@]}"
fi

echo
echo "ratios, measured in this run:"
if [[ -n "${rate[h2_put_bearer]:-}" ]]; then
    echo "  embedded H2: PUT, bearer token  $(ratio h2_put_bearer h2_bare_put) x bare PUT + durable H2 row,  $(ratio h2_put_bearer bare_put) x bare PUT"
    echo "  embedded H2: PUT, HTTP Basic    $(ratio h2_put_basic h2_bare_put) x bare PUT + durable H2 row,  $(ratio h2_put_basic bare_put) x bare PUT"
    echo "  embedded H2: GET one            $(ratio h2_get_bearer bare_get) x bare GET"
    [[ -n "${rate[prism_put]:-}" ]] && echo "  embedded H2: PUT, bearer token  $(ratio h2_put_bearer prism_put) x Prism"
fi
if [[ -n "${rate[postgresql_put_bearer]:-}" ]]; then
    echo "  PostgreSQL:  PUT, bearer token  $(ratio postgresql_put_bearer pg_bare_put) x bare PUT + PostgreSQL row (commit each)${rate[postgresql_put_bearer_commits]}"
    echo "  PostgreSQL:  PUT, HTTP Basic    $(ratio postgresql_put_basic pg_bare_put) x bare PUT + PostgreSQL row (commit each)${rate[postgresql_put_basic_commits]}"
    echo "  PostgreSQL:  GET one            $(ratio postgresql_get_bearer pg_bare_get) x bare GET of a PostgreSQL row"
fi
