#include "error_surface.h"

#include "input_error.h"
#include "logistic_loss.h"
#include "logistic_slice.h"
#include "problem.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace gdlab {

void SurfaceGrid::findRange()
{
    double lowest = std::numeric_limits<double>::infinity();
    double highest = -lowest;
    for (const double value : values) {
        if (std::isfinite(value)) {
            lowest = std::min(lowest, value);
            highest = std::max(highest, value);
        }
    }
    if (lowest <= highest) {
        minValue = lowest;
        maxValue = highest;
    }
}

namespace {

void checkAxis(const SurfaceAxis& axis, const char* name, Eigen::Index parameterCount)
{
    const std::string prefix = std::string("error surface: ") + name + " axis ";
    if (axis.parameter < 0 || axis.parameter >= parameterCount)
        throw InputError(prefix + "parameter " + std::to_string(axis.parameter) + " is out of range (the problem has "
            + std::to_string(parameterCount) + " parameters)");
    if (axis.steps < 2)
        throw InputError(prefix + "needs at least 2 steps, got " + std::to_string(axis.steps));
    if (!std::isfinite(axis.min) || !std::isfinite(axis.max) || !(axis.min < axis.max))
        throw InputError(prefix + "range must be finite with min < max, got [" + std::to_string(axis.min) + ", "
            + std::to_string(axis.max) + "]");
}

void checkArguments(const Problem& problem, const Eigen::VectorXd& base, const SurfaceAxis& x, const SurfaceAxis& y)
{
    const Eigen::Index p = problem.parameterCount();
    checkAxis(x, "x", p);
    checkAxis(y, "y", p);
    if (x.parameter == y.parameter)
        throw InputError("error surface: both axes show parameter " + std::to_string(x.parameter));
    if (base.size() != p)
        throw InputError("error surface: the base point has " + std::to_string(base.size()) + " entries, the problem "
            + std::to_string(p) + " parameters");
    if (!base.allFinite())
        throw InputError("error surface: the base point is not finite");
}

} // namespace

SurfaceGrid computeSurface(
    const Problem& problem, LossKind loss, const Eigen::VectorXd& base, const SurfaceAxis& x, const SurfaceAxis& y)
{
    checkArguments(problem, base, x, y);

    // The grid is too big for a per-cell matrix product, so expand Σr² = dᵀGd + SSE(θ*), d = θ − θ*, around
    // the fixed part of d: with r the deviation vector with entries i and j zeroed,
    //   dᵀGd = rᵀGr + 2·di·(Gr)i + 2·dj·(Gr)j + di²·Gii + 2·di·dj·Gij + dj²·Gjj.
    // Expanding in di = x − θ*i rather than in the offset from base keeps the terms that cancel near the optimum
    // small: only what the data itself makes ill-conditioned is lost, not how far base is from the grid.
    const Eigen::Index i = x.parameter;
    const Eigen::Index j = y.parameter;
    const Eigen::MatrixXd& gram = problem.gram();
    const Eigen::VectorXd& optimum = problem.leastSquaresTheta();
    Eigen::VectorXd rest = base - optimum;
    rest(i) = 0;
    rest(j) = 0;
    const Eigen::VectorXd gramRest = gram * rest;
    const double restQuadratic = rest.dot(gramRest);
    const double gii = gram(i, i);
    const double gjj = gram(j, j);
    const double gij = gram(i, j);
    const double weight = lossWeight(loss, problem.sampleCount());
    const double minimum = problem.minimumSumOfSquares();

    SurfaceGrid grid;
    grid.x = x;
    grid.y = y;
    grid.values.resize(static_cast<std::size_t>(x.steps) * static_cast<std::size_t>(y.steps));
    for (int iy = 0; iy < y.steps; ++iy) {
        const double dj = y.valueAt(iy) - optimum(j);
        // Everything that does not depend on di, so a cell costs a handful of flops.
        const double constant = restQuadratic + 2 * dj * gramRest(j) + dj * dj * gjj + minimum;
        const double linear = 2 * gramRest(i) + 2 * dj * gij;
        double* row = grid.values.data() + static_cast<std::size_t>(iy) * x.steps;
        for (int ix = 0; ix < x.steps; ++ix) {
            const double di = x.valueAt(ix) - optimum(i);
            // Σr² cannot be negative; rounding can make it so by a hair at the optimum of an exact fit.
            const double value = weight * std::max(0.0, constant + di * (linear + di * gii));
            row[ix] = value;
        }
    }
    grid.findRange();
    return grid;
}

int logisticSurfaceSteps(Eigen::Index rows, int wanted)
{
    const double perAxis = std::sqrt(logisticSurfaceBudget / static_cast<double>(std::max<Eigen::Index>(rows, 1)));
    const int capped = static_cast<int>(std::min<double>(wanted, std::floor(perAxis)));
    return std::min(wanted, std::max(capped, logisticSurfaceMinSteps));
}

SurfaceGrid computeLogisticSurface(
    const Problem& problem, const Eigen::VectorXd& base, const SurfaceAxis& x, const SurfaceAxis& y)
{
    checkArguments(problem, base, x, y);
    // LogisticLoss checks what the log loss needs of the problem (its rows, a 0/1 target).
    const LogisticLoss check(problem);
    return LogisticSlice(problem, x.parameter, y.parameter, base).grid(x, y);
}

} // namespace gdlab
