#include "number_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gdlab {

namespace {

constexpr const char* kMinus = "\u2212";
constexpr const char* kNotANumber = "\u2013";

void replaceHyphens(std::string& text)
{
    for (std::size_t at = text.find('-'); at != std::string::npos; at = text.find('-', at))
        text.replace(at, 1, kMinus);
}

} // namespace

std::string formatSignificant(double value, int digits)
{
    // printf would write "-nan" for a NaN with its sign bit set; one spelling is enough.
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    // Nor does a student need "-0": a zero reached from below is still zero.
    if (value == 0)
        value = 0;
    char buffer[64];
    const int length = std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    const int written = length < 0 ? 0 : std::min<int>(length, sizeof buffer - 1);
    return std::string(buffer, static_cast<std::size_t>(written));
}

std::string formatForReading(double value, int digits)
{
    if (!std::isfinite(value))
        return kNotANumber;
    std::string text = formatSignificant(value, digits);
    replaceHyphens(text);
    return text;
}

std::string formatPercentChange(double before, double after)
{
    if (!std::isfinite(before) || !std::isfinite(after) || !(before > 0))
        return {};
    const double percent = 100.0 * (after - before) / before;
    if (!std::isfinite(percent))
        return {};
    return (percent > 0 ? "+" : "") + formatForReading(percent, SignificantDigits::magnitude) + " %";
}

} // namespace gdlab
