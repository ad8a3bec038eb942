#include "batch_descent.h"

#include "descent_recorder.h"
#include "quadratic_loss.h"

#include <vector>

namespace gdlab {

BatchDescent::BatchDescent(const Problem& problem, const SolverSettings& settings)
    : m_problem(problem)
    , m_settings(settings)
{
}

RunResult BatchDescent::run(const Eigen::VectorXd& start, DescentRecorder& recorder) const
{
    const QuadraticLoss loss(m_problem, m_settings.loss);
    const Eigen::Index parameters = start.size();
    std::vector<double> theta(start.data(), start.data() + parameters);
    std::vector<double> gradient(static_cast<std::size_t>(parameters));
    double rmse = 0;
    double value = loss.evaluate(theta.data(), gradient.data(), &rmse);
    if (auto stop = recorder.record(0, 0, theta.data(), value, rmse, gradient.data(), nullptr))
        return *stop;

    const double learningRate = m_settings.learningRate;
    for (long long iteration = 1; iteration <= m_settings.iterations; ++iteration) {
        for (Eigen::Index i = 0; i < parameters; ++i)
            theta[static_cast<std::size_t>(i)] -= learningRate * gradient[static_cast<std::size_t>(i)];
        value = loss.evaluate(theta.data(), gradient.data(), &rmse);
        // Batch descent: one update is one pass over the data, so the epoch is the iteration.
        if (auto stop = recorder.record(iteration, iteration, theta.data(), value, rmse, gradient.data(), nullptr))
            return *stop;
    }
    return RunResult { StopReason::MaxIterations, m_settings.iterations };
}

} // namespace gdlab
