#pragma once

namespace gdlab {

struct SurfaceGrid;

/**
 * @brief The loss range the colours of a surface span, and whether they follow the loss on a log scale.
 *
 * Log when the loss spans more than two decades, which includes a minimum of (nearly) zero; the colours then
 * start no lower than logFloor times the maximum, so that a zero minimum does not take every colour.
 */
struct SurfaceColourScale {
    /** @brief With a log scale and a minimum of (nearly) zero, the colours start this far below the maximum. */
    static constexpr double logFloor = 1e-4;

    bool logarithmic = false;
    double min = 0;
    double max = 1;

    /** @brief The scale of grid's values (a flat or empty grid: linear over [min, min + 1]). */
    static SurfaceColourScale of(const SurfaceGrid& grid);
    /** @brief Where loss falls on the scale, 0…1 (clamped; 0 for what is not a number). */
    double fraction(double loss) const;
};

} // namespace gdlab
