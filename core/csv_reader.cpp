#include "csv_reader.h"

#include "input_error.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <new>
#include <system_error>
#include <utility>
#include <vector>

// Decisions that the header leaves open:
// - Newlines inside quoted fields are supported (RFC 4180); line numbers in messages stay physical line numbers,
//   so a cell after a multi-line field reports the line it really starts on.
// - Blank (or all-space) lines before the first row and after the last row are ignored; a blank line between
//   rows is an error, because it usually means two tables were pasted together or data was lost.
// - A cell that is empty in the first data row makes its column numeric, so the user hears "empty cell" instead
//   of losing the column silently.
// - A quote in the middle of an unquoted field is taken literally, as spreadsheets do when they export it.
// - The delimiter is the most frequent of ',', ';' and tab in the first non-empty line, except that a line
//   with both ';' and ',' is ';'-separated: ',' there is almost always a decimal comma.

namespace gdlab {

namespace {

constexpr std::size_t kProgressStep = std::size_t(1) << 20;
constexpr std::size_t kMaxQuotedCell = 40;

enum class NumberKind { Ok, Empty, NotNumber, NotFinite, OutOfRange };

bool isLineEnd(char c)
{
    return c == '\n' || c == '\r';
}

// Quotes a cell for a message: cut to a readable length (on a UTF-8 character boundary) and with control
// characters made visible, so that a stray tab or CR in the data shows up in the message.
std::string quoteCell(std::string_view cell)
{
    bool truncated = false;
    if (cell.size() > kMaxQuotedCell) {
        std::size_t cut = kMaxQuotedCell;
        while (cut > 0 && (static_cast<unsigned char>(cell[cut]) & 0xC0) == 0x80)
            --cut;
        cell = cell.substr(0, cut);
        truncated = true;
    }
    std::string text = "'";
    for (char c : cell) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\t') {
            text += "\\t";
        } else if (c == '\r') {
            text += "\\r";
        } else if (c == '\n') {
            text += "\\n";
        } else if (u < 0x20 || u == 0x7F) {
            static const char hex[] = "0123456789abcdef";
            text += "\\x";
            text += hex[u >> 4];
            text += hex[u & 0xF];
        } else {
            text += c;
        }
    }
    text += truncated ? "...'" : "'";
    return text;
}

// Classifies a trimmed, unquoted cell. Decimal commas are only accepted in ';'-separated files, where ','
// cannot be the delimiter; "1.234,5" and "1,234,5" still fail rather than being misread.
NumberKind parseNumber(std::string_view cell, bool decimalComma, double& value)
{
    if (cell.empty())
        return NumberKind::Empty;
    char buffer[128];
    std::string longCell; // only for cells that do not fit the buffer, so a long number is not misread as text
    const char* first = cell.data();
    const char* last = cell.data() + cell.size();
    if (decimalComma && cell.find(',') != std::string_view::npos) {
        char* copy = buffer;
        if (cell.size() > sizeof buffer) {
            longCell.assign(cell);
            copy = longCell.data();
        } else {
            std::copy(first, last, buffer);
        }
        std::replace(copy, copy + cell.size(), ',', '.');
        first = copy;
        last = copy + cell.size();
    }
    // from_chars does not take a leading '+', which spreadsheets write; "+-1" must still fail.
    if (*first == '+') {
        ++first;
        if (first == last || *first == '+' || *first == '-')
            return NumberKind::NotNumber;
    }
    const auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec == std::errc::result_out_of_range && ptr == last)
        return NumberKind::OutOfRange;
    if (ec != std::errc() || ptr != last)
        return NumberKind::NotNumber;
    return std::isfinite(value) ? NumberKind::Ok : NumberKind::NotFinite;
}

// Whether a cell reads as a number of any kind, NaN and out-of-range values included: those make a first row
// data (and then an error), not a header.
bool looksNumeric(std::string_view cell, bool decimalComma)
{
    double value = 0;
    const NumberKind kind = parseNumber(cell, decimalComma, value);
    return kind == NumberKind::Ok || kind == NumberKind::NotFinite || kind == NumberKind::OutOfRange;
}

