#include "reslab/stages/fallback_stage.h"

namespace reslab {

FallbackStage::FallbackStage(RunContext &ctx, std::string name, const FallbackSpec &spec,
                             Callee *fallbackService)
    : FramedStage(ctx, std::move(name))
    , m_spec(spec)
    , m_service(fallbackService)
{}

void FallbackStage::reconfigure(const StageSpec &spec)
{
    const std::string service = m_spec.service;
    m_spec = spec.as<FallbackSpec>();
    if (m_service)
        m_spec.service = service;
}

std::uint64_t FallbackStage::start(std::uint32_t slot, Caller *caller, std::uint64_t token)
{
    const std::uint64_t handle = open(slot, caller, token);
    callInner(handle);
    return handle;
}

void FallbackStage::emitFallback(std::uint32_t slot, std::string_view what, bool answered)
{
    StageBucket &b = bucket();
    ++(answered ? b.fallbacks : b.fallbackFailed);
    publish(slot, {.kind = EventKind::Fallback, .text = what});
}

void FallbackStage::done(std::uint64_t token, Outcome outcome)
{
    FallbackCall *f = m_frames.get(token);
    if (!f)
        return;
    const SimTime now = m_ctx.sim.now();
    if (f->inFallback) { // the fallback service answered
        if (outcome == Outcome::Ok) {
            ++m_counters.serviceHits;
            emitFallback(f->slot, "service", true);
            answer(token, Outcome::Fallback);
        } else {
            ++m_counters.serviceFailures;
            emitFallback(f->slot, "service_failed", false);
            answer(token, Outcome::FallbackFailed);
        }
        return;
    }
    if (outcome == Outcome::Ok)
        m_lastGood = now;
    if (!m_spec.handle.contains(outcome)) {
        answer(token, outcome);
        return;
    }
    switch (m_spec.mode) {
    case FallbackSpec::Mode::Static:
        ++m_counters.staticHits;
        emitFallback(f->slot, "static", true);
        answer(token, Outcome::Fallback);
        return;
    case FallbackSpec::Mode::Cache:
        if (m_lastGood >= 0 && now - m_lastGood <= fromMillis(m_spec.ttlMs)) {
            ++m_counters.cacheHits;
            emitFallback(f->slot, "cache", true);
            answer(token, Outcome::Fallback);
        } else {
            ++m_counters.cacheMisses;
            emitFallback(f->slot, "cache_miss", false);
            answer(token, Outcome::FallbackFailed);
        }
        return;
    case FallbackSpec::Mode::Service: {
        f->inFallback = true;
        callInner(token, m_service);
        return;
    }
    }
}

void FallbackStage::fire(std::uint32_t, std::uint64_t) {}

void FallbackStage::cancel(std::uint64_t handle)
{
    FallbackCall *f = m_frames.get(handle);
    if (!f)
        return;
    if (f->inFallback)
        m_service->cancel(f->inner);
    else
        m_inner->cancel(f->inner);
    drop(handle);
}

void FallbackStage::addToSummary(Summary &s) const
{
    s.fallbackStatic += m_counters.staticHits;
    s.fallbackCache += m_counters.cacheHits;
    s.fallbackService += m_counters.serviceHits;
    s.fallbackMisses += m_counters.cacheMisses + m_counters.serviceFailures;
}

} // namespace reslab
