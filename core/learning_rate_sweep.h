#pragma once

#include "problem.h"
#include "run.h"
#include "solver.h"
#include "solver_settings.h"
#include "stability.h"

#include <string>
#include <vector>

namespace gdlab {

class Dataset;

/** @brief What a sweep's loss curve did, read from the curve and its θ path, not from its learning rate. */
enum class SweepBehaviour {
    Converges, ///< the loss falls steadily
    TooSlow, ///< falls, but needs over three times the updates of the fastest rate to get as close to the optimum
    Oscillates, ///< θ zig-zags across the valley (steps keep reversing direction) while the loss still falls
    Noisy, ///< SGD / mini-batch: the loss goes up again in many updates
    Diverges, ///< stopped as diverged, or ended above where it started
};

/** @brief One learning rate of a sweep and the loss curve it produced. */
struct SweepResult {
    double factor = 0; ///< the learning rate as a multiple of the stability bound (LearningRateSweep::bound())
    double learningRate = 0;
    std::vector<double> losses; ///< full-data loss per iteration; index 0 is the start
    StopReason reason = StopReason::MaxIterations;
    SweepBehaviour behaviour = SweepBehaviour::Converges;
    int reversals = 0; ///< how often an update went back against the previous one (the zig-zag)
    int lossRises = 0; ///< how many updates increased the loss
};

/**
 * @brief Runs the same descent at several learning rates around the stability bound and labels each curve:
 * too slow, converges, oscillates, diverges.
 *
 * The rates are multiples of batch descent's bound 2/λmax (for SGD and mini-batch too: it is the one bound the
 * UI shows, and the chosen method is what runs). The default multiples 1/8, 1/4, 1/2, 3/4, 0.95 and 1.05 are
 * 0.25, 0.5, 1, 1.5, 1.9 and 2.1 times 1/λmax: too slow, slow, no overshoot along the steepest direction,
 * overshoot, strong zig-zag, divergence. Each run is the base run with only the learning rate changed and the
 * iterations capped so that the sweep stays instant (withSettings() and descend(), on the same problem).
 */
class LearningRateSweep {
public:
    /** @brief Updates per curve at most: enough to tell slow from fast, few enough for one click. */
    static constexpr long long kMaxIterations = 2000;

    /** @brief 0.125, 0.25, 0.5, 0.75, 0.95, 1.05 (multiples of the bound 2/λmax). */
    static const std::vector<double>& defaultFactors();

    /** @brief Sweeps a descent; never throws: a descent that cannot run leaves results() empty and error() set. */
    LearningRateSweep(const Dataset& dataset, const ProblemSpec& spec, const SolverSettings& settings,
        const std::vector<double>& factors = defaultFactors(), long long maxIterations = kMaxIterations);
    /** @brief Sweeps the problem and settings of a run (its problem is reused, not rebuilt). */
    explicit LearningRateSweep(const Run& base, const std::vector<double>& factors = defaultFactors(),
        long long maxIterations = kMaxIterations);

    const std::vector<SweepResult>& results() const { return m_results; }
    /** @brief The bounds the rates are multiples of (for the loss the settings use). */
    const StabilityBounds& stability() const { return m_stability; }
    /**
     * @brief The learning rate the factors multiply: the optimizer's divergence bound (2/λmax for gd), or gd's
     * 2/λmax for an adaptive optimizer, which has none (then boundIsOptimizers() is false).
     */
    double bound() const { return m_bound; }
    bool boundIsOptimizers() const { return m_boundIsOptimizers; }
    /** @brief The settings every run used, but for the learning rate (iterations capped). */
    const SolverSettings& settings() const { return m_settings; }
    /** @brief The loss at the least-squares solution: the floor every converging curve approaches. */
    double minimumLoss() const { return m_minimumLoss; }
    /** @brief Why nothing could be swept (no data, no bound, settings that cannot run); empty on success. */
    const std::string& error() const { return m_error; }

    /** @brief "converges", "too slow", "oscillates", "noisy", "diverges". */
    static const char* behaviourName(SweepBehaviour behaviour);

private:
    void sweep(const Run& base, const std::vector<double>& factors);
    void classify();
    /** Converges, oscillates, noisy or diverges, from the curve and the path alone. */
    void classifyShape(SweepResult& result, bool measurable, double startGap) const;
    /** Marks the converging curves that need over kSlowFactor times the fastest one's updates. */
    void markTooSlow(double startGap);

    SolverSettings m_settings;
    StabilityBounds m_stability;
    double m_bound = 0;
    bool m_boundIsOptimizers = true;
    double m_minimumLoss = 0;
    std::vector<SweepResult> m_results;
    std::string m_error;
};

} // namespace gdlab
