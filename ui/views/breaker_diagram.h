#pragma once

#include "reslab/policies/breaker_policy.h"

#include <QColor>
#include <QString>
#include <QWidget>

#include <deque>
#include <vector>

class QPainter;
class QPainterPath;

namespace reslab::ui {

class AnimationTicker;
class StagePicker;
class SimulationController;

/// A circuit breaker as a state diagram (the first of the pipeline, or the one chosen in the
/// corner when there are several): Closed, Open and Half-open as three
/// nodes with the legal transitions as arrows, the current state lit in its colour, a token
/// travelling along the arrow of each transition (~400 ms of wall time), and beside it the
/// policy's live counters as the engine computed them (BreakerView): consecutive failures,
/// half-open successes and trials, failure / slow-call rates against their thresholds with the
/// window filling up, and in Open a countdown ring to half-open.
class BreakerDiagram final : public QWidget
{
    Q_OBJECT

public:
    explicit BreakerDiagram(SimulationController *controller, QWidget *parent = nullptr);

    /// The state the diagram lights (the shown breaker's state after the last frame).
    BreakerState shownState() const { return m_state; }
    /// The counter lines beside the diagram, one per line.
    QString countersText() const;
    /// True when the pipeline has a circuit breaker to show.
    bool hasBreaker() const { return m_hasBreaker; }
    /// Transition tokens still travelling or waiting to travel.
    int pendingTokens() const { return static_cast<int>(m_tokens.size()); }

    QSize sizeHint() const override { return {500, 300}; }
    QSize minimumSizeHint() const override { return {300, 200}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// One counter line, optionally with a bar under it.
    struct CounterRow
    {
        QString text;
        QString brief; ///< shown when `text` does not fit
        bool bar = false;
        double fraction = 0; ///< filled part of the bar, 0..1
        double marker = -1;  ///< threshold / minimum tick, 0..1 (-1: none)
        QColor color;
        bool dashed = false;   ///< "not enough calls": the bar shows progress to the minimum
        bool emphasis = false; ///< drawn bold in `color` (the countdown)
    };
    struct Token
    {
        BreakerState from;
        BreakerState to;
        qint64 startMs = -1; ///< -1: waiting for the token before it
        qint64 durationMs = 400;
    };
    struct Geometry
    {
        QRectF nodes[3];
        QRectF counters;
        bool arrowLabels = false;
        bool ringBeside = false; ///< counters under the diagram, the countdown ring on their left
    };
    static constexpr qreal kRing = 46; ///< countdown ring box

    void onFrame();
    void onReset();
    /// The title, the summary line and the counters, from the last frame's breaker.
    void updateTexts();
    void rebuildCounters();
    void advanceTokens(qint64 now);
    Geometry layout(const QRectF &body) const;
    /// Height the counters need (under the diagram, the ring beside them, or on top of them).
    qreal countersHeight(bool ringBeside) const;
    QPainterPath arrowPath(const Geometry &g, BreakerState from, BreakerState to) const;
    void paintDiagram(QPainter &p, const Geometry &g, qint64 now);
    void paintCounters(QPainter &p, const QRectF &area, bool ringBeside);
    void paintRing(QPainter &p, const QRectF &ring);
    QString arrowLabel(BreakerState from, BreakerState to) const;

    SimulationController *m_controller;
    AnimationTicker *m_ticker;
    StagePicker *m_picker; ///< which one, when the pipeline has several
    bool m_hasBreaker = false;
    /// Height of the view when the pipeline has no breaker: the title and its note.
    static constexpr int kNoteHeight = 64;
    BreakerState m_state = BreakerState::Closed;
    BreakerView m_view;
    BreakerSpec m_spec;
    SimTime m_now = 0;
    QString m_title;
    QString m_summary;
    QString m_name; ///< the breaker shown, as named in events
    std::uint64_t m_transitions = 0;
    std::uint64_t m_rejected = 0;
    std::vector<CounterRow> m_rows;
    std::deque<Token> m_tokens;
    qint64 m_litSinceMs = -1000; ///< when the lit state last changed (a short glow)
};

} // namespace reslab::ui
