#include "reslab/kernel/ring_queue.h"

#include <gtest/gtest.h>

#include <deque>

namespace reslab {
namespace {

TEST(RingQueue, FifoAcrossWrapAndGrowth)
{
    RingQueue<int> q;
    std::deque<int> ref;
    int next = 0;
    // Interleave pushes and pops so the head wraps around several times while the ring grows.
    for (int round = 0; round < 200; ++round) {
        for (int i = 0; i < round % 7 + 1; ++i) {
            q.push_back(next);
            ref.push_back(next);
            ++next;
        }
        for (int i = 0; i < round % 5 && !ref.empty(); ++i) {
            ASSERT_EQ(q.front(), ref.front());
            q.pop_front();
            ref.pop_front();
        }
        ASSERT_EQ(q.size(), ref.size());
        if (!ref.empty()) {
            ASSERT_EQ(q.back(), ref.back());
        }
        for (std::size_t i = 0; i < ref.size(); ++i)
            ASSERT_EQ(q[i], ref[i]);
    }
}

TEST(RingQueue, InsertKeepsOrder)
{
    RingQueue<int> q;
    for (int v : {10, 20, 30, 40})
        q.push_back(v);
    q.pop_front(); // head not at 0
    q.insert(0, 15);
    q.insert(2, 25);
    q.insert(q.size(), 50);
    const int expect[] = {15, 20, 25, 30, 40, 50};
    ASSERT_EQ(q.size(), 6u);
    for (std::size_t i = 0; i < q.size(); ++i)
        EXPECT_EQ(q[i], expect[i]);
}

} // namespace
} // namespace reslab
