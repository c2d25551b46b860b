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
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(16); // ~60 frames per second
    connect(&m_timer, &QTimer::timeout, this, &LockstepClock::onTimer);
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
    if (isFinished())
        return;
    const SimTime from = now();
    const SimTime wanted =
        m_runningToEnd
            ? end() - from
            : static_cast<SimTime>(std::llround(std::max(0.0, wallMs) * kMicrosPerMilli * m_speed));
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
    const bool lagging = !m_runningToEnd && step < wanted && !isFinished();
    if (lagging != m_lagging) {
        m_lagging = lagging;
        emit transportChanged();
    }
}

void LockstepClock::play()
{
    if (isFinished())
        return;
    m_playing = true;
    m_wall.restart();
    if (!m_timer.isActive())
        m_timer.start();
    emit transportChanged();
}

void LockstepClock::pause()
{
    const bool changed = m_playing || m_runningToEnd || m_lagging;
    m_playing = false;
    m_runningToEnd = false;
    m_lagging = false;
    m_timer.stop();
    if (changed)
        emit transportChanged();
}

void LockstepClock::togglePlay()
{
    if (m_playing)
        pause();
    else
        play();
}

void LockstepClock::setSpeed(double speed)
{
    speed = std::clamp(speed, 0.1, 1000.0);
    if (speed == m_speed)
        return;
    m_speed = speed;
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
    m_runningToEnd = true;
    emit transportChanged();
}

void LockstepClock::onTimer()
{
    if (!m_playing)
        return;
    const double wallMs = std::min<double>(m_wall.restart(), 100.0); // a stalled window: no jump
    tick(wallMs);
}

} // namespace reslab::ui
