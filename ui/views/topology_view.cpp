#include "topology_view.h"

#include "simulation_controller.h"
#include "views/animation_ticker.h"
#include "views/view_palette.h"

#include <QEvent>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace reslab::ui {

namespace vp = view_palette;

namespace {

QColor tintColor(TopologyModel::Tint t)
{
    switch (t) {
    case TopologyModel::InFlight:
        return vp::kInFlight;
    case TopologyModel::Success:
        return vp::kSuccess;
    case TopologyModel::Failed:
        return vp::kFailed;
    case TopologyModel::TimedOut:
        return vp::kTimeout;
    case TopologyModel::Fallback:
        return vp::kFallback;
    case TopologyModel::Rejected:
        return vp::kRejected;
    case TopologyModel::TintCount:
        break;
    }
    return vp::kInFlight;
}

QPainterPath edgePath(const TopologyModel::Edge &e)
{
    QPainterPath path;
    if (e.path.empty())
        return path;
    path.moveTo(e.path.front());
    if (e.path.size() >= 4 && (e.path.size() - 1) % 3 == 0) {
        for (std::size_t i = 1; i + 2 < e.path.size(); i += 3)
            path.cubicTo(e.path[i], e.path[i + 1], e.path[i + 2]);
    } else {
        for (std::size_t i = 1; i < e.path.size(); ++i)
            path.lineTo(e.path[i]);
    }
    return path;
}

/// Where a path from inside `box` leaves it, towards `outside`.
QPointF boxExit(const QRectF &box, QPointF inside, QPointF outside)
{
    const QPointF d = outside - inside;
    double t = 1;
    if (d.x() > 0)
        t = std::min(t, (box.right() - inside.x()) / d.x());
    if (d.x() < 0)
        t = std::min(t, (box.left() - inside.x()) / d.x());
    if (d.y() > 0)
        t = std::min(t, (box.bottom() - inside.y()) / d.y());
    if (d.y() < 0)
        t = std::min(t, (box.top() - inside.y()) / d.y());
    return inside + d * std::clamp(t, 0.0, 1.0);
}

} // namespace

/// One service (or the client) as a box: its name, its replicas as small stacked instances
/// filled by utilisation, and the queue. Draggable.
class TopologyNodeItem final : public QGraphicsItem
{
public:
    TopologyNodeItem(TopologyView *view, std::string name)
        : m_view(view)
        , m_name(std::move(name))
    {
        setFlag(ItemIsMovable, true);
        setFlag(ItemSendsGeometryChanges, true);
        setCursor(Qt::OpenHandCursor);
        setZValue(2);
    }
    const std::string &name() const { return m_name; }
    const TopologyModel::Node *node() const { return m_view->m_model.node(m_name); }

