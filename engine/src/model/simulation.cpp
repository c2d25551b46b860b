#include "reslab/model/simulation.h"

#include "reslab/model/graph.h"
#include "reslab/stages/stage_pattern.h"

#include "reslab/stages/fallback_stage.h"
#include "stages/retry/retry_stage.h"
#include "stages/timeout/timeout_stage.h"

#include <chrono>

namespace reslab {
namespace {
constexpr std::uint32_t kBucketBoundary = 1;
constexpr std::size_t kMaxLiveRequests = 2'000'000;

/// The end of an edge: counts the attempts that reach the callee through it.
class EdgeTail final : public Callee
{
public:
    EdgeTail(RunContext &ctx, Callee &callee, std::size_t series)
        : m_ctx(ctx)
        , m_callee(callee)
        , m_series(series)
    {}
    std::uint64_t start(std::uint32_t slot, Caller *caller, std::uint64_t token) override
    {
        m_ctx.recorder.edgeAttempt(m_series, m_ctx.sim.now());
        return m_callee.start(slot, caller, token);
    }
    void cancel(std::uint64_t handle) override { m_callee.cancel(handle); }
    const std::string &name() const override { return m_callee.name(); }

private:
    RunContext &m_ctx;
    Callee &m_callee;
    std::size_t m_series;
};
} // namespace

Simulation::Simulation(const Scenario &scenario, const RunOptions &options)
    : m_scenario(scenario)
    , m_seed(options.seed.value_or(scenario.seed))
    , m_end(std::max<SimTime>(1, fromSeconds(options.durationS.value_or(scenario.durationS))))
    , m_recorder(std::max<SimTime>(1, fromMillis(scenario.bucketMs)), m_end)
    , m_requests(scenario.services.size())
    , m_ctx{m_sim, m_recorder, m_requests, m_seed, options.sink}
{
    std::size_t index = 0;
    for (const auto &[name, spec] : m_scenario.services) {
        const bool isTarget = name == m_scenario.target;
        if (isTarget)
            m_targetIndex = index;
        m_services.push_back(std::make_unique<VirtualService>(m_ctx, spec, index, isTarget));
        ++index;
    }
    m_recorder.gauges.concurrency =
        targetService().concurrency() * static_cast<double>(targetService().replicaCount());

    m_edges.emplace_back();
    m_edges.front().name = "client->" + m_scenario.target;
    m_edges.front().caller = "client";
    m_edges.front().callee = m_scenario.target;
    buildEdge(m_edges.front(), m_scenario.pipeline, targetService(), true);
    buildCallEdges();

    m_recorder.hasBreaker = !breakers().empty();
    if (m_recorder.hasBreaker)
        m_recorder.breakerTime[0].set(0, 1);

    for (auto &s : m_services)
        s->schedulePhases();
    m_load = std::make_unique<LoadGenerator>(m_sim, m_scenario.load, m_seed, m_end,
                                             static_cast<ArrivalSink *>(this));
    m_load->start();
    m_sim.schedule(m_recorder.bucket(), this, kBucketBoundary, 0);
}

Simulation::~Simulation() = default;

void Simulation::buildEdge(EdgeRun &edge, const std::vector<StageSpec> &pipeline, Callee &callee,
                           bool clientEdge)
{
    edge.stages.clear();
    edge.breakers.clear();
    edge.retries.clear();
    edge.fallbacks.clear();
    edge.timeouts.clear();
    const auto service = [this](const std::string &name) -> Callee * {
        return serviceNamed(name);
    };
    for (const StageSpec &spec : pipeline) {
        if (!spec.enabled)
            continue;
        const std::string plain = spec.name.empty() ? std::string(spec.typeName()) : spec.name;
        std::string name = clientEdge ? plain : edge.name + "/" + plain;
        const StageBuild build{.ctx = m_ctx,
                               .name = std::move(name),
                               .primary =
                                   clientEdge && spec.is<BreakerSpec>() && edge.breakers.empty(),
                               .service = service};
        std::unique_ptr<Stage> stage = spec.pattern().create(build, spec);
        stage->setSeries(m_recorder.addStage(edge.name, plain, spec.typeName(), m_sim.now()));
        stage->setEdgeSeries(edge.series);
        if (auto *b = dynamic_cast<CircuitBreakerStage *>(stage.get()))
            edge.breakers.push_back(b);
        else if (auto *r = dynamic_cast<RetryStage *>(stage.get()))
            edge.retries.push_back(r);
        else if (auto *t = dynamic_cast<TimeoutStage *>(stage.get()))
            edge.timeouts.push_back(t);
        else if (auto *f = dynamic_cast<FallbackStage *>(stage.get()))
            edge.fallbacks.push_back(f);
        edge.stages.push_back(std::move(stage));
    }
    for (std::size_t i = 0; i < edge.stages.size(); ++i)
        edge.stages[i]->setInner(
            i + 1 < edge.stages.size() ? static_cast<Callee *>(edge.stages[i + 1].get()) : &callee);
    edge.head = edge.stages.empty() ? &callee : static_cast<Callee *>(edge.stages.front().get());
}

VirtualService *Simulation::serviceNamed(const std::string &name) const
{
    for (const auto &s : m_services) {
        if (s->serviceName() == name)
            return s.get();
    }
    return nullptr;
}

const EdgeRun *Simulation::findEdge(std::string_view name) const
{
    for (const EdgeRun &e : m_edges) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

void Simulation::buildCallEdges()
{
    for (const auto &svc : m_services) {
        const ServiceSpec &spec = m_scenario.services.at(svc->serviceName());
        for (std::size_t i = 0; i < spec.calls.size(); ++i) {
            const CallSpec &call = spec.calls[i];
            EdgeRun &edge = m_edges.emplace_back();
            edge.name = callEdgeName(spec, i);
            edge.caller = spec.name;
            edge.callee = call.to;
            edge.series = m_recorder.addEdge(edge.name);
            edge.tail = std::make_unique<EdgeTail>(m_ctx, *serviceNamed(call.to), edge.series);
            buildEdge(edge, call.pipeline, *edge.tail, false);
        }
    }
    wireCalls(m_scenario);
}

void Simulation::wireCalls(const Scenario &scenario)
{
    // Only once every edge exists: events name an edge through the recorder's copy of its
    // name, which stays where it is once the recorder gains no more edges.
    for (auto &svc : m_services) {
        const ServiceSpec &spec = scenario.services.at(svc->serviceName());
        if (spec.calls.empty())
            continue;
        std::vector<VirtualService::CallRoute> routes;
        for (std::size_t i = 0; i < spec.calls.size(); ++i) {
            const EdgeRun *edge = findEdge(callEdgeName(spec, i));
            routes.push_back({.head = edge->head,
                              .edgeSeries = edge->series,
                              .probability = spec.calls[i].probability,
                              .required = spec.calls[i].required,
                              .stream = RandomStream(m_seed, streamId("edge:" + edge->name)),
                              .edge = m_recorder.edgeSeries()[edge->series].name});
        }
        svc->setCalls(std::move(routes));
    }
}

void Simulation::arrive(std::uint32_t client)
{
    const SimTime now = m_sim.now();
    if (m_requests.live() >= kMaxLiveRequests) {
        // Each live request holds ~100-200 bytes of records: past this the process would run
        // out of memory. Abandon the run with a message rather than crash.
        m_abortReason = "more than " + std::to_string(kMaxLiveRequests) +
                        " requests in flight at t = " + formatSeconds(now) +
                        " s: the service cannot keep up and work piles up without bound "
                        "(add a queue_limit, a timeout with cancel_inner, or lower the load)";
        m_sim.stop();
        return;
    }
    const std::uint64_t id = m_nextRequestId++;
    const std::uint32_t slot = m_requests.open(id, now, client);
    m_recorder.arrival(now);
    ++m_inFlight;
    m_recorder.gauges.inFlight = static_cast<std::uint32_t>(m_inFlight);
    if (m_ctx.sink)
        m_ctx.publish(
            {.time = now, .request = id, .stage = "client", .kind = EventKind::RequestStart});
    m_edges.front().head->start(slot, this, slot);
}

void Simulation::done(std::uint64_t token, Outcome outcome)
{
    const SimTime now = m_sim.now();
    const auto slot = static_cast<std::uint32_t>(token);
    m_recorder.requestEnd(now, outcome, now - m_requests.arrival(slot));
    --m_inFlight;
    m_recorder.gauges.inFlight = static_cast<std::uint32_t>(m_inFlight);
    if (m_ctx.sink)
        m_ctx.publish({.time = now,
                       .request = m_requests.id(slot),
                       .stage = "client",
                       .kind = EventKind::RequestEnd,
                       .outcome = outcome});
    const std::uint32_t client = m_requests.client(slot);
    m_requests.release(slot);
    m_load->requestEnded(client);
}

void Simulation::fire(std::uint32_t, std::uint64_t)
{
    // A bucket boundary: close the bucket now so its gauges are read at the boundary.
    const SimTime now = m_sim.now();
    m_recorder.rollTo(now);
    if (now + m_recorder.bucket() <= m_end)
        m_sim.schedule(now + m_recorder.bucket(), this, kBucketBoundary, 0);
}

void Simulation::advanceTo(SimTime t)
{
    if (m_done)
        return;
    const auto started = std::chrono::steady_clock::now();
    m_sim.runUntil(std::min(t, m_end));
    if (m_sim.now() >= m_end || m_sim.stopped())
        finishRun();
    m_wallMs +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
}

bool Simulation::step()
{
    if (m_done)
        return false;
    const SimTime next = m_sim.nextEventTime();
    if (next < 0 || next > m_end) {
        advanceTo(m_end);
        return false;
    }
    m_sim.step();
    return true;
}

void Simulation::runToEnd()
{
    advanceTo(m_end);
}

namespace {
bool sameShape(const std::vector<StageSpec> &a, const std::vector<StageSpec> &b)
{
    std::vector<const StageSpec *> x, y;
    for (const auto &s : a)
        if (s.enabled)
            x.push_back(&s);
    for (const auto &s : b)
        if (s.enabled)
            y.push_back(&s);
    if (x.size() != y.size())
        return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i]->options.index() != y[i]->options.index() ||
            !x[i]->pattern().sameShape(*x[i], *y[i]))
            return false;
    }
    return true;
}
} // namespace

