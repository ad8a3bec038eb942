#pragma once

#include <cstddef>
#include <functional>

namespace gdlab {

class CsvFieldReader;
class CsvLayout;
class CsvText;
struct CsvBlock;

/**
 * @brief The hot loop of CSV reading: parses the data rows of one block into its columns, with no allocation per
 * row or cell (the block's storage doubles when it fills) and numbers read straight from the text by
 * std::from_chars, exactly rounded. Whatever it cannot take on the fast path (quoted cells, decimal commas, every kind
 * of error) goes through CsvFieldReader and CsvCell, exactly as for the first rows.
 *
 * Lines are counted from 0 at the start of the block, so that a block can be parsed before anyone knows on
 * which line it starts; errors carry those relative lines.
 */
class CsvBlockParser {
public:
    /** @brief progress is called now and then with the bytes read since its last call; it may throw to stop. */
    CsvBlockParser(const CsvText& text, const CsvLayout& layout, std::function<void(std::size_t)> progress);

    /**
     * @brief Parses rows from block.start until the first row boundary at or after block.stop, or until the
     * data ends (only blank lines left). Throws InputError for bad data.
     */
    void parse(CsvBlock& block) const;

private:
    const char* parseRow(const char* p, long& line, CsvBlock& block) const;
    double parseSlow(CsvFieldReader& reader, std::size_t column) const;
    [[noreturn]] void failTooMany(CsvFieldReader& reader, long rowLine) const;
    static void grow(CsvBlock& block, std::size_t columns);

    const CsvText& m_text;
    const CsvLayout& m_layout;
    std::function<void(std::size_t)> m_progress;
};

} // namespace gdlab
