#!/usr/bin/env bash
# Bayan benchmark suite: indexing, HTTP query latency/throughput, quality, freshness and memory, Bayan beside
# raw Lucene (stock analyzers), SQLite FTS5 (raw and Arabic-normalized) and PostgreSQL 15 full-text search.
#
#   bench/run.sh --smoke   demo releases only, a few seconds per step (checks that every step still works)
#   bench/run.sh --quick   146,586 statements of ../shared/corpora, 10 s per load level
#   bench/run.sh --full    also 1,026,102 statements (the corpora 7 times, new ids) and the -Xmx search
#
# Environment: WORK (default /tmp/bayan-bench; indexes, clusters, results), SECS (seconds per load level),
# ENGINES (default "bayan lucene sqlite sqlite-norm pg opensearch"), STEPS (default "index query quality freshness"
# plus "memory" with --full). Results: $WORK/results/*.tsv and the tables in $WORK/results/tables.md.
# The corpora are read in place from ../shared, never copied into the project.
set -euo pipefail
MODE="${1:---quick}"
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$(cd "$HOME_DIR/../shared" && pwd)"
WORK="${WORK:-/tmp/bayan-bench}"
R="$WORK/results"
ENGINES="${ENGINES:-bayan lucene sqlite sqlite-norm pg opensearch}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
JAVA="$JAVA_HOME/bin/java"
HEAP="${HEAP:--Xmx1g}"

PORT_BASE="${PORT_BASE:-18700}"
case "$MODE" in
  --smoke) ROOTS=("$HOME_DIR/demo/releases.jsonl.gz"); SCALES="${SCALES:-1}"; SECS="${SECS:-2}"; LEVELS="${LEVELS:-1 8}"
           STEPS="${STEPS:-index query quality freshness}"; FRESH_N=3; ENGINES="${ENGINES_SMOKE:-bayan lucene sqlite}";;
  --quick) ROOTS=("$SHARED/corpora/ant" "$SHARED/corpora/us-congress" "$SHARED/corpora/saudinewsnet")
           SCALES="${SCALES:-1}"; SECS="${SECS:-10}"; LEVELS="${LEVELS:-1 8 32}"; STEPS="${STEPS:-index query quality freshness}"; FRESH_N=20;;
  --full)  ROOTS=("$SHARED/corpora/ant" "$SHARED/corpora/us-congress" "$SHARED/corpora/saudinewsnet")
           SCALES="${SCALES:-1 7}"; SECS="${SECS:-20}"; LEVELS="${LEVELS:-1 8 32}"; STEPS="${STEPS:-index query quality freshness memory}"; FRESH_N=50;;
  *) echo "usage: bench/run.sh [--smoke|--quick|--full]" >&2; exit 2;;
esac
mkdir -p "$WORK" "$R"
wait_http() { for _ in $(seq 1 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; return 1; }
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
has() { [[ " $ENGINES " == *" $1 "* ]]; }

# ---- tools: built here, installed from Debian if missing --------------------------------------------------
cd "$HOME_DIR"
mvn -q -B -o -DskipTests package test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
# the same JVM flags for Bayan and the Java comparators
export JDK_JAVA_OPTIONS="--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -XX:+UseParallelGC"
has opensearch && (cd bench/opensearch && mvn -q -B -o -DskipTests package)
CP="target/test-classes:target/bayan.jar:$(cat target/bench.cp)"
need_apt() { command -v "$1" >/dev/null || { log "installing $2"; apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }; }; }
need_apt wrk wrk
[ -x /usr/bin/time ] || need_apt /usr/bin/time time
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if has pg && [ -z "$PGBIN" ]; then need_apt psql postgresql; PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"; fi

harness() { "$JAVA" $HEAP -cp "$CP" org.bayan.bench.Harness "$@"; }
bayan() { "$JAVA" $HEAP -Dbayan.home="$HOME_DIR" -jar target/bayan.jar "$@"; }

PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  [ -n "${PGDATA_DIR:-}" ] && pg_as "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# ---- PostgreSQL: a throwaway cluster in $WORK/pg, started and stopped here ---------------------------------
PGPORT=$((PORT_BASE + 99))
pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PG_URL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres?user=bench"
start_pg() {
  PGDATA_DIR="$WORK/pg/data"
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    rm -rf "$WORK/pg"; mkdir -p "$WORK/pg"; [ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
    pg_as "$PGBIN/initdb" -D "$PGDATA_DIR" -U bench -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  pg_as "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/pg/log" -w -o "-p $PGPORT -k $WORK/pg -c shared_buffers=512MB -c max_connections=120 -c maintenance_work_mem=512MB -c fsync=off -c synchronous_commit=off" start >/dev/null
}
pg_rss_kb() { # resident memory of the cluster's processes (shared buffers counted once per process: an upper bound)
  local pm; pm="$(head -1 "$PGDATA_DIR/postmaster.pid")"
  ps -o rss= -p "$pm,$(pgrep -d, -P "$pm")" | awk '{s+=$1} END {print s+0}'
}
has pg && start_pg

# ---- OpenSearch: one node in its own JVM (bench/opensearch), data in $WORK/os ------------------------------
OSPORT="${OSPORT:-9250}" # the runner takes ports up to 9299 only
OS_URL="http://127.0.0.1:$OSPORT"
start_os() {
  mkdir -p "$WORK/os"
  "$JAVA" ${OS_HEAP:--Xmx1g} -cp "bench/opensearch/target/classes:bench/opensearch/target/lib/*" \
    org.bayan.bench.opensearch.OpenSearchNode "$WORK/os" "$OSPORT" > "$WORK/os.log" 2>&1 &
  OS_PID=$!; PIDS+=("$OS_PID")
  wait_http "$OS_URL/_cluster/health?wait_for_status=yellow"
}
os_rss_kb() { ps -o rss= -p "$OS_PID" | awk '{s+=$1} END {print s+0}'; }

has opensearch && start_os

# /usr/bin/time -v → peak RSS in kB and wall seconds of a command; its own output goes to $1.log
timed() { local name="$1"; shift; /usr/bin/time -v -o "$R/$name.time" "$@" > "$R/$name.log" 2>&1; }
peak_kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$R/$1.time"; }

corpus_for() { # release files for a scale (1: the corpora in place; n: the corpora n times with new ids, in $WORK)
  if [ "$1" = 1 ]; then echo "${ROOTS[@]}"; return; fi
  local f="$WORK/corpus-x$1"
  [ -f "$f/releases.jsonl.gz" ] || harness corpus "$f" "$1" "${ROOTS[@]}" >&2
  echo "$f"
}

# ---- 1. indexing ------------------------------------------------------------------------------------------
index_step() {
  local scale="$1"; read -r -a files <<< "$(corpus_for "$scale")"
  for e in $ENGINES; do
    local name="index-$e-x$scale"
    log "indexing: $e, scale x$scale"
    case "$e" in
      bayan)
        rm -rf "$WORK/bayan-x$scale"
        local t0; t0=$(date +%s.%N)
        timed "$name" "$JAVA" $HEAP -Dbayan.home="$HOME_DIR" -jar target/bayan.jar index --data "$WORK/bayan-x$scale" "${files[@]}"
        local secs; secs=$(echo "$(date +%s.%N) - $t0" | bc)
        local docs; docs=$(grep -oE '[0-9,]+ added' "$R/$name.log" | tail -1 | tr -dc 0-9 || true)
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "x$scale" bayan "${docs:-0}" "-" "$secs" "$(peak_kb "$name")" \
          "$(du -sb "$WORK/bayan-x$scale/index" | cut -f1)" >> "$R/index.tsv";;
      pg|opensearch)
        local peak=0 sampler url="$PG_URL" rss=pg_rss_kb; [ "$e" = opensearch ] && url="$OS_URL" && rss=os_rss_kb
        ( m=0; while true; do v=$($rss); [ "$v" -gt "$m" ] && m=$v && echo "$m" > "$R/$name.pgrss"; sleep 0.5; done ) & sampler=$!
        timed "$name" "$JAVA" $HEAP -cp "$CP" org.bayan.bench.Harness index "$e" "$url" "$scale" "${ROOTS[@]}"
        kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
        peak=$(cat "$R/$name.pgrss" 2>/dev/null || echo 0)
        record_result "$name" "x$scale" "$e" "$(( peak + $(peak_kb "$name") ))";;
      *)
        local target="$WORK/$e-x$scale"; [ "$e" = lucene ] || target="$WORK/$e-x$scale.db"
        rm -rf "$target"
        timed "$name" "$JAVA" $HEAP -cp "$CP" org.bayan.bench.Harness index "$e" "$target" "$scale" "${ROOTS[@]}"
        record_result "$name" "x$scale" "$e" "$(peak_kb "$name")";;
    esac
  done
}
record_result() { # name scale engine rss_kb  (from the harness's RESULT line)
  local line; line=$(grep '^RESULT' "$R/$1.log")
  val() { echo "$line" | grep -oE "$1=[^ ]+" | cut -d= -f2; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$2" "$3" "$(val docs)" "$(val text_bytes)" "$(val seconds)" "$4" "$(val index_bytes)" >> "$R/index.tsv"
}

# ---- 2. queries over HTTP ---------------------------------------------------------------------------------
start_server() { # engine scale port → PID in SERVER_PID
  local e="$1" scale="$2" port="$3"
  case "$e" in
    # the per-client rate limit (20/s by default) would answer most of a load test with 429: off, as for a
    # server behind its own gateway
    bayan) "$JAVA" $HEAP ${SERVER_OPTS:-} -Dbayan.home="$HOME_DIR" -jar target/bayan.jar serve --data "$WORK/bayan-x$scale" --port "$port" --rate-limit off > "$R/serve-$e-x$scale.log" 2>&1 &
           SERVER_PID=$!; PIDS+=("$SERVER_PID"); wait_http "http://127.0.0.1:$port/healthz";;
    *) local target="$WORK/$e-x$scale"; [ "$e" = lucene ] || target="$WORK/$e-x$scale.db"; [ "$e" = pg ] && target="$PG_URL"
       "$JAVA" $HEAP -cp "$CP" org.bayan.bench.Harness serve "$e" "$target" "$port" > "$R/serve-$e-x$scale.log" 2>&1 &
       SERVER_PID=$!; PIDS+=("$SERVER_PID"); wait_http "http://127.0.0.1:$port/search?q=x";;
  esac
}
load() { # url-prefix-or-path file c secs [POST] → RESULT line
  local base="$1" file="$2" c="$3" secs="$4" t=$(( $3 < 2 ? 1 : 2 ))
  if [ "${5:-}" = POST ]; then
    wrk -t"$t" -c"$c" -d"${secs}s" --timeout 30s -s bench/wrk/queries.lua "${base%%/api*}" -- "$file" POST "/${base#http://*/}" | grep '^RESULT'
  else
    wrk -t"$t" -c"$c" -d"${secs}s" --timeout 30s -s bench/wrk/queries.lua "${base%%/api*}" -- "$file" "/${base#http://*/}" | grep '^RESULT'
  fi
}
query_step() {
  local scale="$1"
  harness queries "$SHARED/eval" "$WORK/keyword.txt" "$WORK/claims.jsonl" "$WORK/opensearch.txt" >/dev/null
  local port=$((PORT_BASE + 1))
  for e in $ENGINES; do
    local base="http://127.0.0.1:$port/search?q=" qfile="$WORK/keyword.txt"
    if [ "$e" = opensearch ]; then # straight to its REST API: the same topics as match-query bodies
      base="$OS_URL/docs/_search?source_content_type=application/json&source="; qfile="$WORK/opensearch.txt"; SERVER_PID=
    else
      start_server "$e" "$scale" "$port"
    fi
    [ "$e" = bayan ] && base="http://127.0.0.1:$port/api/search?q="
    log "queries: $e x$scale (warm-up ${SECS}s)"
    load "$base" "$qfile" 2 "$SECS" >/dev/null
    for c in $LEVELS; do
      local res; res=$(load "$base" "$qfile" "$c" "$SECS")
      printf '%s\tkeyword\t%s\t%s\t%s\n' "x$scale" "$e" "$c" "$res" >> "$R/query.tsv"; log "  c=$c $res"
    done
    if [ "$e" = bayan ]; then
      local cl="http://127.0.0.1:$port/api/claims/lookup"
      load "$cl" "$WORK/claims.jsonl" 2 "$SECS" POST >/dev/null
      for c in $LEVELS; do
        local res; res=$(load "$cl" "$WORK/claims.jsonl" "$c" "$SECS" POST)
        printf '%s\tclaims\t%s\t%s\t%s\n' "x$scale" "$e" "$c" "$res" >> "$R/query.tsv"; log "  claims c=$c $res"
      done
    fi
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  done
}

