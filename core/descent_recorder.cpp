#include "descent_recorder.h"

#include "history.h"

#include <cmath>

namespace gdlab {

namespace {

bool allFinite(const double* values, Eigen::Index count)
{
    for (Eigen::Index i = 0; i < count; ++i)
        if (!std::isfinite(values[i]))
            return false;
    return true;
}

double euclideanNorm(const double* values, Eigen::Index count)
{
    double squares = 0;
    for (Eigen::Index i = 0; i < count; ++i)
        squares += values[i] * values[i];
    const double norm = std::sqrt(squares);
    // Squaring components beyond about 1e154 overflows although the gradient itself is finite; only then pay for
    // the scaled norm, so that ordinary runs keep their exact digits.
    if (std::isinf(norm) && allFinite(values, count))
        return Eigen::Map<const Eigen::VectorXd>(values, count).stableNorm();
    return norm;
}

} // namespace

DescentRecorder::DescentRecorder(
    History& history, const ChunkCallback& onChunk, std::size_t chunkRows, double tolerance)
    : m_history(history)
    , m_onChunk(onChunk)
    , m_chunkRows(chunkRows > 0 ? chunkRows : 1)
    , m_tolerance(tolerance)
{
}

std::optional<RunResult> DescentRecorder::record(long long iteration, long long epoch, const double* theta, double loss,
    double rmse, const double* gradient, const double* stepGradient)
{
    const Eigen::Index parameters = m_history.parameterCount();
    const bool start = iteration == 0;
    const double gradientNorm = euclideanNorm(gradient, parameters);
    const bool finite = allFinite(theta, parameters) && std::isfinite(loss) && std::isfinite(rmse)
        && allFinite(gradient, parameters) && std::isfinite(gradientNorm);
    if (!finite && !start)
        return RunResult { StopReason::Diverged, iteration - 1 };

    // The start is recorded even when it is not finite, so that a history always has a row to show.
    m_history.append(epoch, theta, loss, rmse, gradientNorm, stepGradient);
    if (++m_rowsSinceChunk >= m_chunkRows) {
        m_rowsSinceChunk = 0;
        if (m_onChunk && !m_onChunk(m_history))
            return RunResult { StopReason::Cancelled, iteration };
    }
    if (start) {
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
