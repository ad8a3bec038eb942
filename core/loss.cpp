#include "loss.h"

namespace gdlab {

const char* lossName(LossKind kind)
{
    switch (kind) {
    case LossKind::Mse:
        return "mse";
    case LossKind::HalfMse:
        return "half-mse";
    case LossKind::Sse:
        return "sse";
    }
    return "mse";
}

const char* lossFormula(LossKind kind)
{
    switch (kind) {
    case LossKind::Mse:
        return "L(θ) = (1/n) Σ (xᵢ·θ − yᵢ)²";
    case LossKind::HalfMse:
        return "L(θ) = (1/2n) Σ (xᵢ·θ − yᵢ)²";
    case LossKind::Sse:
        return "L(θ) = Σ (xᵢ·θ − yᵢ)²";
    }
    return "";
}

const char* lossGradientFormula(LossKind kind)
{
    switch (kind) {
    case LossKind::Mse:
        return "∇L = (2/n) Xᵀ(Xθ − y)";
    case LossKind::HalfMse:
        return "∇L = (1/n) Xᵀ(Xθ − y)";
    case LossKind::Sse:
        return "∇L = 2 Xᵀ(Xθ − y)";
    }
    return "";
}

std::optional<LossKind> parseLoss(std::string_view name)
{
    if (name == "mse")
        return LossKind::Mse;
    if (name == "half-mse")
        return LossKind::HalfMse;
    if (name == "sse" || name == "rss")
        return LossKind::Sse;
    return std::nullopt;
}

double lossWeight(LossKind kind, Eigen::Index rows)
{
    const double n = static_cast<double>(rows);
    switch (kind) {
    case LossKind::Mse:
        return 1.0 / n;
    case LossKind::HalfMse:
        return 0.5 / n;
    case LossKind::Sse:
        return 1.0;
    }
    return 1.0 / n;
}

} // namespace gdlab
