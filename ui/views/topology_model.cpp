#include "topology_model.h"

#include "reslab/io/graph_dot.h"
#include "reslab/layout/graph_layout.h"
#include "reslab/model/graph.h"

#include <algorithm>
#include <cmath>

namespace reslab::ui {
namespace {

constexpr double kNodeWidth = 120;
constexpr double kNodeHeight = 64;
constexpr double kClientWidth = 64;
/// A dot that waits this many trips at its callee without an answer is dropped.
constexpr double kGiveUpTrips = 16;

/// What a layout depends on: the services, their replicas and the edges.
std::string shapeOf(const Scenario &s)
{
    std::string shape = s.target + "|";
    for (const auto &[name, svc] : s.services) {
        shape += name + ":" + std::to_string(svc.replicas) + ":" + std::to_string(svc.concurrency);
        for (const CallSpec &c : svc.calls)
            shape += ">" + c.to + (c.required ? "" : "?") + pipelineLabel(c.pipeline);
        shape += ";";
    }
    shape += pipelineLabel(s.pipeline);
    for (const auto &[name, xy] : s.layout)
        shape += "@" + name + std::to_string(xy[0]) + "," + std::to_string(xy[1]);
    return shape;
}

QPointF bezier(const QPointF &a, const QPointF &b, const QPointF &c, const QPointF &d, double t)
{
    const double u = 1 - t;
    return u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
}

} // namespace

bool TopologyModel::setScenario(const Scenario &scenario)
{
    const std::string shape = shapeOf(scenario);
    if (shape == m_shape)
        return false;
    m_shape = shape;
    m_target = scenario.target;
    m_nodes.clear();
    m_edges.clear();
    m_layoutError.clear();

    m_nodes.push_back({.name = "client", .client = true, .size = {kClientWidth, 32}});
    for (const auto &[name, svc] : scenario.services)
        m_nodes.push_back({.name = name,
                           .size = {kNodeWidth, kNodeHeight},
                           .replicas = svc.replicas,
                           .concurrency = svc.concurrency});
    for (const EdgeRef &e : scenarioEdges(scenario)) {
        Edge edge{.name = e.name,
                  .caller = e.caller,
                  .callee = e.callee,
                  .label = QString::fromStdString(pipelineLabel(*e.pipeline))};
        if (!e.isClient()) {
            const CallSpec &call = scenario.services.at(e.caller).calls[e.callIndex];
            edge.optional = !call.required;
            edge.probability = call.probability;
        }
        edge.live.name = e.name;
        m_edges.push_back(std::move(edge));
    }

    // Graphviz places the nodes (its points, y up; nodes sized like ours, in inches).
    // Each edge's label gets a second line as wide as its live badge, so that dot keeps room for
    // the badge beside the edge.
    std::string dot = scenarioToDot(scenario);
    for (std::size_t at = dot.find("label=\""); at != std::string::npos;
         at = dot.find("label=\"", at + 1)) {
        const std::size_t close = dot.find('"', at + 7);
        if (dot.rfind("->", at) != std::string::npos &&
            dot.rfind('\n', at) < dot.rfind("->", at)) // an edge's label, not a node's
            dot.insert(close, "\\n000.0/s \u00b7 100 % failed");
    }
    const std::string sizes = "  node [fixedsize=true, width=" + std::to_string(kNodeWidth / 72) +
                              ", height=" + std::to_string(kNodeHeight / 72) +
                              "];\n  graph [nodesep=0.6, ranksep=1.2];\n";
    dot.insert(dot.find('\n') + 1, sizes);
    std::string error;
    const std::optional<layout::GraphLayout> laid = layout::layoutDot(dot, error);
    if (laid) {
        for (Node &n : m_nodes) {
            for (const layout::NodeBox &b : laid->nodes) {
                if (b.name == n.name)
                    n.centre = {b.x, laid->height - b.y};
            }
        }
        for (Edge &e : m_edges) {
            for (const layout::EdgePath &p : laid->edges) {
                if (p.id != e.name)
                    continue;
                for (const auto &[x, y] : p.points)
                    e.path.emplace_back(x, laid->height - y);
                if (p.labelPos)
                    e.labelAt = {p.labelPos->first, laid->height - p.labelPos->second};
            }
        }
    } else {
        m_layoutError = error;
        double x = 0;
        for (Node &n : m_nodes) {
            n.centre = {x, 0};
            x += 200;
        }
    }
    // A position saved in the scenario wins; the edges at it become straight. The client (never
    // saved) then sits left of the target.
    bool saved = false;
    for (Node &n : m_nodes) {
        const auto it = scenario.layout.find(n.name);
        if (it != scenario.layout.end()) {
            n.centre = {it->second[0], it->second[1]};
            saved = true;
        }
    }
    if (saved) {
        const Node *target = node(scenario.target);
        double left = target ? target->centre.x() : 0;
        for (const Node &n : m_nodes) {
            if (!n.client)
                left = std::min(left, n.centre.x());
        }
        if (target)
            m_nodes.front().centre = {left - 200, target->centre.y()};
        for (const Node &n : m_nodes)
            straightenEdgesAt(n.name);
    }
    for (Edge &e : m_edges) {
        if (e.path.size() < 2) {
            const Node *a = node(e.caller);
            const Node *b = node(e.callee);
            e.path = {a ? a->centre : QPointF(), b ? b->centre : QPointF()};
            e.labelAt = (e.path.front() + e.path.back()) / 2;
        }
    }
    m_dots.clear();
    return true;
}

const TopologyModel::Node *TopologyModel::node(const std::string &name) const
{
    for (const Node &n : m_nodes) {
        if (n.name == name)
            return &n;
    }
    return nullptr;
}

const TopologyModel::Edge *TopologyModel::edge(const std::string &name) const
{
    for (const Edge &e : m_edges) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

QRectF TopologyModel::bounds() const
{
    QRectF r;
    for (const Node &n : m_nodes)
        r = r.united(QRectF(n.centre - QPointF(n.size.width() / 2, n.size.height() / 2), n.size));
    for (const Edge &e : m_edges) {
        for (const QPointF &p : e.path)
            r = r.united(QRectF(p, QSizeF(1, 1)));
    }
    return r;
}

void TopologyModel::straightenEdgesAt(const std::string &name)
{
    for (Edge &e : m_edges) {
        if (e.caller != name && e.callee != name)
            continue;
        const Node *a = node(e.caller);
        const Node *b = node(e.callee);
        if (!a || !b)
            continue;
        // Two edges between one pair bow apart so that both stay visible.
        int twin = 0;
        for (const Edge &o : m_edges) {
            if (&o == &e)
                break;
            twin += o.caller == e.caller && o.callee == e.callee ? 1 : 0;
        }
        const QPointF from = a->centre, to = b->centre;
        const QPointF d = to - from;
        const double len = std::max(1.0, std::hypot(d.x(), d.y()));
        const QPointF normal(-d.y() / len, d.x() / len);
        const QPointF bow = normal * (24.0 * twin);
        e.path = {from, from + d / 3 + bow, from + 2 * d / 3 + bow, to};
        e.labelAt = (from + to) / 2 + bow + normal * 12;
    }
}

void TopologyModel::moveNode(const std::string &name, QPointF centre)
{
    for (Node &n : m_nodes) {
        if (n.name == name)
            n.centre = centre;
    }
    straightenEdgesAt(name);
}

std::map<std::string, std::array<double, 2>> TopologyModel::layoutPositions() const
{
    std::map<std::string, std::array<double, 2>> out;
    for (const Node &n : m_nodes) {
        if (!n.client)
            out[n.name] = {std::round(n.centre.x()), std::round(n.centre.y())};
    }
    return out;
}

void TopologyModel::setLive(const std::vector<EdgeLive> &edges,
                            const std::map<std::string, std::vector<ReplicaLive>> &replicas)
{
    for (Edge &e : m_edges) {
        for (const EdgeLive &l : edges) {
            if (l.name == e.name)
                e.live = l;
        }
    }
    for (Node &n : m_nodes) {
        const auto it = replicas.find(n.name);
        if (it != replicas.end())
            n.live = it->second;
    }
}

QPointF TopologyModel::pointOn(const Edge &e, double t) const
{
    t = std::clamp(t, 0.0, 1.0);
    if (e.path.size() >= 4 && (e.path.size() - 1) % 3 == 0) {
        // Graphviz's piecewise cubic Bezier: segments of 3 control points after the first.
        const std::size_t segments = (e.path.size() - 1) / 3;
        const double at = t * static_cast<double>(segments);
        const std::size_t s = std::min(segments - 1, static_cast<std::size_t>(at));
        const double u = at - static_cast<double>(s);
        return bezier(e.path[3 * s], e.path[3 * s + 1], e.path[3 * s + 2], e.path[3 * s + 3], u);
    }
    if (e.path.size() < 2)
        return e.path.empty() ? QPointF() : e.path.front();
    return e.path.front() + (e.path.back() - e.path.front()) * t;
}

TopologyModel::Tint TopologyModel::tintOf(Outcome o)
{
    switch (o) {
    case Outcome::Ok:
        return Success;
    case Outcome::Fallback:
        return Fallback;
    case Outcome::Timeout:
        return TimedOut;
    case Outcome::CircuitOpen:
    case Outcome::Rejected:
    case Outcome::Overloaded:
        return Rejected;
    default:
        return Failed;
    }
}

void TopologyModel::startDot(const std::string &edge, std::uint64_t request, std::uint32_t attempt,
                             qint64 at)
{
    if (static_cast<int>(m_dots.size()) >= kMaxDots)
        return;
    m_dots.push_back({.edge = edge, .request = request, .attempt = attempt, .start = at});
}

void TopologyModel::endDot(const std::string &edge, std::uint64_t request, std::uint32_t attempt,
                           Outcome outcome, qint64 at)
{
    for (Dot &d : m_dots) {
        if (d.edge == edge && d.request == request && d.attempt == attempt && !d.back) {
            d.back = true;
            // It turns back when it has arrived (at the earliest: a trip takes kTripMs).
            d.start = std::max(at, d.start + kTripMs);
            d.tint = tintOf(outcome);
            return;
        }
    }
}

void TopologyModel::addEvents(std::span<const EventRecord> events, SimTime simNow, double speed,
                              qint64 wallNow)
{
    std::uint64_t starts = 0;
    for (const EventRecord &e : events)
        starts += e.kind == EventKind::RequestStart ? 1 : 0;
    m_sampler.observe(starts, simNow - m_lastNow, speed);
    m_lastNow = simNow;
    const std::string client = m_edges.empty() ? std::string() : m_edges.front().name;
    for (const EventRecord &e : events) {
        if (!m_sampler.admits(e.request))
            continue;
        switch (e.kind) {
        case EventKind::RequestStart:
            startDot(client, e.request, 0, wallNow);
            break;
        case EventKind::RequestEnd:
            endDot(client, e.request, 0, e.outcome, wallNow);
            break;
        case EventKind::CallStart:
            startDot(std::string(e.stage), e.request, e.attempt, wallNow);
            break;
        case EventKind::CallEnd:
            endDot(std::string(e.stage), e.request, e.attempt, e.outcome, wallNow);
            break;
        default:
            break;
        }
    }
}

std::vector<TopologyModel::DotSnapshot> TopologyModel::dots(qint64 wallNow)
{
    std::vector<DotSnapshot> out;
    std::vector<Dot> keep;
    for (const Dot &d : m_dots) {
        const Edge *e = edge(d.edge);
        if (!e)
            continue;
        const double t = static_cast<double>(wallNow - d.start) / kTripMs;
        if (d.back && t >= 1.5)
            continue; // home, faded out
        if (!d.back && t > kGiveUpTrips)
            continue; // no answer for long (a hanging callee): let newer requests be drawn
        keep.push_back(d);
        DotSnapshot s{.edge = d.edge, .tint = d.tint};
        if (!d.back) {
            s.at = pointOn(*e, std::min(1.0, t)); // waits at the callee for its answer
        } else if (t < 0) {
            s.at = pointOn(*e, 1.0); // answered, turning back when it has arrived
        } else {
            s.at = pointOn(*e, 1.0 - std::min(1.0, t));
            s.opacity = t > 1 ? std::max(0.0, 1.5 - t) * 2 : 1.0;
        }
        out.push_back(s);
    }
    m_dots = std::move(keep);
    return out;
}

void TopologyModel::reset()
{
    m_dots.clear();
    m_sampler.reset();
    m_lastNow = 0;
}

} // namespace reslab::ui
