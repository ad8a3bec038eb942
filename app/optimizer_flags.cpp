#include "optimizer_flags.h"

#include "input_error.h"

#include <charconv>
#include <cmath>

namespace gdlab {

bool OptimizerFlags::apply(
    const std::string& flag, const std::function<std::string()>& value, OptimizerSettings& settings)
{
    if (flag == "--optimizer") {
        const std::string text = value();
        const auto kind = parseOptimizer(text);
        if (!kind)
            throw InputError("invalid value '" + text + "' for " + flag
                + ": expected gd, momentum, nesterov, adagrad, rmsprop, adam or newton");
        settings.kind = *kind;
        return true;
    }
    if (flag.rfind("--", 0) != 0)
        return false;
    const auto parameter = parseParameter(std::string_view(flag).substr(2));
    if (!parameter)
        return false;
    const std::string text = value();
    double number = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, number);
    if (text.empty() || error != std::errc() || stop != end || !std::isfinite(number))
        throw InputError("invalid value '" + text + "' for " + flag + ": expected a finite number");
    settings.setValue(*parameter, number);
    m_given.emplace_back(*parameter, text);
    return true;
}

void OptimizerFlags::check(const OptimizerSettings& settings, bool sgdOrMinibatch) const
{
    for (const auto& [parameter, text] : m_given)
        if (!usesParameter(settings.kind, parameter))
            throw InputError("--" + std::string(parameterName(parameter)) + " " + text
                + " does not apply to --optimizer " + optimizerName(settings.kind));
    validateOptimizer(settings, sgdOrMinibatch);
}

} // namespace gdlab
