#include "reslab/layout/graph_layout.h"

#include <graphviz/gvc.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <sstream>

namespace reslab::layout {
namespace {

// Graphviz keeps global state (its error reporting, the plugin registry): one call at a time.
std::mutex &graphvizMutex()
{
    static std::mutex m;
    return m;
}

/// A context, a graph and its layout, freed in the right order.
class Laid
{
public:
    Laid(const std::string &dot, std::string &error)
        : m_gvc(gvContext())
    {
        if (!m_gvc) {
            error = "Graphviz could not start (gvContext failed)";
            return;
        }
        agseterr(AGMAX); // keep Graphviz from printing to stderr; we report ourselves
        m_graph = agmemread(dot.c_str());
        if (!m_graph) {
            error = "Graphviz could not read the graph";
            return;
        }
        if (gvLayout(m_gvc, m_graph, "dot") != 0) {
            error = "Graphviz could not lay out the graph (is the dot layout plugin installed?)";
            return;
        }
        m_laid = true;
    }
    ~Laid()
    {
        if (m_laid)
            gvFreeLayout(m_gvc, m_graph);
        if (m_graph)
            agclose(m_graph);
        if (m_gvc)
            gvFreeContext(m_gvc);
    }
    Laid(const Laid &) = delete;
    Laid &operator=(const Laid &) = delete;

    bool ok() const { return m_laid; }
    std::optional<std::string> render(const char *format, std::string &error)
    {
        char *data = nullptr;
        unsigned int length = 0;
        if (gvRenderData(m_gvc, m_graph, format, &data, &length) != 0 || !data) {
            error = std::string("Graphviz could not render ") + format;
            return std::nullopt;
        }
        std::string out(data, length);
        gvFreeRenderData(data);
        return out;
    }

private:
    GVC_t *m_gvc = nullptr;
    Agraph_t *m_graph = nullptr;
    bool m_laid = false;
};

std::vector<double> numbers(const std::string &s)
{
    std::vector<double> out;
    std::string token;
    std::istringstream in(s);
    while (std::getline(in, token, ' ')) {
        std::istringstream t(token);
        std::string part;
        while (std::getline(t, part, ',')) {
            if (part == "e" || part == "s" || part.empty())
                continue;
            out.push_back(std::strtod(part.c_str(), nullptr));
        }
    }
    return out;
}

double attribute(const nlohmann::json &o, const char *key)
{
    const auto it = o.find(key);
    if (it == o.end() || !it->is_string())
        return 0;
    return std::strtod(it->get<std::string>().c_str(), nullptr);
}

} // namespace

std::optional<GraphLayout> layoutDot(const std::string &dot, std::string &error)
{
    const std::lock_guard<std::mutex> lock(graphvizMutex());
    Laid laid(dot, error);
    if (!laid.ok())
        return std::nullopt;
    const std::optional<std::string> text = laid.render("json0", error);
    if (!text)
        return std::nullopt;
    const nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        error = "Graphviz returned a layout this program cannot read";
        return std::nullopt;
    }
    GraphLayout out;
    if (j.contains("bb") && j["bb"].is_string()) {
        const std::vector<double> bb = numbers(j["bb"].get<std::string>());
        if (bb.size() == 4) {
            out.width = bb[2] - bb[0];
            out.height = bb[3] - bb[1];
        }
    }
    std::vector<std::string> byId;
    if (j.contains("objects") && j["objects"].is_array()) {
        for (const auto &o : j["objects"]) {
            NodeBox n;
            n.name = o.value("name", "");
            const std::vector<double> pos = numbers(o.value("pos", ""));
            if (pos.size() >= 2) {
                n.x = pos[0];
                n.y = pos[1];
            }
            n.width = attribute(o, "width") * 72;
            n.height = attribute(o, "height") * 72;
            const auto id = o.value("_gvid", 0);
            if (id >= 0) {
                if (byId.size() <= static_cast<std::size_t>(id))
                    byId.resize(static_cast<std::size_t>(id) + 1);
                byId[static_cast<std::size_t>(id)] = n.name;
            }
            out.nodes.push_back(std::move(n));
        }
    }
    const auto nodeName = [&byId](const nlohmann::json &v) {
        if (!v.is_number_integer())
            return std::string();
        const auto i = v.get<long long>();
        return i >= 0 && static_cast<std::size_t>(i) < byId.size()
                   ? byId[static_cast<std::size_t>(i)]
                   : std::string();
    };
    if (j.contains("edges") && j["edges"].is_array()) {
        for (const auto &e : j["edges"]) {
            EdgePath p;
            p.id = e.value("id", "");
            p.tail = nodeName(e.value("tail", nlohmann::json()));
            p.head = nodeName(e.value("head", nlohmann::json()));
            // "e,x,y x1,y1 x2,y2 ...": the arrow's end point first, then the spline.
            const std::string pos = e.value("pos", "");
            std::vector<double> v = numbers(pos);
            std::optional<std::pair<double, double>> end;
            if (pos.rfind("e,", 0) == 0 && v.size() >= 2) {
                end = std::make_pair(v[0], v[1]);
                v.erase(v.begin(), v.begin() + 2);
            }
            for (std::size_t i = 0; i + 1 < v.size(); i += 2)
                p.points.emplace_back(v[i], v[i + 1]);
            if (end)
                p.points.push_back(*end);
            const std::vector<double> lp = numbers(e.value("lp", ""));
            if (lp.size() >= 2)
                p.labelPos = std::make_pair(lp[0], lp[1]);
            out.edges.push_back(std::move(p));
        }
    }
    return out;
}

std::optional<std::string> renderSvg(const std::string &dot, std::string &error)
{
    const std::lock_guard<std::mutex> lock(graphvizMutex());
    Laid laid(dot, error);
    if (!laid.ok())
        return std::nullopt;
    return laid.render("svg", error);
}

} // namespace reslab::layout
