#!/usr/bin/env bash
# How much compute batching saves for all-MiniLM-L6-v2 here, in-process: benchmarks/batch-efficiency.sh [seconds=3]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
data=${ATELIER_SHARED:-$root/../shared}/data/banking77/train.csv
[ -f benchmarks/target/classpath.txt ] || mvn -B -q -DskipTests package -pl benchmarks -am
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.atelier.benchmarks.BatchEfficiency "$data" "${1:-3}" 2>/dev/null
