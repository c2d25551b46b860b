#pragma once

#include "reslab/scenario.h"
#include "reslab/stage.h"

namespace reslab {

/// Bounds the time of everything inside it. When it fires, the caller gets `timeout` at once; the
/// inner work goes on (and keeps its service busy) unless `cancel_inner` is set. An answer that
/// arrives at the very instant the timer fires is too late: the timer was scheduled first.
class TimeoutStage final : public Stage
{
public:
    TimeoutStage(RunContext &ctx, std::string name, const TimeoutSpec &spec);

    std::uint64_t start(std::uint32_t slot, Caller *caller, std::uint64_t token) override;
    void cancel(std::uint64_t handle) override;
    void done(std::uint64_t token, Outcome outcome) override;
    void onEvent(std::uint32_t kind, std::uint64_t arg) override;
    void reconfigure(const StageSpec &spec) override;

    std::uint64_t timeouts() const { return m_timeouts; }

private:
    struct Frame
    {
        Caller *caller = nullptr;
        std::uint64_t token = 0;
        std::uint32_t slot = 0;
        std::uint64_t inner = 0;
        EventId timer;
        bool abandoned = false;
    };
    void release(std::uint64_t handle, Frame &f);

    TimeoutSpec m_spec;
    SimTime m_timeout;
    FramePool<Frame> m_frames;
    std::uint64_t m_timeouts = 0;
};

} // namespace reslab
