#include "reslab/io/config_export.h"

#include "reslab/model/graph.h"

#include <cctype>

#include "reslab/kernel/time.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <system_error>

namespace reslab {
namespace {

std::string number(double v)
{
    return formatDecimal3(v);
}

/// A dimensionless setting (rate, ratio, factor, multiplier) exactly as tuned: the shortest
/// decimal that reads back as the same double. Rounding it (0.0625 -> 0.063) would export
/// another threshold.
std::string exact(double v)
{
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    if (ec != std::errc{})
        return number(v);
    return std::string(buf, end);
}

/// A duration as Spring Boot binds it: "<n>ms" for whole milliseconds (DurationStyle.SIMPLE
/// takes digits only), else ISO-8601 seconds ("PT1.5005S"), at the simulation's microsecond
/// resolution.
std::string springDuration(double ms)
{
    const SimTime us = fromMillis(ms);
    if (us % kMicrosPerMilli == 0)
        return std::to_string(us / kMicrosPerMilli) + "ms";
    std::int64_t frac = us % kMicrosPerSecond;
    int digits = 6;
    while (frac % 10 == 0) {
        frac /= 10;
        --digits;
    }
    std::string f = std::to_string(frac);
    f.insert(0, static_cast<std::size_t>(digits) - f.size(), '0');
    return "PT" + std::to_string(us / kMicrosPerSecond) + "." + f + "S";
}

std::string outcomeList(OutcomeSet set)
{
    std::string s;
    for (int i = 0; i < kOutcomeCount; ++i) {
        const auto o = static_cast<Outcome>(i);
        if (set.contains(o))
            s += (s.empty() ? "" : ", ") + std::string(outcomeName(o));
    }
    return s;
}

std::string_view jitterName(RetrySpec::Jitter j)
{
    switch (j) {
    case RetrySpec::Jitter::None:
        return "none";
    case RetrySpec::Jitter::Proportional:
        return "proportional";
    case RetrySpec::Jitter::Randomized:
        return "randomized";
    case RetrySpec::Jitter::Full:
        return "full";
    case RetrySpec::Jitter::Equal:
        return "equal";
    case RetrySpec::Jitter::Decorrelated:
        return "decorrelated";
    case RetrySpec::Jitter::PollyV2:
        return "polly_v2";
    }
    return "none";
}

/// The instance name: the target service, as a valid YAML key / identifier.
std::string instanceName(const Scenario &s)
{
    return s.target.empty() ? "backend" : s.target;
}

template <class Options>
const StageSpec *firstEnabled(const std::vector<StageSpec> &pipeline)
{
    for (const StageSpec &st : pipeline) {
        if (st.enabled && st.is<Options>())
            return &st;
    }
    return nullptr;
}

/// One edge's instances, section by section, and what did not map.
struct Resilience4jSections
{
    std::ostringstream breaker, retry, timeLimiter, notes;
};

void resilience4jEdge(const std::vector<StageSpec> &pipeline, const std::string &name,
                      Resilience4jSections &out)
{
    std::ostringstream &notes = out.notes;

    int breakers = 0, retries = 0;
    for (const StageSpec &st : pipeline) {
        if (!st.enabled)
            continue;
        breakers += st.is<BreakerSpec>();
        retries += st.is<RetrySpec>();
        if (st.is<FallbackSpec>())
            notes << "#   " << st.name << ": fallback ("
                  << (st.as<FallbackSpec>().mode == FallbackSpec::Mode::Static  ? "static"
                      : st.as<FallbackSpec>().mode == FallbackSpec::Mode::Cache ? "cache"
                                                                                : "service")
                  << ") is code in resilience4j (a fallbackMethod / recover), not configuration.\n";
    }

    if (const StageSpec *cb = firstEnabled<BreakerSpec>(pipeline)) {
        const BreakerSpec &spec = cb->as<BreakerSpec>();
        if (spec.is<Resilience4jOptions>()) {
            const Resilience4jOptions &b = spec.as<Resilience4jOptions>();
            std::ostringstream &y = out.breaker;
            y << "      " << name << ":\n";
            y << "        slidingWindowType: "
              << (b.slidingWindowType == Resilience4jOptions::WindowType::Count ? "COUNT_BASED"
                                                                                : "TIME_BASED")
              << "\n";
            y << "        slidingWindowSize: " << b.slidingWindowSize << "\n";
            y << "        minimumNumberOfCalls: " << b.minimumNumberOfCalls << "\n";
            y << "        failureRateThreshold: " << exact(b.failureRateThreshold) << "\n";
            y << "        slowCallRateThreshold: " << exact(b.slowCallRateThreshold) << "\n";
            y << "        slowCallDurationThreshold: "
              << springDuration(b.slowCallDurationThresholdMs) << "\n";
            y << "        permittedNumberOfCallsInHalfOpenState: "
              << b.permittedNumberOfCallsInHalfOpenState << "\n";
            y << "        waitDurationInOpenState: " << springDuration(b.waitDurationInOpenStateMs)
              << "\n";
            y << "        maxWaitDurationInHalfOpenState: "
              << springDuration(b.maxWaitDurationInHalfOpenStateMs) << "\n";
            y << "        automaticTransitionFromOpenToHalfOpenEnabled: "
              << (b.automaticTransition ? "true" : "false") << "\n";
            notes << "#   " << cb->name << ": record = [" << outcomeList(spec.record)
                  << "]: map these outcomes to recordExceptions (e.g. IOException, "
                     "TimeoutException) in your code.\n";
        } else if (spec.is<ConsecutiveOptions>()) {
            const ConsecutiveOptions &b = spec.as<ConsecutiveOptions>();
            notes << "#   " << cb->name << ": policy consecutive (failure_threshold "
                  << b.failureThreshold << ", success_threshold " << b.successThreshold
                  << ", reset_timeout_ms " << number(b.resetTimeoutMs)
                  << ") has no resilience4j equivalent: resilience4j trips on a failure rate "
                     "over a sliding window. Switch the stage to policy resilience4j to tune "
                     "one.\n";
        } else if (spec.is<PollyOptions>()) {
            const PollyOptions &b = spec.as<PollyOptions>();
            notes << "#   " << cb->name << ": policy polly (failure_ratio "
                  << number(b.failureRatio) << ", minimum_throughput " << b.minimumThroughput
                  << ", sampling_duration_ms " << number(b.samplingDurationMs)
                  << ", break_duration_ms " << number(b.breakDurationMs)
                  << ") follows Polly's rules, which resilience4j does not share (it breaks on a "
                     "rolling health ratio, only on failures, with one probe).\n";
        }
    }
    if (breakers > 1)
        notes << "#   only the first circuit breaker is exported (" << breakers
              << " in the pipeline).\n";

    if (const StageSpec *rs = firstEnabled<RetrySpec>(pipeline)) {
        const RetrySpec &r = rs->as<RetrySpec>();
        std::ostringstream &y = out.retry;
        y << "      " << name << ":\n";
        y << "        maxAttempts: " << (r.maxRetries + 1) << "\n";
        y << "        waitDuration: " << springDuration(std::floor(r.baseMs)) << "\n";
        const bool exponential = r.backoff == RetrySpec::Backoff::Exponential;
        if (exponential) {
            y << "        enableExponentialBackoff: true\n";
            y << "        exponentialBackoffMultiplier: " << exact(r.multiplier) << "\n";
            if (r.maxDelayMs)
                y << "        exponentialMaxWaitDuration: " << springDuration(*r.maxDelayMs)
                  << "\n";
        } else if (r.backoff == RetrySpec::Backoff::Linear) {
            notes << "#   " << rs->name
                  << ": linear backoff (base_ms x (k+1)) has no "
                     "resilience4j property: it needs an IntervalFunction in code; exported "
                     "waitDuration is the first delay only.\n";
        }
        const bool wholeBase = r.baseMs == std::floor(r.baseMs);
        if (r.jitter == RetrySpec::Jitter::None &&
            (!wholeBase || (exponential && r.multiplier != std::floor(r.multiplier))))
            notes << "#   " << rs->name
                  << ": resilience4j works in whole milliseconds and truncates every step "
                     "(waitDuration = (long) base_ms; exponential: base(n) = (long)(base(n-1) x "
                     "multiplier)), while jitter none here uses base_ms x multiplier^k unrounded: "
                     "delays differ by under 1 ms per step. jitter randomized with "
                     "randomization_factor 0 simulates resilience4j's sequence.\n";
        if (r.jitter == RetrySpec::Jitter::Randomized) {
            y << "        enableRandomizedWait: true\n";
            y << "        randomizedWaitFactor: " << exact(r.randomizationFactor) << "\n";
        } else if (r.jitter != RetrySpec::Jitter::None) {
            notes << "#   " << rs->name << ": jitter " << jitterName(r.jitter)
                  << " is not one of resilience4j's (it has randomizedWaitFactor only: jitter "
                     "randomized).\n";
        }
        if (!exponential && r.maxDelayMs)
            notes << "#   " << rs->name << ": max_delay_ms " << number(*r.maxDelayMs)
                  << " caps only exponential backoff in resilience4j.\n";
        notes << "#   " << rs->name << ": retry_on = [" << outcomeList(r.retryOn)
              << "]: map to retryExceptions in your code.\n";
        if (r.budget)
            notes << "#   " << rs->name << ": retry budget (ratio " << number(r.budget->ratio)
                  << ", min_retries_per_s " << number(r.budget->minRetriesPerS)
                  << ") has no resilience4j equivalent (consider a RateLimiter or Bulkhead "
                     "around retries).\n";
    }
    if (retries > 1)
        notes << "#   only the first retry is exported (" << retries << " in the pipeline).\n";

    // resilience4j's Spring aspects nest Retry(CircuitBreaker(RateLimiter(TimeLimiter(...)))):
    // the TimeLimiter bounds each attempt, inside the retry and the breaker. Only a timeout in
    // that place (the innermost one, inside the exported retry and breaker) means the same.
    int retryAt = -1, breakerAt = -1, timeoutAt = -1;
    bool breakerSeen = false;
    for (std::size_t i = 0; i < pipeline.size(); ++i) {
        const StageSpec &st = pipeline[i];
        if (!st.enabled)
            continue;
        const int at = static_cast<int>(i);
        if (st.is<RetrySpec>() && retryAt < 0)
            retryAt = at;
        if (st.is<BreakerSpec>() && !breakerSeen) {
            breakerSeen = true; // only the first is exported, and only with policy resilience4j
            if (st.as<BreakerSpec>().is<Resilience4jOptions>())
                breakerAt = at;
        }
        if (st.is<TimeoutSpec>())
            timeoutAt = at; // the innermost
    }
    if (timeoutAt >= 0 && (timeoutAt < retryAt || timeoutAt < breakerAt))
        timeoutAt = -1; // outside the retry or the breaker: not a TimeLimiter's scope
    if (timeoutAt >= 0) {
        const StageSpec &ts = pipeline[static_cast<std::size_t>(timeoutAt)];
        std::ostringstream &y = out.timeLimiter;
        y << "      " << name << ":\n";
        y << "        timeoutDuration: " << springDuration(ts.as<TimeoutSpec>().timeoutMs) << "\n";
        y << "        cancelRunningFuture: "
          << (ts.as<TimeoutSpec>().cancelInner ? "true" : "false") << "\n";
    }
    for (std::size_t i = 0; i < pipeline.size(); ++i) {
        const StageSpec &st = pipeline[i];
        if (!st.enabled || !st.is<TimeoutSpec>() || static_cast<int>(i) == timeoutAt)
            continue;
        notes << "#   " << st.name << ": timeout " << number(st.as<TimeoutSpec>().timeoutMs)
              << " ms bounds a wider scope than one attempt (it is not the innermost timeout "
                 "inside the retry and the breaker); resilience4j's TimeLimiter runs inside "
                 "Retry and CircuitBreaker in the default aspect order, so it would mean a "
                 "per-attempt timeout.\n";
    }

    notes << "#   decoration order in the simulation, outermost first:";
    for (const StageSpec &st : pipeline) {
        if (st.enabled)
            notes << " " << st.name;
    }
    notes << " (resilience4j's Spring aspect order is Retry(CircuitBreaker(RateLimiter("
             "TimeLimiter(Bulkhead(call))))) unless you change the aspect orders).\n";
}

void pollyEdge(const std::vector<StageSpec> &pipeline, std::ostringstream &c,
               std::ostringstream &notes)
{
    for (const StageSpec &st : pipeline) {
        if (!st.enabled)
            continue;
        if (st.is<BreakerSpec>()) {
            const BreakerSpec &spec = st.as<BreakerSpec>();
            if (!spec.is<PollyOptions>()) {
                notes << "// " << st.name << ": policy " << spec.policyKey()
                      << " does not exist in Polly v8 (its breaker trips on a failure ratio over "
                         "a rolling sampling duration). Switch the stage to policy polly to tune "
                         "one.\n";
                continue;
            }
            const PollyOptions &b = spec.as<PollyOptions>();
            c << "    .AddCircuitBreaker(new CircuitBreakerStrategyOptions\n    {\n";
            c << "        FailureRatio = " << exact(b.failureRatio) << ",\n";
            c << "        MinimumThroughput = " << b.minimumThroughput << ",\n";
            c << "        SamplingDuration = TimeSpan.FromMilliseconds("
              << number(b.samplingDurationMs) << "),\n";
            c << "        BreakDuration = TimeSpan.FromMilliseconds(" << number(b.breakDurationMs)
              << "),\n";
            c << "    })\n";
            notes << "// " << st.name << ": record = [" << outcomeList(spec.record)
                  << "]: express as ShouldHandle in your code.\n";
        } else if (st.is<RetrySpec>()) {
            const RetrySpec &r = st.as<RetrySpec>();
            c << "    .AddRetry(new RetryStrategyOptions\n    {\n";
            c << "        MaxRetryAttempts = " << r.maxRetries << ",\n";
            c << "        Delay = TimeSpan.FromMilliseconds(" << number(r.baseMs) << "),\n";
            c << "        BackoffType = DelayBackoffType."
              << (r.backoff == RetrySpec::Backoff::Fixed    ? "Constant"
                  : r.backoff == RetrySpec::Backoff::Linear ? "Linear"
                                                            : "Exponential")
              << ",\n";
            const bool pollyJitter = r.jitter == RetrySpec::Jitter::PollyV2;
            c << "        UseJitter = " << (pollyJitter ? "true" : "false") << ",\n";
            if (r.maxDelayMs)
                c << "        MaxDelay = TimeSpan.FromMilliseconds(" << number(*r.maxDelayMs)
                  << "),\n";
            c << "    })\n";
            if (r.backoff == RetrySpec::Backoff::Exponential && r.multiplier != 2)
                notes << "// " << st.name << ": multiplier " << number(r.multiplier)
                      << " — Polly's exponential backoff always doubles (2^attempt).\n";
            if (!pollyJitter && r.jitter != RetrySpec::Jitter::None)
                notes << "// " << st.name << ": jitter " << jitterName(r.jitter)
                      << " is not Polly's; UseJitter = true means jitter polly_v2.\n";
            notes << "// " << st.name << ": retry_on = [" << outcomeList(r.retryOn)
                  << "]: express as ShouldHandle in your code.\n";
            if (r.budget)
                notes << "// " << st.name << ": retry budget (ratio " << number(r.budget->ratio)
                      << ") has no Polly v8 equivalent.\n";
        } else if (st.is<TimeoutSpec>()) {
            c << "    .AddTimeout(new TimeoutStrategyOptions\n    {\n";
            c << "        Timeout = TimeSpan.FromMilliseconds("
              << number(st.as<TimeoutSpec>().timeoutMs) << "),\n";
            c << "    })\n";
            if (!st.as<TimeoutSpec>().cancelInner)
                notes
                    << "// " << st.name
                    << ": cancel_inner false — Polly's timeout always "
                       "cancels the callback's token; work that ignores it keeps running, which is "
                       "what the simulation modelled.\n";
        } else if (st.is<FallbackSpec>()) {
            notes << "// " << st.name
                  << ": a fallback needs a FallbackAction in code (FallbackStrategyOptions<T>); "
                     "mode "
                  << (st.as<FallbackSpec>().mode == FallbackSpec::Mode::Static  ? "static"
                      : st.as<FallbackSpec>().mode == FallbackSpec::Mode::Cache ? "cache"
                                                                                : "service")
                  << ".\n";
        }
    }
}

/// The edges to export and their names: the client's pipeline alone (named after the target)
/// for a version-1 scenario; every edge, under its edge name, for a graph.
struct ExportEdge
{
    const std::vector<StageSpec> *pipeline;
    std::string name;
};

std::vector<ExportEdge> exportEdges(const Scenario &s)
{
    if (!usesVersion2(s))
        return {{&s.pipeline, instanceName(s)}};
    std::vector<ExportEdge> out;
    for (const EdgeRef &e : scenarioEdges(s))
        out.push_back({e.pipeline, e.name});
    return out;
}

} // namespace

std::string exportResilience4jYaml(const Scenario &s)
{
    const bool graph = usesVersion2(s);
    std::ostringstream breaker, retry, timeLimiter, notes;
    for (const ExportEdge &e : exportEdges(s)) {
        Resilience4jSections sec;
        // Spring Boot keeps a map key with characters other than letters, digits, '-' and '.'
        // only in brackets (it would bind "gateway->reviews" as "gateway-reviews").
        resilience4jEdge(*e.pipeline, graph ? "\"[" + e.name + "]\"" : e.name, sec);
        breaker << sec.breaker.str();
        retry << sec.retry.str();
        timeLimiter << sec.timeLimiter.str();
        const std::string n = sec.notes.str();
        if (!n.empty() && graph)
            notes << "#   edge " << e.name << ":\n";
        notes << n;
    }
    std::ostringstream y;
    y << "# resilience4j configuration exported by Resilience Lab from \"" << s.name << "\"\n";
    y << "# Paste under your Spring Boot application.yml. Durations are in milliseconds (ISO-8601 "
         "seconds when they have a fraction of a millisecond).\n";
    if (graph)
        y << "# One instance per edge of the service graph, named after the edge (CALLER->CALLEE): "
             "use each in the service that makes the call.\n";
    y << "resilience4j:\n";
    if (!breaker.str().empty())
        y << "  circuitbreaker:\n    instances:\n" << breaker.str();
    if (!retry.str().empty())
        y << "  retry:\n    instances:\n" << retry.str();
    if (!timeLimiter.str().empty())
        y << "  timelimiter:\n    instances:\n" << timeLimiter.str();
    std::string out = y.str();
    const std::string n = notes.str();
    if (!n.empty())
        out += "# Not exported (no equivalent that means the same thing in resilience4j):\n" + n;
    return out;
}

std::string exportPollyCSharp(const Scenario &s)
{
    const bool graph = usesVersion2(s);
    std::ostringstream c;
    std::ostringstream notes;
    c << "// Polly v8 options exported by Resilience Lab from \"" << s.name << "\"\n";
    c << "// Strategies are added outermost first, as the simulation's pipeline lists them.\n";
    if (graph)
        c << "// One pipeline per edge of the service graph (CALLER->CALLEE): use each in the "
             "service that makes the call.\n";
    c << "using Polly;\nusing Polly.CircuitBreaker;\nusing Polly.Retry;\nusing Polly.Timeout;\n\n";
    for (const ExportEdge &e : exportEdges(s)) {
        std::string var = "pipeline";
        if (graph) {
            var.clear();
            for (char ch : e.name)
                var += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
            c << "// edge " << e.name << "\n";
        }
        c << "var " << var << " = new ResiliencePipelineBuilder()\n";
        std::ostringstream edgeNotes;
        pollyEdge(*e.pipeline, c, edgeNotes);
        c << "    .Build();\n";
        if (graph)
            c << "\n";
        const std::string n = edgeNotes.str();
        if (!n.empty() && graph)
            notes << "// edge " << e.name << ":\n";
        notes << n;
    }
    std::string out = c.str();
    const std::string n = notes.str();
    if (!n.empty())
        out += "\n// Not exported (no equivalent that means the same thing in Polly v8):\n" + n;
    return out;
}

} // namespace reslab
