#!/usr/bin/env bash
# The project's single test command (README: ./scripts/test.sh), also run by CI via .ci/run.
#
#   ./scripts/test.sh [extra dotnet test args, e.g. --filter "FullyQualifiedName~Kernel"]
#
# It must work on a fresh Debian 12 machine (nothing but the .NET SDK installed) and when run
# again and again, so every step is idempotent:
#   1. install postgresql and chromium with apt if missing (chromium is for browser tests);
#   2. make sure a PostgreSQL cluster is running (create/start one with pg_createcluster/pg_ctlcluster);
#   3. recreate a throw-away role + database for the tests and export EVENTFLOWAPP_TEST_POSTGRES;
#   4. dotnet test the whole solution with one TRX file per test project;
#   5. sum the TRX counters and print, as the very last line, "N passed, N failed, N skipped".
# Exit status is non-zero if any test failed, dotnet test failed (e.g. a build error) or no test ran.
# Nothing is stopped at the end: PostgreSQL keeps running for the next run (CI kills processes).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS_DIR="$REPO_ROOT/artifacts/test-results"
SOLUTION="$REPO_ROOT/EventFlowApp.sln"

# The tests connect over TCP with password auth as this role; they create one database per test
# class, hence CREATEDB. Everything owned by the role is dropped at the start of each run.
TEST_ROLE="eventflowapp_test"
TEST_DB="eventflowapp_test"
PG_HOST="127.0.0.1"
PG_PORT=""   # filled in from the running cluster (5432 on a default Debian install)

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# Root on our machines; fall back to sudo elsewhere (e.g. a developer laptop).
as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# psql as the postgres superuser over the local socket (peer auth), quiet and strict.
# Only the port is given, so any cluster can be reached; SQL comes on stdin (keeps the
# generated password out of the process list).
psql_admin() {
  as_root runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@"
}

