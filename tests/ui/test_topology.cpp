// The topology view: its nodes and edges are the scenario's graph, laid out by Graphviz;
// selecting an edge points the breaker diagram at that edge's breaker; a Shift-drag from one
// service to another adds a call, and undo removes it; dots follow the call events.

#include "main_window.h"
#include "scenario_document.h"
#include "simulation_controller.h"
#include "views/breaker_diagram.h"
#include "views/event_log_model.h"
#include "views/event_log_view.h"
#include "views/topology_view.h"

#include "ui_runs.h"

#include "reslab/io/scenario_io.h"

#include <QTabWidget>
#include <QTest>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace reslab::ui {
namespace {

using nlohmann::json;

/// A gateway calling catalog (timeout) and, optionally, reviews (breaker + timeout).
Scenario gatewayScenario()
{
    const ScenarioParse r = parseScenarioText(R"({
      "version": 2, "name": "gateway", "duration_s": 60, "seed": 3,
      "load": {"type": "poisson", "rate_per_s": 50},
      "target": "gateway",
      "services": {
        "gateway": {"latency_ms": {"dist": "constant", "value": 5}, "concurrency": 20,
                    "calls": [ {"to": "catalog",
                                "pipeline": [ {"type": "timeout", "timeout_ms": 300} ]},
                               {"to": "reviews", "probability": 0.5, "required": false,
                                "pipeline": [ {"type": "circuit_breaker", "policy": "consecutive"},
                                              {"type": "timeout", "timeout_ms": 200} ]} ]},
        "catalog": {"latency_ms": {"dist": "exponential", "mean": 20}, "replicas": 3},
        "reviews": {"latency_ms": {"dist": "constant", "value": 30},
                    "phases": [ {"at_s": 5, "state": "hang"} ]}
      }
    })");
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().toString());
    return *r.scenario;
}

TEST(TopologyModel, NodesAndEdgesAreTheScenariosGraph)
{
    TopologyModel m;
    ASSERT_TRUE(m.setScenario(gatewayScenario()));
    EXPECT_TRUE(m.layoutError().empty()) << m.layoutError();
    std::set<std::string> nodes;
    for (const auto &n : m.nodes())
        nodes.insert(n.name);
    EXPECT_EQ(nodes, (std::set<std::string>{"client", "gateway", "catalog", "reviews"}));
    ASSERT_EQ(m.edges().size(), 3u);
    EXPECT_EQ(m.edges()[0].name, "client->gateway");
    EXPECT_EQ(m.edges()[1].name, "gateway->catalog");
    EXPECT_EQ(m.edges()[2].name, "gateway->reviews");
    EXPECT_TRUE(m.edges()[2].optional);
    EXPECT_FALSE(m.edges()[1].optional);
    EXPECT_EQ(m.edges()[1].label.toStdString(), "timeout 300 ms");
    EXPECT_EQ(m.node("catalog")->replicas, 3);
    // dot's left-to-right ranks: the client, then the gateway, then its callees.
    EXPECT_LT(m.node("client")->centre.x(), m.node("gateway")->centre.x());
    EXPECT_LT(m.node("gateway")->centre.x(), m.node("catalog")->centre.x());
    EXPECT_LT(m.node("gateway")->centre.x(), m.node("reviews")->centre.x());
    EXPECT_NE(m.node("catalog")->centre.y(), m.node("reviews")->centre.y());
    // Each edge runs from its caller's node to its callee's.
    for (const auto &e : m.edges()) {
        ASSERT_GE(e.path.size(), 2u) << e.name;
        EXPECT_LT(m.node(e.caller)->centre.x(), m.pointOn(e, 1.0).x()) << e.name;
    }
    // The same scenario again changes nothing; a saved position moves its node.
    EXPECT_FALSE(m.setScenario(gatewayScenario()));
    Scenario moved = gatewayScenario();
    moved.layout["reviews"] = {500, 400};
    ASSERT_TRUE(m.setScenario(moved));
    EXPECT_EQ(m.node("reviews")->centre, QPointF(500, 400));
    EXPECT_EQ(m.pointOn(*m.edge("gateway->reviews"), 1.0), QPointF(500, 400));
}

TEST(TopologyModel, DotsTravelOnCallEventsAndTurnBackOnTheirAnswer)
{
    TopologyModel m;
    m.setScenario(gatewayScenario());
    EventRecord start{.time = 0,
                      .request = 0,
                      .attempt = 1,
                      .stage = "gateway->catalog",
                      .kind = EventKind::CallStart};
    m.addEvents(std::span<const EventRecord>(&start, 1), 0, 1.0, 1000);
    auto dots = m.dots(1000 + TopologyModel::kTripMs / 2);
    ASSERT_EQ(dots.size(), 1u);
    const auto &edge = *m.edge("gateway->catalog");
    EXPECT_EQ(dots[0].at, m.pointOn(edge, 0.5));
    EXPECT_EQ(dots[0].tint, TopologyModel::InFlight);
    EventRecord end = start;
    end.kind = EventKind::CallEnd;
    end.outcome = Outcome::Timeout;
    m.addEvents(std::span<const EventRecord>(&end, 1), 0, 1.0, 1100);
    // It reaches the callee first (at 1000 + trip), then comes back coloured by its outcome.
    dots = m.dots(1000 + TopologyModel::kTripMs + TopologyModel::kTripMs / 4);
    ASSERT_EQ(dots.size(), 1u);
    EXPECT_EQ(dots[0].tint, TopologyModel::TimedOut);
    EXPECT_EQ(dots[0].at, m.pointOn(edge, 0.75));
    EXPECT_TRUE(m.dots(1000 + 4 * TopologyModel::kTripMs).empty());
}

