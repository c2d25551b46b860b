#pragma once

#include "reslab/kernel/time.h"
#include "reslab/model/scenario.h"

#include <cstdint>
#include <vector>

namespace reslab {

/// Finagle's RetryBudget: every request deposits `ratio` tokens, every retry withdraws one, and a
/// reserve of min_retries_per_s x ttl lets a quiet client retry at all. Deposits and withdrawals
/// count for `ttl_ms` only (kept in 1/10-ttl slices), so the budget follows recent traffic.
class RetryBudget
{
public:
    explicit RetryBudget(const RetryBudgetSpec &spec);

    void deposit(SimTime now);
    /// Takes one retry token if the balance allows it.
    bool tryWithdraw(SimTime now);
    double balance(SimTime now);

private:
    void advance(SimTime now);

    RetryBudgetSpec m_spec;
    SimTime m_slice;
    double m_reserve;
    struct Slice
    {
        std::int64_t index = -1;
        std::uint64_t deposits = 0;
        std::uint64_t withdrawals = 0;
    };
    std::vector<Slice> m_slices;
    std::uint64_t m_deposits = 0;
    std::uint64_t m_withdrawals = 0;
};

} // namespace reslab
