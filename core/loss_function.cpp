#include "loss_function.h"

#include "problem.h"
#include "stochastic_descent.h"

#include <cmath>

namespace gdlab {

LossFunction::LossFunction(const Problem& problem, LossKind kind)
    : m_problem(problem)
    , m_kind(kind)
    , m_quadratic(problem, kind)
{
}

double LossFunction::value(const Eigen::VectorXd& theta) const
{
    return m_quadratic.value(theta.data());
}

LossEvaluation LossFunction::evaluate(const Eigen::VectorXd& theta) const
{
    LossEvaluation evaluation;
    evaluation.gradient.resize(theta.size());
    evaluation.loss = m_quadratic.evaluate(theta.data(), evaluation.gradient.data(), &evaluation.rmse);
    return evaluation;
}

LossEvaluation LossFunction::evaluateDirect(const Eigen::VectorXd& theta) const
{
    const Eigen::Index rows = m_problem.sampleCount();
    const double weight = lossWeight(m_kind, rows);
    const Eigen::VectorXd residual = m_problem.design() * theta - m_problem.target();
    const double sumOfSquares = residual.squaredNorm();
    LossEvaluation evaluation;
    evaluation.loss = weight * sumOfSquares;
    evaluation.rmse = std::sqrt(sumOfSquares / static_cast<double>(rows));
    evaluation.gradient = (2.0 * weight) * (m_problem.design().transpose() * residual);
    return evaluation;
}

Eigen::VectorXd LossFunction::batchGradient(
    const Eigen::VectorXd& theta, const std::vector<Eigen::Index>& order, Eigen::Index first, Eigen::Index count) const
{
    Eigen::VectorXd gradient(theta.size());
    StochasticDescent::batchGradient(m_problem, m_kind, theta.data(), order, first, count, gradient.data());
    return gradient;
}

Eigen::MatrixXd LossFunction::hessian() const
{
    return (2.0 * lossWeight(m_kind, m_problem.sampleCount())) * m_problem.gram();
}

} // namespace gdlab
