#!/usr/bin/env bash
# Soak test: a real server on loopback under a steady mix of searches (70%), claim lookups (20%) and pushes
# (10%) from wrk, measured minute by minute: latency percentiles, 5xx count (from /metrics) and heap used
# after a full GC. Passes when there is no 5xx and latency and heap at the last minute are within bounds of
# the first.
#   bench/soak.sh [MINUTES] [CONNECTIONS]     (defaults: 3 minutes, 8 connections)
# Installs Debian's wrk if it is missing. Uses the bundled demo releases in a throw-away data folder.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MINUTES="${1:-3}"
CONNS="${2:-8}"
PORT="${SOAK_PORT:-7391}"
cd "$HOME_DIR"
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
  "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq wrk
fi
DATA="$(mktemp -d /tmp/bayan-soak.XXXXXX)"
WORK="$(mktemp -d /tmp/bayan-soak-run.XXXXXX)"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA" "$WORK"
}
trap cleanup EXIT

bin/bayan index --data "$DATA" --agencies demo/agencies.json demo/releases.jsonl.gz >/dev/null
INGEST_KEY="$(bin/bayan api-keys create soak-ingest --scope ingest --data "$DATA" 2>/dev/null)"
ADMIN_KEY="$(bin/bayan api-keys create soak-admin --scope admin --data "$DATA" 2>/dev/null)"
BAYAN_JAVA_OPTS="-Xmx512m" bin/bayan serve --data "$DATA" --port "$PORT" --rate-limit off >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
JAVA_PID="$(pgrep -P "$SERVER_PID" java || echo "$SERVER_PID")"

cat >"$WORK/mix.lua" <<LUA
local words = {"وزارة", "الصحة", "مهرجان", "الثقافة", "budget", "health", "tax", "\"وزارة الثقافة\"", "وزار*", "تعليم -الصحة"}
local claims = {"نفت وزارة الثقافة استضافة مادونا", "the congressman voted for the budget", "وزارة الصحة تعلن حملة تطعيم"}
local n = 0
local threads = 0
-- Each wrk thread has its own Lua state: give each a number and its own random sequence, so pushed ids
-- never repeat across threads.
setup = function(thread) threads = threads + 1; thread:set("tid", threads) end
init = function(args) math.randomseed(os.time() * 100 + (tid or 0)) end
request = function()
  n = n + 1
  local r = math.random(100)
  if r <= 70 then
    local q = words[math.random(#words)]
    return wrk.format("GET", "/api/search?q=" .. q:gsub("([^%w])", function(c) return string.format("%%%02X", string.byte(c)) end))
  elseif r <= 90 then
    local c = claims[math.random(#claims)]
    return wrk.format("GET", "/api/claims/lookup?text=" .. c:gsub("([^%w])", function(ch) return string.format("%%%02X", string.byte(ch)) end))
  else
    local id = "soak-" .. (tid or 0) .. "-" .. n .. "-" .. math.random(1000000000)
    local body = '{"id":"' .. id .. '","agency":"jawhara-fm","title":"بيان ' .. id .. '","body":"نص البيان رقم ' .. n .. ' عن الثقافة","published_at":"2024-05-01"}'
    return wrk.format("POST", "/api/admin/releases", {["Content-Type"]="application/json", ["Authorization"]="Bearer $INGEST_KEY"}, body)
  end
end
LUA

metric() { # sum of a Prometheus series matching $1
  curl -sf -H "Authorization: Bearer $ADMIN_KEY" "http://127.0.0.1:$PORT/metrics" | { grep -E "$1" || true; } \
    | awk '{s+=$NF} END {printf "%d", s}'
}
heap_after_gc() { # MB used after a full GC
  jcmd "$JAVA_PID" GC.run >/dev/null 2>&1 || true
  curl -sf -H "Authorization: Bearer $ADMIN_KEY" "http://127.0.0.1:$PORT/metrics" \
    | awk '/^jvm_memory_used_bytes\{area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}'
}
export PATH="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH"

echo "minute  requests/s  p50_ms  p99_ms  non-2xx  5xx  heap_after_gc_MB"
for m in $(seq 1 "$MINUTES"); do
  wrk -t2 -c"$CONNS" -d60s --latency -s "$WORK/mix.lua" "http://127.0.0.1:$PORT" >"$WORK/wrk-$m.txt"
  rps="$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$m.txt")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk-$m.txt")"
  p50="$(awk '$1=="50%" {print $2}' "$WORK/wrk-$m.txt")"
  p99="$(awk '$1=="99%" {print $2}' "$WORK/wrk-$m.txt")"
  e5="$(metric '^bayan_http_requests_seconds_count.*outcome="server_error"')"
  heap="$(heap_after_gc)"
  printf "%6s  %10s  %6s  %6s  %7s  %3s  %16s\n" "$m" "$rps" "$p50" "$p99" "${non2xx:-0}" "$e5" "$heap"
  echo "$m $rps $p50 $p99 ${non2xx:-0} $e5 $heap" >>"$WORK/summary"
done
statements="$(curl -sf "http://127.0.0.1:$PORT/healthz")"
echo "after the soak: $statements"
errors="$(awk 'END {print $6}' "$WORK/summary")"
if [ "$errors" != "0" ]; then echo "FAIL: $errors responses were 5xx"; tail -50 "$WORK/server.log"; exit 1; fi
echo "PASS: no 5xx"
