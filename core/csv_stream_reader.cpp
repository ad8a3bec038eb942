#include "csv_stream_reader.h"

#include "csv_block_scheduler.h"
#include "csv_block_sink.h"
#include "csv_field_reader.h"
#include "csv_layout.h"
#include "csv_text.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <new>
#include <system_error>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace gdlab {

namespace {

constexpr std::size_t kMinimumBufferBytes = 16;
constexpr std::size_t kHugePageBytes = std::size_t(2) << 20;

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || CsvText::isLineEnd(c);
}

} // namespace

CsvStreamReader::CsvStreamReader(std::string path, CsvOptions options, std::size_t bufferBytes)
    : m_path(std::move(path))
    , m_options(std::move(options))
    , m_file(nullptr, &std::fclose)
    , m_capacity(std::max(bufferBytes, kMinimumBufferBytes))
{
}

CsvStreamReader::~CsvStreamReader() = default;

void CsvStreamReader::open()
{
    std::error_code ec;
    if (std::filesystem::is_directory(m_path, ec))
        throw InputError(m_path, 0, 0, "cannot open file: it is a directory");
    m_file.reset(std::fopen(m_path.c_str(), "rb"));
    if (!m_file)
        throw InputError(m_path, 0, 0, std::string("cannot open file: ") + std::strerror(errno));
    m_buffer = allocate(m_capacity);
}

