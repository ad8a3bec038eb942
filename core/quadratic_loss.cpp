#include "quadratic_loss.h"

#include "problem.h"

#include <algorithm>
#include <cmath>

namespace gdlab {

QuadraticLoss::QuadraticLoss(const Problem& problem, LossKind kind)
    : m_parameters(problem.parameterCount())
    , m_weight(lossWeight(kind, problem.sampleCount()))
    , m_rows(static_cast<double>(problem.sampleCount()))
    , m_minimumSumOfSquares(problem.minimumSumOfSquares())
    , m_gram(problem.gram().data())
    , m_optimum(problem.leastSquaresTheta().data())
    , m_delta(static_cast<std::size_t>(m_parameters))
    , m_gramDelta(static_cast<std::size_t>(m_parameters))
{
    const Eigen::VectorXd residual = problem.gram() * problem.leastSquaresTheta() - problem.moment();
    m_normalResidual.assign(residual.data(), residual.data() + residual.size());
}

double QuadraticLoss::sumOfSquares(const double* theta, double* gramDelta) const
{
    const Eigen::Index p = m_parameters;
    double* delta = m_delta.data();
    for (Eigen::Index i = 0; i < p; ++i)
        delta[i] = theta[i] - m_optimum[i];
    // G is symmetric, so column j of G is row j: each v[j] is one contiguous dot product.
    double quadratic = 0;
    for (Eigen::Index j = 0; j < p; ++j) {
        const double* column = m_gram + j * p;
        double sum = 0;
        for (Eigen::Index i = 0; i < p; ++i)
            sum += column[i] * delta[i];
        gramDelta[j] = sum;
        quadratic += delta[j] * sum;
    }
    return std::max(quadratic + m_minimumSumOfSquares, 0.0);
}

double QuadraticLoss::evaluate(const double* theta, double* gradient, double* rmse) const
{
    const double squares = sumOfSquares(theta, m_gramDelta.data());
    const double scale = 2.0 * m_weight;
    for (Eigen::Index i = 0; i < m_parameters; ++i)
        gradient[i]
            = scale * (m_gramDelta[static_cast<std::size_t>(i)] + m_normalResidual[static_cast<std::size_t>(i)]);
    *rmse = std::sqrt(squares / m_rows);
    return m_weight * squares;
}

double QuadraticLoss::value(const double* theta) const
{
    return m_weight * sumOfSquares(theta, m_gramDelta.data());
}

} // namespace gdlab
