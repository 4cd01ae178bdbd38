#!/usr/bin/env bash
# Several replicas behind one address, on this machine: a throwaway PostgreSQL cluster, two servers (the packaged
# jar) on it, and HAProxy (Debian's package, installed when missing) in front of them on http://127.0.0.1:8090,
# checking each replica's /actuator/health/readiness twice a second.
#   bash server/replicas.sh        starts them and waits; Ctrl-C stops everything
#   bash server/replicas.sh test   the failover test CI runs: writes and reads spread over both replicas; a create
#                                  with one Idempotency-Key sent to each replica, in turn and at once, makes one
#                                  record; one replica killed (SIGKILL) in the middle of a burst of writes, with no acknowledged
#                                  write lost and the service answering through the other; then restarted and back
#                                  in rotation; then a rolling restart of both replicas (SIGTERM, start again, one
#                                  after the other) under steady reads, updates and creates through the balancer,
#                                  with no failed request, no connection error and every acknowledged create kept;
#                                  then PostgreSQL stopped for 6 s under creates and reads: only 200 or a prompt 503
#                                  envelope with Retry-After, readiness DOWN then UP, every acknowledged create kept;
#                                  then PostgreSQL frozen for 10 s (SIGSTOP: a partition, connections open and
#                                  silent): the same, each answer within 8 s;
#                                  then a pg_dump under writes, restored into an empty database and served by a server
#                                  with the same keys: every create acknowledged before the backup is there
# After `mvn -q -DskipTests package`. The administrator is admin@example.com, password replicas-secret.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
jar="$PWD/server/target/emailaccounts-server.jar"
jvm_options="$PWD/server/jvm.options"
[[ -f "$jar" ]] || { echo "no $jar: run mvn -q -DskipTests package first" >&2; exit 1; }
command -v haproxy >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; }
command -v curl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }
[[ "$mode" != test ]] || command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

source server/postgres-cluster.sh
work=$(mktemp -d)
declare -A pids=()
balancer_pid=""
stop_all() {
    for name in "${!pids[@]}"; do kill "${pids[$name]}" 2>/dev/null || true; done
    [[ -n "$balancer_pid" ]] && kill "$balancer_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
    stop_postgres
}
trap stop_all EXIT

password=replicas-secret
balancer_port=8090
declare -A ports=([a]=18091 [b]=18092 [restored]=18093)
# The balancer checks readiness every 500 ms and takes a replica out after two failures: a stopping replica serves on
# for twice that (the default, 10 s, is sized for checks every 2-3 s).
drain=2s

# start_replica NAME [DATABASE]: the jar as the README's production start runs it, on the shared database.
start_replica() {
    local name=$1 database=${2:-emailaccounts}
    mkdir -p "$work/$name"
    (cd "$work/$name" && exec java @"$jvm_options" -jar "$jar" --server.port="${ports[$name]}" \
        --spring.datasource.url="jdbc:postgresql://127.0.0.1:$port/$database" --spring.datasource.username=postgres \
        --emailaccounts.security.token-signing-key="$(head -c 32 /dev/zero | tr '\0' 'k' | base64)" \
        --emailaccounts.secrets.encryption-key="$(head -c 32 /dev/zero | tr '\0' 'e' | base64)" \
        --emailaccounts.users[0].username=admin@example.com --emailaccounts.users[0].password="{noop}$password" \
        --emailaccounts.users[0].administrator=true --emailaccounts.rate-limit.writes-per-minute=1000000000 \
        --emailaccounts.shutdown.drain="$drain" --server.forward-headers-strategy=native) >> "$work/$name.log" 2>&1 &
    pids[$name]=$!
}

# ready NAME: waits until the replica says it is ready.
ready() {
    for _ in $(seq 120); do
        curl -sf -o /dev/null "http://127.0.0.1:${ports[$1]}/actuator/health/readiness" && return
        sleep 0.5
    done
    echo "replica $1 did not become ready; its log:" >&2
    cat "$work/$1.log" >&2
    exit 1
}

# The replicas start one after the other: the first runs the migrations.
start_replica a
ready a
start_replica b
ready b

