#pragma once

#include <QJsonArray>
#include <QJsonObject>

#include <string>
#include <vector>

namespace gdlab {

class Problem;
struct Run;

/**
 * @brief A run's data, columns and settings as JSON: the parts that an exported history's settings file and a saved
 * session share (HistorySettingsJson, SessionFile), so that both read the same.
 *
 * ```
 * "data": {"lesson": NAME | null, "title": TEXT, "source": TEXT, "rows": n, "columns": [...],
 *          "values": [[...], ...]},            # "values" only when asked for: the data as fitted
 * "problem": {"target": NAME, "features": [...], "intercept": true, "standardize": false, "parameters": [...]},
 * "settings": {"model", "loss", "method", "batch_size", "shuffle", "seed", "learning_rate", "iterations",
 *              "tolerance", "init": "zeros" | "random" | [θ0, ...],
 *              "optimizer": {"name", "momentum", "beta1", "beta2", "rho", "eps"}, "ghost_iterations": [...]}
 * ```
 */
class RunJson {
public:
    /** @brief Where the data came from, its columns and, withValues, every row. */
    static QJsonObject data(const Run& run, bool withValues);
    /** @brief The columns chosen (by name), the intercept and the scaling. */
    static QJsonObject problem(const Problem& problem);
    /** @brief Every solver setting, and the ghost iterations. */
    static QJsonObject settings(const Run& run);
    /** @brief ["a", "b", …]. */
    static QJsonArray strings(const std::vector<std::string>& values);
};

} // namespace gdlab
