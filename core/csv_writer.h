#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace gdlab {

class Dataset;

/**
 * @brief Writes a Dataset as CSV that CsvReader reads back to the same names and bit-identical values.
 *
 * A header row of the column names, then one row per data row: ',' between cells, '\n' after each row, numbers
 * with 17 significant digits in the C locale ('.' as the decimal point whatever the user's locale). A name is
 * quoted (with '"' doubled) when it holds a delimiter the reader could detect (',', ';', tab), a quote, a line
 * end, or leading or trailing spaces; the reader still trims those spaces, so such a name comes back trimmed.
 * Only the numeric columns of the Dataset are written: text columns the reader skipped are not in it.
 *
 * The reader recognises the header because one of its cells is not a number. When every column name reads as
 * a number (a file whose text columns held the only non-numeric names), read it back with
 * CsvOptions::hasHeader = true.
 *
 * Non-finite values, which no Dataset read from a file holds, are written as "nan", "inf" and "-inf"; the
 * reader rejects them, so the problem is reported when the file is read rather than the value silently lost.
 */
void writeCsv(const Dataset& dataset, const std::function<void(std::string_view)>& write);

/** @brief The whole CSV text of writeCsv() as one string; for small data and tests. */
std::string writeCsv(const Dataset& dataset);

} // namespace gdlab
