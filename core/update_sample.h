#pragma once

#include "sample_walk.h"
#include "solver_settings.h"

#include <vector>

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

/**
 * @brief The rows (0-based) the update from iteration to iteration + 1 used, in the order the solver took them.
 *
 * Shuffled orders are replayed from the seed as the solver drew them, one permutation per epoch; when that would
 * take more than replayLimit row moves (a late epoch of a large data set) the answer is empty: not known cheaply.
 */
std::vector<long long> sampleRows(const SolverSettings& settings, long long rows, long long iteration,
    long long replayLimit = SampleWalk::cheapReplayCost);

/**
 * @brief A mini-batch size well below rows (about a quarter of them, at least 2 when rows > 2, at most 32), so that
 * mini-batch descent on a small data set is not batch descent in disguise.
 */
long long defaultBatchSize(long long rows);

} // namespace gdlab
