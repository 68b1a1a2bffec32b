#!/usr/bin/env bash
# How much compute batching saves for all-MiniLM-L6-v2 here, in-process: benchmarks/batch-efficiency.sh [seconds=3]
#   benchmarks/batch-efficiency.sh --smoke     0.1 s per cell: it works, no figure is judged
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ "${1:-}" = --smoke ] && set -- 0.1
data=${ATELIER_SHARED:-$root/../shared}/data/banking77/train.csv
[ -f benchmarks/target/classpath.txt ] || mvn -B -q -DskipTests package -pl benchmarks -am
# ONNX Runtime's start-up warnings are kept out of the table, but shown when the run fails
err=$(mktemp)
trap 'rm -f "$err"' EXIT
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.atelier.benchmarks.BatchEfficiency "$data" "${1:-3}" 2>"$err" \
  || { cat "$err" >&2; exit 1; }
