#include "csv_text.h"

#include "input_error.h"

#include <cstdio>
#include <cstring>

namespace gdlab {

CsvText::CsvText(std::string_view text, const std::string& source)
    : m_text(text)
    , m_source(source)
    , m_begin(text.data())
    , m_end(text.data() + text.size())
{
}

bool CsvText::restIsBlank(const char* p) const
{
    for (; p < m_end; ++p) {
        if (*p != ' ' && *p != '\t' && !isLineEnd(*p))
            return false;
    }
    return true;
}

namespace {

struct DelimiterCounts {
    std::size_t commas = 0;
    std::size_t semicolons = 0;
    std::size_t tabs = 0;
    const char* lineEnd = nullptr; ///< where the line ended (outside quotes), or the end of the text
};

DelimiterCounts countDelimiters(const char* lineStart, const char* end)
{
    DelimiterCounts counts;
    bool inQuotes = false;
    const char* p = lineStart;
    for (; p < end; ++p) {
        const char c = *p;
        if (c == '"')
            inQuotes = !inQuotes; // "" toggles twice, which is what an escaped quote should do here
        else if (inQuotes)
            continue;
        else if (CsvText::isLineEnd(c))
            break;
        else if (c == ',')
            ++counts.commas;
        else if (c == ';')
            ++counts.semicolons;
        else if (c == '\t')
            ++counts.tabs;
    }
    counts.lineEnd = p;
    return counts;
}

} // namespace

// The most frequent of ',', ';' and tab, except that a line with both ';' and ',' is ';'-separated: ',' there
// is almost always a decimal comma.
char CsvText::detectDelimiter(const char* lineStart) const
{
    const DelimiterCounts counts = countDelimiters(lineStart, m_end);
    if (counts.semicolons > 0 && counts.commas > 0 && counts.semicolons >= counts.tabs)
        return ';';
    if (counts.tabs >= counts.commas && counts.tabs >= counts.semicolons && counts.tabs > 0)
        return '\t';
    if (counts.semicolons > counts.commas)
        return ';';
    return ',';
}

const char* CsvText::delimiterLineEnd(const char* lineStart) const
{
    return countDelimiters(lineStart, m_end).lineEnd;
}

std::pair<long, long> CsvText::locate(const char* target) const
{
    const Position position = advance({}, m_begin, target);
    return { position.line, position.field };
}

CsvText::Position CsvText::advance(Position from, const char* begin, const char* target) const
{
    return scan(from, begin, target, false);
}

CsvText::Position CsvText::advanceRow(Position from, const char* begin, const char* target) const
{
    return scan(from, begin, target, true);
}

CsvText::Position CsvText::scan(Position from, const char* begin, const char* target, bool oneRow) const
{
    Position at = from;
    for (const char* p = begin; p < target; ++p) {
        const char c = *p;
        const bool lineEnd = c == '\n' || (c == '\r' && (p + 1 == m_end || p[1] != '\n'));
        if (at.inQuotes) {
            if (c == '"') {
                if (p + 1 < target && p[1] == '"')
                    ++p;
                else
                    at.inQuotes = false;
            } else if (lineEnd) {
                ++at.line;
            }
        } else if (c == '"' && !at.fieldHasText) {
            at.inQuotes = true;
            at.fieldHasText = true;
        } else if (c == m_delimiter) {
            ++at.field;
            at.fieldHasText = false;
        } else if (lineEnd) {
            ++at.line;
            at.field = 1;
            at.fieldHasText = false;
            at.rowLine = at.line;
            if (oneRow)
                return at;
        } else if (!isSpace(c) && c != '\r') {
            at.fieldHasText = true;
        }
    }
    return at;
}

void CsvText::failOnEncoding(const TextEncoding::Problems& problems, std::optional<std::string_view> fileStart) const
{
    failOnEncoding(problems, fileStart, Position {});
}

void CsvText::failOnEncoding(
    const TextEncoding::Problems& problems, std::optional<std::string_view> fileStart, const Position& start) const
{
    const std::string_view head = fileStart ? *fileStart : m_text;
    const std::size_t size = head.size();
    const auto byte = [head](std::size_t i) { return static_cast<unsigned char>(head[i]); };
    // UTF-16 is what "Unicode text" means in some Windows programs; it is full of NUL bytes, so say what it is
    // rather than calling it binary.
    if (size >= 2 && ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF)))
        fail(0, 0, "UTF-16 text, not UTF-8 (convert it to UTF-8)");
    if (problems.firstNul != TextEncoding::npos) {
        const Position at = advance(start, m_begin, m_begin + problems.firstNul);
        const long line = at.line;
        const long column = at.field;
        if (size >= 4 && std::memcmp(head.data(), "PK\x03\x04", 4) == 0)
            fail(line, column, "binary file, not text: a ZIP archive (an .xlsx spreadsheet?); save it as CSV");
        if (size >= 2 && head[0] != 0 && head[1] == 0)
            fail(line, column, "binary file, not text: it contains NUL bytes (UTF-16 text? convert it to UTF-8)");
        fail(line, column, "binary file, not text: it contains NUL bytes");
    }
    if (problems.firstInvalid != TextEncoding::npos) {
        const Position at = advance(start, m_begin, m_begin + problems.firstInvalid);
        const long line = at.line;
        const long column = at.field;
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(m_begin[problems.firstInvalid]));
        fail(line, column,
            std::string("not UTF-8 text (convert it to UTF-8): invalid byte ") + hex
                + " (the file may be Latin-1 or Windows-1252)");
    }
}

void CsvText::fail(long line, long column, const std::string& detail) const
{
    throw InputError(m_source, line, column, detail);
}

} // namespace gdlab
