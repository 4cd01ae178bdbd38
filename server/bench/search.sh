#!/usr/bin/env bash
# Benchmark of search over 100,000 records: latency of a page-1 search with and without filters, on the embedded
# H2 database (default) or on PostgreSQL. Loads the records with SQL, warms the server up, then measures with wrk on
# one connection (latency, not throughput). Usage, after `mvn -q -DskipTests package`:
#   bash server/bench/search.sh [h2|postgresql] [seconds per case, default 15]
set -euo pipefail
cd "$(dirname "$0")/../.."
database="${1:-h2}"
duration="${2:-15}"
records=100000
port=18090
jar=server/target/emailaccounts-server.jar
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
server=""
stop_server() {
    if [[ -n "$server" ]]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
        server=""
    fi
}
cleanup() { stop_server; [[ -n "${pg_stop:-}" ]] && eval "$pg_stop"; rm -rf "$work"; }
trap cleanup EXIT

source server/bench/records.sh

start_server() {
    java -jar "$jar" --server.port=$port --emailaccounts.demo-data=false \
        --emailaccounts.users[0].username=bench@example.com '--emailaccounts.users[0].password={bcrypt}$2a$10$GUvtGMq1/lhz61molcf7Zeq5yAjfvM7pkpYHBNWBMicmpvwkH11NO' \
        --emailaccounts.users[0].administrator=true "$@" > "$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 90); do curl -sf "localhost:$port/actuator/health" >/dev/null && return; sleep 1; done
    echo "the server did not start; see $work/server.log" >&2; exit 1
}

if [[ "$database" == postgresql ]]; then
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    as_owner() { if [[ "$(id -u)" == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
    pg_port=$(( 20000 + RANDOM % 20000 ))
    [[ "$(id -u)" == 0 ]] && chown postgres "$work"
    as_owner "$bindir/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 >/dev/null
    as_owner "$bindir/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
    pg_stop="as_owner $bindir/pg_ctl -D $work/pg -m fast stop >/dev/null 2>&1 || true"
    "$bindir/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE emailaccounts"
    datasource=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$pg_port/emailaccounts" --spring.datasource.username=postgres)
    start_server "${datasource[@]}"   # creates the schema
    insert_select "generate_series(1, $records) AS x" "gen_random_uuid()" \
        | "$bindir/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -d emailaccounts
    "$bindir/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -d emailaccounts -c "VACUUM ANALYZE email_account"
else
    datasource=(--spring.datasource.url="jdbc:h2:file:$work/db")
    start_server "${datasource[@]}"   # creates the schema
    stop_server
    unzip -p "$jar" 'BOOT-INF/lib/h2-*.jar' > "$work/h2.jar"
    insert_select "(SELECT X AS x FROM SYSTEM_RANGE(1, $records))" "RANDOM_UUID()" > "$work/load.sql"
    java -cp "$work/h2.jar" org.h2.tools.RunScript -url "jdbc:h2:file:$work/db" -script "$work/load.sql"
    start_server "${datasource[@]}"
fi

auth="Authorization: Basic $(printf 'bench@example.com:bench' | base64 -w0)"
api="http://localhost:$port/api/crm/emailaccounts"
measure() {
    local label=$1 query=$2
    local out total
    # The answer must be a real page: a 200 with the expected total, not a fast error.
    total=$(curl -sf -H "$auth" "$api?$query" | sed -E 's/.*"TotalItems":([0-9]+).*/\1/') \
        || { echo "$label: the search failed" >&2; exit 1; }
    out=$(wrk -t1 -c1 -d"${duration}s" --latency -H "$auth" "$api?$query")
    if grep -q "Non-2xx" <<< "$out"; then echo "$label: some answers were not 200" >&2; exit 1; fi
    printf '%-50s %7s matches  p50 %8s  p99 %8s  %s req/s\n' "$label" "$total" \
        "$(echo "$out" | awk '$1 == "50%" {print $2}')" "$(echo "$out" | awk '$1 == "99%" {print $2}')" \
        "$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
}
echo "warming up ..."
for query in "page=1" "EmailAccount_Business=42" "orderBy=DisplayName" "from_EmailAccount_ErrorCount=6&to_EmailAccount_ErrorCount=6"; do
    wrk -t1 -c2 -d8s -H "$auth" "$api?$query" >/dev/null
done
echo "search over $records records on $database (1 connection, ${duration}s per case):"
measure "page 1, no filter (order by Id)" "page=1&size=25"
measure "page 1, EmailAccount_Business=42" "EmailAccount_Business=42&page=1&size=25"
measure "page 1, business filter, order by DisplayName" "EmailAccount_Business=42&orderBy=DisplayName&page=1&size=25"
measure "page 1, ErrorCount from 6 to 6" "from_EmailAccount_ErrorCount=6&to_EmailAccount_ErrorCount=6&page=1&size=25"
measure "page 1, no filter, order by DisplayName desc" "orderBy=DisplayName&dir=1&page=1&size=25"
measure "page 400, no filter" "page=400&size=25"
