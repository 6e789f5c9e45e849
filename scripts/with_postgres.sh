#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster, then stop and delete the cluster.
#
#   scripts/with_postgres.sh CMD [ARGS...]
#
# Installs PostgreSQL from Debian's packages when it is missing (as root), creates a
# cluster in a temporary directory owned by an unprivileged user (PostgreSQL refuses to
# run as root), listens on a local port only, creates the database ``casemgr_test`` with
# the C collation (binary ordering, like SQLite: see docs/deployment.md) and runs CMD with
#   CASEMGR_TEST_DATABASE_URL=postgresql+psycopg://casemgr@127.0.0.1:PORT/casemgr_test
# exported (tests/conftest.py then runs the database fixtures on PostgreSQL).
# Where PostgreSQL cannot be installed or started, it prints why and exits 0 without
# running CMD, so the SQLite run stays the verdict on machines without it.
set -euo pipefail

# A free local port (the kernel picks one), unless CASEMGR_PG_PORT names one: two runs on
# one machine (two CI jobs, a developer's own cluster on 5432) never collide.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
PORT="${CASEMGR_PG_PORT:-$(free_port)}"

skip() {
    echo "PostgreSQL SKIPPED: $*" >&2
    exit 0
}

find_bin() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then
            echo "$d"
            return 0
        fi
    done
    return 1
}

BIN="$(find_bin || true)"
if [[ -z "$BIN" ]]; then
    if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "installing PostgreSQL from Debian packages ..." >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1 \
            || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1; } \
            || skip "apt-get install postgresql failed (no network or no package mirror?)"
        BIN="$(find_bin || true)"
    fi
    [[ -n "$BIN" ]] || skip "PostgreSQL is not installed and cannot be installed here (not root, or no apt-get)"
fi

# The cluster runs as an unprivileged user: 'postgres' from the package when we are root.
RUNAS=()
if [[ "$(id -u)" -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || skip "no 'postgres' user to run the server as"
    RUNAS=(runuser -u postgres --)
fi

WORK="$(mktemp -d /tmp/casemgr-pg.XXXXXX)"
chmod 755 "$WORK"
[[ ${#RUNAS[@]} -gt 0 ]] && chown postgres "$WORK"
DATA="$WORK/data"

cleanup() {
    "${RUNAS[@]}" "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

"${RUNAS[@]}" "$BIN/initdb" -D "$DATA" -U casemgr --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; skip "initdb failed"; }
# Who may connect, and how: the superuser ``casemgr`` (the fixtures' and migrations' role)
# without a password from this machine only; every other role (the per-user login roles
# that tests/test_pg_roles.py creates, docs/deployment.md) with its SCRAM-SHA-256
# password, as on a bureau's server.
cat >"$DATA/pg_hba.conf" <<'HBA'
local all casemgr              trust
host  all casemgr 127.0.0.1/32 trust
host  all all     127.0.0.1/32 scram-sha-256
HBA
"${RUNAS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w \
    -o "-h 127.0.0.1 -p $PORT -k $WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c password_encryption=scram-sha-256" \
    start >/dev/null || { cat "$WORK/server.log" >&2; skip "the server did not start (port $PORT busy?)"; }
"${RUNAS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U casemgr -T template0 --locale=C.UTF-8 casemgr_test

export CASEMGR_TEST_DATABASE_URL="postgresql+psycopg://casemgr@127.0.0.1:$PORT/casemgr_test"
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on port $PORT: $CASEMGR_TEST_DATABASE_URL" >&2
set +e
"$@"
status=$?
set -e
exit $status
