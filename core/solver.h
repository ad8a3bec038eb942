#pragma once

#include "iteration_state.h"
#include "solver_settings.h"

#include <functional>

namespace gdlab {

class Problem;

/** @brief Why a descent stopped. */
enum class StopReason {
    MaxIterations, ///< made every update it was asked for
    Converged, ///< gradient norm fell to the tolerance
    Diverged, ///< θ or the loss stopped being finite, or the loss exceeded 1e12·(initial loss + 1)
    Cancelled, ///< the sink asked to stop
};

const char* stopReasonName(StopReason reason); ///< "max iterations", "converged", "diverged", "cancelled"

/** @brief Receives each state in order; returning false cancels the run. */
using StateSink = std::function<bool(const IterationState&)>;

/** @brief How a run ended: the reason and the number of updates in the history. */
struct RunResult {
    StopReason reason = StopReason::MaxIterations;
    long long iterations = 0; ///< index of the last state emitted
};

/**
 * @brief Gradient descent on a Problem, emitting one IterationState per update.
 *
 * Row 0 is the starting point. Batch updates use the sufficient statistics (O(k²) each); SGD and mini-batch
 * use the rows in file order or, with shuffle, in an order reshuffled every epoch by std::mt19937_64(seed).
 * A diverging run stops at the last finite state and reports Diverged.
 */
class Solver {
public:
    /** @brief Throws InputError for settings that cannot run (lr not positive and finite, bad init size, …). */
    Solver(const Problem& problem, SolverSettings settings);

    /** @brief The starting θ the settings describe (zeros, seeded normal values, or the given values). */
    Eigen::VectorXd initialTheta() const;

    RunResult run(const StateSink& sink) const;

    /** @brief Checks settings against a problem; throws InputError naming the bad value. */
    static void validate(const Problem& problem, const SolverSettings& settings);

private:
    const Problem& m_problem;
    SolverSettings m_settings;
};

} // namespace gdlab
