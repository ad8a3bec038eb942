#include "run.h"

#include "binary_target.h"
#include "dataset.h"
#include "input_error.h"
#include "logistic_loss.h"
#include "problem_accumulator.h"
#include "sample_walk.h"
#include "stochastic_descent.h"

#include <algorithm>
#include <cmath>
#include <optional>
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
    if (!problem.keepsRows())
        throw InputError(dataset.source(), 0, 0,
            "the columns have values too large to fit: their squares overflow double precision; rescale them");
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

// The optimum and the bounds that depend on the model (the least-squares fit is kept for both).
void fitModel(Run& run)
{
    if (run.isLogistic()) {
        run.logistic = fitLogistic(*run.problem);
        run.stability = logisticStability(*run.problem);
    } else {
        run.logistic.reset();
        run.stability = computeStability(*run.problem, run.settings.loss);
    }
}

} // namespace

const char* runCauseName(RunCause cause)
{
    switch (cause) {
    case RunCause::NewLesson:
        return "new lesson";
    case RunCause::NewData:
        return "new data";
    case RunCause::EditedPoints:
        return "edited points";
    case RunCause::NewColumns:
        return "new columns";
    case RunCause::NewScaling:
        return "new scaling";
    case RunCause::NewModel:
        return "new model";
    case RunCause::NewSettings:
        return "new settings";
    case RunCause::NewStart:
        return "new start";
    case RunCause::NewGhosts:
        return "new ghosts";
    }
    return "new data";
}

bool changesProblem(RunCause cause)
{
    switch (cause) {
    case RunCause::NewLesson:
    case RunCause::NewData:
    case RunCause::EditedPoints:
    case RunCause::NewColumns:
    case RunCause::NewScaling:
    case RunCause::NewModel:
        return true;
    case RunCause::NewSettings:
    case RunCause::NewStart:
    case RunCause::NewGhosts:
        return false;
    }
    return true;
}

LossEvaluation Run::evaluate(const Eigen::VectorXd& theta) const
{
    if (isLogistic())
        return LogisticLoss(*problem).evaluate(theta);
    return LossFunction(*problem, settings.loss).evaluate(theta);
}

const Eigen::VectorXd* Run::optimum() const
{
    if (!isLogistic())
        return &leastSquares.theta;
    return logistic && logistic->finite ? &logistic->theta : nullptr;
}

const Eigen::VectorXd* Run::optimumOriginal() const
{
    if (!isLogistic())
        return &leastSquares.thetaOriginal;
    return logistic && logistic->finite ? &logistic->thetaOriginal : nullptr;
}

LossEvaluation Run::evaluateRow(std::size_t row) const
{
    return evaluate(history->theta(row));
}

Eigen::VectorXd Run::stepGradient(std::size_t row) const
{
    if (row == 0)
        return {};
    if (history->keepsStepGradients())
        return history->stepGradient(row);
    if (settings.method == DescentMethod::Batch)
        return evaluateRow(row - 1).gradient;
    SampleWalk walk(settings, problem->sampleCount());
    walk.skip(history->iteration(row) - 1);
    const Eigen::VectorXd theta = history->theta(row - 1);
    Eigen::VectorXd gradient(theta.size());
    std::optional<LogisticLoss> logistic;
    if (isLogistic())
        logistic.emplace(*problem);
    StochasticDescent::walkGradient(
        *problem, settings.loss, logistic ? &*logistic : nullptr, walk, theta.data(), gradient.data());
    return gradient;
}

Run prepareRun(std::shared_ptr<const Dataset> dataset, const ProblemSpec& spec, const SolverSettings& settings,
    bool useOptimalRate)
{
    Run run;
    // A sample is for drawing: the problem is the whole file's, from its fold.
    run.problem = dataset->isSample() ? std::make_shared<const Problem>(dataset->fold()->restrictedTo(spec))
                                      : std::make_shared<const Problem>(*dataset, spec);
    requireFiniteStatistics(*run.problem, *dataset);
    if (settings.model == ModelKind::Logistic)
        requireBinaryColumn(*dataset, run.problem->spec().target);
    run.dataset = std::move(dataset);
    run.leastSquares = fitLeastSquares(*run.problem);
    run.settings = settings;
    fitModel(run);
    if (useOptimalRate && run.stability.optimalRate > 0)
        run.settings.learningRate = run.stability.optimalRate;
    Solver::validate(*run.problem, run.settings);
    return run;
}

Run prepareFoldedRun(std::shared_ptr<const Problem> problem, const SolverSettings& settings)
{
    Solver::validate(*problem, settings); // the logistic model needs rows that a folded problem does not keep
    Run run;
    run.problem = std::move(problem);
    run.leastSquares = fitLeastSquares(*run.problem);
    run.settings = settings;
    fitModel(run);
    return run;
}

Run withSettings(const Run& previous, const SolverSettings& settings)
{
    const bool newModel = settings.model != previous.settings.model;
    if (newModel && settings.model == ModelKind::Logistic && previous.dataset)
        requireBinaryColumn(*previous.dataset, previous.problem->spec().target);
    Solver::validate(*previous.problem, settings);
    Run run = previous;
    run.history.reset();
    run.outcome.reset();
    run.settings = settings;
    if (newModel || (!run.isLogistic() && settings.loss != previous.settings.loss))
        fitModel(run);
    return run;
}

void descend(Run& run)
{
    RunResult result;
    run.history = std::make_shared<const History>(Solver(*run.problem, run.settings).run(&result));
    run.outcome = result;
}

Run runDescent(const Dataset& dataset, const ProblemSpec& spec, const SolverSettings& settings, bool useOptimalRate)
{
    Run run = prepareRun(std::make_shared<const Dataset>(dataset), spec, settings, useOptimalRate);
    descend(run);
    return run;
}

} // namespace gdlab
