#pragma once

#include "text_encoding.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace gdlab {

/**
 * @brief The whole text of a CSV file with its delimiter: the character classes every reader of it shares, and
 * errors that name the file.
 */
class CsvText {
public:
    CsvText(std::string_view text, const std::string& source);

    const char* begin() const { return m_begin; }
    const char* end() const { return m_end; }
    std::string_view view() const { return m_text; }
    const std::string& source() const { return m_source; }
    std::size_t offset(const char* p) const { return static_cast<std::size_t>(p - m_begin); }

    char delimiter() const { return m_delimiter; }
    void setDelimiter(char delimiter) { m_delimiter = delimiter; }

    static bool isLineEnd(char c) { return c == '\n' || c == '\r'; }
    /** @brief Spaces around a cell are trimmed; a tab is a space unless it is the delimiter. */
    bool isSpace(char c) const { return (c == ' ' || c == '\t') && c != m_delimiter; }
    bool atCellEnd(const char* p) const { return p == m_end || *p == m_delimiter || isLineEnd(*p); }
    /** @brief Whether nothing but spaces, tabs and line ends follows p. */
    bool restIsBlank(const char* p) const;

    /** @brief ',', ';' or tab, whichever the line at lineStart suggests. */
    char detectDelimiter(const char* lineStart) const;
    /**
     * @brief Where detectDelimiter() stops reading: the line end outside quotes (its quote rule may carry the line
     * over line ends), or the end of the text when there is none.
     */
    const char* delimiterLineEnd(const char* lineStart) const;

    /** @brief Where a scan of the text stands: line and field (1-based) and the quoting state. */
    struct Position {
        long line = 1;
        long field = 1;
        bool inQuotes = false;
        bool fieldHasText = false;
        long rowLine = 1; ///< the line the current row began on

        static Position rowStart(long line) { return Position { line, 1, false, false, line }; }
    };

    /**
     * @brief The 1-based physical line and field of a byte, scanning from the start of the text (quotes
     * included). Slow, but only ever run on the way to an error.
     */
    std::pair<long, long> locate(const char* target) const;
    /** @brief The scan from `from`, standing at `begin`, carried on to `target` (a streamed file's later blocks). */
    Position advance(Position from, const char* begin, const char* target) const;
    /**
     * @brief The same scan, stopped just after the line end that ends the current row (outside quotes), or at
     * `target`: whether a row is whole without reading the rest of a buffer.
     */
    Position advanceRow(Position from, const char* begin, const char* target) const;

    /**
     * @brief Throws the InputError for the first encoding problem, when there is one: a UTF-16 byte-order mark,
     * then the first NUL byte, then the first invalid UTF-8 byte (each located by line and field). When the text is
     * a later part of a file (a streamed block), fileStart is the file's first bytes, which say what the file may be
     * (UTF-16, a ZIP archive), and start is where a scan of the file stands at the text's first byte.
     */
    void failOnEncoding(
        const TextEncoding::Problems& problems, std::optional<std::string_view> fileStart, const Position& start) const;
    /** @brief The same for a text that is the whole file, or whose scan starts at line 1 outside quotes. */
    void failOnEncoding(const TextEncoding::Problems& problems, std::optional<std::string_view> fileStart = {}) const;

    /** @brief Throws InputError naming the file, a line and a column. */
    [[noreturn]] void fail(long line, long column, const std::string& detail) const;

private:
    Position scan(Position from, const char* begin, const char* target, bool oneRow) const;

    std::string_view m_text;
    const std::string& m_source;
    const char* m_begin;
    const char* m_end;
    char m_delimiter = ',';
};

} // namespace gdlab
