#include "reslab/model/load_generator.h"

#include "reslab/model/virtual_service.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace reslab {

LoadGenerator::LoadGenerator(Simulator &sim, const LoadSpec &spec, std::uint64_t seed, SimTime end,
                             ArrivalSink *sink)
    : m_sim(sim)
    , m_spec(spec)
    , m_end(end)
    , m_sink(sink)
    , m_arrivalRng(seed, streamId("load:arrivals"))
    , m_thinkRng(seed, streamId("load:think"))
    , m_rate(spec.ratePerS)
    , m_meanGapS(m_rate > 0 ? 1.0 / m_rate : 0.0)
    , m_clients(spec.clients)
    , m_think(spec.thinkTime)
    , m_arrivalLane(sim.addLane(this))
{}

void LoadGenerator::start()
{
    for (std::size_t i = 0; i < m_spec.phases.size(); ++i)
        m_phaseEvents.push_back(m_sim.schedule(fromSeconds(m_spec.phases[i].atS), this, kPhase, i));
    switch (m_spec.type) {
    case LoadSpec::Type::Poisson:
    case LoadSpec::Type::Constant:
        scheduleNextOpen(0);
        break;
    case LoadSpec::Type::Script:
        // Schedule in time order, one at a time, so the heap stays small.
        m_scriptOrder.resize(m_spec.atMs.size());
        std::iota(m_scriptOrder.begin(), m_scriptOrder.end(), std::size_t{0});
        std::stable_sort(
            m_scriptOrder.begin(), m_scriptOrder.end(),
            [&](std::size_t a, std::size_t b) { return m_spec.atMs[a] < m_spec.atMs[b]; });
        if (!m_scriptOrder.empty()) {
            const SimTime at = fromMillis(m_spec.atMs[m_scriptOrder[0]]);
            if (at < m_end)
                m_sim.scheduleLane(m_arrivalLane, at, kArrival);
        }
        break;
    case LoadSpec::Type::Closed:
        for (int c = 0; c < m_clients; ++c) {
            m_iteration.push_back(0);
            m_clientActive.push_back(true);
            m_thinking.emplace_back();
            scheduleThink(static_cast<std::uint32_t>(c));
        }
        break;
    }
}

void LoadGenerator::reconfigure(const LoadSpec &spec)
{
    const SimTime now = m_sim.now();
    for (EventId id : m_phaseEvents)
        m_sim.cancel(id);
    m_phaseEvents.clear();
    const std::vector<double> script = m_spec.atMs; // a running script keeps its arrivals
    const double oldRate = m_rate;
    m_spec = spec;
    m_spec.atMs = script;
    LoadSpec current = spec;
    current.phases.clear();
    std::vector<const LoadPhase *> past;
    for (std::size_t i = 0; i < spec.phases.size(); ++i) {
        if (fromSeconds(spec.phases[i].atS) <= now)
            past.push_back(&spec.phases[i]);
        else
            m_phaseEvents.push_back(
                m_sim.schedule(fromSeconds(spec.phases[i].atS), this, kPhase, i));
    }
    std::stable_sort(past.begin(), past.end(),
                     [](const LoadPhase *a, const LoadPhase *b) { return a->atS < b->atS; });
    double rate = spec.ratePerS;
    int clients = spec.clients;
    LatencySpec think = spec.thinkTime;
    for (const LoadPhase *p : past) {
        rate = p->ratePerS.value_or(rate);
        clients = p->clients.value_or(clients);
        think = p->thinkTime.value_or(think);
    }
    LoadPhase apply;
    apply.thinkTime = think;
    apply.clients = clients;
    if (rate != oldRate)
        apply.ratePerS = rate;
    applyPhase(apply);
}

void LoadGenerator::scheduleOpenAt(SimTime at)
{
    if (at < m_end) {
        m_sim.scheduleLane(m_arrivalLane, at, kArrival); // replaces a pending arrival
        m_pendingAt = at;
    } else {
        m_sim.cancelLane(m_arrivalLane);
        m_pendingAt = -1;
    }
}

void LoadGenerator::scheduleNextOpen(SimTime from)
{
    if (!(m_rate > 0)) {
        scheduleOpenAt(m_end); // nothing until a phase brings the rate back
        return;
    }
    if (m_spec.type == LoadSpec::Type::Poisson) {
        // Arrival i's gap depends on (seed, i) only: common random numbers across pipelines.
        scheduleOpenAt(from + nextPoissonGap());
        return;
    }
    // Constant: each arrival time is computed from the origin, so rounding never accumulates.
    scheduleOpenAt(m_constantOrigin + static_cast<SimTime>(std::llround(
                                          static_cast<double>(m_constantCount) * 1e6 / m_rate)));
}

