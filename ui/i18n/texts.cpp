#include "i18n/texts.h"

#include "gui_main.h"

#include <QCoreApplication>
#include <QTranslator>

#include <algorithm>
#include <iterator>

namespace reslab::ui {
namespace {

// The engine's parameter schema (reslab/model/parameter_schema.h) is written in English, for the
// validator and the file format as much as for people. Its labels, units, tooltips and the texts
// of zero and absent values are translated here, context "ParameterSchema": lupdate finds them in
// this table, schemaText() looks them up at display time. A row added to the schema needs its
// strings here too (the UI test I18n.EverySchemaStringIsTranslated lists what is missing).
// Library option names (failureRateThreshold) are labels as well: their "translation" is the
// name itself.
[[maybe_unused]] constexpr const char *kSchemaStrings[] = {
    QT_TRANSLATE_NOOP("ParameterSchema", "Seed"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Seed of every random draw: the same seed gives the same traffic and the "
                      "same luck, so two configurations compare fairly."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Duration"),
    QT_TRANSLATE_NOOP("ParameterSchema", "s"),
    QT_TRANSLATE_NOOP("ParameterSchema", "How much simulated time one run covers."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Metric bucket"),
    QT_TRANSLATE_NOOP("ParameterSchema", "ms"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Width of one time bucket of the charts and the time series: smaller shows "
                      "faster changes but noisier curves."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Arrival rate"),
    QT_TRANSLATE_NOOP("ParameterSchema", "req/s"),
    QT_TRANSLATE_NOOP("ParameterSchema", "New requests per second (poisson: random arrivals with "
                                         "this mean; constant: evenly spaced)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Clients"),
    QT_TRANSLATE_NOOP("ParameterSchema", "clients"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Clients of a closed loop: each sends a request, waits "
                                         "for its end, thinks, and sends the next."),
    QT_TRANSLATE_NOOP("ParameterSchema", "From"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Simulated second from which this phase's numbers replace "
                                         "the load's (phases are listed in time order)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Arrival rate from this phase on (absent: unchanged)."),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Number of closed-loop clients from this phase on (absent: unchanged)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Failure rate"),
    QT_TRANSLATE_NOOP("ParameterSchema", "%"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Probability that an attempt fails with an error."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Concurrency"),
    QT_TRANSLATE_NOOP("ParameterSchema", "calls"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Attempts served at the same time; the others wait in the queue."),
    QT_TRANSLATE_NOOP("ParameterSchema", "unlimited"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Queue limit"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Places in the FIFO queue beyond the concurrency; an "
                                         "attempt that finds it full fails at once as overloaded."),
    QT_TRANSLATE_NOOP("ParameterSchema", "limit"),
    QT_TRANSLATE_NOOP("ParameterSchema", "unbounded"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Latency per in-flight call"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Extra latency an attempt gets for every other attempt "
                                         "already in service: servers slow down under load."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Simulated second from which this phase's values replace "
                                         "the service's (phases are listed in time order)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Value"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Every sample takes exactly this long."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Min"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Shortest sample; samples are spread evenly up to max."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Max"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Longest sample (at least min)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Mean"),
    QT_TRANSLATE_NOOP(
        "ParameterSchema",
        "Average sample of an exponential distribution: most are short, a few are long."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Centre of a bell curve (samples below 0 are cut)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Std deviation"),
    QT_TRANSLATE_NOOP(
        "ParameterSchema",
        "Spread of the bell curve: about 68 % of samples lie within one of it from the mean."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Median (p50)"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Half of the samples are faster than this (a log-normal: a long slow tail)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "p99"),
    QT_TRANSLATE_NOOP(
        "ParameterSchema",
        "99 % of the samples are faster than this; at least the median (equal: constant)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Enabled"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "A disabled stage is skipped: calls go straight to the next stage."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Policy"),
    QT_TRANSLATE_NOOP(
        "ParameterSchema",
        "Which breaker to simulate: the design notes' consecutive-failure breaker, resilience4j's "
        "CircuitBreaker or Polly v8's advanced breaker, each with its own options and rules."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Half-open trial calls"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Trial calls let through at a time while half-open; the "
                                         "others are rejected as circuit_open."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Automatic transition to half-open"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Move from open to half-open by a timer when the wait "
                                         "ends, rather than at the next call after it."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Failure threshold"),
    QT_TRANSLATE_NOOP("ParameterSchema", "failures"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Consecutive failures that open the breaker; any success resets the count."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Success threshold"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Consecutive successful trial calls in half-open that "
                                         "close the breaker again; a failed trial reopens it."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Reset timeout"),
    QT_TRANSLATE_NOOP("ParameterSchema", "How long the breaker stays open, rejecting every call, "
                                         "before it lets trial calls through (half-open)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "slidingWindowType"),
    QT_TRANSLATE_NOOP("ParameterSchema", "COUNT_BASED: the last N calls decide; TIME_BASED: the "
                                         "calls of the last N seconds (one-second buckets)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "slidingWindowSize"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Size of the window the failure rate is computed over: "
                                         "calls for a count window, seconds for a time window."),
    QT_TRANSLATE_NOOP("ParameterSchema", "minimumNumberOfCalls"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Calls that must be recorded before the failure rate is computed; below it "
                      "the breaker cannot trip (capped at the window size for count windows)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "failureRateThreshold"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Failure percentage of the window at or above which the "
                                         "breaker opens; checked after every recorded call."),
    QT_TRANSLATE_NOOP("ParameterSchema", "slowCallRateThreshold"),
    QT_TRANSLATE_NOOP(
        "ParameterSchema",
        "Percentage of slow calls at or above which the breaker opens, even if they succeed."),
    QT_TRANSLATE_NOOP("ParameterSchema", "slowCallDurationThreshold"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "A call that takes strictly longer than this counts as slow."),
    QT_TRANSLATE_NOOP("ParameterSchema", "permittedNumberOfCallsInHalfOpenState"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Trial calls let through in half-open; their failure rate "
                                         "decides between closing and reopening."),
    QT_TRANSLATE_NOOP("ParameterSchema", "waitDurationInOpenState"),
    QT_TRANSLATE_NOOP("ParameterSchema", "How long the breaker stays open before it allows "
                                         "half-open trial calls (strictly after the deadline)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "maxWaitDurationInHalfOpenState"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Longest time the breaker may stay half-open before it reopens; 0 waits for "
                      "the trial calls however long they take."),
    QT_TRANSLATE_NOOP("ParameterSchema", "wait forever"),
    QT_TRANSLATE_NOOP("ParameterSchema", "automaticTransitionFromOpenToHalfOpenEnabled"),
    QT_TRANSLATE_NOOP(
        "ParameterSchema",
        "Move to half-open by a timer when the wait ends, instead of at the first call after it."),
    QT_TRANSLATE_NOOP("ParameterSchema", "FailureRatio"),
    QT_TRANSLATE_NOOP("ParameterSchema", "ratio"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Share of failed calls in the sampling window at or above "
                                         "which a failure breaks the circuit (0.1 = 10 %)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "MinimumThroughput"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Calls the sampling window must hold before the breaker may break."),
    QT_TRANSLATE_NOOP("ParameterSchema", "SamplingDuration"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Length of the rolling window (ten buckets) the failure "
                                         "ratio and throughput are measured over."),
    QT_TRANSLATE_NOOP("ParameterSchema", "BreakDuration"),
    QT_TRANSLATE_NOOP(
        "ParameterSchema",
        "How long the circuit stays open before the next call becomes the single half-open probe."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Max retries"),
    QT_TRANSLATE_NOOP("ParameterSchema", "retries"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Extra attempts after the first (3 means up to 4 attempts)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Backoff"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "How the delay grows between retries: the same (fixed), base x (k+1) "
                      "(linear) or base x multiplier^k (exponential)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Base delay"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Delay before the first retry, from which the later delays grow."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Multiplier"),
    QT_TRANSLATE_NOOP("ParameterSchema", "×"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Factor by which each exponential delay exceeds the one before."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Max delay"),
    QT_TRANSLATE_NOOP(
        "ParameterSchema",
        "Cap on any one delay (before jitter spreads it), so exponential growth stops somewhere."),
    QT_TRANSLATE_NOOP("ParameterSchema", "cap"),
    QT_TRANSLATE_NOOP("ParameterSchema", "no cap"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Jitter"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Randomness added to each delay so that clients that "
                                         "failed together do not all retry at the same instant."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Jitter ratio"),
    QT_TRANSLATE_NOOP(
        "ParameterSchema",
        "Proportional jitter adds up to this share of the delay (0.1: up to 10 % longer)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "randomizationFactor"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Randomized jitter spreads each delay d over [d - f·d, d "
                                         "+ f·d] (resilience4j IntervalFunction)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Ratio (percentCanRetry)"),
    QT_TRANSLATE_NOOP("ParameterSchema", "retries/req"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Retries allowed per recent request (0.2: retries may add "
                                         "at most 20 % to the load), on top of the reserve."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Reserve (minRetriesPerSec)"),
    QT_TRANSLATE_NOOP("ParameterSchema", "retries/s"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Retries per second always allowed, so that light traffic can still retry."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Window (ttl)"),
    QT_TRANSLATE_NOOP("ParameterSchema", "How long a request's deposit counts towards the budget."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Timeout"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Time after which the caller gets a timeout at once; outside a retry it "
                      "bounds the whole request, inside each attempt."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Cancel the abandoned attempt"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Stop the work behind a timed-out call; off (the default, "
                                         "as real servers) it keeps the service busy."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Mode"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Where the degraded answer comes from: a static value at "
                                         "once, the last good answer, or another virtual service."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Cache TTL"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "The last good answer is served only while younger than this."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Replicas"),
    QT_TRANSLATE_NOOP("ParameterSchema", "instances"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Identical instances of the service, each with its own concurrency, queue "
                      "and slowdown; the load balancer picks one per attempt."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Load balancer"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "How an attempt picks a replica: in turn, at random, the one with the fewest "
                      "outstanding, or the better of two random ones (Envoy's LEAST_REQUEST)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Call mode"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Whether the service makes its calls one after another or "
                                         "all at once, after its own work."),
    QT_TRANSLATE_NOOP("ParameterSchema", "State"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "up: serves; refuse: every attempt fails at once (a crashed process); hang: "
                      "attempts take a slot and never answer (a partition)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Probability"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Share of the caller's attempts that make this call."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Required"),
    QT_TRANSLATE_NOOP("ParameterSchema", "A failed required call fails the caller's attempt; a "
                                         "failed optional one leaves it degraded."),
    QT_TRANSLATE_NOOP("ParameterSchema", "maxConcurrentCalls"),
    QT_TRANSLATE_NOOP(
        "ParameterSchema",
        "Calls let through at the same time; the others wait for a permit or are rejected."),
    QT_TRANSLATE_NOOP("ParameterSchema", "maxWaitDuration"),
    QT_TRANSLATE_NOOP(
        "ParameterSchema",
        "How long a call waits for a permit when every permit is taken before it is rejected."),
    QT_TRANSLATE_NOOP("ParameterSchema", "reject at once"),
    QT_TRANSLATE_NOOP("ParameterSchema", "QueueLimit"),
    QT_TRANSLATE_NOOP(
        "ParameterSchema",
        "Calls that may wait for a permit at the same time; one more is rejected at once."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Algorithm"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "How permits come back: all at once at the start of each period "
                      "(resilience4j), or continuously into a bucket (token bucket)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "timeoutDuration"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Longest wait for a permit a call may reserve; a call "
                                         "that would wait longer is rejected at once."),
    QT_TRANSLATE_NOOP("ParameterSchema", "never wait"),
    QT_TRANSLATE_NOOP("ParameterSchema", "limitForPeriod"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Permits each refresh period starts with."),
    QT_TRANSLATE_NOOP("ParameterSchema", "limitRefreshPeriod"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Length of one period: permits are refreshed at every "
                                         "multiple of it from the start of the run."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Tokens per second"),
    QT_TRANSLATE_NOOP("ParameterSchema", "tokens/s"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Rate at which the bucket refills; each call takes one token."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Burst (bucket size)"),
    QT_TRANSLATE_NOOP("ParameterSchema", "tokens"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Tokens the bucket holds when full (it starts full): "
                                         "calls that may pass at once after a quiet spell."),
    QT_TRANSLATE_NOOP("ParameterSchema", "MaxHedgedAttempts"),
    QT_TRANSLATE_NOOP("ParameterSchema", "hedges"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "Attempts a call may make besides its first one, each racing the others."),
    QT_TRANSLATE_NOOP("ParameterSchema", "Delay"),
    QT_TRANSLATE_NOOP("ParameterSchema",
                      "How long an attempt runs without an answer before the next one starts (0: "
                      "all at once, -1: only after a failure)."),
    QT_TRANSLATE_NOOP("ParameterSchema", "all at once"),
    QT_TRANSLATE_NOOP("ParameterSchema", "Cancel the losers"),
    QT_TRANSLATE_NOOP(
        "ParameterSchema",
        "Stop the other attempts when one wins; off, they run on and keep their service busy."),
};

// The built-in scenarios' descriptions (resources/scenarios/*.json, `description`), keyed by
// preset name: the English text is the scenario's own, the Chinese one comes from the
// translation (context "Presets", the preset name as the disambiguation). A preset added or a
// description changed needs its line here too (I18n.EveryPresetDescriptionIsTranslated).
struct PresetText
{
    const char *name;
    struct
    {
        const char *source;  // the English description
        const char *comment; // the disambiguation: the preset name again
    } description;
};

constexpr PresetText kPresetTexts[] = {
    {"fallback-to-cache",
     QT_TRANSLATE_NOOP3("Presets",
                        "The catalogue fails from 20 s to 80 s. The fallback serves the last good "
                        "answer while it is younger than 30 s: hits at first, then misses "
                        "(fallback_failed) once the cache is stale.",
                        "fallback-to-cache")},
    {"flaky-dependency",
     QT_TRANSLATE_NOOP3(
         "Presets",
         "A dependency that fails 20 % of calls at random: three retries with full jitter lift "
         "success from 80 % to 1 - 0.2^4 = 99.84 % at the price of 1.25x the load.",
         "flaky-dependency")},
    {"outage-and-recovery",
     QT_TRANSLATE_NOOP3("Presets",
                        "The service is down from 30 s to 70 s. The breaker opens within a few "
                        "calls, rejects at once while it is open, probes every 10 s in half-open "
                        "and closes after the recovery; a static fallback answers meanwhile.",
                        "outage-and-recovery")},
    {"polly-defaults",
     QT_TRANSLATE_NOOP3(
         "Presets",
         "A Polly v8 circuit breaker with every default: failure ratio 0.1 over 30 s (ten 3 s "
         "windows), minimum throughput 100, break 5 s, one probe in half-open.",
         "polly-defaults")},
    {"resilience4j-defaults",
     QT_TRANSLATE_NOOP3(
         "Presets",
         "A resilience4j CircuitBreaker with every default: count window of 100, minimum 100 "
         "calls, 50 % failure rate, 60 s in OPEN, 10 calls in HALF_OPEN. Nothing can trip before "
         "100 calls; the failure rate reads -1 until then.",
         "resilience4j-defaults")},
    {"retry-storm-with-budget",
     QT_TRANSLATE_NOOP3("Presets",
                        "The retry storm scenario with one change: a Finagle-style retry budget "
                        "(10 % of requests + 5 retries/s). Retries cannot multiply the load, the "
                        "queue drains, and the service recovers soon after the spike.",
                        "retry-storm-with-budget")},
    {"retry-storm",
     QT_TRANSLATE_NOOP3(
         "Presets",
         "A service at 70 % load, a 10-second spike, per-attempt timeouts shorter than the "
         "queueing delay and three immediate retries with no budget and no breaker: the queue "
         "fills, every answer comes too late, retries quadruple the load, and the collapse "
         "outlasts the spike. Add a retry budget (retry-storm-with-budget) and it recovers.",
         "retry-storm")},
    {"seed-resilient-service",
     QT_TRANSLATE_NOOP3(
         "Presets",
         "The design notes' ResilientService: breaker (5 failures / 3 successes / 30 s), timeouts "
         "5 s and 10 s, 3 retries with exponential backoff and proportional jitter, cache "
         "fallback; the backend has an outage from 60 s to 120 s.",
         "seed-resilient-service")},
    {"slow-dependency-timeouts",
     QT_TRANSLATE_NOOP3(
         "Presets",
         "From 40 s to 90 s the dependency slows down (median 40 ms -> 600 ms). A 500 ms "
         "per-attempt timeout cuts the wait, retries pile wasted work on the slow service, and a "
         "resilience4j breaker counting slow calls (> 400 ms) opens on the slow-call rate.",
         "slow-dependency-timeouts")},
    {"thundering-herd",
     QT_TRANSLATE_NOOP3("Presets",
                        "2000 clients start together after a deploy and retry with exponential "
                        "backoff and no jitter: rejected calls come back in synchronized waves at "
                        "+200, +600, +1400 ms ... Set jitter to full to see the waves melt.",
                        "thundering-herd")},
    {"cascade-thread-exhaustion",
     QT_TRANSLATE_NOOP3(
         "Presets",
         "A gateway with 20 worker slots calls catalog on every request and, for half of them, the "
         "optional reviews service, with no timeout on either call. At 30 s reviews stops "
         "answering (a network partition, until 60 s). Each request that calls reviews now keeps a "
         "gateway slot forever: within a second every slot waits on reviews, the queue fills, and "
         "every request fails, including the half that never needed reviews. The partition heals "
         "at 60 s, but the stuck calls never end: nothing bounds them. Compare "
         "cascade-bulkhead-isolation.",
         "cascade-thread-exhaustion")},
    {"retry-amplification-layers",
     QT_TRANSLATE_NOOP3(
         "Presets",
         "Three layers, frontend -> api -> db, and every edge retries 3 times. During the database "
         "outage from 20 s to 40 s each attempt fails, so each layer makes 4 attempts for every "
         "one it receives: the database sees 4 x 4 x 4 = 64 attempts per request, 640 per second "
         "instead of 10. This is why retries belong at one layer only (usually the edge closest to "
         "the user), or behind a retry budget.",
         "retry-amplification-layers")},
    {"replica-crash-round-robin",
     QT_TRANSLATE_NOOP3(
         "Presets",
         "Three replicas of api behind a round-robin balancer; replica 1 crashes at 20 s (it "
         "refuses every attempt at once) and comes back at 40 s. A third of the attempts fail "
         "meanwhile, but the client retries up to twice and the balancer sends each retry to the "
         "next replica, so almost every request still succeeds, at the cost of extra attempts. "
         "Disable the retry to see the crash.",
         "replica-crash-round-robin")},
    {"metastable-retry-lb",
     QT_TRANSLATE_NOOP3(
         "Presets",
         "Two replicas of api, each with 10 slots (about 200 requests/s each), at 300 requests/s "
         "behind round robin, and a client that retries 3 times with a 300 ms timeout per attempt. "
         "Replica 0 crashes for 5 s at 20 s: its attempts fail at once and their retries pile onto "
         "replica 1, whose queue outgrows the timeout. Timed-out attempts keep their place in the "
         "queue, every late answer is retried, and the offered load stays far above capacity: the "
         "system never recovers after the crash ends. Give the retry a budget (\"budget\": "
         "{\"ratio\": 0.1}) or enable the circuit breaker (pipeline[0]) and the same crash passes "
         "in seconds: both stop the retries from multiplying the load.",
         "metastable-retry-lb")},
    {"cascade-bulkhead-isolation",
     QT_TRANSLATE_NOOP3(
         "Presets",
         "The thread-exhaustion graph with three patterns on the gateway's call to reviews: a 200 "
         "ms timeout that cancels the abandoned call, a bulkhead of 5 concurrent calls that "
         "rejects at once beyond them, and a circuit breaker. When reviews hangs at 30 s the "
         "breaker opens after five timeouts, the bulkhead keeps reviews from ever holding more "
         "than 5 of the gateway's 20 slots, and the gateway keeps serving: degraded (without "
         "reviews) but successful. When reviews comes back at 60 s the breaker probes, closes, and "
         "the reviews are back. Compare cascade-thread-exhaustion.",
         "cascade-bulkhead-isolation")},
    {"hedging-tail-latency",
     QT_TRANSLATE_NOOP3(
         "Presets",
         "A search service with a heavy tail (median 20 ms, p99 400 ms) at 200 requests/s. The "
         "client hedges: when an attempt has not answered within 50 ms (about the 85th percentile) "
         "it starts one more (Polly v8's hedging, max_hedged_attempts 1), the first answer wins "
         "and the loser is cancelled. p99 drops from about 430 ms to about 135 ms, at the cost of "
         "the hedged attempts: about 24 % more load on the service. Disable the hedging stage to "
         "compare.",
         "hedging-tail-latency")},
};

QString translateIn(const QTranslator *t, const char *context, const char *source,
                    const char *disambiguation)
{
    if (!t)
        return QCoreApplication::translate(context, source, disambiguation);
    const QString s = t->translate(context, source, disambiguation);
    return s.isEmpty() ? QString::fromUtf8(source) : s;
}

QString presetDescriptionWith(const QTranslator *t, const QString &name,
                              const QString &englishDescription)
{
    const auto *it =
        std::find_if(std::begin(kPresetTexts), std::end(kPresetTexts),
                     [&](const PresetText &p) { return name == QLatin1String(p.name); });
    // A description the table does not know (a new preset, an edited text) stays in English.
    if (it == std::end(kPresetTexts) ||
        englishDescription != QString::fromUtf8(it->description.source))
        return englishDescription;
    return translateIn(t, "Presets", it->description.source, it->description.comment);
}

} // namespace

QString schemaText(std::string_view english)
{
    if (english.empty())
        return {};
    const QByteArray source(english.data(), static_cast<qsizetype>(english.size()));
    return QCoreApplication::translate("ParameterSchema", source.constData());
}

QString presetDescription(const QString &presetName, const QString &englishDescription)
{
    return presetDescriptionWith(nullptr, presetName, englishDescription);
}

// The command line's `presets` (gui_main.h): no QCoreApplication, so a translator of its own.
std::string presetDescriptionIn(const std::string &language, const std::string &presetName,
                                const std::string &englishDescription)
{
    const QString english = QString::fromStdString(englishDescription);
    if (language == "en")
        return englishDescription;
    QTranslator t;
    if (!t.load(QString::fromStdString("resilience-lab_" + language), QStringLiteral(":/i18n")))
        return englishDescription;
    return presetDescriptionWith(&t, QString::fromStdString(presetName), english).toStdString();
}

QStringList presetsWithTexts()
{
    QStringList names;
    for (const PresetText &p : kPresetTexts)
        names << QString::fromLatin1(p.name);
    return names;
}

} // namespace reslab::ui
