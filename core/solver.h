#pragma once

#include "solver_settings.h"

#include <Eigen/Core>

#include <cstddef>
#include <functional>

namespace gdlab {

class History;
class Problem;

/** @brief Why a descent stopped. */
enum class StopReason {
    MaxIterations, ///< made every update it was asked for
    Converged, ///< gradient norm fell to the tolerance
    Diverged, ///< θ or the loss stopped being finite, or the loss exceeded 1e12·(initial loss + 1)
    Cancelled, ///< the chunk callback asked to stop
};

const char* stopReasonName(StopReason reason); ///< "max iterations", "converged", "diverged", "cancelled"

/** @brief How a run ended: the reason and the iteration of the last state recorded. */
struct RunResult {
    StopReason reason = StopReason::MaxIterations;
    long long iterations = 0; ///< iteration of the last state appended

    bool operator==(const RunResult& other) const { return reason == other.reason && iterations == other.iterations; }
};

/**
 * @brief Called with the history after every chunk of appended rows; returning false cancels the run. The
 * callee may hand the new rows on (to a file, to another thread) and may call History::retainLast().
 */
using ChunkCallback = std::function<bool(History& history)>;

/**
 * @brief Gradient descent on a Problem, appending one state per update to a History.
 *
 * Row 0 is the starting point. Batch updates use the sufficient statistics (O(k²) each, no allocation);
 * SGD and mini-batch use the rows in file order or, with shuffle, in an order reshuffled every epoch by
 * std::mt19937_64(seed). A diverging run stops at the last finite state and reports Diverged. The logistic model
 * (SolverSettings::model) runs LogisticDescent: one pass over the rows per state, its history keeping the accuracy.
 */
class Solver {
public:
    /** @brief Rows between two calls of the chunk callback. */
    static constexpr std::size_t defaultChunkRows = 4096;

    /** @brief Throws InputError for settings that cannot run (lr not positive and finite, bad init size, …). */
    Solver(const Problem& problem, SolverSettings settings);

    /** @brief The starting θ the settings describe (zeros, seeded normal values, or the given values). */
    Eigen::VectorXd initialTheta() const;

    /**
     * @brief Whether this run's history stores the gradient each update used: only for SGD and mini-batch when
     * replaying their sample order to a late step would not be cheap (SampleWalk::cheapReplayCost). Otherwise
     * Run::stepGradient() recomputes it bit for bit, which keeps a history of 10⁶ updates at k = 10 near 120 MB
     * instead of 208 MB.
     */
    bool keepsStepGradients() const;
    /** @brief A history of the right shape for this run (keepsStepGradients(), accuracies for the logistic model). */
    History makeHistory() const;

    /**
     * @brief Runs the descent, appending to history (made by makeHistory(), usually empty). onChunk, when
     * given, is called after every chunkRows appended rows, but not after the last ones: the caller handles
     * those once run() returns.
     */
    RunResult run(History& history, const ChunkCallback& onChunk = {}, std::size_t chunkRows = defaultChunkRows) const;

    /** @brief The whole descent in one history (reserved for every row at once). */
    History run(RunResult* result = nullptr) const;

    /**
     * @brief The same descent keeping only its last state (a one-row history whose first iteration is that state's):
     * what a run whose states are not wanted needs, in O(k) memory with no per-update bookkeeping. Its result, θ,
     * loss, RMSE and gradient norm are bit for bit those of run().
     */
    History runToEnd(RunResult* result = nullptr) const;

    /**
     * @brief Checks settings against a problem; throws InputError naming the bad value (for the logistic model also a
     * problem without rows or a target that is not all 0s and 1s; prepareRun() names the cell first).
     */
    static void validate(const Problem& problem, const SolverSettings& settings);
    /**
     * @brief Whether settings need the rows themselves (SGD and mini-batch visit rows, the logistic model has no
     * sufficient statistics), not only what a problem built from folded rows keeps of them.
     */
    static bool needsRows(const SolverSettings& settings);

private:
    const Problem& m_problem;
    SolverSettings m_settings;
};

} // namespace gdlab
