#pragma once

#include "dataset.h"
#include "sampled_csv_reader.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <string>
#include <thread>

namespace gdlab {

/**
 * @brief Reads one CSV file on a worker thread, so that a file of a million rows leaves the window responsive.
 *
 * start() begins the read; exactly one of finished(), failed() or cancelled() follows, on the thread the task
 * lives in, with progress() before it. The Dataset travels by value, so the worker shares nothing with the GUI
 * once it is done. cancel() asks the reader to stop at its next progress check (about every MiB); deleting the
 * task while it runs cancels it and waits for the worker, so the task can be dropped at any moment.
 *
 * A file longer than the limits' sampleAboveBytes arrives as a sample with the fold of every row
 * (SampledCsvReader); limits with sampleAboveBytes 0 keep every row of any file.
 */
class CsvLoadTask : public QObject {
    Q_OBJECT

public:
    explicit CsvLoadTask(const QString& path, QObject* parent = nullptr);
    CsvLoadTask(const QString& path, const SampledCsvReader::Limits& limits, QObject* parent = nullptr);
    ~CsvLoadTask() override;

    const QString& path() const { return m_path; }
    /** @brief Starts the worker; a second call does nothing. */
    void start();
    /** @brief Asks the worker to stop; cancelled() follows unless the result was already delivered. */
    void cancel();
    /** @brief From start() until one of the final signals was emitted. */
    bool isRunning() const { return m_started && !m_done; }

signals:
    /** @brief 0…100: 0 from start(), each percentage once, 100 before finished(). */
    void progress(int percent);
    void finished(const gdlab::Dataset& dataset);
    /**
     * @brief The file could not be read. message is the whole "FILE:LINE:COLUMN: detail" text; line and column
     * are 0 where the reader could not name one; detail is the message without the location.
     */
    void failed(const QString& message, int line, int column, const QString& detail);
    void cancelled();

private:
    void run(const std::string& path);
    void deliverProgress(int percent);
    void emitProgress(int percent);
    void deliverDataset(Dataset dataset);
    void deliverError(const QString& message, int line, int column, const QString& detail);
    void deliverCancelled();

    QString m_path;
    SampledCsvReader::Limits m_limits;
    std::thread m_thread;
    std::atomic<bool> m_cancelRequested { false };
    /** The last percentage posted by the worker, so that ~100 progress events are posted, not one per MiB. */
    std::atomic<int> m_postedPercent { -1 };
    /** The last percentage emitted (GUI thread only). */
    int m_emittedPercent = -1;
    bool m_started = false;
    bool m_done = false;
};

} // namespace gdlab
