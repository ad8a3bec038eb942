#pragma once

#include <Eigen/Core>

#include <cstddef>
#include <vector>

namespace gdlab {

/**
 * @brief Takes the rows of a CSV file block by block on the threads that parse them, so that no thread waits for
 * the whole table and no table is assembled: what it makes of each block (a fold, say) is kept per block and
 * combined in file order once the blocks are known to be the file's rows, whatever thread parsed which block.
 */
class CsvBlockSink {
public:
    /** @brief Numeric column c of row r of a block is rows(r, c). */
    using Rows = Eigen::Map<const Eigen::MatrixXd, 0, Eigen::OuterStride<>>;

    virtual ~CsvBlockSink() = default;

    /** @brief A parse of `blocks` blocks begins: whatever was taken and not committed before is dropped. */
    virtual void begin(std::size_t blocks) = 0;
    /**
     * @brief The rows of block `index`, on the thread that parsed them (one call per block at a time, different
     * blocks at once on different threads). Called again, replacing the first, for a block parsed again.
     */
    virtual void take(std::size_t index, const Rows& rows) = 0;
    /** @brief These blocks, in this order, are the next rows of the file. */
    virtual void commit(const std::vector<std::size_t>& blocks) = 0;
};

} // namespace gdlab
