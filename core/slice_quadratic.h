#pragma once

#include <Eigen/Core>

namespace gdlab {

class Problem;

/**
 * @brief The sum of squares on a slice of the error surface, as an explicit quadratic in the slice's two
 * parameters: the surface views draw every point of the path on it, so what they draw lies on what they show.
 *
 * The slice passes through base (the other parameters held there) over parameters x and y. With
 * u = (θx, θy) − (base_x, base_y):  Σr²(u) = s0 + 2·gᵀu + uᵀHu, H the 2 × 2 block of G = XᵀX, s0 and g from
 * (θ−θ*)ᵀG(θ−θ*) + SSE(θ*) like every loss in the program, without the cancellation of θᵀGθ − 2cᵀθ + yᵀy; a
 * slice with a lowest point u* is evaluated as Σr²(u*) + (u−u*)ᵀH(u−u*).
 */
class SliceQuadratic {
public:
    SliceQuadratic(const Problem& problem, Eigen::Index x, Eigen::Index y, const Eigen::VectorXd& base);

    /** @brief Σr² at the point of the slice with these two coordinates. */
    double sumOfSquares(double a, double b) const;
    /** @brief Σr² at theta's projection onto the slice: its x and y coordinates, the others held at base. */
    double sumOfSquaresAt(const Eigen::Ref<const Eigen::VectorXd>& theta) const;

    /** @brief Whether the slice has one lowest point (H positive definite, not numerically singular). */
    bool hasMinimum() const { return m_hasMinimum; }
    /** @brief The slice's lowest point (a, b); the base's coordinates when there is none. */
    const Eigen::Vector2d& minimum() const { return m_minimum; }
    double minimumSumOfSquares() const { return m_minimumValue; }
    /** @brief H: the curvature of Σr² on the slice (half its Hessian). */
    const Eigen::Matrix2d& curvature() const { return m_curvature; }
    /**
     * @brief Half the width and height of the level set {Σr² = level} around the minimum: the box the ellipse
     * fits in, sqrt(Δ·(H⁻¹)ii) with Δ = level − minimum. Zero when level is at or below the minimum.
     */
    Eigen::Vector2d levelSetHalfSpans(double level) const;

private:
    Eigen::Index m_x;
    Eigen::Index m_y;
    Eigen::Vector2d m_origin; ///< base's x and y
    double m_constant = 0; ///< s0: Σr² at base
    Eigen::Vector2d m_linear; ///< g
    Eigen::Matrix2d m_curvature; ///< H
    bool m_hasMinimum = false;
    Eigen::Vector2d m_minimum;
    double m_minimumValue = 0;
};

} // namespace gdlab
