#!/usr/bin/env bash
# Several replicas behind one address, on this machine: a throwaway PostgreSQL cluster, two servers (the packaged
# jar) on it, and HAProxy (Debian's package, installed when missing) in front of them on http://127.0.0.1:8090,
# checking each replica's /actuator/health/readiness twice a second; its statistics on http://127.0.0.1:8099/.
#   bash server/replicas.sh        starts them and waits; Ctrl-C stops everything
#   bash server/replicas.sh test   the failover test CI runs, in steps:
#     1. writes and reads spread over both replicas;
#     2. a create with one Idempotency-Key sent to each replica, in turn and at once, makes one record;
#     3. one replica killed (SIGKILL) in the middle of a burst of writes: no acknowledged write lost, the service
#        answering through the other; then restarted and back in rotation;
#     4. a rolling restart of both replicas (SIGTERM, start again, one after the other) under steady reads, updates
#        and creates through the balancer, lasting until both are back: no failed request, no connection error, every
#        acknowledged create kept;
#     5. PostgreSQL stopped for 6 s (and until a replica has answered 503) under creates and reads: only 200 or a
#        prompt 503 envelope with Retry-After, readiness DOWN then UP, every acknowledged create kept;
#     6. PostgreSQL frozen for 10 s (SIGSTOP: a partition, connections open and silent): the same, each answer
#        within 8 s;
#     7. a pg_dump under writes, restored into an empty database and served by a server with the same keys: every
#        create acknowledged before the backup is there;
#     8. a rolling upgrade under steady reads, updates and creates through the balancer: two replicas of the same
#        build given one more migration (a column added, from a Flyway location of the test's own) start at once,
#        the migration runs once, the old replicas serve on the migrated schema, the balancer takes the new ones in
#        and the old ones out: no failed request, every acknowledged create kept; an old replica started again on the
#        migrated schema is ready.
# Nothing in it waits for a fixed time that a slower machine could outlast: it waits for what it needs (a replica
# ready, back in rotation, the database back), each step within a bound (below) that is generous for a machine of
# two cores even with other work beside it, so a slow machine makes it longer, not red. A step that fails or outlasts
# its bound ends the test at once: the step is named, everything the test started is stopped (replicas, balancer,
# load, loops, PostgreSQL), and it exits non-zero.
# After `mvn -q -DskipTests package`. The administrator is admin@example.com, password replicas-secret.
set -eEuo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
jar="$PWD/server/target/emailaccounts-server.jar"
jvm_options="$PWD/server/jvm.options"
[[ -f "$jar" ]] || { echo "no $jar: run mvn -q -DskipTests package first" >&2; exit 1; }

# The bounds, in seconds. Each is many times what it takes on an idle machine of two cores (in brackets), so that
# only something wrong reaches it. Each step has a bound of its own too (its watchdog's), made of these.
ready_bound=300     # a replica started until it says it is ready (about 20 s)
rotation_bound=60   # a ready replica until the balancer sends it requests (about 1 s)
load_bound=900      # the rolling restart's load, which lasts until both replicas are back (about 60 s)
settle_bound=120    # replica a serving again once PostgreSQL is back (about 5 s)
command_bound=300   # psql, pg_dump or pg_restore (about a second each)
pg_ctl_bound=300    # PostgreSQL started or stopped (about a second; postgres-cluster.sh)

work=$(mktemp -d)
declare -A pids=()
balancer_pid=""
watchdog=""
step_name="setting up"
step_bound=""
step_started=$SECONDS
failed_command=""
reported=""

