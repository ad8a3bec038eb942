#pragma once

#include "csv_block.h"
#include "text_encoding.h"

#include <Eigen/Core>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <vector>

namespace gdlab {

class CsvBlockParser;
class CsvBlockSink;
class CsvLayout;
class CsvText;
struct CsvOptions;

/**
 * @brief The data rows to read: from start, a row boundary on physical line `line` (1-based), to the first row
 * boundary at or after stop. The text may go on past stop (a streamed block of a file cut there).
 */
struct CsvRange {
    const char* start = nullptr;
    const char* stop = nullptr;
    long line = 0;
};

/**
 * @brief Reads the data rows of a CSV file on several threads, with results bit for bit those of one thread.
 *
 * The data is cut into blocks at row boundaries, guessed from the first line end after each cut. A guess is
 * wrong only when that line end lies inside a quoted field, so each block is parsed on speculation, with line
 * numbers relative to its start. The blocks are then taken in file order: a block is kept when the block before
 * it ended exactly where it starts, and otherwise parsed again from where the one before really ended. So the
 * values, their order and the first error (with its line and column) are those of a sequential read, whatever
 * the number of threads or the size of the blocks. Encoding problems (NUL bytes, invalid UTF-8) anywhere in the
 * file take precedence over any other error, as they do in a sequential read that checks the whole file first.
 * Progress is reported and cancellation honoured on the calling thread only.
 */
class CsvBlockScheduler {
public:
    /** @brief prologue holds the encoding problems of the text before the data (the header and first rows). */
    CsvBlockScheduler(const CsvText& text, const CsvLayout& layout, const CsvOptions& options,
        TextEncoding::Problems prologue, CsvRange range);
    ~CsvBlockScheduler();
    CsvBlockScheduler(const CsvBlockScheduler&) = delete;
    CsvBlockScheduler& operator=(const CsvBlockScheduler&) = delete;

    /** @brief Every data row, one column per numeric column; throws InputError or OperationCancelled. */
    Eigen::MatrixXd run();

    /**
     * @brief Like run(), but hands each block's rows to sink on the thread that parsed it and assembles no table.
     * The blocks are then of a fixed size whatever the number of threads (CsvOptions::blockBytes, or a default),
     * so a sink that combines them in the order of acceptedBlocks() makes the same result on any number of threads.
     */
    void runInto(CsvBlockSink& sink);

    /** @brief After runInto(): the blocks that hold the rows, in file order. */
    std::vector<std::size_t> acceptedBlocks() const;

    /** @brief After run(): where the rows really ended (at or after the range's stop) and the lines they took. */
    const char* end() const { return m_end; }
    long lines() const { return m_lines; }

    /** @brief The threads a read with these options uses on a text of this size. */
    static unsigned threadCount(const CsvOptions& options, std::size_t dataBytes);

private:
    std::size_t parseAll();
    void splitIntoBlocks(unsigned threads);
    const char* rowBoundaryAtOrAfter(const char* cut) const;
    void work(const CsvBlockParser& parser);
    void parseBlock(const CsvBlockParser& parser, std::size_t index);
    void runHelpers(unsigned helpers);
    void onProgress(std::size_t bytes, bool callerThread);
    void report(bool force);
    std::size_t acceptBlocks();
    Eigen::MatrixXd assemble(std::size_t rows, unsigned threads) const;

    const CsvText& m_text;
    const CsvLayout& m_layout;
    const CsvOptions& m_options;
    TextEncoding::Problems m_prologue;
    CsvRange m_range;
    const char* m_end = nullptr;
    long m_lines = 0;
    std::vector<CsvBlock> m_blocks;
    std::vector<char> m_accepted;
    CsvBlockSink* m_sink = nullptr;
    std::atomic<std::size_t> m_nextBlock { 0 };
    std::atomic<std::size_t> m_bytesDone { 0 };
    std::atomic<bool> m_cancelled { false };
    std::size_t m_nextReport = 0;
    std::mutex m_mutex;
    std::condition_variable m_finished;
    unsigned m_runningHelpers = 0;
};

} // namespace gdlab
