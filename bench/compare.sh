#!/usr/bin/env bash
# Resilience Lab performance comparison: the engine against bare priority-queue loops (the
# M/M/1 model; the pipeline's traffic with the patterns stripped away) and against SimPy 2, all
# measured in this one run on this machine.
#
#   bench/compare.sh                 build (CMake preset `bench`), measure, print the table
#   REPS=7 bench/compare.sh          more repetitions (medians are reported)
#   NO_BUILD=1 bench/compare.sh      reuse build/bench as it is
#   NO_GBENCH=1 bench/compare.sh     skip the Google Benchmark micro table
#   WAIT_QUIET=600 bench/compare.sh  first wait (at most 600 s) for load average < 0.75 x nproc
#
# Environment knobs (defaults): REPS=5 engine/bare repetitions, SIMPY_REPS=3,
# MM1_EVENTS=20000000 (engine M/M/1 and bare loop), SIMPY_EVENTS=400000,
# PIPE_RATE=1000 req/s, PIPE_DURATION=3600 s, GBENCH_REPS=3, BUILD_RETRIES=3.
#
# Output: the table on stdout and in build/bench/compare.txt; raw per-run lines in
# build/bench/compare_raw.txt; Google Benchmark JSON in build/bench/bench_engine.json.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

REPS=${REPS:-5}
SIMPY_REPS=${SIMPY_REPS:-3}
MM1_EVENTS=${MM1_EVENTS:-20000000}
SIMPY_EVENTS=${SIMPY_EVENTS:-400000}
PIPE_RATE=${PIPE_RATE:-1000}
PIPE_DURATION=${PIPE_DURATION:-3600}
FANOUT_RATE=${FANOUT_RATE:-1000}
GBENCH_REPS=${GBENCH_REPS:-3}
BUILD_RETRIES=${BUILD_RETRIES:-3}
PY=/usr/bin/python3
OUT="$ROOT/build/bench"
BIN="$OUT/bench"

log() { printf '[compare] %s\n' "$*" >&2; }

# ---- SimPy 2 (Debian python3-simpy) ----
if ! "$PY" -c 'import SimPy.Simulation' 2>/dev/null; then
    log "SimPy 2 missing: installing python3-simpy"
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=()
    elif command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
    else
        log "error: python3-simpy is not installed and neither root nor sudo is available"
        exit 1
    fi
    "${SUDO[@]}" apt-get update
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-simpy
    "$PY" -c 'import SimPy.Simulation'
fi

# ---- build (Release, preset `bench`) ----
if [ -z "${NO_BUILD:-}" ]; then
    cmake --preset bench >/dev/null
    attempt=1
    until cmake --build --preset bench --target bench_engine bench_run_hour; do
        if [ "$attempt" -ge "$BUILD_RETRIES" ]; then
            log "error: build failed $attempt times"
            exit 1
        fi
        log "build failed (attempt $attempt); retrying in 60 s"
        sleep 60
        attempt=$((attempt + 1))
    done
fi
for b in bench_run_hour bench_engine; do
    [ -x "$BIN/$b" ] || { log "error: $BIN/$b is missing"; exit 1; }
done

# ---- optionally wait for a quieter machine (others build on it too) ----
if [ -n "${WAIT_QUIET:-}" ]; then
    limit="$(awk -v n="$(nproc)" 'BEGIN {print n * 0.75}')"
    waited=0
    while awk -v l="$limit" '{exit !($1 >= l)}' /proc/loadavg && [ "$waited" -lt "$WAIT_QUIET" ]; do
        log "load $(cut -d' ' -f1 /proc/loadavg) >= $limit: waiting (${waited}/${WAIT_QUIET} s)"
        sleep 15
        waited=$((waited + 15))
    done
fi

RAW="$OUT/compare_raw.txt"
: >"$RAW"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
STARTED="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"

