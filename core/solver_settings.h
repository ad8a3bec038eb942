#pragma once

#include "loss.h"
#include "model_kind.h"
#include "optimizer_settings.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace gdlab {

enum class DescentMethod {
    Batch, ///< one update per pass, gradient over all rows
    Sgd, ///< one update per sample
    MiniBatch, ///< one update per batch of batchSize rows (the last batch of an epoch may be smaller)
};

const char* methodName(DescentMethod method); ///< "batch", "sgd", "minibatch"
std::optional<DescentMethod> parseMethod(std::string_view name);

enum class InitKind {
    Zeros,
    Random, ///< standard normal values from the seeded generator (reproducible on every platform)
    Values, ///< SolverSettings::initValues
};

/** @brief Every setting of one descent; a plain value. */
struct SolverSettings {
    /** @brief Linear (one of the quadratic losses) or logistic (the log loss; loss is then not used). */
    ModelKind model = ModelKind::Linear;
    LossKind loss = LossKind::Mse; ///< the loss of the linear model

    DescentMethod method = DescentMethod::Batch;
    long long batchSize = 32; ///< used by MiniBatch only
    bool shuffle = false; ///< sample order per epoch: file order, or shuffled with seed
    std::uint64_t seed = 1; ///< seeds std::mt19937_64 for shuffling and the random start
    double learningRate = 0.01;
    long long iterations = 1000; ///< maximum number of updates
    double tolerance = 0; ///< stop as converged once the gradient norm is <= tolerance; 0 = never
    InitKind init = InitKind::Zeros;
    std::vector<double> initValues; ///< with InitKind::Values, one per parameter, in the descent space
    OptimizerSettings optimizer; ///< the update rule (gd by default) and its parameters

    bool operator==(const SolverSettings& other) const;
    bool operator!=(const SolverSettings& other) const { return !(*this == other); }
};

} // namespace gdlab
