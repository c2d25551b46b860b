#pragma once

#include "flow_layout.h"
#include "flow_model.h"

#include <QGraphicsView>

#include <cstdint>
#include <functional>

class QGraphicsScene;

namespace reslab::ui {

class AnimationTicker;
class FlowDotsItem;
class FlowItem;
class FlowLegendItem;
class FlowPipelineItem;
class FlowTitleItem;
class SimulationController;

/// Requests as dots travelling from the client through the enabled stages of the pipeline (cards
/// left to right, outermost first) to the target service and back, coloured by what happens to
/// them: a rejected request bounces off the breaker, a retry loops back and waits out its delay
/// under the retry card ("+250 ms"), a fallback turns off to the fallback box, a timeout flashes
/// its card. What is drawn is the FlowModel's (built from the frame's events: no metric) in the
/// FlowLayout's places; the view is a QGraphicsView whose scene holds one item per part (title,
/// pipeline, dots, legend), each painting from the model and the layout. The scene is the view's
/// size: no scrolling. At most kMaxDots are alive; at high rates only 1 request in N is drawn,
/// and the view says so.
class FlowView final : public QGraphicsView
{
    Q_OBJECT

public:
    static constexpr int kMaxDots = FlowModel::kMaxDots;
    /// A monotonic wall clock in ms (by default the animation ticker's; tests inject one).
    using WallClock = std::function<qint64()>;

    explicit FlowView(SimulationController *controller, QWidget *parent = nullptr);
    ~FlowView() override;

    /// Dots on screen (requests being drawn).
    int liveDots() const { return m_model.liveDots(); }
    /// 1 in samplingEvery() requests is drawn.
    int samplingEvery() const { return m_model.samplingEvery(); }
    /// Stage cards drawn between the client and the service.
    int stageCount() const { return m_model.cardCount(); }
    /// The target's queue limit the gauge shows (as in force now); -1: unbounded.
    std::int64_t queueLimit() const { return m_model.gauges().queueLimit; }

    /// What is drawn: the cards, the dots, the gauges.
    const FlowModel &model() const { return m_model; }
    /// Where it is drawn, for the view's current size (not layout(): that is QWidget's).
    const FlowLayout &flowLayout() const;
    /// The font measures the layout is made with.
    static FlowMetrics metrics();
    /// The clock the dots move by (wall ms). Tests give a fake one they move by hand; the view
    /// still repaints on the ticker's timer.
    void setWallClock(WallClock clock);
    /// The wall time the dots are at (the clock's now).
    qint64 wallNow() const;

    QSize sizeHint() const override { return {640, 300}; }
    QSize minimumSizeHint() const override { return {300, 200}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class FlowItem; // the scene's items paint from m_layout at m_paintNow

    void onFrame();
    void onReset();
    /// Makes the layout again if the size or the cards changed (and fits the scene to it).
    void ensureLayout() const;
    /// Keeps repainting until `until` (wallNow() scale).
    void animateUntil(qint64 until);

    SimulationController *m_controller;
    AnimationTicker *m_ticker;
    WallClock m_clock;
    FlowModel m_model;
    mutable FlowLayout m_layout;
    mutable bool m_cardsChanged = true;
    qint64 m_paintNow = 0; ///< the wall time being painted
    QGraphicsScene *m_scene;
    FlowTitleItem *m_title;
    FlowPipelineItem *m_pipeline;
    FlowDotsItem *m_dots;
    FlowLegendItem *m_legend;
};

} // namespace reslab::ui
