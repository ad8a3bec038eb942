#include "data/csv_load_task.h"
#include "session/core_text.h"

#include "csv_reader.h"
#include "input_error.h"
#include "sampled_csv_reader.h"

#include <QFile>
#include <QMetaObject>

#include <exception>
#include <new>
#include <utility>

namespace gdlab {

CsvLoadTask::CsvLoadTask(const QString& path, QObject* parent)
    : CsvLoadTask(path, SampledCsvReader::Limits {}, parent)
{
}

CsvLoadTask::CsvLoadTask(const QString& path, const SampledCsvReader::Limits& limits, QObject* parent)
    : QObject(parent)
    , m_path(path)
    , m_limits(limits)
{
}

CsvLoadTask::~CsvLoadTask()
{
    // The worker posts to this object; it must be gone before the object is. Events it already posted are
    // discarded with the object.
    m_cancelRequested = true;
    if (m_thread.joinable())
        m_thread.join();
}

void CsvLoadTask::start()
{
    if (m_started)
        return;
    m_started = true;
    emitProgress(0);
    // The worker gets its own copy of the path, so it touches no member but the atomics.
    m_thread = std::thread([this, path = QFile::encodeName(m_path).toStdString()] { run(path); });
}

void CsvLoadTask::cancel()
{
    m_cancelRequested = true;
}

// Runs on the worker: everything it reports goes through queued calls, so the signals are emitted on the
// thread the task lives in, never from the worker.
void CsvLoadTask::run(const std::string& path)
{
    CsvOptions options;
    options.progress = [this](std::size_t done, std::size_t total) {
        if (m_cancelRequested)
            return false;
        const int percent = total == 0 ? 100 : static_cast<int>((100.0 * static_cast<double>(done)) / total);
        if (percent > m_postedPercent.exchange(percent)) {
            QMetaObject::invokeMethod(
                this, [this, percent] { deliverProgress(percent); }, Qt::QueuedConnection);
        }
        return true;
    };
    try {
        Dataset dataset = SampledCsvReader::read(path, options, m_limits);
        QMetaObject::invokeMethod(
            this, [this, dataset = std::move(dataset)]() mutable { deliverDataset(std::move(dataset)); },
            Qt::QueuedConnection);
    } catch (const OperationCancelled&) {
        QMetaObject::invokeMethod(
            this, [this] { deliverCancelled(); }, Qt::QueuedConnection);
    } catch (const InputError& error) {
        const QString message = CoreText::message(error);
        const QString detail = CoreText::message(error.detail());
        const int line = static_cast<int>(error.line());
        const int column = static_cast<int>(error.column());
        QMetaObject::invokeMethod(
            this, [=] { deliverError(message, line, column, detail); }, Qt::QueuedConnection);
    } catch (const std::bad_alloc&) {
        // The matrix of a huge file can fail to allocate after the text fitted; that is bad input too.
        const QString detail = tr("the file is too large to load into memory");
        const QString message = QString::fromStdString(path) + QStringLiteral(": ") + detail;
        QMetaObject::invokeMethod(
            this, [=] { deliverError(message, 0, 0, detail); }, Qt::QueuedConnection);
    } catch (const std::exception& error) {
        const QString detail = CoreText::message(error);
        const QString message = QString::fromStdString(path) + QStringLiteral(": ") + detail;
        QMetaObject::invokeMethod(
            this, [=] { deliverError(message, 0, 0, detail); }, Qt::QueuedConnection);
    }
}

void CsvLoadTask::deliverProgress(int percent)
{
    if (m_done || m_cancelRequested)
        return;
    emitProgress(percent);
}

// The worker's first check reports 0 again, and its last may report 100 before the dataset arrives: a
// progress bar is told each percentage once.
void CsvLoadTask::emitProgress(int percent)
{
    if (percent <= m_emittedPercent)
        return;
    m_emittedPercent = percent;
    emit progress(percent);
}

void CsvLoadTask::deliverDataset(Dataset dataset)
{
    if (m_done)
        return;
    // A cancel that came after the last progress check still wins: the user said no.
    if (m_cancelRequested) {
        deliverCancelled();
        return;
    }
    m_done = true;
    emitProgress(100);
    emit finished(dataset);
}

void CsvLoadTask::deliverError(const QString& message, int line, int column, const QString& detail)
{
    if (m_done)
        return;
    if (m_cancelRequested) {
        deliverCancelled();
        return;
    }
    m_done = true;
    emit failed(message, line, column, detail);
}

void CsvLoadTask::deliverCancelled()
{
    if (m_done)
        return;
    m_done = true;
    emit cancelled();
}

} // namespace gdlab
