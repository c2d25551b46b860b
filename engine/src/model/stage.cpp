#include "reslab/model/stage.h"

#include <algorithm>

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
    std::uint32_t *attempts = m_attempts.data() + slot * m_serviceCount;
    switch (m_serviceCount) { // the usual few services: plain stores, not a memset call
    case 3:
        attempts[2] = 0;
        [[fallthrough]];
    case 2:
        attempts[1] = 0;
        [[fallthrough]];
    case 1:
        attempts[0] = 0;
        [[fallthrough]];
    case 0:
        break;
    default:
        std::fill_n(attempts, m_serviceCount, 0u);
        break;
    }
    return slot;
}

} // namespace reslab
