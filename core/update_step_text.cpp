#include "update_step_text.h"

#include "number_format.h"

namespace gdlab {

UpdateStepText formatUpdateStep(double before, double rate, double gradient, double after)
{
    const int digits = SignificantDigits::byHand;
    // The gradient in parentheses: a negative one next to the minus of the rule would read as "− −1.62".
    return { formatForReading(before, digits), formatForReading(rate, digits),
        "(" + formatForReading(gradient, digits) + ")", formatForReading(after, digits) };
}

std::string updateStepLine(const std::string& symbol, const UpdateStepText& step)
{
    return symbol + ":  " + step.before + " \u2212 " + step.rate + " \u00d7 " + step.gradient + " = " + step.after;
}

} // namespace gdlab