    QRectF boundingRect() const override
    {
        const TopologyModel::Node *n = node();
        const QSizeF s = n ? n->size : QSizeF(100, 60);
        return QRectF(-s.width() / 2 - 4, -s.height() / 2 - 4, s.width() + 8, s.height() + 22);
    }

    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const TopologyModel::Node *n = node();
        if (!n)
            return;
        p->setRenderHint(QPainter::Antialiasing);
        const QRectF box(-n->size.width() / 2, -n->size.height() / 2, n->size.width(),
                         n->size.height());
        const bool selected = m_view->m_selectedService == m_name;
        if (n->client) {
            QFont f = vp::bodyFont();
            f.setBold(true);
            p->setFont(f);
            // The edge starts under the label: clear its place first.
            const QString label = TopologyView::tr("client");
            const double w = QFontMetricsF(f).horizontalAdvance(label) + 8;
            const QRectF behind(-w / 2, box.top() + 4, w, box.height() - 8);
            p->fillRect(behind, vp::kBackground);
            p->setPen(vp::kText);
            p->drawText(box, Qt::AlignCenter, label);
            return;
        }
        p->setPen(QPen(selected ? vp::kFallback : vp::kFrame, selected ? 2.5 : 1.2));
        p->setBrush(QColor(0xf4, 0xf7, 0xfb));
        p->drawRoundedRect(box, 6, 6);
        QFont f = vp::bodyFont();
        f.setBold(true);
        p->setFont(f);
        p->setPen(vp::kText);
        const QRectF title(box.left() + 6, box.top() + 3, box.width() - 12, 18);
        p->drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetricsF(f).elidedText(QString::fromStdString(m_name), Qt::ElideRight,
                                                title.width()));
        // Replicas: one small instance each (up to 8 drawn), filled by utilisation.
        const int drawn = std::min(8, std::max(1, n->replicas));
        const double gap = 3;
        const double w = (box.width() - 12 - gap * (drawn - 1)) / drawn;
        const QRectF area(box.left() + 6, box.top() + 24, box.width() - 12, 22);
        std::uint32_t queued = 0;
        for (int i = 0; i < drawn; ++i) {
            const QRectF r(area.left() + i * (w + gap), area.top(), w, area.height());
            const ReplicaLive live = i < static_cast<int>(n->live.size())
                                         ? n->live[static_cast<std::size_t>(i)]
                                         : ReplicaLive{};
            queued += live.queued;
            p->setPen(QPen(vp::kFrame, 1));
            p->setBrush(Qt::white);
            p->drawRect(r);
            const double u = std::clamp(live.utilization, 0.0, 1.0);
            QColor fill = u > 0.9 ? vp::kRetrying : vp::kInFlight;
            if (live.state == ReplicaState::Refuse)
                fill = vp::kFailed;
            const QRectF level(r.left(), r.bottom() - r.height() * u, r.width(), r.height() * u);
            p->fillRect(level, fill);
            if (live.state == ReplicaState::Refuse) {
                p->fillRect(
                    r, QColor(vp::kFailed.red(), vp::kFailed.green(), vp::kFailed.blue(), 110));
            } else if (live.state == ReplicaState::Hang) {
                p->setBrush(QBrush(vp::kMutedText, Qt::BDiagPattern));
                p->setPen(Qt::NoPen);
                p->drawRect(r);
            }
        }
        for (std::size_t i = static_cast<std::size_t>(drawn); i < n->live.size(); ++i)
            queued += n->live[i].queued;
        p->setFont(vp::smallFont());
        p->setPen(vp::kMutedText);
        QString info;
        if (n->replicas > 1)
            info = TopologyView::tr("%1 replicas").arg(n->replicas);
        const QString queue = TopologyView::tr("queue %1").arg(queued);
        const QRectF foot(box.left() + 6, area.bottom() + 1, box.width() - 12,
                          box.bottom() - area.bottom() - 1);
        p->drawText(foot, Qt::AlignLeft | Qt::AlignVCenter, info);
        p->setPen(queued > 0 ? vp::kRetrying : vp::kMutedText);
        p->drawText(foot, Qt::AlignRight | Qt::AlignVCenter, queue);
    }

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override
    {
        if (change == ItemPositionHasChanged)
            m_view->nodeMoved(m_name, value.toPointF());
        return QGraphicsItem::itemChange(change, value);
    }
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override
    {
        m_view->selectService(m_name);
        QGraphicsItem::mousePressEvent(event);
    }
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override
    {
        QGraphicsItem::mouseReleaseEvent(event);
        m_view->nodeReleased();
    }

private:
    TopologyView *m_view;
    std::string m_name;
};

/// One edge: its arrow, its pipeline label and its live badge. Clicking it selects it.
class TopologyEdgeItem final : public QGraphicsItem
{
public:
    TopologyEdgeItem(TopologyView *view, std::string name)
        : m_view(view)
        , m_name(std::move(name))
    {
        setZValue(1);
        setAcceptedMouseButtons(Qt::LeftButton);
    }
    const TopologyModel::Edge *edge() const { return m_view->m_model.edge(m_name); }
    void refresh() { prepareGeometryChange(); }

    QRectF boundingRect() const override
    {
        const TopologyModel::Edge *e = edge();
        if (!e)
            return {};
        QRectF r = edgePath(*e).boundingRect().adjusted(-8, -8, 8, 8);
        return r.united(badgeRect(*e).adjusted(-2, -2, 2, 2));
    }
    QPainterPath shape() const override
    {
        const TopologyModel::Edge *e = edge();
        if (!e)
            return {};
        QPainterPathStroker stroker;
        stroker.setWidth(12);
        QPainterPath s = stroker.createStroke(edgePath(*e));
        s.addRect(badgeRect(*e));
        return s;
    }

