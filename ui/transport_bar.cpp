#include "transport_bar.h"

#include "simulation_controller.h"

#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>

#include <algorithm>
#include <array>
#include <cmath>

namespace reslab::ui {

double TransportBar::speedForPosition(int position)
{
    return std::pow(10.0, position / 100.0 - 1.0);
}

int TransportBar::positionForSpeed(double speed)
{
    return static_cast<int>(std::lround((std::log10(speed) + 1.0) * 100.0));
}

TransportBar::TransportBar(SimulationController *controller, QWidget *parent)
    : QToolBar(parent)
    , m_controller(controller)
{
    setObjectName("transport");
    setMovable(false);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_play = addAction(style()->standardIcon(QStyle::SP_MediaPlay), QString());
    m_play->setShortcut(Qt::Key_Space);
    connect(m_play, &QAction::triggered, controller, &SimulationController::togglePlay);

    m_step = addAction(style()->standardIcon(QStyle::SP_MediaSeekForward), QString());
    m_step->setShortcut(Qt::Key_Period);
    connect(m_step, &QAction::triggered, controller, &SimulationController::stepEvent);

    m_stepTransition = addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), QString());
    m_stepTransition->setShortcut(Qt::Key_N);
    connect(m_stepTransition, &QAction::triggered, controller,
            &SimulationController::stepToTransition);

    m_reset = addAction(style()->standardIcon(QStyle::SP_MediaSkipBackward), QString());
    m_reset->setShortcut(Qt::Key_R);
    connect(m_reset, &QAction::triggered, controller, &SimulationController::reset);

    m_runToEnd = addAction(style()->standardIcon(QStyle::SP_MediaStop), QString());
    m_runToEnd->setShortcut(Qt::Key_E);
    connect(m_runToEnd, &QAction::triggered, controller, &SimulationController::runToEnd);

    // Speed steps from the keyboard (Run menu): not on the bar, the slider is there.
    m_faster = new QAction(this);
    m_faster->setShortcut(Qt::Key_BracketRight);
    connect(m_faster, &QAction::triggered, this,
            [this] { m_controller->setSpeed(steppedSpeed(m_controller->speed(), true)); });
    m_slower = new QAction(this);
    m_slower->setShortcut(Qt::Key_BracketLeft);
    connect(m_slower, &QAction::triggered, this,
            [this] { m_controller->setSpeed(steppedSpeed(m_controller->speed(), false)); });

    addSeparator();
    m_speedTitle = new QLabel(this);
    addWidget(m_speedTitle);
    m_speed = new QSlider(Qt::Horizontal, this);
    m_speed->setRange(0, 300);
    m_speed->setFixedWidth(160);
    m_speed->setValue(positionForSpeed(controller->speed()));
    addWidget(m_speed);
    m_speedLabel = new QLabel(this);
    m_speedLabel->setMinimumWidth(56);
    addWidget(m_speedLabel);
    connect(m_speed, &QSlider::valueChanged, this,
            [this](int pos) { m_controller->setSpeed(speedForPosition(pos)); });

    addSeparator();
    m_clock = new QLabel(this);
    m_clock->setObjectName("clock");
    m_clock->setMinimumWidth(190);
    QFont mono = m_clock->font();
    mono.setFamily("monospace");
    mono.setStyleHint(QFont::Monospace);
    m_clock->setFont(mono);
    addWidget(m_clock);
    m_lag = new QLabel(this);
    m_lag->setStyleSheet("color: #b35900;");
    addWidget(m_lag);

    addSeparator();
    m_seedTitle = new QLabel(this);
    addWidget(m_seedTitle);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 2147483647);
    addWidget(m_seed);
    connect(m_seed, &QSpinBox::editingFinished, this,
            [this] { m_controller->setSeed(static_cast<std::uint64_t>(m_seed->value())); });

    connect(controller, &SimulationController::transportChanged, this, &TransportBar::refresh);
    connect(controller, &SimulationController::frameAdvanced, this, &TransportBar::refreshClock);
    connect(controller, &SimulationController::runReset, this, &TransportBar::refresh);
    retranslate();
}

