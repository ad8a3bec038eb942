#include "surface_frame.h"

#include "history.h"
#include "logistic_loss.h"
#include "problem.h"
#include "slice_quadratic.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gdlab {

namespace {

constexpr double marginFraction = 0.15;
// The box of the highest level set shown is drawn this much smaller than the frame, so that no point of the path
// sits on the border (the start touches the box only where it is an extreme point of its ellipse).
constexpr double levelSetMargin = 1.15;
// The frame's edges are rounded outwards to a multiple of a 1, 2 or 5 × 10ⁿ step, about this many across: round
// numbers at the corners, and each edge moved out by less than one step (at most a quarter of the span).
constexpr int tickIntervals = 10;
// The optimum is at least this fraction of the view from every edge, whatever else sets the range.
constexpr double optimumEdgeFraction = 0.15;
// With no optimum (separable data), the frame reaches this fraction of the path beyond its last state.
constexpr double runOnFraction = 0.25;

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

// Calls visit(a, b) with the slice coordinates of each state the frame must show: the start, then the path's
// states while their loss stays below surfacePathLossFactor times the start's (a diverging run is shown by its
// first steps). Rows of another problem (another parameter count) and states that are not finite are skipped.
// From row first on: the rows before it were visited already (a path that grew).
template <typename Visit>
void forEachShownState(
    const SurfacePath& path, Eigen::Index count, Eigen::Index x, Eigen::Index y, Visit visit, std::size_t first = 0)
{
    if (!path.history || path.rows == 0 || !fits(path, 0, count))
        return;
    const History& history = *path.history;
    const double limit = surfacePathLossFactor * history.loss(0);
    for (std::size_t row = first; row < path.rows; ++row)
        if (fits(path, row, count) && (row == 0 || history.loss(row) <= limit))
            visit(history.theta(row)(x), history.theta(row)(y));
}

// The old frame, for a slice without a single lowest point (collinear features): the box around the optimum,
// the start and the path, widened by a margin.
SurfaceFrame boundingFrame(
    const Problem& problem, Eigen::Index xParameter, Eigen::Index yParameter, const SurfacePath& path, int steps)
{
    const Eigen::VectorXd& optimum = problem.leastSquaresTheta();
    Interval xRange;
    Interval yRange;
    xRange.include(optimum(xParameter));
    yRange.include(optimum(yParameter));
    forEachShownState(path, problem.parameterCount(), xParameter, yParameter, [&](double a, double b) {
        xRange.include(a);
        yRange.include(b);
    });
    SurfaceFrame frame;
    frame.x = axisOver(xRange, minimumHalfSpan(problem, xParameter), xParameter, steps);
    frame.y = axisOver(yRange, minimumHalfSpan(problem, yParameter), yParameter, steps);
    keepAwayFromEdges(frame.x, optimum(xParameter), optimumEdgeFraction);
    keepAwayFromEdges(frame.y, optimum(yParameter), optimumEdgeFraction);
    return frame;
}

// How far the slice's sum of squares rises above its minimum at (a, b): the level set through the point, whose
// bounding box the frame is.
double riseAt(const SliceQuadratic& slice, double a, double b)
{
    return std::max(slice.sumOfSquares(a, b) - slice.minimumSumOfSquares(), 0.0);
}

// The highest level set the frame must show: through the optimum's projection and every state
// forEachShownState() visits. Levels, not the points' own boxes: a descent that lowers the loss at every step
// stays inside the start's level set, so every rate that converges from one start gives the same frame, and the
// same surface.
double riseToHoldThePath(const Problem& problem, Eigen::Index x, Eigen::Index y, const SliceQuadratic& slice,
    const Eigen::VectorXd& base, const SurfacePath& path, PathRiseCache* cache)
{
    // The rise is a maximum over the rows: the cache's rows need not be visited again, and the result is the same.
    const bool growing = cache && cache->problem == &problem && cache->history == path.history && cache->x == x
        && cache->y == y && cache->base.size() == base.size() && cache->base == base && cache->rows <= path.rows;
    const Eigen::VectorXd& optimum = problem.leastSquaresTheta();
    double rise = growing ? cache->rise : riseAt(slice, optimum(x), optimum(y));
    forEachShownState(
        path, problem.parameterCount(), x, y, [&](double a, double b) { rise = std::max(rise, riseAt(slice, a, b)); },
        growing ? cache->rows : 0);
    if (cache)
        *cache = { &problem, path.history, x, y, base, path.rows, rise };
    return rise;
}

// The axis centre ± halfSpan with its ends rounded outwards to multiples of a round step.
SurfaceAxis roundedAxis(double centre, double halfSpan, Eigen::Index parameter, int steps)
{
    const double step = roundTickStep(2 * halfSpan, tickIntervals);
    SurfaceAxis axis;
    axis.parameter = parameter;
    axis.min = std::floor((centre - halfSpan) / step) * step;
    axis.max = std::ceil((centre + halfSpan) / step) * step;
    axis.steps = steps;
    return axis;
}

// The distance along parameter over which the log loss doubles from its minimum L* in its quadratic model at the
// optimum, L* + ½·Hii·u²: sqrt(2L*/Hii), with the relative floor minimumHalfSpan() has for a near-perfect fit.
double logisticDoublingDistance(const Problem& problem, const Eigen::VectorXd& optimum, Eigen::Index parameter)
{
    const LogisticLoss loss(problem);
    const double minimum = loss.value(optimum);
    const double curvature = loss.hessian(optimum)(parameter, parameter);
    const double doubling = curvature > 0 && minimum > 0 ? std::sqrt(2 * minimum / curvature) : 0.0;
    const double scale = std::max(std::abs(optimum(parameter)), 1e-3 * (1.0 + optimum.cwiseAbs().maxCoeff()));
    return std::isfinite(doubling) ? std::max(doubling, 0.05 * scale) : 0.05 * scale;
}

} // namespace

