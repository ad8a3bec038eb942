#pragma once

#include <Eigen/Core>

namespace gdlab {

/**
 * @brief ZᵀZ of blocks of rows summed in about twice double's precision (each product split exactly, each sum
 * compensated: Ogita, Rump and Oishi's Dot2), and the normal equations of its leading columns solved in double-double.
 *
 * For data so ill-conditioned that no refinement through a double R converges (NIST's Filip: κ of the column-scaled
 * X ≈ 5·10⁹, κ²·u ≫ 1), the normal equations themselves, formed and solved with 106-bit sums, lose about κ²·2⁻¹⁰⁴
 * ≈ 10⁻¹² of θ: θ is then the exact solution of the data in double's precision. A pass costs several times one
 * in long double, so it is taken only when the fold's conditioning asks for it (ProblemAccumulator::wantsExactPass).
 */
class ExactNormalEquations {
public:
    explicit ExactNormalEquations(Eigen::Index width = 0);

    /** @brief Adds the rows of z (one column per column of Z). */
    void add(const Eigen::Ref<const Eigen::MatrixXd>& z);
    /** @brief Adds what another summed, as if its rows came after these. */
    void merge(const ExactNormalEquations& other);

    Eigen::Index width() const { return m_high.cols(); }
    /** @brief ZᵀZ rounded to double, whole (symmetric). */
    Eigen::MatrixXd cross() const;

    /**
     * @brief θ minimizing ‖Z₁θ − Z_p‖ for the first p columns Z₁ and column p (the target), from a Cholesky
     * factorization of the column-scaled Z₁ᵀZ₁ in double-double. Empty when that is not positive definite.
     */
    Eigen::VectorXd solve(Eigen::Index p) const;

private:
    Eigen::MatrixXd m_high; ///< lower triangle: the sums
    Eigen::MatrixXd m_low; ///< lower triangle: what each sum lost
};

} // namespace gdlab
