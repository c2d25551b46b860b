#include "lockstep_clock.h"

#include "simulation_controller.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace reslab::ui {

LockstepClock::LockstepClock(SimulationController *a, SimulationController *b, QObject *parent)
    : QObject(parent)
    , m_a(a)
    , m_b(b)
{
    connect(&m_clock, &PlaybackClock::frame, this,
            [this](double, SimTime step) { advanceFrame(step); });
    for (SimulationController *c : {m_a, m_b}) {
        // The controllers advance exactly as far as this clock says, each frame.
        c->pause();
        c->setSpeed(1.0);
        c->setFrameBudgetMs(std::numeric_limits<double>::infinity());
    }
}

SimTime LockstepClock::now() const
{
    return std::max(m_a->now(), m_b->now());
}

SimTime LockstepClock::end() const
{
    SimTime end = 0;
    for (const SimulationController *c : {m_a, m_b})
        if (const Simulation *sim = c->simulation())
            end = std::max(end, sim->end());
    return end;
}

bool LockstepClock::isFinished() const
{
    for (const SimulationController *c : {m_a, m_b})
        if (c->simulation() && !c->simulation()->finished())
            return false;
    return true;
}

void LockstepClock::advanceTo(SimTime t)
{
    const bool wasFinished = isFinished();
    m_lastEngineMs = 0;
    for (SimulationController *c : {m_a, m_b}) {
        const Simulation *sim = c->simulation();
        if (!sim || sim->finished() || sim->now() >= t)
            continue;
        // At speed 1 and an unbounded budget, tick(ms) advances by exactly that much time.
        c->setSpeed(1.0);
        c->setFrameBudgetMs(std::numeric_limits<double>::infinity());
        c->tick(static_cast<double>(t - sim->now()) / kMicrosPerMilli);
        m_lastEngineMs += c->lastFrameEngineMs();
    }
    emit frameAdvanced();
    if (isFinished() && !wasFinished) {
        pause();
        emit finished();
    }
}

void LockstepClock::tick(double wallMs)
{
    advanceFrame(m_clock.virtualFor(wallMs));
}

void LockstepClock::advanceFrame(SimTime paced)
{
    if (isFinished())
        return;
    const SimTime from = now();
    const SimTime wanted = m_clock.isRunningToEnd() ? end() - from : paced;
    const SimTime step = std::min(wanted, m_maxStep);
    advanceTo(from + step);
    // The engines' time only: the views redraw once per frame whatever the step.
    const double ms = m_lastEngineMs;
    // Learn how much virtual time fits in a frame: shrink at once, grow gently.
    if (ms > m_budgetMs)
        m_maxStep = std::max<SimTime>(
            kMicrosPerMilli, static_cast<SimTime>(static_cast<double>(step) * m_budgetMs / ms));
    else if (step == m_maxStep && ms < m_budgetMs / 2)
        m_maxStep = std::min<SimTime>(m_maxStep * 2, 3600 * kMicrosPerSecond);
    const bool lagging = !m_clock.isRunningToEnd() && step < wanted && !isFinished();
    if (lagging != m_lagging) {
        m_lagging = lagging;
        emit transportChanged();
    }
}

void LockstepClock::play()
{
    if (isFinished())
        return;
    m_clock.play();
    emit transportChanged();
}

void LockstepClock::pause()
{
    const bool changed = m_clock.isPlaying() || m_clock.isRunningToEnd() || m_lagging;
    m_clock.pause();
    m_lagging = false;
    if (changed)
        emit transportChanged();
}

void LockstepClock::togglePlay()
{
    if (m_clock.isPlaying())
        pause();
    else
        play();
}

void LockstepClock::setSpeed(double speed)
{
    if (m_clock.setSpeed(speed))
        emit transportChanged();
}

void LockstepClock::reset()
{
    pause();
    m_a->reset();
    m_b->reset();
    emit frameAdvanced();
    emit transportChanged();
}

void LockstepClock::runToEnd()
{
    if (isFinished())
        return;
    play();
    m_clock.runToEnd();
    emit transportChanged();
}

} // namespace reslab::ui