double roundTickStep(double span, int intervals)
{
    if (!(span > 0) || !std::isfinite(span))
        return 1.0;
    const double rough = span / intervals;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double multiple : { 1.0, 2.0, 5.0 })
        if (multiple * power >= rough * (1 - 1e-9))
            return multiple * power;
    return 10.0 * power;
}

std::vector<double> roundTicks(double low, double high, int maxIntervals)
{
    std::vector<double> ticks;
    if (!(high > low) || !std::isfinite(low) || !std::isfinite(high) || maxIntervals < 1)
        return ticks;
    // A step of span / maxIntervals fits maxIntervals + 1 ticks only when the range starts on one; otherwise the
    // ticks inside are one fewer, so two ticks at least whenever maxIntervals ≥ 2.
    const double step = roundTickStep(high - low, maxIntervals);
    // step = mantissa × 10^exponent; a tick is the integer k·mantissa scaled by an exact power of ten, so 3 × 0.2
    // is the double nearest 0.6 (as printed) and not 0.6000000000000001.
    const int exponent = static_cast<int>(std::floor(std::log10(step) + 1e-9));
    const double mantissa = std::round(step / std::pow(10.0, exponent));
    const double scale = std::pow(10.0, std::abs(exponent));
    const auto tickAt = [&](double k) { return exponent < 0 ? k * mantissa / scale : k * mantissa * scale; };
    const double tolerance = 1e-9 * step;
    for (double k = std::ceil((low - tolerance) / step); tickAt(k) <= high + tolerance; k += 1)
        ticks.push_back(k == 0 ? 0.0 : tickAt(k)); // no −0
    return ticks;
}

SurfaceFrame frameSurface(const Problem& problem, Eigen::Index xParameter, Eigen::Index yParameter,
    const Eigen::VectorXd& base, const SurfacePath& path, int steps, PathRiseCache* cache)
{
    const SliceQuadratic slice(problem, xParameter, yParameter, base);
    if (!slice.hasMinimum())
        return boundingFrame(problem, xParameter, yParameter, path, steps);
    // Centred on the slice's lowest point, the bounding box of the highest level set it must show (with a
    // margin): the ellipses keep their shape, the start's whole contour is in view, and an lr change that keeps
    // the start keeps the frame, so the surface need not be computed again.
    const double level
        = slice.minimumSumOfSquares() + riseToHoldThePath(problem, xParameter, yParameter, slice, base, path, cache);
    const Eigen::Vector2d centre = slice.minimum();
    Eigen::Vector2d half = slice.levelSetHalfSpans(level) * levelSetMargin;
    half(0) = std::max(half(0), minimumHalfSpan(problem, xParameter));
    half(1) = std::max(half(1), minimumHalfSpan(problem, yParameter));
    SurfaceFrame frame;
    frame.x = roundedAxis(centre(0), half(0), xParameter, steps);
    frame.y = roundedAxis(centre(1), half(1), yParameter, steps);
    return frame;
}

