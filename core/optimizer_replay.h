#pragma once

#include <Eigen/Core>

#include <cstddef>

namespace gdlab {

struct Run;

/**
 * @brief One update of a run's optimizer with the state around it, for showing the update with its numbers:
 * the gradient it used, v, m and s before and after, Adam's bias corrections and Newton's step.
 *
 * The state is replayed from the history: the gradient of update j is the one the solver used (the full-data
 * gradient at row j, evaluated the same way bit for bit, or the stored sample's or batch's), so the replay is
 * exact and costs O(row·k²), no new descent (O(row·n·k) for the logistic model, whose gradient is a pass over the
 * rows, and whose Newton step solves with the Hessian at row).
 */
struct OptimizerReplay {
    long long t = 0; ///< the update's number, counted from 1
    Eigen::VectorXd gradient; ///< g of this update
    Eigen::VectorXd velocityBefore, velocityAfter; ///< v (momentum, nesterov)
    Eigen::VectorXd firstBefore, firstAfter; ///< m (adam)
    Eigen::VectorXd secondBefore, secondAfter; ///< s (adagrad, rmsprop, adam)
    Eigen::VectorXd newtonStep; ///< H⁺g (newton)
    double correction1 = 1; ///< 1 − β1ᵗ (adam)
    double correction2 = 1; ///< 1 − β2ᵗ (adam)
};

/** @brief The update from row to row + 1 of run's history (row + 1 must exist). */
OptimizerReplay replayOptimizer(const Run& run, std::size_t row);

} // namespace gdlab
