#include "descent_recorder.h"

namespace gdlab {

DescentRecorder::DescentRecorder(
    History& history, const ChunkCallback& onChunk, std::size_t chunkRows, double tolerance)
    : m_history(history)
    , m_onChunk(onChunk)
    , m_chunkRows(chunkRows > 0 ? chunkRows : 1)
    , m_rules(tolerance)
{
}

bool DescentRecorder::handChunk()
{
    m_rowsSinceChunk = 0;
    return !m_onChunk || m_onChunk(m_history);
}

} // namespace gdlab