# ---- 3. quality -------------------------------------------------------------------------------------------
quality_step() {
  log "quality: $ENGINES"
  local eval_root="$SHARED/eval"
  "$JAVA" $HEAP -Dbench.pg="$PG_URL" -Dbench.opensearch="$OS_URL" -cp "$CP" org.bayan.bench.Harness quality "$eval_root" "$HOME_DIR/analyzers" $ENGINES > "$R/quality.md"
}

# ---- 4. freshness: bayan index of one file beside a running server → searchable ---------------------------
found() { # port word id → 0 once a search for word returns id, 1 after 60 s
  local deadline=$(( $(date +%s) + 60 ))
  until curl -sf "http://127.0.0.1:$1/api/search?q=$2" | grep -q "$3"; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1; sleep 0.005
  done
}
freshness_step() {
  local port=$((PORT_BASE + 2)) data="$WORK/bayan-x1" agency
  local first; first=$(find "${ROOTS[0]}" -name '*.jsonl*' | sort | head -1)
  agency=$(set +o pipefail; zcat -f "$first" | head -1 | grep -oE '"agency": *"[^"]+"' | cut -d'"' -f4)
  start_server bayan 1 "$port"
  log "freshness: $FRESH_N single-release files"
  for i in $(seq 1 "$FRESH_N"); do
    local word="fresh$RANDOM$RANDOM$i" f="$WORK/fresh.jsonl"
    printf '{"id":"bench-fresh-%s","agency":"%s","title":"benchmark freshness %s","body":"freshness probe %s","language":"en","published_at":"2026-01-01"}\n' \
      "$word" "$agency" "$word" "$word" > "$f"
    local t0 t1 t2; t0=$(date +%s%N)
    bayan index --data "$data" "$f" > /dev/null 2>&1
    t1=$(date +%s%N)
    found "$port" "$word" "bench-fresh-$word" || { log "freshness: file $i never became searchable (see rejects.jsonl in $data)"; continue; }
    t2=$(date +%s%N)
    printf '%s\t%s\t%s\n' "$i" $(( (t2 - t1) / 1000000 )) $(( (t2 - t0) / 1000000 )) >> "$R/freshness.tsv"
  done
  # the push API (POST /api/admin/releases with an ingest key): its 200 promises the release is stored and
  # searchable, so acknowledgement → found should be one search round trip
  local key; key=$(bayan api-keys create "bench-push-$RANDOM" --scope ingest --data "$data" 2>/dev/null | tail -1)
  log "freshness: $FRESH_N pushed releases"
  for i in $(seq 1 "$FRESH_N"); do
    local word="pushed$RANDOM$RANDOM$i" t0 t1 t2
    t0=$(date +%s%N)
    curl -sf -X POST "http://127.0.0.1:$port/api/admin/releases" -H "Authorization: Bearer $key" \
      -H 'Content-Type: application/json' \
      -d "{\"id\":\"bench-push-$word\",\"agency\":\"$agency\",\"title\":\"benchmark push $word\",\"body\":\"push probe $word\",\"language\":\"en\",\"published_at\":\"2026-01-01\"}" \
      | grep -q '"accepted":1' || { log "freshness: push $i was not accepted"; continue; }
    t1=$(date +%s%N)
    found "$port" "$word" "bench-push-$word" || { log "freshness: push $i never became searchable"; continue; }
    t2=$(date +%s%N)
    printf '%s\t%s\t%s\n' "$i" $(( (t2 - t1) / 1000000 )) $(( (t1 - t0) / 1000000 )) >> "$R/freshness-push.tsv"
  done
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
}

