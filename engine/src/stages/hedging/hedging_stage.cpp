#include "stages/hedging/hedging_stage.h"

namespace reslab {
namespace {

/// delay_ms as virtual time: -1 (hedge only after a handled failure) stays negative.
SimTime delayOf(const HedgingSpec &spec)
{
    return spec.delayMs < 0 ? SimTime{-1} : fromMillis(spec.delayMs);
}

} // namespace

HedgingStage::HedgingStage(RunContext &ctx, std::string name, const HedgingSpec &spec)
    : FramedStage(ctx, std::move(name))
    , m_spec(spec)
    , m_delay(delayOf(spec))
{}

std::uint64_t HedgingStage::start(std::uint32_t slot, Caller *caller, std::uint64_t token)
{
    const std::uint64_t handle = open(slot, caller, token);
    {
        HedgingCall &f = frame(handle);
        f.delay = m_delay;
        f.handle = m_spec.handle;
        f.maxAttempts = static_cast<std::uint8_t>(1 + m_spec.maxHedgedAttempts);
        f.cancelLosers = m_spec.cancelLosers;
    }
    // Delay 0: every attempt at once (Polly loads the next attempt while the delay is zero).
    do {
        launch(handle, "delay");
    } while (m_delay == 0 && frame(handle).launched < frame(handle).maxAttempts);
    return handle;
}

void HedgingStage::launch(std::uint64_t handle, std::string_view reason)
{
    HedgingCall &f = frame(handle);
    const auto index = f.launched++;
    ++f.running;
    const auto a = m_attempts.alloc();
    m_attempts[a.index].call = handle;
    m_attempts[a.index].index = index;
    f.attempts[index] = a.pack();
    if (index > 0) {
        ++m_hedges;
        ++bucket().hedges;
        publish(f.slot, {.attempt = index, .kind = EventKind::Hedge, .text = reason});
    }
    // The delay runs from this attempt's start while hedges remain. Its timer takes its place in
    // the event order before the attempt's inner call schedules anything: a delay that runs out
    // at the very instant the attempt answers fires first (as a timeout's timer does).
    m_ctx.sim.cancel(f.timer);
    f.timerArmed = f.delay > 0 && f.launched < f.maxAttempts;
    if (f.timerArmed)
        f.timer = m_ctx.sim.schedule(m_ctx.sim.now() + f.delay, this, 0, handle);
    const std::uint32_t slot = f.slot;
    const std::uint64_t inner = m_inner->start(slot, this, a.pack());
    m_attempts[a.index].inner = inner; // a callee never answers from start(): still live
}

void HedgingStage::fire(std::uint32_t, std::uint64_t arg)
{
    HedgingCall *f = m_frames.get(arg);
    if (!f || !f->timerArmed || f->answered)
        return;
    f->timerArmed = false;
    if (f->launched < f->maxAttempts)
        launch(arg, "delay");
}

void HedgingStage::stopAll(HedgingCall &f)
{
    m_ctx.sim.cancel(f.timer);
    f.timerArmed = false;
    for (std::uint8_t i = 0; i < f.launched; ++i) {
        Attempt *a = m_attempts.get(f.attempts[i]);
        if (!a)
            continue; // ended already
        const std::uint64_t inner = a->inner;
        m_attempts.free(static_cast<std::uint32_t>(f.attempts[i]));
        m_inner->cancel(inner);
    }
    f.running = 0;
}

void HedgingStage::done(std::uint64_t token, Outcome outcome)
{
    Attempt *a = m_attempts.get(token);
    if (!a)
        return;
    const std::uint64_t handle = a->call;
    const bool first = a->index == 0;
    m_attempts.free(static_cast<std::uint32_t>(token));
    HedgingCall &f = frame(handle); // a call's record outlives its attempts
    if (first)
        f.firstOutcome = outcome;
    --f.running;
    if (f.answered) {
        // A loser left running (cancel_losers false) ended: nobody waits for it. The last one
        // frees the record and the request slot it held.
        if (f.running == 0) {
            const std::uint32_t slot = f.slot;
            drop(handle);
            m_ctx.requests.release(slot);
        }
        return;
    }
    if (!f.handle.contains(outcome)) {
        // The first unhandled answer wins.
        m_ctx.sim.cancel(f.timer);
        f.timerArmed = false;
        if (f.cancelLosers)
            stopAll(f);
        if (f.running == 0) {
            answer(handle, outcome);
            return;
        }
        // The losers run on: keep the record until they end, and the request's slot with it
        // (the request may end before they do).
        f.answered = true;
        m_ctx.requests.retain(f.slot);
        Caller *caller = f.caller;
        const std::uint64_t callerToken = f.token;
        caller->done(callerToken, outcome);
        return;
    }
    // A handled failure: hedge at once while hedges remain (the delay re-arms from there);
    // otherwise wait for the others. When every attempt failed, Polly v8 answers with the first
    // attempt's outcome (HedgingExecutionContext takes the first task, in launch order, that
    // completed), whichever ended last.
    if (f.launched < f.maxAttempts) {
        launch(handle, outcomeName(outcome));
        return;
    }
    if (f.running == 0)
        answer(handle, f.firstOutcome);
}

void HedgingStage::cancel(std::uint64_t handle)
{
    HedgingCall *f = m_frames.get(handle);
    if (!f)
        return;
    // Answered or not, cancelling stops every attempt still running.
    const bool retained = f->answered;
    const std::uint32_t slot = f->slot;
    stopAll(*f);
    drop(handle);
    if (retained)
        m_ctx.requests.release(slot);
}

void HedgingStage::reconfigure(const StageSpec &spec)
{
    // Calls in flight keep the options they started with.
    m_spec = spec.as<HedgingSpec>();
    m_delay = delayOf(m_spec);
}

void HedgingStage::addToSummary(Summary &s) const
{
    s.hasHedging = true;
    s.hedges += m_hedges;
}

} // namespace reslab
