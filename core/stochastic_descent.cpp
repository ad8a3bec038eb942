#include "stochastic_descent.h"

#include "descent_recorder.h"
#include "final_state_recorder.h"
#include "logistic_loss.h"
#include "optimizer_step.h"
#include "problem.h"
#include "quadratic_loss.h"
#include "sample_walk.h"

#include <vector>

namespace gdlab {

void StochasticDescent::batchGradient(const Problem& problem, LossKind kind, const double* theta,
    const std::vector<Eigen::Index>& order, Eigen::Index first, Eigen::Index count, double* out)
{
    const Eigen::MatrixXd& design = problem.design();
    const Eigen::VectorXd& target = problem.target();
    const Eigen::Index parameters = design.cols();
    const Eigen::Map<const Eigen::VectorXd> thetaVector(theta, parameters);
    Eigen::Map<Eigen::VectorXd> sum(out, parameters);
    sum.setZero();
    for (Eigen::Index i = first; i < first + count; ++i) {
        const Eigen::Index row = order[static_cast<std::size_t>(i)];
        const double residual = design.row(row).dot(thetaVector) - target[row];
        sum.noalias() += residual * design.row(row).transpose();
    }
    sum *= 2.0 * lossWeight(kind, count);
}

void StochasticDescent::walkGradient(const Problem& problem, LossKind kind, const LogisticLoss* logistic,
    const SampleWalk& walk, const double* theta, double* out)
{
    if (logistic)
        logistic->batchGradient(theta, walk.order(), walk.first(), walk.count(), out);
    else
        batchGradient(problem, kind, theta, walk.order(), walk.first(), walk.count(), out);
}

std::uint64_t StochasticDescent::shuffleSeed(std::uint64_t seed)
{
    return seed ^ 0x9e3779b97f4a7c15ULL;
}

StochasticDescent::StochasticDescent(const Problem& problem, const SolverSettings& settings)
    : m_problem(problem)
    , m_settings(settings)
{
}

template <class Recorder> RunResult StochasticDescent::descend(const Eigen::VectorXd& start, Recorder& recorder) const
{
    const QuadraticLoss loss(m_problem, m_settings.loss);
    const Eigen::Index parameters = start.size();
    SampleWalk walk(m_settings, m_problem.sampleCount());

    std::vector<double> theta(start.data(), start.data() + parameters);
    std::vector<double> gradient(static_cast<std::size_t>(parameters));
    std::vector<double> step(static_cast<std::size_t>(parameters));
    kernel::SumOfSquares sum;
    double value = loss.evaluate(theta.data(), gradient.data(), &sum);
    if (auto stop = recorder.record(kernel::DynamicCount { static_cast<int>(parameters) }, 0, 0, theta.data(), value,
            sum, gradient.data(), nullptr))
        return *stop;

    // Newton is refused for SGD and mini-batch (Solver::validate), so no Hessian is needed here.
    OptimizerStep optimizer(m_settings.optimizer, m_settings.learningRate, static_cast<int>(parameters));
    for (long long iteration = 1; iteration <= m_settings.iterations; ++iteration) {
        batchGradient(m_problem, m_settings.loss, theta.data(), walk.order(), walk.first(), walk.count(), step.data());
        walk.advance();
        optimizer.apply(kernel::DynamicCount { static_cast<int>(parameters) }, theta.data(), step.data());
        value = loss.evaluate(theta.data(), gradient.data(), &sum);
        if (auto stop = recorder.record(kernel::DynamicCount { static_cast<int>(parameters) }, iteration, walk.epoch(),
                theta.data(), value, sum, gradient.data(), step.data()))
            return *stop;
    }
    return RunResult { StopReason::MaxIterations, m_settings.iterations };
}

RunResult StochasticDescent::run(const Eigen::VectorXd& start, DescentRecorder& recorder) const
{
    return descend(start, recorder);
}

RunResult StochasticDescent::run(const Eigen::VectorXd& start, FinalStateRecorder& recorder) const
{
    return descend(start, recorder);
}

} // namespace gdlab
