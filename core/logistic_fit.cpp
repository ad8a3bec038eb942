#include "logistic_fit.h"

#include "logistic_loss.h"
#include "newton_system.h"
#include "problem.h"
#include "quadratic_kernel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <sstream>

namespace gdlab {

namespace {

// Newton converges in a handful of steps on data with an optimum and proves separation within a few dozen (each
// step moves the separated rows about one unit of z further out); the cap only stops a pathological case.
constexpr int maxIterations = 200;
constexpr int maxHalvings = 60;
// Rows within this share of |xᵢ|·|d| of the boundary count as on it: far above the rounding of xᵢᵀd and of a
// converged step, far below the margins of data that merely comes close to separation.
constexpr double boundaryTolerance = 1e-8;

struct State {
    Eigen::VectorXd theta;
    Eigen::VectorXd gradient;
    Eigen::MatrixXd hessian;
    double loss = 0;
    double accuracy = 0;
};

State evaluateAt(const LogisticLoss& loss, Eigen::VectorXd theta)
{
    State state;
    const Eigen::Index p = theta.size();
    state.theta = std::move(theta);
    state.gradient.resize(p);
    state.hessian.resize(p, p);
    state.loss = loss.evaluate(state.theta.data(), state.gradient.data(), &state.accuracy, state.hessian.data());
    return state;
}

// θ − t·step for t = 1, 1/2, 1/4, … until the loss does not rise (beyond its rounding); nothing when none does.
std::optional<State> halvedStep(const LogisticLoss& loss, const State& current, const Eigen::VectorXd& step)
{
    const double ceiling = current.loss + 16 * std::numeric_limits<double>::epsilon() * std::abs(current.loss);
    double length = 1;
    for (int halving = 0; halving <= maxHalvings; ++halving, length /= 2) {
        State next = evaluateAt(loss, current.theta - length * step);
        if (next.loss <= ceiling)
            return next;
    }
    return std::nullopt;
}

struct Separation {
    bool separates = false;
    Eigen::Index boundaryRows = 0;
};

// Whether every row lies on its own class's side of xᵀd = 0 or on it, and one strictly: then the loss falls for ever
// along d (each row's loss softplus(−(2y − 1)·xᵀθ) does not rise, and one falls), so no θ is a minimum.
Separation separation(
    const Problem& problem, const Eigen::ArrayXd& sign, const Eigen::ArrayXd& rowNorms, const Eigen::VectorXd& d)
{
    const double length = d.norm();
    if (!(length > 0) || !std::isfinite(length))
        return {};
    const Eigen::ArrayXd margins = sign * (problem.design() * d).array();
    const Eigen::ArrayXd tolerance = (boundaryTolerance * length) * rowNorms;
    if ((margins < -tolerance).any())
        return {};
    const Eigen::Index strictly = (margins > tolerance).count();
    if (strictly == 0)
        return {};
    return Separation { true, margins.size() - strictly };
}

std::string separationMessage(const Problem& problem, const Separation& found)
{
    const Eigen::VectorXd& target = problem.target();
    std::ostringstream text;
    text << "no finite optimum: ";
    if ((target.array() == target[0]).all())
        text << "the data is linearly separable (every row is of class " << target[0] << ")";
    else if (found.boundaryRows == 0)
        text << "the data is linearly separable (some θ classifies every row right)";
    else
        text << "the data is linearly separable but for " << found.boundaryRows
             << (found.boundaryRows == 1 ? " row" : " rows") << " on the dividing boundary (quasi-separation)";
    text << ", so the loss keeps falling as θ grows without bound";
    return text.str();
}

void keepOptimum(LogisticFit& fit, const Problem& problem, const State& state)
{
    fit.finite = true;
    fit.theta = state.theta;
    fit.thetaOriginal = problem.toOriginalUnits(state.theta);
    fit.loss = state.loss;
    fit.accuracy = state.accuracy;
    fit.gradientNorm = state.gradient.norm();
}

void keepSeparation(LogisticFit& fit, const Problem& problem, const Separation& found, const Eigen::VectorXd& d)
{
    fit.separable = true;
    fit.quasiSeparable = found.boundaryRows > 0;
    fit.boundaryRows = found.boundaryRows;
    fit.direction = d.normalized();
    fit.message = separationMessage(problem, found);
}

} // namespace

LogisticFit fitLogistic(const Problem& problem)
{
    const LogisticLoss loss(problem);
    const Eigen::Index p = problem.parameterCount();
    const Eigen::ArrayXd sign = 2.0 * problem.target().array() - 1.0;
    const Eigen::ArrayXd rowNorms = problem.design().rowwise().norm().array();
    State current = evaluateAt(loss, Eigen::VectorXd::Zero(p));
    const double startNorm = current.gradient.norm();
    const double tolerance = 1e-12 * std::max(1.0, startNorm);
    NewtonSystem newton(static_cast<int>(p));
    Eigen::VectorXd step(p);
    Eigen::VectorXd scratch(p);
    LogisticFit fit;
    for (int iteration = 1; iteration <= maxIterations; ++iteration) {
        const bool last = current.gradient.norm() <= tolerance; // then this is the one step more
        newton.factor(current.hessian);
        newton.solve(
            kernel::DynamicCount { static_cast<int>(p) }, current.gradient.data(), step.data(), scratch.data());
        std::optional<State> next = halvedStep(loss, current, step);
        if (!next)
            break; // no step lowers the loss: as close to the optimum as double precision gets
        const Eigen::VectorXd moved = next->theta - current.theta;
        current = std::move(*next);
        fit.iterations = iteration;
        for (const Eigen::VectorXd* d : { static_cast<const Eigen::VectorXd*>(&current.theta), &moved }) {
            const Separation found = separation(problem, sign, rowNorms, *d);
            if (found.separates) {
                keepSeparation(fit, problem, found, *d);
                return fit;
            }
        }
        if (last) {
            keepOptimum(fit, problem, current);
            return fit;
        }
    }
    // Stalled (no step lowered the loss) or out of steps: an optimum only if the gradient is nearly as small as asked.
    if (current.gradient.norm() <= 1e-8 * std::max(1.0, startNorm)) {
        keepOptimum(fit, problem, current);
        return fit;
    }
    std::ostringstream text;
    text << "Newton's method found no optimum in " << fit.iterations << " steps (|∇| = " << current.gradient.norm()
         << ")";
    fit.message = text.str();
    return fit;
}

} // namespace gdlab
