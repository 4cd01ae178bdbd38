#!/usr/bin/env bash
# The server against its own stack's ceiling, on this machine, on both databases it runs on:
#  - the embedded H2: a bare Spring Boot app (built here from server/bench/bare: the same JSON PUT and GET answered
#    with nothing else on the path; a second one whose PUT also updates one durable H2 row per request) and the
#    packaged server as the README runs it (embedded H2 file written at every commit); a Prism mock of the contract
#    is measured once before them, for scale;
#  - PostgreSQL (a throwaway cluster with PostgreSQL's durable defaults: every commit flushed): the bare app updating
#    one row per PUT (one commit per request) and reading it per GET, and the server on that PostgreSQL, with the
#    number of PostgreSQL commits per acknowledged PUT.
# The server has 100,000 records. The apps of one engine run side by side, each on its own port, and are measured
# in turn, never together. wrk (Debian's package, 2 threads, 16 connections, one user) first warms each case up until
# its throughput is steady (the server's JIT compilation takes minutes to settle, the bare app's seconds). Then come
# rounds: in each, every case is measured once, for a few seconds, in an order that reverses from one round to the next.
# A ratio is taken within each round, between measurements seconds apart, so that the machine's speed, which swings
# by a factor of two or three over minutes on a shared 2-core machine, cancels out; the ratio reported is the median
# of the rounds', with their range. Absolute numbers (the median per case of requests/s, p50, p99, CPU time per
# request; the process's resident memory at the end) move by a third between runs: compare ratios.
# The limits stay on the server's path, set high enough never to refuse a request.
# Usage, after `mvn -q -DskipTests package`:
#   bash server/bench/run.sh [seconds per case per round, default 10] [rounds, default 7]
#       [most seconds of warm-up per case, default 240] [engines, default "h2 postgresql"]
# BENCH_JAR names another server jar to measure. BENCH_BASELINE_JAR names a second one, a former commit's say, run
# beside the first (its own records, its own database) and measured in the same rounds: the ratios of the two are
# then taken within each round too, which is how two commits are compared on a machine whose speed will not hold.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10}"
rounds="${2:-7}"
max_warmup="${3:-240}"
engines="${4:-h2 postgresql}"
records=100000
server_port=18080
bare_port=18081
durable_port=18082
baseline_port=18083
jar="${BENCH_JAR:-$PWD/server/target/emailaccounts-server.jar}"
baseline_jar="${BENCH_BASELINE_JAR:-}"
# Every app runs with the JVM settings of the README's run command.
jvm_options="@$PWD/server/jvm.options"
[[ -f "$jar" ]] || { echo "no $jar: run mvn -q -DskipTests package first" >&2; exit 1; }
[[ -z "$baseline_jar" || -f "$baseline_jar" ]] || { echo "no $baseline_jar" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
source server/bench/records.sh

echo "building the bare app ..."
mvn -q -B -f server/bench/bare/pom.xml package -DskipTests
bare="$PWD/server/bench/bare/target/bare.jar"

work=$(mktemp -d)
declare -A pid_of
stop_all() {
    local name
    for name in "${!pid_of[@]}"; do
        kill "${pid_of[$name]}" 2>/dev/null || true
        wait "${pid_of[$name]}" 2>/dev/null || true
        unset "pid_of[$name]"
    done
}
cleanup() { stop_all; [[ "$(type -t stop_postgres)" == function ]] && stop_postgres; rm -rf "$work"; }
trap cleanup EXIT

# start NAME URL-THAT-ANSWERS-WHEN-READY COMMAND...: runs the command in $work/NAME, in the background.
start() {
    local name=$1 ready=$2
    shift 2
    mkdir -p "$work/$name"
    (cd "$work/$name" && exec "$@") > "$work/$name.log" 2>&1 &
    pid_of[$name]=$!
    for _ in $(seq 120); do
        curl -s -o /dev/null "$ready" && return
        kill -0 "${pid_of[$name]}" 2>/dev/null || break
        sleep 0.5
    done
    echo "$name did not start; its log:" >&2
    cat "$work/$name.log" >&2
    exit 1
}
stop() { kill "${pid_of[$1]}"; wait "${pid_of[$1]}" 2>/dev/null || true; unset "pid_of[$1]"; }

ticks_per_second=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/${pid_of[$1]}/stat"; }
rss_mb() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/${pid_of[$1]}/status"; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# wrk_line SECONDS METHOD URL AUTHORIZATION BODY-FILE: one load; prints report.lua's line.
wrk_line() {
    METHOD="$2" AUTHORIZATION="$4" BODY_FILE="$5" wrk -t2 -c16 -d"$1s" -s server/bench/report.lua "$3" | tail -1
}

# warm_up METHOD URL AUTHORIZATION BODY-FILE: 10-second loads until two in a row (after the first 30 s) agree
# within 5 %, or $max_warmup seconds have passed.
warm_up() {
    local previous=0 current elapsed=0
    while (( elapsed < max_warmup )); do
        current=$(wrk_line 10 "$@" | awk '{printf "%d", $2 / $4}')
        elapsed=$((elapsed + 10))
        if (( elapsed > 30 )) && awk -v a="$previous" -v b="$current" 'BEGIN {exit !(a > 0 && b > 0.95 * a && b < 1.05 * a)}'; then
            break
        fi
        previous=$current
    done
}

# pg_commits DATABASE: PostgreSQL's count of committed transactions in a server's database (each app has its own).
pg_commits() {
    sleep 1.5   # PostgreSQL publishes its statistics at most once a second
    "$bindir/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -At -c \
        "SELECT xact_commit FROM pg_stat_database WHERE datname = '$1'"
}

# The cases of one engine, one line each: KEY|LABEL|PROCESS|METHOD|URL|AUTHORIZATION|BODY-FILE|DATABASE-WHOSE-COMMITS-TO-COUNT.
cases=()
declare -A result

# measure ROUND CASE-LINE: one measurement of the case, kept as result[KEY,ROUND,...].
measure() {
    local round=$1 key label process method url authorization body count_commits
    IFS='|' read -r key label process method url authorization body count_commits <<< "$2"
    local before after line requests seconds p50 p99 non2xx socket_errors commits_before=0
    [[ -n "$count_commits" ]] && commits_before=$(pg_commits "$count_commits")
    before=$(cpu_ticks "$process")
    line=$(wrk_line "$duration" "$method" "$url" "$authorization" "$body")
    after=$(cpu_ticks "$process")
    read -r _ requests _ seconds _ p50 _ p99 _ non2xx _ socket_errors <<< "$line"
    if (( non2xx > 0 || socket_errors > 0 )); then
        echo "$label: $non2xx answers were not 2xx and $socket_errors failed; see $work" >&2
        exit 1
    fi
    result[$key,$round,rate]=$(awk -v r="$requests" -v s="$seconds" 'BEGIN {printf "%.0f", r / s}')
    result[$key,$round,p50]=$p50
    result[$key,$round,p99]=$p99
    result[$key,$round,cpu]=$(awk -v t=$((after - before)) -v hz="$ticks_per_second" -v r="$requests" 'BEGIN {print t * 1000 / hz / r}')
    if [[ -n "$count_commits" ]]; then
        result[$key,$round,commits]=$(awk -v c=$(( $(pg_commits "$count_commits") - commits_before )) -v r="$requests" 'BEGIN {printf "%.2f", c / r}')
    fi
}

# of KEY FIELD: the field's values over the rounds.
of() { local round; for round in $(seq "$rounds"); do echo "${result[$1,$round,$2]:-}"; done; }

# run_cases: warms every case up (all before any is measured, so that none pays for another's compilation), then the
# rounds; then prints each case's medians.
run_cases() {
    local c key label process method url authorization body count round order
    for c in "${cases[@]}"; do
        IFS='|' read -r key label process method url authorization body count <<< "$c"
        warm_up "$method" "$url" "$authorization" "$body"
    done
    for round in $(seq "$rounds"); do
        order=("${cases[@]}")
        (( round % 2 == 0 )) && mapfile -t order < <(printf '%s\n' "${cases[@]}" | tac)
        for c in "${order[@]}"; do
            measure "$round" "$c"
        done
    done
    for c in "${cases[@]}"; do
        IFS='|' read -r key label process method url authorization body count <<< "$c"
        local commits=""
        [[ -n "$count" ]] && commits="  $(median $(of "$key" commits)) PostgreSQL commits per PUT"
        printf '%-54s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  CPU %6.3f ms/req  RSS %5s MB%s\n' "$label" \
            "$(median $(of "$key" rate))" "$(median $(of "$key" p50))" "$(median $(of "$key" p99))" \
            "$(median $(of "$key" cpu))" "$(rss_mb "$process")" "$commits"
    done
}

# ratio A B: A's throughput over B's, round by round: the median, and the range.
ratio() {
    local round values=()
    for round in $(seq "$rounds"); do
        values+=("$(awk -v a="${result[$1,$round,rate]}" -v b="${result[$2,$round,rate]}" 'BEGIN {printf "%.3f", a / b}')")
    done
    printf '%.2f x (rounds %.2f to %.2f)' "$(median "${values[@]}")" "$(printf '%s\n' "${values[@]}" | sort -g | head -1)" \
        "$(printf '%s\n' "${values[@]}" | sort -g | tail -1)"
}

body="$PWD/server/bench/put-body.json"
path="/api/crm/emailaccounts"
search="$path?EmailAccount_Business=42&orderBy=DisplayName&page=1&size=25"
server_limits=(--emailaccounts.rate-limit.writes-per-minute=1000000000 --emailaccounts.login-throttle.max-failures=1000000000)

# server_cases NAME PORT ENGINE [DATABASE]: the cases of the server already started as NAME on PORT, keyed NAME_...
# (DATABASE: the PostgreSQL database whose commits are counted); the development administrator signs in with Basic
# and with a bearer token.
server_cases() {
    local name=$1 port=$2 engine=$3 database=${4:-} credentials basic token bearer server="http://localhost:$2"
    if [[ -f "$work/$name/data/dev-credentials" ]]; then
        credentials=$(cat "$work/$name/data/dev-credentials")
    else
        credentials="bench@example.com:bench"
    fi
    basic="Basic $(printf '%s' "$credentials" | base64 -w0)"
    token=$(curl -sf -X POST "$server/api/token" -d grant_type=password -d "username=${credentials%%:*}" \
        --data-urlencode "password=${credentials#*:}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
    bearer="Bearer $token"
    local label="server on $engine"
    [[ "$name" == baseline* ]] && label="baseline server on $engine"
    cases+=("${name}_put_bearer|$label: PUT, bearer token|$name|PUT|$server$path|$bearer|$body|$database"
        "${name}_put_basic|$label: PUT, HTTP Basic|$name|PUT|$server$path|$basic|$body|$database"
        "${name}_get_bearer|$label: GET one, bearer token|$name|GET|$server$path/87654321|$bearer||"
        "${name}_search|$label: search, 1 of 100 businesses, 100k|$name|GET|$server$search|$bearer||")
}

# compared ENGINE LABEL: the ratios of this server to the baseline, when there is one.
compared() {
    [[ -n "$baseline_jar" ]] || return 0
    local case
    for case in put_bearer put_basic get_bearer search; do
        ratios+=("$2: this server over the baseline, $case  $(ratio "server-$1_$case" "baseline-$1_$case")")
    done
}

echo "each case: warmed up until steady (at most ${max_warmup} s); then $rounds rounds of ${duration} s per case (wrk, 2 threads, 16 connections)"
ratios=()

if [[ " $engines " == *" h2 "* ]]; then
    # A mock server generated from the contract, for scale, measured once: Stoplight Prism, from the npm registry.
    if command -v npm >/dev/null && npm install --prefix "$work/prism" --no-audit --no-fund --loglevel=error \
            @stoplight/prism-cli@5.16.0 >/dev/null 2>&1; then
        start prism "http://localhost:$server_port$path/87654321" \
            "$work/prism/node_modules/.bin/prism" mock --host 127.0.0.1 -p $server_port "$PWD/api/openapi.yaml"
        cases=("prism_put|Prism mock of the contract: PUT|prism|PUT|http://localhost:$server_port$path|Basic $(printf 'a:b' | base64 -w0)|$body|")
        saved_rounds=$rounds rounds=1
        run_cases
        rounds=$saved_rounds
        prism_rate=${result[prism_put,1,rate]}
        stop prism
    fi

    # The server as the README runs it: its default embedded database, the demo record, the development administrator
    # (a bcrypt hash); then the records for the search, added with H2's own tool while the server is down.
    prepare_h2() {
        local name=$1 port=$2 server_jar=$3
        start "$name" "http://localhost:$port/actuator/health" java "$jvm_options" -jar "$server_jar" --server.port=$port
        stop "$name"
        unzip -p "$server_jar" 'BOOT-INF/lib/h2-*.jar' > "$work/h2.jar"
        insert_select "(SELECT X AS x FROM SYSTEM_RANGE(1, $records))" "RANDOM_UUID()" > "$work/records.sql"
        java -cp "$work/h2.jar" org.h2.tools.RunScript -url "jdbc:h2:file:$work/$name/data/emailaccounts" -script "$work/records.sql"
    }
    prepare_h2 server-h2 $server_port "$jar"
    [[ -n "$baseline_jar" ]] && prepare_h2 baseline-h2 $baseline_port "$baseline_jar"

    start bare "http://localhost:$bare_port$path/1" java "$jvm_options" -jar "$bare" --server.port=$bare_port
    start bare-h2 "http://localhost:$durable_port$path/1" java "$jvm_options" -jar "$bare" --server.port=$durable_port \
        --bench.durable=true --spring.datasource.url="jdbc:h2:file:$work/bare;WRITE_DELAY=0"
    start server-h2 "http://localhost:$server_port/actuator/health" \
        java "$jvm_options" -jar "$jar" --server.port=$server_port "${server_limits[@]}"
    cases=("bare_put|bare app: PUT|bare|PUT|http://localhost:$bare_port$path||$body|"
        "bare_get|bare app: GET one|bare|GET|http://localhost:$bare_port$path/87654321|||"
        "h2_bare_put|bare app: PUT + one durable H2 row|bare-h2|PUT|http://localhost:$durable_port$path||$body|")
    server_cases server-h2 $server_port h2
    if [[ -n "$baseline_jar" ]]; then
        start baseline-h2 "http://localhost:$baseline_port/actuator/health" \
            java "$jvm_options" -jar "$baseline_jar" --server.port=$baseline_port "${server_limits[@]}"
        server_cases baseline-h2 $baseline_port h2
    fi
    run_cases
    stop_all
    ratios+=("embedded H2: PUT, bearer token  $(ratio server-h2_put_bearer h2_bare_put) the bare PUT + durable H2 row;  $(ratio server-h2_put_bearer bare_put) the bare PUT"
        "embedded H2: PUT, HTTP Basic    $(ratio server-h2_put_basic h2_bare_put) the bare PUT + durable H2 row"
        "embedded H2: GET one            $(ratio server-h2_get_bearer bare_get) the bare GET")
    [[ -n "${prism_rate:-}" ]] && ratios+=("embedded H2: PUT, bearer token  $(awk -v a="$(median $(of server-h2_put_bearer rate))" -v b="$prism_rate" 'BEGIN {printf "%.2f", a / b}') x Prism (medians)")
    compared h2 "embedded H2"
    if [[ -n "$baseline_jar" ]]; then
        ratios+=("embedded H2: the baseline's PUT, bearer token  $(ratio baseline-h2_put_bearer h2_bare_put) the bare PUT + durable H2 row"
            "embedded H2: the baseline's GET one            $(ratio baseline-h2_get_bearer bare_get) the bare GET")
    fi
fi

if [[ " $engines " == *" postgresql "* ]]; then
    # PostgreSQL's durable defaults: every commit is flushed to disk before it is acknowledged.
    PG_SETTINGS="" source server/postgres-cluster.sh
    trap cleanup EXIT
    pg_port=$port
    "$bindir/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE bare"
    pg_url="jdbc:postgresql://127.0.0.1:$pg_port"

    # The server on PostgreSQL, configured as production is (configured users, its keys), the records loaded with psql.
    # pg_server ARRAY JAR PORT DATABASE: the command, into ARRAY.
    pg_server() {
        local -n command=$1
        command=(java "$jvm_options" -jar "$2" --server.port="$3" "${server_limits[@]}"
            --spring.datasource.url="$pg_url/$4" --spring.datasource.username=postgres
            # A bcrypt hash (of "bench"), as production mode requires: the server checks a password once and then
            # remembers it was right (VerifiedPasswordCache), so the hash costs its check once, not per request.
            --emailaccounts.users[0].username=bench@example.com '--emailaccounts.users[0].password={bcrypt}$2a$10$GUvtGMq1/lhz61molcf7Zeq5yAjfvM7pkpYHBNWBMicmpvwkH11NO'
            --emailaccounts.users[0].administrator=true --emailaccounts.demo-data=true
            --emailaccounts.security.token-signing-key="$(head -c 32 /dev/urandom | base64 -w0)"
            --emailaccounts.secrets.encryption-key="$(head -c 32 /dev/urandom | base64 -w0)")
    }
    # prepare_postgresql NAME JAR PORT DATABASE: the server's schema made by the server itself, then the records, and
    # the state autovacuum reaches soon after a bulk load: statistics, and a visibility map with which a count reads
    # the index alone.
    prepare_postgresql() {
        local name=$1 server_jar=$2 port=$3 database=$4 pg_command
        [[ "$database" == emailaccounts ]] || "$bindir/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE $database"
        pg_server pg_command "$server_jar" "$port" "$database"
        start "$name" "http://localhost:$port/actuator/health" "${pg_command[@]}"
        stop "$name"
        insert_select "generate_series(1, $records) AS x" "gen_random_uuid()" \
            | "$bindir/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -d "$database"
        "$bindir/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -d "$database" -c "VACUUM ANALYZE email_account"
        # Started again with the same keys: the records' secrets stay readable.
        start "$name" "http://localhost:$port/actuator/health" "${pg_command[@]}"
    }

    start bare-postgresql "http://localhost:$bare_port$path/1" java "$jvm_options" -jar "$bare" --server.port=$bare_port \
        --bench.durable=true --spring.datasource.url="$pg_url/bare" --spring.datasource.username=postgres
    cases=("pg_bare_put|bare app: PUT + one PostgreSQL row, a commit each|bare-postgresql|PUT|http://localhost:$bare_port$path||$body|"
        "pg_bare_get|bare app: GET one PostgreSQL row|bare-postgresql|GET|http://localhost:$bare_port$path/87654321|||")
    prepare_postgresql server-postgresql "$jar" $server_port emailaccounts
    server_cases server-postgresql $server_port postgresql emailaccounts
    if [[ -n "$baseline_jar" ]]; then
        prepare_postgresql baseline-postgresql "$baseline_jar" $baseline_port emailaccounts_baseline
        server_cases baseline-postgresql $baseline_port postgresql emailaccounts_baseline
    fi
    run_cases
    stop_all
    ratios+=("PostgreSQL:  PUT, bearer token  $(ratio server-postgresql_put_bearer pg_bare_put) the bare PUT + PostgreSQL row (commit each)"
        "PostgreSQL:  PUT, HTTP Basic    $(ratio server-postgresql_put_basic pg_bare_put) the bare PUT + PostgreSQL row (commit each)"
        "PostgreSQL:  GET one            $(ratio server-postgresql_get_bearer pg_bare_get) the bare GET of a PostgreSQL row")
    compared postgresql "PostgreSQL"
    if [[ -n "$baseline_jar" ]]; then
        ratios+=("PostgreSQL:  the baseline's PUT, bearer token  $(ratio baseline-postgresql_put_bearer pg_bare_put) the bare PUT + PostgreSQL row"
            "PostgreSQL:  the baseline's GET one            $(ratio baseline-postgresql_get_bearer pg_bare_get) the bare GET of a PostgreSQL row")
    fi
fi

echo
echo "ratios of throughput, the median of $rounds rounds:"
printf '  %s\n' "${ratios[@]}"
