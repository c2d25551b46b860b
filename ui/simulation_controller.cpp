#include "simulation_controller.h"

#include <QElapsedTimer>

#include <algorithm>

namespace reslab::ui {

SimulationController::SimulationController(QObject *parent)
    : QObject(parent)
{
    connect(&m_clock, &PlaybackClock::frame, this,
            [this](double, SimTime step) { advanceFrame(step); });
}

SimulationController::~SimulationController() = default;

SimTime SimulationController::now() const
{
    return m_sim ? m_sim->now() : 0;
}

void SimulationController::setSelectedEdge(const std::string &name)
{
    if (name == m_selectedEdge)
        return;
    m_selectedEdge = name;
    emit selectedEdgeChanged();
    emit frameAdvanced(); // the views redraw for the new edge now, even when paused
}

const EdgeRun *SimulationController::selectedEdge() const
{
    if (!m_sim)
        return nullptr;
    if (!m_selectedEdge.empty()) {
        if (const EdgeRun *e = m_sim->findEdge(m_selectedEdge))
            return e;
    }
    return &m_sim->clientEdge();
}

void SimulationController::load(const Scenario &scenario)
{
    m_scenario = scenario;
    m_seed = scenario.seed;
    restart();
}

void SimulationController::restart()
{
    pause();
    m_events.clear();
    m_hotApplies.clear();
    m_runScenario = m_scenario;
    RunOptions options;
    options.seed = m_seed;
    options.sink = &m_events;
    m_sim = std::make_unique<Simulation>(m_scenario, options);
    emit runReset();
    emit transportChanged();
    emit frameAdvanced();
}

void SimulationController::apply(const Scenario &scenario, bool hot)
{
    const bool keepSeed = scenario.seed == m_scenario.seed;
    m_scenario = scenario;
    if (!keepSeed)
        m_seed = scenario.seed;
    // The views have had the last frame's events: they must not see them twice.
    m_events.clear();
    if (hot && m_sim && m_sim->now() > 0 && !m_sim->finished() && m_sim->reconfigure(scenario)) {
        m_hotApplies.emplace_back(m_sim->now(), scenario);
        emit hotApplied(m_sim->now());
        emit frameAdvanced();
        return;
    }
    const bool wasPlaying = m_clock.isPlaying();
    restart();
    if (wasPlaying)
        play();
}

std::vector<SimTime> SimulationController::hotApplyTimes() const
{
    std::vector<SimTime> t;
    for (const auto &[at, s] : m_hotApplies)
        t.push_back(at);
    return t;
}

void SimulationController::replay(EventSink &sink) const
{
    if (!m_sim)
        return;
    RunOptions options;
    options.seed = m_seed;
    options.sink = &sink;
    Simulation again(m_runScenario, options);
    for (const auto &[at, s] : m_hotApplies) {
        again.advanceTo(at);
        again.reconfigure(s);
    }
    again.advanceTo(m_sim->now());
}

void SimulationController::play()
{
    if (!m_sim || m_sim->finished())
        return;
    m_clock.play();
    emit transportChanged();
}

void SimulationController::pause()
{
    const bool changed = m_clock.isPlaying() || m_clock.isRunningToEnd();
    m_clock.pause();
    if (changed)
        emit transportChanged();
}

void SimulationController::togglePlay()
{
    if (m_clock.isPlaying())
        pause();
    else
        play();
}

void SimulationController::setSpeed(double speed)
{
    if (m_clock.setSpeed(speed))
        emit transportChanged();
}

void SimulationController::setSeed(std::uint64_t seed)
{
    if (seed == m_seed)
        return;
    m_seed = seed;
    m_scenario.seed = seed;
    restart();
}

void SimulationController::reset()
{
    restart();
}

void SimulationController::stepEvent()
{
    if (!m_sim)
        return;
    pause();
    m_events.clear();
    const bool ran = m_sim->step();
    emit frameAdvanced();
    if (!ran || m_sim->finished())
        emit finished();
}

void SimulationController::stepToTransition()
{
    if (!m_sim)
        return;
    pause();
    m_events.clear();
    const auto count = [&] {
        std::uint64_t n = 0;
        for (const auto *b : m_sim->breakers())
            n += b->transitions();
        return n;
    };
    const std::uint64_t before = count();
    // Only the events leading to the transition matter: keep the most recent ones (the requests
    // whose failures tripped the breaker, and the transition itself), never a cleared window.
    m_events.setOverflow(FrameEvents::Overflow::KeepLatest);
    // Bounded so that a scenario whose breaker never moves cannot freeze the window.
    for (int i = 0; i < 5'000'000 && count() == before; ++i) {
        if (!m_sim->step())
            break;
    }
    m_events.setOverflow(FrameEvents::Overflow::KeepFirst);
    emit frameAdvanced();
    if (m_sim->finished())
        emit finished();
}

void SimulationController::runToEnd()
{
    if (!m_sim || m_sim->finished())
        return;
    m_clock.runToEnd();
    emit transportChanged();
}

void SimulationController::advanceWithin(SimTime target, double budgetMs)
{
    QElapsedTimer spent;
    spent.start();
    // Slices small enough to check the budget often, large enough to cost nothing.
    const SimTime slice = std::max<SimTime>(kMicrosPerMilli, (target - m_sim->now()) / 16);
    while (m_sim->now() < target && !m_sim->finished()) {
        m_sim->advanceTo(std::min(target, m_sim->now() + slice));
        if (spent.nsecsElapsed() / 1e6 > budgetMs)
            break;
    }
    m_lastEngineMs = spent.nsecsElapsed() / 1e6;
}

void SimulationController::tick(double wallMs)
{
    advanceFrame(m_clock.virtualFor(wallMs));
}

void SimulationController::advanceFrame(SimTime step)
{
    if (!m_sim)
        return;
    m_events.clear();
    const bool wasLagging = m_lagging;
    if (m_clock.isRunningToEnd()) {
        advanceWithin(m_sim->end(), m_budgetMs);
        m_lagging = false;
    } else {
        const SimTime target = m_sim->now() + step;
        advanceWithin(target, m_budgetMs);
        // Behind schedule: drop the debt rather than let it grow without bound.
        m_lagging = m_sim->now() < target && !m_sim->finished();
    }
    emit frameAdvanced();
    if (m_lagging != wasLagging)
        emit transportChanged();
    if (m_sim->finished()) {
        pause();
        emit finished();
    }
}

} // namespace reslab::ui
