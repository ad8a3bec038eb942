#pragma once

#include "newton_system.h"
#include "optimizer_settings.h"

#include <cmath>
#include <type_traits>
#include <vector>

namespace gdlab {

/**
 * @brief One optimizer's update θ ← θ − lr·(…) with its state (t, v, m, s), allocated once: apply() never
 * allocates, and the state carries from one update to the next for the whole run (never reset at an epoch).
 *
 * g is the gradient the method uses at this update (the whole data set's for batch, the sample's or batch's for
 * SGD and mini-batch). The rules are torch.optim's defaults (see OptimizerKind); Adam's bias corrections are
 * 1 − β1ᵗ and 1 − β2ᵗ with t counting updates from 1.
 */
class OptimizerStep {
public:
    /** @brief newton must be given (and outlive this object) for OptimizerKind::Newton. */
    OptimizerStep(
        const OptimizerSettings& settings, double learningRate, int parameters, const NewtonSystem* newton = nullptr);

    /**
     * @brief Updates theta in place from gradient g (Count::value or count() values each). Always inlined: it is the
     * solver's innermost loop, and as a call θ would go through memory on every update.
     */
    template <class Count> [[gnu::always_inline]] void apply(Count count, double* theta, const double* g)
    {
        ++m_updates;
        switch (m_kind) {
        case OptimizerKind::Gd:
            return applyGd(count, theta, g);
        case OptimizerKind::Momentum:
        case OptimizerKind::Nesterov:
            return applyMomentum(count, theta, g);
        case OptimizerKind::AdaGrad:
        case OptimizerKind::RmsProp:
            return applyScaled(count, theta, g);
        case OptimizerKind::Adam:
            return applyAdam(count, theta, g);
        case OptimizerKind::Newton:
            return applyNewton(count, theta, g);
        }
    }

    /** @brief t: the updates made so far. */
    long long updates() const { return m_updates; }
    const double* velocity() const { return m_state.data(); } ///< v (momentum, nesterov)
    const double* firstMoment() const { return m_state.data() + m_parameters; } ///< m (adam)
    const double* secondMoment() const { return m_state.data() + 2 * m_parameters; } ///< s (adagrad, rmsprop, adam)
    /** @brief The Newton step H⁺g of the last update. */
    const double* newtonStep() const { return m_state.data() + 3 * m_parameters; }

private:
    // Each update below runs over groups of coordinates (kernel::forLaneGroups): a vector of them at once where the
    // count is fixed, with every lane doing the scalar operations in the scalar order, so the same bits.
    template <class Count> [[gnu::always_inline]] void applyGd(Count count, double* theta, const double* g) const
    {
        stepAlong(count, theta, g);
    }

    /** θ ← θ − lr·direction: gd's step along the gradient, Newton's along H⁻¹g. */
    template <class Count>
    [[gnu::always_inline]] void stepAlong(Count count, double* theta, const double* direction) const
    {
        kernel::forLaneGroups(
            count, [&](int i, auto* width) __attribute__((always_inline)) {
                std::remove_pointer_t<decltype(width)> t, di;
                kernel::loadLanes(t, theta + i);
                kernel::loadLanes(di, direction + i);
                kernel::storeLanes(theta + i, t - m_learningRate * di);
            });
    }

    template <class Count> [[gnu::always_inline]] void applyMomentum(Count count, double* theta, const double* g)
    {
        double* v = m_state.data();
        const bool nesterov = m_kind == OptimizerKind::Nesterov;
        kernel::forLaneGroups(
            count, [&](int i, auto* width) __attribute__((always_inline)) {
                std::remove_pointer_t<decltype(width)> t, gi, vi;
                kernel::loadLanes(t, theta + i);
                kernel::loadLanes(gi, g + i);
                kernel::loadLanes(vi, v + i);
                vi = m_momentum * vi + gi;
                kernel::storeLanes(v + i, vi);
                if (nesterov)
                    t -= m_learningRate * (gi + m_momentum * vi);
                else
                    t -= m_learningRate * vi;
                kernel::storeLanes(theta + i, t);
            });
    }

