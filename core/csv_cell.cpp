#include "csv_cell.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace gdlab {

namespace {

constexpr std::size_t kMaxQuotedCell = 40;
constexpr std::size_t kCommaBuffer = 128;

} // namespace

CsvCell::Kind CsvCell::classify(std::string_view cell, bool decimalComma, double& value)
{
    if (cell.empty())
        return Kind::Empty;
    char buffer[kCommaBuffer];
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
            return Kind::NotNumber;
    }
    const auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec == std::errc::result_out_of_range && ptr == last)
        return Kind::OutOfRange;
    if (ec != std::errc() || ptr != last)
        return Kind::NotNumber;
    return std::isfinite(value) ? Kind::Number : Kind::NotFinite;
}

bool CsvCell::looksNumeric(std::string_view cell, bool decimalComma)
{
    double value = 0;
    const Kind kind = classify(cell, decimalComma, value);
    return kind == Kind::Number || kind == Kind::NotFinite || kind == Kind::OutOfRange;
}

std::string CsvCell::quote(std::string_view cell)
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

} // namespace gdlab
