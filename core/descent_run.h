#pragma once

#include "iteration_state.h"
#include "least_squares.h"
#include "problem.h"
#include "solver.h"
#include "stability.h"

#include <memory>
#include <vector>

namespace gdlab {

class Dataset;

/**
 * @brief Everything one descent produces: the problem, the closed-form fit, the learning-rate bounds and
 * the whole history. The one code path that the CLI, the GUI and the golden tests share.
 */
struct DescentRun {
    std::shared_ptr<const Problem> problem;
    LeastSquaresFit leastSquares;
    StabilityBounds stability;
    SolverSettings settings; ///< as run (the learning rate resolved when a lesson asked for the optimal rate)
    std::vector<IterationState> history;
    RunResult result;
};

/**
 * @brief Builds the problem, solves the closed form, computes the bounds and runs the descent.
 * @param extraSink also receives every state (for progress or cancellation); may be empty.
 * Throws InputError for input that cannot run.
 */
DescentRun runDescent(const Dataset& dataset, const ProblemSpec& spec, const SolverSettings& settings,
    const StateSink& extraSink = {}, bool useOptimalRate = false);

/**
 * @brief Builds the problem, the closed form and the bounds, resolving the settings, without descending
 * (history stays empty). runDescent() is this followed by the solver.
 * @param useOptimalRate replace settings.learningRate by stability.optimalRate (a lesson asks for it).
 */
DescentRun prepareDescent(
    const Dataset& dataset, const ProblemSpec& spec, const SolverSettings& settings, bool useOptimalRate = false);

} // namespace gdlab