// Offset of the first byte that does not start a valid UTF-8 sequence (overlong forms, surrogates and code
// points above U+10FFFF are invalid), or npos. ASCII, by far the common case, goes eight bytes at a time.
std::size_t firstInvalidUtf8(std::string_view text)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length;
        std::uint32_t codePoint;
        std::uint32_t minimum;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            codePoint = c & 0x1F;
            minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            codePoint = c & 0x0F;
            minimum = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            codePoint = c & 0x07;
            minimum = 0x10000;
        } else {
            return i;
        }
        if (i + length > n)
            return i;
        for (std::size_t k = 1; k < length; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (s[i + k] & 0x3F);
        }
        if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return i;
        i += length;
    }
    return std::string_view::npos;
}

class Parser {
public:
    Parser(std::string_view text, const std::string& source, const CsvOptions& options)
        : m_text(text)
        , m_source(source)
        , m_options(options)
        , m_begin(text.data())
        , m_end(text.data() + text.size())
        , m_p(text.data())
    {
    }

    Dataset run();

private:
    [[noreturn]] void fail(long line, long column, const std::string& detail) const
    {
        throw InputError(m_source, line, column, detail);
    }

    bool isSpace(char c) const { return (c == ' ' || c == '\t') && c != m_delimiter; }
    bool atCellEnd(const char* p) const { return p == m_end || *p == m_delimiter || isLineEnd(*p); }

    void checkEncoding();
    char detectDelimiter(const char* lineStart) const;
    std::pair<long, long> locate(const char* target) const;

    void skipBlankLines();
    bool restIsBlank(const char* p) const;
    void consumeLineEnd();

    const char* scanQuoted(const char* p, std::string* content);
    std::string_view readField(std::string& scratch, bool& quoted);
    std::vector<std::string> readRowStrings();

    void skipField();
    double parseNumericSlow(const char* cellStart, long column);
    void parseRows(std::vector<double>& values, std::size_t& rows);
    [[noreturn]] void failTooMany(long rowLine);
    void reportProgress(bool force);

    std::string_view m_text;
    const std::string& m_source;
    const CsvOptions& m_options;
    const char* m_begin;
    const char* m_end;
    const char* m_p;
    long m_line = 1;
    char m_delimiter = ',';
    bool m_decimalComma = false;
    std::vector<std::string> m_columnNames;
    std::vector<char> m_numeric;
    std::string m_scratch;
    std::size_t m_nextProgress = kProgressStep;
};

// The 1-based line and field of a byte, for errors found before parsing (NUL bytes, invalid UTF-8). Slow, but
// only ever run once, on the way to an error.
std::pair<long, long> Parser::locate(const char* target) const
{
    long line = 1;
    long field = 1;
    bool inQuotes = false;
    bool fieldHasText = false;
    for (const char* p = m_begin; p < target; ++p) {
        const char c = *p;
        if (inQuotes) {
            if (c == '"') {
                if (p + 1 < target && p[1] == '"')
                    ++p;
                else
                    inQuotes = false;
            } else if (c == '\n' || (c == '\r' && (p + 1 == m_end || p[1] != '\n'))) {
                ++line;
            }
        } else if (c == '"' && !fieldHasText) {
            inQuotes = true;
            fieldHasText = true;
        } else if (c == m_delimiter) {
            ++field;
            fieldHasText = false;
        } else if (c == '\n' || (c == '\r' && (p + 1 == m_end || p[1] != '\n'))) {
            ++line;
            field = 1;
            fieldHasText = false;
        } else if (!isSpace(c) && c != '\r') {
            fieldHasText = true;
        }
    }
    return { line, field };
}

