#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>

#include "reslab/kernel/ring_queue.h"
#include "reslab/model/scenario.h"
#include "reslab/model/stage.h"

namespace reslab {

/// A simulated dependency: failure rate, latency distribution (errors may have their own),
/// slowdown under load, `concurrency` servers with a FIFO queue of `queue_limit` (`overloaded`
/// beyond it), phases over time, and scripted outcomes. Work abandoned by a caller keeps its
/// server busy unless the caller cancels it.
class VirtualService final : public Callee, public EventTarget
{
public:
    VirtualService(RunContext &ctx, const ServiceSpec &spec, std::size_t index, bool isTarget);

    std::uint64_t start(std::uint32_t slot, Caller *caller, std::uint64_t token) override;
    void cancel(std::uint64_t handle) override;
    const std::string &name() const override { return m_label; }
    void fire(std::uint32_t kind, std::uint64_t arg) override;

    /// Schedules the phase changes (call once, at time 0).
    void schedulePhases();
    /// New numbers from an edited scenario: the base numbers with every phase up to now applied,
    /// and the phases still to come scheduled. Attempts in service keep their drawn outcome.
    void reconfigure(const ServiceSpec &spec);

    std::uint32_t inService() const { return m_inService; }
    std::uint32_t queueLength() const { return m_queued; }
    int concurrency() const { return m_concurrency; }
    /// The queue limit in force now (phases and edits included); empty: unbounded.
    std::optional<std::int64_t> queueLimit() const { return m_queueLimit; }
    double failureRate() const { return m_failureRate; }
    const ServiceTotals &totals() const { return m_totals; }
    /// Total attempt-µs spent in service, for utilisation.
    double busyIntegral(SimTime now);
    const std::string &serviceName() const { return m_spec.name; }

    /// Latency sample (ms) from a distribution, a pure function of one random word
    /// (RandomStream::bits): the top 53 bits for uniform, the ziggurat samplers of random.h for
    /// exponential, normal (clamped at 0) and lognormal (median * exp(sigma * Z)).
    static double sampleLatencyMs(const LatencySpec &spec, std::uint64_t word);
    /// The same with the lognormal's sigma computed beforehand (the same double).
    static double sampleLatencyMs(const LatencySpec &spec, double sigma, std::uint64_t word);
    /// The lognormal's sigma, log(p99 / median) / z99 (0 unless p99 > median).
    static double lognormalSigma(const LatencySpec &spec);

    /// The median, 99th percentile and mean (ms) of the latency that sampleLatencyMs() draws,
    /// exactly (the normal's clamp at 0 included: its mean is mu Phi(mu/s) + s phi(mu/s)).
    struct LatencyStats
    {
        double p50 = 0;
        double p99 = 0;
        double mean = 0;
    };
    static LatencyStats latencyStats(const LatencySpec &spec);
    /// The same for a `latency_ms` object of a scenario file; nullopt when it names no known
    /// distribution or lacks one of its numbers (the validator says which).
    static std::optional<LatencyStats> latencyStats(const nlohmann::json &dist);

private:
    enum : std::uint32_t
    {
        kDone = 1,
        kPhase = 2,
        kOverloaded = 3
    };
    struct Frame
    {
        Caller *caller = nullptr;
        std::uint64_t token = 0;
        std::uint32_t slot = 0;
        std::uint32_t attempt = 0;
        std::uint64_t latencyWord = 0; ///< queued: its latency draw, taken when it queued
        EventId doneEvent;             ///< queued in the simulator, unless inLane
        Outcome outcome = Outcome::Ok;
        bool inLane = false; ///< the done event waits in m_lane
        bool queued = false;
        bool inService = false;
        bool cancelled = false;
    };

    /// Recomputes the cached sigmas after m_latency or m_errorLatency changed.
    void updateSigmas();
    /// `latencyWord`: the attempt's draw 1, RandomStream::bits(request id, attempt, 1).
    void beginService(std::uint32_t frame, std::uint64_t latencyWord);
    void finish(std::uint32_t frame, bool answer);
    void startQueued();
    void applyPhase(const ServicePhase &phase);

    RunContext &m_ctx;
    ServiceSpec m_spec;
    std::string m_label; ///< "service:NAME"
    std::size_t m_index;
    bool m_isTarget;
    RandomStream m_rng;
    /// Holds one attempt's done event beside the simulator's queue (a lane): whichever attempt
    /// starts while it is free. A single-server service never needs the queue.
    Simulator::LaneId m_lane;
    FramePool<Frame> m_frames;
    RingQueue<std::uint32_t> m_queue; ///< frame indices; cancelled ones are skipped lazily
    std::uint32_t m_queued = 0;
    std::uint32_t m_inService = 0;
    std::size_t m_scriptPos = 0;
    std::vector<EventId> m_phaseEvents;
    TimeWeighted m_busy;
    double m_busyTotal = 0;

    // current numbers (phases change them)
    double m_failureRate;
    LatencySpec m_latency;
    std::optional<LatencySpec> m_errorLatency;
    double m_latencySigma = 0;      ///< lognormalSigma(m_latency)
    double m_errorLatencySigma = 0; ///< lognormalSigma(*m_errorLatency)
    int m_concurrency;
    std::optional<std::int64_t> m_queueLimit;
    double m_latencyPerInflightMs;
    ServiceTotals m_totals;
};

} // namespace reslab
