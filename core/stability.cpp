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

} // namespace gdlab
