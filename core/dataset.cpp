#include "dataset.h"

#include "input_error.h"
#include "problem_accumulator.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace gdlab {

namespace {

// A message listing thousands of columns helps nobody; the first few tell the user what the file looks like.
constexpr std::size_t kMaxListedColumns = 20;

std::string listColumns(const std::vector<std::string>& names)
{
    std::string text;
    const std::size_t shown = std::min(names.size(), kMaxListedColumns);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0)
            text += ", ";
        text += names[i];
    }
    if (names.size() > shown)
        text += ", ... (" + std::to_string(names.size() - shown) + " more)";
    return text;
}

// Positions are written as plain decimal digits; anything else ("+2", "2.0", " 2") is only ever a name.
std::optional<long long> parsePosition(std::string_view text)
{
    if (text.empty() || text.size() > 18)
        return std::nullopt;
    long long value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

Dataset::Dataset(std::vector<std::string> columnNames, Eigen::MatrixXd values, std::string source,
    std::vector<std::string> skippedColumns)
    : m_columnNames(std::move(columnNames))
    , m_values(std::move(values))
    , m_source(std::move(source))
    , m_skippedColumns(std::move(skippedColumns))
{
    // A name per column is what every lookup relies on; a mismatch is a programming error, not bad input.
    if (static_cast<Eigen::Index>(m_columnNames.size()) != m_values.cols())
        throw std::invalid_argument("Dataset: " + std::to_string(m_columnNames.size()) + " column names for "
            + std::to_string(m_values.cols()) + " columns");
}

std::optional<Eigen::Index> Dataset::findColumn(std::string_view nameOrPosition) const
{
    // The name wins, so a column literally called "2" is found even when "2" is also a valid position.
    const auto it = std::find(m_columnNames.begin(), m_columnNames.end(), nameOrPosition);
    if (it != m_columnNames.end())
        return static_cast<Eigen::Index>(it - m_columnNames.begin());

    const std::optional<long long> position = parsePosition(nameOrPosition);
    if (position && *position >= 1 && *position <= static_cast<long long>(m_columnNames.size()))
        return static_cast<Eigen::Index>(*position - 1);
    return std::nullopt;
}

Eigen::Index Dataset::requireColumn(std::string_view nameOrPosition) const
{
    if (const std::optional<Eigen::Index> index = findColumn(nameOrPosition))
        return *index;

    const std::string wanted(nameOrPosition);
    const std::string available = m_columnNames.empty() ? std::string("none") : listColumns(m_columnNames);
    std::string detail;
    if (std::find(m_skippedColumns.begin(), m_skippedColumns.end(), wanted) != m_skippedColumns.end()) {
        detail = "column '" + wanted + "' is not numeric (it was skipped; numeric columns: " + available + ")";
    } else if (parsePosition(wanted)) {
        detail = "no column '" + wanted + "': there " + (m_columnNames.size() == 1 ? "is " : "are ")
            + std::to_string(m_columnNames.size()) + (m_columnNames.size() == 1 ? " column" : " columns")
            + " (columns: " + available + ")";
    } else {
        detail = "no column '" + wanted + "' (columns: " + available + ")";
    }
    throw InputError(m_source, 0, 0, detail);
}

Eigen::Index Dataset::fullRowCount() const
{
    return m_fold ? m_fold->rowCount() : rowCount();
}

} // namespace gdlab
