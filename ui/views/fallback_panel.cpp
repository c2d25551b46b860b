#include "fallback_panel.h"

#include "animation_ticker.h"
#include "simulation_controller.h"
#include "view_palette.h"
#include "views/stage_picker.h"

#include "reslab/stages/fallback_stage.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace reslab::ui {
namespace vp = view_palette;

namespace {
constexpr qint64 kPulseMs = 500;
constexpr std::size_t kHistoryBuckets = 60;

QString formatRate(double perS)
{
    return std::fabs(perS - std::round(perS)) < 1e-9 ? QString::number(perS, 'f', 0)
                                                     : QString::number(perS, 'f', 1);
}
} // namespace

FallbackPanel::FallbackPanel(SimulationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_ticker(new AnimationTicker(this))
    , m_picker(new StagePicker(this))
{
    connect(m_picker, &StagePicker::stageChosen, this, [this] {
        m_counts.fill(std::numeric_limits<std::uint64_t>::max()); // no flashes for its totals
        onFrame();
    });
    setObjectName("fallbackPanel");
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_changedMs.fill(-1000);
    connect(controller, &SimulationController::frameAdvanced, this, &FallbackPanel::onFrame);
    connect(controller, &SimulationController::runReset, this, [this] {
        m_counts.fill(0);
        m_changedMs.fill(-1000);
    });
    onFrame();
}

QString FallbackPanel::kindLabel(int kind)
{
    switch (kind) {
    case StaticHits:
        return tr("static answers");
    case CacheHits:
        return tr("cache hits");
    case CacheMisses:
        return tr("cache misses");
    case ServiceHits:
        return tr("service answers");
    case ServiceFailures:
        return tr("service failures");
    }
    return {};
}

bool FallbackPanel::shown(int kind) const
{
    if (m_counts[static_cast<std::size_t>(kind)] > 0)
        return true;
    switch (m_spec.mode) {
    case FallbackSpec::Mode::Static:
        return kind == StaticHits;
    case FallbackSpec::Mode::Cache:
        return kind == CacheHits || kind == CacheMisses;
    case FallbackSpec::Mode::Service:
        return kind == ServiceHits || kind == ServiceFailures;
    }
    return false;
}

void FallbackPanel::onFrame()
{
    Simulation *sim = m_controller->simulation();
    const EdgeRun *edge = m_controller->selectedEdge(); // the client's, or the selected one
    m_hasFallback = edge && !edge->fallbacks.empty();
    // Without a fallback only the note shows: the other views take the room.
    const int maxHeight = m_hasFallback ? QWIDGETSIZE_MAX : kNoteHeight;
    if (maximumHeight() != maxHeight)
        setMaximumHeight(maxHeight);
    m_picker->setStages([edge] {
        std::vector<std::string> names;
        if (edge) {
            for (const FallbackStage *f : edge->fallbacks)
                names.push_back(f->name());
        }
        return names;
    }());
    if (!m_hasFallback) {
        update();
        return;
    }
    const FallbackStage *stage = edge->fallbacks[std::min<std::size_t>(
        static_cast<std::size_t>(m_picker->chosen()), edge->fallbacks.size() - 1)];
    const qint64 now = m_ticker->nowMs();
    const FallbackStage::Counters &c = stage->counters();
    const std::array<std::uint64_t, KindCount> counts{c.staticHits, c.cacheHits, c.cacheMisses,
                                                      c.serviceHits, c.serviceFailures};
    bool moved = false;
    for (std::size_t k = 0; k < counts.size(); ++k) {
        if (counts[k] > m_counts[k]) {
            m_changedMs[k] = now;
            moved = true;
        }
    }
    m_counts = counts;
    if (moved)
        m_ticker->runUntil(now + kPulseMs);

    m_spec = stage->spec();
    updateTitle();

    // The engine's buckets of this stage: the last closed one, and a strip of the ones before it.
    const RunRecorder &rec = sim->recorder();
    const auto &rows = rec.rows();
    const std::vector<StageBucket> &series = rec.stageSeries()[stage->series()].buckets;
    m_bucketS = toSeconds(rec.bucket());
    m_history.clear();
    m_hasBucket = false;
    std::size_t closed = rows.size();
    while (closed > 0 && rows[closed - 1].start + rec.bucket() > sim->now())
        --closed;
    closed = std::min(closed, series.size());
    if (closed > 0 && m_bucketS > 0) {
        m_hasBucket = true;
        m_lastBucketPerS = series[closed - 1].fallbacks / m_bucketS;
        for (std::size_t i = closed > kHistoryBuckets ? closed - kHistoryBuckets : 0; i < closed;
             ++i)
            m_history.push_back(series[i].fallbacks / m_bucketS);
    }
    m_cacheAge = stage->lastGood() >= 0 ? sim->now() - stage->lastGood() : -1;
    m_ticker->frameRepainted();
    update();
}

void FallbackPanel::updateTitle()
{
    switch (m_spec.mode) {
    case FallbackSpec::Mode::Static:
        m_title = tr("Fallback · static answer");
        break;
    case FallbackSpec::Mode::Cache:
        m_title = tr("Fallback · cache (ttl %1)").arg(vp::formatDurationMs(m_spec.ttlMs));
        break;
    case FallbackSpec::Mode::Service:
        m_title = tr("Fallback · service: %1").arg(QString::fromStdString(m_spec.service));
        break;
    }
}

void FallbackPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_hasFallback)
        updateTitle(); // the rest is worded at paint time
    QWidget::changeEvent(event);
}

