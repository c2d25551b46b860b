#include "reslab/model/virtual_service.h"

#include <nlohmann/json.hpp>

#include <numbers>

#include <algorithm>
#include <cmath>

namespace reslab {

VirtualService::VirtualService(RunContext &ctx, const ServiceSpec &spec, std::size_t index,
                               bool isTarget)
    : m_ctx(ctx)
    , m_spec(spec)
    , m_label("service:" + spec.name)
    , m_index(index)
    , m_isTarget(isTarget)
    , m_rng(ctx.seed, streamId(m_label))
    , m_lbRng(ctx.seed, streamId("lb:" + spec.name))
{
    const int n = std::max(1, spec.replicas);
    m_replicas.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        Replica &r = m_replicas[static_cast<std::size_t>(i)];
        r.m_index = i;
        r.m_lane = ctx.sim.addLane(this);
        r.m_failureRate = spec.failureRate;
        r.m_latency = spec.latency;
        r.m_errorLatency = spec.errorLatency;
        r.m_concurrency = spec.concurrency;
        r.m_queueLimit = spec.queueLimit;
        r.m_latencyPerInflightMs = spec.latencyPerInflightMs;
        updateSigmas(r);
    }
    // The recorder keeps pointers to the replicas: the vector never changes size again.
    for (Replica &r : m_replicas)
        r.m_series = ctx.recorder.addReplica(spec.name, r.m_index, &r);
    m_totals.name = spec.name;
    m_totals.isTarget = isTarget;
    m_totals.replicas.resize(m_replicas.size());
}

void VirtualService::Replica::readGauges(std::uint32_t &inFlight, std::uint32_t &queueLen,
                                         double &capacity) const
{
    inFlight = m_inService;
    queueLen = m_queued;
    capacity = m_concurrency > 0 ? m_concurrency : 1.0;
}

std::uint32_t VirtualService::inService() const
{
    std::uint32_t n = 0;
    for (const Replica &r : m_replicas)
        n += r.m_inService;
    return n;
}

std::uint32_t VirtualService::queueLength() const
{
    std::uint32_t n = 0;
    for (const Replica &r : m_replicas)
        n += r.m_queued;
    return n;
}

void VirtualService::setCalls(std::vector<CallRoute> calls)
{
    m_calls = std::move(calls);
}

double VirtualService::lognormalSigma(const LatencySpec &spec)
{
    return spec.p99 > spec.median ? std::log(spec.p99 / spec.median) / kZ99 : 0.0;
}

VirtualService::LatencyStats VirtualService::latencyStats(const LatencySpec &spec)
{
    switch (spec.dist) {
    case LatencySpec::Dist::Constant:
        return {spec.value, spec.value, spec.value};
    case LatencySpec::Dist::Uniform:
        return {(spec.min + spec.max) / 2, spec.min + 0.99 * (spec.max - spec.min),
                (spec.min + spec.max) / 2};
    case LatencySpec::Dist::Exponential:
        return {spec.mean * std::log(2.0), spec.mean * std::log(100.0), spec.mean};
    case LatencySpec::Dist::Normal: {
        // max(0, X), X ~ N(mu, s): quantiles are clamped, the mean is E[max(0, X)].
        const double mu = spec.mean;
        const double s = spec.stddev;
        double mean = std::max(0.0, mu);
        if (s > 0) {
            const double z = mu / s;
            const double phi = std::exp(-z * z / 2) / std::sqrt(2 * std::numbers::pi);
            const double cdf = 0.5 * std::erfc(-z / std::numbers::sqrt2);
            mean = mu * cdf + s * phi;
        }
        return {std::max(0.0, mu), std::max(0.0, mu + kZ99 * s), mean};
    }
    case LatencySpec::Dist::Lognormal: {
        const double sigma = lognormalSigma(spec);
        return {spec.median, spec.median * std::exp(sigma * kZ99),
                spec.median * std::exp(sigma * sigma / 2)};
    }
    }
    return {};
}

