#pragma once

#include "reslab/kernel/simulator.h"
#include "reslab/metrics/metrics.h"
#include "reslab/metrics/run_recorder.h"
#include "reslab/model/load_generator.h"
#include "reslab/model/scenario.h"
#include "reslab/model/stage.h"
#include "reslab/model/virtual_service.h"
#include "reslab/stages/circuit_breaker_stage.h"

#include <memory>
#include <optional>
#include <vector>

namespace reslab {

class FallbackStage;
class RetryStage;
class TimeoutStage;

struct RunOptions
{
    std::optional<std::uint64_t> seed; ///< overrides the scenario's
    std::optional<double> durationS;   ///< overrides the scenario's
    EventSink *sink = nullptr;         ///< events as they happen (events.csv, the GUI)
};

/// One edge of a run: a caller's pipeline to its callee, outermost stage first. A version-1
/// scenario has one edge, `client->TARGET`, whose stages keep their version-1 names; stages of
/// other edges are named `EDGE/STAGE`, so their random streams differ.
struct EdgeRun
{
    std::string name;   ///< "client->payments"
    std::string caller; ///< "client" or the calling service
    std::string callee; ///< the called service
    /// Its series in the recorder (RunRecorder::edgeSeries); Stage::kClientEdge for the
    /// client's, whose numbers are the run's own (timeseries.csv).
    std::size_t series = Stage::kClientEdge;
    std::unique_ptr<Callee> tail; ///< counts the edge's attempts in front of the callee
    std::vector<std::unique_ptr<Stage>> stages;  ///< enabled stages, outermost first
    std::vector<CircuitBreakerStage *> breakers; ///< the first one is the edge's primary breaker
    std::vector<RetryStage *> retries;
    std::vector<FallbackStage *> fallbacks;
    std::vector<TimeoutStage *> timeouts;
    Callee *head = nullptr; ///< the outermost stage, or the callee itself
};

/// One run of a scenario: the simulator, its services, the pipeline and the load, wired together.
/// The GUI drives it in slices (advanceTo), the CLI runs it to the end; both read the same
/// buckets and summary. A run is a pure function of (scenario, seed).
///
///     Simulation sim(scenario);
///     sim.runToEnd();
///     Summary s = sim.summary();
class Simulation final : private Caller, private EventTarget, private ArrivalSink
{
public:
    explicit Simulation(const Scenario &scenario, const RunOptions &options = {});
    ~Simulation();
    Simulation(const Simulation &) = delete;
    Simulation &operator=(const Simulation &) = delete;

    /// Runs every event up to `t` (at most the end of the run).
    void advanceTo(SimTime t);
    /// Runs the next event; false when the run is over.
    bool step();
    void runToEnd();
    /// Applies an edited scenario from now on (the GUI's hot-apply): services and load take the
    /// new numbers (with the new phases still to come), stages keep their state and take their new
    /// parameters; if the pipeline's shape changed, new requests go through a new pipeline while
    /// requests in flight finish on the old one. Returns false, changing nothing, when the edit
    /// cannot apply to a running simulation (other services or target, another load type): the
    /// caller then restarts.
    bool reconfigure(const Scenario &next);
    bool finished() const { return m_sim.now() >= m_end || m_done; }
    /// Why the run was abandoned before its end (empty if it was not): more requests in flight
    /// than memory allows (limits::kMaxLiveRequests).
    const std::string &abortReason() const { return m_abortReason; }

    SimTime now() const { return m_sim.now(); }
    SimTime end() const { return m_end; }
    std::uint64_t seed() const { return m_seed; }
    const Scenario &scenario() const { return m_scenario; }
    const RunRecorder &recorder() const { return m_recorder; }
    const Simulator &simulator() const { return m_sim; }
    std::uint64_t inFlight() const { return m_inFlight; }

    /// Whole-run numbers so far (final once finished()).
    Summary summary() const;

    /// The run's edges; the first is the client's (`client->TARGET`).
    const std::vector<EdgeRun> &edges() const { return m_edges; }
    const EdgeRun &clientEdge() const { return m_edges.front(); }
    /// The client edge's breakers, outermost first (the first one is drawn in the charts).
    const std::vector<CircuitBreakerStage *> &breakers() const { return clientEdge().breakers; }
    const std::vector<RetryStage *> &retries() const { return clientEdge().retries; }
    const std::vector<FallbackStage *> &fallbacks() const { return clientEdge().fallbacks; }
    const std::vector<TimeoutStage *> &timeouts() const { return clientEdge().timeouts; }
    const std::vector<std::unique_ptr<VirtualService>> &services() const { return m_services; }
    /// The edge named `name` ("gateway->reviews"), or nullptr.
    const EdgeRun *findEdge(std::string_view name) const;
    VirtualService &targetService() const { return *m_services[m_targetIndex]; }

private:
    void done(std::uint64_t token, Outcome outcome) override;
    void fire(std::uint32_t kind, std::uint64_t arg) override;
    void arrive(std::uint32_t client) override;
    void finishRun();
    /// Builds `edge` from `pipeline` in front of `callee` (client edge: version-1 stage names).
    void buildEdge(EdgeRun &edge, const std::vector<StageSpec> &pipeline, Callee &callee,
                   bool clientEdge);
    /// The edges of the services' calls (version 2), and each service's call routes.
    void buildCallEdges();
    /// Gives every service its call routes (edge heads, probabilities) from `scenario`.
    void wireCalls(const Scenario &scenario);
    VirtualService *serviceNamed(const std::string &name) const;

    Scenario m_scenario;
    std::uint64_t m_seed;
    SimTime m_end;
    Simulator m_sim;
    RunRecorder m_recorder;
    RequestTable m_requests;
    RunContext m_ctx;
    std::vector<std::unique_ptr<VirtualService>> m_services;
    std::size_t m_targetIndex = 0;
    std::vector<EdgeRun> m_edges;                  ///< the client edge first
    std::vector<std::unique_ptr<Stage>> m_retired; ///< replaced by reconfigure(), still draining
    std::unique_ptr<LoadGenerator> m_load;
    std::uint64_t m_nextRequestId = 0;
    std::uint64_t m_inFlight = 0;
    bool m_done = false;
    std::string m_abortReason;
    double m_wallMs = 0;
};

} // namespace reslab
