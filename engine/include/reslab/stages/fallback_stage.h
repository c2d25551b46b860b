#pragma once

#include "reslab/model/scenario.h"
#include "reslab/model/stage.h"

namespace reslab {

/// One call through a fallback stage.
struct FallbackCall : CallFrame
{
    bool inFallback = false; ///< waiting for the fallback service
};

/// Replaces the failures it handles with a degraded answer: `static` (at once), `cache` (the last
/// good answer, if at most ttl_ms old) or `service` (a call to another virtual service, which may
/// fail too). When it has nothing to give, the request fails with `fallback_failed`.
class FallbackStage final : public FramedStage<FallbackCall>
{
public:
    FallbackStage(RunContext &ctx, std::string name, const FallbackSpec &spec,
                  Callee *fallbackService);

    std::uint64_t start(std::uint32_t slot, Caller *caller, std::uint64_t token) override;
    void cancel(std::uint64_t handle) override;
    void done(std::uint64_t token, Outcome outcome) override;
    void fire(std::uint32_t kind, std::uint64_t arg) override;
    /// Mode `service` keeps calling the service it was built with (a new service means a new
    /// pipeline shape).
    void reconfigure(const StageSpec &spec) override;
    void addToSummary(Summary &s) const override;

    struct Counters
    {
        std::uint64_t staticHits = 0, cacheHits = 0, serviceHits = 0;
        std::uint64_t cacheMisses = 0, serviceFailures = 0;
    };
    const Counters &counters() const { return m_counters; }
    const FallbackSpec &spec() const { return m_spec; }
    /// When the cache was last refreshed by a good answer (-1: never).
    SimTime lastGood() const { return m_lastGood; }

private:
    /// Counts the answer (`answered`: a degraded answer; else nothing to give) and publishes it.
    void emitFallback(std::uint32_t slot, std::string_view what, bool answered);

    FallbackSpec m_spec;
    Callee *m_service;
    Counters m_counters;
    SimTime m_lastGood = -1;
};

} // namespace reslab
