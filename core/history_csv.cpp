#include "history_csv.h"

#include "history.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace gdlab {

namespace {

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
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 17);
    out.append(buffer, result.ptr);
}

// "θ3" → "theta3": the CSV header stays ASCII.
std::string columnName(const std::string& symbol)
{
    const std::size_t digits = symbol.find_first_of("0123456789");
    return "theta" + (digits == std::string::npos ? symbol : symbol.substr(digits));
}

} // namespace

std::string formatNumber(double value)
{
    std::string out;
    appendNumber(out, value);
    return out;
}

namespace {

constexpr std::size_t chunkSize = 1 << 20;

} // namespace

std::vector<std::string> HistoryCsvWriter::columnNames(const std::vector<std::string>& parameterSymbols, bool accuracy)
{
    std::vector<std::string> names { "iteration", "epoch", "loss", accuracy ? "accuracy" : "rmse", "grad_norm" };
    for (const std::string& symbol : parameterSymbols)
        names.push_back(columnName(symbol));
    return names;
}

HistoryCsvWriter::HistoryCsvWriter(const std::vector<std::string>& parameterSymbols, Write write, bool accuracy)
    : m_write(std::move(write))
    , m_accuracy(accuracy)
{
    for (const std::string& name : columnNames(parameterSymbols, accuracy))
        m_buffer += (m_buffer.empty() ? "" : ",") + name;
    m_buffer += '\n';
}

HistoryCsvWriter::~HistoryCsvWriter()
{
    flush();
}

void HistoryCsvWriter::writeRows(const History& history, std::size_t first, std::size_t end)
{
    end = std::min(end, history.size());
    for (std::size_t row = first; row < end; ++row) {
        m_buffer += std::to_string(history.iteration(row));
        m_buffer += ',';
        m_buffer += std::to_string(history.epoch(row));
        const double second = m_accuracy ? history.accuracy(row) : history.rmse(row);
        for (double value : { history.loss(row), second, history.gradientNorm(row) }) {
            m_buffer += ',';
            appendNumber(m_buffer, value);
        }
        for (double value : history.theta(row)) {
            m_buffer += ',';
            appendNumber(m_buffer, value);
        }
        m_buffer += '\n';
        if (m_buffer.size() > chunkSize)
            flush();
    }
}

void HistoryCsvWriter::flush()
{
    if (m_buffer.empty())
        return;
    m_write(m_buffer);
    m_buffer.clear();
}

void writeHistoryCsv(
    const History& history, const std::vector<std::string>& parameterSymbols, const HistoryCsvWriter::Write& write)
{
    HistoryCsvWriter writer(parameterSymbols, write, history.keepsAccuracy());
    writer.writeRows(history);
}

} // namespace gdlab
