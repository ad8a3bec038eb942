#include "sampled_csv_reader.h"

#include "csv_stream_reader.h"
#include "problem_accumulator.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <system_error>

namespace gdlab {

bool SampledCsvReader::samples(const std::string& path, const Limits& limits)
{
    if (limits.sampleAboveBytes == 0)
        return false;
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    return !error && size > limits.sampleAboveBytes;
}

Dataset SampledCsvReader::read(const std::string& path, const CsvOptions& options, const Limits& limits)
{
    if (!samples(path, limits))
        return CsvReader::readFile(path, options);
    std::error_code sizeError;
    const std::size_t fileSize = static_cast<std::size_t>(std::filesystem::file_size(path, sizeError));
    // The blocks' progress is within the buffer; counted from the buffer's place in the file it covers the file. A
    // block's last report counts the whole buffer, read ahead of the rows: the next block's first is not less.
    const CsvStreamReader* reader = nullptr;
    std::size_t reported = 0;
    CsvOptions streamOptions = options;
    if (options.progress) {
        streamOptions.progress = [&options, &reader, &reported, fileSize](std::size_t done, std::size_t) {
            reported = std::max(reported, std::min(fileSize, (reader ? reader->bufferOffset() : 0) + done));
            return options.progress(reported, fileSize);
        };
    }
    CsvStreamReader stream(path, streamOptions, std::min(limits.sampleAboveBytes, CsvStreamReader::defaultBufferBytes));
    reader = &stream;
    std::optional<Dataset> columns;
    std::optional<ProblemAccumulator> fold;
    std::optional<RowSample> sample;
    std::optional<Dataset> whole = stream.read(
        [&](const Dataset& names) {
            columns = names;
            fold.emplace(names, ProblemSpec {});
            sample.emplace(names.columnCount(), limits.uniformRows, limits.tailRows, limits.seed);
        },
        [&](const Eigen::MatrixXd& rows) {
            fold->add(rows);
            sample->add(rows);
        });
    if (whole)
        return std::move(*whole); // the file shrank to one buffer meanwhile
    if (options.progress && !options.progress(fileSize, fileSize))
        throw OperationCancelled();
    Dataset result(columns->columnNames(), sample->rows(), columns->source(), columns->skippedColumns());
    result.setFold(std::make_shared<const ProblemAccumulator>(std::move(*fold)));
    return result;
}

} // namespace gdlab
