#include "logistic_loss.h"

#include "input_error.h"
#include "problem.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>

namespace gdlab {

namespace {

// Rows per block: the block's z, margins and weights stay in the first-level cache, and its rows of X, read for z,
// are still in the second-level cache when they are read again for the gradient (256 rows × 11 columns = 22 KiB).
constexpr Eigen::Index blockRows = 256;

void requireRows(const Problem& problem)
{
    if (!problem.keepsRows())
        throw InputError("logistic regression needs the rows of the data, not only their sums");
}

void requireBinaryTarget(const Problem& problem)
{
    const Eigen::VectorXd& target = problem.target();
    for (Eigen::Index i = 0; i < target.size(); ++i) {
        if (target[i] == 0.0 || target[i] == 1.0)
            continue;
        std::ostringstream value;
        value.precision(17);
        value << target[i];
        throw InputError("the target '" + problem.targetName() + "' of logistic regression must be 0 or 1, but row "
            + std::to_string(i + 1) + " holds " + value.str());
    }
}

} // namespace

LogisticLoss::LogisticLoss(const Problem& problem)
    : m_problem(problem)
    , m_rows(problem.sampleCount())
    , m_parameters(problem.parameterCount())
{
    requireRows(problem);
    requireBinaryTarget(problem);
    m_sign = 2.0 * problem.target().array() - 1.0;
    const Eigen::Index block = std::min(blockRows, std::max<Eigen::Index>(m_rows, 1));
    for (Eigen::ArrayXd* scratch : { &m_z, &m_margin, &m_exp, &m_plus, &m_work })
        scratch->resize(block);
    m_weighted.resize(block, m_parameters);
}

// The hot loop of logistic descent. Each line is one vectorised pass over the block (Eigen's exp and log take two
// doubles at a time); the only select is kept out of the lines with exp and log, which it would make scalar.
double LogisticLoss::evaluate(const double* theta, double* gradient, double* accuracy, double* hessian) const
{
    const Eigen::MatrixXd& design = m_problem.design();
    const Eigen::Map<const Eigen::VectorXd> coefficients(theta, m_parameters);
    Eigen::Map<Eigen::VectorXd> sum(gradient, gradient ? m_parameters : 0);
    sum.setZero();
    Eigen::Map<Eigen::MatrixXd> curvature(hessian, hessian ? m_parameters : 0, hessian ? m_parameters : 0);
    curvature.setZero();
    double lossSum = 0;
    double probe = 0; // Σ z·0: 0 when every z is finite, NaN otherwise
    Eigen::Index correct = 0;
    for (Eigen::Index first = 0; first < m_rows; first += blockRows) {
        const Eigen::Index b = std::min(blockRows, m_rows - first);
        const auto rows = design.middleRows(first, b);
        const auto sign = m_sign.segment(first, b);
        auto z = m_z.head(b);
        auto margin = m_margin.head(b);
        auto e = m_exp.head(b);
        auto plus = m_plus.head(b);
        auto work = m_work.head(b);
        z.matrix().noalias() = rows * coefficients;
        probe += (z * 0.0).sum();
        margin = sign * z;
        e = (-margin.abs()).exp();
        plus = 1.0 + e;
        lossSum += marginLossSum(margin, e, plus);
        if (accuracy)
            correct += (margin > 0.0).count() + ((margin == 0.0) && (sign > 0.0)).count();
        if (hessian) {
            work = e / (plus * plus); // p(1 − p), without the cancellation of 1 − p
            m_weighted.topRows(b).noalias() = work.matrix().asDiagonal() * rows;
            curvature.noalias() += rows.transpose() * m_weighted.topRows(b);
        }
        if (!gradient)
            continue;
        // σ(−m), the probability of the other class: e/(1 + e) on the right side (m ≥ 0), 1/(1 + e) on the wrong one.
        work = (margin >= 0.0).select(e, 1.0);
        work = -sign * (work / plus); // p − y
        sum.noalias() += rows.transpose() * work.matrix();
    }
    const double n = static_cast<double>(m_rows);
    sum /= n;
    if (hessian) {
        curvature /= n;
        curvature.triangularView<Eigen::StrictlyUpper>() = curvature.transpose(); // exactly symmetric
    }
    if (accuracy)
        *accuracy = static_cast<double>(correct) / n;
    return std::isfinite(probe) ? lossSum / n : std::numeric_limits<double>::quiet_NaN();
}

double LogisticLoss::value(const Eigen::VectorXd& theta) const
{
    return evaluate(theta.data(), nullptr, nullptr);
}

LossEvaluation LogisticLoss::evaluate(const Eigen::VectorXd& theta) const
{
    LossEvaluation evaluation;
    evaluation.gradient.resize(m_parameters);
    evaluation.loss = evaluate(theta.data(), evaluation.gradient.data(), &evaluation.accuracy);
    evaluation.rmse = std::numeric_limits<double>::quiet_NaN();
    return evaluation;
}

Eigen::MatrixXd LogisticLoss::hessian(const Eigen::VectorXd& theta) const
{
    Eigen::MatrixXd curvature(m_parameters, m_parameters);
    evaluate(theta.data(), nullptr, nullptr, curvature.data());
    return curvature;
}

Eigen::VectorXd LogisticLoss::probabilities(const Eigen::VectorXd& theta) const
{
    const Eigen::VectorXd z = m_problem.design() * theta;
    return z.unaryExpr([](double value) { return sigmoid(value); });
}

void LogisticLoss::batchGradient(const double* theta, const std::vector<Eigen::Index>& order, Eigen::Index first,
    Eigen::Index count, double* out) const
{
    const Eigen::MatrixXd& design = m_problem.design();
    const Eigen::Map<const Eigen::VectorXd> coefficients(theta, m_parameters);
    Eigen::Map<Eigen::VectorXd> sum(out, m_parameters);
    sum.setZero();
    for (Eigen::Index i = first; i < first + count; ++i) {
        const Eigen::Index row = order[static_cast<std::size_t>(i)];
        const double sign = m_sign[row];
        const double margin = sign * design.row(row).dot(coefficients);
        const double e = std::exp(-std::abs(margin));
        const double other = (margin >= 0.0 ? e : 1.0) / (1.0 + e); // σ(−m)
        sum.noalias() += (-sign * other) * design.row(row).transpose();
    }
    sum /= static_cast<double>(count);
}

Eigen::VectorXd LogisticLoss::batchGradient(
    const Eigen::VectorXd& theta, const std::vector<Eigen::Index>& order, Eigen::Index first, Eigen::Index count) const
{
    Eigen::VectorXd out(m_parameters);
    batchGradient(theta.data(), order, first, count, out.data());
    return out;
}

double LogisticLoss::softplus(double z)
{
    return std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z)));
}

double LogisticLoss::sigmoid(double z)
{
    const double e = std::exp(-std::abs(z));
    return (z >= 0.0 ? 1.0 : e) / (1.0 + e);
}

double LogisticLoss::rowLoss(double z, double y)
{
    const double margin = y > 0.5 ? z : -z;
    return std::max(-margin, 0.0) + std::log1p(std::exp(-std::abs(z)));
}

} // namespace gdlab
