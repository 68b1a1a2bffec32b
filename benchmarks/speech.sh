#!/usr/bin/env bash
# Speech benchmark: every English voice of Atelier (over REST, streamed) against the Debian CLI voices flite (slt,
# kal) and espeak-ng, in the same run; word error rate by Vosk on the Harvard sentences, speed, first audio.
#   benchmarks/speech.sh [sentences=100]
# Needs the Debian packages flite and espeak-ng (apt-get install flite espeak-ng). Builds what is missing, starts
# Atelier in its own home (benchmarks/target/atelier-home) with a known admin key, and stops it after.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
data=${ATELIER_SHARED:-$root/../shared}/data/speech/harvard-dev.txt
[ -f "$data" ] || { echo "no $data (set ATELIER_SHARED to the shared folder)" >&2; exit 1; }
for tool in flite espeak-ng; do
  command -v $tool >/dev/null || { echo "the anchor $tool is missing: apt-get install $tool" >&2; exit 1; }
done
if [ ! -f benchmarks/target/classpath.txt ] || ! ls features/distribution/target/*.tar.gz >/dev/null 2>&1; then
  mvn -B -q -DskipTests package
fi
export ATELIER_HOME=$root/benchmarks/target/atelier-home
# the benchmark's own admin key: given at the home's first start, kept beside it for the next runs
keyfile=$root/benchmarks/target/benchmark-admin.key
[ -f "$keyfile" ] || { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$keyfile"; chmod 600 "$keyfile"; }
key=$(cat "$keyfile")
trap './atelier stop >/dev/null 2>&1 || true' EXIT
ATELIER_ADMIN_KEY=$key ./atelier start
# the engines start in the background: wait until a voice is offered
for _ in $(seq 60); do
  curl -sf -H "Authorization: Bearer $key" 127.0.0.1:8181/api/v1/medical/voice/voices | grep -q '"id"' && break
  sleep 1
done
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  org.atelier.benchmarks.SpeechBenchmark http://127.0.0.1:8181/api/v1 "$key" "$data" "${1:-100}" benchmarks/target/speech