std::optional<VirtualService::LatencyStats> VirtualService::latencyStats(const nlohmann::json &dist)
{
    if (!dist.is_object() || !dist.contains("dist") || !dist["dist"].is_string())
        return std::nullopt;
    const auto number = [&dist](const char *key, double &out) {
        const auto it = dist.find(key);
        if (it == dist.end() || !it->is_number())
            return false;
        out = it->get<double>();
        return std::isfinite(out);
    };
    LatencySpec spec;
    const std::string d = dist["dist"].get<std::string>();
    bool ok = false;
    if (d == "constant") {
        spec.dist = LatencySpec::Dist::Constant;
        ok = number("value", spec.value);
    } else if (d == "uniform") {
        spec.dist = LatencySpec::Dist::Uniform;
        ok = number("min", spec.min) && number("max", spec.max);
    } else if (d == "exponential") {
        spec.dist = LatencySpec::Dist::Exponential;
        ok = number("mean", spec.mean);
    } else if (d == "normal") {
        spec.dist = LatencySpec::Dist::Normal;
        ok = number("mean", spec.mean) && number("stddev", spec.stddev);
    } else if (d == "lognormal") {
        spec.dist = LatencySpec::Dist::Lognormal;
        ok = number("median", spec.median) && number("p99", spec.p99);
    }
    if (!ok)
        return std::nullopt;
    return latencyStats(spec);
}

void VirtualService::updateSigmas(Replica &r)
{
    r.m_latencySigma = lognormalSigma(r.m_latency);
    r.m_errorLatencySigma = r.m_errorLatency ? lognormalSigma(*r.m_errorLatency) : 0.0;
}

double VirtualService::sampleLatencyMs(const LatencySpec &spec, double sigma, std::uint64_t word)
{
    switch (spec.dist) {
    case LatencySpec::Dist::Constant:
        return spec.value;
    case LatencySpec::Dist::Uniform:
        return spec.min + unitInterval(word) * (spec.max - spec.min);
    case LatencySpec::Dist::Exponential:
        return sample::exponential(spec.mean, word);
    case LatencySpec::Dist::Normal:
        return std::max(0.0, spec.mean + spec.stddev * sample::standardNormal(word));
    case LatencySpec::Dist::Lognormal:
        return spec.median * std::exp(sigma * sample::standardNormal(word));
    }
    return 0.0;
}

double VirtualService::sampleLatencyMs(const LatencySpec &spec, std::uint64_t word)
{
    return sampleLatencyMs(
        spec, spec.dist == LatencySpec::Dist::Lognormal ? lognormalSigma(spec) : 0.0, word);
}

bool VirtualService::appliesTo(const ServicePhase &phase, int replica)
{
    return phase.replicas.empty() ||
           std::find(phase.replicas.begin(), phase.replicas.end(), replica) != phase.replicas.end();
}

void VirtualService::schedulePhasesOf(Replica &r)
{
    const SimTime now = m_ctx.sim.now();
    for (EventId id : r.m_phaseEvents)
        m_ctx.sim.cancel(id);
    r.m_phaseEvents.clear();
    for (std::size_t i = 0; i < m_spec.phases.size(); ++i) {
        if (!appliesTo(m_spec.phases[i], r.m_index))
            continue;
        const SimTime at = fromSeconds(m_spec.phases[i].atS);
        if (now == 0 || at > now)
            r.m_phaseEvents.push_back(m_ctx.sim.schedule(
                at, this, kPhase, (static_cast<std::uint64_t>(r.m_index) << 32) | i));
    }
}

void VirtualService::schedulePhases()
{
    for (Replica &r : m_replicas)
        schedulePhasesOf(r);
}

void VirtualService::reconfigure(const ServiceSpec &spec)
{
    const SimTime now = m_ctx.sim.now();
    m_spec = spec;
    for (Replica &r : m_replicas) {
        r.m_failureRate = spec.failureRate;
        r.m_latency = spec.latency;
        r.m_errorLatency = spec.errorLatency;
        updateSigmas(r);
        r.m_queueLimit = spec.queueLimit;
        r.m_latencyPerInflightMs = spec.latencyPerInflightMs;
        r.m_concurrency = spec.concurrency;
        std::vector<const ServicePhase *> past;
        for (const ServicePhase &p : spec.phases) {
            if (fromSeconds(p.atS) <= now && appliesTo(p, r.m_index))
                past.push_back(&p);
        }
        std::stable_sort(
            past.begin(), past.end(),
            [](const ServicePhase *a, const ServicePhase *b) { return a->atS < b->atS; });
        const ReplicaState before = r.m_state;
        r.m_state = ReplicaState::Up;
        for (const ServicePhase *p : past)
            applyPhase(r, *p);
        if (r.m_state == ReplicaState::Refuse && before != ReplicaState::Refuse)
            refuseAll(r);
    }
    if (m_isTarget)
        m_ctx.recorder.gauges.concurrency =
            m_replicas.front().m_concurrency * static_cast<double>(m_replicas.size());
    for (Replica &r : m_replicas)
        startQueued(r);
    schedulePhases();
}