cat > "$work/haproxy.cfg" <<CFG
global
    maxconn 512
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    # A request whose connection to a replica fails goes to another one (nothing reached the dead replica).
    retries 2
    option redispatch
frontend api
    bind 127.0.0.1:$balancer_port
    default_backend replicas
backend replicas
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2
    server a 127.0.0.1:${ports[a]} check
    server b 127.0.0.1:${ports[b]} check
CFG
haproxy -f "$work/haproxy.cfg" -db >> "$work/haproxy.log" 2>&1 &
balancer_pid=$!
api="http://127.0.0.1:$balancer_port/api/crm/emailaccounts"
for _ in $(seq 60); do curl -sf -o /dev/null -u "admin@example.com:$password" "$api?size=1" && break; sleep 0.5; done

if [[ "$mode" != test ]]; then
    echo "Two replicas (ports ${ports[a]}, ${ports[b]}) on PostgreSQL (port $port) behind http://127.0.0.1:$balancer_port"
    echo "  curl -u admin@example.com:$password 'http://127.0.0.1:$balancer_port/api/crm/emailaccounts?size=5'"
    echo "Logs in $work. Ctrl-C stops everything."
    wait "$balancer_pid"
    exit 0
fi

fail() {
    echo "FAILED: $*" >&2
    grep -h -B1 -A12 " ERROR " "$work"/[ab].log 2>/dev/null | head -60 >&2 || true
    exit 1
}
# served NAME: the API requests the replica answered, from its access log (the balancer's health checks left out).
served() { grep -c 'io.emailaccounts.access.*path=/api' "$work/$1.log" || true; }
body='{"BusinessId": 1001, "DisplayName": "Failover inbox", "EmailAddress": "failover@example.com",
       "IncomingServer": "imap.example.com", "IncomingServerType": 1, "IncomingServerPort": 993,
       "IncomingServerUsername": "failover", "DeleteMessageSettings": 1, "OutgoingServer": "smtp.example.com",
       "OutgoingServerPort": 587, "OutgoingServerUsername": "failover", "LastMessageId": 0, "ErrorCount": 0,
       "GoogleAccessToken": "a-secret-sealed-with-the-encryption-key"}'

# all_kept IDS-FILE WHEN [API]: every Id in the file answers 200 (through the balancer unless API is given).
all_kept() {
    local id status
    while read -r id; do
        status=$(curl -s -o /dev/null -w '%{http_code}' -u "admin@example.com:$password" "${3:-$api}/$id")
        [[ "$status" == 200 ]] || fail "record $id, acknowledged $2, answers $status"
    done < "$1"
}

