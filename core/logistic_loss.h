#pragma once

#include "loss_function.h"

#include <Eigen/Core>

#include <vector>

namespace gdlab {

class Problem;

/**
 * @brief The mean log loss of logistic regression bound to a problem (README, "The mathematics"): with z = Xθ,
 * p = σ(z) and a target y of 0s and 1s,
 *   L(θ) = (1/n) Σ [softplus(zᵢ) − yᵢzᵢ],   ∇L = (1/n) Xᵀ(p − y),   H = (1/n) XᵀWX with W = diag(p(1 − p)).
 *
 * There are no sufficient statistics: every evaluation is one pass over the rows, block by block, computing z, p,
 * the loss, the gradient and the accuracy together (and the Hessian when asked), vectorised, with no allocation.
 * Every term is taken without overflow or cancellation whatever |z| is: with the margin mᵢ = (2yᵢ − 1)·zᵢ (positive
 * when the row is classified right) and e = exp(−|zᵢ|), the row's loss is softplus(−mᵢ) = max(−mᵢ, 0) + log1p(e)
 * and pᵢ − yᵢ = −(2yᵢ − 1)·σ(−mᵢ), where σ(−mᵢ) is e/(1 + e) or 1/(1 + e).
 *
 * The accuracy is the share of rows with (zᵢ ≥ 0, that is pᵢ ≥ 0.5) == (yᵢ = 1).
 *
 * Not for concurrent use: the evaluations work in scratch space of their own, so each thread needs its own
 * LogisticLoss. The problem must keep its rows (Problem::keepsRows()) and outlive this object.
 */
class LogisticLoss {
public:
    /** @brief Throws InputError when the problem keeps no rows or its target holds a value other than 0 and 1. */
    explicit LogisticLoss(const Problem& problem);

    const Problem& problem() const { return m_problem; }
    Eigen::Index parameterCount() const { return m_parameters; }

    /**
     * @brief The one pass: returns the loss at theta (parameterCount() values) and writes, for each pointer that is not
     * null, the gradient (same size), the accuracy and H (p × p, column-major). Never allocates. The loss is the same
     * bit for bit whatever is asked besides (a surface grid asks for nothing else and skips the gradient's pass). A θ
     * whose z is not finite gives a NaN loss.
     */
    double evaluate(const double* theta, double* gradient, double* accuracy, double* hessian = nullptr) const;

    /** @brief The loss alone, without the gradient's pass. */
    double value(const Eigen::VectorXd& theta) const;
    /** @brief Loss, gradient and accuracy at theta (rmse NaN: the logistic model has none). */
    LossEvaluation evaluate(const Eigen::VectorXd& theta) const;
    /** @brief The Hessian (1/n)·XᵀWX at theta. */
    Eigen::MatrixXd hessian(const Eigen::VectorXd& theta) const;
    /** @brief pᵢ = σ(xᵢᵀθ) for every row. */
    Eigen::VectorXd probabilities(const Eigen::VectorXd& theta) const;

    /**
     * @brief The gradient over rows [first, first + count) of order as if they were the whole data set,
     * (1/count)·Σ (pᵢ − yᵢ)·xᵢ, as SGD and mini-batch use it; written to out (parameterCount() values).
     */
    void batchGradient(const double* theta, const std::vector<Eigen::Index>& order, Eigen::Index first,
        Eigen::Index count, double* out) const;
    Eigen::VectorXd batchGradient(const Eigen::VectorXd& theta, const std::vector<Eigen::Index>& order,
        Eigen::Index first, Eigen::Index count) const;

    /** @brief log(1 + eᶻ) without overflow: max(z, 0) + log1p(exp(−|z|)). */
    static double softplus(double z);
    /** @brief 1/(1 + e⁻ᶻ) without overflow. */
    static double sigmoid(double z);
    /** @brief One row's loss softplus(z) − y·z for y = 0 or 1, without cancellation (softplus(−z) for y = 1). */
    static double rowLoss(double z, double y);
    /**
     * @brief Σ softplus(−mᵢ) over the margins mᵢ = (2yᵢ − 1)·zᵢ, given e = exp(−|m|) and plus = 1 + e (arrays or Eigen
     * expressions): max(−m, 0) + log1p(e), with log1p(e) taken as log(1 + e) corrected for the rounding of 1 + e
     * (exact where 1 + e rounds to 1), because Eigen vectorises log and not log1p. The one form of the row losses'
     * sum, for the descent and for the surfaces, so that both give the same loss bit for bit.
     */
    template <typename Margins, typename Exp, typename Plus>
    static double marginLossSum(const Margins& margin, const Exp& e, const Plus& plus)
    {
        return (plus.log() - ((plus - 1.0) - e) / plus + (-margin).max(0.0)).sum();
    }

private:
    const Problem& m_problem;
    Eigen::Index m_rows = 0;
    Eigen::Index m_parameters = 0;
    Eigen::ArrayXd m_sign; ///< 2y − 1: +1 for class 1, −1 for class 0
    // Scratch of one block of rows each.
    mutable Eigen::ArrayXd m_z;
    mutable Eigen::ArrayXd m_margin;
    mutable Eigen::ArrayXd m_exp; ///< exp(−|z|)
    mutable Eigen::ArrayXd m_plus; ///< 1 + exp(−|z|)
    mutable Eigen::ArrayXd m_work;
    mutable Eigen::MatrixXd m_weighted; ///< the block's rows times their weights p(1 − p), for the Hessian
};

} // namespace gdlab
