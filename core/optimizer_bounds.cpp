#include "optimizer_bounds.h"

#include <cmath>

namespace gdlab {

OptimizerBounds optimizerBounds(const StabilityBounds& stability, const OptimizerSettings& optimizer)
{
    OptimizerBounds bounds;
    const double lambdaMax = stability.lambdaMax;
    const double lambdaMin = stability.lambdaMin;
    if (optimizer.kind == OptimizerKind::Newton) {
        bounds.hasBound = true;
        bounds.divergenceBound = 2.0;
        bounds.optimalRate = 1.0;
        return bounds;
    }
    if (isAdaptive(optimizer.kind) || !(lambdaMax > 0))
        return bounds;
    bounds.hasBound = true;
    const double mu = optimizer.momentum;
    switch (optimizer.kind) {
    case OptimizerKind::Momentum: {
        bounds.divergenceBound = 2.0 * (1.0 + mu) / lambdaMax;
        // A singular H (λmin = 0) would need μ = 1, which never converges: no optimum then.
        if (!(lambdaMin > 0))
            break;
        const double rootSum = std::sqrt(lambdaMax) + std::sqrt(lambdaMin);
        const double rootKappa = std::sqrt(lambdaMax / lambdaMin);
        bounds.optimalRate = 4.0 / (rootSum * rootSum);
        bounds.optimalMomentum = std::pow((rootKappa - 1.0) / (rootKappa + 1.0), 2);
        break;
    }
    case OptimizerKind::Nesterov:
        bounds.divergenceBound = 2.0 * (1.0 + mu) / ((1.0 + 2.0 * mu) * lambdaMax);
        break;
    default:
        bounds.divergenceBound = stability.divergenceBound;
        bounds.optimalRate = stability.optimalRate;
        break;
    }
    return bounds;
}

} // namespace gdlab
