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

} // namespace gdlab
