#pragma once

#include <optional>
#include <string_view>

namespace gdlab {

/** @brief What the descent fits: a line through the data, or the probability of a 0/1 class. */
enum class ModelKind {
    Linear, ///< ŷ = xᵀθ, one of the quadratic losses (LossKind)
    Logistic, ///< p = σ(xᵀθ) for a target of 0s and 1s, the mean log loss (LogisticLoss)
};

const char* modelName(ModelKind kind); ///< "linear", "logistic"
std::optional<ModelKind> parseModel(std::string_view name);

} // namespace gdlab
