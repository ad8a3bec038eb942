#include "slice_quadratic.h"

#include "problem.h"

#include <Eigen/LU>

#include <algorithm>
#include <cmath>

namespace gdlab {

SliceQuadratic::SliceQuadratic(const Problem& problem, Eigen::Index x, Eigen::Index y, const Eigen::VectorXd& base)
    : m_x(x)
    , m_y(y)
    , m_origin(base(x), base(y))
{
    const Eigen::MatrixXd& gram = problem.gram();
    const Eigen::VectorXd delta = base - problem.leastSquaresTheta();
    const Eigen::VectorXd gramDelta = gram * delta;
    m_constant = std::max(delta.dot(gramDelta) + problem.minimumSumOfSquares(), 0.0);
    m_linear << gramDelta(x), gramDelta(y);
    m_curvature << gram(x, x), gram(x, y), gram(y, x), gram(y, y);
    const double determinant = m_curvature.determinant();
    const double trace = m_curvature.trace();
    // A slice along two (nearly) collinear features is a valley with no single lowest point.
    m_hasMinimum = trace > 0 && determinant > 1e-12 * trace * trace;
    m_minimum = m_origin;
    m_minimumValue = m_constant;
    if (m_hasMinimum) {
        const Eigen::Vector2d step = m_curvature.inverse() * m_linear;
        m_minimum = m_origin - step;
        m_minimumValue = std::max(m_constant - m_linear.dot(step), 0.0);
    }
}

double SliceQuadratic::sumOfSquares(double a, double b) const
{
    if (m_hasMinimum) {
        // From the lowest point: a sum of non-negative terms, exact near the minimum where the view looks closest.
        const Eigen::Vector2d u(a - m_minimum(0), b - m_minimum(1));
        return m_minimumValue + std::max(u.dot(m_curvature * u), 0.0);
    }
    const Eigen::Vector2d u(a - m_origin(0), b - m_origin(1));
    return std::max(m_constant + 2.0 * m_linear.dot(u) + u.dot(m_curvature * u), 0.0);
}

double SliceQuadratic::sumOfSquaresAt(const Eigen::Ref<const Eigen::VectorXd>& theta) const
{
    return sumOfSquares(theta(m_x), theta(m_y));
}

Eigen::Vector2d SliceQuadratic::levelSetHalfSpans(double level) const
{
    const double rise = level - m_minimumValue;
    if (!m_hasMinimum || !(rise > 0))
        return Eigen::Vector2d::Zero();
    const Eigen::Matrix2d inverse = m_curvature.inverse();
    return Eigen::Vector2d(std::sqrt(rise * inverse(0, 0)), std::sqrt(rise * inverse(1, 1)));
}

} // namespace gdlab
