#pragma once

#include <Eigen/Core>
#include <Eigen/QR>

namespace gdlab {

/**
 * @brief Full-rank least squares min ‖Xθ − y‖ to nearly the accuracy of the data: a column-scaled,
 * column-pivoted Householder QR, then iterative refinement with residuals accumulated in extended precision.
 *
 * The QR alone loses digits in proportion to the condition number of X (and to its square when the fit leaves
 * a residual), which is too many on NIST StRD's Filip or Wampler5. Refinement runs on the augmented system
 * [I X; Xᵀ 0][r; θ] = [y; 0] (Björck), so that the residual r and θ improve together and the κ² term goes as
 * well; each step reuses the QR factors and costs two passes over X in long double.
 */
class RefinedLeastSquares {
public:
    /** @brief Factorizes X (scaled to unit-norm columns) and, when it has full column rank, solves and refines. */
    RefinedLeastSquares(const Eigen::MatrixXd& design, const Eigen::VectorXd& target);

    /** @brief The numerical rank of the scaled design; below the column count nothing else is computed. */
    Eigen::Index rank() const { return m_rank; }
    bool isFullRank() const { return m_rank == m_scales.size(); }

    /** @brief θ, refined (empty when rank deficient). */
    const Eigen::VectorXd& solution() const { return m_theta; }
    /** @brief y − Xθ at solution(), refined along with it (empty when rank deficient). */
    const Eigen::VectorXd& residual() const { return m_residual; }
    /** @brief The diagonal of (XᵀX)⁻¹, from the triangular factor: no normal equations, no lost digits. */
    Eigen::VectorXd inverseGramDiagonal() const;
    /** @brief (XᵀX)⁻¹ itself, for carrying the covariance into other units. */
    Eigen::MatrixXd inverseGram() const;

private:
    void refine(const Eigen::MatrixXd& design, const Eigen::VectorXd& target);
    Eigen::MatrixXd solveTriangular(const Eigen::MatrixXd& b) const;

    Eigen::VectorXd m_scales;
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> m_qr;
    Eigen::Index m_rank = 0;
    Eigen::VectorXd m_theta;
    Eigen::VectorXd m_residual;
};

} // namespace gdlab
