#pragma once

#include <vector>

namespace gdlab {

struct SurfaceGrid;

struct ContourPoint {
    double x = 0;
    double y = 0;
};

/** @brief One connected piece of a level set, in parameter coordinates. */
struct ContourLine {
    double level = 0;
    std::vector<ContourPoint> points;
    bool closed = false; ///< the last point joins the first
};

/**
 * @brief The level set {value == level} of a grid by marching squares (saddles resolved by the cell
 * centre's mean), segments joined into polylines.
 */
std::vector<ContourLine> contourLines(const SurfaceGrid& grid, double level);

/**
 * @brief count levels strictly between the grid's minimum and maximum, evenly spaced, or geometrically
 * spaced above the minimum when logarithmic (for losses that span decades).
 */
std::vector<double> contourLevels(const SurfaceGrid& grid, int count, bool logarithmic);

} // namespace gdlab
