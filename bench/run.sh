#!/usr/bin/env bash
# Bayan benchmark suite: indexing, HTTP query latency/throughput, quality, freshness and memory, Bayan beside
# raw Lucene and OpenSearch building the same page as /api/search (and asked for ids only, as floors), Bayan
# served from OpenSearch, and on request SQLite FTS5 (raw and Arabic-normalized) and PostgreSQL 15 full-text.
#
#   bench/run.sh --smoke   demo releases only, a few seconds per step (checks that every step still works)
#   bench/run.sh --quick   146,586 statements of ../shared/corpora; 2 minutes' warm-up, 10 s per load level
#   bench/run.sh --full    also 1,026,102 statements (the corpora 7 times, new ids) and the -Xmx search
#
# Environment: WORK (default /tmp/bayan-bench; indexes, clusters, results), SECS (seconds per load level),
# WARMUP (seconds of load before each server is measured; 120 with --quick/--full), CLAIMS_WARMUP (before
# the claim rows; default WARMUP/4), LEVELS (client counts, "1 8 32"), ENGINES (default "bayan bayan-os lucene
# lucene-page opensearch opensearch-page"; also sqlite sqlite-norm pg), WORKLOADS ("keyword claims": claims
# are Bayan's only), STEPS (default "index query quality freshness" plus "memory" with --full), SCALES.
# Results: $WORK/results/*.tsv and the tables in $WORK/results/tables.md.
# The corpora are read in place from ../shared, never copied into the project.
set -euo pipefail
MODE="${1:---quick}"
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$(cd "$HOME_DIR/../shared" && pwd)"
WORK="${WORK:-/tmp/bayan-bench}"
R="$WORK/results"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
JAVA="$JAVA_HOME/bin/java"
HEAP="${HEAP:--Xmx1g}"

PORT_BASE="${PORT_BASE:-18700}"
case "$MODE" in
  --smoke) ROOTS=("$HOME_DIR/demo/releases.jsonl.gz"); SCALES="${SCALES:-1}"; SECS="${SECS:-2}"; LEVELS="${LEVELS:-1 8}"
           WARMUP="${WARMUP:-2}"; STEPS="${STEPS:-index query quality freshness}"; FRESH_N=3
           ENGINES="${ENGINES:-${ENGINES_SMOKE:-bayan bayan-os lucene lucene-page opensearch opensearch-page sqlite}}";;
  --quick) ROOTS=("$SHARED/corpora/ant" "$SHARED/corpora/us-congress" "$SHARED/corpora/saudinewsnet")
           SCALES="${SCALES:-1}"; SECS="${SECS:-10}"; LEVELS="${LEVELS:-1 8 32}"; STEPS="${STEPS:-index query quality freshness}"; FRESH_N=20;;
  --full)  ROOTS=("$SHARED/corpora/ant" "$SHARED/corpora/us-congress" "$SHARED/corpora/saudinewsnet")
           SCALES="${SCALES:-1 7}"; SECS="${SECS:-20}"; LEVELS="${LEVELS:-1 8 32}"; STEPS="${STEPS:-index query quality freshness memory}"; FRESH_N=50;;
  *) echo "usage: bench/run.sh [--smoke|--quick|--full]" >&2; exit 2;;