QString FallbackPanel::countersText() const
{
    if (!m_hasFallback)
        return tr("no fallback in this pipeline");
    QStringList lines;
    for (int k = 0; k < KindCount; ++k) {
        if (shown(k))
            lines << tr("%1: %2").arg(kindLabel(k)).arg(m_counts[static_cast<std::size_t>(k)]);
    }
    lines << (m_hasBucket
                  ? tr("fallbacks/s in the last bucket: %1").arg(formatRate(m_lastBucketPerS))
                  : tr("fallbacks/s in the last bucket: none closed yet"));
    if (m_spec.mode == FallbackSpec::Mode::Cache) {
        lines << (m_cacheAge >= 0 ? tr("cache age %1 s / ttl %2")
                                        .arg(toSeconds(m_cacheAge), 0, 'f', 1)
                                        .arg(vp::formatDurationMs(m_spec.ttlMs))
                                  : tr("cache empty: no good answer yet"));
    }
    return lines.join('\n');
}

void FallbackPanel::resizeEvent(QResizeEvent *)
{
    m_picker->place();
}

void FallbackPanel::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), vp::kBackground);
    const QRectF area = QRectF(rect()).adjusted(8, 4, -8, -6);
    QRectF titleArea = area; // the title leaves the corner to the stage picker
    if (m_picker->isVisible())
        titleArea.setRight(std::min(area.right(), m_picker->geometry().left() - 6.0));
    const qreal titleH = vp::drawTitle(p, titleArea, m_hasFallback ? m_title : tr("Fallback"));
    QRectF body = area.adjusted(0, titleH + 6, 0, 0);
    if (!m_hasFallback) {
        p.setFont(vp::bodyFont());
        p.setPen(vp::kMutedText);
        p.drawText(body, Qt::AlignCenter | Qt::TextWordWrap, tr("no fallback in this pipeline"));
        return;
    }
    const qint64 now = m_ticker->nowMs();
    const QFont font = vp::bodyFont();
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF fm(font);
    const QFontMetricsF bm(bold);
    const qreal lineH = fm.height();

    // A label on the left, a value on the right.
    auto line = [&](qreal y, const QString &label, const QString &value, const QColor &valueColor) {
        const qreal vw = bm.horizontalAdvance(value);
        p.setFont(font);
        p.setPen(vp::kText);
        p.drawText(QRectF(body.left(), y, body.width() - vw - 8, lineH),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(label, Qt::ElideRight, body.width() - vw - 8));
        p.setFont(bold);
        p.setPen(valueColor);
        p.drawText(QRectF(body.left(), y, body.width(), lineH), Qt::AlignRight | Qt::AlignVCenter,
                   value);
    };
    auto bar = [&](qreal y, double fraction, const QColor &color, double marker = -1,
                   double scale = 1.0) {
        const QRectF track(body.left(), y, body.width(), 5);
        p.setPen(Qt::NoPen);
        p.setBrush(vp::kTrack);
        p.drawRoundedRect(track, 2.5, 2.5);
        if (fraction > 0) {
            QRectF fill = track;
            fill.setWidth(std::max(5.0, track.width() * std::min(1.0, fraction / scale)));
            p.setBrush(color);
            p.drawRoundedRect(fill, 2.5, 2.5);
        }
        if (marker >= 0) {
            const qreal x = track.left() + track.width() * marker / scale;
            p.setPen(QPen(vp::kText, 2));
            p.drawLine(QPointF(x, track.top() - 3), QPointF(x, track.bottom() + 3));
        }
    };

    std::uint64_t most = 1;
    for (int k = 0; k < KindCount; ++k) {
        if (shown(k))
            most = std::max(most, m_counts[static_cast<std::size_t>(k)]);
    }
    qreal y = body.top();
    for (int k = 0; k < KindCount; ++k) {
        if (!shown(k))
            continue;
        if (y + lineH + 8 > body.bottom())
            break;
        const auto i = static_cast<std::size_t>(k);
        const bool bad = k == CacheMisses || k == ServiceFailures;
        const QColor color = bad ? vp::kFailed : vp::kFallback;
        const qreal pulse = std::clamp(1.0 - (now - m_changedMs[i]) / double(kPulseMs), 0.0, 1.0);
        if (pulse > 0) {
            QColor glow = color;
            glow.setAlphaF(0.16 * pulse);
            p.setPen(Qt::NoPen);
            p.setBrush(glow);
            p.drawRoundedRect(QRectF(body.left() - 4, y - 1, body.width() + 8, lineH + 9), 3, 3);
        }
        line(y, kindLabel(k), QString::number(m_counts[i]), color);
        bar(y + lineH + 1, double(m_counts[i]) / double(most), color);
        y += lineH + 11;
    }

    if (y + lineH <= body.bottom()) {
        line(y, tr("fallbacks/s, last bucket"),
             m_hasBucket ? formatRate(m_lastBucketPerS) : tr("—"), vp::kFallback);
        y += lineH + 6;
    }

    if (m_spec.mode == FallbackSpec::Mode::Cache && y + lineH + 8 <= body.bottom()) {
        if (m_cacheAge < 0) {
            line(y, tr("cache age"), tr("empty"), vp::kFailed);
            y += lineH + 6;
        } else {
            const double ageMs = toMillis(m_cacheAge);
            const double ttl = std::max(1.0, m_spec.ttlMs);
            const bool stale = ageMs > ttl;
            const QColor color = stale                ? vp::kFailed
                                 : ageMs > 0.75 * ttl ? vp::kRetrying
                                                      : vp::kSuccess;
            line(y, stale ? tr("cache age (stale)") : tr("cache age"),
                 tr("%1 / %2").arg(vp::formatDurationMs(std::round(ageMs / 100) * 100),
                                   vp::formatDurationMs(ttl)),
                 color);
            bar(y + lineH + 1, ageMs, color, ttl, 1.5 * ttl);
            y += lineH + 12;
        }
    }

    // The engine's fallbacks per second, bucket by bucket.
    const QFont small = vp::smallFont();
    const QFontMetricsF sm(small);
    if (body.bottom() - y - sm.height() - 2 >= 18 && !m_history.empty()) {
        const double top = std::max(1.0, *std::max_element(m_history.begin(), m_history.end()));
        const QString peak = tr("max %1").arg(formatRate(top));
        const qreal peakW = sm.horizontalAdvance(peak) + 8;
        p.setFont(small);
        p.setPen(vp::kMutedText);
        p.drawText(
            QRectF(body.left(), y, body.width() - peakW, sm.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            sm.elidedText(tr("fallbacks/s by bucket"), Qt::ElideRight, body.width() - peakW));
        p.drawText(QRectF(body.left(), y, body.width(), sm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, peak);
        y += sm.height() + 2;
        const QRectF strip(body.left(), y, body.width(), std::min<qreal>(body.bottom() - y, 60));
        const qreal w = strip.width() / static_cast<qreal>(kHistoryBuckets);
        p.setPen(QPen(vp::kTrack, 1));
        p.drawLine(strip.bottomLeft(), strip.bottomRight());
        p.setPen(Qt::NoPen);
        p.setBrush(vp::kFallback);
        const qreal x0 = strip.right() - w * static_cast<qreal>(m_history.size());
        for (std::size_t i = 0; i < m_history.size(); ++i) {
            const qreal h = strip.height() * m_history[i] / top;
            if (h > 0)
                p.drawRect(QRectF(x0 + w * static_cast<qreal>(i) + 0.5, strip.bottom() - h,
                                  std::max<qreal>(1, w - 1), h));
        }
    }
}

} // namespace reslab::ui
