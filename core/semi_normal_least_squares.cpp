#include "semi_normal_least_squares.h"

#include <Eigen/Cholesky>
#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <limits>
#include <system_error>
#include <thread>
#include <vector>

namespace gdlab {

namespace {

using LongVector = Eigen::Matrix<long double, Eigen::Dynamic, 1>;

constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
// Rows per block: a block of X (11 columns) and its residuals stay in the first-level cache between the residual
// and Xᵀr, so the rows are read from memory once per pass.
constexpr Eigen::Index kBlockRows = 256;
// Rows per chunk: the fixed split of a pass, whatever the number of threads.
constexpr Eigen::Index kChunkRows = Eigen::Index(1) << 16;
// Values of X from which the method pays (isWorthIt).
constexpr Eigen::Index kWorthwhileValues = Eigen::Index(1) << 16;
// Below this many values a second thread costs more than it saves.
constexpr Eigen::Index kParallelValues = Eigen::Index(1) << 18;
// A step shrinks the error by about κ²·u; these cover κ up to the limit with room (the first step already leaves
// about u, the second confirms it), and a switch to long double residuals.
constexpr int kMaxPasses = 4;
// Largest error bound of the computed θ that the method accepts, in units of θ's last place (column-scaled, in norm):
// beyond, the QR path with its extended-precision augmented residuals does better. The bound runs 10–100 times the
// error seen (κ up to 2·10³, residuals up to 20 times the fitted values), so θ stays within 10⁻¹⁴ of the QR's.
constexpr double kAcceptedError = 64.0;
// Columns whose sum of squares is below this have squares that underflowed: leave them to the scaled QR.
constexpr double kSmallestSquares = std::numeric_limits<double>::min() / kEpsilon;

// What a pass reads: the rows, θ, the centre of y, and whether r is summed in long double.
struct PassInput {
    const Eigen::MatrixXd& design;
    const Eigen::VectorXd& target;
    const Eigen::VectorXd& theta;
    double centre;
    bool extended;
};

struct PassSums {
    LongVector normal; ///< Xᵀr
    long double squares = 0; ///< Σ r²
    long double total = 0; ///< Σ (y − centre)²
};

// r = y − Xθ for rows [begin, begin + count), four rows side by side in long double (an x87 sum waits for the one
// before it), each rounded to double once at the end: near the solution the sum is all cancellation.
void extendedResidual(const Eigen::MatrixXd& design, const Eigen::VectorXd& target, const Eigen::VectorXd& theta,
    Eigen::Index begin, Eigen::Index count, double* residual)
{
    const Eigen::Index columns = design.cols();
    Eigen::Index i = 0;
    for (; i + 4 <= count; i += 4) {
        const double* y = target.data() + begin + i;
        long double s0 = y[0], s1 = y[1], s2 = y[2], s3 = y[3];
        for (Eigen::Index j = 0; j < columns; ++j) {
            const double* x = design.col(j).data() + begin + i;
            const long double t = theta[j];
            s0 -= x[0] * t;
            s1 -= x[1] * t;
            s2 -= x[2] * t;
            s3 -= x[3] * t;
        }
        residual[i] = static_cast<double>(s0);
        residual[i + 1] = static_cast<double>(s1);
        residual[i + 2] = static_cast<double>(s2);
        residual[i + 3] = static_cast<double>(s3);
    }
    for (; i < count; ++i) {
        long double sum = target[begin + i];
        for (Eigen::Index j = 0; j < columns; ++j)
            sum -= design(begin + i, j) * static_cast<long double>(theta[j]);
        residual[i] = static_cast<double>(sum);
    }
}

// One chunk's sums: per block the residuals (in long double, or in double two rows at a time), then Xᵀr, Σr² and
// Σ(y − centre)² over the block in double (the terms are residuals, no cancellation left), added across blocks in long
// double.
PassSums chunkSums(const PassInput& in, Eigen::Index begin, Eigen::Index end)
{
    PassSums sums;
    sums.normal = LongVector::Zero(in.design.cols());
    Eigen::VectorXd residual(kBlockRows);
    Eigen::VectorXd blockNormal(in.design.cols());
    for (Eigen::Index block = begin; block < end; block += kBlockRows) {
        const Eigen::Index count = std::min(kBlockRows, end - block);
        auto r = residual.head(count);
        const auto rows = in.design.middleRows(block, count);
        if (in.extended) {
            extendedResidual(in.design, in.target, in.theta, block, count, residual.data());
        } else {
            r = in.target.segment(block, count);
            r.noalias() -= rows * in.theta;
        }
        blockNormal.noalias() = rows.transpose() * r;
        sums.normal += blockNormal.cast<long double>();
        sums.squares += r.squaredNorm();
        sums.total += (in.target.segment(block, count).array() - in.centre).matrix().squaredNorm();
    }
    return sums;
}

// The sums of every chunk, in chunk order; with two cores the second half of the chunks runs on a second thread.
PassSums pass(const PassInput& in, unsigned threads)
{
    const Eigen::Index rows = in.design.rows();
    const Eigen::Index chunks = std::max<Eigen::Index>((rows + kChunkRows - 1) / kChunkRows, 1);
    std::vector<PassSums> parts(static_cast<std::size_t>(chunks));
    const auto work = [&](Eigen::Index first, Eigen::Index last) {
        for (Eigen::Index c = first; c < last; ++c)
            parts[static_cast<std::size_t>(c)] = chunkSums(in, c * kChunkRows, std::min(rows, (c + 1) * kChunkRows));
    };
    const Eigen::Index half = chunks / 2;
    bool done = false;
    const unsigned cores = threads > 0 ? threads : std::thread::hardware_concurrency();
    if (chunks > 1 && in.design.size() >= kParallelValues && cores > 1) {
        try {
            std::thread helper(work, half, chunks);
            work(0, half);
            helper.join();
            done = true;
        } catch (const std::system_error&) {
            // No thread to be had: the same chunks on this one.
        }
    }
    if (!done)
        work(0, chunks);
    PassSums sums = parts.front();
    for (std::size_t c = 1; c < parts.size(); ++c) {
        sums.normal += parts[c].normal;
        sums.squares += parts[c].squares;
        sums.total += parts[c].total;
    }
    return sums;
}

} // namespace

double SemiNormalLeastSquares::conditionLimit()
{
    return 1e4;
}

bool SemiNormalLeastSquares::isWorthIt(const Eigen::MatrixXd& design)
{
    return design.size() >= kWorthwhileValues;
}

SemiNormalLeastSquares::SemiNormalLeastSquares(const Eigen::MatrixXd& design, const Eigen::VectorXd& target,
    const Eigen::MatrixXd& gram, const Eigen::VectorXd& moment, double centre, unsigned threads)
    : m_threads(threads)
{
    if (design.rows() < design.cols() || !factorize(gram) || !moment.allFinite())
        return;
    refine(design, target, gram, moment, centre);
}

// R of the column-scaled G, and κ from R's singular values (κ(X D⁻¹) = κ(R)).
bool SemiNormalLeastSquares::factorize(const Eigen::MatrixXd& gram)
{
    m_condition = std::numeric_limits<double>::infinity();
    if (gram.size() == 0 || !gram.allFinite() || !(gram.diagonal().minCoeff() >= kSmallestSquares))
        return false;
    m_scales = gram.diagonal().cwiseSqrt();
    const Eigen::MatrixXd scaled = m_scales.cwiseInverse().asDiagonal() * gram * m_scales.cwiseInverse().asDiagonal();
    const Eigen::LLT<Eigen::MatrixXd> cholesky(scaled);
    if (cholesky.info() != Eigen::Success)
        return false;
    m_triangle = cholesky.matrixU();
    const Eigen::VectorXd singular = Eigen::JacobiSVD<Eigen::MatrixXd>(m_triangle).singularValues();
    m_smallestSingular = singular[singular.size() - 1];
    m_condition = m_smallestSingular > 0 ? singular[0] / m_smallestSingular : m_condition;
    return m_condition < conditionLimit();
}

// G⁻¹ b = D⁻¹ (RᵀR)⁻¹ D⁻¹ b.
Eigen::VectorXd SemiNormalLeastSquares::solveNormal(const Eigen::VectorXd& right) const
{
    Eigen::VectorXd z = right.cwiseQuotient(m_scales);
    m_triangle.transpose().triangularView<Eigen::Lower>().solveInPlace(z);
    m_triangle.triangularView<Eigen::Upper>().solveInPlace(z);
    return z.cwiseQuotient(m_scales);
}

// θ = G⁻¹c, then steps θ += δ = G⁻¹Xᵀ(y − Xθ), each one pass. The pass measures Σr² at the θ it was given; the step
// changes it by −2δᵀg + δᵀGδ exactly (g = Xᵀr), which is trusted only while those terms are not larger than the sum
// itself (their rounding is relative to them), or than the residual a change of θ in its last place makes (‖X̂‖ times
// u‖θ̂‖, column-scaled): otherwise, as on a nearly exact fit, one more pass measures it at the new θ. θ has converged
// once the next step could not move it by a unit in its last place (the step times κ²·u). A step that does not shrink
// before that leaves the data to the QR.
// The passes sum r in double (vectorised, as fast as reading the rows) until θ has converged; if the rounding of r
// in double could then still show in θ, the next passes sum it in long double.
void SemiNormalLeastSquares::refine(const Eigen::MatrixXd& design, const Eigen::VectorXd& target,
    const Eigen::MatrixXd& gram, const Eigen::VectorXd& moment, double centre)
{
    const double contraction = 4.0 * m_condition * m_condition * kEpsilon;
    m_theta = solveNormal(moment);
    double previous = std::numeric_limits<double>::infinity();
    bool converged = false;
    bool extended = false;
    for (m_passes = 1; m_passes <= kMaxPasses; ++m_passes) {
        const PassSums sums = pass({ design, target, m_theta, centre, extended }, m_threads);
        const Eigen::VectorXd normal = sums.normal.cast<double>();
        const Eigen::VectorXd delta = solveNormal(normal);
        const double size = delta.cwiseProduct(m_scales).norm();
        const double squares = static_cast<double>(sums.squares);
        if (!std::isfinite(size) || !std::isfinite(squares) || (!converged && !(size < previous)))
            return;
        previous = size;
        const double change = 2.0 * delta.dot(normal);
        const double curvature = delta.dot(gram * delta);
        m_theta += delta;
        m_sumOfSquares = std::max(0.0, squares - change + curvature);
        m_totalSquares = static_cast<double>(sums.total);
        const double unit = kEpsilon * m_theta.cwiseProduct(m_scales).norm();
        converged = converged || contraction * size <= unit;
        if (!converged || std::abs(change) + std::abs(curvature) > std::max(m_sumOfSquares, unit * unit))
            continue;
        if (!std::isfinite(m_totalSquares))
            return;
        if (roundingIsNegligible(target.size(), centre, extended)) {
            m_usable = true;
            return;
        }
        if (extended)
            return;
        extended = true;
    }
    m_passes = kMaxPasses;
}

// Where the refinement ends is set by how well a pass computes Xᵀr (the solve only needs to contract). With D X̂ = X
// (unit columns) and θ̂ = Dθ: r summed in long double (u_ld) or double (u) misses each row by about
// √(p+1)·u·(|y| + |X̂||θ̂|), which moves θ̂ by up to ‖X̂⁺‖ = 1/σmin(R) times that; r rounded to double and X̂ᵀr summed
// in double by blocks miss each component by about (√block + 2)·u·‖r‖, which moves θ̂ by ‖(RᵀR)⁻¹‖ = 1/σmin(R)² times
// that (rounding errors of a sum of m terms grow as √m in practice, m only in the worst case). Both together must
// stay within a few tens of units in the last place of θ̂: true of well-conditioned fits whose residual is not much
// larger than the fitted values (the second term is the κ²·‖r‖ of least squares' own sensitivity), false of NIST's
// Wampler3–5.
bool SemiNormalLeastSquares::roundingIsNegligible(Eigen::Index rows, double centre, bool extended) const
{
    const Eigen::VectorXd scaledTheta = m_theta.cwiseProduct(m_scales);
    const double parameters = static_cast<double>(m_scales.size());
    const double rowEpsilon = extended ? std::numeric_limits<long double>::epsilon() : kEpsilon;
    const double targetNorm = std::sqrt(m_totalSquares) + std::sqrt(static_cast<double>(rows)) * std::abs(centre);
    const double residualRows = (std::sqrt(parameters + 1) + 1) * rowEpsilon * (targetNorm + scaledTheta.lpNorm<1>());
    const double residualNorm = std::sqrt(parameters) * (std::sqrt(static_cast<double>(kBlockRows)) + 2) * kEpsilon
        * std::sqrt(m_sumOfSquares);
    const double bound = residualRows / m_smallestSingular + residualNorm / (m_smallestSingular * m_smallestSingular);
    return bound <= kAcceptedError * kEpsilon * scaledTheta.norm();
}

Eigen::MatrixXd SemiNormalLeastSquares::inverseGram() const
{
    const Eigen::Index p = m_scales.size();
    const Eigen::MatrixXd rInverse = m_triangle.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(p, p));
    const Eigen::MatrixXd factor = m_scales.cwiseInverse().asDiagonal() * rInverse;
    return factor * factor.transpose();
}

} // namespace gdlab
