#include "optimizer_settings.h"

#include "input_error.h"

#include <array>
#include <cmath>
#include <sstream>

namespace gdlab {

namespace {

constexpr std::array<OptimizerKind, 7> kinds { OptimizerKind::Gd, OptimizerKind::Momentum, OptimizerKind::Nesterov,
    OptimizerKind::AdaGrad, OptimizerKind::RmsProp, OptimizerKind::Adam, OptimizerKind::Newton };

constexpr std::array<OptimizerParameter, 5> parameters { OptimizerParameter::Momentum, OptimizerParameter::Beta1,
    OptimizerParameter::Beta2, OptimizerParameter::Rho, OptimizerParameter::Epsilon };

std::string shortText(double value)
{
    std::ostringstream stream;
    stream.precision(8);
    stream << value;
    return stream.str();
}

} // namespace

const char* optimizerName(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::Gd:
        return "gd";
    case OptimizerKind::Momentum:
        return "momentum";
    case OptimizerKind::Nesterov:
        return "nesterov";
    case OptimizerKind::AdaGrad:
        return "adagrad";
    case OptimizerKind::RmsProp:
        return "rmsprop";
    case OptimizerKind::Adam:
        return "adam";
    case OptimizerKind::Newton:
        return "newton";
    }
    return "gd";
}

std::optional<OptimizerKind> parseOptimizer(std::string_view name)
{
    for (OptimizerKind kind : kinds)
        if (name == optimizerName(kind))
            return kind;
    return std::nullopt;
}

const OptimizerKind* allOptimizers(int* count)
{
    *count = static_cast<int>(kinds.size());
    return kinds.data();
}

bool isAdaptive(OptimizerKind kind)
{
    return kind == OptimizerKind::AdaGrad || kind == OptimizerKind::RmsProp || kind == OptimizerKind::Adam;
}

bool usesParameter(OptimizerKind kind, OptimizerParameter parameter)
{
    switch (parameter) {
    case OptimizerParameter::Momentum:
        return kind == OptimizerKind::Momentum || kind == OptimizerKind::Nesterov;
    case OptimizerParameter::Beta1:
    case OptimizerParameter::Beta2:
        return kind == OptimizerKind::Adam;
    case OptimizerParameter::Rho:
        return kind == OptimizerKind::RmsProp;
    case OptimizerParameter::Epsilon:
        return isAdaptive(kind);
    }
    return false;
}

const char* parameterName(OptimizerParameter parameter)
{
    switch (parameter) {
    case OptimizerParameter::Momentum:
        return "momentum";
    case OptimizerParameter::Beta1:
        return "beta1";
    case OptimizerParameter::Beta2:
        return "beta2";
    case OptimizerParameter::Rho:
        return "rho";
    case OptimizerParameter::Epsilon:
        return "eps";
    }
    return "momentum";
}

std::optional<OptimizerParameter> parseParameter(std::string_view name)
{
    for (OptimizerParameter parameter : parameters)
        if (name == parameterName(parameter))
            return parameter;
    return std::nullopt;
}

double OptimizerSettings::effectiveEpsilon() const
{
    if (epsilon)
        return *epsilon;
    return kind == OptimizerKind::AdaGrad ? 1e-10 : 1e-8;
}

double OptimizerSettings::value(OptimizerParameter parameter) const
{
    switch (parameter) {
    case OptimizerParameter::Momentum:
        return momentum;
    case OptimizerParameter::Beta1:
        return beta1;
    case OptimizerParameter::Beta2:
        return beta2;
    case OptimizerParameter::Rho:
        return rho;
    case OptimizerParameter::Epsilon:
        return effectiveEpsilon();
    }
    return 0;
}

void OptimizerSettings::setValue(OptimizerParameter parameter, double value)
{
    switch (parameter) {
    case OptimizerParameter::Momentum:
        momentum = value;
        break;
    case OptimizerParameter::Beta1:
        beta1 = value;
        break;
    case OptimizerParameter::Beta2:
        beta2 = value;
        break;
    case OptimizerParameter::Rho:
        rho = value;
        break;
    case OptimizerParameter::Epsilon:
        epsilon = value;
        break;
    }
}

bool OptimizerSettings::operator==(const OptimizerSettings& other) const
{
    return kind == other.kind && momentum == other.momentum && beta1 == other.beta1 && beta2 == other.beta2
        && rho == other.rho && epsilon == other.epsilon;
}

std::string describeOptimizer(const OptimizerSettings& settings)
{
    std::string text = optimizerName(settings.kind);
    std::string list;
    for (OptimizerParameter parameter : parameters)
        if (usesParameter(settings.kind, parameter))
            list += (list.empty() ? "" : ", ") + std::string(parameterName(parameter)) + " "
                + shortText(settings.value(parameter));
    return list.empty() ? text : text + " (" + list + ")";
}

void validateOptimizer(const OptimizerSettings& settings, bool sgdOrMinibatch)
{
    if (settings.kind == OptimizerKind::Newton && sgdOrMinibatch)
        throw InputError("--optimizer newton needs --method batch: the Hessian step is defined for the whole data set");
    for (OptimizerParameter parameter : parameters) {
        if (!usesParameter(settings.kind, parameter))
            continue;
        const double value = settings.value(parameter);
        const std::string flag = std::string("--") + parameterName(parameter);
        if (parameter == OptimizerParameter::Epsilon) {
            if (!(value > 0) || !std::isfinite(value))
                throw InputError("invalid value '" + shortText(value) + "' for " + flag + ": expected a number > 0");
        } else if (!(value >= 0 && value < 1)) {
            throw InputError("invalid value '" + shortText(value) + "' for " + flag + ": expected a number in [0, 1)");
        }
    }
}

} // namespace gdlab
