#include "colormap.h"

#include <algorithm>
#include <cmath>

namespace reslab::ui {

QColor viridis(double t)
{
    // matplotlib's viridis at t = 0, 0.1, ..., 1; linear in between.
    static constexpr double kStops[11][3] = {
        {0.267004, 0.004874, 0.329415}, {0.282623, 0.140926, 0.457517},
        {0.253935, 0.265254, 0.529983}, {0.206756, 0.371758, 0.553117},
        {0.163625, 0.471133, 0.558148}, {0.127568, 0.566949, 0.550556},
        {0.134692, 0.658636, 0.517649}, {0.266941, 0.748751, 0.440573},
        {0.477504, 0.821444, 0.318195}, {0.741388, 0.873449, 0.149561},
        {0.993248, 0.906157, 0.143936}};
    if (!std::isfinite(t))
        t = 0;
    t = std::clamp(t, 0.0, 1.0) * 10.0;
    const int i = std::min(9, static_cast<int>(t));
    const double f = t - i;
    double rgb[3];
    for (int c = 0; c < 3; ++c)
        rgb[c] = kStops[i][c] + (kStops[i + 1][c] - kStops[i][c]) * f;
    return QColor::fromRgbF(static_cast<float>(rgb[0]), static_cast<float>(rgb[1]),
                            static_cast<float>(rgb[2]));
}

} // namespace reslab::ui
