#pragma once

#include <charconv>

namespace gdlab {

/**
 * @brief Decimal text to double, exactly rounded and faster than std::from_chars on the numbers data files hold.
 *
 * The syntax and every result, value, end pointer and error, are those of std::from_chars(first, last, value)
 * (chars_format::general). The fast path reads eight digits at a time and rounds with one 64×64-bit product
 * against a table of powers of five (the Eisel–Lemire method); whenever that product is too close to a rounding
 * boundary to decide, and for everything unusual (more than 19 significant digits, subnormal or out-of-range
 * results, inf and nan, malformed text), it hands the text to std::from_chars, which decides exactly.
 */
class FastDoubleParser {
public:
    /** @brief Same contract as std::from_chars(first, last, value). */
    static std::from_chars_result parse(const char* first, const char* last, double& value);

    /**
     * @brief The fast path alone: the end of the number and its value, or nullptr (value untouched) when it
     * cannot decide; parse() then asks std::from_chars.
     */
    static const char* parseFast(const char* first, const char* last, double& value);
};

} // namespace gdlab
