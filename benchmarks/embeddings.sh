#!/usr/bin/env bash
# Embeddings benchmark: (a) Atelier over REST with dynamic batching against (b) one ONNX Runtime call per text
# in-process, same model (all-MiniLM-L6-v2), same BANKING77 sentences, same run, 1 and 16 clients.
#   benchmarks/embeddings.sh [clients=1,16] [seconds=15] [warmup=5] [repeats=3]
#   benchmarks/embeddings.sh --smoke     1 and 4 clients, 1 s each, once: it works, no figure is judged
# Builds what is missing, starts the benchmarks' own Atelier (atelier-home.sh: own home, ports and admin key) and
# stops it after.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ "${1:-}" = --smoke ] && set -- 1,4 1 1 1
data=${ATELIER_SHARED:-$root/../shared}/data/banking77/train.csv
[ -f "$data" ] || { echo "no $data (set ATELIER_SHARED to the shared folder)" >&2; exit 1; }
if [ ! -f benchmarks/target/classpath.txt ] || ! ls features/distribution/target/*.tar.gz >/dev/null 2>&1; then
  mvn -B -q -DskipTests package
fi
. benchmarks/atelier-home.sh
bench_start
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  org.atelier.benchmarks.EmbeddingsBenchmark "$bench_url" "$bench_key" "$data" "${1:-1,16}" "${2:-15}" "${3:-5}" "${4:-3}"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
