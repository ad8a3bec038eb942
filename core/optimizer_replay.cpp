#include "optimizer_replay.h"

#include "logistic_loss.h"
#include "optimizer_step.h"
#include "quadratic_loss.h"
#include "run.h"
#include "sample_walk.h"
#include "stochastic_descent.h"

#include <cmath>
#include <optional>

namespace gdlab {

namespace {

Eigen::VectorXd copy(const double* values, Eigen::Index size)
{
    return Eigen::Map<const Eigen::VectorXd>(values, size);
}

/**
 * The gradient each update of a run used, in update order: stored with the history, recomputed over the rows the
 * update took (SGD and mini-batch, their sample order walked as the descent walked it), or the full-data gradient at
 * the state before (batch; for logistic Newton its Hessian there too, factored into newton).
 */
class ReplayedGradients {
public:
    ReplayedGradients(const Run& run, NewtonSystem* newton)
        : m_run(run)
        , m_history(*run.history)
        , m_newton(newton)
        , m_hessian(m_history.parameterCount(), m_history.parameterCount())
    {
        if (run.isLogistic())
            m_logistic.emplace(*run.problem);
        else
            m_quadratic.emplace(*run.problem, run.settings.loss);
        if (run.settings.method != DescentMethod::Batch && !m_history.keepsStepGradients()) {
            m_walk.emplace(run.settings, run.problem->sampleCount());
            m_walk->skip(m_history.iteration(0));
        }
    }

    /** The gradient of the update from row update into gradient; theta becomes that row's state unless stored. */
    void next(std::size_t update, Eigen::VectorXd& theta, Eigen::VectorXd& gradient)
    {
        if (m_history.keepsStepGradients()) {
            gradient = m_history.stepGradient(update + 1);
            return;
        }
        theta = m_history.theta(update);
        if (m_walk)
            return sampleGradient(theta, gradient);
        if (m_quadratic) {
            m_quadratic->evaluate(theta.data(), gradient.data(), &m_rmseOrAccuracy);
            return;
        }
        m_logistic->evaluate(theta.data(), gradient.data(), &m_rmseOrAccuracy, m_newton ? m_hessian.data() : nullptr);
        if (m_newton)
            m_newton->factor(m_hessian);
    }

private:
    void sampleGradient(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient)
    {
        StochasticDescent::walkGradient(*m_run.problem, m_run.settings.loss, m_logistic ? &*m_logistic : nullptr,
            *m_walk, theta.data(), gradient.data());
        m_walk->advance();
    }

    const Run& m_run;
    const History& m_history;
    NewtonSystem* m_newton;
    std::optional<QuadraticLoss> m_quadratic;
    std::optional<LogisticLoss> m_logistic;
    std::optional<SampleWalk> m_walk;
    Eigen::MatrixXd m_hessian;
    double m_rmseOrAccuracy = 0;
};

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
    ReplayedGradients gradients(run, newton ? &*newton : nullptr);
    Eigen::VectorXd theta = Eigen::VectorXd::Zero(p);
    Eigen::VectorXd gradient(p);
    for (std::size_t update = 0; update < row; ++update) {
        gradients.next(update, theta, gradient);
        step.apply(count, theta.data(), gradient.data());
    }
    OptimizerReplay replay;
    replay.velocityBefore = copy(step.velocity(), p);
    replay.firstBefore = copy(step.firstMoment(), p);
    replay.secondBefore = copy(step.secondMoment(), p);
    gradients.next(row, theta, gradient);
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
