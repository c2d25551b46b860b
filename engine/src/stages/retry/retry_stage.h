#pragma once

#include "reslab/model/scenario.h"
#include "reslab/model/stage.h"
#include "reslab/stages/backoff.h"
#include "stages/retry/retry_budget.h"

#include <optional>

namespace reslab {

/// One call through a retry stage.
struct RetryCall : CallFrame
{
    int retriesDone = 0;
    bool waiting = false; ///< waiting out a backoff delay (`timer`)
    EventId timer;
    BackoffState backoff;
};

/// Retries the stages inside it: up to max_retries extra attempts for outcomes in `retry_on`,
/// waiting the backoff delay before each. A retry counts when its attempt starts. With a budget,
/// a retry the budget refuses ends the request with the outcome it had.
class RetryStage final : public FramedStage<RetryCall>
{
public:
    RetryStage(RunContext &ctx, std::string name, const RetrySpec &spec);

    std::uint64_t start(std::uint32_t slot, Caller *caller, std::uint64_t token) override;
    void cancel(std::uint64_t handle) override;
    void done(std::uint64_t token, Outcome outcome) override;
    void fire(std::uint32_t kind, std::uint64_t arg) override;
    void reconfigure(const StageSpec &spec) override;
    void addToSummary(Summary &s) const override;

    std::uint64_t retries() const { return m_retries; }
    std::uint64_t budgetDenied() const { return m_budgetDenied; }
    const RetrySpec &spec() const { return m_spec; }

private:
    RetrySpec m_spec;
    RandomStream m_rng;
    std::optional<RetryBudget> m_budget;
    std::uint64_t m_retries = 0;
    std::uint64_t m_budgetDenied = 0;
};

} // namespace reslab
