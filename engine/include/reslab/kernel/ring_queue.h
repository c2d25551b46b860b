#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace reslab {

/// A FIFO queue on one power-of-two ring buffer that grows by doubling: the hot-path queues'
/// replacement for std::deque (no block map, no per-block allocation, one mask per access).
/// Element i counts from the front.
template <typename T>
class RingQueue
{
public:
    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }

    T &front() { return m_buf[m_head]; }
    const T &front() const { return m_buf[m_head]; }
    T &back() { return m_buf[(m_head + m_size - 1) & m_mask]; }
    const T &back() const { return m_buf[(m_head + m_size - 1) & m_mask]; }
    T &operator[](std::size_t i) { return m_buf[(m_head + i) & m_mask]; }
    const T &operator[](std::size_t i) const { return m_buf[(m_head + i) & m_mask]; }

    /// Appends a default-constructed element and returns it (fill it in place).
    T &emplace_back()
    {
        if (m_size == m_buf.size())
            grow();
        T &slot = m_buf[(m_head + m_size) & m_mask];
        if constexpr (std::is_trivially_destructible_v<T>)
            ::new (static_cast<void *>(&slot)) T{}; // in place: no temporary on the stack
        else
            slot = T{};
        ++m_size;
        return slot;
    }
    void push_back(const T &v) { emplace_back() = v; }
    void pop_front()
    {
        m_head = (m_head + 1) & m_mask;
        --m_size;
    }
    /// Inserts before element `pos` (0 = front), shifting the later ones back by one.
    void insert(std::size_t pos, const T &v)
    {
        emplace_back();
        for (std::size_t i = m_size - 1; i > pos; --i)
            (*this)[i] = std::move((*this)[i - 1]);
        (*this)[pos] = v;
    }

private:
    void grow()
    {
        const std::size_t capacity = m_buf.empty() ? 16 : 2 * m_buf.size();
        std::vector<T> next(capacity);
        for (std::size_t i = 0; i < m_size; ++i)
            next[i] = std::move((*this)[i]);
        m_buf = std::move(next);
        m_head = 0;
        m_mask = capacity - 1;
    }

    std::vector<T> m_buf;
    std::size_t m_head = 0;
    std::size_t m_size = 0;
    std::size_t m_mask = 0;
};

} // namespace reslab
