#include "descent_run.h"

#include "dataset.h"

#include <algorithm>

namespace gdlab {

DescentRun prepareDescent(
    const Dataset& dataset, const ProblemSpec& spec, const SolverSettings& settings, bool useOptimalRate)
{
    DescentRun run;
    run.problem = std::make_shared<const Problem>(dataset, spec);
    run.leastSquares = fitLeastSquares(*run.problem);
    run.stability = computeStability(*run.problem, settings.loss);
    run.settings = settings;
    if (useOptimalRate && run.stability.optimalRate > 0)
        run.settings.learningRate = run.stability.optimalRate;
    Solver::validate(*run.problem, run.settings);
    return run;
}

DescentRun runDescent(const Dataset& dataset, const ProblemSpec& spec, const SolverSettings& settings,
    const StateSink& extraSink, bool useOptimalRate)
{
    DescentRun run = prepareDescent(dataset, spec, settings, useOptimalRate);
    const Solver solver(*run.problem, run.settings);
    // Reserve for the common case; a run cut short by convergence simply uses less.
    run.history.reserve(static_cast<std::size_t>(std::min<long long>(run.settings.iterations, 1 << 20)) + 1);
    run.result = solver.run([&run, &extraSink](const IterationState& state) {
        run.history.push_back(state);
        return !extraSink || extraSink(state);
    });
    return run;
}

} // namespace gdlab
