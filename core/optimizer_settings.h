#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gdlab {

/** @brief The update rule of a descent (PyTorch torch.optim's defaults; SGD with dampening 0). */
enum class OptimizerKind {
    Gd, ///< θ ← θ − lr·g
    Momentum, ///< v ← μ·v + g; θ ← θ − lr·v (heavy ball)
    Nesterov, ///< v ← μ·v + g; θ ← θ − lr·(g + μ·v)
    AdaGrad, ///< s ← s + g²; θ ← θ − lr·g/(√s + ε)
    RmsProp, ///< s ← ρ·s + (1−ρ)·g²; θ ← θ − lr·g/(√s + ε)
    Adam, ///< m ← β1·m + (1−β1)·g; s ← β2·s + (1−β2)·g²; θ ← θ − lr·m̂/(√ŝ + ε) with the bias corrections
    Newton, ///< θ ← θ − lr·H⁻¹g, H the Hessian (solved, minimum-norm when singular; batch only)
};

/** @brief The parameters an optimizer may use, each a flag of the command line. */
enum class OptimizerParameter { Momentum, Beta1, Beta2, Rho, Epsilon };

const char* optimizerName(OptimizerKind kind); ///< "gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "newton"
std::optional<OptimizerKind> parseOptimizer(std::string_view name);
/** @brief Every kind, in the order of the command line's list. */
const OptimizerKind* allOptimizers(int* count);
/** @brief AdaGrad, RMSProp and Adam: step sizes scaled per coordinate, with no fixed stability bound. */
bool isAdaptive(OptimizerKind kind);
/** @brief Whether kind's update rule reads parameter. */
bool usesParameter(OptimizerKind kind, OptimizerParameter parameter);
/** @brief "momentum", "beta1", "beta2", "rho", "eps": the flag without its dashes. */
const char* parameterName(OptimizerParameter parameter);
std::optional<OptimizerParameter> parseParameter(std::string_view name);

/** @brief The optimizer and its parameters; a plain value. */
struct OptimizerSettings {
    OptimizerKind kind = OptimizerKind::Gd;
    double momentum = 0.9; ///< μ, momentum and nesterov
    double beta1 = 0.9; ///< adam
    double beta2 = 0.999; ///< adam
    double rho = 0.99; ///< rmsprop
    std::optional<double> epsilon; ///< ε; empty = the optimizer's default (1e-10 for adagrad, 1e-8 otherwise)

    /** @brief ε as the update uses it. */
    double effectiveEpsilon() const;
    /** @brief The value of a parameter (ε resolved). */
    double value(OptimizerParameter parameter) const;
    void setValue(OptimizerParameter parameter, double value);

    bool operator==(const OptimizerSettings& other) const;
    bool operator!=(const OptimizerSettings& other) const { return !(*this == other); }
};

/** @brief "gd", "momentum (momentum 0.9)", "adam (beta1 0.9, beta2 0.999, eps 1e-08)": the optimizer as run. */
std::string describeOptimizer(const OptimizerSettings& settings);

/**
 * @brief Throws InputError naming the flag and the value for a parameter out of range (μ, β1, β2, ρ outside
 * [0, 1), ε not positive) or newton with a method other than batch (sgdOrMinibatch true).
 */
void validateOptimizer(const OptimizerSettings& settings, bool sgdOrMinibatch);

} // namespace gdlab