void TransportBar::retranslate()
{
    setWindowTitle(tr("Transport"));
    m_play->setToolTip(tr("Play / pause in real time x speed (Space)"));
    m_step->setText(tr("Step"));
    m_step->setToolTip(tr("Run exactly the next event (.)"));
    m_stepTransition->setText(tr("Next transition"));
    m_stepTransition->setToolTip(tr("Run until the breaker changes state (N)"));
    m_reset->setText(tr("Reset"));
    m_reset->setToolTip(tr("Start the run again from t = 0 (R)"));
    m_runToEnd->setText(tr("Run to end"));
    m_runToEnd->setToolTip(tr("Simulate the rest of the run as fast as possible (E)"));
    m_faster->setText(tr("Faster"));
    m_faster->setToolTip(tr("Double the speed, roughly: 1-2-5 steps up to 1000x (])"));
    m_slower->setText(tr("Slower"));
    m_slower->setToolTip(tr("Halve the speed, roughly: 1-2-5 steps down to 0.1x ([)"));
    m_speedTitle->setText(tr(" Speed "));
    m_speed->setToolTip(tr("Virtual seconds per wall second, 0.1x to 1000x (log scale)"));
    m_clock->setToolTip(tr("Simulated time / length of the run"));
    m_lag->setToolTip(tr("The engine cannot keep up with this speed: time runs slower than asked"));
    m_seedTitle->setText(tr(" Seed "));
    m_seed->setToolTip(tr("The run is a pure function of (scenario, seed): change it to see "
                          "other luck, keep it to compare configurations honestly"));
    refresh(); // Play / Pause, the lag note
}

void TransportBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QToolBar::changeEvent(event);
}

double TransportBar::steppedSpeed(double speed, bool up)
{
    // A speed between two steps goes to the next one in the asked direction.
    static constexpr std::array<double, 13> kSteps = {0.1, 0.2, 0.5, 1,   2,   5,   10,
                                                      20,  50,  100, 200, 500, 1000};
    constexpr double eps = 1e-9;
    if (up) {
        const auto it = std::find_if(kSteps.begin(), kSteps.end(),
                                     [&](double s) { return s > speed * (1 + eps); });
        return it == kSteps.end() ? kSteps.back() : *it;
    }
    const auto it = std::find_if(kSteps.rbegin(), kSteps.rend(),
                                 [&](double s) { return s < speed * (1 - eps); });
    return it == kSteps.rend() ? kSteps.front() : *it;
}

void TransportBar::refresh()
{
    const bool playing = m_controller->isPlaying();
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    const double speed = m_controller->speed();
    m_speedLabel->setText(speed < 1 ? QString("%1x").arg(speed, 0, 'f', 1)
                                    : QString("%1x").arg(speed, 0, 'g', 3));
    const QSignalBlocker block(m_speed);
    m_speed->setValue(positionForSpeed(speed));
    if (!m_seed->hasFocus()) {
        const QSignalBlocker blockSeed(m_seed);
        m_seed->setValue(
            static_cast<int>(std::min<std::uint64_t>(m_controller->seed(), 2147483647)));
    }
    m_lag->setText(m_controller->lagging() ? tr(" engine at its limit ") : QString());
    refreshClock();
}

void TransportBar::refreshClock()
{
    const Simulation *sim = m_controller->simulation();
    if (!sim) {
        m_clock->clear();
        return;
    }
    m_clock->setText(QString(" t = %1 s / %2 s ")
                         .arg(toSeconds(sim->now()), 8, 'f', 3)
                         .arg(toSeconds(sim->end()), 0, 'f', 0));
    const bool done = sim->finished();
    m_play->setEnabled(!done);
    m_step->setEnabled(!done);
    m_stepTransition->setEnabled(!done);
    m_runToEnd->setEnabled(!done);
}

} // namespace reslab::ui
