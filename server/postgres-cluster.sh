# Sourced by the scripts that need a PostgreSQL server: starts a throwaway cluster (Debian's postgresql package,
# installed when missing) with a database "emailaccounts", user postgres without a password, on 127.0.0.1:$port, and
# removes it when the sourcing script exits (stop_postgres). Sets: bindir, port, pg_work; stop_postgres_server and
# start_postgres_server stop and start it again (an outage); pause_postgres_server and resume_postgres_server freeze
# and thaw it (a partition: connections stay open, nothing answers).
# The tests' cluster does not sync to disk (fsync=off: a throwaway cluster need not survive a power cut); set
# PG_SETTINGS to start it with other settings, such as PG_SETTINGS="" for PostgreSQL's durable defaults (the benchmark).
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$bindir" ]]; then
    echo "Installing Debian's postgresql package ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user (its tools run from /, since
# they cannot enter a private working directory such as a fresh clone under mktemp).
as_owner() { if [[ "$(id -u)" == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

pg_work=$(mktemp -d)
# start_postgres_server / stop_postgres_server: the cluster's server started on $port, and stopped as a restarting
# database stops (fast: open sessions are ended), its data kept. Each waits until it is done, within a generous
# 300 s (pg_ctl's own bound is 60 s), so that a busy machine makes them slower, not failed.
start_postgres_server() {
    as_owner "$bindir/pg_ctl" -D "$pg_work/data" -l "$pg_work/server.log" -w -t 300 \
        -o "-p $port -k $pg_work -c listen_addresses=127.0.0.1 ${PG_SETTINGS--c fsync=off}" start >/dev/null
}
stop_postgres_server() { as_owner "$bindir/pg_ctl" -D "$pg_work/data" -m fast -w -t 300 stop >/dev/null; }
# pause_postgres_server / resume_postgres_server: every process of the cluster stopped (SIGSTOP), the server first so
# that it starts no new session, then continued (SIGCONT) in the reverse order: what a client meets when the network
# to the database is cut or its host freezes, with no connection closed and no error, only silence.
cluster_processes() {
    local server
    server=$(head -1 "$pg_work/data/postmaster.pid")
    echo "$server" $(pgrep -P "$server" || true)
}
pause_postgres_server() { kill -STOP $(cluster_processes); }
resume_postgres_server() { kill -CONT $(cluster_processes | tr ' ' '\n' | tac); }
stop_postgres() {
    [[ -f "$pg_work/data/postmaster.pid" ]] && kill -CONT $(cluster_processes) 2>/dev/null || true
    as_owner "$bindir/pg_ctl" -D "$pg_work/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_work"
}
trap stop_postgres EXIT
[[ "$(id -u)" == 0 ]] && chown postgres "$pg_work"
as_owner "$bindir/initdb" -D "$pg_work/data" -U postgres --auth=trust -E UTF8 >/dev/null

# A port below Linux's ephemeral range (32768 and up), so no outgoing connection can hold it; another server
# may still listen on it, so a start that fails to bind is tried again on another port.
started=
for attempt in 1 2 3 4 5; do
    rm -f "$pg_work/server.log"
    port=$(( 20000 + RANDOM % 12000 ))
    if start_postgres_server; then
        started=yes
        break
    fi
    grep -q 'could not create any TCP/IP sockets' "$pg_work/server.log" || break
    echo "Port $port is taken; trying another ..."
done
if [[ -z "$started" ]]; then
    echo "PostgreSQL did not start; its log:" >&2
    cat "$pg_work/server.log" >&2
    exit 1
fi
"$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE emailaccounts"

