#include "refined_least_squares.h"

#include "column_scaling.h"

#include <algorithm>
#include <limits>

namespace gdlab {

namespace {

// Two steps take every NIST StRD linear problem to its certified digits; a third changes nothing there.
// Well-conditioned problems stop after the first.
constexpr int kRefinementSteps = 2;

// Independent long double sums kept at once: an x87 addition waits for the one before it, and a sum stored to
// memory and loaded back costs more still, so four run side by side in registers.
constexpr Eigen::Index kLanes = 4;

// f = y − r − Xθ, four rows at a time. When fresh is set, r is first taken as y − Xθ rounded to double, and f is
// what that rounding left.
void systemResidual(const Eigen::MatrixXd& design, const Eigen::VectorXd& target, const Eigen::VectorXd& theta,
    bool fresh, Eigen::VectorXd& residual, Eigen::VectorXd& f)
{
    const Eigen::Index rows = design.rows();
    const auto finish = [&](Eigen::Index i, long double sum) {
        if (fresh) {
            residual[i] = static_cast<double>(sum);
            sum -= residual[i];
        }
        f[i] = static_cast<double>(sum);
    };
    const auto start
        = [&](Eigen::Index i) { return static_cast<long double>(target[i]) - (fresh ? 0.0 : residual[i]); };
    Eigen::Index i = 0;
    for (; i + kLanes <= rows; i += kLanes) {
        long double s0 = start(i), s1 = start(i + 1), s2 = start(i + 2), s3 = start(i + 3);
        for (Eigen::Index j = 0; j < design.cols(); ++j) {
            const double* x = design.col(j).data() + i;
            const long double t = theta[j];
            s0 -= x[0] * t;
            s1 -= x[1] * t;
            s2 -= x[2] * t;
            s3 -= x[3] * t;
        }
        finish(i, s0);
        finish(i + 1, s1);
        finish(i + 2, s2);
        finish(i + 3, s3);
    }
    for (; i < rows; ++i) {
        long double sum = start(i);
        for (Eigen::Index j = 0; j < design.cols(); ++j)
            sum -= static_cast<long double>(design(i, j)) * theta[j];
        finish(i, sum);
    }
}

// g = Xᵀr, each column's sum in four interleaved parts.
Eigen::VectorXd normalResidual(const Eigen::MatrixXd& design, const Eigen::VectorXd& residual)
{
    const Eigen::Index rows = design.rows();
    Eigen::VectorXd g(design.cols());
    for (Eigen::Index j = 0; j < design.cols(); ++j) {
        const double* x = design.col(j).data();
        const double* r = residual.data();
        long double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        Eigen::Index i = 0;
        for (; i + kLanes <= rows; i += kLanes) {
            s0 += static_cast<long double>(x[i]) * r[i];
            s1 += static_cast<long double>(x[i + 1]) * r[i + 1];
            s2 += static_cast<long double>(x[i + 2]) * r[i + 2];
            s3 += static_cast<long double>(x[i + 3]) * r[i + 3];
        }
        for (; i < rows; ++i)
            s0 += static_cast<long double>(x[i]) * r[i];
        g[j] = static_cast<double>((s0 + s1) + (s2 + s3));
    }
    return g;
}

// The residuals of the augmented system at (r, θ), f = y − r − Xθ and g = Xᵀr, with every product and sum in
// long double (a 64-bit mantissa). Near the solution both are all cancellation, which in double is what limits
// the plain QR solution.
void augmentedResiduals(const Eigen::MatrixXd& design, const Eigen::VectorXd& target, const Eigen::VectorXd& theta,
    bool fresh, Eigen::VectorXd& residual, Eigen::VectorXd& f, Eigen::VectorXd& g)
{
    residual.resize(design.rows());
    f.resize(design.rows());
    systemResidual(design, target, theta, fresh, residual, f);
    g = normalResidual(design, residual);
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
    Eigen::VectorXd f;
    Eigen::VectorXd normal;
    double previousStep = std::numeric_limits<double>::infinity();
    for (int step = 0; step < kRefinementSteps; ++step) {
        augmentedResiduals(design, target, m_theta, step == 0, m_residual, f, normal);
        const Eigen::VectorXd g = -(m_qr.colsPermutation().transpose() * normal.cwiseQuotient(m_scales));
        const Eigen::VectorXd a = triangle.transpose().triangularView<Eigen::Lower>().solve(g);
        Eigen::VectorXd qf = m_qr.householderQ().adjoint() * f;
        const Eigen::VectorXd deltaZ = solveTriangular(qf.head(p) - a);
        // A correction that grows instead of shrinking means the problem is too ill-conditioned for refinement
        // to converge: keep what the previous step had.
        const double size = deltaZ.norm();
        if (!(size < previousStep))
            break;
        previousStep = size;
        qf.head(p) = a;
        m_residual += m_qr.householderQ() * qf;
        m_theta += (m_qr.colsPermutation() * deltaZ).cwiseQuotient(m_scales);
        // Well-conditioned data is done after one step: its correction is already below the last bit of θ.
        if (size <= std::numeric_limits<double>::epsilon() * m_theta.cwiseProduct(m_scales).norm())
            break;
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
