#pragma once

#include <Eigen/Core>

#include <optional>
#include <string_view>

namespace gdlab {

/** @brief The quadratic losses, over residuals r = X·θ − y of n rows (README, "The mathematics"). */
enum class LossKind {
    Mse, ///< (1/n) Σ r², gradient (2/n) Xᵀr
    HalfMse, ///< (1/2n) Σ r², gradient (1/n) Xᵀr
    Sse, ///< Σ r² (residual sum of squares), gradient 2 Xᵀr
};

/** @brief "mse", "half-mse" or "sse". */
const char* lossName(LossKind kind);
/** @brief The loss as a student reads it, e.g. "L(θ) = (1/n) Σ (xᵢ·θ − yᵢ)²". */
const char* lossFormula(LossKind kind);
/** @brief Its gradient, e.g. "∇L = (2/n) Xᵀ(Xθ − y)". */
const char* lossGradientFormula(LossKind kind);
std::optional<LossKind> parseLoss(std::string_view name);

/**
 * @brief The weight w with loss = w·Σr² for n rows: 1/n, 1/(2n) or 1.
 *
 * The gradient is 2w·Xᵀr and the Hessian 2w·XᵀX, so this one number carries every difference between the
 * losses.
 */
double lossWeight(LossKind kind, Eigen::Index rows);

} // namespace gdlab