void Parser::checkEncoding()
{
    const std::size_t size = static_cast<std::size_t>(m_end - m_begin);
    // UTF-16 is what "Unicode text" means in some Windows programs; it is full of NUL bytes, so say what it is
    // rather than calling it binary.
    if (size >= 2
        && ((static_cast<unsigned char>(m_begin[0]) == 0xFF && static_cast<unsigned char>(m_begin[1]) == 0xFE)
            || (static_cast<unsigned char>(m_begin[0]) == 0xFE && static_cast<unsigned char>(m_begin[1]) == 0xFF)))
        fail(0, 0, "UTF-16 text, not UTF-8 (convert it to UTF-8)");

    if (const void* nul = std::memchr(m_begin, 0, size)) {
        const auto [line, column] = locate(static_cast<const char*>(nul));
        if (size >= 4 && std::memcmp(m_begin, "PK\x03\x04", 4) == 0)
            fail(line, column, "binary file, not text: a ZIP archive (an .xlsx spreadsheet?); save it as CSV");
        if (size >= 2 && m_begin[0] != 0 && m_begin[1] == 0)
            fail(line, column, "binary file, not text: it contains NUL bytes (UTF-16 text? convert it to UTF-8)");
        fail(line, column, "binary file, not text: it contains NUL bytes");
    }

    const std::size_t bad = firstInvalidUtf8(m_text.substr(static_cast<std::size_t>(m_p - m_begin)));
    if (bad != std::string_view::npos) {
        const auto [line, column] = locate(m_p + bad);
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(m_p[bad]));
        fail(line, column,
            std::string("not UTF-8 text (convert it to UTF-8): invalid byte ") + hex
                + " (the file may be Latin-1 or Windows-1252)");
    }
}

char Parser::detectDelimiter(const char* lineStart) const
{
    std::size_t commas = 0;
    std::size_t semicolons = 0;
    std::size_t tabs = 0;
    bool inQuotes = false;
    for (const char* p = lineStart; p < m_end; ++p) {
        const char c = *p;
        if (c == '"')
            inQuotes = !inQuotes; // "" toggles twice, which is what an escaped quote should do here
        else if (inQuotes)
            continue;
        else if (isLineEnd(c))
            break;
        else if (c == ',')
            ++commas;
        else if (c == ';')
            ++semicolons;
        else if (c == '\t')
            ++tabs;
    }
    if (semicolons > 0 && commas > 0 && semicolons >= tabs)
        return ';';
    if (tabs >= commas && tabs >= semicolons && tabs > 0)
        return '\t';
    if (semicolons > commas)
        return ';';
    return ',';
}

bool Parser::restIsBlank(const char* p) const
{
    for (; p < m_end; ++p) {
        if (*p != ' ' && *p != '\t' && !isLineEnd(*p))
            return false;
    }
    return true;
}

void Parser::consumeLineEnd()
{
    if (m_p == m_end)
        return;
    if (*m_p == '\r') {
        ++m_p;
        if (m_p != m_end && *m_p == '\n')
            ++m_p;
    } else if (*m_p == '\n') {
        ++m_p;
    }
    ++m_line;
}

// Leading blank lines carry no data; skipping them keeps a file that starts with an empty line readable.
void Parser::skipBlankLines()
{
    while (m_p < m_end) {
        const char* q = m_p;
        while (q < m_end && (*q == ' ' || *q == '\t'))
            ++q;
        if (q == m_end) {
            m_p = q;
            return;
        }
        if (!isLineEnd(*q))
            return;
        m_p = q;
        consumeLineEnd();
    }
}

// p points just past an opening quote. Returns the pointer just past the closing quote; copies the unescaped
// content to *content when asked; counts the newlines inside so that line numbers stay physical.
const char* Parser::scanQuoted(const char* p, std::string* content)
{
    const long openLine = m_line;
    const char* open = p - 1;
    for (;;) {
        const char* q = p;
        while (q < m_end && *q != '"' && !isLineEnd(*q))
            ++q;
        if (content)
            content->append(p, q);
        if (q == m_end) {
            fail(openLine, locate(open).second, "unterminated quote: the quoted field that starts here never closes");
        }
        if (*q == '"') {
            if (q + 1 < m_end && q[1] == '"') {
                if (content)
                    content->push_back('"');
                p = q + 2;
                continue;
            }
            return q + 1;
        }
        // A newline inside quotes belongs to the field.
        if (content)
            content->push_back('\n');
        if (*q == '\r' && q + 1 < m_end && q[1] == '\n')
            ++q;
        ++m_line;
        p = q + 1;
    }
}

