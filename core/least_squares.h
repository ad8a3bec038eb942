#pragma once

#include <Eigen/Core>

#include <string>

namespace gdlab {

class Problem;

/** @brief Which way fitLeastSquares() reached θ. */
enum class LeastSquaresMethod {
    /** Column-scaled, column-pivoted QR of X refined on the augmented system: ill-conditioned or rank-deficient rows.
     */
    HouseholderQr,
    /** Cholesky R of the problem's column-scaled XᵀX refined by corrected semi-normal equations: well-conditioned rows.
     */
    SemiNormal,
    /** R of rows folded as they were read (no rows kept). */
    FoldedRows,
};

/** @brief The closed-form least-squares fit and the statistics a lesson reports beside it. */
struct LeastSquaresFit {
    LeastSquaresMethod method = LeastSquaresMethod::HouseholderQr;
    Eigen::VectorXd theta; ///< in the descent space
    Eigen::VectorXd thetaOriginal; ///< in the original units of the data
    Eigen::Index rank = 0;
    bool rankDeficient = false;
    /** @brief Empty when all is well; otherwise says which column is constant or duplicated. */
    std::string message;
    double sumOfSquares = 0; ///< Σ r² at theta
    double r2 = 0; ///< centred with an intercept, uncentred without (the NIST convention)
    double residualStandardDeviation = 0; ///< sqrt(SSE / (n − p))
    Eigen::VectorXd standardErrors; ///< of thetaOriginal; NaN where undefined (rank deficient, n == p)
    double conditionNumber = 0; ///< of G = XᵀX (in the descent space), λmax/λmin; inf when singular
};

/**
 * @brief Solves least squares without ever inverting XᵀX: well-conditioned rows in memory from the Cholesky R of the
 * column-scaled XᵀX refined against the rows (SemiNormalLeastSquares: a pass or two over X), the others by
 * column-pivoted Householder QR of the design matrix (RefinedLeastSquares), so that ill-conditioned data (NIST StRD)
 * keeps its digits; folded rows from their R.
 */
LeastSquaresFit fitLeastSquares(const Problem& problem);

} // namespace gdlab
