#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>

#include "reslab/kernel/random.h"
#include "reslab/kernel/ring_queue.h"
#include "reslab/model/scenario.h"
#include "reslab/model/stage.h"

namespace reslab {

/// A simulated dependency: failure rate, latency distribution (errors may have their own),
/// slowdown under load, `concurrency` servers with a FIFO queue of `queue_limit` (`overloaded`
/// beyond it), phases over time, and scripted outcomes. Work abandoned by a caller keeps its
/// server busy unless the caller cancels it.
///
/// Version 2 adds `replicas` (identical instances, each with its own servers, queue, slowdown
/// and phase state, one picked per attempt by the load balancer) and `calls`: an attempt whose
/// own work succeeded makes its calls (each through its edge's pipeline) while it keeps its
/// server, and answers when they are done. Every replica draws from the service's one stream,
/// keyed by (request, attempt): the luck of an attempt does not depend on the replica it lands on.
class VirtualService final : public Callee, public Caller, public EventTarget
{
public:
    VirtualService(RunContext &ctx, const ServiceSpec &spec, std::size_t index, bool isTarget);
    VirtualService(const VirtualService &) = delete;
    VirtualService &operator=(const VirtualService &) = delete;

    std::uint64_t start(std::uint32_t slot, Caller *caller, std::uint64_t token) override;
    void cancel(std::uint64_t handle) override;
    const std::string &name() const override { return m_label; }
    void fire(std::uint32_t kind, std::uint64_t arg) override;
    /// The answer of one of an attempt's calls.
    void done(std::uint64_t token, Outcome outcome) override;

    /// One call of this service, wired: the head of its edge's pipeline and what it counts into.
    struct CallRoute
    {
        Callee *head = nullptr;
        std::size_t edgeSeries = 0; ///< RunRecorder::addEdge
        double probability = 1;
        bool required = true;
        RandomStream stream;   ///< "edge:NAME": whether an attempt makes the call
        std::string_view edge; ///< its name, for events (owned by the run's recorder)
    };
    /// The service's calls, in `calls` order (the simulation wires them after building every
    /// service and edge).
    void setCalls(std::vector<CallRoute> calls);

    /// Schedules the phase changes (call once, at time 0).
    void schedulePhases();
    /// New numbers from an edited scenario: the base numbers with every phase up to now applied,
    /// and the phases still to come scheduled. Attempts in service keep their drawn outcome.
    /// The replicas and calls must be those it was built with (the simulation checks).
    void reconfigure(const ServiceSpec &spec);

    /// One instance of the service.
    class Replica final : public GaugeSource
    {
    public:
        std::uint32_t inService() const { return m_inService; }
        std::uint32_t queueLength() const { return m_queued; }
        std::uint32_t outstanding() const { return m_inService + m_queued; }
        int concurrency() const { return m_concurrency; }
        ReplicaState state() const { return m_state; }
        const ReplicaTotals &totals() const { return m_totals; }
        void readGauges(std::uint32_t &inFlight, std::uint32_t &queueLen,
                        double &capacity) const override;

    private:
        friend class VirtualService;
        int m_index = 0;
        Simulator::LaneId m_lane = 0;
        RingQueue<std::uint32_t> m_queue; ///< frame indices; cancelled ones are skipped lazily
        std::uint32_t m_queued = 0;
        std::uint32_t m_inService = 0;
        std::vector<EventId> m_phaseEvents;
        TimeWeighted m_busy;
        double m_busyTotal = 0;
        std::size_t m_series = 0; ///< RunRecorder::addReplica
        // current numbers (phases change them)
        double m_failureRate = 0;
        LatencySpec m_latency;
        std::optional<LatencySpec> m_errorLatency;
        double m_latencySigma = 0;      ///< lognormalSigma(m_latency)
        double m_errorLatencySigma = 0; ///< lognormalSigma(*m_errorLatency)
        int m_concurrency = 0;
        std::optional<std::int64_t> m_queueLimit;
        double m_latencyPerInflightMs = 0;
        ReplicaState m_state = ReplicaState::Up;
        ReplicaTotals m_totals;
    };
    std::size_t replicaCount() const { return m_replicas.size(); }
    const Replica &replica(std::size_t i) const { return m_replicas[i]; }

