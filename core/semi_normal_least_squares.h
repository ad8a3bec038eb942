#pragma once

#include <Eigen/Core>

namespace gdlab {

/**
 * @brief Full-rank least squares min ‖Xθ − y‖ from the normal equations a Problem already holds (G = XᵀX, c = Xᵀy),
 * refined against the rows: the fast closed form for well-conditioned data in memory.
 *
 * R is the Cholesky factor of the column-scaled G (the R of a one-pass QR up to signs). θ = G⁻¹c loses about κ²·u,
 * so it is refined by corrected semi-normal equations, RᵀR δ = Xᵀ(y − Xθ) (Björck): each step is ONE pass over the
 * rows, computing r = y − Xθ (in double, or row by row in long double where the rounding of double would show in θ)
 * and Xᵀr, Σr² and the target's spread beside it. A step
 * shrinks the error by about κ²·u, so the method is taken only while that is far below 1: isUsable() is false when
 * κ of the column-scaled X is at or above conditionLimit(), when G is not positive definite, or when the squares
 * leave double's range, or when the rounding of a pass in double (Xᵀr, about κ²·u·‖r‖) would move θ by more than a few
 * units in its last place. Then the caller takes the QR path (RefinedLeastSquares).
 *
 * The pass splits the rows into fixed chunks and adds their sums in chunk order, so the result is the same bit for
 * bit whether it runs on one thread or two.
 */
class SemiNormalLeastSquares {
public:
    /** @brief κ(X D⁻¹) below which the method is taken (κ²·u ≈ 10⁻⁸: the first step already leaves ≈ u). */
    static double conditionLimit();
    /**
     * @brief Whether the rows are many enough for the method to pay (2¹⁶ values of X, about 6000 rows of ten features
     * and an intercept): on fewer a QR of X takes a millisecond or two and gives more digits (standard errors κ·u where
     * the Cholesky R of the rounded G gives κ²·u).
     */
    static bool isWorthIt(const Eigen::MatrixXd& design);

    /**
     * @brief Solves and refines when usable. centre is subtracted from y for totalSquares() (ȳ with an intercept,
     * 0 without); gram and moment must be XᵀX and Xᵀy of these rows. threads caps the threads of a pass (0: one
     * per core, at most two, and one for few rows); the result does not depend on it.
     */
    SemiNormalLeastSquares(const Eigen::MatrixXd& design, const Eigen::VectorXd& target, const Eigen::MatrixXd& gram,
        const Eigen::VectorXd& moment, double centre, unsigned threads = 0);

    bool isUsable() const { return m_usable; }
    /** @brief κ of the column-scaled design, from R (inf when G is not positive definite). */
    double scaledConditionNumber() const { return m_condition; }
    /** @brief θ after refinement (empty when not usable). */
    const Eigen::VectorXd& solution() const { return m_theta; }
    /** @brief Σ r² at solution(). */
    double sumOfSquares() const { return m_sumOfSquares; }
    /** @brief Σ (y − centre)². */
    double totalSquares() const { return m_totalSquares; }
    /** @brief How many passes over the rows the refinement took. */
    int passes() const { return m_passes; }
    /** @brief (XᵀX)⁻¹ from R. */
    Eigen::MatrixXd inverseGram() const;

private:
    bool factorize(const Eigen::MatrixXd& gram);
    bool roundingIsNegligible(Eigen::Index rows, double centre, bool extended) const;
    Eigen::VectorXd solveNormal(const Eigen::VectorXd& right) const;
    void refine(const Eigen::MatrixXd& design, const Eigen::VectorXd& target, const Eigen::MatrixXd& gram,
        const Eigen::VectorXd& moment, double centre);

    Eigen::VectorXd m_scales;
    Eigen::MatrixXd m_triangle; ///< upper R of D⁻¹GD⁻¹ = RᵀR
    bool m_usable = false;
    double m_condition = 0;
    double m_smallestSingular = 0; ///< of R
    Eigen::VectorXd m_theta;
    double m_sumOfSquares = 0;
    double m_totalSquares = 0;
    int m_passes = 0;
    unsigned m_threads = 0;
};

} // namespace gdlab
