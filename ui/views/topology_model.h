#pragma once

#include "request_sampler.h"

#include "reslab/metrics/event_log.h"
#include "reslab/model/run_outputs.h"
#include "reslab/model/scenario.h"

#include <QPointF>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace reslab::ui {

/// What the topology view shows, without drawing it: the client and the services as nodes, the
/// edges as arrows (placed by Graphviz's `dot` layout, or where the scenario's `layout` key puts
/// a service), the engine's live numbers on each (EdgeLive, ReplicaLive: nothing is computed
/// here), and requests as dots travelling along the edges, built from the call_start / call_end
/// (and request_start / request_end) events. Scene coordinates: y grows downwards.
class TopologyModel
{
public:
    static constexpr int kMaxDots = 400;
    /// A dot's trip along an edge, one way (wall ms): the flow view's pace.
    static constexpr qint64 kTripMs = 500;

    struct Node
    {
        std::string name; ///< "client" or a service
        bool client = false;
        QPointF centre;
        QSizeF size;
        int replicas = 1;
        int concurrency = 0;
        std::vector<ReplicaLive> live; ///< one per replica
    };
    struct Edge
    {
        std::string name;
        std::string caller, callee;
        QString label; ///< the pipeline, "direct" without stages
        bool optional = false;
        double probability = 1;
        std::vector<QPointF> path; ///< polyline through the spline's control points, tail first
        QPointF labelAt;
        EdgeLive live;
    };
    enum Tint : std::uint8_t
    {
        InFlight,
        Success,
        Failed,
        TimedOut,
        Fallback,
        Rejected,
        TintCount
    };
    struct DotSnapshot
    {
        std::string edge;
        QPointF at;
        Tint tint = InFlight;
        qreal opacity = 1;
    };

    /// Lays the scenario's graph out (again, if its shape changed). Returns true when the nodes
    /// or edges changed. An error from Graphviz leaves a plain left-to-right layout and says so
    /// in layoutError().
    bool setScenario(const Scenario &scenario);
    const std::vector<Node> &nodes() const { return m_nodes; }
    const std::vector<Edge> &edges() const { return m_edges; }
    const Node *node(const std::string &name) const;
    const Edge *edge(const std::string &name) const;
    /// The bounding box of every node and edge.
    QRectF bounds() const;
    const std::string &layoutError() const { return m_layoutError; }

    /// Moves a node (a drag): the edges at it follow as straight lines.
    void moveNode(const std::string &name, QPointF centre);
    /// The positions of the services, as the scenario's `layout` key stores them.
    std::map<std::string, std::array<double, 2>> layoutPositions() const;

    /// The engine's numbers now.
    void setLive(const std::vector<EdgeLive> &edges,
                 const std::map<std::string, std::vector<ReplicaLive>> &replicas);

    /// One frame's events: dots start and turn back on call and request events.
    void addEvents(std::span<const EventRecord> events, SimTime simNow, double speed,
                   qint64 wallNow);
    /// The dots as drawn at `wallNow` (finished ones are dropped).
    std::vector<DotSnapshot> dots(qint64 wallNow);
    int liveDots() const { return static_cast<int>(m_dots.size()); }
    int samplingEvery() const { return m_sampler.every(); }
    /// A new run.
    void reset();

    /// The point at fraction t (0..1) along an edge's path.
    QPointF pointOn(const Edge &e, double t) const;

private:
    struct Dot
    {
        std::string edge;
        std::uint64_t request = 0;
        std::uint32_t attempt = 0;
        qint64 start = 0;
        bool back = false; ///< on its way back to the caller
        bool done = false; ///< its answer came: fades at the caller
        Tint tint = InFlight;
    };
    void straightenEdgesAt(const std::string &node);
    static Tint tintOf(Outcome o);
    void startDot(const std::string &edge, std::uint64_t request, std::uint32_t attempt, qint64 at);
    void endDot(const std::string &edge, std::uint64_t request, std::uint32_t attempt,
                Outcome outcome, qint64 at);

    std::string m_shape; ///< what the layout was made from
    std::vector<Node> m_nodes;
    std::vector<Edge> m_edges;
    std::string m_layoutError;
    std::vector<Dot> m_dots;
    RequestSampler m_sampler{12};
    SimTime m_lastNow = 0;
    std::string m_target;
};

} // namespace reslab::ui
