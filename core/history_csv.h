#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gdlab {

struct IterationState;

/** @brief A double with 17 significant digits (so it round-trips); "nan", "inf", "-inf" spelt plainly. */
std::string formatNumber(double value);

/**
 * @brief Writes a history as CSV, header `iteration,epoch,loss,rmse,grad_norm,theta0,…` (θ named by the
 * parameter symbols, so theta1… without an intercept), one row per state, numbers with 17 significant digits.
 * Chunks of about 1 MiB go to write, so a long history never sits in memory as one string.
 */
void writeHistoryCsv(const std::vector<IterationState>& history, const std::vector<std::string>& parameterSymbols,
    const std::function<void(std::string_view)>& write);

} // namespace gdlab