// Not zero-filled: every byte handed on was read first. A large buffer is asked for in huge pages where the system
// has them: its first fill then costs a few page faults instead of one per 4 KB, a good part of a 20 MB file's read.
std::unique_ptr<char[], CsvStreamReader::BufferRelease> CsvStreamReader::allocate(std::size_t bytes)
{
    if (bytes < kHugePageBytes) {
        std::unique_ptr<char[], BufferRelease> buffer(static_cast<char*>(std::malloc(bytes)));
        if (!buffer)
            throw std::bad_alloc();
        return buffer;
    }
    const std::size_t rounded = (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
    std::unique_ptr<char[], BufferRelease> buffer(static_cast<char*>(std::aligned_alloc(kHugePageBytes, rounded)));
    if (!buffer)
        throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    madvise(buffer.get(), rounded, MADV_HUGEPAGE); // only advice: without huge pages, the buffer works all the same
#endif
    return buffer;
}

void CsvStreamReader::BufferRelease::operator()(char* buffer) const
{
    std::free(buffer);
}

// Reads until the buffer is full or the file ends (also a file that shrinks while it is read).
void CsvStreamReader::fill()
{
    while (!m_eof && m_size < m_capacity) {
        const std::size_t n = std::fread(m_buffer.get() + m_size, 1, m_capacity - m_size, m_file.get());
        m_size += n;
        if (n == 0) {
            if (std::ferror(m_file.get()))
                throw InputError(m_path, 0, 0, std::string("cannot read file: ") + std::strerror(errno));
            m_eof = true;
        }
    }
}

// A line longer than the buffer, or a quoted field that goes on past it: read on into a buffer twice the size.
void CsvStreamReader::grow()
{
    std::unique_ptr<char[], BufferRelease> larger = allocate(m_capacity * 2);
    std::copy_n(m_buffer.get(), m_size, larger.get());
    m_buffer = std::move(larger);
    m_capacity *= 2;
    fill();
}

// lineAtOffset is the physical line of the byte at offset (the caller knows it, and counting costs a pass over
// the buffer).
void CsvStreamReader::dropBefore(std::size_t offset, long lineAtOffset)
{
    m_line = lineAtOffset;
    m_dropped += offset;
    m_scan = CsvText::Position::rowStart(m_line);
    std::copy(m_buffer.get() + offset, m_buffer.get() + m_size, m_buffer.get());
    m_size -= offset;
    m_start -= std::min(m_start, offset);
    fill();
}

// Where the block that starts at `from` ends: at the start of the line that holds the buffer's last non-blank
// byte, so that everything before it is whole lines and a blank line before it is followed by data (a blank line
// is the end of the data only when nothing but blanks follows it in the file). `from` when there is no such line.
std::size_t CsvStreamReader::cutPoint(std::size_t from) const
{
    const char* const begin = m_buffer.get();
    std::size_t last = m_size;
    while (last > from && isBlank(begin[last - 1]))
        --last;
    if (last == from)
        return from;
    std::size_t cut = last - 1;
    while (cut > from && !CsvText::isLineEnd(begin[cut - 1]))
        --cut;
    return cut;
}

// Physical lines that end in [from, to): a CRLF is one line end. Every '\n' (a count the compiler vectorises), then
// every '\r' not followed by '\n' (found with memchr; most files have none or only CRLFs).
long CsvStreamReader::linesIn(std::size_t from, std::size_t to) const
{
    const char* const begin = m_buffer.get();
    long lines = static_cast<long>(std::count(begin + from, begin + to, '\n'));
    const char* p = begin + from;
    const char* const end = begin + to;
    while (p < end) {
        const void* found = std::memchr(p, '\r', static_cast<std::size_t>(end - p));
        if (!found)
            break;
        const std::size_t i = static_cast<std::size_t>(static_cast<const char*>(found) - begin);
        if (i + 1 >= m_size || begin[i + 1] != '\n')
            ++lines;
        p = begin + i + 1;
    }
    return lines;
}

std::optional<Dataset> CsvStreamReader::read(const ColumnsCallback& onColumns, const RowsCallback& onRows)
{
    open();
    fill();
    m_fileStart.assign(m_buffer.get(), std::min<std::size_t>(m_size, 4));
    while (!m_eof && !readLayout())
        grow();
    if (m_eof && !m_layout)
        return CsvReader::parse(text(), m_path, m_options);
    onColumns(Dataset(m_layout->numericNames(), Eigen::MatrixXd(0, static_cast<Eigen::Index>(m_layout->numericCount())),
        m_path, m_layout->skippedColumns()));
    while (readBlock(onRows)) { }
    return std::nullopt;
}

std::optional<Dataset> CsvStreamReader::read(const ColumnsCallback& onColumns, CsvBlockSink& sink)
{
    m_sink = &sink;
    return read(onColumns, RowsCallback());
}

// The header and the first data row, as CsvReader::parse reads them. False when the buffer does not hold them
// whole, or when they are refused (the file is then read on until it fits or ends, and CsvReader says why).
bool CsvStreamReader::readLayout()
{
    const std::string_view all = text();
    CsvText csv(all, m_path);
    const char* start = csv.begin();
    if (all.size() >= 3 && std::memcmp(start, "\xEF\xBB\xBF", 3) == 0)
        start += 3;
    const char delimiter = m_options.delimiter;
    if (delimiter == '"' || CsvText::isLineEnd(delimiter) || delimiter == ' ')
        throw InputError(m_path, 0, 0, "invalid delimiter (use ',', ';' or a tab)");
    const std::size_t cut = cutPoint(0);
    try {
        CsvFieldReader reader(csv, start, 1);
        reader.skipBlankLines();
        // Detected on a line that goes on past the buffer, the delimiter could differ from the whole read's.
        if (delimiter == 0 && csv.delimiterLineEnd(reader.position()) == csv.end())
            return false;
        csv.setDelimiter(delimiter == 0 ? csv.detectDelimiter(reader.position()) : delimiter);
        csv.failOnEncoding({});
        auto layout = std::make_unique<CsvLayout>(CsvLayout::read(csv, reader, m_options.hasHeader));
        // The first row must end before the cut: a quoted field may carry it over a line end, so scan it with its
        // quotes (firstRowBytes() stops at the first line end, whatever the quotes say).
        const CsvText::Position afterFirstRow
            = csv.advanceRow(CsvText::Position::rowStart(layout->dataLine()), layout->dataStart(), csv.begin() + cut);
        if (afterFirstRow.rowLine == layout->dataLine())
            return false;
        m_delimiter = csv.delimiter();
        m_start = csv.offset(layout->dataStart());
        m_startLine = layout->dataLine();
        m_prologue = TextEncoding::scan(all, 0, m_start);
        m_layout = std::move(layout);
        return true;
    } catch (const InputError&) {
        return false;
    }
}

// Parses the rows from m_start to the buffer's cut and hands them on; false once the file is done.
bool CsvStreamReader::readBlock(const RowsCallback& onRows)
{
    for (;;) {
        const std::size_t cut = m_eof ? m_size : cutPoint(m_start);
        if (!m_eof && cut == m_start) {
            grow();
            continue;
        }
        CsvText csv(text(), m_path);
        csv.setDelimiter(m_delimiter);
        const CsvRange range { csv.begin() + m_start, csv.begin() + cut, m_startLine };
        Parsed parsed;
        try {
            parsed = parse(csv, range);
        } catch (const InputError& error) {
            // The scheduler names an encoding problem first, but locates it in the buffer: locate it in the file.
            const TextEncoding::Problems checked = TextEncoding::scan(text(), 0, cut);
            if (auto encoding = encodingError(checked))
                failAfter(*encoding, checked, cut);
            // An error past the cut, or in a row whose quoted field is still open at the cut, may come from a quoted
            // field that goes on in the rest of the file.
            const CsvText::Position atCut
                = csv.advance(CsvText::Position::rowStart(m_startLine), csv.begin() + m_start, csv.begin() + cut);
            if (!m_eof && (error.line() >= atCut.line || (atCut.inQuotes && error.line() >= atCut.rowLine))) {
                grow();
                continue;
            }
            failAfter(error, checked, cut);
        }
        const std::size_t end = parsed.end;
        if (!m_eof && end == m_size) {
            grow(); // the last row's quoted field may go on
            continue;
        }
        if (end > cut) {
            const TextEncoding::Problems checked = TextEncoding::scan(text(), cut, end);
            if (auto error = encodingError(checked))
                failAfter(*error, checked, end);
        }
        if (m_sink)
            m_sink->commit(parsed.blocks);
        else
            onRows(parsed.rows);
        m_prologue = {};
        m_startLine += parsed.lines;
        m_start = end;
        if (m_eof)
            return false;
        dropBefore(m_start, m_startLine);
    }
}

CsvStreamReader::Parsed CsvStreamReader::parse(const CsvText& csv, const CsvRange& range)
{
    Parsed parsed;
    CsvBlockScheduler scheduler(csv, *m_layout, m_options, m_prologue, range);
    if (m_sink) {
        scheduler.runInto(*m_sink);
        parsed.blocks = scheduler.acceptedBlocks();
    } else {
        parsed.rows = scheduler.run();
    }
    parsed.end = csv.offset(scheduler.end());
    parsed.lines = scheduler.lines();
    return parsed;
}

// The InputError CsvText gives for the first of these encoding problems, located in the whole file.
std::optional<InputError> CsvStreamReader::encodingError(const TextEncoding::Problems& problems) const
{
    if (problems.firstNul == TextEncoding::npos && problems.firstInvalid == TextEncoding::npos)
        return std::nullopt;
    CsvText csv(text(), m_path);
    csv.setDelimiter(m_delimiter);
    try {
        csv.failOnEncoding(problems, m_fileStart, m_scan);
    } catch (const InputError& error) {
        return error;
    }
    return std::nullopt;
}

// dropBefore() for a cut that may fall inside a quoted field (the scan after an error): the position a scan of the
// file stands at is carried across, so that what is found later is located as in a whole read.
void CsvStreamReader::skipTo(std::size_t offset)
{
    CsvText csv(text(), m_path);
    csv.setDelimiter(m_delimiter);
    const CsvText::Position next = csv.advance(m_scan, csv.begin(), csv.begin() + offset);
    dropBefore(offset, m_line + linesIn(0, offset));
    m_scan = next;
}

// After the first error in the data, the rest of the file is scanned for what a whole read would name first: a
// NUL byte anywhere, then invalid UTF-8 anywhere, then that error. The bytes up to cut were checked with it: what
// they hold is `checked`.
void CsvStreamReader::failAfter(const InputError& error, const TextEncoding::Problems& checked, std::size_t cut)
{
    if (checked.firstNul != TextEncoding::npos)
        throw error;
    std::optional<InputError> invalid;
    if (checked.firstInvalid != TextEncoding::npos)
        invalid = error;
    std::size_t from = cut;
    while (!(m_eof && from >= m_size)) {
        m_start = from;
        skipTo(from);
        const std::size_t to = m_eof ? m_size : cutPoint(0);
        if (!m_eof && to == 0) {
            grow();
            from = 0;
            continue;
        }
        TextEncoding::Problems problems = TextEncoding::scan(text(), 0, to);
        if (problems.firstNul != TextEncoding::npos)
            throw *encodingError({ problems.firstNul, TextEncoding::npos });
        if (!invalid && problems.firstInvalid != TextEncoding::npos)
            invalid = encodingError({ TextEncoding::npos, problems.firstInvalid });
        from = to;
    }
    throw invalid ? *invalid : error;
}

} // namespace gdlab
