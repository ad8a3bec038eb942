#include "csv_writer.h"

#include "dataset.h"

#include <charconv>
#include <cmath>

namespace gdlab {

namespace {

// Chunks handed to write(): large enough that a file write per chunk costs nothing, small enough that a
// million-row export never sits in memory as a second copy of the data.
constexpr std::size_t kChunkSize = std::size_t(1) << 20;

void appendNumber(std::string& out, double value)
{
    if (std::isnan(value)) {
        out += "nan";
        return;
    }
    if (std::isinf(value)) {
        out += value > 0 ? "inf" : "-inf";
        return;
    }
    // to_chars is locale-independent and 17 significant digits always round-trip a double.
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 17);
    out.append(buffer, result.ptr);
}

bool needsQuotes(const std::string& name)
{
    if (name.empty())
        return false;
    if (name.front() == ' ' || name.back() == ' ')
        return true;
    return name.find_first_of(",;\t\"\r\n") != std::string::npos;
}

void appendName(std::string& out, const std::string& name)
{
    if (!needsQuotes(name)) {
        out += name;
        return;
    }
    out += '"';
    for (char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

} // namespace

void writeCsv(const Dataset& dataset, const std::function<void(std::string_view)>& write)
{
    std::string chunk;
    chunk.reserve(kChunkSize + 4096);
    const auto& names = dataset.columnNames();
    for (std::size_t c = 0; c < names.size(); ++c) {
        if (c > 0)
            chunk += ',';
        appendName(chunk, names[c]);
    }
    chunk += '\n';

    const Eigen::MatrixXd& values = dataset.values();
    for (Eigen::Index r = 0; r < values.rows(); ++r) {
        for (Eigen::Index c = 0; c < values.cols(); ++c) {
            if (c > 0)
                chunk += ',';
            appendNumber(chunk, values(r, c));
        }
        chunk += '\n';
        if (chunk.size() >= kChunkSize) {
            write(chunk);
            chunk.clear();
        }
    }
    if (!chunk.empty())
        write(chunk);
}

std::string writeCsv(const Dataset& dataset)
{
    std::string text;
    writeCsv(dataset, [&text](std::string_view chunk) { text.append(chunk); });
    return text;
}

} // namespace gdlab
