#pragma once

#include <cstdint>
#include <optional>

namespace reslab {

struct StagePattern;

/// `type: bulkhead` (scenario version 2): resilience4j's semaphore bulkhead, with a waiting queue
/// that may be bounded as Polly's concurrency limiter's is.
struct BulkheadSpec
{
    int maxConcurrentCalls = 25; ///< `max_concurrent_calls` (resilience4j maxConcurrentCalls)
    double maxWaitMs = 0;        ///< `max_wait_ms` (maxWaitDuration): 0 rejects at once when full
    /// `queue_limit`: calls that may wait at a time; absent: unbounded.
    std::optional<std::int64_t> queueLimit;
    /// What the registry knows of this stage type (engine/src/stages/).
    static const StagePattern &pattern();
    bool operator==(const BulkheadSpec &) const = default;
};

} // namespace reslab
