#pragma once

#include "loss.h"
#include "solver.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace gdlab {

class DescentRecorder;
class FinalStateRecorder;
class LogisticLoss;
class Problem;
class SampleWalk;

/**
 * @brief SGD and mini-batch descent: every update uses the gradient of one sample or one batch (the loss's own
 * formula applied to the batch as if it were the whole data set), while the state recorded after it is
 * evaluated on the whole data set. The order is the file order or, with shuffle, a permutation drawn anew every
 * epoch from std::mt19937_64(seed ^ constant), a stream separate from the random start's.
 */
class StochasticDescent {
public:
    StochasticDescent(const Problem& problem, const SolverSettings& settings);

    RunResult run(const Eigen::VectorXd& start, DescentRecorder& recorder) const;
    /** @brief The same updates and stops, keeping only the last state. */
    RunResult run(const Eigen::VectorXd& start, FinalStateRecorder& recorder) const;

    /**
     * @brief The gradient of kind's loss over rows order[first, first + count) as if they were the whole data set,
     * written to out (parameter count values): 2w_batch · Σ (xᵢ·θ − yᵢ) xᵢ with w_batch the loss weight for count
     * rows. The one formula an update uses and a recomputed step gradient uses, so both give the same bits.
     */
    static void batchGradient(const Problem& problem, LossKind kind, const double* theta,
        const std::vector<Eigen::Index>& order, Eigen::Index first, Eigen::Index count, double* out);

    /**
     * @brief The gradient the update walk is at took, at theta (the state before it), over the walk's rows: the
     * logistic loss's where logistic is given (a logistic run), else batchGradient() of kind's loss. How a step
     * gradient that was not stored is recomputed, bit for bit, wherever it is wanted.
     */
    static void walkGradient(const Problem& problem, LossKind kind, const LogisticLoss* logistic,
        const SampleWalk& walk, const double* theta, double* out);

    /** @brief The seed of the shuffling stream of a run seeded with seed (a stream apart from the random start's). */
    static std::uint64_t shuffleSeed(std::uint64_t seed);

private:
    template <class Recorder> RunResult descend(const Eigen::VectorXd& start, Recorder& recorder) const;

    const Problem& m_problem;
    const SolverSettings& m_settings;
};

} // namespace gdlab
