#include "least_squares.h"

#include "column_scaling.h"
#include "problem.h"
#include "refined_least_squares.h"
#include "semi_normal_least_squares.h"

#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <Eigen/SVD>

#include <cmath>
#include <limits>

namespace gdlab {

namespace {

constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();
// Steps of refinement of the closed form from folded rows: three reach what the long double sums allow on NIST StRD.
constexpr int kFoldedRefinementSteps = 3;
// κ above which a step of that refinement would not shrink the error (κ²·u ≈ 0.1).
const double kFoldedRefinementConditionLimit = std::sqrt(0.1 / std::numeric_limits<double>::epsilon());

// Says which parameter makes the design rank deficient, so a teacher can deselect it: the first column that
// adds nothing to the columns before it.
// Folded rows answer through R, whose columns have the relations of X's: zero, equal, dependent (constancy
// was recorded as the rows went by).
std::string explainRankDeficiency(const Problem& problem)
{
    const FoldedRows* folded = problem.folded();
    const Eigen::Index p = problem.parameterCount();
    const Eigen::MatrixXd design = folded ? Eigen::MatrixXd(folded->triangle.topLeftCorner(p, p)) : problem.design();
    const auto constant = [&](Eigen::Index column, const auto& values) {
        return folded ? folded->constant[static_cast<std::size_t>(column)] != 0 : (values.array() == values[0]).all();
    };
    const auto equal = [&](Eigen::Index column, Eigen::Index earlier) {
        return folded ? folded->duplicateOf[static_cast<std::size_t>(column)] == earlier
                      : design.col(column) == design.col(earlier);
    };
    const auto& names = problem.parameterNames();
    for (Eigen::Index column = 0; column < design.cols(); ++column) {
        const auto values = design.col(column);
        const std::string name = "'" + names[static_cast<std::size_t>(column)] + "'";
        if (values.isZero(0))
            return "column " + name + " is all zeros, so its coefficient is not determined";
        if (problem.hasIntercept() && column > 0 && constant(column, values))
            return "column " + name + " is constant, so it duplicates the intercept";
        for (Eigen::Index earlier = problem.hasIntercept() ? 1 : 0; earlier < column; ++earlier)
            if (equal(column, earlier))
                return "column " + name + " duplicates column '" + names[static_cast<std::size_t>(earlier)] + "'";
        const Eigen::MatrixXd leading = design.leftCols(column + 1);
        Eigen::ColPivHouseholderQR<Eigen::MatrixXd> partial(
            leading * columnScales(leading).cwiseInverse().asDiagonal());
        if (partial.rank() <= column)
            return "column " + name + " is a linear combination of the columns before it";
    }
    return "the columns are linearly dependent";
}

// θ in original units is a linear map of θ in the descent space; its matrix carries the covariance across.
Eigen::MatrixXd unitsMap(const Problem& problem)
{
    const Eigen::Index parameters = problem.parameterCount();
    Eigen::MatrixXd map(parameters, parameters);
    for (Eigen::Index p = 0; p < parameters; ++p)
        map.col(p) = problem.toOriginalUnits(Eigen::VectorXd::Unit(parameters, p));
    return map;
}

// What the fit reports beyond θ, from the norm of its residual: R², the residual standard deviation, the
// standard errors (from the solver's (XᵀX)⁻¹) and the condition number.
template <typename Solver>
void finishFit(const Problem& problem, const Solver& solver, double residualNorm, bool targetVaries, double totalNorm,
    LeastSquaresFit& fit)
{
    const Eigen::Index parameters = problem.parameterCount();
    fit.thetaOriginal = problem.toOriginalUnits(fit.theta);
    const double ratio = residualNorm / totalNorm;
    fit.r2 = targetVaries && totalNorm > 0 && std::isfinite(ratio) ? 1.0 - ratio * ratio : notANumber;
    const Eigen::Index degreesOfFreedom = problem.sampleCount() - parameters;

    fit.residualStandardDeviation
        = degreesOfFreedom > 0 ? residualNorm / std::sqrt(static_cast<double>(degreesOfFreedom)) : notANumber;

    fit.standardErrors = Eigen::VectorXd::Constant(parameters, notANumber);
    if (!fit.rankDeficient && degreesOfFreedom > 0) {
        const Eigen::MatrixXd covariance
            = solver.inverseGram() * (fit.residualStandardDeviation * fit.residualStandardDeviation);
        const Eigen::MatrixXd map = unitsMap(problem);
        fit.standardErrors = (map * covariance * map.transpose()).diagonal().cwiseSqrt();
    }

    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(problem.gram(), Eigen::EigenvaluesOnly);
    const double smallest = eigen.eigenvalues().minCoeff();
    const double largest = eigen.eigenvalues().maxCoeff();
    fit.conditionNumber
        = smallest > 0 && !fit.rankDeficient ? largest / smallest : std::numeric_limits<double>::infinity();
}

// The 2-norm condition number of a square matrix with its columns brought to unit norm.
double scaledConditionNumber(Eigen::MatrixXd matrix)
{
    for (Eigen::Index j = 0; j < matrix.cols(); ++j)
        if (matrix.col(j).norm() > 0)
            matrix.col(j) /= matrix.col(j).norm();
    const Eigen::VectorXd singular = Eigen::JacobiSVD<Eigen::MatrixXd>(matrix).singularValues();
    return singular.size() > 0 ? singular[0] / singular[singular.size() - 1] : 1.0;
}

// θ from R carries the rounding of a double QR of the rows: on ill-conditioned data that leaves a residual, about
// κ²·u. The normal equations summed in long double measure what is left, c − Gθ, with 11 bits more; each step
// corrects θ by the solution of RᵀR δ = c − Gθ (corrected semi-normal equations, R as the preconditioner). A step
// shrinks the error by about κ²·u and the steps end at an error of about κ²·u_long double, so refinement helps only
// while κ² u is well below 1 (κ the condition number of the column-scaled R): NIST's Wampler1–5 (κ ≈ 2·10³) and
// Longley (4·10⁴) qualify; Filip (5·10⁹) does not, and keeps the QR's θ. A correction that does not shrink also
// stops it.
Eigen::VectorXd refineFolded(const FoldedRows& folded, const RefinedLeastSquares& solver, Eigen::VectorXd theta)
{
    const Eigen::Index p = theta.size();
    if (folded.cross.rows() != p + 1)
        return theta;
    if (!(scaledConditionNumber(folded.triangle.topLeftCorner(p, p)) < kFoldedRefinementConditionLimit))
        return theta;
    const Eigen::MatrixXd inverse = solver.inverseGram();
    double previous = std::numeric_limits<double>::infinity();
    for (int step = 0; step < kFoldedRefinementSteps; ++step) {
        Eigen::VectorXd normalResidual(p);
        for (Eigen::Index i = 0; i < p; ++i) {
            long double sum = folded.cross(i, p);
            for (Eigen::Index j = 0; j < p; ++j)
                sum -= folded.cross(i, j) * theta[j];
            normalResidual[i] = static_cast<double>(sum);
        }
        const Eigen::VectorXd delta = inverse * normalResidual;
        const double size = delta.norm();
        if (!std::isfinite(size) || !(size < previous))
            break;
        previous = size;
        theta += delta;
        if (size <= std::numeric_limits<double>::epsilon() * theta.norm())
            break;
    }
    return theta;
}

// θ from R of [X y] as if R₁₁ were the rows and r₁₂ the target (‖Xθ − y‖² = ‖R₁₁θ − r₁₂‖² + r₂₂²).
LeastSquaresFit fitFolded(const Problem& problem)
{
    const FoldedRows& folded = *problem.folded();
    const Eigen::Index p = problem.parameterCount();
    const Eigen::MatrixXd leading = folded.triangle.topLeftCorner(p, p);
    const Eigen::VectorXd right = folded.triangle.col(p).head(p);
    LeastSquaresFit fit;
    fit.method = LeastSquaresMethod::FoldedRows;
    const RefinedLeastSquares solver(leading, right);
    fit.rank = solver.rank();
    fit.rankDeficient = !solver.isFullRank();
    if (fit.rankDeficient) {
        fit.message = explainRankDeficiency(problem) + "; showing the minimum-norm solution";
        fit.theta = problem.leastSquaresTheta();
    } else if (folded.exactTheta.size() == p) {
        fit.theta = folded.exactTheta; // a second pass solved the normal equations in double-double
    } else {
        fit.theta = refineFolded(folded, solver, solver.solution());
    }
    const double rest = folded.triangle(p, p);
    const double residualNorm = Eigen::Vector2d((leading * fit.theta - right).norm(), rest).stableNorm();
    fit.sumOfSquares = residualNorm * residualNorm;
    finishFit(problem, solver, residualNorm, folded.targetVaries, folded.totalNorm, fit);
    return fit;
}

// Well-conditioned full-rank rows: θ, Σr² and Σ(y − ȳ)² from the normal equations the problem holds and a pass or
// two over the rows; no factorization of X. Only on many rows (SemiNormalLeastSquares::isWorthIt): on fewer the QR
// takes a millisecond or two and gives the standard errors κ·u where the Cholesky R of the rounded G gives κ²·u, and
// the lessons' results stay what they were.
bool fitSemiNormal(const Problem& problem, bool targetVaries, LeastSquaresFit& fit)
{
    if (!SemiNormalLeastSquares::isWorthIt(problem.design()))
        return false;
    const double centre
        = problem.hasIntercept() ? problem.moment()[0] / static_cast<double>(problem.sampleCount()) : 0.0;
    const SemiNormalLeastSquares solver(problem.design(), problem.target(), problem.gram(), problem.moment(), centre);
    if (!solver.isUsable())
        return false;
    fit.method = LeastSquaresMethod::SemiNormal;
    fit.rank = problem.parameterCount();
    fit.theta = solver.solution();
    fit.sumOfSquares = solver.sumOfSquares();
    finishFit(problem, solver, std::sqrt(fit.sumOfSquares), targetVaries, std::sqrt(solver.totalSquares()), fit);
    return true;
}

} // namespace

LeastSquaresFit fitLeastSquares(const Problem& problem)
{
    if (problem.folded())
        return fitFolded(problem);
    const Eigen::MatrixXd& design = problem.design();
    const Eigen::VectorXd& target = problem.target();
    // R² is undefined when the target does not vary. That is decided on the values themselves: the mean of
    // equal values is not always exactly that value, and the rounding left over would make R² anything.
    const bool targetVaries
        = problem.hasIntercept() ? (target.array() != target[0]).any() : (target.array() != 0.0).any();
    LeastSquaresFit fit;
    if (fitSemiNormal(problem, targetVaries, fit))
        return fit;
    const RefinedLeastSquares solver(design, target);
    fit.rank = solver.rank();
    fit.rankDeficient = !solver.isFullRank();
    Eigen::VectorXd residual;
    if (fit.rankDeficient) {
        fit.message = explainRankDeficiency(problem) + "; showing the minimum-norm solution";
        fit.theta = problem.leastSquaresTheta();
        residual = target - design * fit.theta;
    } else {
        fit.theta = solver.solution();
        residual = solver.residual();
    }

    fit.sumOfSquares = residual.squaredNorm();
    // As a ratio of stable norms, so that squares of values near 1e±200 neither overflow nor underflow.
    const double totalNorm
        = problem.hasIntercept() ? (target.array() - target.mean()).matrix().stableNorm() : target.stableNorm();
    finishFit(problem, solver, residual.stableNorm(), targetVaries, totalNorm, fit);
    return fit;
}

} // namespace gdlab
