#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gdlab {

class CsvFieldReader;
class CsvText;

/**
 * @brief What the first rows of a CSV file decide for all the others: the column names (from a header, or by
 * position), which columns are numeric (those whose first data cell is a number, or empty), and where the data
 * starts.
 */
class CsvLayout {
public:
    /**
     * @brief Reads the header (when there is one, or when hasHeader is empty and the first row has a non-numeric
     * cell) and looks at the first data row. The reader must stand at the first non-blank line; it is left at
     * the start of the data. Throws InputError when there is no data, no data row or no numeric column.
     */
    static CsvLayout read(const CsvText& text, CsvFieldReader& reader, std::optional<bool> hasHeader);

    const std::vector<std::string>& columnNames() const { return m_columnNames; }
    std::size_t columnCount() const { return m_columnNames.size(); }
    /** @brief 1 for a numeric column, 0 for a text column that is skipped. */
    const std::vector<char>& numeric() const { return m_numeric; }
    std::size_t numericCount() const { return m_numericCount; }
    std::vector<std::string> numericNames() const;
    const std::vector<std::string>& skippedColumns() const { return m_skippedColumns; }
    bool decimalComma() const { return m_decimalComma; }

    const char* dataStart() const { return m_dataStart; }
    long dataLine() const { return m_dataLine; }
    /** @brief Bytes of the first data row and its line end: an estimate of the length of every row. */
    std::size_t firstRowBytes() const { return m_firstRowBytes; }

private:
    void nameColumns(std::vector<std::string> firstRow, bool hasHeader);
    void chooseNumericColumns(const CsvText& text, CsvFieldReader& reader);

    std::vector<std::string> m_columnNames;
    std::vector<char> m_numeric;
    std::size_t m_numericCount = 0;
    std::vector<std::string> m_skippedColumns;
    bool m_decimalComma = false;
    const char* m_dataStart = nullptr;
    long m_dataLine = 0;
    std::size_t m_firstRowBytes = 1;
};

} // namespace gdlab
