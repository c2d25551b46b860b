#pragma once

#include "reslab/kernel/random.h"
#include "reslab/kernel/simulator.h"
#include "reslab/model/scenario.h"

#include <vector>

namespace reslab {

/// Receives a LoadGenerator's arrivals (a plain virtual call: cheaper than a std::function).
class ArrivalSink
{
public:
    virtual void arrive(std::uint32_t client) = 0;

protected:
    ~ArrivalSink() = default;
};

/// Produces arrivals: open loops (poisson, constant, script) whose arrival times depend only on
/// the seed and the load spec — never on the pipeline — and closed loops of clients that think,
/// send one request, wait for its end, and think again. Nothing arrives at or after `end`.
class LoadGenerator final : public EventTarget
{
public:
    /// `sink->arrive(client)` is called for each arrival (client is 0 for open loops).
    LoadGenerator(Simulator &sim, const LoadSpec &spec, std::uint64_t seed, SimTime end,
                  ArrivalSink *sink);

    void start();
    /// New numbers from an edited scenario (same load type): base numbers with the phases up to
    /// now applied, the phases still to come scheduled, the next open-loop arrival redrawn.
    void reconfigure(const LoadSpec &spec);
    /// Closed loop: client `client`'s request ended; it thinks, then sends the next one.
    void requestEnded(std::uint32_t client);
    void fire(std::uint32_t kind, std::uint64_t arg) override;

    double ratePerS() const { return m_rate; }
    int clients() const { return m_clients; }

private:
    enum : std::uint32_t
    {
        kArrival = 1,
        kClient = 2,
        kPhase = 3
    };
    /// Open loops: schedules the arrival after one at `from` (or the first one).
    void scheduleNextOpen(SimTime from);
    /// Open loops: the rate changes now from `oldRate` to m_rate.
    void changeOpenRate(double oldRate);
    void scheduleOpenAt(SimTime at);
    /// Poisson: the gap before arrival `index` at the current rate, a function of (seed, index,
    /// rate) only (common random numbers across pipelines).
    SimTime poissonGap(std::uint64_t index) const
    {
        return fromSeconds(sample::exponential(m_meanGapS, m_arrivalRng.bits(index, 0, 0)));
    }
    /// The gap before arrival m_nextIndex: the one drawn an arrival ahead, unless the rate
    /// changed since (which forgets it).
    SimTime nextPoissonGap() const
    {
        return m_aheadIndex == m_nextIndex ? m_aheadGap : poissonGap(m_nextIndex);
    }
    static constexpr std::uint64_t kNoAhead = ~std::uint64_t{0};
    void scheduleThink(std::uint32_t client);
    void applyPhase(const LoadPhase &phase);

    Simulator &m_sim;
    LoadSpec m_spec;
    SimTime m_end;
    ArrivalSink *m_sink;
    RandomStream m_arrivalRng;
    RandomStream m_thinkRng;
    double m_rate;
    double m_meanGapS; ///< 1 / m_rate (no division per arrival)
    int m_clients;
    LatencySpec m_think;
    std::uint64_t m_nextIndex = 0;   ///< open loops: index of the next arrival
    Simulator::LaneId m_arrivalLane; ///< open loops and script: the next arrival's event
    SimTime m_pendingAt = -1;        ///< open loops: time of the scheduled arrival (-1: none)
    /// Poisson: poissonGap(m_aheadIndex) at the current rate, drawn during the arrival before:
    /// its chain of multiplications then overlaps other events' work instead of delaying the
    /// next arrival's place in the event order.
    std::uint64_t m_aheadIndex = kNoAhead;
    SimTime m_aheadGap = 0;
    SimTime m_constantOrigin = 0; ///< constant: arrivals at origin + k / rate
    std::uint64_t m_constantCount = 0;
    std::vector<std::uint64_t> m_iteration; ///< closed: requests sent per client
    std::vector<bool> m_clientActive;       ///< closed: thinking or waiting
    std::vector<EventId> m_thinking;
    std::vector<std::size_t> m_scriptOrder;
    std::vector<EventId> m_phaseEvents;
};

} // namespace reslab
