#pragma once

#include <QJsonObject>

namespace gdlab {

struct Run;

/**
 * @brief What produced an exported history, as JSON beside its CSV: the data (lesson or file, its columns, the
 * rows themselves when the user edited points), the columns chosen, and every setting of the descent.
 *
 * ```
 * {"format": "gdlab-history-settings", "version": 1,
 *  "history": {"rows": N, "columns": ["iteration", "epoch", "loss", "rmse", "grad_norm", "theta0", ...],
 *              "theta_space": "original" | "standardized"},
 *  "data": {"lesson": NAME | null, "source": TEXT, "title": TEXT, "rows": n, "columns": [...], "edited": false,
 *           "values": [[...], ...]},              # "values" only when edited: the data as fitted
 *  "problem": {"target": NAME, "features": [...], "intercept": true, "standardize": false, "parameters": [...]},
 *  "settings": {"loss", "method", "batch_size", "shuffle", "seed", "learning_rate", "iterations", "tolerance",
 *               "init": "zeros" | "random" | [θ0, ...], "optimizer": {"name", "momentum", "beta1", "beta2",
 *               "rho", "eps"}, "ghost_iterations": [...]}}
 * ```
 */
class HistorySettingsJson {
public:
    /** @brief The description of run, whose history was exported up to rows rows; edited: the user's points. */
    static QJsonObject describe(const Run& run, int rows, bool edited);
};

} // namespace gdlab
