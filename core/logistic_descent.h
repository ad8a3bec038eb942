#pragma once

#include "solver.h"

#include <Eigen/Core>

namespace gdlab {

class DescentRecorder;
class FinalStateRecorder;
class Problem;

/**
 * @brief Gradient descent on the logistic model (LogisticLoss), for every method and optimizer: the same updates,
 * epochs, shuffling and stopping rules as the linear model's BatchDescent and StochasticDescent, with the log loss
 * in place of the quadratic one.
 *
 * There are no sufficient statistics, so every state costs one pass over the rows (LogisticLoss::evaluate(): z, p,
 * loss, gradient and accuracy together), whatever the method: the state recorded after each update is evaluated on
 * the whole data set, as for the linear model. Newton's update solves with the Hessian at the current θ, evaluated
 * in the same pass and factored anew at every update.
 */
class LogisticDescent {
public:
    LogisticDescent(const Problem& problem, const SolverSettings& settings);

    RunResult run(const Eigen::VectorXd& start, DescentRecorder& recorder) const;
    /** @brief The same updates and stops, keeping only the last state: the same result bit for bit. */
    RunResult run(const Eigen::VectorXd& start, FinalStateRecorder& recorder) const;

private:
    template <class Recorder> RunResult batch(const Eigen::VectorXd& start, Recorder& recorder) const;
    template <class Recorder> RunResult stochastic(const Eigen::VectorXd& start, Recorder& recorder) const;

    const Problem& m_problem;
    const SolverSettings& m_settings;
};

} // namespace gdlab