# ---- (a) + (b): engine M/M/1, bare loop over the same event count, the 1-hour pipeline ----
# Interleaved, one process per run (so ru_maxrss is that run's), so slow drifts in the
# machine's load hit every mode alike.
MM1_LINE="$("$BIN/bench_run_hour" mm1 --events "$MM1_EVENTS")"
echo "$MM1_LINE" >>"$RAW"
N_EVENTS="$(sed -n 's/.*events=\([0-9]*\).*/\1/p' <<<"$MM1_LINE")"
log "engine M/M/1 processes $N_EVENTS events; the bare loop runs exactly as many"
PIPE_LINE="$("$BIN/bench_run_hour" pipeline --rate "$PIPE_RATE" --duration "$PIPE_DURATION")"
echo "$PIPE_LINE" >>"$RAW"
N_PIPE_EVENTS="$(sed -n 's/.*events=\([0-9]*\).*/\1/p' <<<"$PIPE_LINE")"
log "the pipeline processes $N_PIPE_EVENTS events; the bare traffic loop runs exactly as many"
for ((i = 1; i <= REPS; i++)); do
    log "repetition $i/$REPS"
    [ "$i" -gt 1 ] && "$BIN/bench_run_hour" mm1 --events "$MM1_EVENTS" >>"$RAW"
    "$BIN/bench_run_hour" bare --events "$N_EVENTS" --rng mt >>"$RAW"
    "$BIN/bench_run_hour" bare --events "$N_EVENTS" --rng counter >>"$RAW"
    [ "$i" -gt 1 ] && "$BIN/bench_run_hour" pipeline --rate "$PIPE_RATE" --duration "$PIPE_DURATION" >>"$RAW"
    "$BIN/bench_run_hour" bare-traffic --events "$N_PIPE_EVENTS" --rate "$PIPE_RATE" >>"$RAW"
    "$BIN/bench_run_hour" fanout --rate "$FANOUT_RATE" --duration "$PIPE_DURATION" >>"$RAW"
done

# ---- (c): SimPy 2 on the same M/M/1, fewer events ----
for ((i = 1; i <= SIMPY_REPS; i++)); do
    log "SimPy repetition $i/$SIMPY_REPS ($SIMPY_EVENTS events)"
    "$PY" "$ROOT/bench/mm1_simpy.py" --events "$SIMPY_EVENTS" >>"$RAW"
done

# ---- Google Benchmark micro/medium benchmarks ----
GBENCH_JSON="$OUT/bench_engine.json"
rm -f "$GBENCH_JSON"
if [ -z "${NO_GBENCH:-}" ]; then
    log "Google Benchmark: bench_engine ($GBENCH_REPS repetitions)"
    "$BIN/bench_engine" --benchmark_repetitions="$GBENCH_REPS" \
        --benchmark_report_aggregates_only=true \
        --benchmark_out="$GBENCH_JSON" --benchmark_out_format=json >&2
fi

LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
export RAW GBENCH_JSON STARTED LOAD_BEFORE LOAD_AFTER PIPE_RATE PIPE_DURATION
export CPU_MODEL="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
export NPROC="$(nproc)"
export MEM_TOTAL="$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
export COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
export DIRTY="$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' (uncommitted changes)' || true)"

"$PY" - <<'PYEOF' | tee "$OUT/compare.txt"
import json, os, statistics

def parse(line):
    return {k: v for k, v in (kv.split("=", 1) for kv in line.split() if "=" in kv)}

runs = {}
with open(os.environ["RAW"]) as f:
    for line in f:
        if line.strip():
            r = parse(line)
            key = r["mode"] + ("/" + r["rng"] if "rng" in r else "")
            runs.setdefault(key, []).append(r)

def med(rs, k):
    return statistics.median(float(r[k]) for r in rs)

def spread(rs, k):
    v = [float(r[k]) for r in rs]
    m = statistics.median(v)
    return (max(v) - min(v)) / m * 100 if m else 0.0

def fmt_rate(x):
    if x >= 1e6:
        return "%.2f M" % (x / 1e6)
    if x >= 1e3:
        return "%.1f k" % (x / 1e3)
    return "%.0f" % x

rows = [
    ("mm1", "engine M/M/1 (rho 0.9)"),
    ("bare/mt", "bare heap loop, mt19937_64"),
    ("bare/counter", "bare heap loop, counter RNG"),
    ("pipeline", "engine seed pipeline, %g s" % float(os.environ["PIPE_DURATION"])),
    ("bare-traffic", "bare loop, pipeline traffic"),
    ("fanout", "engine 10-service fan-out graph"),
    ("simpy", "SimPy 2 M/M/1 (rho 0.9)"),
]
stat = {}
for key, _ in rows:
    rs = runs.get(key, [])
    if not rs:
        continue
    stat[key] = dict(
        n=len(rs),
        events=med(rs, "events"), requests=med(rs, "requests"), sim_s=med(rs, "sim_s"),
        wall=med(rs, "wall_s"), cpu=med(rs, "cpu_s"),
        eps=med(rs, "events_per_s"), rps=med(rs, "requests_per_s"),
        eps_cpu=statistics.median(float(r["events"]) / float(r["cpu_s"]) for r in rs),
        rps_cpu=statistics.median(float(r["requests"]) / float(r["cpu_s"]) for r in rs),
        eps_spread=spread(rs, "events_per_s"),
        rss=max(float(r["maxrss_kb"]) for r in rs) / 1024.0,
    )

