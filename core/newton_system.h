#pragma once

#include "loss.h"
#include "quadratic_kernel.h"

#include <Eigen/Core>

#include <vector>

namespace gdlab {

class Problem;

/**
 * @brief The Hessian H = 2w·G of a quadratic loss (or the logistic loss's Hessian at θ), factored once (symmetric
 * eigendecomposition H = QΛQᵀ) so that every Newton step solves H·step = g in O(k²) with no allocation.
 *
 * Eigenvalues at or below k·ε_machine·λmax count as zero: on rank-deficient data (a constant or duplicated
 * column) H is singular, and the step is then the minimum-norm solution Q·Λ⁺·Qᵀg, which moves θ only within
 * the directions the loss depends on.
 */
class NewtonSystem {
public:
    NewtonSystem(const Problem& problem, LossKind loss);
    /** @brief For a Hessian that changes with θ (logistic regression): factor() it before every solve. */
    explicit NewtonSystem(int parameters);

    /** @brief Factors a symmetric p × p Hessian (its lower triangle is read), replacing the one before. */
    void factor(const Eigen::MatrixXd& hessian);

    int parameterCount() const { return m_parameters; }
    /** @brief Whether H had an eigenvalue counted as zero (the data is rank-deficient). */
    bool isSingular() const { return m_singular; }

    /**
     * @brief Writes the minimum-norm solution of H·step = gradient; scratch holds parameterCount() values. Always
     * inlined: it is part of the solver's inner loop.
     *
     * Both products run by columns (see kernel::addColumns): Λ⁺Qᵀg from the columns of Qᵀ, then Q(Λ⁺Qᵀg) from those
     * of Q. Each sum sees the products of a dot product with the row in the row's order, from 0, so the bits are a
     * dot product's, while the loop over rows packs into vectors.
     */
    template <class Count>
    [[gnu::always_inline]] void solve(Count count, const double* gradient, double* step, double* scratch) const
    {
        const int p = count();
        kernel::addColumnsOf(count, m_basisTransposed.data(), gradient, scratch);
        for (int i = 0; i < p; ++i)
            scratch[i] *= m_inverseEigenvalues[static_cast<std::size_t>(i)];
        kernel::addColumnsOf(count, m_basis.data(), scratch, step);
    }

private:
    int m_parameters = 0;
    bool m_singular = false;
    std::vector<double> m_basis; ///< Q, p × p column-major: column i is the eigenvector of eigenvalue i
    std::vector<double> m_basisTransposed; ///< Qᵀ, column-major: column j is row j of Q
    std::vector<double> m_inverseEigenvalues; ///< 1/λi, or 0 where λi counts as zero
};

} // namespace gdlab
