#pragma once

#include "loss.h"

namespace gdlab {

class Problem;

/** @brief Learning-rate limits of batch descent on a quadratic loss, from the eigenvalues of H = 2w·G. */
struct StabilityBounds {
    double lambdaMin = 0; ///< smallest eigenvalue of H
    double lambdaMax = 0; ///< largest eigenvalue of H
    double divergenceBound = 0; ///< 2/λmax: batch descent diverges above it
    double optimalRate = 0; ///< 2/(λmin+λmax): the fastest fixed rate
};

StabilityBounds computeStability(const Problem& problem, LossKind loss);

/**
 * @brief The bounds of batch descent on the logistic model: its Hessian (1/n)·XᵀWX changes with θ but never exceeds
 * (1/4n)·XᵀX (p(1 − p) ≤ 1/4), so λmax is the gradient's Lipschitz constant L = λmax(XᵀX)/(4n) and below
 * divergenceBound = 2/L every gd step lowers the loss. λmin is 0 (far from the data the loss flattens) and there is no
 * fastest fixed rate (optimalRate 0).
 */
StabilityBounds logisticStability(const Problem& problem);

} // namespace gdlab
