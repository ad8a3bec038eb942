#pragma once

#include "loss.h"

#include <Eigen/Core>

#include <vector>

namespace gdlab {

class Problem;

/**
 * @brief Loss, RMSE and gradient of a quadratic loss at any θ in O(k²), from the sufficient statistics, with
 * no allocation: the one evaluation the solver's inner loop and every on-demand evaluation share, so that a
 * gradient recomputed for display is bit for bit the one the update used.
 *
 * With δ = θ − θ* (θ* the least-squares solution) and v = Gδ:
 *   Σ r² = δᵀv + SSE(θ*)          (no cancellation near the optimum, unlike θᵀGθ − 2cᵀθ + yᵀy)
 *   ∇L   = 2w·(v + (Gθ* − c))      (Gθ* − c is the normal equations' rounding residual, computed once)
 * where w is the loss weight (1/n, 1/2n or 1).
 */
class QuadraticLoss {
public:
    /** @brief Keeps pointers into problem: it must outlive this object. */
    QuadraticLoss(const Problem& problem, LossKind kind);

    Eigen::Index parameterCount() const { return m_parameters; }
    double weight() const { return m_weight; }

    /**
     * @brief The loss at theta (parameterCount() values); writes the gradient to gradient (same size) and the
     * RMSE to rmse. Never allocates.
     */
    double evaluate(const double* theta, double* gradient, double* rmse) const;
    /** @brief The loss alone (Σ r² still costs the O(k²) product). */
    double value(const double* theta) const;

private:
    double sumOfSquares(const double* theta, double* gramDelta) const;

    Eigen::Index m_parameters = 0;
    double m_weight = 1;
    double m_rows = 1;
    double m_minimumSumOfSquares = 0;
    const double* m_gram = nullptr; ///< p × p, column-major (symmetric)
    const double* m_optimum = nullptr; ///< θ*
    std::vector<double> m_normalResidual; ///< Gθ* − c
    mutable std::vector<double> m_delta; ///< scratch: θ − θ*
    mutable std::vector<double> m_gramDelta; ///< scratch: G(θ − θ*)
};

} // namespace gdlab
