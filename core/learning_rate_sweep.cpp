#include "learning_rate_sweep.h"

#include "dataset.h"
#include "history.h"
#include "input_error.h"
#include "optimizer_bounds.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gdlab {

namespace {

/** A step this much smaller than the largest one is rounding noise at the optimum, not a zig-zag. */
constexpr double kSignificantStep = 1e-9;
/** A loss gap below this fraction of the starting gap is converged to the last digits. */
constexpr double kGapFloor = 1e-12;
/** Reversals that make a zig-zag: a single turn is a curve, three in a row are an oscillation. */
constexpr int kMinimumReversals = 3;
/** Decades of the gap to the least-squares loss by which the curves' speeds are compared. */
constexpr double kReferenceDecades = 6.0;
/** When the best curve closes less of the gap than this, there is no speed to compare. */
constexpr double kMinimumDecades = 0.3;
/** A curve that needs more than this many times the fastest one's updates is too slow. */
constexpr double kSlowFactor = 3.0;
/** A stochastic loss that goes up in this fraction of the updates is noisy. */
constexpr double kNoisyFraction = 0.05;

// How often an update went back against the previous one: steps whose directions make an obtuse angle, both
// larger than rounding noise at the optimum.
int countReversals(const History& history)
{
    if (history.size() < 3)
        return 0;
    const auto columns = static_cast<Eigen::Index>(history.size() - 1);
    const Eigen::MatrixXd steps = history.thetas().rightCols(columns) - history.thetas().leftCols(columns);
    const double significant = kSignificantStep * steps.colwise().norm().maxCoeff();
    int reversals = 0;
    for (Eigen::Index k = 1; k < steps.cols(); ++k) {
        const auto before = steps.col(k - 1);
        const auto after = steps.col(k);
        if (before.norm() > significant && after.norm() > significant && before.dot(after) < 0)
            ++reversals;
    }
    return reversals;
}

} // namespace

const std::vector<double>& LearningRateSweep::defaultFactors()
{
    static const std::vector<double> factors { 0.125, 0.25, 0.5, 0.75, 0.95, 1.05 };
    return factors;
}

const char* LearningRateSweep::behaviourName(SweepBehaviour behaviour)
{
    switch (behaviour) {
    case SweepBehaviour::Converges:
        return "converges";
    case SweepBehaviour::TooSlow:
        return "too slow";
    case SweepBehaviour::Oscillates:
        return "oscillates";
    case SweepBehaviour::Noisy:
        return "noisy";
    case SweepBehaviour::Diverges:
        return "diverges";
    }
    return "converges";
}

LearningRateSweep::LearningRateSweep(const Dataset& dataset, const ProblemSpec& spec, const SolverSettings& settings,
    const std::vector<double>& factors, long long maxIterations)
    : m_settings(settings)
{
    m_settings.iterations = std::clamp<long long>(settings.iterations, 0, std::max<long long>(maxIterations, 0));
    try {
        sweep(prepareRun(std::make_shared<const Dataset>(dataset), spec, m_settings), factors);
    } catch (const InputError& error) {
        m_results.clear();
        m_error = error.what();
    }
}

LearningRateSweep::LearningRateSweep(const Run& base, const std::vector<double>& factors, long long maxIterations)
    : m_settings(base.settings)
{
    m_settings.iterations = std::clamp<long long>(m_settings.iterations, 0, std::max<long long>(maxIterations, 0));
    try {
        sweep(withSettings(base, m_settings), factors);
    } catch (const InputError& error) {
        m_results.clear();
        m_error = error.what();
    }
}

void LearningRateSweep::sweep(const Run& base, const std::vector<double>& factors)
{
    // Resolved once for the bound and the floor; every run below is the base run at another rate.
    m_stability = base.stability;
    m_minimumLoss = lossWeight(m_settings.loss, base.problem->sampleCount()) * base.problem->minimumSumOfSquares();
    if (!(m_stability.divergenceBound > 0) || !std::isfinite(m_stability.divergenceBound)) {
        m_error = "the data have no stability bound (every feature is zero)";
        return;
    }
    // The optimizer's own bound where theory gives one; the adaptive methods have none, so their rates are
    // multiples of plain gd's 2/λmax, the scale of the same problem.
    const OptimizerBounds own = optimizerBounds(m_stability, m_settings.optimizer);
    m_bound = own.hasBound ? own.divergenceBound : m_stability.divergenceBound;
    m_boundIsOptimizers = own.hasBound;
    const double bound = m_bound;
    for (double factor : factors) {
        SolverSettings settings = m_settings;
        settings.learningRate = factor * bound;
        Run run = withSettings(base, settings);
        descend(run);
        const History& history = *run.history;
        SweepResult result;
        result.factor = factor;
        result.learningRate = settings.learningRate;
        result.reason = run.outcome->reason;
        result.losses.assign(history.lossData(), history.lossData() + history.size());
        result.reversals = countReversals(history);
        m_results.push_back(std::move(result));
    }
    classify();
}

