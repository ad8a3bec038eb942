#include "solver.h"

#include "batch_descent.h"
#include "descent_recorder.h"
#include "final_state_recorder.h"
#include "history.h"
#include "input_error.h"
#include "logistic_descent.h"
#include "problem.h"
#include "sample_walk.h"
#include "stochastic_descent.h"

#include <cmath>
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
    validateOptimizer(settings.optimizer, settings.method != DescentMethod::Batch);
    if (settings.method != DescentMethod::Batch && !problem.keepsRows())
        throw InputError(std::string(settings.method == DescentMethod::Sgd ? "SGD" : "mini-batch descent")
            + " needs the rows of the data, not only their sums");
    if (settings.model == ModelKind::Logistic) {
        if (!problem.keepsRows())
            throw InputError("logistic regression needs the rows of the data, not only their sums");
        const Eigen::VectorXd& target = problem.target();
        if (!((target.array() == 0.0) || (target.array() == 1.0)).all())
            throw InputError("the target '" + problem.targetName() + "' of logistic regression must hold only 0 and 1");
    }
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

bool Solver::needsRows(const SolverSettings& settings)
{
    return settings.method != DescentMethod::Batch || settings.model == ModelKind::Logistic;
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

bool Solver::keepsStepGradients() const
{
    return m_settings.method != DescentMethod::Batch
        && SampleWalk::replayCost(m_settings, m_problem.sampleCount(), m_settings.iterations)
        > SampleWalk::cheapReplayCost;
}

History Solver::makeHistory() const
{
    return History(m_problem.parameterCount(), keepsStepGradients(), m_settings.model == ModelKind::Logistic);
}

RunResult Solver::run(History& history, const ChunkCallback& onChunk, std::size_t chunkRows) const
{
    DescentRecorder recorder(history, onChunk, chunkRows, m_settings.tolerance);
    const Eigen::VectorXd start = initialTheta();
    if (m_settings.model == ModelKind::Logistic)
        return LogisticDescent(m_problem, m_settings).run(start, recorder);
    if (m_settings.method == DescentMethod::Batch)
        return BatchDescent(m_problem, m_settings).run(start, recorder);
    return StochasticDescent(m_problem, m_settings).run(start, recorder);
}

History Solver::run(RunResult* result) const
{
    History history = makeHistory();
    history.reserve(static_cast<std::size_t>(m_settings.iterations) + 1);
    const RunResult outcome = run(history);
    if (result)
        *result = outcome;
    return history;
}

History Solver::runToEnd(RunResult* result) const
{
    FinalStateRecorder recorder(static_cast<int>(m_problem.parameterCount()), m_settings.tolerance);
    const Eigen::VectorXd start = initialTheta();
    const bool logistic = m_settings.model == ModelKind::Logistic;
    const RunResult outcome = logistic              ? LogisticDescent(m_problem, m_settings).run(start, recorder)
        : m_settings.method == DescentMethod::Batch ? BatchDescent(m_problem, m_settings).run(start, recorder)
                                                    : StochasticDescent(m_problem, m_settings).run(start, recorder);
    if (result)
        *result = outcome;
    return recorder.history(keepsStepGradients(), logistic);
}

} // namespace gdlab
