#include "loss_along_parameter.h"

#include "logistic_slice.h"
#include "problem.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gdlab {

namespace {

/** Doublings of the step the search for the log loss's lowest point tries before it calls the line separable. */
constexpr int maxExpansions = 64;
/** Halvings of the bracket: far more than a double's 52 bits need, stopped early when it stops shrinking. */
constexpr int maxBisections = 200;
/** A log loss this small is what is left of it where the slope underflowed (a denormal, or 0). */
constexpr double negligibleLoss = 1e-300;

} // namespace

LossAlongParameter::LossAlongParameter(Eigen::Index parameter, const Eigen::VectorXd& base, Margins margins)
    : m_parameter(parameter)
    , m_weight(1.0)
    , m_origin(base(parameter))
    , m_margins(std::move(margins))
{
    m_margins->scratch.resize(m_margins->offset.size());
    findLogisticMinimum();
}

LossAlongParameter LossAlongParameter::logistic(
    const Problem& problem, Eigen::Index parameter, const Eigen::VectorXd& base)
{
    const Eigen::ArrayXd sign = 2.0 * problem.target().array() - 1.0;
    Eigen::VectorXd held = base;
    held(parameter) = 0;
    Margins margins;
    margins.offset = sign * (problem.design() * held).array();
    margins.column = sign * problem.design().col(parameter).array();
    return LossAlongParameter(parameter, base, std::move(margins));
}

void LossAlongParameter::findLogisticMinimum()
{
    // The slope rises with θj (the log loss is convex): walk downhill by doubling steps until it changes sign, then
    // halve the bracket. A slope that never changes sign is a line along which the loss falls for ever.
    m_minimum = m_origin;
    m_minimumValue = loss(m_origin);
    const double start = slope(m_origin);
    m_hasMinimum = (m_margins->column != 0.0).any() && std::isfinite(start);
    if (!m_hasMinimum || start == 0.0)
        return;
    const double direction = start > 0 ? -1.0 : 1.0;
    double near = m_origin;
    double step = std::max(1.0, std::abs(m_origin));
    double far = m_origin + direction * step;
    int expansions = 0;
    for (; expansions < maxExpansions && slope(far) * direction < 0; ++expansions) {
        near = far;
        step *= 2;
        far = m_origin + direction * step;
    }
    // Far out along a separating line the slope underflows to 0 with the loss: that is no lowest point either.
    const double end = slope(far) * direction;
    if (expansions == maxExpansions || (end == 0 && !(loss(far) > negligibleLoss))) {
        m_hasMinimum = false;
        return;
    }
    for (int k = 0; k < maxBisections; ++k) {
        const double middle = 0.5 * (near + far);
        if (middle == near || middle == far)
            break;
        (slope(middle) * direction < 0 ? near : far) = middle;
    }
    m_minimum = 0.5 * (near + far);
    m_minimumValue = loss(m_minimum);
}

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
    if (m_margins) {
        m_margins->scratch = m_margins->offset + value * m_margins->column;
        return LogisticSlice::meanMarginLoss(m_margins->scratch);
    }
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
    if (m_margins) {
        // ∂/∂θj of softplus(−mᵢ) is −cᵢ·σ(−mᵢ), with σ(−m) = 1/(1 + eᵐ): exact for either sign of a large m.
        Eigen::ArrayXd& margins = m_margins->scratch;
        margins = m_margins->offset + value * m_margins->column;
        const double sum = (-m_margins->column / (1.0 + margins.exp())).sum();
        return margins.size() > 0 ? sum / static_cast<double>(margins.size()) : 0.0;
    }
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
