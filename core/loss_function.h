#pragma once

#include "loss.h"
#include "quadratic_loss.h"

#include <Eigen/Core>

#include <limits>
#include <vector>

namespace gdlab {

class Problem;

/** @brief Loss, RMSE (linear) or accuracy (logistic) and gradient at one θ, all over the whole data set. */
struct LossEvaluation {
    double loss = 0;
    double rmse = 0; ///< NaN for the logistic model
    Eigen::VectorXd gradient;
    double accuracy = std::numeric_limits<double>::quiet_NaN(); ///< logistic only: the share of rows classified right
};

/**
 * @brief One of the quadratic losses bound to a problem.
 *
 * evaluate() uses the sufficient statistics (O(k²), the same evaluation as the solver's, so its gradient is the
 * one an update used); evaluateDirect() forms the residuals (O(n·k)) and is the reference the tests compare
 * against, and the path for losses that are not quadratic. Not for concurrent use: evaluate() works in scratch
 * space of its own, so each thread needs its own LossFunction.
 */
class LossFunction {
public:
    /** @brief Keeps a reference: the problem must outlive this object. */
    LossFunction(const Problem& problem, LossKind kind);

    LossKind kind() const { return m_kind; }
    const Problem& problem() const { return m_problem; }

    double value(const Eigen::VectorXd& theta) const;
    LossEvaluation evaluate(const Eigen::VectorXd& theta) const;
    LossEvaluation evaluateDirect(const Eigen::VectorXd& theta) const;

    /**
     * @brief The gradient of this loss applied to rows [first, first + count) of `order` as if they were the
     * whole data set (mean losses average over the batch, sse sums), as SGD and mini-batch use it.
     */
    Eigen::VectorXd batchGradient(const Eigen::VectorXd& theta, const std::vector<Eigen::Index>& order,
        Eigen::Index first, Eigen::Index count) const;

    /** @brief The Hessian 2w·G (constant for these losses). */
    Eigen::MatrixXd hessian() const;

private:
    const Problem& m_problem;
    LossKind m_kind;
    QuadraticLoss m_quadratic;
};

} // namespace gdlab
