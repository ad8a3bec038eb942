#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gdlab {

class CsvText;

/**
 * @brief A cursor over a CsvText that reads whole fields, quoted ones included, and keeps physical line numbers:
 * a newline inside quotes belongs to the field but still counts as a line, so that a cell after a multi-line
 * field reports the line it really starts on.
 */
class CsvFieldReader {
public:
    CsvFieldReader(const CsvText& text, const char* position, long line);

    const char* position() const { return m_p; }
    long line() const { return m_line; }
    void moveTo(const char* position, long line);

    /** @brief Steps over one line end (LF, CRLF or CR) at the cursor, if there is one, and counts the line. */
    void consumeLineEnd();
    /** @brief Steps over blank (or all-space) lines. */
    void skipBlankLines();

    /**
     * @brief Reads the field at the cursor and leaves the cursor at the delimiter or line end after it. The view is
     * trimmed and unquoted; it points into the text or into the reader's scratch buffer, valid until the next read.
     */
    std::string_view readField();
    /** @brief Reads a whole row and the line end after it. */
    std::vector<std::string> readRowStrings();
    /** @brief Steps over the field at the cursor. */
    void skipField();

private:
    const char* scanQuoted(const char* p, std::string& content);
    [[noreturn]] void failAfterQuote(const char* cellStart, const char* p, long line) const;

    const CsvText& m_text;
    const char* m_p;
    long m_line;
    std::string m_scratch;
};

} // namespace gdlab