# ---- 5. memory: smallest -Xmx whose p99 stays within 10% of an ample heap's, at the largest scale ----------
memory_step() {
  local scale; scale=$(echo "$SCALES" | tr ' ' '\n' | tail -1) port=$((PORT_BASE + 3))
  probe() { # heap_mb → p99_us (or 0 when the server failed)
    SERVER_OPTS="-Xmx$1m" HEAP="" start_server bayan "$scale" "$port" || { echo 0; return; }
    load "http://127.0.0.1:$port/api/search?q=" "$WORK/keyword.txt" 8 "$SECS" > /dev/null
    local res; res=$(load "http://127.0.0.1:$port/api/search?q=" "$WORK/keyword.txt" 8 "$SECS")
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    local errs; errs=$(echo "$res" | grep -oE 'errors=[0-9]+' | cut -d= -f2)
    [ "${errs:-1}" = 0 ] && echo "$res" | grep -oE 'p99_us=[0-9]+' | cut -d= -f2 || echo 0
  }
  local ample; ample=$(probe 4096); printf '4096\t%s\tample\n' "$ample" >> "$R/memory.tsv"
  local lo=128 hi=4096
  while [ $((hi - lo)) -gt 64 ]; do
    local mid=$(( (lo + hi) / 2 )) p; p=$(probe "$mid")
    if [ "$p" != 0 ] && [ "$p" -le $(( ample * 110 / 100 )) ]; then hi=$mid; ok=yes; else lo=$mid; ok=no; fi
    printf '%s\t%s\t%s\n' "$mid" "$p" "$ok" >> "$R/memory.tsv"; log "memory: -Xmx${mid}m p99=${p}us ($ok)"
  done
  printf '%s\tsmallest\n' "$hi" >> "$R/memory.tsv"
}

step() { [[ " $STEPS " == *" $1 "* ]]; }
for s in $SCALES; do
  if step index; then index_step "$s"; fi
  if step query; then query_step "$s"; fi
done
if step quality; then quality_step; fi
if step freshness; then freshness_step; fi
if step memory; then memory_step; fi
python3 "$HOME_DIR/bench/tables.py" "$R" > "$R/tables.md"
log "tables: $R/tables.md"
cat "$R/tables.md"
