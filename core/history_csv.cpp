#include "history_csv.h"

#include "iteration_state.h"

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

void writeHistoryCsv(const std::vector<IterationState>& history, const std::vector<std::string>& parameterSymbols,
    const std::function<void(std::string_view)>& write)
{
    constexpr std::size_t chunkSize = 1 << 20;
    std::string chunk = "iteration,epoch,loss,rmse,grad_norm";
    for (const std::string& symbol : parameterSymbols)
        chunk += "," + columnName(symbol);
    chunk += '\n';
    for (const IterationState& state : history) {
        chunk += std::to_string(state.iteration);
        chunk += ',';
        chunk += std::to_string(state.epoch);
        for (double value : { state.loss, state.rmse, state.gradientNorm }) {
            chunk += ',';
            appendNumber(chunk, value);
        }
        for (Eigen::Index p = 0; p < state.theta.size(); ++p) {
            chunk += ',';
            appendNumber(chunk, state.theta[p]);
        }
        chunk += '\n';
        if (chunk.size() > chunkSize) {
            write(chunk);
            chunk.clear();
        }
    }
    write(chunk);
}

} // namespace gdlab
