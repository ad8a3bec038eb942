#include "newton_system.h"

#include "problem.h"

#include <Eigen/Eigenvalues>

#include <limits>

namespace gdlab {

namespace {

// matrix, column-major with kernel::paddedRows() rows per column, the rows below its own zero.
void padded(const Eigen::MatrixXd& matrix, std::vector<double>& to)
{
    const Eigen::Index rows = kernel::paddedRows(static_cast<int>(matrix.rows()));
    to.assign(static_cast<std::size_t>(rows * matrix.cols()), 0.0);
    Eigen::Map<Eigen::MatrixXd, 0, Eigen::OuterStride<>>(
        to.data(), matrix.rows(), matrix.cols(), Eigen::OuterStride<>(rows))
        = matrix;
}

} // namespace

NewtonSystem::NewtonSystem(const Problem& problem, LossKind loss)
    : m_parameters(static_cast<int>(problem.parameterCount()))
{
    const double scale = 2.0 * lossWeight(loss, problem.sampleCount());
    factor(scale * problem.gram());
}

NewtonSystem::NewtonSystem(int parameters)
    : m_parameters(parameters)
    , m_basis(static_cast<std::size_t>(kernel::paddedRows(parameters)) * static_cast<std::size_t>(parameters), 0.0)
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
    padded(eigen.eigenvectors(), m_basis);
    padded(eigen.eigenvectors().transpose(), m_basisTransposed);
    m_inverseEigenvalues.resize(static_cast<std::size_t>(m_parameters));
    m_singular = false;
    for (int i = 0; i < m_parameters; ++i) {
        const bool zero = !(values[i] > threshold);
        m_singular = m_singular || zero;
        m_inverseEigenvalues[static_cast<std::size_t>(i)] = zero ? 0.0 : 1.0 / values[i];
    }
}

} // namespace gdlab
