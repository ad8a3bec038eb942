#pragma once

#include "problem.h"
#include "solver_settings.h"

#include <string>
#include <vector>

namespace gdlab {

class Dataset;

/** @brief The command line of gdlab-run, parsed but not yet applied to data. */
struct RunOptions {
    std::string dataPath;
    std::string target; ///< name or 1-based position; empty = last column
    std::vector<std::string> features; ///< names or positions; empty = every other numeric column
    bool intercept = true;
    bool standardize = false;
    SolverSettings solver; ///< solver.model is --model
    std::string loss; ///< --loss as given (a quadratic loss or "logloss"); empty = the model's default
    std::string historyPath; ///< "-" = stdout; empty = no history
    bool json = false;
    bool help = false;
};

/**
 * @brief Parses arguments (without the program name). Accepts "--flag value" and "--flag=value".
 * Throws InputError naming the flag and the bad value.
 */
RunOptions parseRunOptions(const std::vector<std::string>& arguments);

/** @brief Resolves column names/positions against the data; throws InputError naming a missing column. */
ProblemSpec problemSpecFor(const RunOptions& options, const Dataset& dataset);

/** @brief The --help text. */
const char* runUsage();

} // namespace gdlab