void VirtualService::applyPhase(Replica &r, const ServicePhase &phase)
{
    if (phase.failureRate)
        r.m_failureRate = *phase.failureRate;
    if (phase.latency)
        r.m_latency = *phase.latency;
    if (phase.errorLatency)
        r.m_errorLatency = *phase.errorLatency;
    if (phase.latency || phase.errorLatency)
        updateSigmas(r);
    if (phase.queueLimit)
        r.m_queueLimit = *phase.queueLimit;
    if (phase.latencyPerInflightMs)
        r.m_latencyPerInflightMs = *phase.latencyPerInflightMs;
    if (phase.state)
        r.m_state = *phase.state;
    if (phase.concurrency) {
        r.m_concurrency = *phase.concurrency;
        if (m_isTarget)
            m_ctx.recorder.gauges.concurrency =
                r.m_concurrency * static_cast<double>(m_replicas.size());
        startQueued(r);
    }
}

std::uint32_t VirtualService::pickReplica(std::uint32_t slot, std::uint32_t attempt)
{
    const auto n = static_cast<std::uint32_t>(m_replicas.size());
    if (n == 1)
        return 0;
    switch (m_spec.loadBalancer) {
    case LoadBalancer::RoundRobin:
        return static_cast<std::uint32_t>(m_roundRobin++ % n);
    case LoadBalancer::Random:
        return std::min(n - 1, static_cast<std::uint32_t>(
                                   m_lbRng.uniform(m_ctx.requests.id(slot), attempt, 0) * n));
    case LoadBalancer::LeastOutstanding: {
        std::uint32_t best = 0;
        for (std::uint32_t i = 1; i < n; ++i) {
            if (m_replicas[i].outstanding() < m_replicas[best].outstanding())
                best = i;
        }
        return best;
    }
    case LoadBalancer::PowerOfTwo: {
        const std::uint64_t id = m_ctx.requests.id(slot);
        const auto a =
            std::min(n - 1, static_cast<std::uint32_t>(m_lbRng.uniform(id, attempt, 0) * n));
        auto b =
            std::min(n - 2, static_cast<std::uint32_t>(m_lbRng.uniform(id, attempt, 1) * (n - 1)));
        if (b >= a)
            ++b;
        return m_replicas[b].outstanding() < m_replicas[a].outstanding() ? b : a;
    }
    }
    return 0;
}