    // AdaGrad sums the squares (ρ = 1 and no (1−ρ) factor); RMSProp averages them.
    template <class Count> [[gnu::always_inline]] void applyScaled(Count count, double* theta, const double* g)
    {
        double* s = m_state.data() + 2 * count();
        const bool adagrad = m_kind == OptimizerKind::AdaGrad;
        kernel::forLaneGroups(
            count, [&](int i, auto* width) __attribute__((always_inline)) {
                std::remove_pointer_t<decltype(width)> t, gi, si;
                kernel::loadLanes(t, theta + i);
                kernel::loadLanes(gi, g + i);
                kernel::loadLanes(si, s + i);
                if (adagrad)
                    si = si + gi * gi;
                else
                    si = m_rho * si + (1.0 - m_rho) * gi * gi;
                kernel::storeLanes(s + i, si);
                kernel::sqrtLanes(si);
                kernel::storeLanes(theta + i, t - m_learningRate * gi / (si + m_epsilon));
            });
    }

    template <class Count> [[gnu::always_inline]] void applyAdam(Count count, double* theta, const double* g)
    {
        double* m = m_state.data() + count();
        double* s = m + count();
        const double t = static_cast<double>(m_updates);
        const double correction1 = biasCorrection(m_beta1, t, m_beta1Saturated);
        const double correction2 = biasCorrection(m_beta2, t, m_beta2Saturated);
        // x/1 is x exactly, so once both corrections are 1 (after 37,400 updates for β2 = 0.999) the two divisions
        // by them, a third of the update's cost, go without changing a bit.
        const bool corrected = correction1 != 1.0 || correction2 != 1.0;
        kernel::forLaneGroups(
            count, [&](int i, auto* width) __attribute__((always_inline)) {
                std::remove_pointer_t<decltype(width)> at, gi, mi, si; // at: θ there
                kernel::loadLanes(at, theta + i);
                kernel::loadLanes(gi, g + i);
                kernel::loadLanes(mi, m + i);
                kernel::loadLanes(si, s + i);
                mi = m_beta1 * mi + (1.0 - m_beta1) * gi;
                si = m_beta2 * si + (1.0 - m_beta2) * gi * gi;
                kernel::storeLanes(m + i, mi);
                kernel::storeLanes(s + i, si);
                if (corrected) {
                    mi = mi / correction1;
                    si = si / correction2;
                }
                kernel::sqrtLanes(si);
                kernel::storeLanes(theta + i, at - m_learningRate * mi / (si + m_epsilon));
            });
    }

    // 1 − βᵗ, as 1 − std::pow(β, t), but without calling pow once βᵗ ≤ 2⁻⁵⁴: 1 − x rounds to exactly 1 for every
    // such x, and βᵗ only falls as t grows, so every later correction is 1 as well, bit for bit (pow is then skipped
    // after 356 updates for β = 0.9 and 37,400 for 0.999). Only for β ≤ 1 − 2⁻²⁰, whose powers fall by far more per
    // update than pow's error; closer to 1, pow is always called.
    static double biasCorrection(double beta, double t, bool& saturated)
    {
        if (saturated)
            return 1.0;
        const double power = std::pow(beta, t);
        saturated = power <= 0x1p-54 && beta <= 1.0 - 0x1p-20;
        return 1.0 - power;
    }

    template <class Count> [[gnu::always_inline]] void applyNewton(Count count, double* theta, const double* g)
    {
        const int p = count();
        double* step = m_state.data() + 3 * p;
        m_newton->solve(count, g, step, step + p);
        stepAlong(count, theta, step);
    }

    OptimizerKind m_kind;
    int m_parameters;
    double m_learningRate;
    double m_momentum;
    double m_beta1;
    double m_beta2;
    double m_rho;
    double m_epsilon;
    const NewtonSystem* m_newton;
    long long m_updates = 0;
    bool m_beta1Saturated = false; ///< β1ᵗ ≤ 2⁻⁵⁴: Adam's first bias correction is 1 from now on
    bool m_beta2Saturated = false; ///< the same for β2ᵗ
    std::vector<double> m_state; ///< v | m | s | Newton step | Newton scratch, p values each
};

} // namespace gdlab
