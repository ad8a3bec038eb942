#pragma once

#include "solver_settings.h"

namespace gdlab {

/**
 * @brief Which rows of the data one update's gradient was computed on: all of them for batch descent, one
 * sample for SGD, one mini-batch otherwise.
 *
 * Without shuffling the solver visits the rows in file order, so the rows are known exactly; with shuffling only
 * how many there were.
 */
struct UpdateSample {
    DescentMethod method = DescentMethod::Batch;
    long long first = 0; ///< the first row used (0-based), meaningful when not shuffled
    long long count = 0; ///< how many rows the gradient was taken over
    long long total = 0; ///< the rows of the data
    bool shuffled = false; ///< the rows were visited in a shuffled order: first is unknown
};

/**
 * @brief The rows the update from iteration to iteration + 1 used, for data of rows rows.
 * @param iteration the number of updates made before this one
 */
UpdateSample updateSample(const SolverSettings& settings, long long rows, long long iteration);

} // namespace gdlab
