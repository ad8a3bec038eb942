#include "problem_accumulator.h"

#include "dataset.h"

#include <Eigen/QR>

#include <algorithm>

namespace gdlab {

ProblemAccumulator::ProblemAccumulator(const Dataset& columns, const ProblemSpec& spec)
    : m_spec(Problem::resolveColumns(columns, spec))
    , m_source(columns.source())
    , m_columnNames(columns.columnNames())
{
    const Eigen::Index width = static_cast<Eigen::Index>(m_spec.features.size()) + (m_spec.intercept ? 2 : 1);
    m_cross = Eigen::MatrixXd::Zero(width, width);
    m_triangle = Eigen::MatrixXd::Zero(0, width);
    m_sums = Eigen::VectorXd::Zero(width);
    m_largest = Eigen::VectorXd::Zero(width);
    m_first = Eigen::VectorXd::Zero(width);
    m_constant.assign(static_cast<std::size_t>(width), 1);
    m_equal = Eigen::Matrix<char, Eigen::Dynamic, Eigen::Dynamic>::Ones(width, width);
}

void ProblemAccumulator::add(const Eigen::MatrixXd& rows)
{
    const Eigen::Index count = rows.rows();
    if (count == 0)
        return;
    const Eigen::Index width = m_cross.cols();
    const Eigen::Index offset = m_spec.intercept ? 1 : 0;
    // The block's Z under the R so far: one Householder QR of the stack merges the two (TSQR).
    const Eigen::Index top = m_triangle.rows();
    Eigen::MatrixXd stack(top + count, width);
    stack.topRows(top) = m_triangle;
    auto block = stack.bottomRows(count);
    if (m_spec.intercept)
        block.col(0).setOnes();
    for (std::size_t f = 0; f < m_spec.features.size(); ++f)
        block.col(static_cast<Eigen::Index>(f) + offset) = rows.col(m_spec.features[f]);
    block.col(width - 1) = rows.col(m_spec.target);

    m_cross.selfadjointView<Eigen::Lower>().rankUpdate(block.transpose());
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

Eigen::MatrixXd ProblemAccumulator::cross() const
{
    return m_cross.selfadjointView<Eigen::Lower>();
}

} // namespace gdlab
