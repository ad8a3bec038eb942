#include "csv_block_parser.h"

#include "csv_block.h"
#include "csv_cell.h"
#include "csv_field_reader.h"
#include "csv_layout.h"
#include "csv_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

namespace gdlab {

namespace {

// How often progress hears from a block: rarely enough to cost nothing, often enough for a smooth bar.
constexpr std::ptrdiff_t kProgressBytes = std::ptrdiff_t(1) << 16;
constexpr std::size_t kMinimumCapacity = 16;

} // namespace

CsvBlockParser::CsvBlockParser(const CsvText& text, const CsvLayout& layout, std::function<void(std::size_t)> progress)
    : m_text(text)
    , m_layout(layout)
    , m_progress(std::move(progress))
{
}

void CsvBlockParser::grow(CsvBlock& block, std::size_t columns)
{
    const std::size_t capacity = std::max(kMinimumCapacity, block.capacity * 2);
    // Not zero-filled: every slot is written before it is read, and zeroing hundreds of megabytes costs.
    std::unique_ptr<double[]> values(new double[columns * capacity]);
    for (std::size_t c = 0; c < columns; ++c)
        std::copy_n(block.values.get() + c * block.capacity, block.rows, values.get() + c * capacity);
    block.values = std::move(values);
    block.capacity = capacity;
}

void CsvBlockParser::parse(CsvBlock& block) const
{
    const std::size_t columns = m_layout.numericCount();
    if (block.capacity == 0) {
        const auto bytes = static_cast<std::size_t>(block.stop - block.start);
        block.capacity = std::min(bytes / m_layout.firstRowBytes() + 1, std::size_t(1) << 28);
        block.values.reset(new double[columns * block.capacity]);
    }
    const char* const end = m_text.end();
    const char* p = block.start;
    const char* reported = p;
    long line = 0;
    while (p < block.stop) {
        if (p - reported >= kProgressBytes && m_progress) {
            m_progress(static_cast<std::size_t>(p - reported));
            reported = p;
        }
        // A blank line: the end of the data if nothing follows, an error otherwise.
        const char* q = p;
        while (q < end && m_text.isSpace(*q))
            ++q;
        if (q == end || CsvText::isLineEnd(*q)) {
            if (m_text.restIsBlank(q)) {
                p = end;
                break;
            }
            m_text.fail(line, 0, "empty line in the middle of the data (remove it, or cut the file there)");
        }
        if (block.rows == block.capacity)
            grow(block, columns);
        p = parseRow(p, line, block);
        ++block.rows;
    }
    block.end = p;
    block.lines = line;
    if (m_progress && p > reported)
        m_progress(static_cast<std::size_t>(p - reported));
}

// One row, cell by cell. Numbers are parsed straight from the buffer; the cursor lives in a local (a member
// would be reloaded after every store into the block) and is handed to a CsvFieldReader around the slow paths.
const char* CsvBlockParser::parseRow(const char* p, long& line, CsvBlock& block) const
{
    const std::size_t columnCount = m_layout.columnCount();
    const char delimiter = m_text.delimiter();
    const char* const numeric = m_layout.numeric().data();
    const char* const end = m_text.end();
    const long rowLine = line;
    double* out = block.values.get() + block.rows;
    for (std::size_t c = 0; c < columnCount; ++c) {
        if (c > 0) {
            if (p == end || *p != delimiter)
                m_text.fail(rowLine, static_cast<long>(c) + 1,
                    "too few cells: expected " + std::to_string(columnCount) + ", found " + std::to_string(c));
            ++p;
        }
        if (!numeric[c]) {
            CsvFieldReader reader(m_text, p, line);
            reader.skipField();
            p = reader.position();
            line = reader.line();
            continue;
        }
        while (p < end && m_text.isSpace(*p))
            ++p;
        const char* const cellStart = p;
        if (p < end && *p == '+' && p + 1 < end && p[1] != '-' && p[1] != '+')
            ++p;
        double value;
        const auto [next, ec] = std::from_chars(p, end, value);
        const char* q = next;
        while (q < end && m_text.isSpace(*q))
            ++q;
        if (ec == std::errc() && next != p && std::isfinite(value)
            && (q == end || *q == delimiter || CsvText::isLineEnd(*q))) {
            p = q;
        } else {
            CsvFieldReader reader(m_text, cellStart, line);
            value = parseSlow(reader, c);
            p = reader.position();
            line = reader.line();
        }
        *out = value;
        out += block.capacity;
    }
    if (p < end && *p == delimiter) {
        CsvFieldReader reader(m_text, p, line);
        failTooMany(reader, rowLine);
    }
    if (p < end) {
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
            ++p;
        ++p;
    }
    ++line;
    return p;
}

// Everything the fast path could not take: quoted cells, decimal commas, and every kind of error.
double CsvBlockParser::parseSlow(CsvFieldReader& reader, std::size_t column) const
{
    const long line = reader.line();
    const std::string_view cell = reader.readField();
    const auto columnNumber = static_cast<long>(column) + 1;
    double value = 0;
    const std::string where = " (column '" + m_layout.columnNames()[column] + "')";
    switch (CsvCell::classify(cell, m_layout.decimalComma(), value)) {
    case CsvCell::Kind::Number:
        return value;
    case CsvCell::Kind::Empty:
        m_text.fail(line, columnNumber, "empty cell" + where + ": every cell of a numeric column needs a number");
    case CsvCell::Kind::NotFinite:
        m_text.fail(line, columnNumber, CsvCell::quote(cell) + ": NaN/infinity not allowed" + where);
    case CsvCell::Kind::OutOfRange:
        m_text.fail(line, columnNumber, CsvCell::quote(cell) + " is out of the range of a double" + where);
    case CsvCell::Kind::NotNumber:
        break;
    }
    m_text.fail(line, columnNumber, CsvCell::quote(cell) + " is not a number" + where);
}

void CsvBlockParser::failTooMany(CsvFieldReader& reader, long rowLine) const
{
    const std::size_t expected = m_layout.columnCount();
    std::size_t found = expected;
    while (reader.position() < m_text.end() && *reader.position() == m_text.delimiter()) {
        reader.moveTo(reader.position() + 1, reader.line());
        reader.skipField();
        ++found;
    }
    m_text.fail(rowLine, static_cast<long>(expected) + 1,
        "too many cells: expected " + std::to_string(expected) + ", found " + std::to_string(found));
}

} // namespace gdlab
