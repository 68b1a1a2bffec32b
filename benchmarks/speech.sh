#!/usr/bin/env bash
# Speech benchmark: every English voice of Atelier (over REST, streamed) against the Debian CLI voices flite (slt,
# kal) and espeak-ng, in the same run; word error rate by Vosk on the Harvard sentences, speed, first audio.
#   benchmarks/speech.sh [sentences=100]
#   benchmarks/speech.sh --smoke     2 sentences: it works, no figure is judged
# Needs the Debian packages flite and espeak-ng (apt-get install flite espeak-ng). Builds what is missing, starts the
# benchmarks' own Atelier (atelier-home.sh: own home, ports and admin key) and stops it after.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ "${1:-}" = --smoke ] && set -- 2
data=${ATELIER_SHARED:-$root/../shared}/data/speech/harvard-dev.txt
[ -f "$data" ] || { echo "no $data (set ATELIER_SHARED to the shared folder)" >&2; exit 1; }
for tool in flite espeak-ng; do
  command -v $tool >/dev/null || { echo "the anchor $tool is missing: apt-get install $tool" >&2; exit 1; }
done
if [ ! -f benchmarks/target/classpath.txt ] || ! ls features/distribution/target/*.tar.gz >/dev/null 2>&1; then
  mvn -B -q -DskipTests package
fi
. benchmarks/atelier-home.sh
bench_start
# the engines start in the background: wait until a voice is offered
for _ in $(seq 60); do
  curl -sf -H "Authorization: Bearer $bench_key" "$bench_url/medical/voice/voices" | grep -q '"id"' && break
  sleep 1
done
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  org.atelier.benchmarks.SpeechBenchmark "$bench_url" "$bench_key" "$data" "${1:-100}" benchmarks/target/speech
