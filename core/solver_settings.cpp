#include "solver_settings.h"

namespace gdlab {

const char* methodName(DescentMethod method)
{
    switch (method) {
    case DescentMethod::Batch:
        return "batch";
    case DescentMethod::Sgd:
        return "sgd";
    case DescentMethod::MiniBatch:
        return "minibatch";
    }
    return "batch";
}

std::optional<DescentMethod> parseMethod(std::string_view name)
{
    if (name == "batch")
        return DescentMethod::Batch;
    if (name == "sgd")
        return DescentMethod::Sgd;
    if (name == "minibatch" || name == "mini-batch")
        return DescentMethod::MiniBatch;
    return std::nullopt;
}

bool SolverSettings::operator==(const SolverSettings& other) const
{
    return model == other.model && loss == other.loss && method == other.method && batchSize == other.batchSize
        && shuffle == other.shuffle && seed == other.seed && learningRate == other.learningRate
        && iterations == other.iterations && tolerance == other.tolerance && init == other.init
        && initValues == other.initValues && optimizer == other.optimizer;
}

} // namespace gdlab
