#pragma once

// The floor for the engine's event loop: an M/M/1 queue driven by a bare binary heap of
// (time, sequence) entries and nothing else — no slots, no cancellation, no targets, no
// metrics. Same model as the engine's M/M/1 benchmark (Poisson arrivals, one server,
// exponential service, unbounded FIFO queue), same integer-microsecond clock, same
// (time, insertion sequence) ordering, so the engine's events/s divided by this one's is the
// price of everything the engine does beyond scheduling.

#include "reslab/kernel/random.h"

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace reslab::bench {

/// Exponential gaps from mt19937_64 (the reference loop of docs/performance.md), inverse CDF.
class MtExponential
{
public:
    explicit MtExponential(std::uint64_t seed)
        : m_rng(seed)
    {}
    double operator()(double mean)
    {
        const double u = static_cast<double>((m_rng() >> 11) + 1) * 0x1.0p-53; // (0, 1]
        return -mean * std::log(u);
    }

private:
    std::mt19937_64 m_rng;
};

/// Exponential gaps from the engine's counter-based RandomStream (three SplitMix64 rounds).
class CounterExponential
{
public:
    explicit CounterExponential(std::uint64_t seed)
        : m_rs(seed, streamId("bare"))
    {}
    double operator()(double mean)
    {
        return -mean * std::log(m_rs.uniformPositive(m_next++, 0, 0));
    }

private:
    RandomStream m_rs;
    std::uint64_t m_next = 0;
};

/// A bare binary heap of (time, insertion sequence, kind) entries: no slots, no cancellation,
/// no targets.
class BareHeap
{
public:
    struct Entry
    {
        std::int64_t time;
        std::uint64_t seq;
        std::uint32_t kind;
        bool before(const Entry &o) const
        {
            return time < o.time || (time == o.time && seq < o.seq);
        }
    };

    void reserve(std::size_t n) { m_heap.reserve(n); }
    std::size_t size() const { return m_heap.size(); }

    void push(std::int64_t at, std::uint32_t kind)
    {
        const Entry e{at, m_seq++, kind};
        std::size_t i = m_heap.size();
        m_heap.push_back(e);
        while (i > 0) {
            const std::size_t parent = (i - 1) / 2;
            if (!e.before(m_heap[parent]))
                break;
            m_heap[i] = m_heap[parent];
            i = parent;
        }
        m_heap[i] = e;
    }
    Entry pop()
    {
        const Entry top = m_heap.front();
        const Entry last = m_heap.back();
        m_heap.pop_back();
        const std::size_t n = m_heap.size();
        if (n > 0) {
            std::size_t i = 0;
            for (;;) {
                std::size_t child = 2 * i + 1;
                if (child >= n)
                    break;
                if (child + 1 < n && m_heap[child + 1].before(m_heap[child]))
                    ++child;
                if (!m_heap[child].before(last))
                    break;
                m_heap[i] = m_heap[child];
                i = child;
            }
            m_heap[i] = last;
        }
        return top;
    }

private:
    std::vector<Entry> m_heap;
    std::uint64_t m_seq = 0;
};

template <typename Draw>
class BareMM1
{
public:
    /// Rates per second; times are integer microseconds.
    BareMM1(double arrivalPerS, double servicePerS, std::uint64_t seed)
        : m_meanGapUs(1e6 / arrivalPerS)
        , m_meanServiceUs(1e6 / servicePerS)
        , m_draw(seed)
    {
        m_heap.reserve(64);
        m_heap.push(gap(m_meanGapUs), kArrival);
    }

    /// Processes one event.
    void step()
    {
        const BareHeap::Entry e = m_heap.pop();
        m_now = e.time;
        ++m_processed;
        if (e.kind == kArrival) {
            ++m_arrivals;
            m_heap.push(m_now + gap(m_meanGapUs), kArrival);
            if (!m_busy) {
                m_busy = true;
                m_heap.push(m_now + gap(m_meanServiceUs), kDeparture);
            } else {
                ++m_queued;
            }
        } else {
            ++m_departures;
            if (m_queued > 0) {
                --m_queued;
                m_heap.push(m_now + gap(m_meanServiceUs), kDeparture);
            } else {
                m_busy = false;
            }
        }
    }
    void run(std::uint64_t events)
    {
        for (std::uint64_t i = 0; i < events; ++i)
            step();
    }

    std::uint64_t processed() const { return m_processed; }
    std::uint64_t arrivals() const { return m_arrivals; }
    std::uint64_t departures() const { return m_departures; }
    std::int64_t now() const { return m_now; }

private:
    enum : std::uint32_t
    {
        kArrival = 0,
        kDeparture = 1
    };

    std::int64_t gap(double meanUs) { return std::llround(m_draw(meanUs)); }

    double m_meanGapUs;
    double m_meanServiceUs;
    Draw m_draw;
    BareHeap m_heap;
    std::int64_t m_now = 0;
    std::uint64_t m_processed = 0;
    std::uint64_t m_arrivals = 0;
    std::uint64_t m_departures = 0;
    std::uint64_t m_queued = 0;
    bool m_busy = false;
};

/// The seed pipeline's traffic with every pattern stripped away — the floor for the pipeline
/// benchmark: Poisson arrivals, each served at once for a lognormal time (M/G/inf: no queue,
/// no failures, no stages, no metrics), on the same bare heap. With the pipeline's 1000 req/s
/// and backend latency (median 40 ms, p99 400 ms, mean 65 ms) about 65 events are pending, as
/// in the engine's heap, and there are two events per request, as in the pipeline (2.06).
/// Variates: the engine's ziggurat samplers (random.h) fed by mt19937_64 words, the cheapest
/// sampling we have, so that the floor stays a floor.
class BareTraffic
{
public:
    BareTraffic(double arrivalPerS, double medianMs, double p99Ms, std::uint64_t seed)
        : m_meanGapUs(1e6 / arrivalPerS)
        , m_medianUs(medianMs * 1000.0)
        , m_sigma(std::log(p99Ms / medianMs) / kZ99)
        , m_rng(seed)
    {
        m_heap.reserve(1024);
        m_heap.push(std::llround(m_meanGapUs * sample::standardExponential(m_rng())), kArrival);
    }

    void run(std::uint64_t events)
    {
        for (std::uint64_t i = 0; i < events; ++i) {
            const BareHeap::Entry e = m_heap.pop();
            m_now = e.time;
            if (e.kind == kArrival) {
                ++m_arrivals;
                m_heap.push(m_now +
                                std::llround(m_meanGapUs * sample::standardExponential(m_rng())),
                            kArrival);
                m_heap.push(m_now +
                                std::llround(m_medianUs *
                                             std::exp(m_sigma * sample::standardNormal(m_rng()))),
                            kDeparture);
            } else {
                ++m_departures;
            }
            if ((i & 1023) == 0) { // a sample of the heap size, for the report
                m_pendingSum += m_heap.size();
                ++m_pendingSamples;
            }
        }
        m_processed += events;
    }

    std::uint64_t processed() const { return m_processed; }
    std::uint64_t arrivals() const { return m_arrivals; }
    std::uint64_t departures() const { return m_departures; }
    std::int64_t now() const { return m_now; }
    double meanPending() const
    {
        return m_pendingSamples
                   ? static_cast<double>(m_pendingSum) / static_cast<double>(m_pendingSamples)
                   : 0.0;
    }

private:
    enum : std::uint32_t
    {
        kArrival = 0,
        kDeparture = 1
    };
    double m_meanGapUs;
    double m_medianUs;
    double m_sigma;
    std::mt19937_64 m_rng;
    BareHeap m_heap;
    std::int64_t m_now = 0;
    std::uint64_t m_processed = 0;
    std::uint64_t m_arrivals = 0;
    std::uint64_t m_departures = 0;
    std::uint64_t m_pendingSum = 0;
    std::uint64_t m_pendingSamples = 0;
};

} // namespace reslab::bench
