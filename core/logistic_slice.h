#pragma once

#include "error_surface.h"

#include <Eigen/Core>

namespace gdlab {

class Problem;

/**
 * @brief The mean log loss of logistic regression on a slice through base over parameters x and y (the others
 * held at base), as the surface views draw it.
 *
 * The log loss has no sufficient statistics, but on a slice every row's z is affine in the two coordinates:
 * z = aᵢ + θx·xᵢ + θy·yᵢ, with aᵢ the held parameters' share, computed once. A point of the slice then costs one
 * vectorised pass over n margins (no product with the design matrix), and a grid row shares its θy share. Each
 * row's loss is softplus(−mᵢ) for the margin mᵢ = (2yᵢ − 1)·zᵢ, taken as LogisticLoss takes it.
 *
 * The problem must keep its rows and have a 0/1 target; it need not outlive the slice (the columns are copied).
 */
class LogisticSlice {
public:
    LogisticSlice(const Problem& problem, Eigen::Index x, Eigen::Index y, const Eigen::VectorXd& base);

    /** @brief The loss at the point of the slice with these two coordinates. */
    double loss(double a, double b) const;
    /** @brief The loss at theta's projection onto the slice: its x and y coordinates, the others held at base. */
    double lossAt(const Eigen::Ref<const Eigen::VectorXd>& theta) const;
    /** @brief The loss sampled over the grid of the two axes (their parameters are the slice's). */
    SurfaceGrid grid(const SurfaceAxis& x, const SurfaceAxis& y) const;

    /** @brief The mean of softplus(−mᵢ) over the margins, without overflow or cancellation. */
    static double meanMarginLoss(const Eigen::Ref<const Eigen::ArrayXd>& margins);

private:
    Eigen::Index m_x;
    Eigen::Index m_y;
    Eigen::ArrayXd m_offset; ///< (2yᵢ − 1)·aᵢ: the held parameters' share of each margin
    Eigen::ArrayXd m_xColumn; ///< (2yᵢ − 1)·xᵢ of parameter x
    Eigen::ArrayXd m_yColumn; ///< (2yᵢ − 1)·xᵢ of parameter y
    mutable Eigen::ArrayXd m_rowShare; ///< scratch: a grid row's margins before θx
    mutable Eigen::ArrayXd m_margins; ///< scratch
};

} // namespace gdlab
