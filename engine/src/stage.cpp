#include "reslab/stage.h"

namespace reslab {

std::uint32_t RequestTable::open(std::uint64_t id, SimTime arrival, std::uint32_t client)
{
    std::uint32_t slot;
    if (!m_free.empty()) {
        slot = m_free.back();
        m_free.pop_back();
    } else {
        m_entries.emplace_back();
        m_attempts.resize(m_attempts.size() + m_serviceCount, 0);
        slot = static_cast<std::uint32_t>(m_entries.size() - 1);
    }
    m_entries[slot] = {id, arrival, client, 1};
    for (std::size_t s = 0; s < m_serviceCount; ++s)
        m_attempts[slot * m_serviceCount + s] = 0;
    return slot;
}

void RequestTable::release(std::uint32_t slot)
{
    if (--m_entries[slot].refs == 0)
        m_free.push_back(slot);
}

} // namespace reslab