void LoadGenerator::changeOpenRate(double oldRate)
{
    if (m_rate == oldRate)
        return;
    const SimTime now = m_sim.now();
    if (m_pendingAt >= 0 && oldRate > 0 && m_rate > 0) {
        // Stretch the wait that remains: for Poisson the residual of an exponential gap is
        // exponential, so scaling it by old/new rate gives an exact gap at the new rate (and
        // keeps the draw: common random numbers); for constant it keeps the rhythm.
        const double remaining = static_cast<double>(m_pendingAt - now) * oldRate / m_rate;
        const SimTime at = now + static_cast<SimTime>(std::llround(remaining));
        m_constantOrigin = at;
        m_constantCount = 0;
        scheduleOpenAt(at);
        return;
    }
    if (m_rate > 0) {
        // From a stop (rate 0): the next gap starts now.
        m_constantOrigin = now;
        m_constantCount = 0;
        scheduleNextOpen(now);
        return;
    }
    scheduleOpenAt(m_end); // rate 0: no arrival until the rate comes back
}

void LoadGenerator::scheduleThink(std::uint32_t client)
{
    const std::uint64_t it = m_iteration[client];
    const double ms = VirtualService::sampleLatencyMs(m_think, m_thinkRng.bits(client, it, 0));
    const SimTime at = m_sim.now() + fromMillis(ms);
    if (at < m_end)
        m_thinking[client] = m_sim.schedule(at, this, kClient, client);
    else
        m_thinking[client] = {};
}

void LoadGenerator::requestEnded(std::uint32_t client)
{
    if (m_spec.type != LoadSpec::Type::Closed || client >= m_clientActive.size())
        return;
    if (static_cast<int>(client) >= m_clients) { // the phase retired this client
        m_clientActive[client] = false;
        return;
    }
    scheduleThink(client);
}

void LoadGenerator::applyPhase(const LoadPhase &phase)
{
    if (phase.thinkTime)
        m_think = *phase.thinkTime;
    if (phase.ratePerS) {
        const double old = m_rate;
        m_rate = *phase.ratePerS;
        m_meanGapS = m_rate > 0 ? 1.0 / m_rate : 0.0;
        m_aheadIndex = kNoAhead; // drawn at the old rate
        if (m_spec.type == LoadSpec::Type::Poisson || m_spec.type == LoadSpec::Type::Constant)
            changeOpenRate(old);
    }
    if (phase.clients && m_spec.type == LoadSpec::Type::Closed) {
        const int old = m_clients;
        m_clients = *phase.clients;
        for (int c = old; c < m_clients; ++c) {
            const auto cu = static_cast<std::size_t>(c);
            if (cu >= m_clientActive.size()) {
                m_iteration.push_back(0);
                m_clientActive.push_back(true);
                m_thinking.emplace_back();
                scheduleThink(static_cast<std::uint32_t>(c));
            } else if (!m_clientActive[cu]) {
                m_clientActive[cu] = true;
                scheduleThink(static_cast<std::uint32_t>(c));
            }
        }
        // Retired clients that are thinking stop now; those waiting stop when their request ends.
        for (int c = m_clients; c < old; ++c) {
            const auto cu = static_cast<std::size_t>(c);
            if (m_sim.isPending(m_thinking[cu])) {
                m_sim.cancel(m_thinking[cu]);
                m_clientActive[cu] = false;
            }
        }
    }
}

void LoadGenerator::fire(std::uint32_t kind, std::uint64_t arg)
{
    switch (kind) {
    case kPhase:
        applyPhase(m_spec.phases[arg]);
        return;
    case kClient: {
        const auto client = static_cast<std::uint32_t>(arg);
        m_thinking[client] = {};
        ++m_iteration[client];
        m_sink->arrive(client);
        return;
    }
    case kArrival:
        if (m_spec.type == LoadSpec::Type::Script) {
            ++m_nextIndex;
            m_sink->arrive(0);
            if (m_nextIndex < m_scriptOrder.size()) {
                const SimTime at = fromMillis(m_spec.atMs[m_scriptOrder[m_nextIndex]]);
                if (at < m_end)
                    m_sim.scheduleLane(m_arrivalLane, at, kArrival);
            }
            return;
        }
        m_pendingAt = -1;
        ++m_nextIndex;
        ++m_constantCount;
        if (m_spec.type == LoadSpec::Type::Poisson && m_rate > 0) {
            // The next arrival is scheduled after this one entered the pipeline (its place among
            // same-time events), with a gap drawn beforehand, and the gap after it is drawn now.
            const SimTime next = m_sim.now() + nextPoissonGap();
            m_sink->arrive(0);
            scheduleOpenAt(next);
            m_aheadIndex = m_nextIndex + 1;
            m_aheadGap = poissonGap(m_aheadIndex);
            return;
        }
        m_sink->arrive(0);
        scheduleNextOpen(m_sim.now());
        return;
    }
}

} // namespace reslab
