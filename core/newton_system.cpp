#include "newton_system.h"

#include "problem.h"

#include <Eigen/Eigenvalues>

#include <limits>

namespace gdlab {

NewtonSystem::NewtonSystem(const Problem& problem, LossKind loss)
    : m_parameters(static_cast<int>(problem.parameterCount()))
{
    const double scale = 2.0 * lossWeight(loss, problem.sampleCount());
    factor(scale * problem.gram());
}

NewtonSystem::NewtonSystem(int parameters)
    : m_parameters(parameters)
    , m_basis(static_cast<std::size_t>(parameters) * static_cast<std::size_t>(parameters), 0.0)
    , m_basisTransposed(m_basis.size(), 0.0)
    , m_inverseEigenvalues(static_cast<std::size_t>(parameters), 0.0)
{
}

void NewtonSystem::factor(const Eigen::MatrixXd& hessian)
{
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(hessian);
    const Eigen::VectorXd& values = eigen.eigenvalues();
    const double largest = values.size() ? values.cwiseAbs().maxCoeff() : 0.0;
    const double threshold = m_parameters * std::numeric_limits<double>::epsilon() * largest;
    m_basis.assign(eigen.eigenvectors().data(), eigen.eigenvectors().data() + eigen.eigenvectors().size());
    const Eigen::MatrixXd transposed = eigen.eigenvectors().transpose();
    m_basisTransposed.assign(transposed.data(), transposed.data() + transposed.size());
    m_inverseEigenvalues.resize(static_cast<std::size_t>(m_parameters));
    m_singular = false;
    for (int i = 0; i < m_parameters; ++i) {
        const bool zero = !(values[i] > threshold);
        m_singular = m_singular || zero;
        m_inverseEigenvalues[static_cast<std::size_t>(i)] = zero ? 0.0 : 1.0 / values[i];
    }
}

} // namespace gdlab
