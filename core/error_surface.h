#pragma once

#include "loss.h"

#include <Eigen/Core>

#include <vector>

namespace gdlab {

class Problem;

/** @brief One axis of a surface grid: which parameter varies, over which range, in how many samples. */
struct SurfaceAxis {
    Eigen::Index parameter = 0;
    double min = -1;
    double max = 1;
    int steps = 100; ///< number of samples, min and max included (>= 2)

    double valueAt(int index) const { return min + (max - min) * index / (steps - 1); }
};

/** @brief The loss sampled on a grid over two parameters. */
struct SurfaceGrid {
    SurfaceAxis x;
    SurfaceAxis y;
    std::vector<double> values; ///< row-major: values[iy * x.steps + ix]
    double minValue = 0;
    double maxValue = 0;

    double at(int ix, int iy) const { return values[static_cast<std::size_t>(iy) * x.steps + ix]; }
    /** @brief Sets minValue and maxValue to the finite values' range (left as they are when none is finite). */
    void findRange();
};

/**
 * @brief The loss over parameters x.parameter and y.parameter, every other parameter held at base.
 *
 * Uses the sufficient statistics: after O(k²) set-up each cell costs O(1), whatever n is.
 */
SurfaceGrid computeSurface(
    const Problem& problem, LossKind loss, const Eigen::VectorXd& base, const SurfaceAxis& x, const SurfaceAxis& y);

/** @brief Cells × rows a logistic surface may cost: one log loss term each, about a third of a second. */
constexpr double logisticSurfaceBudget = 3e7;
/** @brief The fewest samples per axis a logistic surface is drawn with, however many rows: still a readable map. */
constexpr int logisticSurfaceMinSteps = 24;

/**
 * @brief The samples per axis of a logistic surface over rows rows: wanted, fewer when wanted² cells × rows would
 * pass logisticSurfaceBudget (a 10⁵-row file stays interactive), never fewer than logisticSurfaceMinSteps (nor
 * more than wanted).
 */
int logisticSurfaceSteps(Eigen::Index rows, int wanted);

/**
 * @brief The mean log loss of logistic regression over parameters x.parameter and y.parameter, every other
 * parameter held at base (LogisticSlice): a pass over the rows per cell, so callers cap the steps with
 * logisticSurfaceSteps(). Throws InputError as computeSurface() does, and for a problem without rows or a 0/1
 * target.
 */
SurfaceGrid computeLogisticSurface(
    const Problem& problem, const Eigen::VectorXd& base, const SurfaceAxis& x, const SurfaceAxis& y);

} // namespace gdlab
