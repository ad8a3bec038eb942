#include "model_kind.h"

namespace gdlab {

const char* modelName(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Linear:
        return "linear";
    case ModelKind::Logistic:
        return "logistic";
    }
    return "linear";
}

std::optional<ModelKind> parseModel(std::string_view name)
{
    if (name == "linear")
        return ModelKind::Linear;
    if (name == "logistic")
        return ModelKind::Logistic;
    return std::nullopt;
}

} // namespace gdlab
