#pragma once

#include <string>

namespace gdlab {

/**
 * @brief How many significant digits each kind of figure is shown with, so that the same figure reads the same
 * in every view and in the command-line report.
 */
namespace SignificantDigits {
/** @brief A magnitude to compare, not a number to check: bounds, a change in percent. */
constexpr int magnitude = 3;
/** @brief A label on a plot or a pinned run: short enough not to cover the curve. */
constexpr int label = 4;
/** @brief The status line and the learning rate as typed. */
constexpr int status = 6;
/** @brief The update with numbers: enough to check a step by hand, few enough to read off a projector. */
constexpr int byHand = 7;
/** @brief The history table: enough to see a loss still falling in its last digits. */
constexpr int table = 10;
/** @brief Every digit a double has (tooltips, files): it reads back bit for bit. */
constexpr int exact = 17;
} // namespace SignificantDigits

/**
 * @brief value with digits significant digits, as printf's "%.*g" writes it in the C locale ("0.0112", "1e-06",
 * "1.5e+10") whatever the program's locale; "0" for −0, and "nan", "inf" and "-inf" for what is not finite.
 */
std::string formatSignificant(double value, int digits);

/**
 * @brief A number as a student writes it: formatSignificant() with a real minus sign (U+2212) instead of the
 * hyphen, and an en dash (U+2013) for what is not a number (a diverged loss, a distance with no optimum).
 */
std::string formatForReading(double value, int digits);

/**
 * @brief The relative change from before to after in percent, to SignificantDigits::magnitude digits and signed
 * ("+1.2 %", "−0.5 %", "0 %"); empty when it has no meaning (before not positive, or either not finite).
 */
std::string formatPercentChange(double before, double after);

} // namespace gdlab