esac
# The same page as /api/search, each comparator asked for it and for ids only; SQLite and PostgreSQL, far
# behind (BENCHMARKS.md), only when named.
ENGINES="${ENGINES:-bayan bayan-os lucene lucene-page opensearch opensearch-page}"
# The JIT is still compiling a minute or two after a server starts: measure only after this much load.
WARMUP="${WARMUP:-120}"
CLAIMS_WARMUP="${CLAIMS_WARMUP:-$(( WARMUP / 4 > 2 ? WARMUP / 4 : 2 ))}"
WORKLOADS="${WORKLOADS:-keyword claims}"
mkdir -p "$WORK" "$R"
wait_http() { for _ in $(seq 1 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; return 1; }
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
has() { [[ " $ENGINES " == *" $1 "* ]]; }
# the engines that need the OpenSearch node; bayan-os also needs Bayan's analysis plugin on it
uses_os() { has opensearch || has opensearch-page || has bayan-os; }

# ---- tools: built here, installed from Debian if missing --------------------------------------------------
cd "$HOME_DIR"
mvn -q -B -o -DskipTests package test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
# the same JVM flags for Bayan and the Java comparators
export JDK_JAVA_OPTIONS="--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -XX:+UseParallelGC"
if uses_os; then (cd bench/opensearch && mvn -q -B -o -DskipTests package); fi
if has bayan-os; then mvn -q -B -o -DskipTests -f opensearch-plugin/pom.xml package; fi
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
OS_PLUGIN_JAR="opensearch-plugin/target/bayan-analysis-0.1.0-SNAPSHOT.jar"
start_os() {
  mkdir -p "$WORK/os"
  local cp="bench/opensearch/target/classes:bench/opensearch/target/lib/*" plugins=""
  if has bayan-os; then cp="$cp:$OS_PLUGIN_JAR"; plugins="org.bayan.opensearch.plugin.BayanAnalysisPlugin"; fi
  # G1 as OpenSearch's own jvm.options set it: its real-memory circuit breaker expects a collector that runs
  # before the heap is full (under ParallelGC it refused Bayan's bulk load at 865 MB of a 1 GB heap)
  JDK_JAVA_OPTIONS="--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector" "$JAVA" ${OS_HEAP:--Xmx1g} -XX:+UseG1GC \
    -XX:G1ReservePercent=25 -XX:InitiatingHeapOccupancyPercent=30 \
    -cp "$cp" org.bayan.bench.opensearch.OpenSearchNode "$WORK/os" "$OSPORT" $plugins > "$WORK/os.log" 2>&1 &
  OS_PID=$!; PIDS+=("$OS_PID")
  wait_http "$OS_URL/_cluster/health?wait_for_status=yellow"
}
os_rss_kb() { ps -o rss= -p "$OS_PID" | awk '{s+=$1} END {print s+0}'; }
os_drop() { # deletes the indexes whose names start with $1 (Bayan's index behind its alias is NAME-<millis>)
  local i; for i in $(curl -sf "$OS_URL/_cat/indices/$1*?h=index" || true); do curl -sf -X DELETE "$OS_URL/$i" >/dev/null || true; done
}
os_bytes() { # primary store bytes of an index or alias
  curl -sf -X POST "$OS_URL/$1/_refresh" >/dev/null || true
  curl -sf "$OS_URL/$1/_stats/store" | python3 -c 'import json,sys; print(json.load(sys.stdin)["_all"]["primaries"]["store"]["size_in_bytes"])'
}

if uses_os; then start_os; fi

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
  local scale="$1" e; read -r -a files <<< "$(corpus_for "$scale")"
  for e in $ENGINES; do
    log "indexing: $e, scale x$scale"
    # one comparator failing (e.g. a node refusing a bulk load) costs its own rows, not the rest of the run
    if ! index_one "$e" "$scale" "${files[@]}"; then
      log "indexing: $e x$scale FAILED (see $R/index-$e-x$scale.log); its query rows are skipped"
      FAILED="$FAILED $e-x$scale"
    fi
  done
}
index_one() { # engine scale release-files... → a row in index.tsv, or status 1 (errexit is off in here)
  local e="$1" scale="$2" name="index-$1-x$2" secs docs t0 sampler ok=0; shift 2
  local files=("$@")
  case "$e" in
    bayan)
      rm -rf "$WORK/bayan-x$scale"
      t0=$(date +%s.%N)
      timed "$name" "$JAVA" $HEAP -Dbayan.home="$HOME_DIR" -jar target/bayan.jar index --data "$WORK/bayan-x$scale" "${files[@]}" || return 1
      secs=$(echo "$(date +%s.%N) - $t0" | bc)
      docs=$(grep -oE '[0-9,]+ added' "$R/$name.log" | tail -1 | tr -dc 0-9)
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "x$scale" bayan "${docs:-0}" "-" "$secs" "$(peak_kb "$name")" \
        "$(du -sb "$WORK/bayan-x$scale/index" | cut -f1)" >> "$R/index.tsv";;
    bayan-os) # Bayan's store and log in its data folder, its index in the OpenSearch node (1 shard, no replica)
      rm -rf "$WORK/bayan-os-x$scale"; os_drop "bayan-x$scale"
      t0=$(date +%s.%N)
      ( m=0; while true; do v=$(os_rss_kb); [ "$v" -gt "$m" ] && m=$v && echo "$m" > "$R/$name.pgrss"; sleep 0.5; done ) & sampler=$!
      timed "$name" "$JAVA" $HEAP -Dbayan.home="$HOME_DIR" -jar target/bayan.jar index --engine opensearch \
        --opensearch-url "$OS_URL" --opensearch-index "bayan-x$scale" --opensearch-shards 1 --opensearch-replicas 0 \
        --data "$WORK/bayan-os-x$scale" "${files[@]}" || ok=1
      secs=$(echo "$(date +%s.%N) - $t0" | bc)
      kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
      [ "$ok" = 0 ] || return 1
      docs=$(grep -oE '[0-9,]+ added' "$R/$name.log" | tail -1 | tr -dc 0-9)
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "x$scale" bayan-os "${docs:-0}" "-" "$secs" \
        "$(( $(cat "$R/$name.pgrss" 2>/dev/null || echo 0) + $(peak_kb "$name") ))" "$(os_bytes "bayan-x$scale")" >> "$R/index.tsv";;
    pg|opensearch|opensearch-page)
      local url="$PG_URL" rss=pg_rss_kb; [ "$e" != pg ] && url="$OS_URL" && rss=os_rss_kb
      ( m=0; while true; do v=$($rss); [ "$v" -gt "$m" ] && m=$v && echo "$m" > "$R/$name.pgrss"; sleep 0.5; done ) & sampler=$!
      timed "$name" "$JAVA" $HEAP -cp "$CP" org.bayan.bench.Harness index "$e" "$url" "$scale" "${ROOTS[@]}" || ok=1
      kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
      [ "$ok" = 0 ] || return 1
      record_result "$name" "x$scale" "$e" "$(( $(cat "$R/$name.pgrss" 2>/dev/null || echo 0) + $(peak_kb "$name") ))";;
    *)
      local target; target="$(target_of "$e" "$scale")"
      rm -rf "$target"
      timed "$name" "$JAVA" $HEAP -cp "$CP" org.bayan.bench.Harness index "$e" "$target" "$scale" "${ROOTS[@]}" || return 1
      record_result "$name" "x$scale" "$e" "$(peak_kb "$name")";;
  esac
}
FAILED=""
target_of() { # engine scale → the index folder or database file of an in-process comparator
  case "$1" in lucene|lucene-page) echo "$WORK/$1-x$2";; pg) echo "$PG_URL";; *) echo "$WORK/$1-x$2.db";; esac
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
    bayan-os) "$JAVA" $HEAP ${SERVER_OPTS:-} -Dbayan.home="$HOME_DIR" -jar target/bayan.jar serve --engine opensearch \
             --opensearch-url "$OS_URL" --opensearch-index "bayan-x$scale" --data "$WORK/bayan-os-x$scale" --port "$port" \
             --rate-limit off > "$R/serve-$e-x$scale.log" 2>&1 &
           SERVER_PID=$!; PIDS+=("$SERVER_PID"); wait_http "http://127.0.0.1:$port/healthz";;
    *) "$JAVA" $HEAP -cp "$CP" org.bayan.bench.Harness serve "$e" "$(target_of "$e" "$scale")" "$port" > "$R/serve-$e-x$scale.log" 2>&1 &
       SERVER_PID=$!; PIDS+=("$SERVER_PID"); wait_http "http://127.0.0.1:$port/search?q=x";;
  esac
}
data_of() { case "$1" in bayan) echo "$WORK/bayan-x$2";; bayan-os) echo "$WORK/bayan-os-x$2";; esac; }
load() { # url-prefix-or-path file c secs [POST] → RESULT line
  local base="$1" file="$2" c="$3" secs="$4" t=$(( $3 < 2 ? 1 : 2 ))
  if [ "${5:-}" = POST ]; then
    wrk -t"$t" -c"$c" -d"${secs}s" --timeout 30s -s bench/wrk/queries.lua "${base%%/api*}" -- "$file" POST "/${base#http://*/}" | grep '^RESULT'
  else
    wrk -t"$t" -c"$c" -d"${secs}s" --timeout 30s -s bench/wrk/queries.lua "${base%%/api*}" -- "$file" "/${base#http://*/}" | grep '^RESULT'
  fi
}
# Bayan's per-stage search timings (Micrometer timer bayan.search.stage, tag stage) from /metrics, read before
# and after the measured levels: their difference is the measured load's time in each stage (stages.tsv).
scrape() { # port out-file (empty when /metrics has nothing or refuses)
  curl -sf -H "Authorization: Bearer $METRICS_KEY" "http://127.0.0.1:$1/metrics" > "$2" 2>/dev/null || : > "$2"
}
stage_rows() { # before after scale workload engine → rows appended to stages.tsv
  local rows; rows=$(python3 "$HOME_DIR/bench/stages.py" "$1" "$2" "$3" "$4" "$5")
  if [ -n "$rows" ]; then echo "$rows" >> "$R/stages.tsv"; log "  stages: $(echo "$rows" | awk -F'\t' '{printf "%s %.1f ms/call  ", $4, $6 * 1000 / ($5 > 0 ? $5 : 1)}')"
  else log "  no stage timings (no bayan_search_stage_seconds in /metrics)"; fi
}
measure() { # engine scale workload base file method: warm-up, then each level → query.tsv
  local e="$1" scale="$2" w="$3" base="$4" file="$5" method="${6:-}" warm="$WARMUP" port="${4#http://127.0.0.1:}"
  port="${port%%/*}"
  if [ "$w" = claims ]; then warm="$CLAIMS_WARMUP"; fi
  log "queries: $e x$scale $w (warm-up ${warm}s, then ${SECS}s at each of $LEVELS clients)"
  load "$base" "$file" 2 "$warm" $method >/dev/null || true
  local stages=""
  if [ -n "$(data_of "$e" "$scale")" ]; then stages=1; scrape "$port" "$R/metrics-$e-x$scale-$w.before"; fi
  for c in $LEVELS; do
    local res; res=$(load "$base" "$file" "$c" "$SECS" $method) || { log "  $w c=$c: wrk printed no result"; continue; }
    printf '%s\t%s\t%s\t%s\t%s\n' "x$scale" "$w" "$e" "$c" "$res" >> "$R/query.tsv"; log "  $w c=$c $res"
  done
  if [ -n "$stages" ]; then
    scrape "$port" "$R/metrics-$e-x$scale-$w.after"
    stage_rows "$R/metrics-$e-x$scale-$w.before" "$R/metrics-$e-x$scale-$w.after" "x$scale" "$w" "$e"
  fi
}
server_failed() { # engine scale: log, and stop what was started
  log "queries: $1 x$2 skipped: its server did not answer (see $R/serve-$1-x$2.log)"
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
  return 0
}
query_step() {
  local scale="$1"
  harness queries "$SHARED/eval" "$WORK/keyword.txt" "$WORK/claims.jsonl" "$WORK/opensearch.txt" "$WORK/opensearch-page.jsonl" >/dev/null
  local port=$((PORT_BASE + 1))
  for e in $ENGINES; do
    SERVER_PID=
    if [[ " $FAILED " == *" $e-x$scale "* ]]; then log "queries: $e x$scale skipped (its indexing failed)"; continue; fi
    case "$e" in
      # straight to OpenSearch's REST API: the topics as ids-only request bodies in the URL, or as page
      # requests POSTed (too long for a URL)
      opensearch) measure "$e" "$scale" keyword "$OS_URL/docs/_search?source_content_type=application/json&source=" "$WORK/opensearch.txt";;
      opensearch-page) measure "$e" "$scale" keyword "$OS_URL/page/_search" "$WORK/opensearch-page.jsonl" POST;;
      bayan|bayan-os)
        # an admin key for /metrics, in this data folder's key file
        METRICS_KEY=$(bayan api-keys create "bench-metrics-$RANDOM" --scope admin --data "$(data_of "$e" "$scale")" 2>/dev/null | tail -1)
        if ! start_server "$e" "$scale" "$port"; then server_failed "$e" "$scale"; continue; fi
        if [[ " $WORKLOADS " == *" keyword "* ]]; then
          measure "$e" "$scale" keyword "http://127.0.0.1:$port/api/search?q=" "$WORK/keyword.txt"
        fi
        if [[ " $WORKLOADS " == *" claims "* ]] && [ "$e" = bayan ]; then
          measure "$e" "$scale" claims "http://127.0.0.1:$port/api/claims/lookup" "$WORK/claims.jsonl" POST
        fi;;
      *) if ! start_server "$e" "$scale" "$port"; then server_failed "$e" "$scale"; continue; fi
         measure "$e" "$scale" keyword "http://127.0.0.1:$port/search?q=" "$WORK/keyword.txt";;
    esac
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  done
}

