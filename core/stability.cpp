#include "stability.h"

#include "problem.h"

#include <Eigen/Eigenvalues>

#include <algorithm>

namespace gdlab {

StabilityBounds computeStability(const Problem& problem, LossKind loss)
{
    const double scale = 2.0 * lossWeight(loss, problem.sampleCount());
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(problem.gram(), Eigen::EigenvaluesOnly);
    StabilityBounds bounds;
    // Rounding can leave a singular G's smallest eigenvalue slightly negative; it is 0.
    bounds.lambdaMin = std::max(0.0, scale * eigen.eigenvalues().minCoeff());
    bounds.lambdaMax = scale * eigen.eigenvalues().maxCoeff();
    if (bounds.lambdaMax > 0) {
        bounds.divergenceBound = 2.0 / bounds.lambdaMax;
        bounds.optimalRate = 2.0 / (bounds.lambdaMin + bounds.lambdaMax);
    }
    return bounds;
}

StabilityBounds logisticStability(const Problem& problem)
{
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(problem.gram(), Eigen::EigenvaluesOnly);
    StabilityBounds bounds;
    bounds.lambdaMax = eigen.eigenvalues().maxCoeff() / (4.0 * static_cast<double>(problem.sampleCount()));
    if (bounds.lambdaMax > 0)
        bounds.divergenceBound = 2.0 / bounds.lambdaMax;
    return bounds;
}

} // namespace gdlab