# ---------------------------------------------------------------------------------------------
# 1. System packages. apt-get update runs at most once, and only if something is missing, so a
#    machine that already has everything spends no time here.
# ---------------------------------------------------------------------------------------------
ensure_packages() {
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 && [[ -d /usr/lib/postgresql ]] \
    && compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  if ((${#missing[@]} == 0)); then
    return
  fi
  log "Installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ---------------------------------------------------------------------------------------------
# 2. A running PostgreSQL cluster. Debian creates "15 main" on install but it is stopped at boot
#    (no systemd here), so usually we only start it. Prefer a cluster on 5432 when several exist.
# ---------------------------------------------------------------------------------------------
ensure_postgres_running() {
  local clusters ver name port status
  # pg_lsclusters -h: "ver cluster port status owner datadir logfile", no header.
  clusters="$(pg_lsclusters -h 2>/dev/null || true)"

  if [[ -z "$clusters" ]]; then
    ver="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
    log "No PostgreSQL cluster exists; creating $ver main"
    as_root pg_createcluster "$ver" main >/dev/null
    clusters="$(pg_lsclusters -h)"
  fi

  # Already one online? Use it (5432 first), nothing to start.
  read -r ver name port status _ < <(
    awk '$4 ~ /^online/ { print ($3 == 5432 ? 0 : 1), $0 }' <<<"$clusters" | sort -n | cut -d' ' -f2- | head -n1
  ) || true
  if [[ -z "${ver:-}" ]]; then
    read -r ver name port status _ < <(
      awk '{ print ($3 == 5432 ? 0 : 1), $0 }' <<<"$clusters" | sort -n | cut -d' ' -f2- | head -n1
    )
    log "Starting PostgreSQL cluster $ver $name (port $port)"
    # pg_ctl detaches the postmaster and points its output at the cluster's log file, so the
    # server neither keeps this script waiting nor holds CI's stdout pipe open.
    as_root pg_ctlcluster "$ver" "$name" start
  else
    log "PostgreSQL cluster $ver $name is running (port $port)"
  fi
  PG_PORT="$port"

  local i
  for i in $(seq 1 30); do
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && return
    sleep 1
  done
  die "PostgreSQL on $PG_HOST:$PG_PORT is not accepting connections (see /var/log/postgresql/)"
}

# ---------------------------------------------------------------------------------------------
# 3. Throw-away role and database, recreated each run with a fresh random password so a previous
#    (maybe crashed) run leaves nothing behind: its per-test-class databases are dropped too.
# ---------------------------------------------------------------------------------------------
recreate_test_role() {
  local password
  # Hex only: safe inside SQL literals and Npgsql connection strings without escaping.
  password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"

  log "Recreating role and database $TEST_ROLE"
  # \gexec runs each generated statement on its own (DROP DATABASE refuses a transaction block).
  # WITH (FORCE) ends sessions a killed test run may have left connected.
  psql_admin <<SQL
SET client_min_messages = warning;
SELECT format('DROP DATABASE %I WITH (FORCE)', d.datname)
  FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba
 WHERE r.rolname = '$TEST_ROLE' \gexec
SELECT format('DROP OWNED BY %I', rolname) FROM pg_roles WHERE rolname = '$TEST_ROLE' \gexec
DROP ROLE IF EXISTS $TEST_ROLE;
CREATE ROLE $TEST_ROLE LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE $TEST_DB OWNER $TEST_ROLE;
SQL

  export EVENTFLOWAPP_TEST_POSTGRES="Host=$PG_HOST;Port=$PG_PORT;Username=$TEST_ROLE;Password=$password;Database=$TEST_DB"

  # Prove the exact path the tests will use: TCP + password. This fails if pg_hba.conf has no
  # md5/scram-sha-256 "host" line for 127.0.0.1 (Debian's default has one) or if the server
  # does not listen on localhost.
  if ! PGPASSWORD="$password" psql -X -q -w -h "$PG_HOST" -p "$PG_PORT" -U "$TEST_ROLE" -d "$TEST_DB" \
        -tAc 'SELECT 1' >/dev/null; then
    die "cannot log in as $TEST_ROLE over TCP at $PG_HOST:$PG_PORT; check pg_hba.conf allows scram-sha-256/md5 for 127.0.0.1/32"
  fi
  log "EVENTFLOWAPP_TEST_POSTGRES is set (Host=$PG_HOST;Port=$PG_PORT;Username=$TEST_ROLE;Password=***;Database=$TEST_DB)"
  if [[ -n "${EVENTFLOWAPP_TEST_SQLSERVER:-}" ]]; then
    export EVENTFLOWAPP_TEST_SQLSERVER   # passed through untouched for the SQL Server tests
    log "EVENTFLOWAPP_TEST_SQLSERVER is set (passed through)"
  fi
}

# ---------------------------------------------------------------------------------------------
# 4. Run the tests. dotnet test goes on with the other projects when one fails; its exit code is
#    kept rather than aborting here, so the summary is always printed.
# ---------------------------------------------------------------------------------------------
run_tests() {
  rm -rf "$RESULTS_DIR"
  mkdir -p "$RESULTS_DIR"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  log "dotnet test $(basename "$SOLUTION") $*"
  local rc=0
  # LogFilePrefix makes each project's TRX name unique (prefix_framework_timestamp.trx), so
  # projects finishing in the same second do not overwrite each other's file.
  dotnet test "$SOLUTION" \
    --logger "trx;LogFilePrefix=tests" \
    --results-directory "$RESULTS_DIR" \
    "$@" || rc=$?
  DOTNET_TEST_RC=$rc
}

# ---------------------------------------------------------------------------------------------
# 5. Sum <Counters .../> over every TRX file. Attributes are matched by name, not position.
#    failed  = failed + error + timeout + aborted (every outcome that means "broken");
#    skipped = the rest of total: xunit's skipped tests land in total but not in executed, and
#              VSTest leaves the notExecuted counter at 0, so it is total - passed - failed
#              (which includes notExecuted, and total - executed).
#    Prints "passed failed skipped".
# ---------------------------------------------------------------------------------------------
sum_trx_counters() {
  local files=()
  mapfile -t files < <(find "$RESULTS_DIR" -name '*.trx' -type f)
  if ((${#files[@]} == 0)); then
    echo "0 0 0"
    return
  fi
  grep -ho '<Counters [^>]*>' "${files[@]}" | awk '
    function attr(name,   re, s) {
      re = " " name "=\"[0-9]+\""
      if (match($0, re)) { s = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", s); return s + 0 }
      return 0
    }
    {
      total  += attr("total")
      passed += attr("passed")
      failed += attr("failed") + attr("error") + attr("timeout") + attr("aborted")
    }
    END {
      skipped = total - passed - failed
      if (skipped < 0) skipped = 0
      printf "%d %d %d\n", passed, failed, skipped
    }'
}

main() {
  cd "$REPO_ROOT"
  command -v dotnet >/dev/null 2>&1 || die "dotnet SDK not found on PATH"

  ensure_packages
  ensure_postgres_running
  recreate_test_role
  run_tests "$@"

  local passed failed skipped status=0
  read -r passed failed skipped < <(sum_trx_counters)

  if ((DOTNET_TEST_RC != 0)); then
    printf 'FAILED: dotnet test exited with %d (test failure or build error); TRX files in %s\n' \
      "$DOTNET_TEST_RC" "${RESULTS_DIR#"$REPO_ROOT"/}" >&2
    status=1
  fi
  if ((failed > 0)); then
    printf 'FAILED: %d test(s) failed\n' "$failed" >&2
    status=1
  fi
  if ((passed + failed == 0)); then
    printf 'FAILED: no test ran\n' >&2
    status=1
  fi

  # Must stay the last line of output: CI and people read the result from it.
  printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
  exit "$status"
}

main "$@"
