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
     * @brief The 1-based physical line and field of a byte, scanning from the start of the text (quotes
     * included). Slow, but only ever run on the way to an error.
     */
    std::pair<long, long> locate(const char* target) const;

    /**
     * @brief Throws the InputError for the first encoding problem, when there is one: a UTF-16 byte-order mark,
     * then the first NUL byte, then the first invalid UTF-8 byte (each located by line and field). What the message
     * says of the file (UTF-16, a ZIP archive) is read from fileStart, the file's first bytes, when the text is a
     * later part of it (a streamed block); by default from the text itself.
     */
    void failOnEncoding(const TextEncoding::Problems& problems, std::optional<std::string_view> fileStart = {}) const;

    /** @brief Throws InputError naming the file, a line and a column. */
    [[noreturn]] void fail(long line, long column, const std::string& detail) const;

private:
    std::string_view m_text;
    const std::string& m_source;
    const char* m_begin;
    const char* m_end;
    char m_delimiter = ',';
};

} // namespace gdlab
