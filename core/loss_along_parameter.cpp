#include "loss_along_parameter.h"

#include "problem.h"

#include <algorithm>
#include <cmath>

namespace gdlab {

LossAlongParameter::LossAlongParameter(
    const Problem& problem, LossKind kind, Eigen::Index parameter, const Eigen::VectorXd& base)
    : m_parameter(parameter)
    , m_weight(lossWeight(kind, problem.sampleCount()))
    , m_origin(base(parameter))
{
    const Eigen::MatrixXd& gram = problem.gram();
    const Eigen::VectorXd delta = base - problem.leastSquaresTheta();
    const Eigen::VectorXd gramDelta = gram * delta;
    m_constant = std::max(delta.dot(gramDelta) + problem.minimumSumOfSquares(), 0.0);
    m_linear = gramDelta(parameter);
    m_curvature = gram(parameter, parameter);
    m_roundingResidual = problem.normalResidual(problem.leastSquaresTheta())(parameter);
    m_hasMinimum = m_curvature > 0;
    m_minimum = m_origin;
    m_minimumValue = m_constant;
    if (m_hasMinimum) {
        const double step = m_linear / m_curvature;
        m_minimum = m_origin - step;
        m_minimumValue = std::max(m_constant - m_linear * step, 0.0);
    }
}

double LossAlongParameter::loss(double value) const
{
    if (m_hasMinimum) {
        // From the lowest point: a sum of non-negative terms, exact near the minimum the descent approaches.
        const double u = value - m_minimum;
        return m_weight * (m_minimumValue + m_curvature * u * u);
    }
    const double u = value - m_origin;
    return m_weight * std::max(m_constant + 2.0 * m_linear * u + m_curvature * u * u, 0.0);
}

double LossAlongParameter::slope(double value) const
{
    const double u = value - m_origin;
    return 2.0 * m_weight * (m_curvature * u + m_linear + m_roundingResidual);
}

double LossAlongParameter::minimumLoss() const
{
    return m_weight * m_minimumValue;
}

std::pair<double, double> LossAlongParameter::frame(const std::vector<double>& values) const
{
    double half = 0;
    for (const double value : values) {
        if (std::isfinite(value))
            half = std::max(half, std::abs(value - m_minimum));
    }
    half *= 1.1;
    if (!(half > 0) || !std::isfinite(half))
        half = std::max(1.0, 0.5 * std::abs(m_minimum));
    return { m_minimum - half, m_minimum + half };
}

} // namespace gdlab
