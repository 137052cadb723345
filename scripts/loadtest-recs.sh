#!/usr/bin/env bash
# Load test of GET /api/v1/recommendations/{id}?n=10 against a real server process.
#
#   scripts/loadtest-recs.sh [DB] [PORT] [-- extra 'marquee loadtest' options]
#
# Environment: J (jar of the server, default marquee-cli/target/marquee.jar), LT_JAR (jar whose
# 'loadtest' command drives the load, default $J), SERVER_OPTS (JVM options of the server,
# e.g. "-XX:StartFlightRecording=filename=/tmp/recs.jfr,settings=profile").
#
# When DB does not exist it is made by 'marquee demo --movies 3000' (5,000 viewers, 3,000 films,
# an mf recommender trained and promoted), stopped once it has printed its token. Then it starts
# 'marquee serve' on DB, waits for /api/v1/health, runs 'marquee loadtest --json' (default 8
# connections, 10 s warm-up, 30 s measured, viewers at random from the database) and stops the
# server with SIGTERM. The load generator and the server share the machine's cores.
set -euo pipefail
DB=${1:-/tmp/marquee-loadtest.db}
PORT=${2:-8099}
shift $(( $# >= 2 ? 2 : $# ))
[[ ${1:-} == "--" ]] && shift
J=${J:-marquee-cli/target/marquee.jar}
LT_JAR=${LT_JAR:-$J}
SERVER_OPTS=${SERVER_OPTS:-}

wait_for() { # wait_for FILE PATTERN SECONDS
  for _ in $(seq 1 $(( $3 * 10 ))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "timed out waiting for '$2' in $1" >&2; cat "$1" >&2; return 1
}

if [[ ! -f $DB ]]; then
  out=$(mktemp)
  java -jar "$J" demo --file "$DB" --movies 3000 --port "$PORT" --json >"$out" 2>&1 &
  pid=$!
  wait_for "$out" admin_token 600
  kill -TERM "$pid"; wait "$pid" || true
  rm -f "$out"
fi

log=$(mktemp)
# shellcheck disable=SC2086
java $SERVER_OPTS -jar "$J" serve --db "$DB" --port "$PORT" >"$log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 600); do
  curl -fsS "http://localhost:$PORT/api/v1/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
java -jar "$LT_JAR" loadtest --db "$DB" --url "http://localhost:$PORT" --server-pid "$server" --json "$@"
