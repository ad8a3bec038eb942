#pragma once

#include "input_error.h"
#include "text_encoding.h"

#include <cstddef>
#include <exception>
#include <memory>
#include <optional>

namespace gdlab {

/**
 * @brief One stretch of the data rows of a CSV file as CsvBlockParser read it: where it began and ended, its
 * values column by column, and what ended it early, if anything.
 */
struct CsvBlock {
    const char* start = nullptr; ///< a row boundary: where parsing begins (line 0 of the block)
    const char* stop = nullptr; ///< parsing ends at the first row boundary at or after this
    const char* end = nullptr; ///< where it did end
    long lines = 0; ///< physical lines read
    std::size_t rows = 0;
    std::size_t capacity = 0; ///< rows that values has room for
    std::unique_ptr<double[]> values; ///< numeric column c of row r at values[c * capacity + r], uninitialized
    std::optional<InputError> error; ///< the error that ended the block, its line relative to start
    std::exception_ptr failure; ///< anything else that ended it (cancellation, memory)
    TextEncoding::Problems encoding; ///< of the bytes from start to stop
};

} // namespace gdlab
