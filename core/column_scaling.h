#pragma once

#include <Eigen/Core>

#include <cmath>

namespace gdlab {

/**
 * @brief Scales that bring every column of a matrix to unit Euclidean norm (1 for an all-zero column).
 *
 * A rank-revealing QR compares pivots against a threshold relative to the largest one, so a column in tiny
 * units (1e-100) would be judged dependent and one in huge units (1e200) would overflow. Dividing the columns
 * by these scales first makes rank a question of direction only; stableNorm() avoids the overflow and
 * underflow of squaring such values.
 */
inline Eigen::VectorXd columnScales(const Eigen::MatrixXd& matrix)
{
    Eigen::VectorXd scales(matrix.cols());
    for (Eigen::Index column = 0; column < matrix.cols(); ++column) {
        const double norm = matrix.col(column).stableNorm();
        scales[column] = norm > 0 && std::isfinite(norm) ? norm : 1.0;
    }
    return scales;
}

} // namespace gdlab
