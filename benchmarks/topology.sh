#!/usr/bin/env bash
# Topology optimisation benchmark: Atelier's SIMP solver (bundles-industrial/design) against the numpy/scipy port of
# top88 (shared/tools/top88.py, Andreassen et al. 2011), side by side in the same run, same parameters (half MBB
# beam, volfrac 0.5, penal 3, sensitivity filter, OC), a fixed number of iterations; then two full designs of ours, each cancelled at its goal's time (1200x400 MBB: 3 minutes; 3D
# 60x20x20 cantilever with the density filter as top3d: 2 minutes), both with grid continuation (coarser grids first).
#   benchmarks/topology.sh [repeats=3] [iterations=10]
#   benchmarks/topology.sh --smoke     a 60x20 beam, 2 iterations of each, once, and a 5 s full design: it works, no
#                                      figure is judged
# Prints a markdown table: median seconds per iteration of each, their ratio, and both compliances after the same
# iterations. Needs python3 with numpy and scipy. Builds only the design module (offline if it can).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
top88=${ATELIER_SHARED:-$root/../shared}/tools/top88.py
[ -f "$top88" ] || { echo "no $top88 (set ATELIER_SHARED to the shared folder)" >&2; exit 1; }
python3 -c "import numpy, scipy" || { echo "the anchor needs numpy and scipy: apt-get install python3-scipy" >&2; exit 1; }
cases=("300 100 4" "600 200 8")
designs=("180 mbb 1200 400 0 0.5 3 16 1" "120 cantilever 60 20 20 0.3 3 1.5 2")
if [ "${1:-}" = --smoke ]; then
  set -- 1 2
  cases=("60 20 2")
  designs=("5 mbb 120 40 0 0.5 3 2 1")
fi
repeats=${1:-3}
iterations=${2:-10}
module=bundles-industrial/design
# with -am: the platform modules it needs come from this tree, also where only `mvn verify` ran (nothing installed)
mvn -B -q -o -pl $module -am test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2 \
  || mvn -B -q -pl $module -am test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
cp="$module/target/classes:$module/target/test-classes:$(cat $module/target/classpath.txt)"
ours() { java -cp "$cp" org.atelier.industrial.design.internal.solver.TopologyBenchmarkMain "$@"; }
field() { sed -n "s/\(^\|.* \)$1=\([^ ]*\).*/\2/p"; }
median() { python3 -c "import sys, statistics; print(f'{statistics.median(map(float, sys.argv[1:])):.4f}')" "$@"; }

echo "| mesh | rmin | iterations | top88.py s/iteration | Atelier s/iteration | ratio | top88.py compliance | Atelier compliance | difference | Atelier solver |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for case in "${cases[@]}"; do
  set -- $case
  theirs_t=(); ours_t=()
  for _ in $(seq "$repeats"); do
    t=$(python3 "$top88" "$1" "$2" 0.5 3 "$3" 1 --maxloop "$iterations")
    theirs_t+=("$(echo "$t" | field per_iteration)"); theirs_c=$(echo "$t" | field compliance)
    o=$(ours mbb "$1" "$2" 0 0.5 3 "$3" 1 --maxloop "$iterations")
    ours_t+=("$(echo "$o" | field per_iteration)"); ours_c=$(echo "$o" | field compliance); solver=$(echo "$o" | field solver)
  done
  a=$(median "${theirs_t[@]}"); b=$(median "${ours_t[@]}")
  python3 - "$1x$2" "$3" "$iterations" "$a" "$b" "$theirs_c" "$ours_c" "$solver" <<'PY'
import sys
mesh, rmin, it, a, b, ca, cb, solver = sys.argv[1:]
a, b, ca, cb = map(float, (a, b, ca, cb))
print(f"| {mesh} | {rmin} | {it} | {a:.3f} | {b:.3f} | {b / a:.2f} | {ca:.4f} | {cb:.4f} | {abs(cb - ca) / ca * 100:.3f} % | {solver} |")
PY
done

echo
echo "| full design (Atelier only, grid continuation), goal | finest-grid iterations | stop | last change | total seconds | s/iteration (finest) | compliance | solver (finest) | grids: iterations, seconds |"
echo "|---|---|---|---|---|---|---|---|---|"
# each is cancelled at its goal's time: stop=CONVERGED means the goal is met
for run in "${designs[@]}"; do
  set -- $run
  limit=$1; shift
  o=$(ours "$@" --continuation --time-limit "$limit")
  echo "| $1 $2x$3$([ "$4" != 0 ] && echo "x$4") volfrac $5 rmin $7, < $limit s | $(echo "$o" | field iterations) | $(echo "$o" | field stop) | $(echo "$o" | field change) | $(echo "$o" | field total_seconds) | $(echo "$o" | field per_iteration) | $(echo "$o" | field compliance) | $(echo "$o" | field solver) | $(echo "$o" | field levels) |"
done
echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; Java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
