#!/usr/bin/env bash
# Run a command with a throw-away PostgreSQL 15 + PostGIS 3 server for the PostGIS tests (issue #6).
#
#   bash scripts/with_postgis.sh .venv/bin/python -m pytest -q tests/qgis
#
# When GEBIED_PG_HOST, GEBIED_PG_SERVICE or PGHOST is already set, the command runs against that
# server unchanged. Otherwise: a temporary data directory, initdb (as the `postgres` OS user when
# run as root), a server on 127.0.0.1 (first free port from 55432) with its socket in that
# directory, a database with the postgis extension and a login role with a random password. The
# connection goes to the command as GEBIED_PG_HOST/PORT/DB/USER/PASSWORD (never printed). The
# server is stopped and the directory removed on exit, also on failure or interrupt; the exit
# code is the command's. If no server can start: with CI=true this fails; otherwise the command
# runs with GEBIED_PG_SKIP set to the reason, and the PostGIS tests skip saying so.
set -uo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi
if [ -n "${GEBIED_PG_HOST:-}${GEBIED_PG_SERVICE:-}${PGHOST:-}" ]; then
  exec "$@"
fi

PGBIN=${GEBIED_PG_BIN:-/usr/lib/postgresql/15/bin}
PGDIR=""
AS=()

cleanup() {
  if [ -n "$PGDIR" ] && [ -d "$PGDIR" ]; then
    if [ -f "$PGDIR/data/postmaster.pid" ]; then
      "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PGDIR"
  fi
}

unavailable() {
  local reason="$1"; shift
  echo "with_postgis: $reason" >&2
  cleanup
  PGDIR=""
  if [ "${CI:-}" = "true" ]; then
    echo "with_postgis: CI=true, so the PostGIS tests may not skip: failing." >&2
    exit 1
  fi
  export GEBIED_PG_SKIP="$reason"
  exec "$@"
}

start_server() {
  [ -x "$PGBIN/initdb" ] || { REASON="no PostgreSQL at $PGBIN"; return 1; }
  [ -f /usr/share/postgresql/15/extension/postgis.control ] || { REASON="PostGIS for PostgreSQL 15 is not installed"; return 1; }
  PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/gebied-pg.XXXXXX") || { REASON="cannot create a temporary directory"; return 1; }
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { REASON="no postgres OS user to run the server as"; return 1; }
    chown postgres: "$PGDIR" || { REASON="cannot hand $PGDIR to postgres"; return 1; }
    AS=(runuser -u postgres --)
  fi
  chmod 700 "$PGDIR"
  local log="$PGDIR/server.log"
  (cd "$PGDIR" && "${AS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 -N >"$PGDIR/initdb.log" 2>&1) \
    || { REASON="initdb failed: $(tail -n 3 "$PGDIR/initdb.log" 2>/dev/null)"; return 1; }
  local port
  for port in $(seq "${GEBIED_PG_PORT_BASE:-55432}" $(( ${GEBIED_PG_PORT_BASE:-55432} + 9 ))); do
    if (cd "$PGDIR" && "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$PGDIR' -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off" start >/dev/null 2>&1); then
      PGPORT_CHOSEN=$port
      return 0
    fi
  done
  REASON="the server did not start: $(tail -n 3 "$log" 2>/dev/null)"
  return 1
}

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

REASON=""
if ! start_server; then
  unavailable "no PostgreSQL test server: ${REASON}. Install postgresql-15 and postgresql-15-postgis-3 \
(scripts/setup.sh) or point GEBIED_PG_HOST/PORT/DB/USER/PASSWORD at a server, then run: \
bash scripts/with_postgis.sh .venv/bin/python -m pytest tests/qgis/test_postgis_*.py" "$@"
fi

PASSWORD=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
psql_admin() {
  (cd "$PGDIR" && "${AS[@]}" "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGDIR" -p "$PGPORT_CHOSEN" -U postgres "$@")
}
# The password travels on stdin as a psql variable: never on a command line or in a log.
if ! printf '%s\n' "CREATE ROLE gebied_test LOGIN CREATEROLE PASSWORD :'pw';" \
    "CREATE DATABASE gebied_test OWNER gebied_test;" \
    | psql_admin -v pw="$PASSWORD" -d postgres >/dev/null 2>"$PGDIR/setup.err"; then
  unavailable "creating the test role and database failed: $(cat "$PGDIR/setup.err")" "$@"
fi
if ! psql_admin -d gebied_test -c "CREATE EXTENSION postgis" >/dev/null 2>"$PGDIR/setup.err"; then
  unavailable "CREATE EXTENSION postgis failed: $(cat "$PGDIR/setup.err")" "$@"
fi

export GEBIED_PG_HOST=127.0.0.1 GEBIED_PG_PORT="$PGPORT_CHOSEN" GEBIED_PG_DB=gebied_test \
  GEBIED_PG_USER=gebied_test GEBIED_PG_PASSWORD="$PASSWORD"
unset PASSWORD
echo "with_postgis: PostgreSQL $("$PGBIN/postgres" -V | awk '{print $3}') + PostGIS on 127.0.0.1:$PGPORT_CHOSEN (temporary)" >&2
"$@"
rc=$?
exit "$rc"
