#include "csv_block_scheduler.h"

#include "csv_block_parser.h"
#include "csv_block_sink.h"
#include "csv_layout.h"
#include "csv_reader.h"
#include "csv_text.h"

#include <algorithm>
#include <chrono>
#include <system_error>
#include <thread>
#include <utility>

namespace gdlab {

namespace {

constexpr std::size_t kProgressStep = std::size_t(1) << 20;
// Below this, starting a thread costs more than it saves.
constexpr std::size_t kParallelMinimumBytes = std::size_t(1) << 20;
constexpr std::size_t kMinimumBlockBytes = std::size_t(1) << 20;
// The blocks handed to a sink: small enough that a block's values stay in cache while the sink folds them, large
// enough that what the sink keeps per block costs nothing beside them.
constexpr std::size_t kSinkBlockBytes = std::size_t(1) << 19;
// Several blocks per thread, taken in turn, so that a thread slowed down by another process on its core does
// not leave the others waiting at the end.
constexpr std::size_t kBlocksPerThread = 4;
constexpr unsigned kMaxThreads = 64;
constexpr unsigned kDefaultThreads = 2;

CsvBlockSink::Rows sinkRowsOf(const CsvBlock& block, std::size_t columns)
{
    return { block.values.get(), static_cast<Eigen::Index>(block.rows), static_cast<Eigen::Index>(columns),
        Eigen::OuterStride<>(static_cast<Eigen::Index>(block.capacity)) };
}

} // namespace

CsvBlockScheduler::CsvBlockScheduler(const CsvText& text, const CsvLayout& layout, const CsvOptions& options,
    TextEncoding::Problems prologue, CsvRange range)
    : m_text(text)
    , m_layout(layout)
    , m_options(options)
    , m_prologue(prologue)
    , m_range(range)
{
}

CsvBlockScheduler::~CsvBlockScheduler() = default;

unsigned CsvBlockScheduler::threadCount(const CsvOptions& options, std::size_t dataBytes)
{
    if (options.threads > 0)
        return std::min(options.threads, kMaxThreads);
    if (dataBytes < kParallelMinimumBytes)
        return 1;
    return std::max(1u, std::min(kDefaultThreads, std::thread::hardware_concurrency()));
}

Eigen::MatrixXd CsvBlockScheduler::run()
{
    const std::size_t rows = parseAll();
    const auto dataBytes = static_cast<std::size_t>(m_range.stop - m_range.start);
    return assemble(rows, threadCount(m_options, dataBytes));
}

void CsvBlockScheduler::runInto(CsvBlockSink& sink)
{
    m_sink = &sink;
    parseAll();
}

std::vector<std::size_t> CsvBlockScheduler::acceptedBlocks() const
{
    std::vector<std::size_t> blocks;
    for (std::size_t i = 0; i < m_accepted.size(); ++i)
        if (m_accepted[i] && m_blocks[i].rows > 0)
            blocks.push_back(i);
    return blocks;
}

// Parses every block and accepts them in file order; returns the rows.
std::size_t CsvBlockScheduler::parseAll()
{
    const auto dataBytes = static_cast<std::size_t>(m_range.stop - m_range.start);
    const unsigned threads = threadCount(m_options, dataBytes);
    splitIntoBlocks(threads);
    if (m_sink)
        m_sink->begin(m_blocks.size());
    report(true);
    runHelpers(static_cast<unsigned>(std::min<std::size_t>(threads, m_blocks.size()) - 1));
    if (m_cancelled)
        throw OperationCancelled();

    TextEncoding::Problems encoding = m_prologue;
    for (const CsvBlock& block : m_blocks)
        encoding = TextEncoding::earliest(encoding, block.encoding);
    m_text.failOnEncoding(encoding);

    const std::size_t rows = acceptBlocks();
    if (m_options.progress && !m_options.progress(m_text.view().size(), m_text.view().size()))
        throw OperationCancelled();
    return rows;
}

// The first row boundary at or after cut: cut itself when a line ends just before it, else the byte after the
// next line end (after the whole of a CRLF).
const char* CsvBlockScheduler::rowBoundaryAtOrAfter(const char* cut) const
{
    const char* const end = m_range.stop;
    if (CsvText::isLineEnd(cut[-1]) && !(cut[-1] == '\r' && cut < end && *cut == '\n'))
        return cut;
    const char* p = cut;
    while (p < end && !CsvText::isLineEnd(*p))
        ++p;
    if (p == end)
        return end;
    if (*p == '\r' && p + 1 < end && p[1] == '\n')
        ++p;
    return p + 1;
}

void CsvBlockScheduler::splitIntoBlocks(unsigned threads)
{
    const char* const start = m_range.start;
    const char* const end = m_range.stop;
    const auto dataBytes = static_cast<std::size_t>(end - start);
    std::size_t blockBytes = m_options.blockBytes;
    if (blockBytes == 0 && m_sink)
        blockBytes = kSinkBlockBytes;
    if (blockBytes == 0)
        blockBytes = threads > 1 ? std::max(kMinimumBlockBytes, dataBytes / (threads * kBlocksPerThread)) : dataBytes;
    blockBytes = std::max<std::size_t>(blockBytes, 1);

    std::vector<const char*> starts { start };
    for (std::size_t cut = blockBytes; cut < dataBytes;) {
        const char* boundary = rowBoundaryAtOrAfter(start + cut);
        if (boundary == end)
            break;
        starts.push_back(boundary);
        // Every cut up to the boundary found would find it again: go on with the first cut past it.
        cut = (static_cast<std::size_t>(boundary - start) / blockBytes + 1) * blockBytes;
    }
    m_blocks.resize(starts.size());
    for (std::size_t i = 0; i < starts.size(); ++i) {
        m_blocks[i].start = starts[i];
        m_blocks[i].stop = i + 1 < starts.size() ? starts[i + 1] : end;
    }
}

void CsvBlockScheduler::runHelpers(unsigned helpers)
{
    const CsvBlockParser callerParser(m_text, m_layout, [this](std::size_t bytes) { onProgress(bytes, true); });
    const CsvBlockParser helperParser(m_text, m_layout, [this](std::size_t bytes) { onProgress(bytes, false); });
    std::vector<std::thread> threads;
    for (unsigned i = 0; i < helpers; ++i) {
        try {
            std::lock_guard<std::mutex> lock(m_mutex);
            threads.emplace_back([this, &helperParser] {
                work(helperParser);
                std::lock_guard<std::mutex> done(m_mutex);
                --m_runningHelpers;
                m_finished.notify_one();
            });
            ++m_runningHelpers;
        } catch (const std::system_error&) {
            break; // no more threads to be had: the ones there are (at least this one) do the work
        }
    }
    work(callerParser);
    std::unique_lock<std::mutex> lock(m_mutex);
    while (m_runningHelpers > 0) {
        m_finished.wait_for(lock, std::chrono::milliseconds(20));
        lock.unlock();
        try {
            report(false);
        } catch (const OperationCancelled&) {
            // m_cancelled is set: the helpers stop at their next progress step.
        }
        lock.lock();
    }
    lock.unlock();
    for (std::thread& thread : threads)
        thread.join();
}

// With a sink, a block's values go to the sink and are then given to the thread's next block: the values of every
// block are written into the same memory, already mapped and mostly in cache.
void CsvBlockScheduler::work(const CsvBlockParser& parser)
{
    CsvBlock spare;
    for (;;) {
        const std::size_t index = m_nextBlock.fetch_add(1);
        if (index >= m_blocks.size() || m_cancelled)
            return;
        CsvBlock& block = m_blocks[index];
        if (m_sink && spare.values) {
            block.values = std::move(spare.values);
            block.capacity = spare.capacity;
        }
        parseBlock(parser, index);
        if (m_sink && block.values) {
            spare.values = std::move(block.values);
            spare.capacity = block.capacity;
            block.capacity = 0;
        }
    }
}

void CsvBlockScheduler::parseBlock(const CsvBlockParser& parser, std::size_t index)
{
    CsvBlock& block = m_blocks[index];
    try {
        block.encoding = TextEncoding::scan(m_text.view(), m_text.offset(block.start), m_text.offset(block.stop));
        parser.parse(block);
        if (m_sink && block.rows > 0)
            m_sink->take(index, sinkRowsOf(block, m_layout.numericCount()));
    } catch (const InputError& error) {
        block.error = error;
    } catch (...) {
        block.failure = std::current_exception();
    }
}

void CsvBlockScheduler::onProgress(std::size_t bytes, bool callerThread)
{
    m_bytesDone += bytes;
    if (m_cancelled)
        throw OperationCancelled();
    if (callerThread)
        report(false);
}

void CsvBlockScheduler::report(bool force)
{
    if (!m_options.progress)
        return;
    const std::size_t total = m_text.view().size();
    const std::size_t done = std::min(total, m_text.offset(m_range.start) + m_bytesDone.load());
    if (!force && done < m_nextReport)
        return;
    m_nextReport = done + kProgressStep;
    if (!m_options.progress(done, total)) {
        m_cancelled = true;
        throw OperationCancelled();
    }
}

// The blocks in file order, each kept when it starts where the rows before it really ended, parsed again from
// there when not (its first line end was inside a quoted field). The first error met is the first in the file.
std::size_t CsvBlockScheduler::acceptBlocks()
{
    const CsvBlockParser parser(m_text, m_layout, nullptr);
    const char* cursor = m_range.start;
    long line = m_range.line;
    std::size_t rows = 0;
    m_accepted.assign(m_blocks.size(), 0);
    for (std::size_t i = 0; i < m_blocks.size(); ++i) {
        CsvBlock& block = m_blocks[i];
        if (cursor >= block.stop)
            continue; // rows that began before it covered it all
        if (block.start != cursor) {
            CsvBlock again;
            again.start = cursor;
            again.stop = block.stop;
            try {
                parser.parse(again);
                if (m_sink && again.rows > 0)
                    m_sink->take(i, sinkRowsOf(again, m_layout.numericCount()));
            } catch (const InputError& error) {
                again.error = error;
            }
            block = std::move(again);
        }
        if (block.failure)
            std::rethrow_exception(block.failure);
        if (block.error)
            throw InputError(m_text.source(), line + block.error->line(), block.error->column(), block.error->detail());
        m_accepted[i] = 1;
        rows += block.rows;
        line += block.lines;
        cursor = block.end;
    }
    m_end = cursor;
    m_lines = line - m_range.line;
    return rows;
}

// One column per numeric column, the accepted blocks one after the other; the columns are shared out between
// the threads, since this copy (and the first touch of the matrix's pages) is a good part of the whole read.
Eigen::MatrixXd CsvBlockScheduler::assemble(std::size_t rows, unsigned threads) const
{
    const std::size_t columns = m_layout.numericCount();
    Eigen::MatrixXd matrix(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(columns));
    const auto copyColumns = [&](std::size_t first, std::size_t step) {
        for (std::size_t c = first; c < columns; c += step) {
            double* out = matrix.data() + c * rows;
            for (std::size_t i = 0; i < m_blocks.size(); ++i) {
                if (m_accepted[i])
                    out = std::copy_n(m_blocks[i].values.get() + c * m_blocks[i].capacity, m_blocks[i].rows, out);
            }
        }
    };
    const bool parallel = threads > 1 && rows * columns >= kParallelMinimumBytes / sizeof(double);
    const std::size_t step = parallel ? std::min<std::size_t>(threads, std::max<std::size_t>(columns, 1)) : 1;
    std::vector<std::thread> helpers;
    std::size_t first = 1;
    for (; first < step; ++first) {
        try {
            helpers.emplace_back(copyColumns, first, step);
        } catch (const std::system_error&) {
            break;
        }
    }
    for (; first < step; ++first)
        copyColumns(first, step); // the share of a thread that could not be started
    copyColumns(0, step);
    for (std::thread& helper : helpers)
        helper.join();
    return matrix;
}

} // namespace gdlab
