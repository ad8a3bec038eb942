#pragma once

#include "loss.h"

#include <Eigen/Core>

#include <optional>
#include <utility>
#include <vector>

namespace gdlab {

class Problem;

/**
 * @brief The loss along one parameter, the others held at base: a parabola in θj, the picture of derivative
 * descent before the bowl (the ball on the curve, the tangent whose slope is ∂L/∂θj, the step down it).
 *
 * With u = θj − base_j and δ = base − θ*:  Σr²(u) = s0 + 2·(Gδ)j·u + Gjj·u², s0 = δᵀGδ + SSE(θ*), as every loss
 * in the program is formed (no cancellation of θᵀGθ − 2cᵀθ + yᵀy); with a lowest point u* it is evaluated as
 * Σr²(u*) + Gjj·(u − u*)². The loss is w·Σr² with the loss's weight w, and its slope the gradient's component j
 * at that θ, including the normal equations' rounding residual as QuadraticLoss does.
 *
 * For the logistic model (logistic()) it is the mean log loss along the line, not a parabola: every row's margin
 * mᵢ = (2yᵢ − 1)·zᵢ is affine in θj, mᵢ = aᵢ + θj·cᵢ, so a point costs one vectorised pass over n margins, the slope is
 * −(1/n) Σ cᵢ·σ(−mᵢ) (the gradient's component j), and the lowest point is found by bisection on the slope (the log
 * loss is convex): there is none when the slope keeps its sign as far as doubles reach (separable along the line).
 */
class LossAlongParameter {
public:
    LossAlongParameter(const Problem& problem, LossKind kind, Eigen::Index parameter, const Eigen::VectorXd& base);
    /** @brief The log loss of logistic regression along parameter (the problem keeps its rows, a 0/1 target). */
    static LossAlongParameter logistic(const Problem& problem, Eigen::Index parameter, const Eigen::VectorXd& base);

    Eigen::Index parameter() const { return m_parameter; }
    /** @brief The loss at base with θj = value. */
    double loss(double value) const;
    /** @brief ∂L/∂θj at base with θj = value: the slope of the tangent there. */
    double slope(double value) const;
    /** @brief The loss at theta's projection onto the line: its θj, the others at base. */
    double lossAt(const Eigen::Ref<const Eigen::VectorXd>& theta) const { return loss(theta(m_parameter)); }

    /** @brief Whether the line has a lowest point (feature j is not all zeros; for the log loss, not separable). */
    bool hasMinimum() const { return m_hasMinimum; }
    /** @brief θj at the lowest point (base's θj when there is none). */
    double minimum() const { return m_minimum; }
    double minimumLoss() const;

    /**
     * @brief The θj range to show: centred on the lowest point and wide enough for every value given (a tenth
     * more on each side); a unit either side when they all sit at the lowest point.
     */
    std::pair<double, double> frame(const std::vector<double>& values) const;

private:
    /** The log loss's margins along the line: (2yᵢ − 1)·zᵢ = offset + θj·column. */
    struct Margins {
        Eigen::ArrayXd offset;
        Eigen::ArrayXd column;
        mutable Eigen::ArrayXd scratch;
    };

    LossAlongParameter(Eigen::Index parameter, const Eigen::VectorXd& base, Margins margins);
    void findLogisticMinimum();

    Eigen::Index m_parameter;
    double m_weight;
    double m_origin; ///< base_j
    double m_constant = 0; ///< s0: Σr² at base
    double m_linear = 0; ///< (Gδ)j
    double m_curvature = 0; ///< Gjj
    double m_roundingResidual = 0; ///< (Gθ* − c)j
    bool m_hasMinimum = false;
    double m_minimum = 0;
    double m_minimumValue = 0; ///< Σr² at the lowest point (the log loss itself for the logistic model)
    std::optional<Margins> m_margins; ///< the logistic model's; empty for the quadratic losses
};

} // namespace gdlab
