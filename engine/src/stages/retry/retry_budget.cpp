#include "stages/retry/retry_budget.h"

#include <algorithm>

namespace reslab {
namespace {
constexpr int kSlices = 10;
}

RetryBudget::RetryBudget(const RetryBudgetSpec &spec)
    : m_spec(spec)
    , m_slice(std::max<SimTime>(1, fromMillis(spec.ttlMs) / kSlices))
    , m_reserve(spec.minRetriesPerS * spec.ttlMs / 1000.0)
    , m_slices(kSlices)
{}

void RetryBudget::advance(SimTime now)
{
    const std::int64_t current = now / m_slice;
    // Slices older than the ttl expire with their deposits and withdrawals.
    for (Slice &s : m_slices) {
        if (s.index >= 0 && s.index <= current - kSlices) {
            m_deposits -= s.deposits;
            m_withdrawals -= s.withdrawals;
            s = Slice{};
        }
    }
    Slice &cur = m_slices[static_cast<std::size_t>(current % kSlices)];
    if (cur.index != current) {
        m_deposits -= cur.deposits;
        m_withdrawals -= cur.withdrawals;
        cur = Slice{current, 0, 0};
    }
}

void RetryBudget::deposit(SimTime now)
{
    advance(now);
    ++m_slices[static_cast<std::size_t>((now / m_slice) % kSlices)].deposits;
    ++m_deposits;
}

double RetryBudget::balance(SimTime now)
{
    advance(now);
    return m_reserve + m_spec.ratio * static_cast<double>(m_deposits) -
           static_cast<double>(m_withdrawals);
}

bool RetryBudget::tryWithdraw(SimTime now)
{
    if (balance(now) < 1.0)
        return false;
    ++m_slices[static_cast<std::size_t>((now / m_slice) % kSlices)].withdrawals;
    ++m_withdrawals;
    return true;
}

} // namespace reslab
