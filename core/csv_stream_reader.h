#pragma once

#include "csv_reader.h"
#include "csv_text.h"
#include "dataset.h"
#include "input_error.h"
#include "text_encoding.h"

#include <Eigen/Core>

#include <cstddef>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gdlab {

class CsvBlockSink;
class CsvLayout;
struct CsvRange;

/**
 * @brief Reads a CSV file of any length in blocks of about a buffer's size, handing each block's rows on and
 * keeping none: memory is a buffer and its rows, whatever the length of the file.
 *
 * A file that fits in one buffer is read whole by CsvReader, so its Dataset is exactly the one CsvReader::readFile
 * gives. A longer one is cut after the last complete line of the buffer (a line longer than the buffer, or a quoted
 * field that goes on past it, makes the buffer grow), and every block is parsed by CsvBlockScheduler on both
 * cores. What is refused is refused as CsvReader refuses it, with the same file, line and column: the first data
 * error in the file, unless the file holds a NUL byte or invalid UTF-8 anywhere, which is then named instead (the
 * rest of the file is scanned for it after a data error).
 */
class CsvStreamReader {
public:
    static constexpr std::size_t defaultBufferBytes = std::size_t(16) << 20;

    using ColumnsCallback = std::function<void(const Dataset& columns)>;
    using RowsCallback = std::function<void(const Eigen::MatrixXd& rows)>;

    /** @brief bufferBytes is where the blocks are cut (tests use a few bytes to cut everywhere). */
    explicit CsvStreamReader(std::string path, CsvOptions options = {}, std::size_t bufferBytes = defaultBufferBytes);
    ~CsvStreamReader();
    CsvStreamReader(const CsvStreamReader&) = delete;
    CsvStreamReader& operator=(const CsvStreamReader&) = delete;

    /**
     * @brief Reads the file. When it fits in one buffer, returns it whole and calls neither callback. Otherwise
     * calls onColumns once with the columns (a Dataset without rows), then onRows with every block of rows in file
     * order (one column per numeric column), and returns nothing. Throws InputError as CsvReader::readFile does.
     */
    std::optional<Dataset> read(const ColumnsCallback& onColumns, const RowsCallback& onRows);

    /**
     * @brief read() handing the rows to sink instead: each block of the buffer on the thread that parsed it, then
     * the buffer's blocks in file order (CsvBlockScheduler::runInto). No table of the rows is made.
     */
    std::optional<Dataset> read(const ColumnsCallback& onColumns, CsvBlockSink& sink);

    /** @brief Where in the file the buffer starts: a block's progress (CsvOptions::progress) is counted from it. */
    std::size_t bufferOffset() const { return m_dropped; }

private:
    /** @brief What the scheduler made of a buffer: the rows (or, with a sink, its blocks), where they ended. */
    struct Parsed {
        Eigen::MatrixXd rows;
        std::vector<std::size_t> blocks;
        std::size_t end = 0;
        long lines = 0;
    };

    std::string_view text() const { return { m_buffer.get(), m_size }; }
    void open();
    void fill();
    void grow();
    void dropBefore(std::size_t offset, long lineAtOffset);
    void skipTo(std::size_t offset);
    std::size_t cutPoint(std::size_t from) const;
    long linesIn(std::size_t from, std::size_t to) const;
    bool readLayout();
    bool readBlock(const RowsCallback& onRows);
    Parsed parse(const CsvText& csv, const CsvRange& range);
    [[noreturn]] void failAfter(const InputError& error, const TextEncoding::Problems& checked, std::size_t cut);
    std::optional<InputError> encodingError(const TextEncoding::Problems& problems) const;

    std::string m_path;
    CsvOptions m_options;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> m_file;
    struct BufferRelease {
        void operator()(char* buffer) const;
    };
    static std::unique_ptr<char[], BufferRelease> allocate(std::size_t bytes);

    std::unique_ptr<char[], BufferRelease> m_buffer;
    std::size_t m_capacity;
    std::size_t m_size = 0;
    std::size_t m_dropped = 0; ///< bytes of the file before the buffer's first one
    bool m_eof = false;
    char m_delimiter = ',';
    std::unique_ptr<CsvLayout> m_layout;
    CsvBlockSink* m_sink = nullptr;
    std::size_t m_start = 0; ///< offset in the buffer of the next row to read
    long m_line = 1; ///< physical line of the buffer's first byte
    long m_startLine = 1; ///< physical line of m_start
    TextEncoding::Problems m_prologue;
    std::string m_fileStart; ///< the file's first bytes, which say what a file with NUL bytes may be
    CsvText::Position
        m_scan; ///< where a scan of the file stands at the buffer's first byte (a row start but in skipTo)
};

} // namespace gdlab