// Reads one field at m_p, leaving m_p at the delimiter or line end after it. The returned view is trimmed and
// unquoted; it points into the text or into scratch.
std::string_view Parser::readField(std::string& scratch, bool& quoted)
{
    const char* p = m_p;
    while (p < m_end && isSpace(*p))
        ++p;
    quoted = p < m_end && *p == '"';
    if (quoted) {
        const long line = m_line;
        const char* cellStart = p;
        scratch.clear();
        p = scanQuoted(p + 1, &scratch);
        while (p < m_end && isSpace(*p))
            ++p;
        if (!atCellEnd(p)) {
            const char* q = p;
            while (!atCellEnd(q))
                ++q;
            fail(line, locate(cellStart).second,
                "unexpected text after a closing quote: " + quoteCell(std::string_view(p, q - p))
                    + " (a quote inside a quoted field is written as \"\")");
        }
        m_p = p;
        std::string_view content(scratch);
        while (!content.empty() && (content.front() == ' ' || content.front() == '\t'))
            content.remove_prefix(1);
        while (!content.empty() && (content.back() == ' ' || content.back() == '\t'))
            content.remove_suffix(1);
        return content;
    }
    const char* start = p;
    while (!atCellEnd(p))
        ++p;
    m_p = p;
    const char* last = p;
    while (last > start && isSpace(last[-1]))
        --last;
    return std::string_view(start, static_cast<std::size_t>(last - start));
}

std::vector<std::string> Parser::readRowStrings()
{
    std::vector<std::string> cells;
    for (;;) {
        bool quoted = false;
        cells.emplace_back(readField(m_scratch, quoted));
        if (m_p == m_end || *m_p != m_delimiter)
            break;
        ++m_p;
    }
    consumeLineEnd();
    return cells;
}

void Parser::skipField()
{
    const char* p = m_p;
    while (p < m_end && isSpace(*p))
        ++p;
    if (p < m_end && *p == '"') {
        bool quoted = false;
        readField(m_scratch, quoted);
        return;
    }
    while (!atCellEnd(p))
        ++p;
    m_p = p;
}

// Everything the fast path could not take: quoted cells, decimal commas, and every kind of error.
double Parser::parseNumericSlow(const char* cellStart, long column)
{
    m_p = cellStart;
    const long line = m_line;
    bool quoted = false;
    const std::string_view cell = readField(m_scratch, quoted);
    double value = 0;
    const std::string where = " (column '" + m_columnNames[static_cast<std::size_t>(column - 1)] + "')";
    switch (parseNumber(cell, m_decimalComma, value)) {
    case NumberKind::Ok:
        return value;
    case NumberKind::Empty:
        fail(line, column, "empty cell" + where + ": every cell of a numeric column needs a number");
    case NumberKind::NotFinite:
        fail(line, column, quoteCell(cell) + ": NaN/infinity not allowed" + where);
    case NumberKind::OutOfRange:
        fail(line, column, quoteCell(cell) + " is out of the range of a double" + where);
    case NumberKind::NotNumber:
        break;
    }
    fail(line, column, quoteCell(cell) + " is not a number" + where);
}

void Parser::failTooMany(long rowLine)
{
    std::size_t found = m_columnNames.size();
    while (m_p < m_end && *m_p == m_delimiter) {
        ++m_p;
        skipField();
        ++found;
    }
    fail(rowLine, static_cast<long>(m_columnNames.size()) + 1,
        "too many cells: expected " + std::to_string(m_columnNames.size()) + ", found " + std::to_string(found));
}

void Parser::reportProgress(bool force)
{
    if (!m_options.progress)
        return;
    const auto done = static_cast<std::size_t>(m_p - m_begin);
    if (!force && done < m_nextProgress)
        return;
    m_nextProgress = done + kProgressStep;
    if (!m_options.progress(done, m_text.size()))
        throw OperationCancelled();
}