out = []
p = out.append
p("Resilience Lab — engine performance comparison")
p("date        %s" % os.environ["STARTED"])
p("machine     %s, %s cores (nproc), %s RAM" % (os.environ["CPU_MODEL"], os.environ["NPROC"], os.environ["MEM_TOTAL"]))
p("load avg    %s before, %s after (1/5/15 min)" % (os.environ["LOAD_BEFORE"], os.environ["LOAD_AFTER"]))
p("commit      %s%s" % (os.environ["COMMIT"], os.environ["DIRTY"]))
p("build       CMake preset `bench` (Release, -O3, LTO), g++; one process per run; medians")
p("")
hdr = "%-30s %4s %10s %9s %7s %7s %10s %8s %10s %11s %9s" % (
    "measurement", "runs", "events", "requests", "sim s", "wall s", "events/s", "(spread)",
    "sim req/s", "ev/s (CPU)", "peak RSS")
p(hdr)
p("-" * len(hdr))
for key, label in rows:
    if key not in stat:
        continue
    s = stat[key]
    p("%-30s %4d %10.0f %9.0f %7.0f %7.3f %10s %7.0f%% %10s %11s %6.1f MB" % (
        label, s["n"], s["events"], s["requests"], s["sim_s"], s["wall"], fmt_rate(s["eps"]),
        s["eps_spread"], fmt_rate(s["rps"]), fmt_rate(s["eps_cpu"]), s["rss"]))
p("")
p("events/s and sim req/s: medians over runs of wall-clock rates (the targets use these);")
p("(spread): (max - min) / median of events/s; ev/s (CPU): median of events / (user + sys CPU s),")
p("which other processes' load disturbs less. Events are the engine's processed events")
p("(Summary.eventsProcessed; lazily cancelled timers are not counted); the M/M/1 runs count one")
p("event per arrival and one per departure in all three implementations. Peak RSS: getrusage")
p("ru_maxrss of the process, max over runs (SimPy's includes the Python interpreter).")
p("")

def verdict(ok):
    return "PASS" if ok else "FAIL"

checks = []
if "pipeline" in stat and "bare-traffic" in stat:
    r = stat["pipeline"]["eps"] / stat["bare-traffic"]["eps"]
    rc = stat["pipeline"]["eps_cpu"] / stat["bare-traffic"]["eps_cpu"]
    checks.append((r >= 0.33,
                   "pipeline events/s / bare loop of the same traffic = %.3f  (target >= 0.33; on CPU time %.3f)" % (r, rc)))
if "pipeline" in stat and "bare/mt" in stat:
    r = stat["pipeline"]["eps"] / stat["bare/mt"]["eps"]
    rc = stat["pipeline"]["eps_cpu"] / stat["bare/mt"]["eps_cpu"]
    checks.append((r >= 0.33,
                   "pipeline events/s / bare M/M/1 loop (2 pending events) = %.3f  (stricter reading, >= 0.33; on CPU time %.3f)" % (r, rc)))
if "mm1" in stat and "simpy" in stat:
    r = stat["mm1"]["eps"] / stat["simpy"]["eps"]
    rc = stat["mm1"]["eps_cpu"] / stat["simpy"]["eps_cpu"]
    checks.append((r >= 100, "engine M/M/1 events/s / SimPy events/s = %.1fx  (target >= 100x; on CPU time %.1fx)" % (r, rc)))
if "pipeline" in stat:
    s = stat["pipeline"]
    checks.append((s["rps"] >= 1e6,
                   "pipeline simulated requests/s = %s  (target >= 1,000,000; the %.0f s run took %.2f s wall, %.2f s CPU)"
                   % ("{:,.0f}".format(s["rps"]), s["sim_s"], s["wall"], s["cpu"])))
    checks.append((s["rss"] < 200, "pipeline %g s run peak RSS = %.1f MB  (target < 200 MB, no event log)" % (s["sim_s"], s["rss"])))
