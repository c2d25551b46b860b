#!/usr/bin/env bash
# The sweep target of the tuning issue: a 20 x 20 sweep of 60-second runs at 500 req/s
# (bench/scenarios/sweep-60s-500rps.json) must finish in at most 10 s on this machine.
#
#   bench/sweep.sh                 build (CMake preset `bench`), measure, print the table
#   REPS=5 bench/sweep.sh          more repetitions (medians are reported)
#   NO_BUILD=1 bench/sweep.sh      reuse build/bench as it is
#
# Measured in the same run: the baseline (one run of one grid point, sequential, same binary)
# and the whole sweep (400 runs on all cores). The ideal sweep time is 400 x baseline / cores;
# the table reports the sweep's wall time, its ratio to the 10 s target and its parallel
# efficiency (ideal / measured). Output: stdout and build/bench/sweep.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
REPS=${REPS:-3}
OUT="$ROOT/build/bench"
CLI="$OUT/app/resilience-lab"
SCENARIO="$ROOT/bench/scenarios/sweep-60s-500rps.json"
P1='pipeline[1].failure_threshold=1:20:20'
P2='pipeline[1].reset_timeout_ms=log:1000:60000:20'

log() { printf '[sweep] %s\n' "$*" >&2; }

if [ -z "${NO_BUILD:-}" ]; then
    cmake --preset bench >/dev/null
    cmake --build --preset bench --target resilience-lab
fi
[ -x "$CLI" ] || { log "error: $CLI is missing"; exit 1; }

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", b - a}'; }
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

base=()
sweep=()
for ((i = 1; i <= REPS; i++)); do
    log "repetition $i/$REPS"
    t0="$(now)"
    "$CLI" run "$SCENARIO" >/dev/null
    t1="$(now)"
    base+=("$(elapsed "$t0" "$t1")")
    t0="$(now)"
    "$CLI" sweep "$SCENARIO" --param "$P1" --param "$P2" --metric success_rate \
        --out "$OUT/sweep_20x20.csv" >/dev/null 2>&1
    t1="$(now)"
    sweep+=("$(elapsed "$t0" "$t1")")
done
rows="$(($(wc -l <"$OUT/sweep_20x20.csv") - 1))"
[ "$rows" -eq 400 ] || { log "error: the sweep wrote $rows rows, expected 400"; exit 1; }

B="$(printf '%s\n' "${base[@]}" | median)"
S="$(printf '%s\n' "${sweep[@]}" | median)"
N="$(nproc)"
{
    echo "Resilience Lab — 20 x 20 sweep of 60 s runs at 500 req/s"
    echo "date        $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "machine     $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $N cores (nproc)"
    echo "load avg    $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "commit      $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "runs        baseline: ${base[*]} s; sweep: ${sweep[*]} s (medians below)"
    echo
    awk -v b="$B" -v s="$S" -v n="$N" 'BEGIN {
        ideal = 400 * b / n
        printf "one run (baseline, sequential)      %8.3f s\n", b
        printf "20 x 20 sweep, %d threads            %8.3f s   (400 runs, %.0f runs/s)\n", n, s, 400 / s
        printf "ideal = 400 x baseline / %d cores    %8.3f s   parallel efficiency %.2f\n", n, ideal, ideal / s
        printf "target: sweep <= 10 s                %s   (sweep / target = %.2f)\n", (s <= 10 ? "PASS" : "FAIL"), s / 10
    }'
} | tee "$OUT/sweep.txt"
