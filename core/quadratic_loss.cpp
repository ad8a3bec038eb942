#include "quadratic_loss.h"

#include "problem.h"

#include <algorithm>
#include <cmath>

namespace gdlab {

QuadraticLoss::QuadraticLoss(const Problem& problem, LossKind kind)
    : m_parameters(problem.parameterCount())
    , m_gradient(static_cast<std::size_t>(m_parameters))
    , m_delta(static_cast<std::size_t>(m_parameters))
    , m_gramDelta(static_cast<std::size_t>(m_parameters))
{
    const Eigen::VectorXd residual = problem.gram() * problem.leastSquaresTheta() - problem.moment();
    m_normalResidual.assign(residual.data(), residual.data() + residual.size());
    const Eigen::MatrixXd transposed = problem.gram().transpose();
    m_gramTransposed.assign(transposed.data(), transposed.data() + transposed.size());
    m_terms.gramTransposed = m_gramTransposed.data();
    m_terms.optimum = problem.leastSquaresTheta().data();
    m_terms.normalResidual = m_normalResidual.data();
    m_terms.minimumSumOfSquares = problem.minimumSumOfSquares();
    m_terms.weight = lossWeight(kind, problem.sampleCount());
    m_terms.rows = static_cast<double>(problem.sampleCount());
}

double QuadraticLoss::evaluate(const double* theta, double* gradient, double* rmse) const
{
    return kernel::evaluateQuadratic(kernel::DynamicCount { static_cast<int>(m_parameters) }, m_terms, theta,
        m_delta.data(), m_gramDelta.data(), gradient, rmse);
}

double QuadraticLoss::evaluate(const double* theta, double* gradient, kernel::SumOfSquares* sum) const
{
    return kernel::evaluateQuadratic(kernel::DynamicCount { static_cast<int>(m_parameters) }, m_terms, theta,
        m_delta.data(), m_gramDelta.data(), gradient, sum);
}

double QuadraticLoss::value(const double* theta) const
{
    double rmse = 0;
    return evaluate(theta, m_gradient.data(), &rmse);
}

} // namespace gdlab
