#include "csv_reader.h"

#include "csv_block_scheduler.h"
#include "csv_field_reader.h"
#include "csv_layout.h"
#include "csv_text.h"
#include "input_error.h"
#include "text_encoding.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <new>
#include <optional>
#include <system_error>
#include <utility>

// Decisions that the header leaves open:
// - Newlines inside quoted fields are supported (RFC 4180); line numbers in messages stay physical line numbers,
//   so a cell after a multi-line field reports the line it really starts on.
// - Blank (or all-space) lines before the first row and after the last row are ignored; a blank line between
//   rows is an error, because it usually means two tables were pasted together or data was lost.
// - A cell that is empty in the first data row makes its column numeric, so the user hears "empty cell" instead
//   of losing the column silently.
// - A quote in the middle of an unquoted field is taken literally, as spreadsheets do when they export it.
// - The delimiter is the most frequent of ',', ';' and tab in the first non-empty line, except that a line
//   with both ';' and ',' is ';'-separated: ',' there is almost always a decimal comma.
// - Encoding problems (UTF-16, NUL bytes, invalid UTF-8) anywhere in the file are reported before anything
//   else that is wrong with it.

namespace gdlab {

namespace {

// The header and the first data row, read once the delimiter is known. Any error there gives way to an
// encoding problem anywhere in the file: a Latin-1 file should be called that, not "no numeric column".
CsvLayout readLayout(const CsvText& text, CsvFieldReader& reader, const CsvOptions& options)
{
    try {
        return CsvLayout::read(text, reader, options.hasHeader);
    } catch (const InputError&) {
        text.failOnEncoding(TextEncoding::scan(text.view(), 0, text.view().size()));
        throw;
    }
}

} // namespace

Dataset CsvReader::readFile(const std::string& path, const CsvOptions& options)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw InputError(path, 0, 0, "cannot open file: it is a directory");

    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file)
        throw InputError(path, 0, 0, std::string("cannot open file: ") + std::strerror(errno));

    // One read into an uninitialised buffer of the file's size: a std::string would first zero-fill it, a
    // noticeable cost on a file of hundreds of megabytes. Files whose size is not known in advance (pipes,
    // /proc) or that grow while being read go on in chunks.
    std::unique_ptr<char[]> buffer;
    std::size_t length = 0;
    std::string streamed;
    try {
        const std::uintmax_t size = std::filesystem::file_size(path, ec);
        if (!ec && size > 0) {
            buffer.reset(new char[static_cast<std::size_t>(size)]);
            length = std::fread(buffer.get(), 1, static_cast<std::size_t>(size), file.get());
        }
        char chunk[65536];
        std::size_t n;
        while ((n = std::fread(chunk, 1, sizeof chunk, file.get())) > 0) {
            if (streamed.empty() && buffer) {
                streamed.assign(buffer.get(), length);
                buffer.reset();
            }
            streamed.append(chunk, n);
        }
    } catch (const std::bad_alloc&) {
        throw InputError(path, 0, 0, "file too large to load into memory");
    }
    if (std::ferror(file.get()))
        throw InputError(path, 0, 0, std::string("cannot read file: ") + std::strerror(errno));

    const std::string_view text = buffer ? std::string_view(buffer.get(), length) : std::string_view(streamed);
    return parse(text, path, options);
}

Dataset CsvReader::parse(std::string_view text, const std::string& sourceName, const CsvOptions& options)
{
    CsvText csv(text, sourceName);
    const char* start = csv.begin();
    // A UTF-8 byte-order mark is what Excel writes at the start of "CSV UTF-8"; it is not part of the header.
    if (text.size() >= 3 && std::memcmp(start, "\xEF\xBB\xBF", 3) == 0)
        start += 3;
    const char delimiter = options.delimiter;
    if (delimiter == '"' || CsvText::isLineEnd(delimiter) || delimiter == ' ')
        throw InputError(sourceName, 0, 0, "invalid delimiter (use ',', ';' or a tab)");

    // The first non-empty line decides the delimiter, before any encoding check, so that errors found there
    // can be located by field.
    CsvFieldReader reader(csv, start, 1);
    reader.skipBlankLines();
    csv.setDelimiter(delimiter == 0 ? csv.detectDelimiter(reader.position()) : delimiter);
    csv.failOnEncoding({}); // a UTF-16 byte-order mark is worth saying at once

    const CsvLayout layout = readLayout(csv, reader, options);
    const TextEncoding::Problems prologue = TextEncoding::scan(text, 0, csv.offset(layout.dataStart()));
    CsvBlockScheduler scheduler(csv, layout, options, prologue, { layout.dataStart(), csv.end(), layout.dataLine() });
    Eigen::MatrixXd values = scheduler.run();
    return Dataset(layout.numericNames(), std::move(values), sourceName, layout.skippedColumns());
}

std::optional<CsvCellLocation> CsvReader::locateCell(
    std::string_view text, const std::string& sourceName, std::size_t row, std::size_t column)
{
    try {
        CsvText csv(text, sourceName);
        const char* start = csv.begin();
        if (text.size() >= 3 && std::memcmp(start, "\xEF\xBB\xBF", 3) == 0)
            start += 3;
        CsvFieldReader reader(csv, start, 1);
        reader.skipBlankLines();
        csv.setDelimiter(csv.detectDelimiter(reader.position()));
        const CsvLayout layout = CsvLayout::read(csv, reader, std::nullopt);
        std::size_t field = 0;
        for (std::size_t numeric = 0; field < layout.columnCount(); ++field)
            if (layout.numeric()[field] && numeric++ == column)
                break;
        if (field == layout.columnCount())
            return std::nullopt;
        // Rows follow each other without blank lines (the reader refuses those), so data row r is the r-th row here.
        for (std::size_t r = 0; r < row; ++r) {
            if (reader.position() == csv.end())
                return std::nullopt;
            reader.readRowStrings();
        }
        for (std::size_t f = 0; f < field; ++f) {
            reader.skipField();
            if (reader.position() == csv.end() || *reader.position() != csv.delimiter())
                return std::nullopt;
            reader.moveTo(reader.position() + 1, reader.line());
        }
        CsvCellLocation location;
        location.line = reader.line();
        location.column = static_cast<long>(field) + 1;
        location.text = std::string(reader.readField());
        return location;
    } catch (const InputError&) {
        return std::nullopt;
    }
}

std::optional<CsvCellLocation> CsvReader::locateCellInFile(const std::string& path, std::size_t row, std::size_t column)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return std::nullopt;
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (file.bad())
        return std::nullopt;
    return locateCell(text, path, row, column);
}

} // namespace gdlab
