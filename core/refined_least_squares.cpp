#include "refined_least_squares.h"

#include "column_scaling.h"

#include <algorithm>
#include <limits>

namespace gdlab {

namespace {

// Two steps take every NIST StRD linear problem to its certified digits; a third changes nothing there.
constexpr int kRefinementSteps = 2;
// Rows per chunk of the extended-precision passes: the long double accumulators stay in the L1 cache while the
// columns of X stream past them.
constexpr Eigen::Index kChunkRows = 256;

// f = y − r − Xθ with every product and sum in long double (64-bit mantissa). Near the solution the three terms
// cancel to a few digits; in double that cancellation is what limits the plain QR solution.
Eigen::VectorXd systemResidual(const Eigen::MatrixXd& design, const Eigen::VectorXd& target,
    const Eigen::VectorXd& residual, const Eigen::VectorXd& theta)
{
    const Eigen::Index rows = design.rows();
    Eigen::VectorXd result(rows);
    long double sums[kChunkRows];
    for (Eigen::Index start = 0; start < rows; start += kChunkRows) {
        const Eigen::Index count = std::min(kChunkRows, rows - start);
        for (Eigen::Index i = 0; i < count; ++i)
            sums[i] = static_cast<long double>(target[start + i]) - residual[start + i];
        for (Eigen::Index j = 0; j < design.cols(); ++j) {
            const long double coefficient = theta[j];
            const double* column = design.col(j).data() + start;
            for (Eigen::Index i = 0; i < count; ++i)
                sums[i] -= column[i] * coefficient;
        }
        for (Eigen::Index i = 0; i < count; ++i)
            result[start + i] = static_cast<double>(sums[i]);
    }
    return result;
}

// Xᵀr in long double: zero at the exact solution, so it is all cancellation.
Eigen::VectorXd normalResidual(const Eigen::MatrixXd& design, const Eigen::VectorXd& residual)
{
    Eigen::VectorXd result(design.cols());
    for (Eigen::Index j = 0; j < design.cols(); ++j) {
        const double* column = design.col(j).data();
        long double sum = 0;
        for (Eigen::Index i = 0; i < design.rows(); ++i)
            sum += column[i] * static_cast<long double>(residual[i]);
        result[j] = static_cast<double>(sum);
    }
    return result;
}

} // namespace

RefinedLeastSquares::RefinedLeastSquares(const Eigen::MatrixXd& design, const Eigen::VectorXd& target)
    : m_scales(columnScales(design))
    , m_qr(design * m_scales.cwiseInverse().asDiagonal())
    , m_rank(m_qr.rank())
{
    if (isFullRank())
        refine(design, target);
}

// R z = b for the leading triangle of the factor.
Eigen::MatrixXd RefinedLeastSquares::solveTriangular(const Eigen::MatrixXd& b) const
{
    const Eigen::Index p = m_scales.size();
    return m_qr.matrixR().topLeftCorner(p, p).triangularView<Eigen::Upper>().solve(b);
}

// With X D⁻¹ P = Q R (D the column scales, P the pivoting), one step solves
// [I X; Xᵀ 0][δr; δθ] = [f; g] for f = y − r − Xθ, g = −Xᵀr: Rᵀa = −P ᵀD⁻¹Xᵀr, R δz = (Qᵀf)₁ − a,
// δr = Q [a; (Qᵀf)₂], δθ = D⁻¹ P δz.
void RefinedLeastSquares::refine(const Eigen::MatrixXd& design, const Eigen::VectorXd& target)
{
    const Eigen::Index p = m_scales.size();
    const Eigen::MatrixXd triangle = m_qr.matrixR().topLeftCorner(p, p).triangularView<Eigen::Upper>();
    m_theta = m_qr.solve(target).cwiseQuotient(m_scales);
    m_residual = systemResidual(design, target, Eigen::VectorXd::Zero(design.rows()), m_theta);
    double previousStep = std::numeric_limits<double>::infinity();
    for (int step = 0; step < kRefinementSteps; ++step) {
        const Eigen::VectorXd f = systemResidual(design, target, m_residual, m_theta);
        const Eigen::VectorXd g
            = -(m_qr.colsPermutation().transpose() * normalResidual(design, m_residual).cwiseQuotient(m_scales));
        const Eigen::VectorXd a = triangle.transpose().triangularView<Eigen::Lower>().solve(g);
        Eigen::VectorXd qf = m_qr.householderQ().adjoint() * f;
        const Eigen::VectorXd deltaZ = solveTriangular(qf.head(p) - a);
        const Eigen::VectorXd deltaTheta = (m_qr.colsPermutation() * deltaZ).cwiseQuotient(m_scales);
        // A correction that grows instead of shrinking means the problem is too ill-conditioned for refinement
        // to converge: keep what the previous step had.
        const double size = deltaZ.norm();
        if (!(size < previousStep))
            break;
        previousStep = size;
        qf.head(p) = a;
        m_residual += m_qr.householderQ() * qf;
        m_theta += deltaTheta;
    }
}

Eigen::MatrixXd RefinedLeastSquares::inverseGram() const
{
    // (XᵀX)⁻¹ = D⁻¹ P R⁻¹ R⁻ᵀ Pᵀ D⁻¹.
    const Eigen::Index p = m_scales.size();
    const Eigen::MatrixXd rInverse = solveTriangular(Eigen::MatrixXd::Identity(p, p));
    const Eigen::MatrixXd factor = m_scales.cwiseInverse().asDiagonal() * (m_qr.colsPermutation() * rInverse);
    return factor * factor.transpose();
}

Eigen::VectorXd RefinedLeastSquares::inverseGramDiagonal() const
{
    return inverseGram().diagonal();
}

} // namespace gdlab