bool Simulation::reconfigure(const Scenario &next)
{
    if (m_done || next.target != m_scenario.target ||
        next.services.size() != m_scenario.services.size() ||
        next.load.type != m_scenario.load.type)
        return false;
    for (const auto &[name, spec] : next.services) {
        const auto old = m_scenario.services.find(name);
        if (old == m_scenario.services.end())
            return false;
        // The graph's shape belongs to the run: other calls or replicas need a restart.
        const ServiceSpec &was = old->second;
        if (spec.replicas != was.replicas || spec.loadBalancer != was.loadBalancer ||
            spec.callMode != was.callMode || spec.calls.size() != was.calls.size())
            return false;
        for (std::size_t i = 0; i < spec.calls.size(); ++i) {
            if (spec.calls[i].to != was.calls[i].to ||
                !sameShape(was.calls[i].pipeline, spec.calls[i].pipeline))
                return false;
        }
    }
    const SimTime now = m_sim.now();
    for (auto &svc : m_services)
        svc->reconfigure(next.services.at(svc->serviceName()));
    m_recorder.gauges.concurrency =
        targetService().concurrency() * static_cast<double>(targetService().replicaCount());
    m_load->reconfigure(next.load);

    // The calls' edges keep their stages; probabilities and options change in place.
    for (const auto &[name, spec] : next.services) {
        for (std::size_t i = 0; i < spec.calls.size(); ++i) {
            const EdgeRun *edge = findEdge(callEdgeName(spec, i));
            std::size_t k = 0;
            for (const StageSpec &st : spec.calls[i].pipeline) {
                if (st.enabled)
                    edge->stages[k++]->reconfigure(st);
            }
        }
    }
    wireCalls(next);
    EdgeRun &client = m_edges.front();
    if (sameShape(m_scenario.pipeline, next.pipeline)) {
        std::size_t i = 0;
        for (const StageSpec &spec : next.pipeline) {
            if (spec.enabled)
                client.stages[i++]->reconfigure(spec);
        }
    } else {
        for (CircuitBreakerStage *b : client.breakers)
            b->setPrimary(false);
        for (auto &stage : client.stages) {
            m_recorder.retireStage(stage->series(), now);
            m_retired.push_back(std::move(stage));
        }
        m_scenario.pipeline = next.pipeline;
        buildEdge(client, m_scenario.pipeline, targetService(), true);
        // The new first breaker starts closed and is the one the charts follow from now on.
        m_recorder.hasBreaker = m_recorder.hasBreaker || !client.breakers.empty();
        for (std::size_t s = 0; s < 3; ++s)
            m_recorder.breakerTime[s].set(now, s == 0 && !client.breakers.empty() ? 1 : 0);
    }
    // Name, seed, duration and bucket belong to the run: a hot edit leaves them as they were.
    const Scenario old = m_scenario;
    m_scenario = next;
    m_scenario.seed = old.seed;
    m_scenario.durationS = old.durationS;
    m_scenario.bucketMs = old.bucketMs;
    return true;
}