    QRectF badgeRect(const TopologyModel::Edge &e) const
    {
        const QFontMetricsF fm(vp::smallFont());
        const double w =
            std::max(fm.horizontalAdvance(e.label), fm.horizontalAdvance(badgeText(e))) + 12;
        return QRectF(e.labelAt.x() - w / 2, e.labelAt.y() - fm.height() - 2, w,
                      2 * fm.height() + 4);
    }
    /// The pipeline label; "direct" (no stage) is a word, the stage names are keys.
    static QString shownLabel(const TopologyModel::Edge &e)
    {
        return e.label == QLatin1String("direct") ? TopologyView::tr("direct") : e.label;
    }
    static QString badgeText(const TopologyModel::Edge &e)
    {
        return TopologyView::tr("%1/s · %2 % failed")
            .arg(e.live.callsPerS, 0, 'f', e.live.callsPerS < 10 ? 1 : 0)
            .arg(100 * e.live.failureShare, 0, 'f', 0);
    }

    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const TopologyModel::Edge *e = edge();
        if (!e)
            return;
        p->setRenderHint(QPainter::Antialiasing);
        const bool selected = m_view->m_selectedEdge == m_name;
        QColor color = vp::kFrame.darker(130);
        if (e->live.hasBreaker)
            color = vp::stateColor(e->live.breaker);
        QPen pen(selected ? vp::kFallback : color, selected ? 3.0 : 1.6);
        if (e->optional)
            pen.setStyle(Qt::DashLine);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        // Clip the path to the boxes' borders so that the arrow head shows.
        const TopologyModel::Node *b = m_view->m_model.node(e->callee);
        QPainterPath path = edgePath(*e);
        p->drawPath(path);
        if (b && e->path.size() >= 2) {
            const QRectF box(b->centre - QPointF(b->size.width() / 2, b->size.height() / 2),
                             b->size);
            const QPointF from = e->path[e->path.size() - 2];
            const QPointF tip = boxExit(box, b->centre, from);
            const QPointF d = tip - from;
            const double len = std::max(1.0, std::hypot(d.x(), d.y()));
            const QPointF u = d / len, n(-u.y(), u.x());
            QPolygonF head;
            head << tip << tip - u * 10 + n * 5 << tip - u * 10 - n * 5;
            p->setPen(Qt::NoPen);
            p->setBrush(pen.color());
            p->drawPolygon(head);
        }
        // The label and the live badge.
        const QRectF badge = badgeRect(*e);
        p->setPen(QPen(selected ? vp::kFallback : vp::kFrame, 1));
        p->setBrush(QColor(255, 255, 255, 235));
        p->drawRoundedRect(badge, 4, 4);
        const QFontMetricsF fm(vp::smallFont());
        p->setFont(vp::smallFont());
        p->setPen(vp::kText);
        p->drawText(QRectF(badge.left(), badge.top() + 1, badge.width(), fm.height()),
                    Qt::AlignCenter, shownLabel(*e));
        p->setPen(e->live.failureShare > 0.05 ? vp::kFailed : vp::kMutedText);
        p->drawText(QRectF(badge.left(), badge.top() + 1 + fm.height(), badge.width(), fm.height()),
                    Qt::AlignCenter, badgeText(*e));
        if (e->live.hasBreaker) {
            const QRectF chip(badge.right() - 9, badge.top() - 5, 10, 10);
            p->setPen(Qt::white);
            p->setBrush(vp::stateColor(e->live.breaker));
            p->drawEllipse(chip);
        }
    }

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *) override { m_view->selectEdge(m_name); }

private:
    TopologyView *m_view;
    std::string m_name;
};

/// The dots, above everything.
class TopologyDotsItem final : public QGraphicsItem
{
public:
    explicit TopologyDotsItem(TopologyView *view)
        : m_view(view)
    {
        setZValue(3);
        setAcceptedMouseButtons(Qt::NoButton);
    }
    QRectF boundingRect() const override
    {
        return m_view->m_model.bounds().adjusted(-20, -20, 20, 20);
    }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(Qt::NoPen);
        for (const TopologyModel::DotSnapshot &d : m_view->m_model.dots(m_view->wallNow())) {
            QColor c = tintColor(d.tint);
            c.setAlphaF(static_cast<float>(d.opacity));
            p->setBrush(c);
            p->drawEllipse(d.at, 4, 4);
        }
        if (m_view->m_linking) {
            const TopologyModel::Node *from = m_view->m_model.node(m_view->m_linkFrom);
            if (from) {
                p->setPen(QPen(vp::kFallback, 2, Qt::DashLine));
                p->drawLine(from->centre, m_view->m_linkTo);
            }
        }
    }

private:
    TopologyView *m_view;
};

TopologyView::TopologyView(SimulationController *controller, QWidget *parent)
    : QGraphicsView(parent)
    , m_controller(controller)
    , m_ticker(new AnimationTicker(this))
    , m_scene(new QGraphicsScene(this))
{
    setObjectName("topologyView");
    setScene(m_scene);
    setRenderHint(QPainter::Antialiasing);
    setBackgroundBrush(vp::kBackground);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    retranslate();
    connect(controller, &SimulationController::frameAdvanced, this, &TopologyView::onFrame);
    connect(controller, &SimulationController::runReset, this, [this] {
        m_model.reset();
        onFrame();
    });
    onFrame();
}

TopologyView::~TopologyView() = default;

