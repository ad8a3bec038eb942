#include "number_format.h"

#include <charconv>
#include <cmath>
#include <system_error>

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
    // A NaN with its sign bit set would come out as "-nan"; one spelling is enough.
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    // Nor does a student need "-0": a zero reached from below is still zero.
    if (value == 0)
        value = 0;
    // std::to_chars writes as printf's "%.*g" does in the C locale, whatever locale the program runs in (a Qt
    // program takes the user's, where printf might write a decimal comma).
    char buffer[64];
    const std::to_chars_result result
        = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, digits);
    return std::string(buffer, result.ec == std::errc() ? result.ptr : buffer);
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
