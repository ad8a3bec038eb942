#pragma once

#include "error_surface.h"

#include <Eigen/Core>

#include <vector>

#include <cstddef>

namespace gdlab {

class History;
class Problem;
class SliceQuadratic;

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

/**
 * @brief What frameSurface() found along the first rows of a path, so that a path that grows (a run streaming in)
 * is read once: the next call looks only at the rows after `rows`. A cache of another problem, path or slice is
 * started afresh. The caller starts a new cache for a new history (a freed history's address may be reused).
 */
struct PathRiseCache {
    const Problem* problem = nullptr;
    const History* history = nullptr;
    Eigen::Index x = -1;
    Eigen::Index y = -1;
    Eigen::VectorXd base;
    std::size_t rows = 0; ///< the rows read
    double rise = 0; ///< the highest rise above the slice's minimum among them (and the optimum's)
};

/** @brief The loss range a 3-D view of a surface spans (its height axis). */
struct SurfaceHeights {
    double low = 0;
    double high = 1;
};

/**
 * @brief A path is followed only while its loss stays below this multiple of the start's: far enough for the
 * first swings of a diverging run to show as growing segments (the frame grows by √25 = 5 at most), not so far
 * that the bowl becomes a dot in the middle of a flat map.
 */
constexpr double surfacePathLossFactor = 25.0;

/**
 * @brief The window of the surface over parameters xParameter and yParameter on the slice through base:
 * centred on the slice's lowest point (the least-squares optimum when the others are held there), as wide and as
 * tall as the level set through the farthest point it must show (the optimum's projection, the start, and the
 * path while its loss stays below surfacePathLossFactor times the start's) with a margin, so that the ellipses
 * of the level sets keep their shape; at least the distance over which the loss doubles from its minimum; the
 * edges rounded outwards to multiples of a 1, 2 or 5 × 10ⁿ step. A slice without a single lowest point
 * (collinear features) is framed around the optimum, the start and the path instead.
 *
 * Both parameters must be valid and different; the path's rows must have the problem's parameter count to count
 * (others are skipped, as are states that are not finite).
 * @param steps samples per axis
 * @param cache when given, the rows it has read are not read again (the frame is the same), and it is updated
 */
SurfaceFrame frameSurface(const Problem& problem, Eigen::Index xParameter, Eigen::Index yParameter,
    const Eigen::VectorXd& base, const SurfacePath& path, int steps, PathRiseCache* cache = nullptr);

/**
 * @brief frame, or when the point (a, b) lies outside it or within a tenth of its span from an edge, the frame
 * grown about its centre by one factor on both axes (so the level sets keep their shape) until the point is that
 * far inside, its edges rounded outwards as frameSurface() rounds them: the frame that follows the current θ of a
 * diverging run. A point that is not finite leaves the frame as it is.
 */
SurfaceFrame frameHolding(const SurfaceFrame& frame, double a, double b);

/** @brief A step of 1, 2 or 5 × 10ⁿ that cuts span into about intervals parts (never fewer). */
double roundTickStep(double span, int intervals);

/**
 * @brief Round tick values inside [low, high]: the multiples of a 1, 2 or 5 × 10ⁿ step, at most maxIntervals + 1
 * of them (never fewer than two unless the range is empty or not finite). Each is an exact multiple k·step, so
 * printed with the step's decimals it reads as a round number.
 */
std::vector<double> roundTicks(double low, double high, int maxIntervals);

/**
 * @brief The heights a 3-D view of grid spans: from the slice's lowest point (the grid's samples can miss it) to
 * the grid's maximum. The path is drawn at its projections' heights on the slice, which over the map never rise
 * above the grid's corners (the slice is convex), so it needs no room of its own. Always high > low.
 * @param slice the sum of squares on the grid's slice
 * @param lossWeight the weight of the surface's loss (lossWeight(kind, n))
 */
SurfaceHeights surfaceHeights(const SurfaceGrid& grid, const SliceQuadratic& slice, double lossWeight);

/**
 * @brief The window of the logistic model's log-loss surface over xParameter and yParameter: centred on the
 * optimum's projection (Newton's optimum, when the model has one) and wide enough on each axis for the start and
 * the path (while its loss stays below surfacePathLossFactor times the start's) with a margin, and at least the
 * distance over which the loss doubles from its minimum in the quadratic model of it there; the edges rounded
 * outwards as frameSurface() rounds them. With no optimum (separable data, optimum null) the box around the start,
 * the path and a quarter of the path again beyond its last state, with a margin, so that the run-off towards infinity
 * shows as a path heading out of the map.
 *
 * The log loss has no closed-form level sets: the frame holds the points, not the level set through them.
 */
SurfaceFrame frameLogisticSurface(const Problem& problem, Eigen::Index xParameter, Eigen::Index yParameter,
    const Eigen::VectorXd* optimum, const SurfacePath& path, int steps);

} // namespace gdlab
