#pragma once

#include "csv_block_sink.h"
#include "problem_accumulator.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace gdlab {

/**
 * @brief Folds a CSV file's blocks into a ProblemAccumulator on the threads that parse them: each block into an
 * accumulator of its own, merged into the total in file order when its buffer's blocks are committed. So the
 * fold runs on every parsing thread, no table of rows is made, and the result is the same on any number of threads
 * (CsvBlockScheduler::runInto cuts the same blocks whatever their number).
 */
class ProblemAccumulatorSink final : public CsvBlockSink {
public:
    /** @brief The fold starts from empty (an accumulator of no rows, of the spec wanted); before the first block. */
    void start(const ProblemAccumulator& empty);

    /** @brief From now on the blocks go to ProblemAccumulator::addExactPass (the file read again). */
    void startExactPass() { m_exactPass = true; }

    void begin(std::size_t blocks) override;
    void take(std::size_t index, const Rows& rows) override;
    void commit(const std::vector<std::size_t>& blocks) override;

    /** @brief Every committed row; start() must have been called. */
    const ProblemAccumulator& total() const { return *m_total; }

private:
    std::optional<ProblemAccumulator> m_empty;
    std::optional<ProblemAccumulator> m_total;
    std::vector<std::optional<ProblemAccumulator>> m_blocks;
    bool m_exactPass = false;
};

} // namespace gdlab
