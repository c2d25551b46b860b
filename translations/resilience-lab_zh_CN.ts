<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Outcome</name>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>circuit_open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback_failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParameterSchema</name>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of every random draw: the same seed gives the same traffic and the same luck, so two configurations compare fairly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much simulated time one run covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of one time bucket of the charts and the time series: smaller shows faster changes but noisier curves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New requests per second (poisson: random arrivals with this mean; constant: evenly spaced).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients of a closed loop: each sends a request, waits for its end, thinks, and sends the next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated second from which this phase&apos;s numbers replace the load&apos;s (phases are listed in time order).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival rate from this phase on (absent: unchanged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of closed-loop clients from this phase on (absent: unchanged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability that an attempt fails with an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts served at the same time; the others wait in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places in the FIFO queue beyond the concurrency; an attempt that finds it full fails at once as overloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unbounded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency per in-flight call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra latency an attempt gets for every other attempt already in service: servers slow down under load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated second from which this phase&apos;s values replace the service&apos;s (phases are listed in time order).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every sample takes exactly this long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortest sample; samples are spread evenly up to max.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest sample (at least min).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average sample of an exponential distribution: most are short, a few are long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre of a bell curve (samples below 0 are cut).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Std deviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spread of the bell curve: about 68 % of samples lie within one of it from the mean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median (p50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half of the samples are faster than this (a log-normal: a long slow tail).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>99 % of the samples are faster than this; at least the median (equal: constant).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A disabled stage is skipped: calls go straight to the next stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which breaker to simulate: the design notes&apos; consecutive-failure breaker, resilience4j&apos;s CircuitBreaker or Polly v8&apos;s advanced breaker, each with its own options and rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-open trial calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial calls let through at a time while half-open; the others are rejected as circuit_open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic transition to half-open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move from open to half-open by a timer when the wait ends, rather than at the next call after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consecutive failures that open the breaker; any success resets the count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consecutive successful trial calls in half-open that close the breaker again; a failed trial reopens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the breaker stays open, rejecting every call, before it lets trial calls through (half-open).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slidingWindowType</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COUNT_BASED: the last N calls decide; TIME_BASED: the calls of the last N seconds (one-second buckets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slidingWindowSize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the window the failure rate is computed over: calls for a count window, seconds for a time window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minimumNumberOfCalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls that must be recorded before the failure rate is computed; below it the breaker cannot trip (capped at the window size for count windows).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failureRateThreshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure percentage of the window at or above which the breaker opens; checked after every recorded call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slowCallRateThreshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percentage of slow calls at or above which the breaker opens, even if they succeed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slowCallDurationThreshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call that takes strictly longer than this counts as slow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permittedNumberOfCallsInHalfOpenState</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial calls let through in half-open; their failure rate decides between closing and reopening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waitDurationInOpenState</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the breaker stays open before it allows half-open trial calls (strictly after the deadline).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maxWaitDurationInHalfOpenState</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest time the breaker may stay half-open before it reopens; 0 waits for the trial calls however long they take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automaticTransitionFromOpenToHalfOpenEnabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to half-open by a timer when the wait ends, instead of at the first call after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FailureRatio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of failed calls in the sampling window at or above which a failure breaks the circuit (0.1 = 10 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MinimumThroughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls the sampling window must hold before the breaker may break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SamplingDuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of the rolling window (ten buckets) the failure ratio and throughput are measured over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BreakDuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the circuit stays open before the next call becomes the single half-open probe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra attempts after the first (3 means up to 4 attempts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the delay grows between retries: the same (fixed), base x (k+1) (linear) or base x multiplier^k (exponential).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay before the first retry, from which the later delays grow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Factor by which each exponential delay exceeds the one before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cap on any one delay (before jitter spreads it), so exponential growth stops somewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Randomness added to each delay so that clients that failed together do not all retry at the same instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proportional jitter adds up to this share of the delay (0.1: up to 10 % longer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>randomizationFactor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Randomized jitter spreads each delay d over [d - f·d, d + f·d] (resilience4j IntervalFunction).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratio (percentCanRetry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retries/req</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries allowed per recent request (0.2: retries may add at most 20 % to the load), on top of the reserve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserve (minRetriesPerSec)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retries/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries per second always allowed, so that light traffic can still retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window (ttl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a request&apos;s deposit counts towards the budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time after which the caller gets a timeout at once; outside a retry it bounds the whole request, inside each attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the abandoned attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the work behind a timed-out call; off (the default, as real servers) it keeps the service busy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the degraded answer comes from: a static value at once, the last good answer, or another virtual service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last good answer is served only while younger than this.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatternStyle</name>
    <message>
        <source>%1 fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≥%1 % fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fixed</source>
        <comment>backoff</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linear</source>
        <comment>backoff</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exp</source>
        <comment>exponential backoff</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1× %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1× %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>static</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cache %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>The catalogue fails from 20 s to 80 s. The fallback serves the last good answer while it is younger than 30 s: hits at first, then misses (fallback_failed) once the cache is stale.</source>
        <comment>fallback-to-cache</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dependency that fails 20 % of calls at random: three retries with full jitter lift success from 80 % to 1 - 0.2^4 = 99.84 % at the price of 1.25x the load.</source>
        <comment>flaky-dependency</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is down from 30 s to 70 s. The breaker opens within a few calls, rejects at once while it is open, probes every 10 s in half-open and closes after the recovery; a static fallback answers meanwhile.</source>
        <comment>outage-and-recovery</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Polly v8 circuit breaker with every default: failure ratio 0.1 over 30 s (ten 3 s windows), minimum throughput 100, break 5 s, one probe in half-open.</source>
        <comment>polly-defaults</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resilience4j CircuitBreaker with every default: count window of 100, minimum 100 calls, 50 % failure rate, 60 s in OPEN, 10 calls in HALF_OPEN. Nothing can trip before 100 calls; the failure rate reads -1 until then.</source>
        <comment>resilience4j-defaults</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retry storm scenario with one change: a Finagle-style retry budget (10 % of requests + 5 retries/s). Retries cannot multiply the load, the queue drains, and the service recovers soon after the spike.</source>
        <comment>retry-storm-with-budget</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service at 70 % load, a 10-second spike, per-attempt timeouts shorter than the queueing delay and three immediate retries with no budget and no breaker: the queue fills, every answer comes too late, retries quadruple the load, and the collapse outlasts the spike. Add a retry budget (retry-storm-with-budget) and it recovers.</source>
        <comment>retry-storm</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The design notes&apos; ResilientService: breaker (5 failures / 3 successes / 30 s), timeouts 5 s and 10 s, 3 retries with exponential backoff and proportional jitter, cache fallback; the backend has an outage from 60 s to 120 s.</source>
        <comment>seed-resilient-service</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From 40 s to 90 s the dependency slows down (median 40 ms -&gt; 600 ms). A 500 ms per-attempt timeout cuts the wait, retries pile wasted work on the slow service, and a resilience4j breaker counting slow calls (&gt; 400 ms) opens on the slow-call rate.</source>
        <comment>slow-dependency-timeouts</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2000 clients start together after a deploy and retry with exponential backoff and no jitter: rejected calls come back in synchronized waves at +200, +600, +1400 ms ... Set jitter to full to see the waves melt.</source>
        <comment>thundering-herd</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>p50 %1 ms · p99 %2 ms · mean %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No retries: every call gets a single attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delays before retries: %1%2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (before %1 jitter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proportional: d + U[0, ratio·d] (the design notes&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>randomized: U[d − f·d, d + f·d] (resilience4j)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full: U[0, d] (AWS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equal: d/2 + U[0, d/2] (AWS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decorrelated: min(cap, U[base, 3·previous]) (AWS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polly DecorrelatedJitterBackoffV2 (median near base·2^k)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the image: no file name given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file extension (use .png, .svg or .pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown image format &quot;.%1&quot; (use .png, .svg or .pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the view has no size yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 encoder failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty after writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B is identical to A: every difference is 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B differs from A in: </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phase %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>think time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::AttemptsChart</name>
    <message>
        <source>calls / s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arrivals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts and retries — amplification A %1× · B %2×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts and retries — amplification %1× so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts and retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3 /s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::BoolField</name>
    <message>
        <source>key &lt;code&gt;%1&lt;/code&gt; · default %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::BreakerChart</name>
    <message>
        <source>Circuit breaker state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circuit breaker — none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share (0–1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>half-open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no circuit breaker in this scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>closed %1 · open %2 · half-open %3
mostly %4; %n transition(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reslab::ui::BreakerDiagram</name>
    <message>
        <source>Circuit breaker · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n transition(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>half-open in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>half-open at the next call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at next call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>successes %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trials in flight %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trials %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consecutive failures %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failures %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failure rate: not enough calls (%1 / %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls %1 / %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slow-call rate: not enough calls (threshold %1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slow: not enough calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failure rate %1 % (threshold %2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failures %1 % / %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slow-call rate %1 % (threshold %2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slow %1 % / %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trial calls %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window %1 / %2 calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window %1 calls in %2 s (minimum %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 calls in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failure ratio: not enough calls (%1 / %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failure ratio %1 % (threshold %2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throughput %1 calls in %2 (minimum %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 calls in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe in flight %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no circuit breaker in this pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failures in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ratio ≥ %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate ≥ %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trial succeeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 successes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe succeeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate &lt; %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trial fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::ChartPanel</name>
    <message>
        <source>Last 60 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time window of the charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No simulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A solid, B dashed · seed A %1, B %2 · t = %3 s of %4 s · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 60 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · seed %2 · t = %3 s of %4 s · buckets of %5 ms · %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown chart &quot;%1&quot; (charts are: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::ChoiceField</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (invalid)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::CompareModel</name>
    <message>
        <source>success %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failure %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amplification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time open %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B is better than A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B is worse than A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ (B − A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: lower is better</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::CompareWindow</name>
    <message>
        <source>Edit A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers of the runs so far, from the engine. Δ is green where B is better than A, red where it is worse (hover a row name for the direction).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences (B − A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play / pause both runs in real time × speed (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start both runs again from t = 0 (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run to end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate the rest of both runs as fast as possible (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Speed </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual seconds per wall second, 0.1x to 1000x (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engines cannot keep up with this speed: time runs slower than asked (for both runs alike)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Seed (A and B) </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison as image (PNG, SVG, PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.svg *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts as image (PNG, SVG, PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference table (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export difference table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time series of A and B (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export time series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library configuration of A (resilience4j / Polly)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library configuration of B (resilience4j / Polly)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> engines at their limit </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A — %1 (solid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B — %1 (dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare A/B — %1 — Resilience Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 has no valid scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::ConfigExportDialog</name>
    <message>
        <source>Library configuration — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resilience4j (Spring Boot application.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polly v8 (C# options)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The breaker, retry and timeout stages of &quot;%1&quot; as the library&apos;s own configuration; what does not map is listed in comments. Same output as resilience-lab export-config.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2 — the configuration is still here; copy it or save it elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C# (*.cs);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML (*.yml *.yaml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::DistributionEditor</name>
    <message>
        <source>Set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write this distribution into the scenario to change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching the distribution replaces its numbers with ones on the same scale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uniform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exponential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lognormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::DragHandle</name>
    <message>
        <source>Drag to move this stage (outermost first)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::EventLogModel</name>
    <message>
        <source>Virtual time of the event, in ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service attempt number (1-based) or retry number; 0: not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pipeline stage, or service:NAME</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::EventLogView</name>
    <message>
        <source>all kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the events of one kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest event in sight (uncheck, or pause, to read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last %1 of %2 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown · </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 skipped at overload)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::FallbackPanel</name>
    <message>
        <source>static answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cache hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cache misses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback · static answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback · cache (ttl %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback · service: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no fallback in this pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallbacks/s in the last bucket: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallbacks/s in the last bucket: none closed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cache age %1 s / ttl %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cache empty: no good answer yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallbacks/s, last bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cache age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cache age (stale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallbacks/s by bucket</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::FlowView</name>
    <message>
        <source>on its way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>showing 1 in %1 requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 dots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue | servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in service 000 / 000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in service %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in service %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::FramedField</name>
    <message>
        <source>Remove this value from the phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to default (removes the key from the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::HeatMap</name>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meets the goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>misses it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best setting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::LatencyChart</name>
    <message>
        <source>Latency of ended requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no request ended in this bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50: %1 ms
p99: %2 ms
(%3 requests ended)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n problem(s) in the scenario — the simulation keeps the last valid one. First: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Edit applied at t = %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.svg *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export time series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard as image (PNG, SVG, PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts as image (PNG, SVG, PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time series (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary (JSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario (JSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library configuration (resilience4j / Polly)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply edits to the running simulation (hot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edits take effect at the current simulated time; every chart marks the moment with a vertical line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the run on every edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter &amp;sweep…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare &amp;A/B…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library &amp;configuration (resilience4j / Polly)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has unsaved changes. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario has no valid version yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::ParamField</name>
    <message>
        <source>Unchecked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from this phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep this parameter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inherited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid: %1 – %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key &lt;code&gt;%1&lt;/code&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>absent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>absent: unchanged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::PhaseList</name>
    <message>
        <source>Phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From each phase&apos;s time on, the values it lists replace the base values; the others stay as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No phases: the values above hold for the whole run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let this phase change another value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this phase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::PipelineEditor</name>
    <message>
        <source>Outermost first: a request passes the stages from top to bottom, then reaches the target service. Drag a card&apos;s grip to reorder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↳ then the target service: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert a stage after the selected card (or at the end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stages: every request goes straight to the target service. Add a stage below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::QueueChart</name>
    <message>
        <source>Target service “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue (requests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in service (mean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>utilisation (0–1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue length: %1 (at the bucket&apos;s end)
utilisation: %2
in flight: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::RetryTimeline</name>
    <message>
        <source>showing 1 in %1 requests, and failing ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no request has reached the service yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms since each request started · newest on top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::ScenarioDocument</name>
    <message>
        <source>There is no built-in scenario named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file name given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::ScenarioEditor</name>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario&apos;s title, shown in the window and in exports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this scenario shows (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free text: what the scenario is about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>poisson: random arrivals at a rate; constant: evenly spaced arrivals; closed: a fixed number of clients that wait for each answer; script: arrivals at listed times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>poisson (open, random)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constant (open, even)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed (clients)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>script (listed times)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Think time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long each client waits between the end of one request and the start of the next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constant 0 ms (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0, 250, 1000 (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One request at each of these times, in milliseconds, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a virtual service (for a fallback to call, or a new target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename this service (the target and fallbacks follow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a service object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a successful attempt takes (and a failed one, without a separate error latency).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separate latency for errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed attempts take their own time (e.g. fast errors).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a failed attempt takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency per in-flight call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok, error, ok:250 … (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes of the successive attempts, overriding the random draws: ok, error, ok:MS or error:MS, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Target service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service the pipeline calls (its innermost stage calls it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::StageCard</name>
    <message>
        <source>Move up (outwards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down (inwards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry is not a stage object; remove it or fix the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stage&apos;s name in events.csv and the views; empty: the type, or type#index when the type repeats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown stage type: choose one of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled: calls pass straight through this stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching policy replaces the policy&apos;s own keys with the new policy&apos;s defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consecutive (the design notes&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resilience4j</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polly v8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;resilience4j CircuitBreakerConfig&lt;/b&gt; — the library&apos;s option names and defaults; thresholds are checked after every call, nothing trips before minimumNumberOfCalls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Polly v8 CircuitBreakerStrategyOptions&lt;/b&gt; — the library&apos;s names and defaults; breaks only on a failure; one probe call in half-open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Consecutive failures&lt;/b&gt; (the design notes&apos; breaker): opens after N failures in a row, probes after the reset timeout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count (COUNT_BASED)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time (TIME_BASED)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record as failures (record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes of the inner stages that count as failures for this breaker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry on (retry_on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes that are retried; circuit_open only if listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry budget (Finagle RetryBudget)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token bucket on retries: retries may add at most `ratio` of the recent requests, plus a small reserve, so they cannot multiply the load without bound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: retries are limited only by max retries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>static (answer at once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cache (last good answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service (another service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The virtual service that gives the degraded answer (it may fail too).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers at once with a static value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle (handle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure outcomes this fallback replaces.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::StageHeader</name>
    <message>
        <source>Enabled: a disabled stage is skipped (writes &quot;enabled&quot;: false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move, duplicate or remove this stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage name in events.csv: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::StagePicker</name>
    <message>
        <source>The pipeline has more than one stage of this kind: choose the one to show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::SummaryModel</name>
    <message>
        <source>requests that arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests answered by the primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>success ÷ requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests answered by a fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback ÷ requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests that failed, all causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed ÷ requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: the service answered with an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: a timeout fired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: rejected by the breaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: the service&apos;s queue was full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: rejected by a stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: the fallback had nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests still running now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls that reached a service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry attempts (counted when they start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retries the retry budget refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempts ÷ requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean latency of ended requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median latency of ended requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90th percentile latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>99th percentile latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>99.9th percentile latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longest latency of an ended request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state changes of every breaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls the breakers rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time the first breaker spent closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time the first breaker spent open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time the first breaker spent half-open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine events so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::SweepLineChart</name>
    <message>
        <source>goal met here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean across seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meets the goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best setting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::SweepWindow</name>
    <message>
        <source>Parameter sweep — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one or two parameters and press Run.

One parameter draws a line chart, two a heat map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep a second parameter (heat map)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs and what to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each point runs on this many seeds (the scenario&apos;s seed, +1, …); the line shows their mean and the band their spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds per point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 &lt;= 500 ms and success &gt;= 99.5 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clauses METRIC OP NUMBER [unit] joined by &quot;and&quot;: metrics success, fallback, failure, rejected, amplification, p50, p99, open, utilization; OP &lt;=, &gt;=, &lt;, &gt;; rates in % or as a fraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the best setting into the main window (or click any point)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart or heat map as PNG, SVG or PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every run: the parameters, the seed and every metric (the columns of resilience-lab sweep)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export sweep image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.svg *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export sweep results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter 1 (x axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter 2 (y axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a path of your own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From / to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps, spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a catalogued parameter: values are set as typed, in the scenario&apos;s own units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now %1%2 · valid %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (in the file: ÷ %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: choose a parameter or type its JSON path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a scenario path (dotted keys, [i] for list items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a sweep needs at least 2 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: log spacing needs from and to above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both parameters are %1: choose two different ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs are too many (at most %2): use fewer steps or seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot run this sweep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v / %m runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1 runs on %2 threads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 runs (%3 s). Finished runs are cached: Run again continues where this one stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs in %2 s on %3 threads (%4 simulated, %5 from the cache).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (mean; %1 – %2 over %3 seeds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#2e7d32&apos;&gt;meets the goal&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;misses: %1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>click to load it into the main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean of %1 seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min–max over %1 seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goal is not understood (see above): nothing is marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No setting meets the goal&lt;/b&gt; (%1 settings tried).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Best %1&lt;/b&gt; (no goal set): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Best setting&lt;/b&gt; (%1 of %2 meet the goal): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded setting %1 into the main window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a sweep first: there is nothing to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2 (the results are still here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure (all causes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure: error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure: timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure: circuit open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure: overloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure: rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure: fallback failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by the breaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amplification (attempts per request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50 latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time the breaker is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target service utilisation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::ThroughputChart</name>
    <message>
        <source>Throughput by outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests / s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3 /s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::TimeChart</name>
    <message>
        <source>time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no closed bucket here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:
%2

%3:
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t = %1 – %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
edit applied at %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reslab::ui::TransportBar</name>
    <message>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play / pause in real time x speed (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run exactly the next event (.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next transition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run until the breaker changes state (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the run again from t = 0 (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run to end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate the rest of the run as fast as possible (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double the speed, roughly: 1-2-5 steps up to 1000x (])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Halve the speed, roughly: 1-2-5 steps down to 0.1x ([)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Speed </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual seconds per wall second, 0.1x to 1000x (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated time / length of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine cannot keep up with this speed: time runs slower than asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Seed </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run is a pure function of (scenario, seed): change it to see other luck, keep it to compare configurations honestly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> engine at its limit </source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
