#!/usr/bin/env bash
# Runs the server's test suite against a real PostgreSQL server instead of the embedded H2: starts a throwaway
# cluster (Debian's postgresql package, installed when missing), runs the suite, and removes the cluster.
# Usage, from anywhere: bash server/postgres-tests.sh [more Maven arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

source server/postgres-cluster.sh

echo "Running the server's tests on PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') (port $port) ..."
# The server's tests and slow suites only: the other modules are built for it (-am) but their tests, the README's
# walk-throughs among them, do not touch the database; the TypeScript package and the Java client's javadoc are left
# as the build before this one made them.
mvn -B -ntp verify -pl server -am \
    -Dtest='io/emailaccounts/server/**/*Test' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test='io/emailaccounts/server/**/*IT' -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dtypescript.skip=true -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
    -Dtest.datasource.url="jdbc:postgresql://127.0.0.1:$port/emailaccounts" \
    -Dtest.datasource.username=postgres -Dtest.datasource.password= \
    "$@"