// The hot loop: no allocation per cell, numbers parsed straight from the buffer. The cursor lives in a local
// (members would be reloaded after every store into values); it is synced with m_p around the slow paths.
void Parser::parseRows(std::vector<double>& values, std::size_t& rows)
{
    const std::size_t columnCount = m_columnNames.size();
    const char delimiter = m_delimiter;
    const bool tabIsSpace = delimiter != '\t';
    const auto space = [tabIsSpace](char c) { return c == ' ' || (c == '\t' && tabIsSpace); };
    const char* const numeric = m_numeric.data();
    const char* const end = m_end;
    const char* p = m_p;
    while (p < end) {
        if (static_cast<std::size_t>(p - m_begin) >= m_nextProgress) {
            m_p = p;
            reportProgress(false);
        }

        // A blank line: the end of the data if nothing follows, an error otherwise.
        {
            const char* q = p;
            while (q < end && space(*q))
                ++q;
            if (q == end || isLineEnd(*q)) {
                if (restIsBlank(q)) {
                    p = end;
                    break;
                }
                fail(m_line, 0, "empty line in the middle of the data (remove it, or cut the file there)");
            }
        }

        const long rowLine = m_line;
        for (std::size_t c = 0; c < columnCount; ++c) {
            if (c > 0) {
                if (p == end || *p != delimiter) {
                    fail(rowLine, static_cast<long>(c) + 1,
                        "too few cells: expected " + std::to_string(columnCount) + ", found " + std::to_string(c));
                }
                ++p;
            }
            if (!numeric[c]) {
                m_p = p;
                skipField();
                p = m_p;
                continue;
            }
            while (p < end && space(*p))
                ++p;
            const char* const cellStart = p;
            if (p < end && *p == '+' && p + 1 < end && p[1] != '-' && p[1] != '+')
                ++p;
            double value;
            const auto [next, ec] = std::from_chars(p, end, value);
            if (ec == std::errc() && next != p && std::isfinite(value)) {
                const char* q = next;
                while (q < end && space(*q))
                    ++q;
                if (q == end || *q == delimiter || isLineEnd(*q)) {
                    values.push_back(value);
                    p = q;
                    continue;
                }
            }
            values.push_back(parseNumericSlow(cellStart, static_cast<long>(c) + 1));
            p = m_p;
        }
        if (p < end && *p == delimiter) {
            m_p = p;
            failTooMany(rowLine);
        }
        if (p < end) {
            if (*p == '\r' && p + 1 < end && p[1] == '\n')
                ++p;
            ++p;
        }
        ++m_line;
        ++rows;
    }
    m_p = p;
}

