#include "problem_accumulator.h"

#include "dataset.h"

#include <Eigen/QR>
#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace gdlab {

namespace {

// Rows folded per QR of [R; chunk]: the chunk and its reflectors stay in cache, and no block, however long, is
// copied whole. The R on top adds width rows to each chunk's QR, about 1 % of its work at this count.
constexpr Eigen::Index kAccumulatorChunkRows = 1024;

// κ of the column-scaled R at and above which the refinement of the closed form through R stops converging (κ²·u
// near 0.1; least_squares.cpp's limit for its long double refinement).
const double kExactPassConditionLimit = std::sqrt(0.1 / std::numeric_limits<double>::epsilon());

} // namespace

ProblemAccumulator::ProblemAccumulator(const Dataset& columns, const ProblemSpec& spec)
    : m_spec(Problem::resolveColumns(columns, spec))
    , m_source(columns.source())
    , m_columnNames(columns.columnNames())
{
    const Eigen::Index width = static_cast<Eigen::Index>(m_spec.features.size()) + (m_spec.intercept ? 2 : 1);
    m_cross = Eigen::MatrixXd::Zero(width, width);
    m_crossExtended.setZero(width, width);
    m_triangle = Eigen::MatrixXd::Zero(0, width);
    m_sums = Eigen::VectorXd::Zero(width);
    m_largest = Eigen::VectorXd::Zero(width);
    m_first = Eigen::VectorXd::Zero(width);
    m_constant.assign(static_cast<std::size_t>(width), 1);
    m_equal = Eigen::Matrix<char, Eigen::Dynamic, Eigen::Dynamic>::Ones(width, width);
    m_exact = ExactNormalEquations(width);
}

void ProblemAccumulator::add(const Eigen::Ref<const Eigen::MatrixXd>& rows)
{
    for (Eigen::Index first = 0; first < rows.rows(); first += kAccumulatorChunkRows)
        addChunk(rows.middleRows(first, std::min(kAccumulatorChunkRows, rows.rows() - first)));
}

void ProblemAccumulator::addChunk(const Eigen::Ref<const Eigen::MatrixXd>& rows)
{
    const Eigen::Index count = rows.rows();
    const Eigen::Index width = m_cross.cols();
    // The block's Z under the R so far: one Householder QR of the stack merges the two (TSQR).
    const Eigen::Index top = m_triangle.rows();
    Eigen::MatrixXd stack(top + count, width);
    stack.topRows(top) = m_triangle;
    auto block = stack.bottomRows(count);
    fillZ(rows, block);

    m_cross.selfadjointView<Eigen::Lower>().rankUpdate(block.transpose());
    addExtended(block);
    m_sums += block.colwise().sum().transpose();
    if (m_rows == 0)
        m_first = block.row(0).transpose();
    for (Eigen::Index c = 0; c < width; ++c) {
        m_largest[c] = std::max(m_largest[c], block.col(c).cwiseAbs().maxCoeff());
        if (m_constant[static_cast<std::size_t>(c)] && (block.col(c).array() != m_first[c]).any())
            m_constant[static_cast<std::size_t>(c)] = 0;
        // A QR does not keep equal columns bitwise equal, so a duplicated column is recognised here.
        for (Eigen::Index d = 0; d < c; ++d)
            if (m_equal(c, d) && (block.col(c).array() != block.col(d).array()).any())
                m_equal(c, d) = m_equal(d, c) = 0;
    }
    m_rows += count;

    Eigen::HouseholderQR<Eigen::Ref<Eigen::MatrixXd>> qr(stack);
    const Eigen::Index kept = std::min(stack.rows(), width);
    m_triangle = stack.topRows(kept).triangularView<Eigen::Upper>();
}

// Z = [1 X y] of these rows.
void ProblemAccumulator::fillZ(const Eigen::Ref<const Eigen::MatrixXd>& rows, Eigen::Ref<Eigen::MatrixXd> z) const
{
    const Eigen::Index offset = m_spec.intercept ? 1 : 0;
    if (m_spec.intercept)
        z.col(0).setOnes();
    for (std::size_t f = 0; f < m_spec.features.size(); ++f)
        z.col(static_cast<Eigen::Index>(f) + offset) = rows.col(m_spec.features[f]);
    z.col(z.cols() - 1) = rows.col(m_spec.target);
}

bool ProblemAccumulator::wantsExactPass() const
{
    const Eigen::Index p = width() - 1;
    if (m_rows < p || p <= 0 || m_triangle.rows() < p)
        return false;
    Eigen::MatrixXd leading = m_triangle.topLeftCorner(p, p);
    for (Eigen::Index j = 0; j < p; ++j)
        if (leading.col(j).norm() > 0)
            leading.col(j) /= leading.col(j).norm();
    const Eigen::VectorXd singular = Eigen::JacobiSVD<Eigen::MatrixXd>(leading).singularValues();
    return !(singular[0] < kExactPassConditionLimit * singular[p - 1]);
}

void ProblemAccumulator::addExactPass(const Eigen::Ref<const Eigen::MatrixXd>& rows)
{
    Eigen::MatrixXd z(std::min(kAccumulatorChunkRows, rows.rows()), width());
    for (Eigen::Index first = 0; first < rows.rows(); first += kAccumulatorChunkRows) {
        const Eigen::Index count = std::min(kAccumulatorChunkRows, rows.rows() - first);
        fillZ(rows.middleRows(first, count), z.topRows(count));
        m_exact.add(z.topRows(count));
    }
    m_exactRows += rows.rows();
}

std::optional<Eigen::VectorXd> ProblemAccumulator::exactSolution() const
{
    if (m_exactRows != m_rows || m_rows == 0)
        return std::nullopt;
    Eigen::VectorXd theta = m_exact.solve(width() - 1);
    if (theta.size() == 0 || !theta.allFinite())
        return std::nullopt;
    return theta;
}

