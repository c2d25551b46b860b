#pragma once

#include <QRectF>
#include <QSizeF>

#include <string>
#include <vector>

namespace reslab::ui {

/// The measures of the fonts the flow view draws with, in pixels. FlowLayout takes them as
/// numbers, so that it stays pure geometry (tests give round numbers; FlowView measures the view
/// palette's fonts).
struct FlowMetrics
{
    qreal titleHeight = 0;      ///< the title font's line height
    qreal bodyHeight = 0;       ///< the body font's line height
    qreal smallHeight = 0;      ///< the small font's line height (parameters, gauges, legend)
    qreal clientLabelWidth = 0; ///< "client" in the bold body font
    /// The width of each legend label's text, in the legend's order.
    std::vector<qreal> legendLabelWidths;
};

/// Where the flow view draws what, for a view of a given size and a pipeline of cards (the
/// enabled stages, outermost first): the client on the left, the cards left to right, the
/// service on the right with its queue and servers, the service's gauges under it, a fallback
/// box under each fallback card, the two lanes (in towards the service above, back to the client
/// below), the band where retries wait, the legend at the bottom. Pure geometry: no widget, no
/// painter; a default-constructed layout is empty (valid() false).
class FlowLayout
{
public:
    /// The time a dot takes from the client to the service (wall ms): sets pxPerMs().
    static constexpr qint64 kCrossingMs = 650;
    /// A legend entry: the swatch's width before its label, and the gap after it.
    static constexpr qreal kLegendSwatch = 14;
    static constexpr qreal kLegendGap = 10;

    FlowLayout() = default;
    /// `cardTypes`: the stage type key of each card ("retry"); a "fallback" card gets a box.
    FlowLayout(QSizeF size, const std::vector<std::string> &cardTypes, const FlowMetrics &metrics);
    /// `cardCount` cards of which none is a fallback.
    FlowLayout(QSizeF size, int cardCount, const FlowMetrics &metrics);

    bool valid() const { return m_valid; }
    QSizeF size() const { return m_size; }
    int cardCount() const { return static_cast<int>(m_cards.size()); }

    /// The view less its margins: the title line is at its top, the legend at its bottom.
    QRectF area() const { return m_area; }
    /// The title line (the height vp::drawTitle takes).
    QRectF title() const { return m_title; }
    /// Between the title and the legend: the row of boxes and what hangs under it.
    QRectF content() const { return m_content; }
    QRectF client() const { return m_client; }
    const std::vector<QRectF> &cards() const { return m_cards; }
    /// Card `i`'s rect (empty if there is no such card).
    QRectF card(int i) const;
    /// Per card: its fallback box, empty unless the card is a fallback (and there is room).
    const std::vector<QRectF> &fallbackBoxes() const { return m_fallbackBoxes; }
    QRectF service() const { return m_service; }
    /// Inside the service: the servers (requests in service) on the right ...
    QRectF serviceServers() const { return m_serviceServers; }
    /// ... and the queue on the left.
    QRectF serviceQueue() const { return m_serviceQueue; }
    /// Under the service: "in service n / c", "queue n / q".
    QRectF gauges() const { return m_gauges; }
    QRectF legend() const { return m_legend; }
    /// One rect per legend entry (swatch and label), in the order of FlowMetrics' labels.
    const std::vector<QRectF> &legendEntries() const { return m_legendEntries; }
    int legendRows() const { return m_legendRows; }

    /// The lane towards the service, and the lane back to the client (y).
    qreal outY() const { return m_outY; }
    qreal inY() const { return m_inY; }
    /// How far a dot may sit off its lane's line (a dot's spread, -1..1, times this).
    qreal lane() const { return m_lane; }
    /// Where retries wait, under the cards (y).
    qreal waitY() const { return m_waitY; }
    /// The band a retry card draws under it where its retries wait; empty when the legend leaves
    /// no room for it.
    QRectF waitBand(int card) const;
    /// The x of the arrows on the lanes: one between each pair of neighbouring boxes.
    std::vector<qreal> arrowXs() const;
    /// Travel speed of the dots: the client-to-service distance in kCrossingMs.
    qreal pxPerMs() const { return m_pxPerMs; }

private:
    QSizeF m_size;
    QRectF m_area, m_title, m_content;
    QRectF m_client;
    std::vector<QRectF> m_cards;
    std::vector<QRectF> m_fallbackBoxes;
    QRectF m_service, m_serviceServers, m_serviceQueue;
    QRectF m_gauges;
    QRectF m_legend;
    std::vector<QRectF> m_legendEntries;
    int m_legendRows = 0;
    qreal m_outY = 0, m_inY = 0, m_lane = 0, m_waitY = 0;
    qreal m_pxPerMs = 1;
    bool m_valid = false;
};

} // namespace reslab::ui
