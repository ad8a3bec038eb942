#include "race_entry.h"

#include "history.h"
#include "input_error.h"
#include "number_format.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace gdlab {

namespace {

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    while (true) {
        const std::size_t at = text.find(separator);
        parts.push_back(text.substr(0, at));
        if (at == std::string_view::npos)
            return parts;
        text.remove_prefix(at + 1);
    }
}

std::string shortText(double value)
{
    std::ostringstream stream;
    stream.precision(8);
    stream << value;
    return stream.str();
}

// The fewest digits that read back as the same double: "0.05", not "0.050000000000000003".
std::string exactText(double value)
{
    for (int digits = 1; digits < SignificantDigits::exact; ++digits) {
        const std::string text = formatSignificant(value, digits);
        double back = 0;
        std::from_chars(text.data(), text.data() + text.size(), back);
        if (back == value)
            return text;
    }
    return formatSignificant(value, SignificantDigits::exact);
}

double parseNumber(std::string_view entry, std::string_view key, std::string_view text)
{
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || stop != end || !std::isfinite(value))
        throw InputError("race entry '" + std::string(entry) + "': invalid value '" + std::string(text) + "' for "
            + std::string(key) + ": expected a finite number");
    return value;
}

RaceEntry parseEntry(std::string_view text)
{
    const std::vector<std::string_view> fields = split(text, ':');
    const auto kind = parseOptimizer(fields.front());
    if (!kind)
        throw InputError("race entry '" + std::string(text) + "': unknown optimizer '" + std::string(fields.front())
            + "' (gd, momentum, nesterov, adagrad, rmsprop, adam or newton)");
    RaceEntry entry;
    entry.optimizer.kind = *kind;
    for (std::size_t i = 1; i < fields.size(); ++i) {
        const std::size_t equals = fields[i].find('=');
        const std::string_view key = fields[i].substr(0, equals);
        const std::string_view value
            = equals == std::string_view::npos ? std::string_view() : fields[i].substr(equals + 1);
        const double number = parseNumber(text, key, value);
        if (key == "lr") {
            if (!(number > 0))
                throw InputError(
                    "race entry '" + std::string(text) + "': lr must be positive, not " + std::string(value));
            entry.learningRate = number;
            continue;
        }
        const auto parameter = parseParameter(key);
        if (!parameter || !usesParameter(*kind, *parameter))
            throw InputError("race entry '" + std::string(text) + "': '" + std::string(key) + "' does not apply to "
                + optimizerName(*kind));
        entry.optimizer.setValue(*parameter, number);
    }
    try {
        validateOptimizer(entry.optimizer, false);
    } catch (const InputError& error) {
        throw InputError("race entry '" + std::string(text) + "': " + error.what());
    }
    return entry;
}

} // namespace

SolverSettings RaceEntry::applyTo(const SolverSettings& base) const
{
    SolverSettings settings = base;
    settings.optimizer = optimizer;
    if (learningRate)
        settings.learningRate = *learningRate;
    return settings;
}

std::string RaceEntry::label() const
{
    std::string text = optimizerName(optimizer.kind);
    std::string details = learningRate ? "lr " + shortText(*learningRate) : std::string();
    const OptimizerSettings defaults = [this] {
        OptimizerSettings plain;
        plain.kind = optimizer.kind;
        return plain;
    }();
    for (int i = 0; i <= int(OptimizerParameter::Epsilon); ++i) {
        const auto parameter = OptimizerParameter(i);
        if (usesParameter(optimizer.kind, parameter) && optimizer.value(parameter) != defaults.value(parameter))
            details += (details.empty() ? "" : ", ") + std::string(parameterName(parameter)) + " "
                + shortText(optimizer.value(parameter));
    }
    return details.empty() ? text : text + " (" + details + ")";
}

std::vector<RaceEntry> parseRace(std::string_view text)
{
    std::vector<RaceEntry> entries;
    for (std::string_view part : split(text, ',')) {
        if (part.empty())
            throw InputError("--race: an empty entry in '" + std::string(text) + "'");
        entries.push_back(parseEntry(part));
    }
    if (entries.size() > std::size_t(kMaxRaceEntries))
        throw InputError("--race: at most " + std::to_string(kMaxRaceEntries) + " configurations, not "
            + std::to_string(entries.size()));
    return entries;
}

std::string raceText(const std::vector<RaceEntry>& entries)
{
    std::string text;
    for (const RaceEntry& entry : entries) {
        text += (text.empty() ? "" : ",") + std::string(optimizerName(entry.optimizer.kind));
        if (entry.learningRate)
            text += ":lr=" + exactText(*entry.learningRate);
        OptimizerSettings defaults;
        defaults.kind = entry.optimizer.kind;
        for (int i = 0; i <= int(OptimizerParameter::Epsilon); ++i) {
            const auto parameter = OptimizerParameter(i);
            const bool given = parameter == OptimizerParameter::Epsilon
                ? entry.optimizer.epsilon.has_value()
                : entry.optimizer.value(parameter) != defaults.value(parameter);
            if (usesParameter(entry.optimizer.kind, parameter) && given)
                text += ":" + std::string(parameterName(parameter)) + "=" + exactText(entry.optimizer.value(parameter));
        }
    }
    return text;
}

RaceFinish raceFinish(const History& history, double tolerance, std::optional<long long> diverged)
{
    RaceFinish finish;
    finish.diverged = diverged;
    for (std::size_t row = 0; row < history.size(); ++row)
        if (history.gradientNorm(row) <= tolerance) {
            finish.reached = static_cast<long long>(row);
            break;
        }
    return finish;
}

} // namespace gdlab
