#include "binary_target.h"

#include "csv_cell.h"
#include "csv_reader.h"
#include "dataset.h"
#include "input_error.h"

#include <filesystem>
#include <sstream>
#include <string>

namespace gdlab {

namespace {

bool isClass(double value)
{
    return value == 0.0 || value == 1.0;
}

std::string numberText(double value)
{
    std::ostringstream text;
    text.precision(17);
    text << value;
    return text.str();
}

} // namespace

bool isBinaryColumn(const Dataset& dataset, Eigen::Index column)
{
    const auto values = dataset.values().col(column);
    for (Eigen::Index row = 0; row < values.size(); ++row)
        if (!isClass(values[row]))
            return false;
    return true;
}

void requireBinaryColumn(const Dataset& dataset, Eigen::Index column)
{
    const auto values = dataset.values().col(column);
    Eigen::Index row = 0;
    while (row < values.size() && isClass(values[row]))
        ++row;
    if (row == values.size())
        return;
    const std::string& name = dataset.columnNames()[static_cast<std::size_t>(column)];
    const std::string why = " (column '" + name + "'): the target of logistic regression is a class, 0 or 1";
    const std::string& source = dataset.source();
    std::error_code error;
    if (std::filesystem::is_regular_file(source, error)) {
        const auto cell
            = CsvReader::locateCellInFile(source, static_cast<std::size_t>(row), static_cast<std::size_t>(column));
        // Only where the file still says what was read (it may have changed, or the data been edited since).
        double value = 0;
        const auto reads = [&](bool decimalComma) {
            return CsvCell::classify(cell->text, decimalComma, value) == CsvCell::Kind::Number && value == values[row];
        };
        if (cell && (reads(false) || reads(true)))
            throw InputError(source, cell->line, cell->column, CsvCell::quote(cell->text) + " is not 0 or 1" + why);
    }
    throw InputError(source, 0, 0,
        "data row " + std::to_string(row + 1) + " holds " + numberText(values[row]) + ", not 0 or 1" + why);
}

} // namespace gdlab
