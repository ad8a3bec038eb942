#include "csv_field_reader.h"

#include "csv_cell.h"
#include "csv_text.h"

namespace gdlab {

CsvFieldReader::CsvFieldReader(const CsvText& text, const char* position, long line)
    : m_text(text)
    , m_p(position)
    , m_line(line)
{
}

void CsvFieldReader::moveTo(const char* position, long line)
{
    m_p = position;
    m_line = line;
}

void CsvFieldReader::consumeLineEnd()
{
    const char* const end = m_text.end();
    if (m_p == end)
        return;
    if (*m_p == '\r') {
        ++m_p;
        if (m_p != end && *m_p == '\n')
            ++m_p;
    } else if (*m_p == '\n') {
        ++m_p;
    }
    ++m_line;
}

// Leading blank lines carry no data; skipping them keeps a file that starts with an empty line readable.
void CsvFieldReader::skipBlankLines()
{
    const char* const end = m_text.end();
    while (m_p < end) {
        const char* q = m_p;
        while (q < end && (*q == ' ' || *q == '\t'))
            ++q;
        if (q == end) {
            m_p = q;
            return;
        }
        if (!CsvText::isLineEnd(*q))
            return;
        m_p = q;
        consumeLineEnd();
    }
}

// p points just past an opening quote. Returns the pointer just past the closing quote and appends the unescaped
// content; counts the newlines inside so that line numbers stay physical.
const char* CsvFieldReader::scanQuoted(const char* p, std::string& content)
{
    const char* const end = m_text.end();
    const long openLine = m_line;
    const char* open = p - 1;
    for (;;) {
        const char* q = p;
        while (q < end && *q != '"' && !CsvText::isLineEnd(*q))
            ++q;
        content.append(p, q);
        if (q == end)
            m_text.fail(openLine, m_text.locate(open).second,
                "unterminated quote: the quoted field that starts here never closes");
        if (*q == '"') {
            if (q + 1 < end && q[1] == '"') {
                content.push_back('"');
                p = q + 2;
                continue;
            }
            return q + 1;
        }
        // A newline inside quotes belongs to the field.
        content.push_back('\n');
        if (*q == '\r' && q + 1 < end && q[1] == '\n')
            ++q;
        ++m_line;
        p = q + 1;
    }
}

void CsvFieldReader::failAfterQuote(const char* cellStart, const char* p, long line) const
{
    const char* q = p;
    while (!m_text.atCellEnd(q))
        ++q;
    m_text.fail(line, m_text.locate(cellStart).second,
        "unexpected text after a closing quote: " + CsvCell::quote(std::string_view(p, static_cast<std::size_t>(q - p)))
            + " (a quote inside a quoted field is written as \"\")");
}

std::string_view CsvFieldReader::readField()
{
    const char* p = m_p;
    while (p < m_text.end() && m_text.isSpace(*p))
        ++p;
    if (p < m_text.end() && *p == '"') {
        const long line = m_line;
        const char* cellStart = p;
        m_scratch.clear();
        p = scanQuoted(p + 1, m_scratch);
        while (p < m_text.end() && m_text.isSpace(*p))
            ++p;
        if (!m_text.atCellEnd(p))
            failAfterQuote(cellStart, p, line);
        m_p = p;
        std::string_view content(m_scratch);
        while (!content.empty() && (content.front() == ' ' || content.front() == '\t'))
            content.remove_prefix(1);
        while (!content.empty() && (content.back() == ' ' || content.back() == '\t'))
            content.remove_suffix(1);
        return content;
    }
    const char* start = p;
    while (!m_text.atCellEnd(p))
        ++p;
    m_p = p;
    const char* last = p;
    while (last > start && m_text.isSpace(last[-1]))
        --last;
    return std::string_view(start, static_cast<std::size_t>(last - start));
}

std::vector<std::string> CsvFieldReader::readRowStrings()
{
    std::vector<std::string> cells;
    for (;;) {
        cells.emplace_back(readField());
        if (m_p == m_text.end() || *m_p != m_text.delimiter())
            break;
        ++m_p;
    }
    consumeLineEnd();
    return cells;
}

void CsvFieldReader::skipField()
{
    const char* p = m_p;
    while (p < m_text.end() && m_text.isSpace(*p))
        ++p;
    if (p < m_text.end() && *p == '"') {
        readField();
        return;
    }
    while (!m_text.atCellEnd(p))
        ++p;
    m_p = p;
}

} // namespace gdlab
