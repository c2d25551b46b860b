#pragma once

// Lays out DOT text with Graphviz's `dot` engine and reads the positions back, or renders it as
// SVG. Coordinates are Graphviz points (1/72 inch) with y growing upwards, as Graphviz gives them.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace reslab::layout {

struct NodeBox
{
    std::string name;
    double x = 0, y = 0;          ///< centre
    double width = 0, height = 0; ///< points
};

struct EdgePath
{
    std::string id;                                ///< the edge's `id` attribute (its name)
    std::string tail, head;                        ///< node names
    std::vector<std::pair<double, double>> points; ///< the spline's control points, tail first
    std::optional<std::pair<double, double>> labelPos;
};

struct GraphLayout
{
    double width = 0, height = 0; ///< the bounding box
    std::vector<NodeBox> nodes;
    std::vector<EdgePath> edges;
};

/// The layout of `dot`, or nullopt with `error` set (a DOT syntax error, a Graphviz failure).
std::optional<GraphLayout> layoutDot(const std::string &dot, std::string &error);

/// `dot` rendered as an SVG document, or nullopt with `error` set.
std::optional<std::string> renderSvg(const std::string &dot, std::string &error);

} // namespace reslab::layout
