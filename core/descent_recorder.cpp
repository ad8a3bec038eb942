#include "descent_recorder.h"

namespace gdlab {

DescentRecorder::DescentRecorder(
    History& history, const ChunkCallback& onChunk, std::size_t chunkRows, double tolerance)
    : m_history(history)
    , m_onChunk(onChunk)
    , m_chunkRows(chunkRows > 0 ? chunkRows : 1)
    , m_tolerance(tolerance)
{
}

bool DescentRecorder::handChunk()
{
    m_rowsSinceChunk = 0;
    return !m_onChunk || m_onChunk(m_history);
}

std::optional<RunResult> DescentRecorder::checkStop(long long iteration, bool finite, double loss, double gradientNorm)
{
    if (iteration == 0) {
        if (!finite)
            return RunResult { StopReason::Diverged, 0 };
        m_divergenceLimit = 1e12 * (loss + 1.0);
    } else if (loss > m_divergenceLimit) {
        return RunResult { StopReason::Diverged, iteration };
    }
    if (m_tolerance > 0 && gradientNorm <= m_tolerance)
        return RunResult { StopReason::Converged, iteration };
    return std::nullopt;
}

} // namespace gdlab
