// One measured run per process, so that the peak resident set (getrusage ru_maxrss) belongs
// to that run alone. bench/compare.sh calls it several times per mode and takes medians.
//
//   bench_run_hour pipeline [--rate R] [--duration S]   seed preset, default 1000 req/s, 3600 s
//   bench_run_hour fanout [--rate R] [--duration S]     the 10-service fan-out graph
//   bench_run_hour mm1 --events N                        engine M/M/1, about N events
//   bench_run_hour bare --events N [--rng mt|counter]    bare heap M/M/1, exactly N events
//   bench_run_hour bare-traffic --events N [--rate R]    bare heap, the pipeline's traffic
//                                                        (M/G/inf, lognormal), exactly N events
//
// Prints one line of key=value pairs: mode, events, requests, sim_s, wall_s, events_per_s,
// requests_per_s, maxrss_kb (peak of the whole process), base_rss_kb (peak before the run),
// cpu_s (user + system CPU time of the run), then mode-specific details (heap_at_end: entries
// left in the event heap, cancelled ones included).

#include "bare_loop.h"
#include "models.h"

#include "reslab/model/simulation.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

namespace {

using namespace reslab;
using Clock = std::chrono::steady_clock;

/// User + system CPU seconds of this process so far: a reading that other processes' load on
/// a shared machine disturbs less than wall time does.
double cpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

long maxRssKb()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss; // kilobytes on Linux
}

struct Result
{
    std::string mode;
    std::uint64_t events = 0;
    std::uint64_t requests = 0;
    double simS = 0;
    double wallS = 0;
    double cpuS = 0;
    long baseRssKb = 0;
    std::string extra;
};

void print(const Result &r)
{
    std::printf("mode=%s events=%llu requests=%llu sim_s=%.3f wall_s=%.6f events_per_s=%.0f "
                "requests_per_s=%.0f maxrss_kb=%ld base_rss_kb=%ld cpu_s=%.6f%s%s\n",
                r.mode.c_str(), static_cast<unsigned long long>(r.events),
                static_cast<unsigned long long>(r.requests), r.simS, r.wallS,
                static_cast<double>(r.events) / r.wallS, static_cast<double>(r.requests) / r.wallS,
                maxRssKb(), r.baseRssKb, r.cpuS, r.extra.empty() ? "" : " ", r.extra.c_str());
}

Result runScenario(const std::string &mode, const Scenario &scenario)
{
    Result r;
    r.mode = mode;
    r.baseRssKb = maxRssKb();
    const double c0 = cpuSeconds();
    const auto t0 = Clock::now();
    Simulation sim(scenario); // construction counts: it is part of every run
    sim.runToEnd();
    const auto t1 = Clock::now();
    const Summary s = sim.summary();
    r.cpuS = cpuSeconds() - c0;
    r.wallS = std::chrono::duration<double>(t1 - t0).count();
    r.events = s.eventsProcessed;
    r.requests = s.requests;
    r.simS = s.durationS;
    char buf[512];
    std::snprintf(
        buf, sizeof buf,
        "success=%llu fallback=%llu failure=%llu attempts=%llu retries=%llu "
        "in_flight=%llu p99_ms=%.3f engine_wall_ms=%.1f heap_at_end=%zu",
        static_cast<unsigned long long>(s.success), static_cast<unsigned long long>(s.fallback),
        static_cast<unsigned long long>(s.failure), static_cast<unsigned long long>(s.attempts),
        static_cast<unsigned long long>(s.retries), static_cast<unsigned long long>(s.inFlight),
        s.latencyP99, s.wallMs, sim.simulator().pendingEvents());
    r.extra = buf;
    // Every service's attempts: what a graph costs (the target's alone for one pipeline).
    std::uint64_t serviceAttempts = 0;
    for (const ServiceTotals &t : s.services)
        serviceAttempts += t.attempts;
    r.extra +=
        " service_attempts=" + std::to_string(serviceAttempts) + " service_attempts_per_s=" +
        std::to_string(static_cast<long long>(static_cast<double>(serviceAttempts) / r.wallS));
    return r;
}

