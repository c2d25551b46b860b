#include "flow_layout.h"

#include "reslab/stages/fallback_options.h"
#include "reslab/stages/stage_pattern.h"

#include <algorithm>

namespace reslab::ui {

FlowLayout::FlowLayout(QSizeF size, int cardCount, const FlowMetrics &metrics)
    : FlowLayout(size, std::vector<std::string>(static_cast<std::size_t>(std::max(0, cardCount))),
                 metrics)
{}

FlowLayout::FlowLayout(QSizeF size, const std::vector<std::string> &cardTypes,
                       const FlowMetrics &metrics)
    : m_size(size)
{
    m_area = QRectF(QPointF(0, 0), size).adjusted(8, 4, -8, -6);
    const qreal titleH = metrics.titleHeight + 6;
    m_title = QRectF(m_area.left(), m_area.top(), m_area.width(), titleH);

    // The legend: entries left to right, a new row when the next one does not fit.
    const qreal lineH = metrics.smallHeight + 2;
    {
        qreal x = 0, y = 0;
        m_legendRows = metrics.legendLabelWidths.empty() ? 0 : 1;
        for (const qreal labelWidth : metrics.legendLabelWidths) {
            const qreal w = kLegendSwatch + labelWidth;
            if (x > 0 && x + w > m_area.width()) {
                ++m_legendRows;
                x = 0;
                y += lineH;
            }
            m_legendEntries.emplace_back(x, y, w, lineH); // moved into place below
            x += w + kLegendGap;
        }
    }
    const qreal legendH = m_legendRows * lineH + 2;
    m_content = QRectF(m_area.left(), m_area.top() + titleH + 8, m_area.width(),
                       m_area.height() - titleH - 8 - legendH - 4);
    m_legend = QRectF(m_area.left(), m_area.bottom() - legendH, m_area.width(), legendH);
    for (QRectF &entry : m_legendEntries)
        entry.translate(m_legend.topLeft());

    // The row: client, cards, service; the cards as wide as they can be up to 112 px.
    const QRectF &content = m_content;
    const qreal rowH = std::clamp(content.height() * 0.6, 64.0, 130.0);
    const auto n = static_cast<qreal>(cardTypes.size());
    const qreal clientW =
        std::max(std::clamp(content.width() * 0.09, 40.0, 58.0), metrics.clientLabelWidth + 12);
    qreal gap = std::clamp(content.width() * 0.025, 8.0, 16.0);
    qreal cardW = (content.width() - clientW - gap * (n + 1)) / (n + 1.6);
    cardW = std::clamp(cardW, 12.0, 112.0);
    const qreal serviceW = std::min(std::max(cardW * 1.6, 80.0), 160.0);
    gap = (content.width() - clientW - n * cardW - serviceW) / (n + 1);

    m_client = QRectF(content.left(), content.top(), clientW, rowH);
    qreal x = m_client.right() + gap;
    for (std::size_t i = 0; i < cardTypes.size(); ++i) {
        m_cards.emplace_back(x, content.top(), cardW, rowH);
        x += cardW + gap;
    }
    m_service = QRectF(x, content.top(), serviceW, rowH);

    // The lanes run under the boxes' two header lines.
    const qreal headH = metrics.bodyHeight + metrics.smallHeight + 6;
    const qreal laneTop = content.top() + headH;
    const qreal laneSpace = rowH - headH;
    m_outY = laneTop + laneSpace * 0.28;
    m_inY = laneTop + laneSpace * 0.72;
    m_lane = std::max<qreal>(2, (m_inY - m_outY) * 0.24);
    const QRectF body(m_service.left() + 5, laneTop, m_service.width() - 10, laneSpace - 5);
    m_serviceQueue = QRectF(body.left(), body.top(), body.width() * 0.3, body.height());
    m_serviceServers =
        QRectF(body.left() + body.width() * 0.36, body.top(), body.width() * 0.64, body.height());

    // Under the row: the retry band, the fallback boxes, the gauges.
    const qreal lowerTop = content.top() + rowH + 8;
    const qreal lowerH = std::max<qreal>(0, content.bottom() - lowerTop);
    m_waitY = lowerTop + std::min<qreal>(12, lowerH * 0.35);
    for (std::size_t i = 0; i < cardTypes.size(); ++i) {
        if (cardTypes[i] == FallbackSpec::pattern().key && lowerH >= 18)
            m_fallbackBoxes.emplace_back(m_cards[i].left(), lowerTop + 2, m_cards[i].width(),
                                         std::clamp(lowerH - 4, 16.0, 52.0));
        else
            m_fallbackBoxes.emplace_back();
    }
    m_gauges = QRectF(m_service.left(), lowerTop, m_service.width(), lowerH);
    m_pxPerMs = std::max<qreal>(0.05, (m_service.center().x() - m_client.right()) /
                                          static_cast<qreal>(kCrossingMs));
    m_valid = true;
}

QRectF FlowLayout::card(int i) const
{
    return i >= 0 && i < cardCount() ? m_cards[static_cast<std::size_t>(i)] : QRectF();
}

QRectF FlowLayout::waitBand(int i) const
{
    const QRectF r = card(i);
    if (r.isEmpty() || !(m_waitY + 10 < m_legend.top()))
        return {};
    return {r.left() + 2, m_waitY - 8, r.width() - 4, 16};
}

std::vector<qreal> FlowLayout::arrowXs() const
{
    std::vector<qreal> xs;
    qreal left = m_client.right();
    for (const QRectF &c : m_cards) {
        xs.push_back((left + c.left()) / 2);
        left = c.right();
    }
    xs.push_back((left + m_service.left()) / 2);
    return xs;
}

} // namespace reslab::ui
