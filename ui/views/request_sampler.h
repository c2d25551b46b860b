#pragma once

#include "reslab/kernel/time.h"

#include <cstdint>

namespace reslab::ui {

/// Decides which requests a view draws when there are too many to watch: every Nth request by
/// id (id % N == 0), N a round number (1, 2, 5, 10, 20, 50, ...) chosen from the arrival rate in
/// wall time (virtual rate x speed) so that about `perWallSecond` new requests appear each second.
/// N goes up at once and comes down only after a few quieter windows, so it does not flicker.
class RequestSampler
{
public:
    explicit RequestSampler(double perWallSecond)
        : m_target(perWallSecond)
    {}

    /// `starts` requests arrived in the last `virtualSpan` of virtual time, played at `speed`.
    void observe(std::uint64_t starts, SimTime virtualSpan, double speed);
    bool admits(std::uint64_t request) const { return request % m_every == 0; }
    int every() const { return static_cast<int>(m_every); }
    void reset();

private:
    double m_target;
    std::uint64_t m_every = 1;
    std::uint64_t m_starts = 0;
    SimTime m_span = 0;
    int m_quieter = 0;
};

} // namespace reslab::ui