Dataset Parser::run()
{
    // A UTF-8 byte-order mark is what Excel writes at the start of "CSV UTF-8"; it is not part of the header.
    if (m_text.size() >= 3 && std::memcmp(m_begin, "\xEF\xBB\xBF", 3) == 0)
        m_p += 3;

    m_delimiter = m_options.delimiter;
    if (m_delimiter == '"' || isLineEnd(m_delimiter) || m_delimiter == ' ')
        throw InputError(m_source, 0, 0, "invalid delimiter (use ',', ';' or a tab)");

    // Find the first non-empty line for delimiter detection, before any encoding check so that errors there
    // can be located by field.
    skipBlankLines();
    if (m_delimiter == 0)
        m_delimiter = detectDelimiter(m_p);
    m_decimalComma = m_delimiter == ';';

    checkEncoding();

    if (m_p == m_end)
        fail(0, 0, "empty file: there is no data in it");

    const long firstLine = m_line;
    const char* firstRowStart = m_p;
    std::vector<std::string> firstRow = readRowStrings();

    bool hasHeader;
    if (m_options.hasHeader) {
        hasHeader = *m_options.hasHeader;
    } else {
        hasHeader = std::any_of(firstRow.begin(), firstRow.end(),
            [this](const std::string& cell) { return !looksNumeric(cell, m_decimalComma); });
    }

    if (hasHeader) {
        m_columnNames = std::move(firstRow);
        for (std::size_t i = 0; i < m_columnNames.size(); ++i) {
            if (m_columnNames[i].empty())
                m_columnNames[i] = "column " + std::to_string(i + 1);
        }
        // A blank line between the header and the data is left for parseRows() to report.
        if (restIsBlank(m_p))
            fail(firstLine, 0, "no data rows: the file has only a header");
    } else {
        for (std::size_t i = 0; i < firstRow.size(); ++i)
            m_columnNames.push_back("column " + std::to_string(i + 1));
        m_p = firstRowStart;
        m_line = firstLine;
    }

    // The first data row decides which columns are numeric; a text column is skipped, not an error.
    const long dataLine = m_line;
    const char* dataStart = m_p;
    const std::vector<std::string> firstData = readRowStrings();
    m_numeric.assign(m_columnNames.size(), 1);
    std::vector<std::string> skipped;
    for (std::size_t i = 0; i < m_columnNames.size() && i < firstData.size(); ++i) {
        if (!firstData[i].empty() && !looksNumeric(firstData[i], m_decimalComma)) {
            m_numeric[i] = 0;
            skipped.push_back(m_columnNames[i]);
        }
    }
    const auto numericCount = static_cast<std::size_t>(std::count(m_numeric.begin(), m_numeric.end(), 1));
    if (numericCount == 0) {
        std::string names;
        for (const std::string& name : m_columnNames)
            names += (names.empty() ? "" : ", ") + name;
        fail(dataLine, 0, "no numeric column: the first data row has no number in it (columns: " + names + ")");
    }
    m_p = dataStart;
    m_line = dataLine;

    std::vector<double> values;
    {
        // Reserve from the length of the first data row, so the vector does not keep regrowing on big files.
        const char* q = dataStart;
        while (q < m_end && !isLineEnd(*q))
            ++q;
        const auto firstLength = static_cast<std::size_t>(q - dataStart) + 1;
        const std::size_t estimatedRows = static_cast<std::size_t>(m_end - dataStart) / firstLength + 16;
        values.reserve(std::min(estimatedRows, std::size_t(1) << 28) * numericCount);
    }
    std::size_t rows = 0;
    reportProgress(true);
    parseRows(values, rows);
    reportProgress(true);

    std::vector<std::string> names;
    names.reserve(numericCount);
    for (std::size_t i = 0; i < m_columnNames.size(); ++i) {
        if (m_numeric[i])
            names.push_back(m_columnNames[i]);
    }
    // Read the row-major values once, in order, writing one sequential stream per column; Eigen's generic
    // transposing copy walks the source once per column instead, several times slower on big files.
    Eigen::MatrixXd matrix(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(numericCount));
    double* const out = matrix.data();
    const double* in = values.data();
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < numericCount; ++c)
            out[c * rows + r] = *in++;
    }
    return Dataset(std::move(names), std::move(matrix), m_source, std::move(skipped));
}

} // namespace

Dataset CsvReader::readFile(const std::string& path, const CsvOptions& options)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw InputError(path, 0, 0, "cannot open file: it is a directory");

    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file)
        throw InputError(path, 0, 0, std::string("cannot open file: ") + std::strerror(errno));

    // One read into an uninitialised buffer of the file's size: a std::string would first zero-fill it, a
    // noticeable cost on a file of hundreds of megabytes. Files whose size is not known in advance (pipes,
    // /proc) or that grow while being read go on in chunks.
    std::unique_ptr<char[]> buffer;
    std::size_t length = 0;
    std::string streamed;
    try {
        const std::uintmax_t size = std::filesystem::file_size(path, ec);
        if (!ec && size > 0) {
            buffer.reset(new char[static_cast<std::size_t>(size)]);
            length = std::fread(buffer.get(), 1, static_cast<std::size_t>(size), file.get());
        }
        char chunk[65536];
        std::size_t n;
        while ((n = std::fread(chunk, 1, sizeof chunk, file.get())) > 0) {
            if (streamed.empty() && buffer) {
                streamed.assign(buffer.get(), length);
                buffer.reset();
            }
            streamed.append(chunk, n);
        }
    } catch (const std::bad_alloc&) {
        throw InputError(path, 0, 0, "file too large to load into memory");
    }
    if (std::ferror(file.get()))
        throw InputError(path, 0, 0, std::string("cannot read file: ") + std::strerror(errno));

    const std::string_view text = buffer ? std::string_view(buffer.get(), length) : std::string_view(streamed);
    return parse(text, path, options);
}

Dataset CsvReader::parse(std::string_view text, const std::string& sourceName, const CsvOptions& options)
{
    Parser parser(text, sourceName, options);
    return parser.run();
}

} // namespace gdlab
