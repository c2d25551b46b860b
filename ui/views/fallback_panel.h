#pragma once

#include "reslab/kernel/time.h"
#include "reslab/model/scenario.h"

#include <QColor>
#include <QString>
#include <QWidget>

#include <array>
#include <cstdint>
#include <vector>

namespace reslab::ui {

class AnimationTicker;
class StagePicker;
class SimulationController;

/// A fallback stage at work (the first of the pipeline, or the one chosen in the corner when
/// there are several): its counters per kind as the engine counts them (static,
/// cache and service answers; cache misses; service failures), the engine's fallbacks per second
/// of this stage in the last closed bucket with a strip of the recent buckets, and in cache mode
/// the age of the cached answer against its ttl (red once it is stale). A counter that moves
/// flashes briefly.
class FallbackPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit FallbackPanel(SimulationController *controller, QWidget *parent = nullptr);

    /// The panel's lines as text ("static answers: 12", ...).
    QString countersText() const;
    bool hasFallback() const { return m_hasFallback; }

    QSize sizeHint() const override { return {340, 300}; }
    QSize minimumSizeHint() const override { return {240, 200}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateTitle();
    enum Kind
    {
        StaticHits,
        CacheHits,
        CacheMisses,
        ServiceHits,
        ServiceFailures,
        KindCount
    };
    void onFrame();
    bool shown(int kind) const;
    static QString kindLabel(int kind);

    SimulationController *m_controller;
    AnimationTicker *m_ticker;
    StagePicker *m_picker; ///< which one, when the pipeline has several
    bool m_hasFallback = false;
    /// Height of the panel when the pipeline has no fallback: the title and its note.
    static constexpr int kNoteHeight = 64;
    FallbackSpec m_spec;
    QString m_title;
    std::array<std::uint64_t, KindCount> m_counts{};
    std::array<qint64, KindCount> m_changedMs{};
    bool m_hasBucket = false;
    double m_lastBucketPerS = 0;
    std::vector<double>
        m_history; ///< fallbacks per second of the last closed buckets, oldest first
    double m_bucketS = 1;
    SimTime m_cacheAge = -1; ///< now - lastGood(); -1: no good answer yet
};

} // namespace reslab::ui
