#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>

class QWidget;

namespace reslab::ui {

/// Repaints a view at about 60 frames per second while one of its animations runs, and not at
/// all otherwise. While the simulation plays, the controller's frames already repaint the view;
/// the ticker covers what outlives them (a token still travelling after a pause or a single step)
/// and stays quiet when a frame has just repainted.
class AnimationTicker final : public QObject
{
    Q_OBJECT

public:
    explicit AnimationTicker(QWidget *view);

    /// Wall-clock milliseconds since the ticker was created (the views' animation clock).
    qint64 nowMs() const { return m_clock.elapsed(); }
    /// Keeps repainting until `ms` (nowMs() scale).
    void runUntil(qint64 ms);
    /// The controller's frame has just repainted the view.
    void frameRepainted() { m_lastFrame = nowMs(); }

private:
    void onTimeout();

    QWidget *m_view;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_until = 0;
    qint64 m_lastFrame = -1000;
};

} // namespace reslab::ui
