#pragma once

#include "dataset.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace gdlab {

/** @brief How to read a CSV file; every field left empty is detected from the text. */
struct CsvOptions {
    /** @brief ',', ';' or '\t'; 0 detects it from the first line. */
    char delimiter = 0;
    /** @brief Whether the first row names the columns; empty detects it (a header has a non-numeric cell). */
    std::optional<bool> hasHeader;
    /**
     * @brief Called now and then with the bytes parsed so far and the total; returning false cancels the read
     * (the reader then throws OperationCancelled).
     */
    std::function<bool(std::size_t done, std::size_t total)> progress;
    /**
     * @brief Threads that parse the data rows: 0 chooses (two on a file of a megabyte or more, when the machine
     * has two cores). The result is the same, bit for bit and error for error, whatever the number.
     */
    unsigned threads = 0;
    /**
     * @brief Bytes of data per block handed to a thread, cut at the next row boundary; 0 chooses. Tests and the
     * fuzzer set a few bytes to make every row boundary a block boundary on small inputs.
     */
    std::size_t blockBytes = 0;
};

/** @brief Where a cell of a CSV file is: its 1-based line and column (field), and its text (trimmed, unquoted). */
struct CsvCellLocation {
    long line = 0;
    long column = 0;
    std::string text;
};

/**
 * @brief Reads delimited text into a Dataset, exactly and independently of the locale.
 *
 * Handles a UTF-8 byte-order mark, LF/CRLF/CR line ends, quoted fields, decimal commas in ';'-separated
 * files and blank lines at the end. Every number is parsed with std::from_chars, so "0.1" is the double
 * nearest to 0.1 whatever the locale. Large files are parsed on two threads
 * (CsvBlockScheduler) with the same result as on one. A column is numeric when its first data cell is a number; text
 * columns are skipped (and listed in Dataset::skippedColumns()). Anything else that is wrong throws InputError naming
 * the file, the 1-based line and column and what is wrong: an empty or non-numeric cell in a numeric column,
 * NaN or infinity, a row with too few or too many cells, no numeric column, no data row, a file that is not
 * UTF-8 text. Nothing is ever silently turned into 0.
 */
class CsvReader {
public:
    /** @brief Reads a whole file; an unreadable file throws InputError naming it. */
    static Dataset readFile(const std::string& path, const CsvOptions& options = {});
    /** @brief Parses text already in memory; sourceName is used in messages. */
    static Dataset parse(std::string_view text, const std::string& sourceName, const CsvOptions& options = {});

    /**
     * @brief Finds the cell of data row row (0-based) in numeric column column (0-based, as in the Dataset that
     * parse() makes of the same text with default options), reading the text again: for a message about a value that
     * was read well but is wrong for its use. Nothing when the text has no such cell.
     */
    static std::optional<CsvCellLocation> locateCell(
        std::string_view text, const std::string& sourceName, std::size_t row, std::size_t column);
    /** @brief The same in a file; nothing when it cannot be read or has no such cell. */
    static std::optional<CsvCellLocation> locateCellInFile(
        const std::string& path, std::size_t row, std::size_t column);
};

} // namespace gdlab