void LearningRateSweep::classify()
{
    const double start = m_results.empty() || m_results.front().losses.empty() ? 0 : m_results.front().losses.front();
    const double startGap = start - m_minimumLoss;
    const bool measurable = std::isfinite(startGap) && startGap > kGapFloor * std::abs(start);
    for (SweepResult& result : m_results)
        classifyShape(result, measurable, startGap);
    if (measurable)
        markTooSlow(startGap);
}

void LearningRateSweep::classifyShape(SweepResult& result, bool measurable, double startGap) const
{
    const std::vector<double>& losses = result.losses;
    const bool endedHigher = losses.size() > 1 && !(losses.back() <= losses.front());
    if (result.reason == StopReason::Diverged || endedHigher) {
        result.behaviour = SweepBehaviour::Diverges;
        return;
    }
    int steps = 0;
    for (std::size_t k = 1; k < losses.size(); ++k) {
        // Once a curve sits at the floor, rounding moves it both ways; that is not oscillation.
        if (measurable && losses[k - 1] - m_minimumLoss <= 1e3 * kGapFloor * startGap)
            break;
        ++steps;
        if (losses[k] > losses[k - 1] + 1e-12 * std::abs(losses[k - 1]))
            ++result.lossRises;
    }
    const bool lossBounces
        = result.lossRises >= kMinimumReversals && result.lossRises >= kNoisyFraction * std::max(steps, 1);
    if (m_settings.method != DescentMethod::Batch)
        // Every SGD step takes another sample's direction, so reversals say nothing; a bouncing loss does.
        result.behaviour = lossBounces ? SweepBehaviour::Noisy : SweepBehaviour::Converges;
    else
        result.behaviour = result.reversals >= kMinimumReversals || lossBounces ? SweepBehaviour::Oscillates
                                                                                : SweepBehaviour::Converges;
}

// "Too slow" is relative: how many updates a curve needs to close the gap to the least-squares loss by a few
// decades, against the fastest curve. Six decades rather than one or two, because the first decades are the
// steep direction's, which every rate removes in a few steps; the slow direction tells them apart.
void LearningRateSweep::markTooSlow(double startGap)
{
    const auto progress = [this, startGap](double loss) {
        const double gap = std::max(loss - m_minimumLoss, kGapFloor * startGap);
        return std::log10(startGap / gap);
    };
    double bestProgress = 0;
    for (const SweepResult& result : m_results)
        if (result.behaviour != SweepBehaviour::Diverges)
            for (double loss : result.losses)
                bestProgress = std::max(bestProgress, progress(loss));
    const double target = std::min(kReferenceDecades, 0.9 * bestProgress);
    if (!(target > kMinimumDecades))
        return;
    constexpr std::size_t never = std::numeric_limits<std::size_t>::max();
    const auto updatesToTarget = [&progress, target](const SweepResult& result) {
        for (std::size_t k = 0; k < result.losses.size(); ++k)
            if (progress(result.losses[k]) >= target)
                return k;
        return never;
    };
    std::size_t fastest = never;
    for (const SweepResult& result : m_results)
        if (result.behaviour != SweepBehaviour::Diverges)
            fastest = std::min(fastest, updatesToTarget(result));
    if (fastest == never)
        return;
    for (SweepResult& result : m_results) {
        if (result.behaviour != SweepBehaviour::Converges)
            continue;
        const std::size_t needed = updatesToTarget(result);
        if (needed == never || double(needed) > kSlowFactor * double(std::max<std::size_t>(fastest, 1)))
            result.behaviour = SweepBehaviour::TooSlow;
    }
}

} // namespace gdlab