std::uint64_t VirtualService::start(std::uint32_t slot, Caller *caller, std::uint64_t token)
{
    const SimTime now = m_ctx.sim.now();
    const auto h = m_frames.alloc();
    Frame &f = m_frames[h.index];
    f.caller = caller;
    f.token = token;
    f.slot = slot;
    f.live = true;
    f.attempt = m_ctx.requests.nextAttempt(slot, m_index);
    ++m_totals.attempts;
    if (m_isTarget)
        m_ctx.recorder.attempt(now);
    f.replica = static_cast<std::uint16_t>(pickReplica(slot, f.attempt));
    Replica &r = m_replicas[f.replica];
    ++r.m_totals.attempts;
    ++m_ctx.recorder.replicaBucket(r.m_series, now).attempts;

    if (r.m_state == ReplicaState::Refuse) {
        // A crashed process: `error` at once, without a server (delivered by an event: callees
        // never answer inside start()).
        f.outcome = Outcome::Error;
        ++m_totals.refused;
        if (m_ctx.sink)
            m_ctx.publish({.time = now,
                           .request = m_ctx.requests.id(slot),
                           .attempt = f.attempt,
                           .stage = m_label,
                           .kind = EventKind::AttemptStart,
                           .text = "refused"});
        f.doneEvent = m_ctx.sim.schedule(now, this, kOverloaded, h.pack());
        return h.pack();
    }
    const bool full =
        r.m_concurrency > 0 && r.m_inService >= static_cast<std::uint32_t>(r.m_concurrency);
    if (!full) {
        if (m_ctx.sink)
            m_ctx.publish({.time = now,
                           .request = m_ctx.requests.id(slot),
                           .attempt = f.attempt,
                           .stage = m_label,
                           .kind = EventKind::AttemptStart});
        beginService(h.index, m_rng.bits(m_ctx.requests.id(slot), f.attempt, 1));
    } else if (r.m_queueLimit && r.m_queued >= static_cast<std::uint64_t>(*r.m_queueLimit)) {
        // Queue full: `overloaded` at once (delivered by an event: callees never answer inside
        // start()).
        f.outcome = Outcome::Overloaded;
        ++m_totals.overloaded;
        ++m_ctx.recorder.replicaBucket(r.m_series, now).overloaded;
        f.doneEvent = m_ctx.sim.schedule(now, this, kOverloaded, h.pack());
    } else {
        f.queued = true;
        // The latency draw is taken now, off the path from this attempt's start of service to
        // its end's place in the event order (the same word either way).
        f.latencyWord = m_rng.bits(m_ctx.requests.id(slot), f.attempt, 1);
        r.m_queue.push_back(h.index);
        ++r.m_queued;
        r.m_totals.maxQueue = std::max(r.m_totals.maxQueue, r.m_queued);
        m_totals.maxQueue = std::max(m_totals.maxQueue, r.m_queued);
        setQueueGauge();
        if (m_ctx.sink)
            m_ctx.publish({.time = now,
                           .request = m_ctx.requests.id(slot),
                           .attempt = f.attempt,
                           .stage = m_label,
                           .kind = EventKind::AttemptStart,
                           .text = "queued"});
    }
    return h.pack();
}

void VirtualService::setQueueGauge()
{
    if (!m_isTarget)
        return;
    m_ctx.recorder.gauges.queueLen =
        m_replicas.size() == 1 ? m_replicas.front().m_queued : queueLength();
}

void VirtualService::beginService(std::uint32_t index, std::uint64_t latencyWord)
{
    const SimTime now = m_ctx.sim.now();
    Frame &f = m_frames[index];
    Replica &r = m_replicas[f.replica];

    if (r.m_state == ReplicaState::Hang) {
        // A partition: the attempt holds its server and never answers.
        f.hung = true;
        f.inService = true;
        ++r.m_inService;
        r.m_busy.add(now, 1);
        m_ctx.recorder.replicaBusy(r.m_series, now, 1);
        if (m_isTarget)
            m_ctx.recorder.busy.add(now, 1);
        return;
    }

    bool ok;
    double latencyMs;
    if (m_scriptPos < m_spec.script.size()) {
        const ScriptedOutcome &s = m_spec.script[m_scriptPos++];
        ok = s.ok;
        latencyMs = s.latencyMs
                        ? *s.latencyMs
                        : sampleLatencyMs(ok || !r.m_errorLatency ? r.m_latency : *r.m_errorLatency,
                                          latencyWord);
    } else {
        // Draw 0 decides the outcome; a rate of 0 or 1 needs no draw (u < 1 always holds).
        ok = r.m_failureRate <= 0.0 ||
             (r.m_failureRate < 1.0 &&
              !(m_rng.uniform(m_ctx.requests.id(f.slot), f.attempt, 0) < r.m_failureRate));
        const bool normal = ok || !r.m_errorLatency;
        latencyMs = sampleLatencyMs(normal ? r.m_latency : *r.m_errorLatency,
                                    normal ? r.m_latencySigma : r.m_errorLatencySigma, latencyWord);
    }
    latencyMs += r.m_latencyPerInflightMs * r.m_inService;

    f.outcome = ok ? Outcome::Ok : Outcome::Error;
    f.inService = true;
    ++r.m_inService;
    r.m_busy.add(now, 1);
    m_ctx.recorder.replicaBusy(r.m_series, now, 1);
    if (m_isTarget)
        m_ctx.recorder.busy.add(now, 1);
    const SimTime doneAt = now + fromMillis(latencyMs);
    const std::uint64_t handle = (std::uint64_t{m_frames.generation(index)} << 32) | index;
    // Same (time, sequence) order either way: the lane only saves the queue's work.
    if (!m_ctx.sim.lanePending(r.m_lane)) {
        f.inLane = true;
        m_ctx.sim.scheduleLane(r.m_lane, doneAt, kDone, handle);
    } else {
        f.doneEvent = m_ctx.sim.schedule(doneAt, this, kDone, handle);
    }
}

