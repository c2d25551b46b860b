#pragma once

#include <QColor>

namespace reslab::ui {

/// Viridis (matplotlib's perceptually uniform colormap, readable in grey and by colour-blind
/// people): t = 0 is dark purple, t = 1 yellow; t is clamped to [0, 1].
QColor viridis(double t);

} // namespace reslab::ui
