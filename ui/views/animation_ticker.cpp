#include "animation_ticker.h"

#include <QWidget>

namespace reslab::ui {

AnimationTicker::AnimationTicker(QWidget *view)
    : QObject(view)
    , m_view(view)
{
    m_clock.start();
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(16);
    connect(&m_timer, &QTimer::timeout, this, &AnimationTicker::onTimeout);
}

void AnimationTicker::runUntil(qint64 ms)
{
    if (ms <= m_until && m_timer.isActive())
        return;
    m_until = std::max(m_until, ms);
    if (!m_timer.isActive() && m_until > nowMs())
        m_timer.start();
}

void AnimationTicker::onTimeout()
{
    const qint64 now = nowMs();
    if (now - m_lastFrame > 12) // a controller frame repainted the view just now
        m_view->update();
    if (now > m_until)
        m_timer.stop();
}

} // namespace reslab::ui