void VirtualService::releaseServer(Frame &f, Replica &r, SimTime now)
{
    f.inService = false;
    --r.m_inService;
    r.m_busy.add(now, -1);
    m_ctx.recorder.replicaBusy(r.m_series, now, -1);
    if (m_isTarget)
        m_ctx.recorder.busy.add(now, -1);
}

void VirtualService::freeFrame(std::uint32_t index)
{
    m_frames[index].live = false;
    m_frames.free(index);
}

void VirtualService::finish(std::uint32_t index, bool answer)
{
    const SimTime now = m_ctx.sim.now();
    Frame &f = m_frames[index];
    Replica &r = m_replicas[f.replica];
    const bool wasInService = f.inService;
    if (wasInService) {
        releaseServer(f, r, now);
        if (answer) { // cancelled work counts in `cancelled`, not as served
            ++m_totals.served;
            if (f.outcome == Outcome::Error)
                ++m_totals.errors;
        }
    }
    Caller *caller = f.caller;
    const std::uint64_t token = f.token;
    const Outcome outcome = f.outcome;
    const std::uint32_t slot = f.slot;
    if (answer) {
        if (outcome == Outcome::Ok) {
            ++m_totals.ok;
            if (f.degraded)
                ++m_totals.degraded;
            ++m_ctx.recorder.replicaBucket(r.m_series, now).ok;
        } else if (outcome == Outcome::Error) {
            ++m_ctx.recorder.replicaBucket(r.m_series, now).error;
        }
        if (m_ctx.sink)
            m_ctx.publish({.time = now,
                           .request = m_ctx.requests.id(slot),
                           .attempt = f.attempt,
                           .stage = m_label,
                           .kind = EventKind::AttemptEnd,
                           .outcome = outcome});
    }
    freeFrame(index);
    if (wasInService)
        startQueued(r);
    if (answer)
        caller->done(token, outcome);
}

void VirtualService::startQueued(Replica &r)
{
    while (!r.m_queue.empty() &&
           (r.m_concurrency == 0 || r.m_inService < static_cast<std::uint32_t>(r.m_concurrency))) {
        const std::uint32_t index = r.m_queue.front();
        r.m_queue.pop_front();
        Frame &f = m_frames[index];
        if (f.cancelled) { // cancelled (or refused) while queued
            freeFrame(index);
            continue;
        }
        f.queued = false;
        --r.m_queued;
        beginService(index, f.latencyWord);
    }
    setQueueGauge();
}

void VirtualService::cancel(std::uint64_t handle)
{
    Frame *f = m_frames.get(handle);
    if (!f || f->cancelled || f->answered)
        return;
    const auto index = static_cast<std::uint32_t>(handle);
    Replica &r = m_replicas[f->replica];
    ++m_totals.cancelled;
    if (m_ctx.sink)
        m_ctx.publish({.time = m_ctx.sim.now(),
                       .request = m_ctx.requests.id(f->slot),
                       .attempt = f->attempt,
                       .stage = m_label,
                       .kind = EventKind::AttemptCancelled});
    if (f->queued) {
        // Leave the record in the queue (lazy removal; it no longer reads its request).
        f->cancelled = true;
        f->queued = false;
        --r.m_queued;
        setQueueGauge();
        return;
    }
    if (f->calling) {
        // Cancellation travels down the graph: its calls in flight are cancelled too.
        cancelCalls(index);
        finish(index, false);
        return;
    }
    if (!f->hung) {
        if (f->inLane)
            m_ctx.sim.cancelLane(r.m_lane);
        else
            m_ctx.sim.cancel(f->doneEvent);
    }
    finish(index, false);
}