# descendants PID: every process under PID, at any depth.
descendants() {
    local child
    for child in $(pgrep -P "$1" || true); do echo "$child"; descendants "$child"; done
}
# stop_tree PID...: SIGTERM to each PID and everything under it; SIGKILL to what still runs 20 s later. They are
# frozen (SIGSTOP) first and listed again, so that a loop cannot start a process that escapes the list.
stop_tree() {
    local all alive
    all=$(for pid in "$@"; do echo "$pid"; descendants "$pid"; done)
    [[ -n "$all" ]] || return 0
    kill -STOP $all 2>/dev/null || true
    all=$(for pid in "$@"; do echo "$pid"; descendants "$pid"; done)
    kill -TERM $all 2>/dev/null || true
    kill -CONT $all 2>/dev/null || true
    for _ in $(seq 100); do
        # A zombie has ended; only its parent's wait is missing.
        alive=$(ps -o pid=,stat= -p "$(echo $all | tr ' ' ,)" | awk '$2 !~ /^Z/ {print $1}' || true)
        [[ -n "$alive" ]] || return 0
        sleep 0.2
    done
    kill -9 $alive 2>/dev/null || true
}
# stop_all: on every exit, passed or failed. Stops everything the script started (replicas, balancer, load, loops,
# the watchdog), then PostgreSQL; names the step that failed, unless fail already did.
stop_all() {
    local status=$?
    # Nothing interrupts the clean-up: a second Ctrl-C, or the watchdog.
    trap '' INT TERM HUP USR1
    trap - EXIT ERR
    set +eu
    if (( status != 0 )) && [[ -z "$reported" ]]; then
        echo "FAILED in step '$step_name': ${failed_command:-interrupted} (exit status $status)" >&2
    fi
    # A frozen PostgreSQL first thawed, so that the replicas stop without waiting on it.
    declare -F resume_postgres_server >/dev/null && [[ -f "${pg_work:-}/data/postmaster.pid" ]] && resume_postgres_server 2>/dev/null
    stop_tree $(pgrep -P $$)
    declare -F stop_postgres >/dev/null && stop_postgres
    rm -rf "$work"
    exit "$status"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
trap 'failed_command="${BASH_SOURCE[0]##*/} line $LINENO: $BASH_COMMAND"' ERR
trap 'fail "it outlasted its bound of $step_bound s"' USR1

# fail MESSAGE: the test fails in the current step; stop_all stops everything.
fail() {
    reported=yes
    echo "FAILED in step '$step_name': $*" >&2
    grep -h -B1 -A12 " ERROR " "$work"/*.log 2>/dev/null | head -60 >&2 || true
    exit 1
}
# step NAME BOUND: the step that begins, which fails if it has not ended within BOUND seconds.
step() {
    end_step
    step_name=$1 step_bound=$2 step_started=$SECONDS
    echo "$1 ..."
    ( sleep "$2"; kill -USR1 $$ ) & watchdog=$!
}
end_step() {
    [[ -n "$watchdog" ]] || return 0
    stop_tree "$watchdog"
    wait "$watchdog" 2>/dev/null || true
    watchdog=""
    echo "  ($(( SECONDS - step_started )) s)"
}
# eventually BOUND WHAT COMMAND...: COMMAND, every 0.2 s until it succeeds; fails the step after BOUND seconds,
# saying WHAT (expanded then: '$(served a)' in single quotes gives the count at the end).
eventually() {
    local bound=$1 what=$2 deadline=$(( SECONDS + $1 ))
    shift 2
    until "$@"; do
        (( SECONDS < deadline )) || fail "$(eval "echo \"$what\""): not within $bound s"
        sleep 0.2
    done
}
# bounded COMMAND...: COMMAND, ended when it outlasts $command_bound s (a trap waits for a command to end).
bounded() { timeout -k 10 "$command_bound" "$@"; }

step "Setting up PostgreSQL and HAProxy" $(( 3 * pg_ctl_bound ))
command -v haproxy >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; }
command -v curl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }
[[ "$mode" != test ]] || command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
source server/postgres-cluster.sh
trap stop_all EXIT  # postgres-cluster.sh set its own; stop_all calls it

password=replicas-secret
# The same password as production mode takes it, a bcrypt hash (java -cp spring-security-crypto.jar ... BCryptPasswordEncoder).
password_hash='{bcrypt}$2a$10$7vspDyfrDkHkOoqnhLx0meROADQ5G0clpHyS9Mcby/k.Sk.nkKy8a'
balancer_port=8090
stats_port=8099
declare -A ports=([a]=18091 [b]=18092 [restored]=18093 [c]=18094 [d]=18095)
# HAProxy's runtime API (step 8 takes the upgraded replicas into the rotation with it).
admin_port=8098
# The balancer checks readiness every 500 ms and takes a replica out after two failures: a stopping replica serves on
# for twice that (the default, 10 s, is sized for checks every 2-3 s).
drain=2s

# start_replica NAME [DATABASE [ARGUMENT...]]: the jar as the README's production start runs it, on the shared database.
start_replica() {
    local name=$1 database=${2:-emailaccounts}
    local more=("${@:3}")
    mkdir -p "$work/$name"
    (cd "$work/$name" && exec java @"$jvm_options" -jar "$jar" --server.port="${ports[$name]}" "${more[@]}" \
        --spring.datasource.url="jdbc:postgresql://127.0.0.1:$port/$database" --spring.datasource.username=postgres \
        --emailaccounts.security.token-signing-key="$(head -c 32 /dev/zero | tr '\0' 'k' | base64)" \
        --emailaccounts.secrets.encryption-key="$(head -c 32 /dev/zero | tr '\0' 'e' | base64)" \
        --emailaccounts.users[0].username=admin@example.com --emailaccounts.users[0].password="$password_hash" \
        --emailaccounts.users[0].administrator=true --emailaccounts.rate-limit.writes-per-minute=1000000000 \
        --emailaccounts.shutdown.drain="$drain" --server.forward-headers-strategy=native \
        --server.tomcat.remoteip.internal-proxies='127\.0\.0\.1') >> "$work/$name.log" 2>&1 &
    pids[$name]=$!
}
# ready NAME: waits until the replica says it is ready.
ready() {
    local deadline=$(( SECONDS + ready_bound ))
    until curl -sf -m 5 -o /dev/null "http://127.0.0.1:${ports[$1]}/actuator/health/readiness"; do
        if ! kill -0 "${pids[$1]}" 2>/dev/null || (( SECONDS >= deadline )); then
            echo "replica $1's log:" >&2
            tail -40 "$work/$1.log" >&2
            fail "replica $1 did not become ready within $ready_bound s"
        fi
        sleep 0.5
    done
}
# balanced NAME: the balancer's view of the replica (UP, DOWN, "UP 1/2" while it is being checked, ...).
balanced() { curl -s -m 5 "http://127.0.0.1:$stats_port/;csv" | awk -F, -v name="$1" '$1 == "replicas" && $2 == name {print $18}'; }
is_up() { [[ "$(balanced "$1")" == UP ]]; }
# in_rotation NAME: waits until the balancer sends the replica requests.
in_rotation() { eventually "$rotation_bound" "the balancer did not take replica $1 back" is_up "$1"; }

step "Starting two replicas on PostgreSQL behind the balancer" $(( 2 * ready_bound + 2 * rotation_bound ))
# The replicas start one after the other: the first runs the migrations.
start_replica a
ready a
start_replica b
ready b

cat > "$work/haproxy.cfg" <<CFG
global
    maxconn 512
    stats socket ipv4@127.0.0.1:$admin_port level admin
defaults
    mode http
    timeout connect 2s
    # A readiness check answered within 2 s counts (without it, the check's timeout is its 500 ms interval, which a
    # busy replica could miss).
    timeout check 2s
    timeout client 30s
    timeout server 30s
    # A request whose connection to a replica fails goes to another one (nothing reached the dead replica).
    retries 2
    option redispatch
frontend api
    bind 127.0.0.1:$balancer_port
    default_backend replicas
frontend statistics
    bind 127.0.0.1:$stats_port
    stats enable
    stats uri /
backend replicas
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2
    server a 127.0.0.1:${ports[a]} check
    server b 127.0.0.1:${ports[b]} check
    # The upgraded replicas of step 8: out of rotation (maintenance) until the step takes them in.
    server c 127.0.0.1:${ports[c]} check disabled
    server d 127.0.0.1:${ports[d]} check disabled
CFG
haproxy -f "$work/haproxy.cfg" -db >> "$work/haproxy.log" 2>&1 &
balancer_pid=$!
api="http://127.0.0.1:$balancer_port/api/crm/emailaccounts"
in_rotation a
in_rotation b

if [[ "$mode" != test ]]; then
    end_step
    # Ctrl-C is how this mode ends: not a failure.
    trap 'exit 0' INT TERM
    echo "Two replicas (ports ${ports[a]}, ${ports[b]}) on PostgreSQL (port $port) behind http://127.0.0.1:$balancer_port"
    echo "  curl -u admin@example.com:$password 'http://127.0.0.1:$balancer_port/api/crm/emailaccounts?size=5'"
    echo "The balancer's view of them: http://127.0.0.1:$stats_port/. Logs in $work. Ctrl-C stops everything."
    wait "$balancer_pid"
    exit 0
fi

# served NAME: the API requests the replica answered, from its access log (the balancer's health checks left out).
served() { grep -c 'io.emailaccounts.access.*path=/api' "$work/$1.log" || true; }
# lines FILE: how many lines the file has (0 when there is none yet).
lines() { if [[ -f "$1" ]]; then wc -l < "$1"; else echo 0; fi; }
body='{"BusinessId": 1001, "DisplayName": "Failover inbox", "EmailAddress": "failover@example.com",
       "IncomingServer": "imap.example.com", "IncomingServerType": 1, "IncomingServerPort": 993,
       "IncomingServerUsername": "failover", "DeleteMessageSettings": 1, "OutgoingServer": "smtp.example.com",
       "OutgoingServerPort": 587, "OutgoingServerUsername": "failover", "LastMessageId": 0, "ErrorCount": 0,
       "GoogleAccessToken": "a-secret-sealed-with-the-encryption-key"}'

# all_kept IDS-FILE WHEN [API]: every Id in the file answers 200 (through the balancer unless API is given).
all_kept() {
    local id status
    while read -r id; do
        status=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -u "admin@example.com:$password" "${3:-$api}/$id")
        [[ "$status" == 200 ]] || fail "record $id, acknowledged $2, answers $status"
    done < "$1"
}

# burst WRITER COUNT: creates through the balancer; the Id of each acknowledged create, the status of each other one.
burst() {
    local answer status
    for _ in $(seq "$2"); do
        answer=$(curl -s -m 60 -u "admin@example.com:$password" -H 'Content-Type: application/json' -d "$body" \
            -w '\n%{http_code}' "$api" || true)
        status=${answer##*$'\n'}
        if [[ "$status" == 200 ]]; then
            sed -nE 's/.*"Value":\{"Id":([0-9]+)\}.*/\1/p' <<< "$answer" >> "$work/acknowledged-$1"
        else
            echo "$status" >> "$work/refused-$1"
        fi
    done
}
# creating WRITER: creates through the balancer, one after the other, until told to stop (the file stop-creates).
creating() {
    rm -f "$work/stop-creates"
    ( while [[ ! -f "$work/stop-creates" ]]; do burst "$1" 1; done ) &
    creates=$!
}
stop_creating() { touch "$work/stop-creates"; wait "$creates"; }

step "Spreading 40 reads and writes over the balancer" 120
burst warmup 20
for _ in $(seq 20); do curl -sf -m 30 -o /dev/null -u "admin@example.com:$password" "$api?size=1" || fail "a read was refused"; done
spread() { (( $(served a) > 5 && $(served b) > 5 )); }
eventually 60 'requests were not spread over both replicas (a: $(served a), b: $(served b))' spread

step "Sending one Idempotency-Key to each replica, one after the other and both at once" 120
# keyed_create REPLICA KEY NAME: a create with the key straight to the replica; its answer, then its headers.
keyed_create() {
    curl -s -m 30 -D - -u "admin@example.com:$password" -H "Idempotency-Key: $2" -H 'Content-Type: application/json' \
        -d "${body/Failover inbox/$3}" "http://127.0.0.1:${ports[$1]}/api/crm/emailaccounts"
}
named() {
    bounded "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d emailaccounts -tA \
        -c "SELECT count(*) FROM email_account WHERE display_name = '$1'"
}
key="replicas-$$-$RANDOM"
keyed_create a "$key" "Shared key" > "$work/keyed-a"
keyed_create b "$key" "Shared key" > "$work/keyed-b"
[[ "$(tail -1 "$work/keyed-a")" == "$(tail -1 "$work/keyed-b")" ]] || fail "replica b answered the key otherwise than a: $(tail -1 "$work/keyed-b")"
grep -qi '^Idempotent-Replayed: true' "$work/keyed-b" || fail "replica b did not replay replica a's answer"
count=$(named "Shared key")
(( count == 1 )) || fail "one key made $count records on two replicas"
for twin in 1 2 3 4; do
    key="twins-$$-$twin"
    keyed_create a "$key" "Twins $twin" > "$work/twin-a" & twin_a=$!
    keyed_create b "$key" "Twins $twin" > "$work/twin-b" & twin_b=$!
    wait "$twin_a"
    wait "$twin_b"
    count=$(named "Twins $twin")
    (( count == 1 )) || fail "twins sent at once to both replicas made $count records"
    for answer in "$work"/twin-[ab]; do
        head -1 "$answer" | grep -qE ' (200|409) ' || fail "a twin was answered $(head -1 "$answer")"
    done
done
echo "  one record per key, the second replica answering the first's answer; twins at once made one record each"

step "Killing replica a in the middle of a burst of writes" 300
burst 1 150 & writer1=$!
burst 2 150 & writer2=$!
writing() { (( $(lines "$work/acknowledged-1") >= 10 && $(lines "$work/acknowledged-2") >= 10 )); }
eventually 60 "the writers had no writes acknowledged" writing
kill -9 "${pids[a]}"
{ wait "${pids[a]}"; } 2>/dev/null || true
unset 'pids[a]'
killed_at=$(served b)
wait "$writer1"
wait "$writer2"
cat "$work"/acknowledged-[12] > "$work/acknowledged"
acknowledged=$(wc -l < "$work/acknowledged")
# A writer none of whose writes was refused has no refused-N file (the usual case when no write was in flight).
refused=$( (cat "$work"/refused-[12] 2>/dev/null || true) | wc -l)
echo "  $acknowledged writes acknowledged, $refused not (in flight on the killed replica)"
(( refused <= 4 )) || fail "$refused writes were refused or lost in flight: $(sort "$work"/refused-[12] | uniq -c | tr '\n' ' ')"
took_over() { (( $(served b) > killed_at + 50 )); }
eventually 60 'replica b did not take over the writes (it served $(served b), $killed_at of them before the kill)' took_over
all_kept "$work/acknowledged" "during the failover"
echo "  every acknowledged write is there"

step "Restarting replica a" $(( ready_bound + rotation_bound + 60 ))
start_replica a
ready a
in_rotation a
before=$(served a)
for _ in $(seq 20); do curl -sf -m 30 -o /dev/null -u "admin@example.com:$password" "$api?size=1" || fail "a read was refused"; done
serves_a() { (( $(served a) > before )); }
eventually 60 "replica a is back in rotation, but was sent no request" serves_a

# stop_draining NAME: SIGTERM, as an orchestrator stops a replica; it drains (says so in its log, again) and exits by itself.
stop_draining() {
    local drained_before
    drained_before=$(grep -c 'Stopping: readiness is DOWN' "$work/$1.log" || true)
    kill -TERM "${pids[$1]}" 2>/dev/null || fail "replica $1 had stopped before it was told to"
    wait "${pids[$1]}" 2>/dev/null || true
    unset "pids[$1]"
    (( $(grep -c 'Stopping: readiness is DOWN' "$work/$1.log" || true) > drained_before )) \
        || fail "replica $1 did not drain before stopping"
}
# restart NAME: stopped (stop_draining), started again, ready, in rotation.
restart() {
    local started=$SECONDS
    stop_draining "$1"
    echo "  replica $1 stopped by itself in $(( SECONDS - started )) s"
    start_replica "$1"
    ready "$1"
    in_rotation "$1"
    echo "  replica $1 back in rotation $(( SECONDS - started )) s after it was stopped"
}

step "Restarting both replicas, one after the other, under reads, updates and creates" $(( load_bound + 60 ))
id=$(head -1 "$work/acknowledged")
token=$(curl -sf -m 30 -X POST "http://127.0.0.1:$balancer_port/api/token" -d grant_type=password \
    -d username=admin@example.com -d "password=$password" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
printf '{"Id": %s, %s' "$id" "${body#\{}" > "$work/update.json"
declare -A loads=()
# load NAME METHOD URL BODY-FILE: 3 connections until stopped (stop_load), for at most $load_bound s.
load() {
    METHOD=$2 AUTHORIZATION="Bearer $token" BODY_FILE=$4 \
        wrk -t1 -c3 -d${load_bound}s --timeout 10s -s server/bench/report.lua "$3" > "$work/load-$1" &
    loads[$1]=$!
}
# stop_load NAME: wrk stops at SIGINT and writes its summary (the last line of load-NAME).
stop_load() {
    kill -0 "${loads[$1]}" 2>/dev/null || fail "the $1 ended before the restarts did (its bound is $load_bound s): $(tail -3 "$work/load-$1")"
    kill -INT "${loads[$1]}"
    wait "${loads[$1]}"
}
rm -f "$work"/acknowledged-rolling "$work"/refused-rolling
load reads GET "$api/$id" ""
load updates PUT "$api" "$work/update.json"
creating rolling
loaded() { (( $(lines "$work/acknowledged-rolling") >= 5 )); }
eventually 60 "no create was acknowledged before the restarts" loaded
for name in reads updates; do
    kill -0 "${loads[$name]}" 2>/dev/null || fail "wrk did not run the $name: $(cat "$work/load-$name")"
done
restart a
restart b
stop_load reads
stop_load updates
stop_creating
for name in reads updates; do
    read -r _ requests _ _ _ _ _ _ _ non2xx _ errors < <(tail -1 "$work/load-$name") || fail "no summary of the $name"
    echo "  $name: $requests requests, $non2xx not 2xx, $errors connection errors"
    (( non2xx == 0 && errors == 0 && requests > 0 )) || fail "the $name failed during the rolling restart"
done
[[ ! -s "$work/refused-rolling" ]] || fail "creates failed during the rolling restart: $(sort "$work/refused-rolling" | uniq -c | tr '\n' ' ')"
created=$(wc -l < "$work/acknowledged-rolling")
all_kept "$work/acknowledged-rolling" "during the rolling restart"
echo "  creates: $created acknowledged, none refused, every one kept"

direct="http://127.0.0.1:${ports[a]}"
record=$(head -1 "$work/acknowledged")
# outage_stream: a create, then a read of the first record, until told to stop; per answer a line "status seconds",
# the Id of each acknowledged create, and each answer that is neither 200 nor a 503 envelope with Retry-After.
outage_stream() {
    local answer status seconds headers="$work/outage-headers"
    while [[ ! -f "$work/stop-outage" ]]; do
        for path in "/api/crm/emailaccounts" "/api/crm/emailaccounts/$record"; do
            if [[ "$path" == */$record ]]; then
                answer=$(curl -s -m 20 -D "$headers" -u "admin@example.com:$password" -w '\n%{http_code} %{time_total}' \
                    "$direct$path" || true)
            else
                answer=$(curl -s -m 20 -D "$headers" -u "admin@example.com:$password" -H 'Content-Type: application/json' \
                    -d "$body" -w '\n%{http_code} %{time_total}' "$direct$path" || true)
            fi
            read -r status seconds <<< "${answer##*$'\n'}"
            echo "$status $seconds" >> "$work/outage-answers"
            if [[ "$status" == 200 && "$path" != */$record ]]; then
                sed -nE 's/.*"Value":\{"Id":([0-9]+)\}.*/\1/p' <<< "$answer" >> "$work/acknowledged-$outage"
            elif [[ "$status" == 503 ]] && grep -qi '^Retry-After: [1-9]' "$headers" \
                    && grep -q '"WasSuccessful":false' <<< "$answer"; then
                :
            elif [[ "$status" != 200 ]]; then
                echo "$status after ${seconds}s: ${answer%$'\n'*}" >> "$work/outage-wrong"
            fi
        done
    done
}
# readiness_watch: replica a's readiness every half second, and how long each answer took; 000 when it did not
# answer within 5 s.
readiness_watch() {
    while [[ ! -f "$work/stop-outage" ]]; do
        curl -s -m 5 -o /dev/null -w '%{http_code} %{time_total}\n' "$direct/actuator/health/readiness" \
            >> "$work/outage-readiness" || true
        sleep 0.5
    done
}
# serving_since LINE: replica a is ready, and its last four answers, all after the LINE-th, were 200.
serving_since() {
    [[ "$(tail -1 "$work/outage-readiness" 2>/dev/null | cut -d' ' -f1)" == 200 ]] \
        && (( $(lines "$work/outage-answers") >= $1 + 4 )) \
        && ! tail -4 "$work/outage-answers" | grep -qv '^200 '
}
unavailable_seen() { grep -q '^503 ' "$work/outage-answers" && grep -q '^503 ' "$work/outage-readiness"; }
# outage NAME CUT RESTORE SECONDS BOUND: creates and reads sent straight to replica a, PostgreSQL cut off by CUT for
# SECONDS s (and until replica a has answered 503) and given back by RESTORE: only 200 or a 503 envelope with Retry-After, each within BOUND s; readiness UP,
# then DOWN (answered within 3 s), then UP; replica a serves again without a restart, and both replicas are back in
# the balancer's rotation; every acknowledged create kept.
outage() {
    outage=$1
    local cut=$2 restore=$3 seconds=$4 bound=$5 answers unavailable slowest readiness slowest_probe restored_at
    rm -f "$work/stop-outage" "$work"/outage-*
    outage_stream & stream=$!
    readiness_watch & watch=$!
    eventually 60 "replica a did not serve before the outage" serving_since 0
    $cut
    sleep "$seconds"
    # Cut off for SECONDS, and until replica a has said so (a 503, readiness DOWN), however slowly it does.
    eventually "$settle_bound" "replica a did not answer 503 and readiness DOWN while PostgreSQL was $outage" unavailable_seen
    $restore
    restored_at=$(lines "$work/outage-answers")
    eventually "$settle_bound" "replica a did not serve again after PostgreSQL came back" serving_since "$restored_at"
    touch "$work/stop-outage"
    wait "$stream"
    wait "$watch"
    answers=$(wc -l < "$work/outage-answers")
    unavailable=$(grep -c '^503 ' "$work/outage-answers" || true)
    slowest=$(sort -k2 -g "$work/outage-answers" | tail -1 | cut -d' ' -f2)
    echo "  $answers answers: $((answers - unavailable)) 200, $unavailable 503; the slowest took ${slowest} s"
    [[ ! -s "$work/outage-wrong" ]] || fail "answers other than 200 or a 503 envelope with Retry-After: $(head -3 "$work/outage-wrong")"
    (( unavailable > 0 )) || fail "no request was answered 503 while PostgreSQL was $outage"
    awk -v s="$slowest" -v b="$bound" 'BEGIN {exit !(s < b)}' || fail "an answer took ${slowest} s while PostgreSQL was $outage"
    readiness=$(cut -d' ' -f1 "$work/outage-readiness" | uniq | tr '\n' ' ')
    slowest_probe=$(sort -k2 -g "$work/outage-readiness" | tail -1 | cut -d' ' -f2)
    echo "  readiness: $readiness(the slowest answer took ${slowest_probe} s)"
    [[ "$readiness" =~ ^200\ 503\ 200\ $ ]] || fail "readiness was not UP, then DOWN (503), then UP: $readiness"
    awk -v s="$slowest_probe" 'BEGIN {exit !(s < 3)}' || fail "a readiness probe took ${slowest_probe} s"
    # The balancer took both replicas out while their readiness was DOWN; it takes them back after two checks.
    in_rotation a
    in_rotation b
    all_kept "$work/acknowledged-$outage" "while PostgreSQL was $outage"
    echo "  $(wc -l < "$work/acknowledged-$outage") creates acknowledged around it, every one kept; both replicas serve again without a restart"
}
outage_bound=$(( 60 + 2 * pg_ctl_bound + 2 * settle_bound + 2 * rotation_bound + 120 ))
step "Stopping PostgreSQL for 6 s under creates and reads sent straight to replica a" "$outage_bound"
outage stopped stop_postgres_server start_postgres_server 6 5
step "Cutting PostgreSQL off (frozen: connections open, no answer) for 10 s under the same load" "$outage_bound"
outage frozen pause_postgres_server resume_postgres_server 10 8

step "Backing up PostgreSQL with pg_dump under writes, restoring it into an empty database" \
    $(( 60 + 4 * command_bound + ready_bound + 300 ))
sort -u "$work"/acknowledged-* > "$work/before-backup"
creating backup
backing_up() { (( $(lines "$work/acknowledged-backup") >= 3 )); }
eventually 60 "no create was acknowledged before the backup" backing_up
bounded "$bindir/pg_dump" -h 127.0.0.1 -p "$port" -U postgres -Fc -f "$work/emailaccounts.dump" emailaccounts
stop_creating
bounded "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE restored"
bounded "$bindir/pg_restore" -h 127.0.0.1 -p "$port" -U postgres --no-owner -d restored "$work/emailaccounts.dump"
# The same keys: the server refuses to start on secrets its encryption key cannot read.
start_replica restored restored
ready restored
sealed=$(bounded "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d restored -tA \
    -c "SELECT count(*) FROM email_account WHERE google_access_token LIKE 'v2:%'")
all_kept "$work/before-backup" "before the backup began, from the restored database" \
    "http://127.0.0.1:${ports[restored]}/api/crm/emailaccounts"
(( sealed > 0 )) || fail "no sealed secret in the restored database"
echo "  $(wc -l < "$work/before-backup") creates acknowledged before the backup, every one restored; $sealed sealed secrets read with the same key"
kill -TERM "${pids[restored]}"
wait "${pids[restored]}" 2>/dev/null || true
unset 'pids[restored]'

# balancer_command COMMAND: a command to HAProxy's runtime API, and its answer.
balancer_command() {
    local answer
    exec {admin}<>"/dev/tcp/127.0.0.1/$admin_port" || fail "HAProxy's runtime API did not answer"
    printf '%s\n' "$1" >&"$admin"
    answer=$(timeout 10 cat <&"$admin" || true)
    exec {admin}>&-
    [[ -z "$answer" ]] || fail "HAProxy answered '$1' with: $answer"
}
# migrated: how many times the upgrade's migration is recorded as applied.
migrated() {
    bounded "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d emailaccounts -tA \
        -c "SELECT count(*) FROM flyway_schema_history WHERE version = '$upgrade_version' AND success"
}

step "Upgrading both replicas, under reads, updates and creates, to a build with one more migration" \
    $(( load_bound + 2 * ready_bound + 120 ))
# The next version after the build's own migrations, adding a column the old build does not know (expand: nullable,
# no default the old build would have to write).
upgrade_version=$(( $(ls server/src/main/resources/db/migration | sed -nE 's/^V([0-9]+)__.*/\1/p' | sort -n | tail -1) + 1 ))
mkdir -p "$work/upgrade-migrations"
echo "ALTER TABLE email_account ADD COLUMN upgrade_note VARCHAR(200);" \
    > "$work/upgrade-migrations/V${upgrade_version}__upgrade_adds_a_column.sql"
rm -f "$work"/acknowledged-upgrade "$work"/refused-upgrade
# A token of its own: the rolling restart's may be near its hour's end on a slow machine.
token=$(curl -sf -m 30 -X POST "http://127.0.0.1:$balancer_port/api/token" -d grant_type=password \
    -d username=admin@example.com -d "password=$password" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
load upgrade-reads GET "$api/$id" ""
load upgrade-updates PUT "$api" "$work/update.json"
creating upgrade
upgrading() { (( $(lines "$work/acknowledged-upgrade") >= 5 )); }
eventually 60 "no create was acknowledged before the upgrade" upgrading
# Both upgraded replicas start at once, each migrating on start: PostgreSQL's lock lets one run the migration.
start_replica c emailaccounts --spring.flyway.locations="classpath:db/migration,filesystem:$work/upgrade-migrations"
start_replica d emailaccounts --spring.flyway.locations="classpath:db/migration,filesystem:$work/upgrade-migrations"
ready c
ready d
(( $(migrated) == 1 )) || fail "the upgrade's migration V$upgrade_version is recorded $(migrated) times"
applied=$(cat "$work/c.log" "$work/d.log" | grep -c "Successfully applied 1 migration" || true)
(( applied == 1 )) || fail "the upgrade's migration was applied by $applied replicas, not one"
echo "  replicas c and d started at once; one applied V$upgrade_version, the other found it applied"
# The old replicas serve on the migrated schema: reads, updates and creates, while the new ones are out of rotation.
old_a=$(served a) old_b=$(served b) old_creates=$(lines "$work/acknowledged-upgrade")
old_serve() { (( $(served a) > old_a + 20 && $(served b) > old_b + 20 && $(lines "$work/acknowledged-upgrade") > old_creates + 5 )); }
eventually 120 'the old replicas did not serve on the migrated schema (a: $(served a), b: $(served b))' old_serve
echo "  the old replicas a and b served reads, updates and creates on the migrated schema"
balancer_command "enable server replicas/c"
balancer_command "enable server replicas/d"
in_rotation c
in_rotation d
stop_draining a
stop_draining b
new_c=$(served c) new_d=$(served d)
new_serve() { (( $(served c) > new_c + 20 && $(served d) > new_d + 20 )); }
eventually 120 'the upgraded replicas did not take the load (c: $(served c), d: $(served d))' new_serve
stop_load upgrade-reads
stop_load upgrade-updates
stop_creating
for name in upgrade-reads upgrade-updates; do
    read -r _ requests _ _ _ _ _ _ _ non2xx _ errors < <(tail -1 "$work/load-$name") || fail "no summary of the $name"
    echo "  ${name#upgrade-}: $requests requests, $non2xx not 2xx, $errors connection errors"
    (( non2xx == 0 && errors == 0 && requests > 0 )) || fail "the ${name#upgrade-} failed during the upgrade"
done
[[ ! -s "$work/refused-upgrade" ]] || fail "creates failed during the upgrade: $(sort "$work/refused-upgrade" | uniq -c | tr '\n' ' ')"
all_kept "$work/acknowledged-upgrade" "during the upgrade"
echo "  creates: $(wc -l < "$work/acknowledged-upgrade") acknowledged, none refused, every one kept; c and d serve alone"
# A replica of the old version started again (a rollback, a restart) starts on the migrated schema: Flyway ignores a
# migration newer than its own.
start_replica a
ready a
echo "  an old replica started again on the migrated schema is ready"
end_step
echo "Replicas test passed: spread over both replicas, one record per Idempotency-Key across them, $acknowledged acknowledged writes all kept through a SIGKILL, back in rotation after a restart; a rolling restart under load failed no request; a PostgreSQL stopped or frozen answered 503 and survived; a backup under writes restored; a rolling upgrade with a migration failed no request"
