#!/usr/bin/env bash
# Every benchmark's smoke mode, so that none silently stops working: each script runs with --smoke (a few seconds,
# nothing timed is judged) and must exit 0. The benchmarks' own Atelier (atelier-home.sh) is started once for the
# scripts that need it and stopped at the end. `mvn verify` runs this in the benchmarks module (skipped with
# -DskipTests or -Dbenchmarks.smoke.skip); each script's output is kept in benchmarks/target/smoke-NAME.log.
#   benchmarks/smoke.sh [NAME...]     default: every benchmarks/*.sh but the helpers
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mkdir -p benchmarks/target
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in benchmarks/*.sh; do
    n=$(basename "$f" .sh)
    case $n in smoke | atelier-home) ;; *) names+=("$n") ;; esac
  done
fi
# the development data and the anchors live in the shared folder beside the checkout; a checkout without it can run
# no benchmark, which is said loudly (and in the summary) rather than failed
shared=${ATELIER_SHARED:-$root/../shared}
if [ ! -d "$shared/data" ] || [ ! -d "$shared/tools" ]; then
  echo "smoke: WARNING: no shared folder at $shared (set ATELIER_SHARED): the ${#names[@]} benchmarks were NOT run" >&2
  exit 0
fi
. benchmarks/atelier-home.sh
started=$SECONDS
bench_start >benchmarks/target/smoke-atelier.log 2>&1 || { cat benchmarks/target/smoke-atelier.log >&2; exit 1; }
echo "smoke: the benchmarks' Atelier at $bench_url ($((SECONDS - started)) s)"
failed=()
for n in "${names[@]}"; do
  log=benchmarks/target/smoke-$n.log
  t0=$SECONDS
  if bash "benchmarks/$n.sh" --smoke >"$log" 2>&1 </dev/null; then
    echo "smoke: $n ok ($((SECONDS - t0)) s)"
  else
    echo "smoke: $n FAILED ($((SECONDS - t0)) s); the end of $log:" >&2
    tail -n 30 "$log" >&2
    failed+=("$n")
  fi
done
echo "smoke: ${#names[@]} benchmarks in $((SECONDS - started)) s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ ${#failed[@]} -eq 0 ] || { echo "smoke: failed: ${failed[*]}" >&2; exit 1; }
