#pragma once

#include <algorithm>
#include <cmath>
#include <limits>

namespace gdlab {

/**
 * @brief How far loss curves reach: their last iteration, highest finite loss and lowest positive loss, kept up
 * to date as rows arrive so that the loss view's ranges never need a pass over the data.
 */
struct LossExtent {
    double lastIteration = 0;
    double maxLoss = 0;
    double minPositiveLoss = std::numeric_limits<double>::infinity();

    /** @brief Takes in one state; a loss above cap counts as cap (a diverging curve must not set the range). */
    void include(double iteration, double loss, double cap = std::numeric_limits<double>::infinity())
    {
        lastIteration = std::max(lastIteration, iteration);
        if (!std::isfinite(loss))
            return;
        maxLoss = std::max(maxLoss, std::min(loss, cap));
        if (loss > 0)
            minPositiveLoss = std::min(minPositiveLoss, loss);
    }

    /** @brief The extent of both. */
    void merge(const LossExtent& other)
    {
        lastIteration = std::max(lastIteration, other.lastIteration);
        maxLoss = std::max(maxLoss, other.maxLoss);
        minPositiveLoss = std::min(minPositiveLoss, other.minPositiveLoss);
    }
};

} // namespace gdlab