if "fanout" in stat:
    rs = runs["fanout"]
    attempts = statistics.median(float(r["service_attempts_per_s"]) for r in rs)
    attempts_cpu = statistics.median(float(r["service_attempts"]) / float(r["cpu_s"]) for r in rs)
    checks.append((attempts >= 1e6,
                   "fan-out graph service attempts per wall second = %s  (target >= 1,000,000; on CPU time %s)"
                   % ("{:,.0f}".format(attempts), "{:,.0f}".format(attempts_cpu))))
    checks.append((stat["fanout"]["rss"] < 200,
                   "fan-out graph %g s run peak RSS = %.1f MB  (target < 200 MB)" % (stat["fanout"]["sim_s"], stat["fanout"]["rss"])))
    if "bare/mt" in stat:
        checks.append((True, "fan-out graph events/s / bare M/M/1 loop = %.3f  (reported, no target)"
                       % (stat["fanout"]["eps"] / stat["bare/mt"]["eps"])))
p("Targets (ratios measured in this run)")
for ok, text in checks:
    p("  %s  %s" % (verdict(ok), text))
p("")
p("Context (not targets)")
if "mm1" in stat and "bare/mt" in stat:
    p("  engine M/M/1 events/s / bare loop events/s = %.3f" % (stat["mm1"]["eps"] / stat["bare/mt"]["eps"]))
if "bare/mt" in stat and "simpy" in stat:
    p("  bare loop events/s / SimPy events/s = %.1fx  (reference: about 130x, docs/performance.md)"
      % (stat["bare/mt"]["eps"] / stat["simpy"]["eps"]))
if "bare-traffic" in stat:
    r = runs["bare-traffic"][-1]
    p("  bare traffic loop: Poisson %s req/s, lognormal service median %s ms / p99 %s ms, no queue; mean pending events %s"
      % (os.environ["PIPE_RATE"], r["median_ms"], r["p99_ms"], r["mean_pending"]))
if "pipeline" in stat:
    s = stat["pipeline"]
    p("  pipeline: %.2f events per request; %.2f M events/s on CPU time; %s entries left in the event heap at the end"
      % (s["events"] / s["requests"], s["eps_cpu"] / 1e6, runs["pipeline"][-1].get("heap_at_end", "?")))
    last = runs["pipeline"][-1]
    p("  pipeline outcome (last run): success %s, fallback %s, failure %s, attempts %s, retries %s, p99 %s ms"
      % (last["success"], last["fallback"], last["failure"], last["attempts"], last["retries"], last["p99_ms"]))
if "simpy" in stat:
    r = runs["simpy"][-1]
    p("  SimPy scheduler posts per model event: %.2f" % (float(r["sched_posts"]) / float(r["events"])))

gj = os.environ.get("GBENCH_JSON")
if gj and os.path.exists(gj):
    with open(gj) as f:
        data = json.load(f)
    p("")
    reps = data["benchmarks"][0].get("repetitions", "?") if data["benchmarks"] else "?"
    p("Google Benchmark (bench/bench_engine.cpp), medians of %s repetitions; rates are per CPU" % reps)
    p("second (Google Benchmark's default for kIsRate counters and items/s)")
    h2 = "%-40s %12s %12s %14s %12s" % ("benchmark", "wall/iter", "CPU/iter", "events|items/s", "requests/s")
    p(h2)
    p("-" * len(h2))
    for b in data["benchmarks"]:
        single = b.get("run_type") == "iteration" and b.get("repetitions", 1) <= 1
        if b.get("aggregate_name") != "median" and not single:
            continue
        name = b["run_name"]
        unit = b.get("time_unit", "ns")
        t = "%.1f %s" % (b["real_time"], unit)
        tc = "%.1f %s" % (b["cpu_time"], unit)
        ev = b.get("events_per_s")
        rq = b.get("requests_per_s")
        if ev is None and "items_per_second" in b:
            ev = b["items_per_second"]
        p("%-40s %12s %12s %14s %12s" % (name, t, tc, fmt_rate(ev) if ev else "-", fmt_rate(rq) if rq else "-"))
print("\n".join(out))
PYEOF