void VirtualService::fire(std::uint32_t kind, std::uint64_t arg)
{
    if (kind == kPhase) {
        Replica &r = m_replicas[arg >> 32];
        const ReplicaState before = r.m_state;
        applyPhase(r, m_spec.phases[arg & 0xffffffffu]);
        if (r.m_state == ReplicaState::Refuse && before != ReplicaState::Refuse)
            refuseAll(r);
        return;
    }
    Frame *f = m_frames.get(arg);
    if (!f)
        return;
    const auto index = static_cast<std::uint32_t>(arg);
    if (kind == kDone && f->outcome == Outcome::Ok && !m_calls.empty()) {
        f->inLane = false; // its event has fired
        makeCalls(index);
        return;
    }
    finish(index, true);
}

double VirtualService::busyIntegral(SimTime now)
{
    double total = 0;
    for (std::size_t i = 0; i < m_replicas.size(); ++i)
        total += replicaBusyIntegral(i, now);
    return total;
}

double VirtualService::replicaBusyIntegral(std::size_t replica, SimTime now)
{
    Replica &r = m_replicas[replica];
    r.m_busyTotal += r.m_busy.take(now);
    return r.m_busyTotal;
}

void VirtualService::refuseAll(Replica &r)
{
    // Every attempt on the replica ends with `error` now, in the order of their records; the
    // calls of those waiting on calls go on as abandoned work. Callers may start new attempts
    // from their done(): those are refused by an event, and the pool may grow (indices stay).
    for (std::uint32_t i = 0; i < m_frames.capacity(); ++i) {
        Frame &f = m_frames[i];
        if (!f.live || f.replica != r.m_index || f.answered || f.cancelled)
            continue;
        if (f.queued) {
            f.queued = false;
            f.cancelled = true; // popped (and freed) from the queue below
            --r.m_queued;
            setQueueGauge();
            ++m_totals.refused;
            ++m_ctx.recorder.replicaBucket(r.m_series, m_ctx.sim.now()).error;
            Caller *caller = f.caller;
            const std::uint64_t token = f.token;
            if (m_ctx.sink)
                m_ctx.publish({.time = m_ctx.sim.now(),
                               .request = m_ctx.requests.id(f.slot),
                               .attempt = f.attempt,
                               .stage = m_label,
                               .kind = EventKind::AttemptEnd,
                               .outcome = Outcome::Error});
            caller->done(token, Outcome::Error);
            continue;
        }
        if (f.calling) {
            answerEarly(i, Outcome::Error);
            continue;
        }
        if (!f.inService)
            continue; // an overloaded or refused answer already on its way
        if (!f.hung) {
            if (f.inLane)
                m_ctx.sim.cancelLane(r.m_lane);
            else
                m_ctx.sim.cancel(f.doneEvent);
        }
        f.outcome = Outcome::Error; // counted in `errors` (it held a server)
        finish(i, true);
    }
    startQueued(r);
}

// ------------------------------------------------------------------------------------------------
// Calls (version 2).

void VirtualService::makeCalls(std::uint32_t index)
{
    const std::size_t need = (static_cast<std::size_t>(index) + 1) * m_calls.size();
    if (m_callSlots.size() < need)
        m_callSlots.resize(std::max(need, m_callSlots.size() * 2));
    Frame &f = m_frames[index];
    f.calling = true;
    f.nextCall = 0;
    f.pending = 0;
    if (m_spec.callMode == CallMode::Sequential) {
        nextSequentialCall(index);
        return;
    }
    bool any = false;
    for (std::uint32_t k = 0; k < m_calls.size(); ++k) {
        if (!makesCall(index, k))
            continue;
        any = true;
        startCall(index, k);
    }
    if (!any)
        finish(index, true);
}

bool VirtualService::makesCall(std::uint32_t index, std::uint32_t k)
{
    // Drawn per caller attempt from the edge's stream; a probability of 1 needs no draw.
    const CallRoute &c = m_calls[k];
    const Frame &f = m_frames[index];
    return c.probability >= 1.0 ||
           c.stream.uniform(m_ctx.requests.id(f.slot), f.attempt, 0) < c.probability;
}

