#pragma once

// Test support: a CSV file large enough that reading it takes the reader many progress checks (one per MiB),
// for the tests of loading on a worker, progress and cancelling.

#include <QFile>
#include <QString>

#include <charconv>
#include <string>

namespace gdlab::test {

/**
 * @brief Writes a CSV of about bytes bytes: columns x, z, y with y = 2x + 1 + a wiggle, numbers of varying
 * length. False when the file cannot be written; *rowsWritten (if given) gets the number of data rows.
 */
inline bool writeLargeCsv(const QString& path, qint64 bytes, qint64* rowsWritten = nullptr)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    std::string chunk = "x,z,y\n";
    qint64 written = 0;
    qint64 rows = 0;
    char buffer[64];
    while (written + qint64(chunk.size()) < bytes) {
        const double x = double(rows) * 1e-3;
        const double z = double(rows % 97) * 0.25;
        const double y = 2 * x + 1 + double(rows % 13) * 1e-2;
        for (double value : { x, z, y }) {
            const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
            chunk.append(buffer, result.ptr);
            chunk += ',';
        }
        chunk.back() = '\n';
        ++rows;
        if (chunk.size() > (1u << 20)) {
            written += file.write(chunk.data(), qint64(chunk.size()));
            chunk.clear();
        }
    }
    written += file.write(chunk.data(), qint64(chunk.size()));
    if (rowsWritten)
        *rowsWritten = rows;
    return file.flush();
}

} // namespace gdlab::test
