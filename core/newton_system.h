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
     * Both products run by columns (kernel::addPaddedColumns): Λ⁺Qᵀg from the columns of Qᵀ, then Q(Λ⁺Qᵀg) from
     * those of Q, each sum as its even and its odd terms added at the end, so that the three products of an update
     * (the gradient's, then these two) wait on each other half as long; the loop over rows packs into whole vectors
     * down to the columns' padding. The update panel's step is this same function's.
     */
    template <class Count>
    [[gnu::always_inline]] void solve(Count count, const double* gradient, double* step, double* scratch) const
    {
        kernel::addPaddedColumnsOf(count, m_basisTransposed.data(), gradient, m_inverseEigenvalues.data(), scratch);
        kernel::addPaddedColumnsOf(count, m_basis.data(), scratch, nullptr, step);
    }

private:
    int m_parameters = 0;
    bool m_singular = false;
    /** Q, column-major with kernel::paddedRows(p) rows (zero below p): column i is the eigenvector of eigenvalue i. */
    std::vector<double> m_basis;
    std::vector<double> m_basisTransposed; ///< Qᵀ, laid out alike: column j is row j of Q
    std::vector<double> m_inverseEigenvalues; ///< 1/λi, or 0 where λi counts as zero
};

} // namespace gdlab
