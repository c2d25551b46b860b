#include "request_sampler.h"

#include <initializer_list>

namespace reslab::ui {
namespace {
/// Estimates over at least this much virtual time.
constexpr SimTime kWindow = 500 * kMicrosPerMilli;
constexpr int kWindowsBeforeLowering = 3;

std::uint64_t roundUp(double ratio)
{
    std::uint64_t decade = 1;
    while (true) {
        for (std::uint64_t step : {1, 2, 5}) {
            const std::uint64_t n = step * decade;
            if (static_cast<double>(n) >= ratio || n >= 1'000'000'000)
                return n;
        }
        decade *= 10;
    }
}
} // namespace

void RequestSampler::observe(std::uint64_t starts, SimTime virtualSpan, double speed)
{
    if (virtualSpan <= 0)
        return;
    m_starts += starts;
    m_span += virtualSpan;
    if (m_span < kWindow)
        return;
    const double perWallSecond = static_cast<double>(m_starts) / toSeconds(m_span) * speed;
    m_starts = 0;
    m_span = 0;
    const std::uint64_t wanted = roundUp(perWallSecond / m_target);
    if (wanted > m_every) {
        m_every = wanted;
        m_quieter = 0;
    } else if (wanted < m_every) {
        if (++m_quieter >= kWindowsBeforeLowering) {
            m_every = wanted;
            m_quieter = 0;
        }
    } else {
        m_quieter = 0;
    }
}

void RequestSampler::reset()
{
    m_every = 1;
    m_starts = 0;
    m_span = 0;
    m_quieter = 0;
}

} // namespace reslab::ui