SurfaceFrame frameHolding(const SurfaceFrame& frame, double a, double b)
{
    if (!std::isfinite(a) || !std::isfinite(b))
        return frame;
    constexpr double inside = 1.0 / 0.8; // the point a tenth of the span inside the edge: 0.4 of it from the centre
    const auto growth = [](const SurfaceAxis& axis, double value) {
        const double half = (axis.max - axis.min) / 2;
        return half > 0 ? std::abs(value - (axis.min + axis.max) / 2) * inside / half : 1.0;
    };
    const double factor = std::max(growth(frame.x, a), growth(frame.y, b));
    if (!(factor > 1) || !std::isfinite(factor))
        return frame;
    const auto grown = [factor](const SurfaceAxis& axis) {
        return roundedAxis((axis.min + axis.max) / 2, factor * (axis.max - axis.min) / 2, axis.parameter, axis.steps);
    };
    return { grown(frame.x), grown(frame.y) };
}

SurfaceHeights surfaceHeights(const SurfaceGrid& grid, const SliceQuadratic& slice, double lossWeight)
{
    SurfaceHeights heights;
    heights.low = std::min(grid.minValue, lossWeight * slice.minimumSumOfSquares());
    heights.high = grid.maxValue;
    if (!(heights.high > heights.low))
        heights.high = heights.low + 1;
    return heights;
}

SurfaceFrame frameLogisticSurface(const Problem& problem, Eigen::Index xParameter, Eigen::Index yParameter,
    const Eigen::VectorXd* optimum, const SurfacePath& path, int steps)
{
    Interval xRange;
    Interval yRange;
    forEachShownState(path, problem.parameterCount(), xParameter, yParameter, [&](double a, double b) {
        xRange.include(a);
        yRange.include(b);
    });
    const bool centred = optimum && optimum->size() == problem.parameterCount() && optimum->allFinite();
    if (!centred) {
        // The way on from the last state, a quarter of the path again, so the run-off shows as heading somewhere.
        if (path.history && path.rows > 1 && fits(path, 0, problem.parameterCount())
            && fits(path, path.rows - 1, problem.parameterCount())) {
            const auto first = path.history->theta(0);
            const auto last = path.history->theta(path.rows - 1);
            xRange.include(last(xParameter) + runOnFraction * (last(xParameter) - first(xParameter)));
            yRange.include(last(yParameter) + runOnFraction * (last(yParameter) - first(yParameter)));
        }
        xRange.include(0.0); // no path either: the origin, where a descent starts by default
        yRange.include(0.0);
        const Eigen::Vector2d span(xRange.high - xRange.low, yRange.high - yRange.low);
        const double floor = 0.05 * std::max({ 1.0, span.maxCoeff() });
        const SurfaceAxis x = axisOver(xRange, floor, xParameter, steps);
        const SurfaceAxis y = axisOver(yRange, floor, yParameter, steps);
        return { roundedAxis((x.min + x.max) / 2, (x.max - x.min) / 2, xParameter, steps),
            roundedAxis((y.min + y.max) / 2, (y.max - y.min) / 2, yParameter, steps) };
    }
    const Eigen::Vector2d centre((*optimum)(xParameter), (*optimum)(yParameter));
    const auto halfSpan = [&](const Interval& range, double at, Eigen::Index parameter) {
        const double reach
            = range.low <= range.high ? std::max(std::abs(range.low - at), std::abs(range.high - at)) : 0.0;
        return std::max(reach * levelSetMargin, logisticDoublingDistance(problem, *optimum, parameter));
    };
    return { roundedAxis(centre(0), halfSpan(xRange, centre(0), xParameter), xParameter, steps),
        roundedAxis(centre(1), halfSpan(yRange, centre(1), yParameter), yParameter, steps) };
}

} // namespace gdlab
