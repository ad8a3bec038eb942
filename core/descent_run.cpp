#include "descent_run.h"

#include "dataset.h"
#include "input_error.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace gdlab {

namespace {

// Squares of values beyond about 1e154 overflow a double. The closed form survives that (it scales its columns),
// but the loss is then infinite or NaN at every θ: there is nothing to descend, and the bounds and the surface
// would be NaN. Such data is refused with the column named rather than shown as a run of infinities.
void requireFiniteStatistics(const Problem& problem, const Dataset& dataset)
{
    if (problem.gram().allFinite() && problem.moment().allFinite() && std::isfinite(problem.targetSquaredNorm()))
        return;
    const auto tooLarge = [&dataset](const std::string& name, const Eigen::VectorXd& values, bool isFeature) {
        std::ostringstream largest;
        largest.precision(3);
        largest << values.cwiseAbs().maxCoeff();
        return InputError(dataset.source(), 0, 0,
            "column '" + name + "' has values too large to fit (up to " + largest.str()
                + "): their squares overflow double precision; rescale it"
                + (isFeature ? " or turn standardization on" : ""));
    };
    for (Eigen::Index p = problem.hasIntercept() ? 1 : 0; p < problem.parameterCount(); ++p)
        if (!std::isfinite(problem.design().col(p).squaredNorm()))
            throw tooLarge(problem.parameterNames()[static_cast<std::size_t>(p)], problem.design().col(p), true);
    throw tooLarge(problem.targetName(), problem.target(), false);
}

} // namespace

DescentRun prepareDescent(
    const Dataset& dataset, const ProblemSpec& spec, const SolverSettings& settings, bool useOptimalRate)
{
    DescentRun run;
    run.problem = std::make_shared<const Problem>(dataset, spec);
    requireFiniteStatistics(*run.problem, dataset);
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