# ---- 3. quality -------------------------------------------------------------------------------------------
quality_step() {
  # Bayan on OpenSearch ranks as embedded Bayan does (OpenSearchResultParityTest); the page comparators are
  # there for speed: quality is measured for the others
  local engines="" e
  for e in $ENGINES; do case "$e" in bayan-os|*-page) ;; *) engines="$engines $e";; esac; done
  log "quality:$engines"
  local eval_root="$SHARED/eval"
  "$JAVA" $HEAP -Dbench.pg="$PG_URL" -Dbench.opensearch="$OS_URL" -cp "$CP" org.bayan.bench.Harness quality "$eval_root" "$HOME_DIR/analyzers" $engines > "$R/quality.md"
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
if step query; then
  n_engines=$(echo $ENGINES | wc -w); n_levels=$(echo $LEVELS | wc -w); per_scale=$(( n_engines * (WARMUP + n_levels * SECS) ))
  if has bayan && [[ " $WORKLOADS " == *" claims "* ]]; then per_scale=$(( per_scale + CLAIMS_WARMUP + n_levels * SECS )); fi
  log "query step: about $(( (per_scale + 59) / 60 )) min of load per scale (warm-up ${WARMUP}s and ${SECS}s × $n_levels levels per engine), plus server starts"
fi
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
