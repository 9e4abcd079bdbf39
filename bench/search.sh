#!/usr/bin/env bash
# Benchmark of /api/search (highlights + facets) beside in-process search and raw Lucene, over the three
# corpora of ../shared/corpora (146k statements), queries from ../shared/eval topics.
#   bench/search.sh [DATA_DIR] [CLIENTS] [WARMUP_S] [MEASURE_S]
# DATA_DIR (default /tmp/bayan-bench) is indexed first if it holds no statements; the corpora are read in
# place, never copied into the project.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$(cd "$HOME_DIR/../shared" && pwd)"
DATA="${1:-/tmp/bayan-bench}"
CLIENTS="${2:-2}"
WARM="${3:-20}"
SECS="${4:-30}"
cd "$HOME_DIR"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
mvn -q -B -o -DskipTests package test-compile
if [ ! -d "$DATA/index" ]; then
  bin/bayan index --data "$DATA" "$SHARED/corpora/ant" "$SHARED/corpora/us-congress" "$SHARED/corpora/saudinewsnet"
fi
exec "$JAVA_HOME/bin/java" -Xmx2g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED \
  -cp "target/test-classes:target/bayan.jar:target/lib/*" org.bayan.search.SearchBench \
  "$DATA" "$HOME_DIR/analyzers" "$SHARED/eval" "$CLIENTS" "$WARM" "$SECS"
