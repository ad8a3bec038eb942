#pragma once

#include <Eigen/Core>

#include <string>

namespace gdlab {

class Problem;

/** @brief The closed-form least-squares fit and the statistics a lesson reports beside it. */
struct LeastSquaresFit {
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
 * @brief Solves least squares by column-pivoted Householder QR of the design matrix, never by inverting
 * XᵀX, so that ill-conditioned data (NIST StRD) keeps its digits.
 */
LeastSquaresFit fitLeastSquares(const Problem& problem);

} // namespace gdlab
