#include "event_log_model.h"

#include "i18n/language.h"
#include "simulation_controller.h"
#include "view_palette.h"

#include <QBrush>

#include <algorithm>

namespace reslab::ui {
namespace vp = view_palette;

EventLogModel::EventLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{
    // The column names are events.csv's (they stay); their tooltips are translated.
    connect(&Language::instance(), &Language::changed, this,
            [this] { emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1); });
}

void EventLogModel::follow(SimulationController *controller)
{
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    clear();
    if (!controller)
        return;
    m_lastFrameTotal = controller->frameEvents().total();
    connect(controller, &SimulationController::frameAdvanced, this, &EventLogModel::onFrame);
    connect(controller, &SimulationController::runReset, this, &EventLogModel::clear);
}

void EventLogModel::onFrame()
{
    const FrameEvents &frame = m_controller->frameEvents();
    // A frame signalled twice (or a signal without new events) adds nothing.
    if (frame.total() == m_lastFrameTotal)
        return;
    m_lastFrameTotal = frame.total();
    m_missed += frame.dropped();
    m_seen += frame.dropped();
    append(frame.events());
}

std::uint16_t EventLogModel::stageIndex(std::string_view stage)
{
    for (std::size_t i = 0; i < m_stages.size(); ++i) {
        if (m_stages[i] == stage)
            return static_cast<std::uint16_t>(i);
    }
    m_stages.emplace_back(stage);
    return static_cast<std::uint16_t>(m_stages.size() - 1);
}

void EventLogModel::append(std::span<const EventRecord> events)
{
    if (events.empty())
        return;
    m_seen += events.size();
    // Only the last capacity() events of a batch can be shown.
    const std::size_t capacity = static_cast<std::size_t>(m_capacity);
    const std::size_t n = std::min(events.size(), capacity);
    const std::size_t overflow = m_rows.size() + n > capacity ? m_rows.size() + n - capacity : 0;
    if (overflow > 0) {
        beginRemoveRows(QModelIndex(), 0, static_cast<int>(overflow) - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + static_cast<std::ptrdiff_t>(overflow));
        endRemoveRows();
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(n) - 1);
    for (const EventRecord &e : events.subspan(events.size() - n)) {
        m_rows.push_back({.time = e.time,
                          .request = e.request,
                          .attempt = e.attempt,
                          .stage = stageIndex(e.stage),
                          .kind = e.kind,
                          .outcome = e.outcome,
                          .to = e.to,
                          .detail = e.detail()});
    }
    endInsertRows();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_stages.clear();
    m_seen = 0;
    m_missed = 0;
    endResetModel();
}

std::string EventLogModel::csvLine(int row) const
{
    const Row &r = m_rows.at(static_cast<std::size_t>(row));
    return formatMillis(r.time) + ',' + std::to_string(r.request) + ',' +
           std::to_string(r.attempt) + ',' + m_stages[r.stage] + ',' +
           std::string(eventKindName(r.kind)) + ',' + r.detail;
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[static_cast<std::size_t>(index.row())];
    if (role == KindRole)
        return static_cast<int>(r.kind);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeMs:
            return QString::fromStdString(formatMillis(r.time));
        case Request:
            return QString::number(r.request);
        case Attempt:
            return QString::number(r.attempt);
        case Stage:
            return QString::fromStdString(m_stages[r.stage]);
        case Kind: {
            const std::string_view k = eventKindName(r.kind);
            return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size()));
        }
        case Detail:
            return QString::fromStdString(r.detail);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() <= Attempt)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Detail) {
        switch (r.kind) {
        case EventKind::AttemptEnd:
        case EventKind::RequestEnd:
        case EventKind::RetryDenied:
            return QBrush(vp::outcomeColor(r.outcome));
        case EventKind::BreakerTransition:
        case EventKind::BreakerRejected:
            return QBrush(vp::stateColor(r.to));
        default:
            return {};
        }
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        static const char *const kNames[ColumnCount] = {"t_ms",  "request", "attempt",
                                                        "stage", "kind",    "detail"};
        return QString::fromLatin1(kNames[section]);
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeMs:
            return tr("Virtual time of the event, in ms");
        case Attempt:
            return tr("Service attempt number (1-based) or retry number; 0: not applicable");
        case Stage:
            return tr("The pipeline stage, or service:NAME");
        default:
            return {};
        }
    }
    return {};
}

EventKindFilter::EventKindFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void EventKindFilter::setShownKinds(std::uint32_t mask)
{
    if (mask == m_mask)
        return;
    m_mask = mask;
    invalidateFilter();
}

void EventKindFilter::showAll()
{
    setShownKinds(~0u);
}

void EventKindFilter::showOnly(EventKind kind)
{
    setShownKinds(bit(kind));
}

void EventKindFilter::setEdge(const std::string &edge, const std::string &callee)
{
    if (edge == m_edge)
        return;
    m_edge = edge;
    m_edgeName = QString::fromStdString(edge);
    m_stagePrefix = m_edgeName + QLatin1Char('/');
    m_service = QString::fromStdString("service:" + callee);
    invalidateFilter();
}

bool EventKindFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_edge.empty()) {
        const QModelIndex s = sourceModel()->index(sourceRow, EventLogModel::Stage, sourceParent);
        const QString stage = sourceModel()->data(s, Qt::DisplayRole).toString();
        if (stage != m_edgeName && stage != m_service && !stage.startsWith(m_stagePrefix))
            return false;
    }
    if (m_mask == ~0u)
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, EventLogModel::Kind, sourceParent);
    const int kind = sourceModel()->data(i, EventLogModel::KindRole).toInt();
    return (m_mask >> kind) & 1u;
}

} // namespace reslab::ui
