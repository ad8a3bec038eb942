#pragma once

#include "csv_reader.h"
#include "dataset.h"
#include "row_sample.h"

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <string>

namespace gdlab {

/**
 * @brief Reads a CSV file for the window: whole when it is short, and when it is long as a display sample plus the
 * fold of every row, so that memory stays O(k²) plus a block and a sample however long the file is.
 *
 * A file of at most sampleAboveBytes is read by CsvReader::readFile, rows and all. A longer one streams through
 * CsvStreamReader in blocks of at most that size: every block is folded into a ProblemAccumulator of every column
 * and offered to a RowSample, and the Dataset returned holds the sample's rows with the fold (Dataset::isSample()).
 * Progress and cancellation go through CsvOptions::progress, counted over the whole file; errors are CsvReader's.
 */
class SampledCsvReader {
public:
    struct Limits {
        /** Files longer than this are sampled; 0 = never (every row kept). */
        std::size_t sampleAboveBytes = std::size_t(16) << 20;
        Eigen::Index uniformRows = 4450; ///< the sample's uniform part
        Eigen::Index tailRows = 25; ///< per column, the rows of the lowest and of the highest values kept
        std::uint64_t seed = RowSample::defaultSeed;
    };

    /** @brief Reads path under limits; throws InputError (or OperationCancelled) as CsvReader::readFile does. */
    static Dataset read(const std::string& path, const CsvOptions& options, const Limits& limits);
    /** @brief Whether read() would sample path (by its size on disk). */
    static bool samples(const std::string& path, const Limits& limits);
};

} // namespace gdlab
