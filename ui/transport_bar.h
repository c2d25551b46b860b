#pragma once

#include <QToolBar>

class QAction;
class QLabel;
class QSlider;
class QSpinBox;

namespace reslab::ui {

class SimulationController;

/// Play/Pause (Space), Step (next event; next breaker transition), Reset, Run to end, speed
/// 0.1x-1000x on a log slider, the simulated clock and the seed.
class TransportBar final : public QToolBar
{
    Q_OBJECT

public:
    explicit TransportBar(SimulationController *controller, QWidget *parent = nullptr);

    QAction *playAction() const { return m_play; }
    QAction *stepAction() const { return m_step; }
    QAction *stepTransitionAction() const { return m_stepTransition; }
    QAction *resetAction() const { return m_reset; }
    QAction *runToEndAction() const { return m_runToEnd; }
    /// Speed one step up / down the 1-2-5 series (0.1x .. 1000x): ] and [.
    QAction *fasterAction() const { return m_faster; }
    QAction *slowerAction() const { return m_slower; }
    /// The next speed of the 1-2-5 series above (`up`) or below `speed`, clamped to 0.1..1000.
    static double steppedSpeed(double speed, bool up);
    QSlider *speedSlider() const { return m_speed; }
    QSpinBox *seedBox() const { return m_seed; }
    QLabel *clockLabel() const { return m_clock; }

    /// Slider position (0..300) <-> speed 10^(pos/100 - 1): 0.1x .. 1000x.
    static double speedForPosition(int position);
    static int positionForSpeed(double speed);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();
    void refreshClock();

    SimulationController *m_controller;
    QAction *m_play;
    QAction *m_step;
    QAction *m_stepTransition;
    QAction *m_reset;
    QAction *m_runToEnd;
    QAction *m_faster;
    QAction *m_slower;
    QSlider *m_speed;
    QLabel *m_speedTitle;
    QLabel *m_speedLabel;
    QLabel *m_clock;
    QLabel *m_lag;
    QLabel *m_seedTitle;
    QSpinBox *m_seed;
};

} // namespace reslab::ui