void Simulation::finishRun()
{
    if (m_done)
        return;
    // An abandoned run keeps the buckets it completed.
    m_recorder.rollTo(m_sim.stopped() ? m_sim.now() : m_end);
    m_done = true;
}

Summary Simulation::summary() const
{
    Summary s;
    s.scenario = m_scenario.name;
    s.seed = m_seed;
    s.durationS = toSeconds(m_end);
    s.requests = m_recorder.arrivals();
    const auto &o = m_recorder.outcomes();
    s.success = o[static_cast<std::size_t>(Outcome::Ok)];
    s.fallback = o[static_cast<std::size_t>(Outcome::Fallback)];
    for (int i = 0; i < kOutcomeCount; ++i) {
        if (isFailure(static_cast<Outcome>(i))) {
            s.failureByCause[static_cast<std::size_t>(i)] = o[static_cast<std::size_t>(i)];
            s.failure += o[static_cast<std::size_t>(i)];
        }
    }
    s.inFlight = m_inFlight;
    s.attempts = m_recorder.attempts();
    s.retries = m_recorder.retries();
    // The top-level numbers are the client edge's.
    for (const auto &stage : clientEdge().stages)
        stage->addToSummary(s);
    s.amplification = s.requests ? static_cast<double>(s.attempts) / s.requests : 0.0;
    const LatencyHistogram h = m_recorder.latency();
    s.latencyMean = h.mean() / 1000.0;
    s.latencyP50 = h.quantile(0.5) / 1000.0;
    s.latencyP90 = h.quantile(0.9) / 1000.0;
    s.latencyP99 = h.quantile(0.99) / 1000.0;
    s.latencyP999 = h.quantile(0.999) / 1000.0;
    s.latencyMax = static_cast<double>(h.max()) / 1000.0;
    s.hasBreaker = !breakers().empty();
    if (!breakers().empty()) {
        const auto t = breakers().front()->timeInState();
        for (std::size_t i = 0; i < 3; ++i)
            s.timeInStateS[i] = toSeconds(t[i]);
    }
    const SimTime now = m_sim.now();
    for (const auto &svc : m_services) {
        ServiceTotals t = svc->totals();
        const double busy = svc->busyIntegral(now);
        const double capacity = (svc->concurrency() > 0 ? svc->concurrency() : 1.0) *
                                static_cast<double>(svc->replicaCount());
        t.utilization = now > 0 ? busy / (capacity * static_cast<double>(now)) : 0.0;
        for (std::size_t i = 0; i < svc->replicaCount(); ++i) {
            const VirtualService::Replica &r = svc->replica(i);
            ReplicaTotals &rt = t.replicas[i];
            rt = r.totals();
            const double rc = r.concurrency() > 0 ? r.concurrency() : 1.0;
            rt.utilization =
                now > 0 ? svc->replicaBusyIntegral(i, now) / (rc * static_cast<double>(now)) : 0.0;
        }
        s.services.push_back(t);
    }
    s.graph = usesVersion2(m_scenario);
    if (s.graph) {
        for (const EdgeRun &edge : m_edges) {
            EdgeSummary e;
            e.name = edge.name;
            if (edge.series == Stage::kClientEdge) {
                e.calls = s.requests;
                e.success = s.success;
                e.fallback = s.fallback;
                e.failure = s.failure;
                e.failureByCause = s.failureByCause;
                e.attempts = s.attempts;
                e.retries = s.retries;
                e.rejected = m_recorder.rejectedCount();
                e.latencyP50 = s.latencyP50;
                e.latencyP99 = s.latencyP99;
            } else {
                const EdgeSeries &es = m_recorder.edgeSeries()[edge.series];
                e.calls = es.calls;
                e.success = es.success;
                e.fallback = es.fallback;
                e.failure = es.failure;
                for (int i = 0; i < kOutcomeCount; ++i) {
                    if (isFailure(static_cast<Outcome>(i)))
                        e.failureByCause[static_cast<std::size_t>(i)] =
                            es.outcomes[static_cast<std::size_t>(i)];
                }
                e.attempts = es.attempts;
                e.retries = es.retries;
                e.rejected = es.rejected;
                LatencyHistogram lh = es.latency;
                lh.merge(es.liveLatency);
                e.latencyP50 = lh.quantile(0.5) / 1000.0;
                e.latencyP99 = lh.quantile(0.99) / 1000.0;
            }
            e.amplification = e.calls ? static_cast<double>(e.attempts) / e.calls : 0.0;
            for (const CircuitBreakerStage *b : edge.breakers) {
                EdgeBreakerSummary bs;
                const std::string prefix = edge.series == Stage::kClientEdge ? "" : edge.name + "/";
                bs.stage = b->name().substr(prefix.size());
                bs.transitions = b->transitions();
                bs.rejected = b->rejected();
                const auto t = b->timeInState();
                for (std::size_t i = 0; i < 3; ++i)
                    bs.timeInStateS[i] = toSeconds(t[i]);
                e.breakers.push_back(bs);
            }
            s.edges.push_back(std::move(e));
        }
    }
    s.eventsProcessed = m_sim.eventsProcessed();
    s.wallMs = m_wallMs;
    return s;
}

} // namespace reslab
