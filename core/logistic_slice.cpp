#include "logistic_slice.h"

#include "logistic_loss.h"
#include "problem.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gdlab {

LogisticSlice::LogisticSlice(const Problem& problem, Eigen::Index x, Eigen::Index y, const Eigen::VectorXd& base)
    : m_x(x)
    , m_y(y)
{
    const Eigen::MatrixXd& design = problem.design();
    const Eigen::ArrayXd sign = 2.0 * problem.target().array() - 1.0;
    Eigen::VectorXd held = base;
    held(x) = 0;
    held(y) = 0;
    m_offset = sign * (design * held).array();
    m_xColumn = sign * design.col(x).array();
    m_yColumn = sign * design.col(y).array();
    m_rowShare.resize(sign.size());
    m_margins.resize(sign.size());
}

double LogisticSlice::meanMarginLoss(const Eigen::Ref<const Eigen::ArrayXd>& margins)
{
    if (margins.size() == 0)
        return std::numeric_limits<double>::quiet_NaN();
    // softplus(−m) with e = exp(−|m|): no exp of a large number, no 1 − p; summed as LogisticLoss sums it.
    const auto e = (-margins.abs()).exp();
    const auto plus = 1.0 + e;
    return LogisticLoss::marginLossSum(margins, e, plus) / static_cast<double>(margins.size());
}

double LogisticSlice::loss(double a, double b) const
{
    m_margins = m_offset + a * m_xColumn + b * m_yColumn;
    return meanMarginLoss(m_margins);
}

double LogisticSlice::lossAt(const Eigen::Ref<const Eigen::VectorXd>& theta) const
{
    if (m_x >= theta.size() || m_y >= theta.size())
        return std::numeric_limits<double>::quiet_NaN();
    return loss(theta(m_x), theta(m_y));
}

SurfaceGrid LogisticSlice::grid(const SurfaceAxis& x, const SurfaceAxis& y) const
{
    SurfaceGrid grid;
    grid.x = x;
    grid.y = y;
    grid.values.resize(static_cast<std::size_t>(x.steps) * static_cast<std::size_t>(y.steps));
    for (int iy = 0; iy < y.steps; ++iy) {
        // The θy share of the row's margins is the same across the grid row: one pass for it, one per cell.
        m_rowShare = m_offset + y.valueAt(iy) * m_yColumn;
        double* row = grid.values.data() + static_cast<std::size_t>(iy) * x.steps;
        for (int ix = 0; ix < x.steps; ++ix) {
            m_margins = m_rowShare + x.valueAt(ix) * m_xColumn;
            const double value = meanMarginLoss(m_margins);
            row[ix] = value;
        }
    }
    grid.findRange();
    return grid;
}

} // namespace gdlab