# burst WRITER COUNT: creates through the balancer; the Id of each acknowledged create, the status of each other one.
burst() {
    local answer status
    for _ in $(seq "$2"); do
        answer=$(curl -s -u "admin@example.com:$password" -H 'Content-Type: application/json' -d "$body" \
            -w '\n%{http_code}' "$api" || true)
        status=${answer##*$'\n'}
        if [[ "$status" == 200 ]]; then
            sed -nE 's/.*"Value":\{"Id":([0-9]+)\}.*/\1/p' <<< "$answer" >> "$work/acknowledged-$1"
        else
            echo "$status" >> "$work/refused-$1"
        fi
    done
}

echo "Spreading: 40 reads and writes through the balancer ..."
burst warmup 20
for _ in $(seq 20); do curl -sf -o /dev/null -u "admin@example.com:$password" "$api?size=1" || fail "a read was refused"; done
(( $(served a) > 5 && $(served b) > 5 )) || fail "requests were not spread over both replicas (a: $(served a), b: $(served b))"

echo "One Idempotency-Key sent to each replica, one after the other and both at once ..."
# keyed_create REPLICA KEY NAME: a create with the key straight to the replica; its answer, then its headers.
keyed_create() {
    curl -s -D - -u "admin@example.com:$password" -H "Idempotency-Key: $2" -H 'Content-Type: application/json' \
        -d "${body/Failover inbox/$3}" "http://127.0.0.1:${ports[$1]}/api/crm/emailaccounts"
}
named() { "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d emailaccounts -tA -c "SELECT count(*) FROM email_account WHERE display_name = '$1'"; }
key="replicas-$$-$RANDOM"
keyed_create a "$key" "Shared key" > "$work/keyed-a"
keyed_create b "$key" "Shared key" > "$work/keyed-b"
[[ "$(tail -1 "$work/keyed-a")" == "$(tail -1 "$work/keyed-b")" ]] || fail "replica b answered the key otherwise than a: $(tail -1 "$work/keyed-b")"
grep -qi '^Idempotent-Replayed: true' "$work/keyed-b" || fail "replica b did not replay replica a's answer"
(( $(named "Shared key") == 1 )) || fail "one key made $(named "Shared key") records on two replicas"
for twin in 1 2 3 4; do
    key="twins-$$-$twin"
    keyed_create a "$key" "Twins $twin" > "$work/twin-a" & twin_a=$!
    keyed_create b "$key" "Twins $twin" > "$work/twin-b" & twin_b=$!
    wait "$twin_a" "$twin_b"
    (( $(named "Twins $twin") == 1 )) || fail "twins sent at once to both replicas made $(named "Twins $twin") records"
    for answer in "$work"/twin-[ab]; do
        head -1 "$answer" | grep -qE ' (200|409) ' || fail "a twin was answered $(head -1 "$answer")"
    done
done
echo "  one record per key, the second replica answering the first's answer; twins at once made one record each"

echo "Killing replica a in the middle of a burst of writes ..."
burst 1 150 & writer1=$!
burst 2 150 & writer2=$!
sleep 1
kill -9 "${pids[a]}"
{ wait "${pids[a]}"; } 2>/dev/null || true
unset 'pids[a]'
killed_at=$(served b)
wait "$writer1" "$writer2"
cat "$work"/acknowledged-[12] > "$work/acknowledged" 2>/dev/null || fail "no write was acknowledged during the failover"
acknowledged=$(wc -l < "$work/acknowledged")
# A writer none of whose writes was refused has no refused-N file (the usual case when no write was in flight).
refused=$( (cat "$work"/refused-[12] 2>/dev/null || true) | wc -l)
echo "  $acknowledged writes acknowledged, $refused not (in flight on the killed replica)"
(( refused <= 4 )) || fail "$refused writes were refused or lost in flight: $(sort "$work"/refused-[12] | uniq -c | tr '\n' ' ')"
(( $(served b) > killed_at + 50 )) || fail "replica b did not take over the writes"
all_kept "$work/acknowledged" "during the failover"
echo "  every acknowledged write is there"

echo "Restarting replica a ..."
start_replica a
ready a
sleep 2  # two health checks in a row put it back in rotation
before=$(served a)
for _ in $(seq 20); do curl -sf -o /dev/null -u "admin@example.com:$password" "$api?size=1" || fail "a read was refused"; done
(( $(served a) > before )) || fail "replica a is not back in rotation"

# restart NAME: SIGTERM (as an orchestrator stops it), the process exits by itself; started again, ready, in rotation.
restart() {
    local started
    started=$(date +%s)
    kill -TERM "${pids[$1]}"
    wait "${pids[$1]}" 2>/dev/null || true
    echo "  replica $1 stopped by itself in $(( $(date +%s) - started )) s"
    grep -q 'Stopping: readiness is DOWN' "$work/$1.log" || fail "replica $1 did not drain before stopping"
    start_replica "$1"
    ready "$1"
    sleep 2  # two health checks in a row put it back in rotation
}

echo "Rolling restart of both replicas under load (reads, updates and creates through the balancer) ..."
id=$(head -1 "$work/acknowledged")
token=$(curl -sf -X POST "http://127.0.0.1:$balancer_port/api/token" -d grant_type=password -d username=admin@example.com \
    -d "password=$password" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
printf '{"Id": %s, %s' "$id" "${body#\{}" > "$work/update.json"
load_seconds=90
load() {  # load NAME METHOD URL BODY-FILE: 3 connections for $load_seconds s; wrk's summary line
    METHOD=$2 AUTHORIZATION="Bearer $token" BODY_FILE=$4 \
        wrk -t1 -c3 -d${load_seconds}s --timeout 10s -s server/bench/report.lua "$3" | tail -1 > "$work/load-$1"
}
load reads GET "$api/$id" "" & reads=$!
load updates PUT "$api" "$work/update.json" & updates=$!
rm -f "$work"/acknowledged-rolling "$work"/refused-rolling
( while [[ ! -f "$work/stop-creates" ]]; do burst rolling 1; done ) & creates=$!
load_started=$(date +%s)
sleep 5
restart a
restart b
(( $(date +%s) - load_started < load_seconds )) || fail "the restarts outlasted the load; lengthen it"
touch "$work/stop-creates"
wait "$creates" "$reads" "$updates"
for name in reads updates; do
    read -r _ requests _ _ _ _ _ _ _ non2xx _ errors < "$work/load-$name" || fail "no summary of the $name"
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
# outage NAME CUT RESTORE SECONDS BOUND: creates and reads sent straight to replica a, PostgreSQL cut off by CUT for
# SECONDS s and given back by RESTORE: only 200 or a 503 envelope with Retry-After, each within BOUND s; readiness UP,
# then DOWN (answered within 3 s), then UP; replica a serves again without a restart; every acknowledged create kept.
outage() {
    outage=$1
    local cut=$2 restore=$3 seconds=$4 bound=$5 answers unavailable slowest readiness slowest_probe
    rm -f "$work/stop-outage" "$work"/outage-*
    outage_stream & stream=$!
    readiness_watch & watch=$!
    sleep 3
    $cut
    sleep "$seconds"
    $restore
    sleep 8
    touch "$work/stop-outage"
    wait "$stream" "$watch"
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
    tail -4 "$work/outage-answers" | grep -qv '^200 ' && fail "replica a did not serve again after PostgreSQL came back"
    all_kept "$work/acknowledged-$outage" "while PostgreSQL was $outage"
    echo "  $(wc -l < "$work/acknowledged-$outage") creates acknowledged around it, every one kept; replica a serves again without a restart"
}
echo "Stopping PostgreSQL for 6 s under creates and reads sent straight to replica a ..."
outage stopped stop_postgres_server start_postgres_server 6 5
echo "Cutting PostgreSQL off (frozen: connections open, no answer) for 10 s under the same load ..."
outage frozen pause_postgres_server resume_postgres_server 10 8
echo "Backing up PostgreSQL with pg_dump under writes, restoring it into an empty database ..."
sort -u "$work"/acknowledged-* > "$work/before-backup"
rm -f "$work/stop-creates"
( while [[ ! -f "$work/stop-creates" ]]; do burst backup 1; done ) & creates=$!
sleep 1
"$bindir/pg_dump" -h 127.0.0.1 -p "$port" -U postgres -Fc -f "$work/emailaccounts.dump" emailaccounts
touch "$work/stop-creates"
wait "$creates"
"$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE restored"
"$bindir/pg_restore" -h 127.0.0.1 -p "$port" -U postgres --no-owner -d restored "$work/emailaccounts.dump"
# The same keys: the server refuses to start on secrets its encryption key cannot read.
start_replica restored restored
ready restored
sealed=$("$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d restored -tA \
    -c "SELECT count(*) FROM email_account WHERE google_access_token LIKE 'v1:%'")
all_kept "$work/before-backup" "before the backup began, from the restored database" \
    "http://127.0.0.1:${ports[restored]}/api/crm/emailaccounts"
(( sealed > 0 )) || fail "no sealed secret in the restored database"
echo "  $(wc -l < "$work/before-backup") creates acknowledged before the backup, every one restored; $sealed sealed secrets read with the same key"
echo "Replicas test passed: spread over both replicas, one record per Idempotency-Key across them, $acknowledged acknowledged writes all kept through a SIGKILL, back in rotation after a restart; a rolling restart under load failed no request; a PostgreSQL stopped or frozen answered 503 and survived; a backup under writes restored"
