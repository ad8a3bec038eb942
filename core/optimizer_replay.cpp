#include "optimizer_replay.h"

#include "logistic_loss.h"
#include "optimizer_step.h"
#include "quadratic_loss.h"
#include "run.h"

#include <cmath>
#include <optional>

namespace gdlab {

namespace {

Eigen::VectorXd copy(const double* values, Eigen::Index size)
{
    return Eigen::Map<const Eigen::VectorXd>(values, size);
}

} // namespace

OptimizerReplay replayOptimizer(const Run& run, std::size_t row)
{
    const History& history = *run.history;
    const Eigen::Index p = history.parameterCount();
    const kernel::DynamicCount count { static_cast<int>(p) };
    const OptimizerSettings& settings = run.settings.optimizer;
    const bool logistic = run.isLogistic();
    std::optional<NewtonSystem> newton;
    if (settings.kind == OptimizerKind::Newton && logistic)
        newton.emplace(static_cast<int>(p)); // factored at every update, from the Hessian there
    else if (settings.kind == OptimizerKind::Newton)
        newton.emplace(*run.problem, run.settings.loss);
    OptimizerStep step(settings, run.settings.learningRate, static_cast<int>(p), newton ? &*newton : nullptr);
    std::optional<QuadraticLoss> quadratic;
    std::optional<LogisticLoss> logLoss;
    if (logistic)
        logLoss.emplace(*run.problem);
    else
        quadratic.emplace(*run.problem, run.settings.loss);
    Eigen::VectorXd theta = Eigen::VectorXd::Zero(p);
    Eigen::VectorXd gradient(p);
    Eigen::MatrixXd hessian(p, p);
    double rmseOrAccuracy = 0;
    const auto gradientOf = [&](std::size_t update) {
        if (history.keepsStepGradients()) {
            gradient = history.stepGradient(update + 1);
            return;
        }
        theta = history.theta(update);
        if (quadratic) {
            quadratic->evaluate(theta.data(), gradient.data(), &rmseOrAccuracy);
            return;
        }
        logLoss->evaluate(theta.data(), gradient.data(), &rmseOrAccuracy, newton ? hessian.data() : nullptr);
        if (newton)
            newton->factor(hessian);
    };
    for (std::size_t update = 0; update < row; ++update) {
        gradientOf(update);
        step.apply(count, theta.data(), gradient.data());
    }
    OptimizerReplay replay;
    replay.velocityBefore = copy(step.velocity(), p);
    replay.firstBefore = copy(step.firstMoment(), p);
    replay.secondBefore = copy(step.secondMoment(), p);
    gradientOf(row);
    step.apply(count, theta.data(), gradient.data());
    replay.t = step.updates();
    replay.gradient = gradient;
    replay.velocityAfter = copy(step.velocity(), p);
    replay.firstAfter = copy(step.firstMoment(), p);
    replay.secondAfter = copy(step.secondMoment(), p);
    replay.newtonStep = copy(step.newtonStep(), p);
    replay.correction1 = 1.0 - std::pow(settings.beta1, double(replay.t));
    replay.correction2 = 1.0 - std::pow(settings.beta2, double(replay.t));
    return replay;
}

} // namespace gdlab
