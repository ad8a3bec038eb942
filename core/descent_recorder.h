#pragma once

#include "history.h"
#include "quadratic_kernel.h"
#include "solver.h"

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <optional>

namespace gdlab {

/**
 * @brief The bookkeeping every descent shares: it appends each state to the history, hands full chunks to the
 * callback, and applies the stopping rules, so that batch, SGD and mini-batch stop for the same reasons.
 *
 * A state that is not finite (θ, loss, RMSE or any gradient component) is never recorded: the run stops as
 * Diverged at the state before it. A recorded state stops the run when the callback cancels, when its loss
 * exceeds 1e12·(initial loss + 1) (Diverged), or when its gradient norm is at most the tolerance (Converged).
 *
 * record() is a template on the parameter count and defined here, so that the batch solver's specialised
 * inner loop inlines it.
 */
class DescentRecorder {
public:
    DescentRecorder(History& history, const ChunkCallback& onChunk, std::size_t chunkRows, double tolerance);

    /**
     * @brief Records a state at iteration; returns why the run stops there, or nothing to go on. gradient is
     * the full-data gradient at theta; stepGradient the one the update into this state used (may be null).
     */
    template <class Count>
    std::optional<RunResult> record(Count count, long long iteration, long long epoch, const double* theta, double loss,
        double rmse, const double* gradient, const double* stepGradient)
    {
        const int p = count();
        double squares = 0;
        bool finite = std::isfinite(loss) && std::isfinite(rmse);
        for (int i = 0; i < p; ++i) {
            squares += gradient[i] * gradient[i];
            finite = finite && std::isfinite(theta[i]) && std::isfinite(gradient[i]);
        }
        double gradientNorm = std::sqrt(squares);
        // Squaring components beyond about 1e154 overflows although the gradient itself is finite; only then pay
        // for the scaled norm, so that ordinary runs keep their exact digits.
        if (std::isinf(gradientNorm) && finite)
            gradientNorm = Eigen::Map<const Eigen::VectorXd>(gradient, p).stableNorm();
        finite = finite && std::isfinite(gradientNorm);
        if (!finite && iteration != 0)
            return RunResult { StopReason::Diverged, iteration - 1 };

        // The start is recorded even when it is not finite, so that a history always has a row to show.
        m_history.append(epoch, theta, loss, rmse, gradientNorm, stepGradient);
        if (++m_rowsSinceChunk >= m_chunkRows && !handChunk())
            return RunResult { StopReason::Cancelled, iteration };
        return checkStop(iteration, finite, loss, gradientNorm);
    }

private:
    /** Gives the chunk to the callback; false when it cancels. */
    bool handChunk();
    std::optional<RunResult> checkStop(long long iteration, bool finite, double loss, double gradientNorm);

    History& m_history;
    const ChunkCallback& m_onChunk;
    std::size_t m_chunkRows;
    double m_tolerance;
    double m_divergenceLimit = 0;
    std::size_t m_rowsSinceChunk = 0;
};

} // namespace gdlab
