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

    /**
     * @brief Whether runs use the processor's wider vectors (AVX2, for 4 to 11 parameters): where it has them, unless
     * allowWideVectors(false) said not to. The results are the same bits either way; tests compare the two.
     */
    static bool usesWideVectors();
    /** @brief Allows (the default) or forbids the wider vectors, for the whole process. */
    static void allowWideVectors(bool allowed);

private:
    template <class Recorder> RunResult dispatch(const Eigen::VectorXd& start, Recorder& recorder) const;

    const Problem& m_problem;
    const SolverSettings& m_settings;
};

} // namespace gdlab
