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
    , m_lane(ctx.sim.addLane(this))
    , m_failureRate(spec.failureRate)
    , m_latency(spec.latency)
    , m_errorLatency(spec.errorLatency)
    , m_concurrency(spec.concurrency)
    , m_queueLimit(spec.queueLimit)
    , m_latencyPerInflightMs(spec.latencyPerInflightMs)
{
    m_totals.name = spec.name;
    m_totals.isTarget = isTarget;
    updateSigmas();
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

void VirtualService::updateSigmas()
{
    m_latencySigma = lognormalSigma(m_latency);
    m_errorLatencySigma = m_errorLatency ? lognormalSigma(*m_errorLatency) : 0.0;
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

void VirtualService::schedulePhases()
{
    const SimTime now = m_ctx.sim.now();
    for (EventId id : m_phaseEvents)
        m_ctx.sim.cancel(id);
    m_phaseEvents.clear();
    for (std::size_t i = 0; i < m_spec.phases.size(); ++i) {
        const SimTime at = fromSeconds(m_spec.phases[i].atS);
        if (now == 0 || at > now)
            m_phaseEvents.push_back(m_ctx.sim.schedule(at, this, kPhase, i));
    }
}

void VirtualService::reconfigure(const ServiceSpec &spec)
{
    const SimTime now = m_ctx.sim.now();
    m_spec = spec;
    m_failureRate = spec.failureRate;
    m_latency = spec.latency;
    m_errorLatency = spec.errorLatency;
    updateSigmas();
    m_queueLimit = spec.queueLimit;
    m_latencyPerInflightMs = spec.latencyPerInflightMs;
    m_concurrency = spec.concurrency;
    std::vector<const ServicePhase *> past;
    for (const ServicePhase &p : spec.phases) {
        if (fromSeconds(p.atS) <= now)
            past.push_back(&p);
    }
    std::stable_sort(past.begin(), past.end(),
                     [](const ServicePhase *a, const ServicePhase *b) { return a->atS < b->atS; });
    for (const ServicePhase *p : past)
        applyPhase(*p);
    if (m_isTarget)
        m_ctx.recorder.gauges.concurrency = m_concurrency;
    startQueued();
    schedulePhases();
}

void VirtualService::applyPhase(const ServicePhase &phase)
{
    if (phase.failureRate)
        m_failureRate = *phase.failureRate;
    if (phase.latency)
        m_latency = *phase.latency;
    if (phase.errorLatency)
        m_errorLatency = *phase.errorLatency;
    if (phase.latency || phase.errorLatency)
        updateSigmas();
    if (phase.queueLimit)
        m_queueLimit = *phase.queueLimit;
    if (phase.latencyPerInflightMs)
        m_latencyPerInflightMs = *phase.latencyPerInflightMs;
    if (phase.concurrency) {
        m_concurrency = *phase.concurrency;
        if (m_isTarget)
            m_ctx.recorder.gauges.concurrency = m_concurrency;
        startQueued();
    }
}

std::uint64_t VirtualService::start(std::uint32_t slot, Caller *caller, std::uint64_t token)
{
    const SimTime now = m_ctx.sim.now();
    const auto h = m_frames.alloc();
    Frame &f = m_frames[h.index];
    f.caller = caller;
    f.token = token;
    f.slot = slot;
    f.attempt = m_ctx.requests.nextAttempt(slot, m_index);
    ++m_totals.attempts;
    if (m_isTarget)
        m_ctx.recorder.attempt(now);

    const bool full = m_concurrency > 0 && m_inService >= static_cast<std::uint32_t>(m_concurrency);
    if (!full) {
        if (m_ctx.sink)
            m_ctx.publish({.time = now,
                           .request = m_ctx.requests.id(slot),
                           .attempt = f.attempt,
                           .stage = m_label,
                           .kind = EventKind::AttemptStart});
        beginService(h.index, m_rng.bits(m_ctx.requests.id(slot), f.attempt, 1));
    } else if (m_queueLimit && m_queued >= static_cast<std::uint64_t>(*m_queueLimit)) {
        // Queue full: `overloaded` at once (delivered by an event: callees never answer inside
        // start()).
        f.outcome = Outcome::Overloaded;
        ++m_totals.overloaded;
        f.doneEvent = m_ctx.sim.schedule(now, this, kOverloaded, h.pack());
    } else {
        f.queued = true;
        // The latency draw is taken now, off the path from this attempt's start of service to
        // its end's place in the event order (the same word either way).
        f.latencyWord = m_rng.bits(m_ctx.requests.id(slot), f.attempt, 1);
        m_queue.push_back(h.index);
        ++m_queued;
        m_totals.maxQueue = std::max(m_totals.maxQueue, m_queued);
        if (m_isTarget)
            m_ctx.recorder.gauges.queueLen = m_queued;
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

void VirtualService::beginService(std::uint32_t index, std::uint64_t latencyWord)
{
    const SimTime now = m_ctx.sim.now();
    Frame &f = m_frames[index];

    bool ok;
    double latencyMs;
    if (m_scriptPos < m_spec.script.size()) {
        const ScriptedOutcome &s = m_spec.script[m_scriptPos++];
        ok = s.ok;
        latencyMs =
            s.latencyMs
                ? *s.latencyMs
                : sampleLatencyMs(ok || !m_errorLatency ? m_latency : *m_errorLatency, latencyWord);
    } else {
        // Draw 0 decides the outcome; a rate of 0 or 1 needs no draw (u < 1 always holds).
        ok = m_failureRate <= 0.0 ||
             (m_failureRate < 1.0 &&
              !(m_rng.uniform(m_ctx.requests.id(f.slot), f.attempt, 0) < m_failureRate));
        const bool normal = ok || !m_errorLatency;
        latencyMs = sampleLatencyMs(normal ? m_latency : *m_errorLatency,
                                    normal ? m_latencySigma : m_errorLatencySigma, latencyWord);
    }
    latencyMs += m_latencyPerInflightMs * m_inService;

    f.outcome = ok ? Outcome::Ok : Outcome::Error;
    f.inService = true;
    ++m_inService;
    m_busy.add(now, 1);
    if (m_isTarget)
        m_ctx.recorder.busy.add(now, 1);
    const SimTime doneAt = now + fromMillis(latencyMs);
    const std::uint64_t handle = (std::uint64_t{m_frames.generation(index)} << 32) | index;
    // Same (time, sequence) order either way: the lane only saves the queue's work.
    if (!m_ctx.sim.lanePending(m_lane)) {
        f.inLane = true;
        m_ctx.sim.scheduleLane(m_lane, doneAt, kDone, handle);
    } else {
        f.doneEvent = m_ctx.sim.schedule(doneAt, this, kDone, handle);
    }
}

void VirtualService::finish(std::uint32_t index, bool answer)
{
    const SimTime now = m_ctx.sim.now();
    Frame &f = m_frames[index];
    const bool wasInService = f.inService;
    if (wasInService) {
        f.inService = false;
        --m_inService;
        m_busy.add(now, -1);
        if (m_isTarget)
            m_ctx.recorder.busy.add(now, -1);
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
    if (answer && m_ctx.sink)
        m_ctx.publish({.time = now,
                       .request = m_ctx.requests.id(slot),
                       .attempt = f.attempt,
                       .stage = m_label,
                       .kind = EventKind::AttemptEnd,
                       .outcome = outcome});
    m_frames.free(index);
    if (wasInService)
        startQueued();
    if (answer)
        caller->done(token, outcome);
}

void VirtualService::startQueued()
{
    while (!m_queue.empty() &&
           (m_concurrency == 0 || m_inService < static_cast<std::uint32_t>(m_concurrency))) {
        const std::uint32_t index = m_queue.front();
        m_queue.pop_front();
        Frame &f = m_frames[index];
        if (f.cancelled) { // cancelled while queued
            m_frames.free(index);
            continue;
        }
        f.queued = false;
        --m_queued;
        beginService(index, f.latencyWord);
    }
    if (m_isTarget)
        m_ctx.recorder.gauges.queueLen = m_queued;
}

void VirtualService::cancel(std::uint64_t handle)
{
    Frame *f = m_frames.get(handle);
    if (!f || f->cancelled)
        return;
    const auto index = static_cast<std::uint32_t>(handle);
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
        --m_queued;
        if (m_isTarget)
            m_ctx.recorder.gauges.queueLen = m_queued;
        return;
    }
    if (f->inLane)
        m_ctx.sim.cancelLane(m_lane);
    else
        m_ctx.sim.cancel(f->doneEvent);
    finish(index, false);
}

void VirtualService::fire(std::uint32_t kind, std::uint64_t arg)
{
    if (kind == kPhase) {
        applyPhase(m_spec.phases[arg]);
        return;
    }
    if (!m_frames.get(arg))
        return;
    finish(static_cast<std::uint32_t>(arg), true);
}

double VirtualService::busyIntegral(SimTime now)
{
    m_busyTotal += m_busy.take(now);
    return m_busyTotal;
}

} // namespace reslab