/// The brief's pipeline: the preset as shipped must have these; say so if it does not.
std::string checkPipeline(const Scenario &s)
{
    std::string problems;
    const auto target = s.services.find(s.target);
    if (target == s.services.end())
        return "no target service";
    if (target->second.latency.dist != LatencySpec::Dist::Lognormal)
        problems += "target latency not lognormal; ";
    if (target->second.concurrency != 200)
        problems += "target concurrency != 200; ";
    const bool cacheFallback =
        !s.pipeline.empty() && s.pipeline.front().is<FallbackSpec>() &&
        s.pipeline.front().as<FallbackSpec>().mode == FallbackSpec::Mode::Service &&
        s.pipeline.front().as<FallbackSpec>().service == "cache";
    if (!cacheFallback)
        problems += "outermost stage is not a fallback to service cache; ";
    return problems;
}

/// Times loop.run(events) on a bare loop (BareMM1 or BareTraffic) and reads its counters.
template <typename Loop>
Result runBareLoop(const char *mode, Loop &loop, std::uint64_t events)
{
    Result r;
    r.mode = mode;
    r.baseRssKb = maxRssKb();
    const double c0 = cpuSeconds();
    const auto t0 = Clock::now();
    loop.run(events);
    const auto t1 = Clock::now();
    r.cpuS = cpuSeconds() - c0;
    r.wallS = std::chrono::duration<double>(t1 - t0).count();
    r.events = loop.processed();
    r.requests = loop.arrivals();
    r.simS = static_cast<double>(loop.now()) / 1e6;
    r.extra = "departures=" + std::to_string(loop.departures());
    return r;
}

template <typename Draw>
Result runBare(std::uint64_t events)
{
    bench::BareMM1<Draw> loop(bench::kMM1ArrivalPerS, bench::kMM1ServicePerS, 42);
    return runBareLoop("bare", loop, events);
}

/// The floor for the pipeline: its traffic (rate, the backend's lognormal latency) on a bare
/// heap, exactly `events` events.
Result runBareTraffic(std::uint64_t events, double rate)
{
    const Scenario s = bench::seedPipelineScenario(rate, 1);
    const LatencySpec &latency = s.services.at(s.target).latency;
    bench::BareTraffic loop(rate, latency.median, latency.p99, 42);
    Result r = runBareLoop("bare-traffic", loop, events);
    char buf[128];
    std::snprintf(buf, sizeof buf, " mean_pending=%.1f median_ms=%g p99_ms=%g", loop.meanPending(),
                  latency.median, latency.p99);
    r.extra += buf;
    return r;
}

[[noreturn]] void usage()
{
    std::fprintf(stderr, "usage: bench_run_hour pipeline [--rate R] [--duration S]\n"
                         "       bench_run_hour fanout [--rate R] [--duration S]\n"
                         "       bench_run_hour mm1 --events N\n"
                         "       bench_run_hour bare --events N [--rng mt|counter]\n"
                         "       bench_run_hour bare-traffic --events N [--rate R]\n");
    std::exit(2);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        usage();
    const std::string_view mode = argv[1];
    double rate = 1000;
    double duration = 3600;
    std::uint64_t events = 0;
    std::string rng = "mt";
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (i + 1 >= argc)
            usage();
        const char *value = argv[++i];
        if (arg == "--rate")
            rate = std::atof(value);
        else if (arg == "--duration")
            duration = std::atof(value);
        else if (arg == "--events")
            events = std::strtoull(value, nullptr, 10);
        else if (arg == "--rng")
            rng = value;
        else
            usage();
    }

    try {
        if (mode == "pipeline") {
            const Scenario s = bench::seedPipelineScenario(rate, duration);
            const std::string problems = checkPipeline(s);
            if (!problems.empty())
                std::fprintf(stderr, "warning: seed pipeline differs from the brief: %s\n",
                             problems.c_str());
            print(runScenario("pipeline", s));
        } else if (mode == "fanout") {
            // Service attempts (every service's) per second are what the graph costs.
            const Scenario s = bench::fanoutScenario(rate, duration);
            print(runScenario("fanout", s));
        } else if (mode == "mm1") {
            if (events == 0)
                usage();
            // Two events per request: duration for about `events` events.
            const double seconds = static_cast<double>(events) / (2.0 * bench::kMM1ArrivalPerS);
            print(runScenario("mm1", bench::mm1Scenario(seconds)));
        } else if (mode == "bare") {
            if (events == 0)
                usage();
            Result r = rng == "counter" ? runBare<bench::CounterExponential>(events)
                                        : runBare<bench::MtExponential>(events);
            r.extra += " rng=" + rng;
            print(r);
        } else if (mode == "bare-traffic") {
            if (events == 0)
                usage();
            print(runBareTraffic(events, rate));
        } else {
            usage();
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_run_hour: %s\n", e.what());
        return 1;
    }
    return 0;
}
