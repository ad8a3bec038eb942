#include "csv_layout.h"

#include "csv_cell.h"
#include "csv_field_reader.h"
#include "csv_text.h"

#include <algorithm>
#include <utility>

namespace gdlab {

CsvLayout CsvLayout::read(const CsvText& text, CsvFieldReader& reader, std::optional<bool> hasHeader)
{
    CsvLayout layout;
    layout.m_decimalComma = text.delimiter() == ';';
    if (reader.position() == text.end())
        text.fail(0, 0, "empty file: there is no data in it");

    const long firstLine = reader.line();
    const char* firstRowStart = reader.position();
    std::vector<std::string> firstRow = reader.readRowStrings();
    const bool header
        = hasHeader ? *hasHeader : std::any_of(firstRow.begin(), firstRow.end(), [&](const std::string& cell) {
              return !CsvCell::looksNumeric(cell, layout.m_decimalComma);
          });
    layout.nameColumns(std::move(firstRow), header);
    if (header) {
        // A blank line between the header and the data is left for the data rows to report.
        if (text.restIsBlank(reader.position()))
            text.fail(firstLine, 0, "no data rows: the file has only a header");
    } else {
        reader.moveTo(firstRowStart, firstLine);
    }
    layout.chooseNumericColumns(text, reader);
    return layout;
}

void CsvLayout::nameColumns(std::vector<std::string> firstRow, bool hasHeader)
{
    if (hasHeader) {
        m_columnNames = std::move(firstRow);
        for (std::size_t i = 0; i < m_columnNames.size(); ++i) {
            if (m_columnNames[i].empty())
                m_columnNames[i] = "column " + std::to_string(i + 1);
        }
        return;
    }
    for (std::size_t i = 0; i < firstRow.size(); ++i)
        m_columnNames.push_back("column " + std::to_string(i + 1));
}

// The first data row decides which columns are numeric; a text column is skipped, not an error. A cell that is
// empty there makes its column numeric, so the user hears "empty cell" instead of losing the column silently.
void CsvLayout::chooseNumericColumns(const CsvText& text, CsvFieldReader& reader)
{
    m_dataLine = reader.line();
    m_dataStart = reader.position();
    const std::vector<std::string> firstData = reader.readRowStrings();
    m_numeric.assign(m_columnNames.size(), 1);
    for (std::size_t i = 0; i < m_columnNames.size() && i < firstData.size(); ++i) {
        if (!firstData[i].empty() && !CsvCell::looksNumeric(firstData[i], m_decimalComma)) {
            m_numeric[i] = 0;
            m_skippedColumns.push_back(m_columnNames[i]);
        }
    }
    m_numericCount = static_cast<std::size_t>(std::count(m_numeric.begin(), m_numeric.end(), 1));
    if (m_numericCount == 0) {
        std::string names;
        for (const std::string& name : m_columnNames)
            names += (names.empty() ? "" : ", ") + name;
        text.fail(m_dataLine, 0, "no numeric column: the first data row has no number in it (columns: " + names + ")");
    }
    // Up to the first line end (quotes aside): what the old reader used to size its buffer.
    const char* q = m_dataStart;
    while (q < text.end() && !CsvText::isLineEnd(*q))
        ++q;
    m_firstRowBytes = static_cast<std::size_t>(q - m_dataStart) + 1;
    reader.moveTo(m_dataStart, m_dataLine);
}

std::vector<std::string> CsvLayout::numericNames() const
{
    std::vector<std::string> names;
    names.reserve(m_numericCount);
    for (std::size_t i = 0; i < m_columnNames.size(); ++i) {
        if (m_numeric[i])
            names.push_back(m_columnNames[i]);
    }
    return names;
}

} // namespace gdlab
