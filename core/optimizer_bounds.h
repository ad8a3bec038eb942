#pragma once

#include "optimizer_settings.h"
#include "stability.h"

namespace gdlab {

/**
 * @brief What theory says about an optimizer's learning rate on a quadratic loss (batch updates), from the
 * eigenvalues λmin, λmax of H:
 *   gd        diverges above 2/λmax,                fastest 2/(λmin+λmax)
 *   momentum  diverges above 2(1+μ)/λmax,           fastest lr = 4/(√λmax+√λmin)² with μ = ((√κ−1)/(√κ+1))²
 *   nesterov  diverges above 2(1+μ)/((1+2μ)·λmax)
 *   newton    diverges above 2 (every direction contracts by |1 − lr|), fastest 1
 *   adagrad, rmsprop, adam: no fixed bound (their steps scale per coordinate with the gradients' history).
 */
struct OptimizerBounds {
    bool hasBound = false; ///< false for the adaptive methods and for a loss that does not depend on θ
    double divergenceBound = 0; ///< the learning rate above which the descent diverges (hasBound only)
    double optimalRate = 0; ///< the fastest fixed rate, or 0 where theory gives none here
    double optimalMomentum = 0; ///< for momentum: the μ that goes with optimalRate (heavy ball)
};

OptimizerBounds optimizerBounds(const StabilityBounds& stability, const OptimizerSettings& optimizer);

} // namespace gdlab