void ProblemAccumulator::merge(const ProblemAccumulator& other)
{
    m_exact.merge(other.m_exact);
    m_exactRows += other.m_exactRows;
    if (other.m_rows == 0)
        return;
    if (m_rows == 0) {
        const ExactNormalEquations exact = m_exact;
        const Eigen::Index exactRows = m_exactRows;
        *this = other;
        m_exact = exact;
        m_exactRows = exactRows;
        return;
    }
    m_cross += other.m_cross;
    m_crossExtended += other.m_crossExtended;
    m_sums += other.m_sums;
    m_largest = m_largest.cwiseMax(other.m_largest);
    const Eigen::Index width = m_cross.cols();
    for (Eigen::Index c = 0; c < width; ++c) {
        auto& constant = m_constant[static_cast<std::size_t>(c)];
        constant = constant && other.m_constant[static_cast<std::size_t>(c)] && other.m_first[c] == m_first[c];
        for (Eigen::Index d = 0; d < width; ++d)
            m_equal(c, d) = m_equal(c, d) && other.m_equal(c, d);
    }
    m_rows += other.m_rows;
    mergeTriangle(other.m_triangle);
}

// R ← R of [R; below].
void ProblemAccumulator::mergeTriangle(const Eigen::MatrixXd& below)
{
    Eigen::MatrixXd stack(m_triangle.rows() + below.rows(), m_triangle.cols());
    stack << m_triangle, below;
    Eigen::HouseholderQR<Eigen::Ref<Eigen::MatrixXd>> qr(stack);
    const Eigen::Index kept = std::min(stack.rows(), stack.cols());
    m_triangle = stack.topRows(kept).triangularView<Eigen::Upper>();
}

ProblemAccumulator ProblemAccumulator::restrictedTo(const ProblemSpec& spec) const
{
    const Eigen::Index columns = static_cast<Eigen::Index>(m_columnNames.size());
    if (!m_spec.intercept || m_spec.standardize || width() != columns + 1)
        throw std::logic_error("ProblemAccumulator::restrictedTo needs an accumulator of every column");
    // Z of every column is [1 c0 c1 … c(m−1)]: the data's column c is Z's column c + 1.
    const Dataset names(m_columnNames, Eigen::MatrixXd(0, columns), m_source);
    ProblemAccumulator result(names, spec);
    std::vector<Eigen::Index> picked;
    if (result.m_spec.intercept)
        picked.push_back(0);
    for (Eigen::Index feature : result.m_spec.features)
        picked.push_back(feature + 1);
    picked.push_back(result.m_spec.target + 1);
    const auto count = static_cast<Eigen::Index>(picked.size());
    const Eigen::MatrixXd cross = this->cross();
    const auto extended = crossExtended();
    Eigen::MatrixXd chosenTriangle(m_triangle.rows(), count);
    for (Eigen::Index i = 0; i < count; ++i) {
        const Eigen::Index from = picked[static_cast<std::size_t>(i)];
        chosenTriangle.col(i) = m_triangle.col(from);
        result.m_sums[i] = m_sums[from];
        result.m_largest[i] = m_largest[from];
        result.m_first[i] = m_first[from];
        result.m_constant[static_cast<std::size_t>(i)] = m_constant[static_cast<std::size_t>(from)];
        for (Eigen::Index j = 0; j < count; ++j) {
            const Eigen::Index other = picked[static_cast<std::size_t>(j)];
            result.m_cross(i, j) = cross(from, other);
            result.m_crossExtended(i, j) = extended(from, other);
            result.m_equal(i, j) = m_equal(from, other);
        }
    }
    result.m_cross = result.m_cross.triangularView<Eigen::Lower>();
    result.m_crossExtended = result.m_crossExtended.triangularView<Eigen::Lower>();
    Eigen::HouseholderQR<Eigen::Ref<Eigen::MatrixXd>> qr(chosenTriangle);
    const Eigen::Index kept = std::min(chosenTriangle.rows(), count);
    result.m_triangle = chosenTriangle.topRows(kept).triangularView<Eigen::Upper>();
    result.m_rows = m_rows;
    return result;
}

// ZᵀZ once more with every product and sum in long double, for the refinement of the closed form: R carries the
// rounding of a double QR, these sums 11 bits less of it. Each sum runs in four parts side by side in registers
// (an x87 addition waits for the one before it).
void ProblemAccumulator::addExtended(const Eigen::Ref<const Eigen::MatrixXd>& block)
{
    const Eigen::Index count = block.rows();
    for (Eigen::Index c = 0; c < block.cols(); ++c) {
        const double* x = block.col(c).data();
        for (Eigen::Index d = 0; d <= c; ++d) {
            const double* z = block.col(d).data();
            long double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            Eigen::Index i = 0;
            for (; i + 4 <= count; i += 4) {
                s0 += static_cast<long double>(x[i]) * z[i];
                s1 += static_cast<long double>(x[i + 1]) * z[i + 1];
                s2 += static_cast<long double>(x[i + 2]) * z[i + 2];
                s3 += static_cast<long double>(x[i + 3]) * z[i + 3];
            }
            for (; i < count; ++i)
                s0 += static_cast<long double>(x[i]) * z[i];
            m_crossExtended(c, d) += (s0 + s1) + (s2 + s3);
        }
    }
}

Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic> ProblemAccumulator::crossExtended() const
{
    return m_crossExtended.selfadjointView<Eigen::Lower>();
}

Eigen::MatrixXd ProblemAccumulator::cross() const
{
    return m_cross.selfadjointView<Eigen::Lower>();
}

} // namespace gdlab
