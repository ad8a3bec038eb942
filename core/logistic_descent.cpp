#include "logistic_descent.h"

#include "descent_recorder.h"
#include "final_state_recorder.h"
#include "logistic_loss.h"
#include "newton_system.h"
#include "optimizer_step.h"
#include "problem.h"
#include "sample_walk.h"

#include <optional>
#include <vector>

namespace gdlab {

LogisticDescent::LogisticDescent(const Problem& problem, const SolverSettings& settings)
    : m_problem(problem)
    , m_settings(settings)
{
}

template <class Recorder> RunResult LogisticDescent::batch(const Eigen::VectorXd& start, Recorder& recorder) const
{
    const LogisticLoss loss(m_problem);
    const int p = static_cast<int>(start.size());
    const kernel::DynamicCount count { p };
    Eigen::VectorXd theta = start;
    Eigen::VectorXd gradient(p);
    std::optional<NewtonSystem> newton;
    Eigen::MatrixXd hessian;
    if (m_settings.optimizer.kind == OptimizerKind::Newton) {
        newton.emplace(p);
        hessian.resize(p, p);
    }
    double* const curvature = newton ? hessian.data() : nullptr;
    double accuracy = 0;
    double value = loss.evaluate(theta.data(), gradient.data(), &accuracy, curvature);
    if (auto stop = recorder.recordClassified(count, 0, 0, theta.data(), value, accuracy, gradient.data(), nullptr))
        return *stop;
    OptimizerStep step(m_settings.optimizer, m_settings.learningRate, p, newton ? &*newton : nullptr);
    for (long long iteration = 1; iteration <= m_settings.iterations; ++iteration) {
        if (newton)
            newton->factor(hessian); // the Hessian at the θ this update starts from
        step.apply(count, theta.data(), gradient.data());
        value = loss.evaluate(theta.data(), gradient.data(), &accuracy, curvature);
        // Batch descent: one update is one pass over the data, so the epoch is the iteration.
        if (auto stop = recorder.recordClassified(
                count, iteration, iteration, theta.data(), value, accuracy, gradient.data(), nullptr))
            return *stop;
    }
    return RunResult { StopReason::MaxIterations, m_settings.iterations };
}

// The order and epochs of StochasticDescent (one SampleWalk), so that a logistic run visits the rows exactly as a
// linear run with the same settings does.
template <class Recorder> RunResult LogisticDescent::stochastic(const Eigen::VectorXd& start, Recorder& recorder) const
{
    const LogisticLoss loss(m_problem);
    const int p = static_cast<int>(start.size());
    const kernel::DynamicCount count { p };
    SampleWalk walk(m_settings, m_problem.sampleCount());

    Eigen::VectorXd theta = start;
    Eigen::VectorXd gradient(p);
    Eigen::VectorXd step(p);
    double accuracy = 0;
    double value = loss.evaluate(theta.data(), gradient.data(), &accuracy);
    if (auto stop = recorder.recordClassified(count, 0, 0, theta.data(), value, accuracy, gradient.data(), nullptr))
        return *stop;
    // Newton is refused for SGD and mini-batch (Solver::validate), so no Hessian is needed here.
    OptimizerStep optimizer(m_settings.optimizer, m_settings.learningRate, p);
    for (long long iteration = 1; iteration <= m_settings.iterations; ++iteration) {
        loss.batchGradient(theta.data(), walk.order(), walk.first(), walk.count(), step.data());
        walk.advance();
        optimizer.apply(count, theta.data(), step.data());
        value = loss.evaluate(theta.data(), gradient.data(), &accuracy);
        if (auto stop = recorder.recordClassified(
                count, iteration, walk.epoch(), theta.data(), value, accuracy, gradient.data(), step.data()))
            return *stop;
    }
    return RunResult { StopReason::MaxIterations, m_settings.iterations };
}

RunResult LogisticDescent::run(const Eigen::VectorXd& start, DescentRecorder& recorder) const
{
    if (m_settings.method == DescentMethod::Batch)
        return batch(start, recorder);
    return stochastic(start, recorder);
}

RunResult LogisticDescent::run(const Eigen::VectorXd& start, FinalStateRecorder& recorder) const
{
    if (m_settings.method == DescentMethod::Batch)
        return batch(start, recorder);
    return stochastic(start, recorder);
}

} // namespace gdlab
