#include "playback_clock.h"

#include <algorithm>
#include <cmath>

namespace reslab::ui {

PlaybackClock::PlaybackClock(QObject *parent)
    : QObject(parent)
{
    m_elapsed.start();
    m_wallClock = [this] { return m_elapsed.elapsed(); };
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(16); // ~60 frames per second
    connect(&m_timer, &QTimer::timeout, this, &PlaybackClock::onTimer);
}

SimTime PlaybackClock::virtualFor(double wallMs) const
{
    return static_cast<SimTime>(
        std::llround(std::max(0.0, wallMs) * static_cast<double>(kMicrosPerMilli) * m_speed));
}

void PlaybackClock::play()
{
    m_playing = true;
    m_lastFrame = m_wallClock();
    m_pendingWallMs = 0;
    m_pendingStep = 0;
    if (!m_timer.isActive())
        m_timer.start();
}

void PlaybackClock::runToEnd()
{
    m_runningToEnd = true;
    play();
}

void PlaybackClock::pause()
{
    m_playing = false;
    m_runningToEnd = false;
    m_timer.stop();
}

bool PlaybackClock::setSpeed(double speed)
{
    speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (speed == m_speed)
        return false;
    if (m_playing) {
        // The frame so far was played at the old speed.
        const qint64 now = m_wallClock();
        const double wallMs = static_cast<double>(now - m_lastFrame);
        m_pendingWallMs += wallMs;
        m_pendingStep += virtualFor(wallMs);
        m_lastFrame = now;
    }
    m_speed = speed;
    return true;
}

void PlaybackClock::setWallClock(WallClock clock)
{
    m_wallClock = std::move(clock);
    m_lastFrame = m_wallClock();
}

void PlaybackClock::onTimer()
{
    if (!m_playing)
        return;
    const qint64 now = m_wallClock();
    const double sinceChange = static_cast<double>(now - m_lastFrame);
    double wallMs = m_pendingWallMs + sinceChange;
    SimTime step = m_pendingStep + virtualFor(sinceChange);
    if (wallMs > kMaxFrameMs) { // a stalled window: no jump
        step = m_pendingWallMs == 0 ? virtualFor(kMaxFrameMs)
                                    : static_cast<SimTime>(std::llround(
                                          static_cast<double>(step) * kMaxFrameMs / wallMs));
        wallMs = kMaxFrameMs;
    }
    m_lastFrame = now;
    m_pendingWallMs = 0;
    m_pendingStep = 0;
    emit frame(wallMs, step);
}

void PlaybackClock::tick(double wallMs)
{
    if (m_playing)
        emit frame(wallMs, virtualFor(wallMs));
}

} // namespace reslab::ui
