#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace reslab {

/// What a stage or a service hands back to its caller.
enum class Outcome : std::uint8_t
{
    Ok,             ///< primary answer
    Fallback,       ///< degraded answer from a fallback stage
    Error,          ///< the service failed
    Timeout,        ///< no answer in time (a timeout stage fired)
    CircuitOpen,    ///< rejected by an open / saturated half-open breaker
    Overloaded,     ///< the service's queue was full
    Rejected,       ///< bulkhead / rate limit / retry budget style rejection
    FallbackFailed, ///< the fallback itself had nothing to give
};
inline constexpr int kOutcomeCount = 8;

/// A set of outcomes (bit i = Outcome i), as used by `record`, `retry_on`, `handle`.
class OutcomeSet
{
public:
    constexpr OutcomeSet() = default;
    constexpr OutcomeSet(std::initializer_list<Outcome> list)
    {
        for (Outcome o : list)
            m_bits |= bit(o);
    }
    constexpr bool contains(Outcome o) const { return (m_bits & bit(o)) != 0; }
    constexpr void insert(Outcome o) { m_bits |= bit(o); }
    constexpr bool empty() const { return m_bits == 0; }
    constexpr std::uint32_t bits() const { return m_bits; }
    constexpr bool operator==(const OutcomeSet &) const = default;

    /// Every failure outcome (all but Ok and Fallback).
    static constexpr OutcomeSet allFailures()
    {
        return {Outcome::Error,      Outcome::Timeout,  Outcome::CircuitOpen,
                Outcome::Overloaded, Outcome::Rejected, Outcome::FallbackFailed};
    }

private:
    static constexpr std::uint32_t bit(Outcome o) { return 1u << static_cast<unsigned>(o); }
    std::uint32_t m_bits = 0;
};

inline constexpr bool isFailure(Outcome o)
{
    return o != Outcome::Ok && o != Outcome::Fallback;
}

/// The name used in files and scenario keys ("ok", "circuit_open", ...).
std::string_view outcomeName(Outcome o);
std::optional<Outcome> parseOutcome(std::string_view name);

} // namespace reslab
