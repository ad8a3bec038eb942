#pragma once

#include <Eigen/Core>

#include <limits>
#include <string>

namespace gdlab {

class Problem;

/** @brief The reference optimum of logistic regression (Newton's method), or why there is none. */
struct LogisticFit {
    bool finite = false; ///< a finite optimum was found: theta holds it
    /**
     * @brief No finite optimum: some direction d has (2yᵢ − 1)·xᵢᵀd ≥ 0 for every row and > 0 for one, so the loss
     * falls for ever along it (the classes are linearly separable, or quasi-separable).
     */
    bool separable = false;
    bool quasiSeparable = false; ///< separable but for rows on the dividing boundary (xᵢᵀd = 0)
    Eigen::Index boundaryRows = 0; ///< with quasi-separation: the rows on the boundary
    Eigen::VectorXd theta; ///< the optimum in the descent space (scaled when standardized); empty when not finite
    Eigen::VectorXd thetaOriginal; ///< the optimum in the original units of the data; empty when not finite
    /** @brief When separable: d (descent space, unit length), the direction in which the descent runs off. */
    Eigen::VectorXd direction;
    double loss = std::numeric_limits<double>::quiet_NaN(); ///< at theta
    double accuracy = std::numeric_limits<double>::quiet_NaN(); ///< at theta
    double gradientNorm = std::numeric_limits<double>::quiet_NaN(); ///< at theta
    int iterations = 0; ///< Newton steps taken
    /** @brief Empty with a finite optimum; otherwise why there is none, in words for the summary and the status. */
    std::string message;
};

/**
 * @brief Newton's method (IRLS) on the mean log loss from θ = 0, until |∇L| ≤ 1e-12·max(1, |∇L(0)|), then one
 * Newton step more (the criterion alone is not scale-invariant); each step is halved until the loss does not rise.
 * The step solves H·step = ∇L by the eigendecomposition of H (the minimum-norm solution when H is singular, as on
 * rank-deficient data).
 *
 * Separation is detected, never returned as an optimum: after every step, θ and the step itself are tried as the
 * direction d above (rows whose (2yᵢ − 1)·xᵢᵀd is within 1e-8·|xᵢ|·|d| of 0 count as on the boundary). Complete
 * separation shows at once (some θ classifies every row right, strictly); with quasi-separation the steps settle
 * on the direction in which the iterates grow without bound. The problem must keep its rows and have a 0/1 target.
 */
LogisticFit fitLogistic(const Problem& problem);

} // namespace gdlab
