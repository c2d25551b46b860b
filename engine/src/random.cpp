#include "reslab/random.h"

#include <cmath>
#include <numbers>

namespace reslab::sample {

double exponential(double mean, double uPositive)
{
    return -mean * std::log(uPositive);
}

double standardNormal(double u1Positive, double u2)
{
    return std::sqrt(-2.0 * std::log(u1Positive)) * std::cos(2.0 * std::numbers::pi * u2);
}

} // namespace reslab::sample
