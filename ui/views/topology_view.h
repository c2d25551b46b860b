#pragma once

#include "topology_model.h"

#include <QGraphicsView>

#include <functional>
#include <map>
#include <string>

class QGraphicsScene;

namespace reslab::ui {

class AnimationTicker;
class SimulationController;
class TopologyDotsItem;
class TopologyEdgeItem;
class TopologyNodeItem;

/// The service graph of the running scenario: the client and each service as a node (replicas
/// as stacked instances filled by their utilisation, the queue depth beside them; a crashed
/// replica red, a hanging one hatched), each call as an arrow with a live badge (calls/s, the
/// failure share, the state of the edge's breaker in the breaker colours), and requests as dots
/// moving along the edges, coloured by outcome. Graphviz lays the graph out; nodes can be
/// dragged, and the positions are offered to the scenario's `layout` key. Clicking an edge or a
/// service selects it (the other views follow the selected edge).
class TopologyView final : public QGraphicsView
{
    Q_OBJECT

public:
    using WallClock = std::function<qint64()>;

    explicit TopologyView(SimulationController *controller, QWidget *parent = nullptr);
    ~TopologyView() override;

    const TopologyModel &model() const { return m_model; }
    /// The selected edge ("" for none) and service.
    const std::string &selectedEdge() const { return m_selectedEdge; }
    const std::string &selectedService() const { return m_selectedService; }
    void selectEdge(const std::string &edge);
    void selectService(const std::string &service);
    /// Test hooks: the scene position of a node's centre, and of an edge's middle.
    QPointF nodeCentre(const std::string &name) const;
    QPointF edgeMiddle(const std::string &name) const;
    void setWallClock(WallClock clock) { m_clock = std::move(clock); }
    /// Whether requests are drawn as moving dots (off for still images).
    void setAnimated(bool animated);

    QSize sizeHint() const override { return {640, 320}; }
    QSize minimumSizeHint() const override { return {300, 200}; }

signals:
    void edgeSelected(const QString &edge);
    void serviceSelected(const QString &service);
    /// The user moved a node: the new positions of every service (the `layout` key).
    void layoutEdited(const std::map<std::string, std::array<double, 2>> &positions);
    /// The user dragged from one service onto another with Shift held: a new call.
    void callRequested(const QString &from, const QString &to);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    friend class TopologyNodeItem;
    friend class TopologyEdgeItem;
    friend class TopologyDotsItem;

    void onFrame();
    void retranslate();
    void rebuild();
    void fit();
    qint64 wallNow() const;
    const TopologyModel::Node *nodeAt(QPointF scenePos) const;
    void nodeMoved(const std::string &name, QPointF centre);
    void nodeReleased();

    SimulationController *m_controller;
    AnimationTicker *m_ticker;
    WallClock m_clock;
    TopologyModel m_model;
    QGraphicsScene *m_scene;
    std::vector<TopologyNodeItem *> m_nodes;
    std::vector<TopologyEdgeItem *> m_edges;
    TopologyDotsItem *m_dots = nullptr;
    std::string m_selectedEdge;
    std::string m_selectedService;
    bool m_moved = false;
    bool m_animated = true;
    // Shift-drag from a node: a new call
    std::string m_linkFrom;
    QPointF m_linkTo;
    bool m_linking = false;
};

} // namespace reslab::ui