    /// Attempts holding a server (in their own work, waiting on calls, or hanging), all replicas.
    std::uint32_t inService() const;
    /// Attempts waiting in the queues, all replicas.
    std::uint32_t queueLength() const;
    /// The concurrency of one replica in force now (0: unlimited).
    int concurrency() const { return m_replicas.front().m_concurrency; }
    /// The queue limit in force now (phases and edits included); empty: unbounded.
    std::optional<std::int64_t> queueLimit() const { return m_replicas.front().m_queueLimit; }
    double failureRate() const { return m_replicas.front().m_failureRate; }
    const ServiceTotals &totals() const { return m_totals; }
    /// Total attempt-µs spent in service, for utilisation (all replicas).
    double busyIntegral(SimTime now);
    /// One replica's.
    double replicaBusyIntegral(std::size_t replica, SimTime now);
    const std::string &serviceName() const { return m_spec.name; }
    const ServiceSpec &spec() const { return m_spec; }

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
        kOverloaded = 3, ///< also a refused attempt's immediate answer
    };
    struct Frame
    {
        Caller *caller = nullptr;
        std::uint64_t token = 0;
        std::uint32_t slot = 0;
        std::uint32_t attempt = 0;
        std::uint64_t latencyWord = 0; ///< queued: its latency draw, taken when it queued
        EventId doneEvent;             ///< queued in the simulator, unless inLane
        std::uint32_t nextCall = 0;    ///< sequential calls: the next one to consider
        std::uint32_t pending = 0;     ///< calls in flight
        std::uint16_t replica = 0;
        Outcome outcome = Outcome::Ok;
        bool live = false;
        bool inLane = false; ///< the done event waits in the replica's lane
        bool queued = false;
        bool inService = false;
        bool cancelled = false;
        bool hung = false;     ///< in service on a hanging replica: no done event
        bool calling = false;  ///< its own work is done; its calls are running
        bool answered = false; ///< answered while calls still run (abandoned calls)
        bool degraded = false;
    };
    /// One call of one attempt.
    struct CallSlot
    {
        std::uint64_t handle = 0;
        SimTime started = 0;
        bool pending = false;
    };

    std::uint32_t pickReplica(std::uint32_t slot, std::uint32_t attempt);
    static void updateSigmas(Replica &r);
    /// `latencyWord`: the attempt's draw 1, RandomStream::bits(request id, attempt, 1).
    void beginService(std::uint32_t frame, std::uint64_t latencyWord);
    void finish(std::uint32_t frame, bool answer);
    /// The attempt leaves its server (busy gauges included).
    void releaseServer(Frame &f, Replica &r, SimTime now);
    void startQueued(Replica &r);
    void applyPhase(Replica &r, const ServicePhase &phase);
    void schedulePhasesOf(Replica &r);
    static bool appliesTo(const ServicePhase &phase, int replica);
    /// The replica stops answering (state `refuse`): every attempt on it ends with `error` now.
    void refuseAll(Replica &r);
    void setQueueGauge();
    // calls
    CallSlot &callSlot(std::uint32_t frame, std::uint32_t k)
    {
        return m_callSlots[static_cast<std::size_t>(frame) * m_calls.size() + k];
    }
    void makeCalls(std::uint32_t frame);
    void nextSequentialCall(std::uint32_t frame);
    /// Whether attempt `frame` makes call `k` (its probability).
    bool makesCall(std::uint32_t frame, std::uint32_t k);
    void startCall(std::uint32_t frame, std::uint32_t k);
    /// Answers the attempt while calls of it still run; the frame stays until they end.
    void answerEarly(std::uint32_t frame, Outcome outcome);
    void cancelCalls(std::uint32_t frame);
    void freeFrame(std::uint32_t frame);

    RunContext &m_ctx;
    ServiceSpec m_spec;
    std::string m_label; ///< "service:NAME"
    std::size_t m_index;
    bool m_isTarget;
    RandomStream m_rng;
    RandomStream m_lbRng; ///< "lb:NAME": the random and p2c balancers
    std::vector<Replica> m_replicas;
    std::uint64_t m_roundRobin = 0;
    FramePool<Frame> m_frames;
    std::size_t m_scriptPos = 0;
    std::vector<CallRoute> m_calls;
    std::vector<CallSlot> m_callSlots; ///< frame index x calls
    ServiceTotals m_totals;
};

} // namespace reslab
