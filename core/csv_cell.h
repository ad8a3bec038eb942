#pragma once

#include <string>
#include <string_view>

namespace gdlab {

/** @brief What one trimmed, unquoted cell of a CSV file says, and how a message quotes it. */
class CsvCell {
public:
    /** @brief How a cell reads as a number. */
    enum class Kind { Number, Empty, NotNumber, NotFinite, OutOfRange };

    /**
     * @brief Classifies a cell and, for Kind::Number, sets value. Decimal commas are only accepted when
     * decimalComma is set (';'-separated files, where ',' cannot be the delimiter); "1.234,5" still fails.
     */
    static Kind classify(std::string_view cell, bool decimalComma, double& value);

    /**
     * @brief Whether a cell reads as a number of any kind, NaN and out-of-range values included: those make a
     * first row data (and then an error), not a header.
     */
    static bool looksNumeric(std::string_view cell, bool decimalComma);

    /**
     * @brief The cell in quotes for a message: cut to a readable length on a UTF-8 character boundary, with
     * control characters made visible so that a stray tab or CR in the data shows up.
     */
    static std::string quote(std::string_view cell);
};

} // namespace gdlab