void VirtualService::nextSequentialCall(std::uint32_t index)
{
    Frame &f = m_frames[index];
    while (f.nextCall < m_calls.size()) {
        const std::uint32_t k = f.nextCall++;
        if (!makesCall(index, k))
            continue;
        startCall(index, k);
        return;
    }
    finish(index, true);
}

void VirtualService::startCall(std::uint32_t index, std::uint32_t k)
{
    const SimTime now = m_ctx.sim.now();
    const CallRoute &c = m_calls[k];
    {
        CallSlot &cs = callSlot(index, k);
        cs.started = now;
        cs.pending = true;
        ++m_frames[index].pending;
    }
    m_ctx.recorder.edgeCall(c.edgeSeries, now);
    if (m_ctx.sink)
        m_ctx.publish({.time = now,
                       .request = m_ctx.requests.id(m_frames[index].slot),
                       .attempt = m_frames[index].attempt,
                       .stage = c.edge,
                       .kind = EventKind::CallStart});
    const std::uint64_t handle =
        c.head->start(m_frames[index].slot, this, (std::uint64_t{k} << 32) | index);
    callSlot(index, k).handle = handle;
}

void VirtualService::done(std::uint64_t token, Outcome outcome)
{
    const SimTime now = m_ctx.sim.now();
    const auto index = static_cast<std::uint32_t>(token);
    const auto k = static_cast<std::uint32_t>(token >> 32);
    const CallRoute &c = m_calls[k];
    {
        CallSlot &cs = callSlot(index, k);
        cs.pending = false;
        m_ctx.recorder.edgeEnd(c.edgeSeries, now, outcome, now - cs.started);
    }
    Frame &f = m_frames[index];
    if (m_ctx.sink)
        m_ctx.publish({.time = now,
                       .request = m_ctx.requests.id(f.slot),
                       .attempt = f.attempt,
                       .stage = c.edge,
                       .kind = EventKind::CallEnd,
                       .outcome = outcome});
    --f.pending;
    if (f.answered) { // abandoned calls draining: nobody waits for them
        if (f.pending == 0) {
            const std::uint32_t slot = f.slot;
            freeFrame(index);
            m_ctx.requests.release(slot);
        }
        return;
    }
    if (isFailure(outcome)) {
        if (c.required) {
            ++m_totals.failedCalls;
            f.outcome = Outcome::Error;
            if (f.pending == 0)
                finish(index, true);
            else
                answerEarly(index, Outcome::Error); // parallel: the others go on, abandoned
            return;
        }
        f.degraded = true;
    } else if (outcome == Outcome::Fallback) {
        f.degraded = true;
    }
    if (m_spec.callMode == CallMode::Sequential)
        nextSequentialCall(index);
    else if (f.pending == 0)
        finish(index, true);
}

void VirtualService::answerEarly(std::uint32_t index, Outcome outcome)
{
    const SimTime now = m_ctx.sim.now();
    Frame &f = m_frames[index];
    Replica &r = m_replicas[f.replica];
    f.answered = true;
    f.outcome = outcome;
    if (f.inService) {
        releaseServer(f, r, now);
        ++m_totals.served;
        if (outcome == Outcome::Error)
            ++m_totals.errors;
    }
    if (outcome == Outcome::Error)
        ++m_ctx.recorder.replicaBucket(r.m_series, now).error;
    if (m_ctx.sink)
        m_ctx.publish({.time = now,
                       .request = m_ctx.requests.id(f.slot),
                       .attempt = f.attempt,
                       .stage = m_label,
                       .kind = EventKind::AttemptEnd,
                       .outcome = outcome});
    // The request outlives this answer while the abandoned calls run: keep its slot.
    m_ctx.requests.retain(f.slot);
    Caller *caller = f.caller;
    const std::uint64_t token = f.token;
    startQueued(r);
    caller->done(token, outcome);
}

void VirtualService::cancelCalls(std::uint32_t index)
{
    for (std::uint32_t k = 0; k < m_calls.size(); ++k) {
        CallSlot &cs = callSlot(index, k);
        if (!cs.pending)
            continue;
        cs.pending = false;
        --m_frames[index].pending;
        m_calls[k].head->cancel(cs.handle);
    }
}

} // namespace reslab
