#pragma once

#include "newton_system.h"
#include "optimizer_settings.h"

#include <cmath>
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
    template <class Count> void applyGd(Count count, double* theta, const double* g) const
    {
        const int p = count();
        for (int i = 0; i < p; ++i)
            theta[i] -= m_learningRate * g[i];
    }

    template <class Count> void applyMomentum(Count count, double* theta, const double* g)
    {
        const int p = count();
        double* v = m_state.data();
        const bool nesterov = m_kind == OptimizerKind::Nesterov;
        for (int i = 0; i < p; ++i) {
            v[i] = m_momentum * v[i] + g[i];
            theta[i] -= m_learningRate * (nesterov ? g[i] + m_momentum * v[i] : v[i]);
        }
    }

    // AdaGrad sums the squares (ρ = 1 and no (1−ρ) factor); RMSProp averages them.
    template <class Count> void applyScaled(Count count, double* theta, const double* g)
    {
        const int p = count();
        double* s = m_state.data() + 2 * p;
        const bool adagrad = m_kind == OptimizerKind::AdaGrad;
        for (int i = 0; i < p; ++i) {
            s[i] = adagrad ? s[i] + g[i] * g[i] : m_rho * s[i] + (1.0 - m_rho) * g[i] * g[i];
            theta[i] -= m_learningRate * g[i] / (std::sqrt(s[i]) + m_epsilon);
        }
    }

    template <class Count> void applyAdam(Count count, double* theta, const double* g)
    {
        const int p = count();
        double* m = m_state.data() + p;
        double* s = m + p;
        const double t = static_cast<double>(m_updates);
        const double correction1 = biasCorrection(m_beta1, t, m_beta1Saturated);
        const double correction2 = biasCorrection(m_beta2, t, m_beta2Saturated);
        for (int i = 0; i < p; ++i) {
            m[i] = m_beta1 * m[i] + (1.0 - m_beta1) * g[i];
            s[i] = m_beta2 * s[i] + (1.0 - m_beta2) * g[i] * g[i];
            theta[i] -= m_learningRate * (m[i] / correction1) / (std::sqrt(s[i] / correction2) + m_epsilon);
        }
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

    template <class Count> void applyNewton(Count count, double* theta, const double* g)
    {
        const int p = count();
        double* step = m_state.data() + 3 * p;
        m_newton->solve(count, g, step, step + p);
        for (int i = 0; i < p; ++i)
            theta[i] -= m_learningRate * step[i];
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
