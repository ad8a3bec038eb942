#pragma once

#include "loss.h"
#include "quadratic_kernel.h"

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
    double weight() const { return m_terms.weight; }
    /** @brief The precomputed terms, for the solver's specialised inner loop. */
    const kernel::QuadraticTerms& terms() const { return m_terms; }

    /**
     * @brief The loss at theta (parameterCount() values); writes the gradient to gradient (same size) and the
     * RMSE to rmse. Never allocates.
     */
    double evaluate(const double* theta, double* gradient, double* rmse) const;
    /** @brief The same, writing Σr² in place of the RMSE (the solver takes the RMSE only where it keeps it). */
    double evaluate(const double* theta, double* gradient, kernel::SumOfSquares* sum) const;
    /** @brief The loss alone (Σ r² still costs the O(k²) product). */
    double value(const double* theta) const;

private:
    Eigen::Index m_parameters = 0;
    std::vector<double> m_normalResidual; ///< Gθ* − c
    std::vector<double> m_gramTransposed; ///< Gᵀ, column-major
    kernel::QuadraticTerms m_terms;
    mutable std::vector<double> m_gradient; ///< scratch for value()
    mutable std::vector<double> m_delta; ///< scratch: θ − θ*
    mutable std::vector<double> m_gramDelta; ///< scratch: G(θ − θ*)
};

} // namespace gdlab
