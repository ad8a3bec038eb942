#pragma once

#include "error_surface.h"

#include <Eigen/Core>

#include <cstddef>

namespace gdlab {

class History;
class Problem;

/** @brief The two axes a surface is sampled over, chosen by frameSurface(). */
struct SurfaceFrame {
    SurfaceAxis x;
    SurfaceAxis y;
};

/** @brief The first rows of a descent's history: the path a surface shows (null or no rows: no path). */
struct SurfacePath {
    const History* history = nullptr;
    std::size_t rows = 0;
};

/** @brief The loss range a 3-D view of a surface spans (its height axis). */
struct SurfaceHeights {
    double low = 0;
    double high = 1;
};

/**
 * @brief A path is followed only while its loss stays below this multiple of the start's: a diverging run would
 * otherwise stretch the range until the bowl is a dot in the middle of a flat map.
 */
constexpr double surfacePathLossFactor = 4.0;

/**
 * @brief The window of the surface over parameters xParameter and yParameter: the least-squares optimum, the
 * start and the path (while its loss stays below surfacePathLossFactor times the start's), widened by a margin,
 * to at least the distance over which the loss doubles from its minimum, and so that the optimum is never near
 * an edge.
 *
 * Both parameters must be valid and different; the path's rows must have the problem's parameter count to count
 * (others are skipped, as are states that are not finite).
 * @param steps samples per axis
 */
SurfaceFrame frameSurface(
    const Problem& problem, Eigen::Index xParameter, Eigen::Index yParameter, const SurfacePath& path, int steps);

/**
 * @brief The heights a 3-D view of grid spans: from the lowest point of the whole loss (on a slice it can lie
 * below the surface) to the grid's maximum, or, on a slice, to the highest loss of the path where it lies over
 * the grid (no higher than the path rule of frameSurface()). Always high > low.
 * @param lossWeight the weight of the surface's loss (lossWeight(kind, n))
 */
SurfaceHeights surfaceHeights(
    const SurfaceGrid& grid, const Problem& problem, double lossWeight, const SurfacePath& path);

} // namespace gdlab
