#include "solver.h"

#include "input_error.h"
#include "loss_function.h"
#include "problem.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <sstream>

namespace gdlab {

const char* stopReasonName(StopReason reason)
{
    switch (reason) {
    case StopReason::MaxIterations:
        return "max iterations";
    case StopReason::Converged:
        return "converged";
    case StopReason::Diverged:
        return "diverged";
    case StopReason::Cancelled:
        return "cancelled";
    }
    return "max iterations";
}

namespace {

// Standard normal values by Box–Muller from the raw 64-bit outputs: std::normal_distribution is not specified
// exactly by the standard, and a seeded start must be the same on every platform.
Eigen::VectorXd seededNormal(Eigen::Index size, std::uint64_t seed)
{
    std::mt19937_64 generator(seed);
    const auto uniform = [&generator] { return (static_cast<double>(generator() >> 11) + 0.5) * 0x1.0p-53; };
    Eigen::VectorXd values(size);
    for (Eigen::Index i = 0; i < size; i += 2) {
        const double radius = std::sqrt(-2.0 * std::log(uniform()));
        const double angle = 2.0 * M_PI * uniform();
        values[i] = radius * std::cos(angle);
        if (i + 1 < size)
            values[i + 1] = radius * std::sin(angle);
    }
    return values;
}

std::string describe(double value)
{
    std::ostringstream stream;
    stream << value;
    return stream.str();
}

bool isFinite(const Eigen::VectorXd& values)
{
    return values.allFinite();
}

IterationState makeState(long long iteration, long long epoch, const Eigen::VectorXd& theta, LossEvaluation evaluation)
{
    IterationState state;
    state.iteration = iteration;
    state.epoch = epoch;
    state.theta = theta;
    state.loss = evaluation.loss;
    state.rmse = evaluation.rmse;
    state.gradientNorm = evaluation.gradient.norm();
    // Squaring components beyond about 1e154 overflows although the gradient itself is finite; only then pay for
    // the scaled norm, so that ordinary runs keep their exact digits.
    if (std::isinf(state.gradientNorm) && evaluation.gradient.allFinite())
        state.gradientNorm = evaluation.gradient.stableNorm();
    state.gradient = std::move(evaluation.gradient);
    return state;
}

} // namespace

Solver::Solver(const Problem& problem, SolverSettings settings)
    : m_problem(problem)
    , m_settings(std::move(settings))
{
    validate(m_problem, m_settings);
}

void Solver::validate(const Problem& problem, const SolverSettings& settings)
{
    if (!(settings.learningRate > 0) || !std::isfinite(settings.learningRate))
        throw InputError("learning rate must be a positive finite number, not " + describe(settings.learningRate));
    if (settings.iterations < 0)
        throw InputError("the number of iterations cannot be negative (" + std::to_string(settings.iterations) + ")");
    if (!(settings.tolerance >= 0) || !std::isfinite(settings.tolerance))
        throw InputError("the tolerance must be a finite number >= 0");
    if (settings.method == DescentMethod::MiniBatch && settings.batchSize < 1)
        throw InputError("the batch size must be at least 1, not " + std::to_string(settings.batchSize));
    if (settings.init == InitKind::Values) {
        const auto expected = static_cast<std::size_t>(problem.parameterCount());
        if (settings.initValues.size() != expected)
            throw InputError("the start has " + std::to_string(settings.initValues.size())
                + " values but the model has " + std::to_string(expected) + " parameters");
        for (double value : settings.initValues)
            if (!std::isfinite(value))
                throw InputError("the start values must be finite numbers");
    }
}

Eigen::VectorXd Solver::initialTheta() const
{
    const Eigen::Index parameters = m_problem.parameterCount();
    switch (m_settings.init) {
    case InitKind::Zeros:
        return Eigen::VectorXd::Zero(parameters);
    case InitKind::Random:
        return seededNormal(parameters, m_settings.seed);
    case InitKind::Values:
        return Eigen::Map<const Eigen::VectorXd>(m_settings.initValues.data(), parameters);
    }
    return Eigen::VectorXd::Zero(parameters);
}

RunResult Solver::run(const StateSink& sink) const
{
    const LossFunction loss(m_problem, m_settings.loss);
    const Eigen::Index rows = m_problem.sampleCount();
    const double learningRate = m_settings.learningRate;
    const bool stochastic = m_settings.method != DescentMethod::Batch;
    const Eigen::Index batchSize = m_settings.method == DescentMethod::Sgd
        ? 1
        : std::min<Eigen::Index>(std::max<long long>(m_settings.batchSize, 1), rows);

    std::vector<Eigen::Index> order(static_cast<std::size_t>(rows));
    std::iota(order.begin(), order.end(), Eigen::Index { 0 });
    // A separate stream from the random start's, so shuffling does not change with the init choice.
    std::mt19937_64 shuffler(m_settings.seed ^ 0x9e3779b97f4a7c15ULL);
    if (stochastic && m_settings.shuffle)
        std::shuffle(order.begin(), order.end(), shuffler);

    Eigen::VectorXd theta = initialTheta();
    IterationState state = makeState(0, 0, theta, loss.evaluate(theta));
    RunResult result;
    const bool startFinite = isFinite(theta) && std::isfinite(state.loss) && std::isfinite(state.rmse)
        && std::isfinite(state.gradientNorm);
    if (!sink(state))
        return { StopReason::Cancelled, 0 };
    if (!startFinite)
        return { StopReason::Diverged, 0 };
    if (m_settings.tolerance > 0 && state.gradientNorm <= m_settings.tolerance)
        return { StopReason::Converged, 0 };

    const double divergenceLimit = 1e12 * (state.loss + 1.0);
    Eigen::Index position = 0;
    long long epoch = 0;
    for (long long iteration = 1; iteration <= m_settings.iterations; ++iteration) {
        Eigen::VectorXd step;
        if (stochastic) {
            const Eigen::Index count = std::min(batchSize, rows - position);
            step = loss.batchGradient(theta, order, position, count);
            position += count;
            if (position >= rows) {
                position = 0;
                ++epoch;
                if (m_settings.shuffle)
                    std::shuffle(order.begin(), order.end(), shuffler);
            }
        } else {
            step = std::move(state.gradient);
            epoch = iteration;
        }
        theta.noalias() -= learningRate * step;
        LossEvaluation evaluation = loss.evaluate(theta);
        if (!isFinite(theta) || !std::isfinite(evaluation.loss) || !std::isfinite(evaluation.rmse)
            || !isFinite(evaluation.gradient))
            return { StopReason::Diverged, iteration - 1 };
        state = makeState(iteration, epoch, theta, std::move(evaluation));
        if (!std::isfinite(state.gradientNorm))
            return { StopReason::Diverged, iteration - 1 };
        state.stepGradient = std::move(step);
        if (!sink(state))
            return { StopReason::Cancelled, iteration };
        if (state.loss > divergenceLimit)
            return { StopReason::Diverged, iteration };
        if (m_settings.tolerance > 0 && state.gradientNorm <= m_settings.tolerance)
            return { StopReason::Converged, iteration };
    }
    result.iterations = m_settings.iterations;
    return result;
}

} // namespace gdlab
