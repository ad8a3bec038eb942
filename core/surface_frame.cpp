#include "surface_frame.h"

#include "history.h"
#include "problem.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gdlab {

namespace {

constexpr double marginFraction = 0.15;
// The optimum is at least this fraction of the view from every edge, whatever else sets the range.
constexpr double optimumEdgeFraction = 0.15;

struct Interval {
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();

    void include(double value)
    {
        if (std::isfinite(value)) {
            low = std::min(low, value);
            high = std::max(high, value);
        }
    }
};

/** Whether the path's row is a state of this problem that can be drawn. */
bool fits(const SurfacePath& path, std::size_t row, Eigen::Index parameters)
{
    const auto theta = path.history->theta(row);
    return theta.size() == parameters && theta.allFinite();
}

/** Widens the interval by the margin on each side, then to at least minHalfSpan around its centre. */
SurfaceAxis axisOver(const Interval& interval, double minHalfSpan, Eigen::Index parameter, int steps)
{
    double low = interval.low;
    double high = interval.high;
    const double margin = (high - low) * marginFraction;
    low -= margin;
    high += margin;
    const double centre = 0.5 * (low + high);
    if (high - centre < minHalfSpan) {
        low = centre - minHalfSpan;
        high = centre + minHalfSpan;
    }
    SurfaceAxis axis;
    axis.parameter = parameter;
    axis.min = low;
    axis.max = high;
    axis.steps = steps;
    return axis;
}

/**
 * Widens the axis so that value lies at least fraction of the span from either edge: the least-squares star is
 * a marker of some size and the view's legend and frame must not crowd it.
 */
void keepAwayFromEdges(SurfaceAxis& axis, double value, double fraction)
{
    if (!std::isfinite(value))
        return;
    if (value - axis.min < fraction * (axis.max - axis.min))
        axis.min = (value - fraction * axis.max) / (1 - fraction);
    if (axis.max - value < fraction * (axis.max - axis.min))
        axis.max = (value - fraction * axis.min) / (1 - fraction);
}

// The loss doubles from its minimum at a distance sqrt(SSE*/Gii) along parameter i: at least that much on each
// side keeps a start at the optimum inside a visible bowl. The relative floor covers an exact fit.
double minimumHalfSpan(const Problem& problem, Eigen::Index parameter)
{
    const Eigen::VectorXd& optimum = problem.leastSquaresTheta();
    const double minimumSse = std::max(0.0, problem.minimumSumOfSquares());
    const double curvature = problem.gram()(parameter, parameter);
    const double doubling = curvature > 0 ? std::sqrt(minimumSse / curvature) : 0.0;
    const double scale = std::max(std::abs(optimum(parameter)), 1e-3 * (1.0 + optimum.cwiseAbs().maxCoeff()));
    return std::max(doubling, 0.05 * scale);
}

} // namespace

SurfaceFrame frameSurface(
    const Problem& problem, Eigen::Index xParameter, Eigen::Index yParameter, const SurfacePath& path, int steps)
{
    const Eigen::Index count = problem.parameterCount();
    const Eigen::VectorXd& optimum = problem.leastSquaresTheta();
    Interval xRange;
    Interval yRange;
    xRange.include(optimum(xParameter));
    yRange.include(optimum(yParameter));
    if (path.history && path.rows > 0 && fits(path, 0, count)) {
        const History& history = *path.history;
        xRange.include(history.theta(0)(xParameter));
        yRange.include(history.theta(0)(yParameter));
        const double limit = surfacePathLossFactor * history.loss(0);
        for (std::size_t row = 0; row < path.rows; ++row) {
            if (fits(path, row, count) && history.loss(row) <= limit) {
                xRange.include(history.theta(row)(xParameter));
                yRange.include(history.theta(row)(yParameter));
            }
        }
    }
    SurfaceFrame frame;
    frame.x = axisOver(xRange, minimumHalfSpan(problem, xParameter), xParameter, steps);
    frame.y = axisOver(yRange, minimumHalfSpan(problem, yParameter), yParameter, steps);
    keepAwayFromEdges(frame.x, optimum(xParameter), optimumEdgeFraction);
    keepAwayFromEdges(frame.y, optimum(yParameter), optimumEdgeFraction);
    return frame;
}

SurfaceHeights surfaceHeights(
    const SurfaceGrid& grid, const Problem& problem, double lossWeight, const SurfacePath& path)
{
    SurfaceHeights heights;
    heights.low = std::min(grid.minValue, lossWeight * problem.minimumSumOfSquares());
    heights.high = grid.maxValue;
    // On a slice the path's true loss can rise above the surface: reach up to the part of it on the map, but no
    // higher than the range rule does, so a diverging run cannot flatten the bowl.
    if (problem.parameterCount() > 2 && path.history && path.rows > 0) {
        const History& history = *path.history;
        const double limit = surfacePathLossFactor * history.loss(0);
        for (std::size_t row = 0; row < path.rows; ++row) {
            const double loss = history.loss(row);
            const auto theta = history.theta(row);
            if (!(loss <= limit) || grid.x.parameter >= theta.size() || grid.y.parameter >= theta.size())
                continue;
            const double x = theta(grid.x.parameter);
            const double y = theta(grid.y.parameter);
            if (x >= grid.x.min && x <= grid.x.max && y >= grid.y.min && y <= grid.y.max)
                heights.high = std::max(heights.high, loss);
        }
    }
    if (!(heights.high > heights.low))
        heights.high = heights.low + 1;
    return heights;
}

} // namespace gdlab
