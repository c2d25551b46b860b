#include "reslab/stages/fallback_stage.h"

namespace reslab {

FallbackStage::FallbackStage(RunContext &ctx, std::string name, const FallbackSpec &spec,
                             Callee *fallbackService)
    : Stage(ctx, std::move(name))
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
    const auto h = m_frames.alloc();
    const std::uint64_t handle = h.pack();
    {
        Frame &f = m_frames[h.index];
        f.caller = caller;
        f.token = token;
        f.slot = slot;
    }
    const std::uint64_t inner = m_inner->start(slot, this, handle);
    m_frames[h.index].inner = inner;
    return handle;
}

void FallbackStage::finish(std::uint64_t handle, Frame &f, Outcome outcome)
{
    Caller *caller = f.caller;
    const std::uint64_t token = f.token;
    m_frames.free(static_cast<std::uint32_t>(handle));
    caller->done(token, outcome);
}

void FallbackStage::emitFallback(std::uint32_t slot, std::string_view what)
{
    if (m_ctx.sink)
        m_ctx.publish({.time = m_ctx.sim.now(),
                       .request = m_ctx.requests.id(slot),
                       .stage = m_name,
                       .kind = EventKind::Fallback,
                       .text = what});
}

void FallbackStage::done(std::uint64_t token, Outcome outcome)
{
    Frame *f = m_frames.get(token);
    if (!f)
        return;
    const SimTime now = m_ctx.sim.now();
    if (f->inFallback) { // the fallback service answered
        if (outcome == Outcome::Ok) {
            ++m_counters.serviceHits;
            emitFallback(f->slot, "service");
            finish(token, *f, Outcome::Fallback);
        } else {
            ++m_counters.serviceFailures;
            emitFallback(f->slot, "service_failed");
            finish(token, *f, Outcome::FallbackFailed);
        }
        return;
    }
    if (outcome == Outcome::Ok)
        m_lastGood = now;
    if (!m_spec.handle.contains(outcome)) {
        finish(token, *f, outcome);
        return;
    }
    switch (m_spec.mode) {
    case FallbackSpec::Mode::Static:
        ++m_counters.staticHits;
        emitFallback(f->slot, "static");
        finish(token, *f, Outcome::Fallback);
        return;
    case FallbackSpec::Mode::Cache:
        if (m_lastGood >= 0 && now - m_lastGood <= fromMillis(m_spec.ttlMs)) {
            ++m_counters.cacheHits;
            emitFallback(f->slot, "cache");
            finish(token, *f, Outcome::Fallback);
        } else {
            ++m_counters.cacheMisses;
            emitFallback(f->slot, "cache_miss");
            finish(token, *f, Outcome::FallbackFailed);
        }
        return;
    case FallbackSpec::Mode::Service: {
        f->inFallback = true;
        const std::uint32_t slot = f->slot;
        const std::uint64_t inner = m_service->start(slot, this, token);
        if (Frame *again = m_frames.get(token))
            again->inner = inner;
        return;
    }
    }
}

void FallbackStage::onEvent(std::uint32_t, std::uint64_t) {}

void FallbackStage::cancel(std::uint64_t handle)
{
    Frame *f = m_frames.get(handle);
    if (!f)
        return;
    if (f->inFallback)
        m_service->cancel(f->inner);
    else
        m_inner->cancel(f->inner);
    m_frames.free(static_cast<std::uint32_t>(handle));
}

void FallbackStage::addToSummary(Summary &s) const
{
    s.fallbackStatic += m_counters.staticHits;
    s.fallbackCache += m_counters.cacheHits;
    s.fallbackService += m_counters.serviceHits;
    s.fallbackMisses += m_counters.cacheMisses + m_counters.serviceFailures;
}

} // namespace reslab
