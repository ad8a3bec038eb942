#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gdlab {

class History;

/** @brief A double with 17 significant digits (so it round-trips); "nan", "inf", "-inf" spelt plainly. */
std::string formatNumber(double value);

/**
 * @brief Writes a history as CSV, header `iteration,epoch,loss,rmse,grad_norm,theta0,…` (θ named by the
 * parameter symbols, so theta1… without an intercept), one row per state, numbers with 17 significant digits.
 *
 * Rows can be handed over as they are made (writeRows() after every chunk of a streaming run), so a long
 * history never sits in memory, neither as states nor as text: chunks of about 1 MiB go to write.
 */
class HistoryCsvWriter {
public:
    using Write = std::function<void(std::string_view)>;

    /**
     * @brief The header's column names: iteration, epoch, loss, rmse (accuracy for the logistic model), grad_norm,
     * then theta0… by symbol.
     */
    static std::vector<std::string> columnNames(
        const std::vector<std::string>& parameterSymbols, bool accuracy = false);

    /**
     * @brief Writes the header at once. With accuracy (the logistic model), the fourth column is the accuracy in place
     * of the RMSE: `iteration,epoch,loss,accuracy,grad_norm,theta0,…`.
     */
    HistoryCsvWriter(const std::vector<std::string>& parameterSymbols, Write write, bool accuracy = false);
    ~HistoryCsvWriter();

    /** @brief Writes rows [first, end) (end clamped to history.size(); by default every row from first). */
    void writeRows(const History& history, std::size_t first = 0, std::size_t end = static_cast<std::size_t>(-1));
    /** @brief Hands the text still buffered to write (also done by the destructor). */
    void flush();

private:
    Write m_write;
    std::string m_buffer;
    bool m_accuracy = false;
};

/** @brief The whole history as CSV in one call: header and every row (accuracy when the history keeps it). */
void writeHistoryCsv(
    const History& history, const std::vector<std::string>& parameterSymbols, const HistoryCsvWriter::Write& write);

} // namespace gdlab
