#pragma once

#include "solver.h"

#include <Eigen/Core>

#include <cstddef>
#include <optional>

namespace gdlab {

class History;

/**
 * @brief The bookkeeping every descent shares: it appends each state to the history, hands full chunks to the
 * callback, and applies the stopping rules, so that batch, SGD and mini-batch stop for the same reasons.
 *
 * A state that is not finite (θ, loss, RMSE or any gradient component) is never recorded: the run stops as
 * Diverged at the state before it. A recorded state stops the run when the callback cancels, when its loss
 * exceeds 1e12·(initial loss + 1) (Diverged), or when its gradient norm is at most the tolerance (Converged).
 */
class DescentRecorder {
public:
    DescentRecorder(History& history, const ChunkCallback& onChunk, std::size_t chunkRows, double tolerance);

    /**
     * @brief Records a state at iteration; returns why the run stops there, or nothing to go on. gradient is
     * the full-data gradient at theta; stepGradient the one the update into this state used (may be null).
     */
    std::optional<RunResult> record(long long iteration, long long epoch, const double* theta, double loss, double rmse,
        const double* gradient, const double* stepGradient);

private:
    History& m_history;
    const ChunkCallback& m_onChunk;
    std::size_t m_chunkRows;
    double m_tolerance;
    double m_divergenceLimit = 0;
    std::size_t m_rowsSinceChunk = 0;
};

} // namespace gdlab
