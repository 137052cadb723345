#!/usr/bin/env bash
# Latency of POST /api/v1/ratings (store + fold-in) and of GET /api/v1/recommendations, one request
# at a time with curl against a real server process.
#
#   scripts/latency-ratings.sh [DB] [PORT] [REQUESTS]
#
# DB must hold a production recommender (e.g. the one scripts/loadtest-recs.sh makes). Viewers and
# films are drawn at random from ids 1..5000 and 1..3000 (the loadtest database's). The first 50
# requests of each kind are warm-up and not counted. curl's time_total includes the loopback connect.
set -euo pipefail
DB=${1:-/tmp/marquee-loadtest.db}
PORT=${2:-8098}
N=${3:-300}
J=${J:-marquee-cli/target/marquee.jar}
TOK=$(java -jar "$J" token create --role reader --db "$DB" --json | python3 -c "import sys,json;print(json.load(sys.stdin)['token'])")
log=$(mktemp); post=$(mktemp); get=$(mktemp)
java -jar "$J" serve --db "$DB" --port "$PORT" >"$log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$log" "$post" "$get"' EXIT
for _ in $(seq 1 600); do curl -fsS "http://localhost:$PORT/api/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
H="Authorization: Bearer $TOK"
for _ in $(seq 1 "$N"); do
  curl -s -o /dev/null -w "%{http_code} %{time_total}\n" -H "$H" -H "Content-Type: application/json" \
    -X POST "http://localhost:$PORT/api/v1/ratings" \
    -d "{\"user_id\":$((RANDOM % 5000 + 1)),\"movie_id\":$((RANDOM % 3000 + 1)),\"rating\":4.5}"
done >"$post"
for _ in $(seq 1 "$N"); do
  curl -s -o /dev/null -w "%{http_code} %{time_total}\n" -H "$H" \
    "http://localhost:$PORT/api/v1/recommendations/$((RANDOM % 5000 + 1))?n=10"
done >"$get"
python3 - "$post" "$get" <<'PY'
import json, sys
out = {}
for name, path in zip(["post_ratings", "get_recommendations"], sys.argv[1:]):
    rows = [l.split() for l in open(path)][50:]
    ok = sorted(float(t) * 1000 for c, t in rows if c in ("200", "201"))
    pick = lambda q: round(ok[min(len(ok) - 1, int(q * len(ok)))], 2)
    out[name] = {"requests": len(rows), "ok": len(ok), "p50_ms": pick(0.5), "p90_ms": pick(0.9),
                 "p99_ms": pick(0.99), "max_ms": round(ok[-1], 2)}
print(json.dumps(out))
PY
