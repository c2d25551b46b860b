// Google Benchmark programs for the engine: the bare-heap floor, the event kernel, the M/M/1
// model, the seed pipeline, and the small pieces on the hot path (RNG, latency sampling,
// histogram). Rates are reported as counters with kIsRate (per second of wall time).
//
//   build/bench/bench/bench_engine --benchmark_repetitions=3 --benchmark_report_aggregates_only

#include "bare_loop.h"
#include "models.h"

#include "reslab/kernel/random.h"
#include "reslab/kernel/simulator.h"
#include "reslab/metrics/latency_histogram.h"
#include "reslab/model/simulation.h"
#include "reslab/model/virtual_service.h"

#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace {

using namespace reslab;

// ---- the floor: bare binary heap + exponential draw, one event per iteration ----

template <typename Draw>
void BM_BareHeapLoop(benchmark::State &state)
{
    bench::BareMM1<Draw> loop(bench::kMM1ArrivalPerS, bench::kMM1ServicePerS, 42);
    for (auto _ : state)
        loop.step();
    benchmark::DoNotOptimize(loop.processed());
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(loop.processed()), benchmark::Counter::kIsRate);
}
BENCHMARK_TEMPLATE(BM_BareHeapLoop, bench::MtExponential)->Name("BM_BareHeapLoop/mt19937_64");
BENCHMARK_TEMPLATE(BM_BareHeapLoop, bench::CounterExponential)->Name("BM_BareHeapLoop/counter_rng");

// ---- the kernel: Simulator::schedule + step with `range(0)` events pending ----

class Rescheduler final : public EventTarget
{
public:
    explicit Rescheduler(Simulator &sim)
        : m_sim(sim)
    {}
    void fire(std::uint32_t, std::uint64_t arg) override
    {
        // Uniform delay in [1, 1000] µs, from a counter so it costs next to nothing.
        const SimTime delay = static_cast<SimTime>(mix64(m_next++) % 1000) + 1;
        m_sim.schedule(m_sim.now() + delay, this, 1, arg);
    }

private:
    Simulator &m_sim;
    std::uint64_t m_next = 0;
};

void BM_SimulatorScheduleStep(benchmark::State &state)
{
    Simulator sim;
    Rescheduler target(sim);
    const auto pending = static_cast<std::uint64_t>(state.range(0));
    for (std::uint64_t i = 0; i < pending; ++i)
        sim.schedule(static_cast<SimTime>(mix64(i) % 1000), &target, 1, i);
    for (auto _ : state)
        sim.step();
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(sim.eventsProcessed()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SimulatorScheduleStep)->Arg(1)->Arg(64)->Arg(4096)->Arg(65536);

/// Each event schedules its successor and a timer it cancels at once (what a timeout stage does
/// when the answer comes first): the cost of lazy cancellation.
class TimerCanceller final : public EventTarget
{
public:
    explicit TimerCanceller(Simulator &sim)
        : m_sim(sim)
    {}
    void fire(std::uint32_t, std::uint64_t arg) override
    {
        const SimTime delay = static_cast<SimTime>(mix64(m_next++) % 1000) + 1;
        const EventId timer = m_sim.schedule(m_sim.now() + 5000, this, 2, arg);
        m_sim.schedule(m_sim.now() + delay, this, 1, arg);
        m_sim.cancel(timer);
    }

private:
    Simulator &m_sim;
    std::uint64_t m_next = 0;
};

void BM_SimulatorScheduleCancelStep(benchmark::State &state)
{
    Simulator sim;
    TimerCanceller target(sim);
    for (std::uint64_t i = 0; i < 64; ++i)
        sim.schedule(static_cast<SimTime>(mix64(i) % 1000), &target, 1, i);
    for (auto _ : state)
        sim.step();
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(sim.eventsProcessed()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SimulatorScheduleCancelStep);

// ---- whole runs: M/M/1 and the seed pipeline; `range(0)` simulated seconds per run ----

void runScenario(benchmark::State &state, const Scenario &scenario)
{
    std::uint64_t events = 0;
    std::uint64_t requests = 0;
    for (auto _ : state) {
        Simulation sim(scenario);
        sim.runToEnd();
        events += sim.simulator().eventsProcessed();
        requests += sim.recorder().arrivals();
    }
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
    state.counters["requests_per_s"] =
        benchmark::Counter(static_cast<double>(requests), benchmark::Counter::kIsRate);
    state.counters["events_per_run"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kAvgIterations);
}

void BM_EngineMM1(benchmark::State &state)
{
    runScenario(state, bench::mm1Scenario(static_cast<double>(state.range(0))));
}
BENCHMARK(BM_EngineMM1)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_SeedPipeline(benchmark::State &state)
{
    runScenario(state, bench::seedPipelineScenario(1000, static_cast<double>(state.range(0))));
}
// 60 s: steady state only; 300 s: the preset's own run, with its 60 s outage.
BENCHMARK(BM_SeedPipeline)->Arg(60)->Arg(300)->Unit(benchmark::kMillisecond);

// ---- pieces of the hot path ----

void BM_RandomStreamUniform(benchmark::State &state)
{
    const RandomStream rs(42, streamId("service:backend"));
    std::uint64_t id = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(rs.uniform(id++, 1, 0));
}
BENCHMARK(BM_RandomStreamUniform);

void BM_LatencySample(benchmark::State &state)
{
    LatencySpec spec;
    spec.dist = static_cast<LatencySpec::Dist>(state.range(0));
    spec.value = 2;
    spec.mean = 1;
    spec.median = 40;
    spec.p99 = 400;
    const RandomStream rs(42, streamId("service:backend"));
    std::uint64_t id = 0;
    for (auto _ : state) {
        const double ms = VirtualService::sampleLatencyMs(spec, rs.bits(id, 1, 1));
        benchmark::DoNotOptimize(ms);
        ++id;
    }
}
BENCHMARK(BM_LatencySample)
    ->ArgName("dist")
    ->Arg(static_cast<int>(LatencySpec::Dist::Constant))
    ->Arg(static_cast<int>(LatencySpec::Dist::Exponential))
    ->Arg(static_cast<int>(LatencySpec::Dist::Lognormal));

void BM_HistogramRecord(benchmark::State &state)
{
    // Lognormal-ish latencies in µs (median 40 ms, long tail), precomputed.
    std::array<std::int64_t, 4096> values{};
    const RandomStream rs(7, streamId("histogram"));
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = static_cast<std::int64_t>(
            40000.0 * std::exp(0.99 * sample::standardNormal(rs.bits(i, 0, 0))));
    LatencyHistogram h;
    std::size_t i = 0;
    for (auto _ : state) {
        h.record(values[i++ & (values.size() - 1)]);
    }
    benchmark::DoNotOptimize(h.count());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_HistogramRecord);

} // namespace

BENCHMARK_MAIN();
