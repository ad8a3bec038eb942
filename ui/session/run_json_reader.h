#pragma once

#include "problem.h"
#include "solver_settings.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <vector>

namespace gdlab {

class Dataset;

/**
 * @brief Reads back what RunJson writes. Each reader checks every field it takes (type, range, known names) and on
 * the first bad one returns false with a message that names the field by its path ("settings.learning_rate") and
 * the value found, leaving its outputs as they were.
 */
class RunJsonReader {
public:
    /** @brief The largest iteration count, ghost or cursor a file may give (far beyond any run, within a double). */
    static constexpr long long kMaxIterations = 1LL << 40;

    /** @brief "settings": every solver setting and the ghost iterations. */
    static bool readSettings(
        const QJsonObject& settings, SolverSettings* out, std::vector<long long>* ghosts, QString* error);
    /** @brief "problem": the target and feature columns by name, resolved against dataset's columns. */
    static bool readProblem(const QJsonObject& problem, const Dataset& dataset, ProblemSpec* out, QString* error);
    /** @brief "data" with "values": the rows saved, under "columns"; nullptr with a message when malformed. */
    static std::shared_ptr<const Dataset> readValues(const QJsonObject& data, QString* error);
};

} // namespace gdlab
