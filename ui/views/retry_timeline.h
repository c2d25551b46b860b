#pragma once

#include "request_sampler.h"

#include "reslab/kernel/time.h"
#include "reslab/model/outcome.h"

#include <QWidget>

#include <cstdint>
#include <deque>
#include <unordered_map>
#include <vector>

namespace reslab::ui {

class SimulationController;

/// Swim lanes of the last requests that reached the service (newest at the top): each attempt
/// a bar from attempt_start to attempt_end coloured by its outcome (a timed-out attempt ends at
/// its timeout with a clock mark, the abandoned work a thin line after it), each backoff a dashed
/// gap labelled with its delay, breaker rejections and fallbacks as marks, the request's outcome
/// at the end of its lane. Times are in ms since each request started. It keeps its own bounded
/// history across frames (forgotten on runReset). At high rates it follows 1 request in N, and
/// as many of the others as it can show (a few per second) when an attempt of theirs fails.
class RetryTimeline final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxLanes = 30;

    explicit RetryTimeline(SimulationController *controller, QWidget *parent = nullptr);

    int laneCount() const { return static_cast<int>(m_lanes.size()); }
    /// Request ids of the lanes, newest first.
    std::vector<std::uint64_t> laneRequests() const;
    /// Attempt bars in the lane of `request` (-1: no lane for it).
    int barCount(std::uint64_t request) const;
    /// Backoff gaps in the lane of `request` (-1: no lane for it).
    int backoffCount(std::uint64_t request) const;
    /// 1 in samplingEvery() requests get a lane.
    int samplingEvery() const { return m_sampler.every(); }

    QSize sizeHint() const override { return {500, 300}; }
    QSize minimumSizeHint() const override { return {300, 200}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Bar
    {
        std::uint32_t attempt = 0;
        SimTime start = 0;
        SimTime end = -1;       ///< -1: still running
        SimTime timeoutAt = -1; ///< the caller stopped waiting here
        Outcome outcome = Outcome::Ok;
        bool cancelled = false;
    };
    struct Backoff
    {
        SimTime at = 0;
        SimTime delay = 0;
    };
    struct Mark
    {
        enum Kind
        {
            Rejected,
            Fallback,
            FallbackMiss,
            Timeout
        };
        SimTime at = 0;
        Kind kind = Rejected;
    };
    struct Lane
    {
        std::uint64_t request = 0;
        SimTime start = 0;
        std::vector<Bar> bars;
        std::vector<Backoff> backoffs;
        std::vector<Mark> marks;
        bool ended = false;
        SimTime end = 0;
        Outcome outcome = Outcome::Ok;
    };

    void onFrame();
    void onReset();
    Lane *find(std::uint64_t request);
    const Lane *find(std::uint64_t request) const;
    Lane &openLane(std::uint64_t request, SimTime start);
    /// The lane of a request that has just failed an attempt: its own, or a new one if the
    /// failure budget allows.
    Lane *laneForFailure(std::uint64_t request);
    SimTime laneSpan(const Lane &lane) const;

    SimulationController *m_controller;
    std::deque<Lane> m_lanes; ///< newest first
    /// A request in flight without a lane yet.
    struct Pending
    {
        SimTime start = 0;
        bool sampled = false; ///< gets a lane at its first attempt
        std::uint32_t attempt = 0;
        SimTime attemptStart = -1;
    };
    std::unordered_map<std::uint64_t, Pending> m_pending;
    double m_failureTokens = 6; ///< lanes still allowed for failing requests outside the sample
    RequestSampler m_sampler{8.0};
    SimTime m_now = 0;
    SimTime m_lastNow = 0;
    double m_spanShownMs = 0; ///< the axis eases towards the longest lane
};

} // namespace reslab::ui
