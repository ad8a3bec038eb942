#pragma once

#include "solver.h"

#include <Eigen/Core>

namespace gdlab {

class DescentRecorder;
class FinalStateRecorder;
class Problem;

/**
 * @brief Batch descent on a quadratic loss: every update is the optimizer's step (OptimizerStep) from the full-data
 * gradient, evaluated from the sufficient statistics in O(k²) and written straight into the history.
 */
class BatchDescent {
public:
    BatchDescent(const Problem& problem, const SolverSettings& settings);

    /** @brief Runs from start until a stopping rule or the last iteration; the recorder keeps every state. */
    RunResult run(const Eigen::VectorXd& start, DescentRecorder& recorder) const;
    /** @brief The same updates and stops, keeping only the last state: the same result bit for bit. */
    RunResult run(const Eigen::VectorXd& start, FinalStateRecorder& recorder) const;

private:
    template <class Recorder> RunResult dispatch(const Eigen::VectorXd& start, Recorder& recorder) const;

    const Problem& m_problem;
    const SolverSettings& m_settings;
};

} // namespace gdlab
