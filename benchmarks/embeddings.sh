#!/usr/bin/env bash
# Embeddings benchmark: (a) Atelier over REST with dynamic batching against (b) one ONNX Runtime call per text
# in-process, same model (all-MiniLM-L6-v2), same BANKING77 sentences, same run, 1 and 16 clients.
#   benchmarks/embeddings.sh [clients=1,16] [seconds=15] [warmup=5] [repeats=3]
# Builds what is missing, starts Atelier in its own home (benchmarks/target/atelier-home) and stops it after.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
data=${ATELIER_SHARED:-$root/../shared}/data/banking77/train.csv
[ -f "$data" ] || { echo "no $data (set ATELIER_SHARED to the shared folder)" >&2; exit 1; }
if [ ! -f benchmarks/target/classpath.txt ] || ! ls features/distribution/target/*.tar.gz >/dev/null 2>&1; then
  mvn -B -q -DskipTests package
fi
export ATELIER_HOME=$root/benchmarks/target/atelier-home
trap './atelier stop >/dev/null 2>&1 || true' EXIT
./atelier start
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  org.atelier.benchmarks.EmbeddingsBenchmark http://127.0.0.1:8181/api/v1 "$data" "${1:-1,16}" "${2:-15}" "${3:-5}" "${4:-3}"