void TopologyView::retranslate()
{
    setToolTip(tr("Drag a service to move it; Shift-drag from one service to another to add a "
                  "call; click an edge to show its stages in the other views."));
}

void TopologyView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_scene->update(); // the items paint their texts with tr()
    }
    QGraphicsView::changeEvent(event);
}

qint64 TopologyView::wallNow() const
{
    return m_clock ? m_clock() : m_ticker->nowMs();
}

void TopologyView::rebuild()
{
    m_scene->clear();
    m_nodes.clear();
    m_edges.clear();
    for (const TopologyModel::Edge &e : m_model.edges()) {
        auto *item = new TopologyEdgeItem(this, e.name);
        m_scene->addItem(item);
        m_edges.push_back(item);
    }
    for (const TopologyModel::Node &n : m_model.nodes()) {
        auto *item = new TopologyNodeItem(this, n.name);
        m_scene->addItem(item);
        item->setPos(n.centre);
        m_nodes.push_back(item);
    }
    m_dots = new TopologyDotsItem(this);
    m_dots->setVisible(m_animated);
    m_scene->addItem(m_dots);
    fit();
}

void TopologyView::fit()
{
    const QRectF b = m_model.bounds().adjusted(-40, -40, 40, 40);
    m_scene->setSceneRect(b);
    fitInView(b, Qt::KeepAspectRatio);
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fit();
}

void TopologyView::onFrame()
{
    Simulation *sim = m_controller->simulation();
    if (!sim)
        return;
    if (m_model.setScenario(sim->scenario()))
        rebuild();
    std::map<std::string, std::vector<ReplicaLive>> replicas;
    for (const auto &svc : sim->services())
        replicas[svc->serviceName()] = replicasLive(*sim, svc->serviceName());
    m_model.setLive(edgesLive(*sim), replicas);
    m_model.addEvents(m_controller->frameEvents().events(), sim->now(), m_controller->speed(),
                      wallNow());
    for (TopologyEdgeItem *e : m_edges)
        e->refresh();
    m_scene->update();
    m_ticker->frameRepainted();
    if (m_model.liveDots() > 0)
        m_ticker->runUntil(m_ticker->nowMs() + 2 * TopologyModel::kTripMs);
}

void TopologyView::setAnimated(bool animated)
{
    m_animated = animated;
    if (m_dots)
        m_dots->setVisible(animated);
}

void TopologyView::selectEdge(const std::string &edge)
{
    if (edge == m_selectedEdge)
        return;
    m_selectedEdge = edge;
    m_scene->update();
    emit edgeSelected(QString::fromStdString(edge));
}

void TopologyView::selectService(const std::string &service)
{
    if (service == "client" || service == m_selectedService)
        return;
    m_selectedService = service;
    m_scene->update();
    emit serviceSelected(QString::fromStdString(service));
}

QPointF TopologyView::nodeCentre(const std::string &name) const
{
    const TopologyModel::Node *n = m_model.node(name);
    return n ? n->centre : QPointF();
}

QPointF TopologyView::edgeMiddle(const std::string &name) const
{
    const TopologyModel::Edge *e = m_model.edge(name);
    return e ? m_model.pointOn(*e, 0.5) : QPointF();
}

void TopologyView::nodeMoved(const std::string &name, QPointF centre)
{
    m_model.moveNode(name, centre);
    m_moved = true;
    for (TopologyEdgeItem *e : m_edges)
        e->refresh();
    m_scene->update();
}

void TopologyView::nodeReleased()
{
    if (!m_moved)
        return;
    m_moved = false;
    emit layoutEdited(m_model.layoutPositions());
}

const TopologyModel::Node *TopologyView::nodeAt(QPointF scenePos) const
{
    for (const TopologyModel::Node &n : m_model.nodes()) {
        const QRectF box(n.centre - QPointF(n.size.width() / 2, n.size.height() / 2), n.size);
        if (box.contains(scenePos))
            return &n;
    }
    return nullptr;
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier)) {
        const TopologyModel::Node *n = nodeAt(mapToScene(event->pos()));
        if (n && !n->client) {
            m_linking = true;
            m_linkFrom = n->name;
            m_linkTo = mapToScene(event->pos());
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_linking) {
        m_linkTo = mapToScene(event->pos());
        m_scene->update();
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void TopologyView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_linking) {
        m_linking = false;
        const TopologyModel::Node *to = nodeAt(mapToScene(event->pos()));
        if (to && !to->client && to->name != m_linkFrom)
            emit callRequested(QString::fromStdString(m_linkFrom),
                               QString::fromStdString(to->name));
        m_scene->update();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

} // namespace reslab::ui
