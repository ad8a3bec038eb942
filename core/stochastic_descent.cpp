#include "stochastic_descent.h"

#include "descent_recorder.h"
#include "final_state_recorder.h"
#include "optimizer_step.h"
#include "problem.h"
#include "quadratic_loss.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

namespace gdlab {

namespace {

// The gradient of the loss over rows order[first, first + count) as if they were the whole data set, written
// into out: 2w_batch · Σ (xᵢ·θ − yᵢ) xᵢ with w_batch the loss weight for count rows.
void batchGradient(const Problem& problem, LossKind kind, const double* theta, const std::vector<Eigen::Index>& order,
    Eigen::Index first, Eigen::Index count, double* out)
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

// A separate stream from the random start's, so shuffling does not change with the init choice.
std::mt19937_64 newShuffler(std::uint64_t seed)
{
    return std::mt19937_64(StochasticDescent::shuffleSeed(seed));
}

} // namespace

std::uint64_t StochasticDescent::shuffleSeed(std::uint64_t seed)
{
    return seed ^ 0x9e3779b97f4a7c15ULL;
}

std::vector<Eigen::Index> StochasticDescent::shuffledOrder(std::uint64_t seed, Eigen::Index rows, long long epoch)
{
    std::vector<Eigen::Index> order(static_cast<std::size_t>(std::max<Eigen::Index>(rows, 0)));
    std::iota(order.begin(), order.end(), Eigen::Index { 0 });
    std::mt19937_64 shuffler = newShuffler(seed);
    // Each epoch shuffles the previous epoch's order, as run() does.
    for (long long e = 0; e <= epoch; ++e)
        std::shuffle(order.begin(), order.end(), shuffler);
    return order;
}

StochasticDescent::StochasticDescent(const Problem& problem, const SolverSettings& settings)
    : m_problem(problem)
    , m_settings(settings)
{
}

template <class Recorder> RunResult StochasticDescent::descend(const Eigen::VectorXd& start, Recorder& recorder) const
{
    const QuadraticLoss loss(m_problem, m_settings.loss);
    const Eigen::Index rows = m_problem.sampleCount();
    const Eigen::Index parameters = start.size();
    const Eigen::Index batchSize = m_settings.method == DescentMethod::Sgd
        ? 1
        : std::min<Eigen::Index>(std::max<long long>(m_settings.batchSize, 1), rows);

    std::vector<Eigen::Index> order(static_cast<std::size_t>(rows));
    std::iota(order.begin(), order.end(), Eigen::Index { 0 });
    std::mt19937_64 shuffler = newShuffler(m_settings.seed);
    if (m_settings.shuffle)
        std::shuffle(order.begin(), order.end(), shuffler);

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
    Eigen::Index position = 0;
    long long epoch = 0;
    for (long long iteration = 1; iteration <= m_settings.iterations; ++iteration) {
        const Eigen::Index count = std::min(batchSize, rows - position);
        batchGradient(m_problem, m_settings.loss, theta.data(), order, position, count, step.data());
        position += count;
        if (position >= rows) {
            position = 0;
            ++epoch;
            if (m_settings.shuffle)
                std::shuffle(order.begin(), order.end(), shuffler);
        }
        optimizer.apply(kernel::DynamicCount { static_cast<int>(parameters) }, theta.data(), step.data());
        value = loss.evaluate(theta.data(), gradient.data(), &sum);
        if (auto stop = recorder.record(kernel::DynamicCount { static_cast<int>(parameters) }, iteration, epoch,
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