TEST(TopologyView, SelectingAnEdgeRetargetsTheBreakerDiagram)
{
    MainWindow window;
    const json doc = scenarioToJson(gatewayScenario());
    window.document()->reset(doc, "gateway.json");
    SimulationController *c = window.controller();
    ASSERT_NE(c->simulation(), nullptr);
    auto *tabs = window.findChild<QTabWidget *>("flowTabs");
    auto *topology = window.findChild<TopologyView *>("topologyView");
    auto *diagram = window.findChild<BreakerDiagram *>();
    ASSERT_NE(tabs, nullptr);
    ASSERT_NE(topology, nullptr);
    ASSERT_NE(diagram, nullptr);
    EXPECT_EQ(tabs->currentWidget(), topology); // a graph opens on its topology
    test::play(*c, 30, 20.0);
    EXPECT_FALSE(diagram->hasBreaker()); // the client edge has none
    topology->selectEdge("gateway->reviews");
    EXPECT_EQ(c->selectedEdgeName(), "gateway->reviews");
    ASSERT_NE(c->selectedEdge(), nullptr);
    EXPECT_EQ(c->selectedEdge()->name, "gateway->reviews");
    EXPECT_TRUE(diagram->hasBreaker());
    // reviews hangs from 5 s: the edge's breaker opens on the timeouts.
    test::play(*c, 60, 20.0);
    EXPECT_EQ(diagram->shownState(), c->selectedEdge()->breakers.front()->state());
    EXPECT_NE(diagram->shownState(), BreakerState::Closed);
    // The event log shows that edge's events only: its stages, its calls, its callee's attempts.
    auto *log = window.findChild<EventLogView *>();
    ASSERT_NE(log, nullptr);
    EXPECT_EQ(log->filter()->edge(), "gateway->reviews");
    ASSERT_GT(log->filter()->rowCount(), 0);
    for (int row = 0; row < log->filter()->rowCount(); ++row) {
        const QString stage =
            log->filter()->data(log->filter()->index(row, EventLogModel::Stage)).toString();
        EXPECT_TRUE(stage == "gateway->reviews" || stage == "service:reviews" ||
                    stage.startsWith("gateway->reviews/"))
            << stage.toStdString();
    }
    topology->selectEdge("client->gateway");
    EXPECT_FALSE(diagram->hasBreaker());
    EXPECT_EQ(log->filter()->edge(), "");
}

TEST(TopologyView, AShiftDragAddsACallAndUndoRemovesIt)
{
    MainWindow window;
    window.document()->reset(scenarioToJson(gatewayScenario()), "gateway.json");
    window.resize(1400, 900);
    window.show();
    auto *topology = window.findChild<TopologyView *>("topologyView");
    ASSERT_NE(topology, nullptr);
    auto *tabs = window.findChild<QTabWidget *>("flowTabs");
    tabs->setCurrentWidget(topology);
    QApplication::processEvents();
    const QPoint from = topology->mapFromScene(topology->nodeCentre("catalog"));
    const QPoint to = topology->mapFromScene(topology->nodeCentre("reviews"));
    QTest::mousePress(topology->viewport(), Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(topology->viewport(), (from + to) / 2);
    QTest::mouseMove(topology->viewport(), to);
    QTest::mouseRelease(topology->viewport(), Qt::LeftButton, Qt::ShiftModifier, to);
    const json calls = window.document()->value("services.catalog.calls");
    ASSERT_TRUE(calls.is_array());
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0]["to"], "reviews");
    ASSERT_NE(window.controller()->simulation(), nullptr);
    ASSERT_TRUE(window.document()->scenario().has_value());
    EXPECT_EQ(window.document()->scenario()->services.at("catalog").calls.size(), 1u);
    QApplication::processEvents();
    // The new edge is in the view once the edit reaches the run.
    window.controller()->apply(*window.document()->scenario(), false);
    QApplication::processEvents();
    EXPECT_NE(topology->model().edge("catalog->reviews"), nullptr);
    window.document()->undo();
    EXPECT_FALSE(window.document()->value("services.catalog.calls").is_array() &&
                 !window.document()->value("services.catalog.calls").empty());
    window.controller()->apply(*window.document()->scenario(), false);
    QApplication::processEvents();
    EXPECT_EQ(topology->model().edge("catalog->reviews"), nullptr);
}

} // namespace
} // namespace reslab::ui
