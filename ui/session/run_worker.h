#pragma once

#include "run.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <thread>

namespace gdlab {

/**
 * @brief Computes one long descent on a thread of its own and hands the growing history to the GUI thread.
 *
 * The history is reserved whole before the thread starts, so the worker appends without ever moving it, and
 * the GUI thread reads the rows the worker has published (an atomic count, release/acquire) while more arrive.
 * Rows are published after the first chunk and then at most once a frame. A new start() or cancel() stops the
 * run that is computing (the solver checks between chunks, so that takes at most a chunk of updates) and
 * whatever it had posted but not yet delivered is dropped: the latest request wins.
 */
class RunWorker : public QObject {
    Q_OBJECT

public:
    explicit RunWorker(QObject* parent = nullptr);
    ~RunWorker() override;

    /** @brief Starts the descent of a prepared run (no history yet), cancelling any run still computing. */
    void start(Run run);
    void cancel();
    bool isRunning() const { return m_thread.joinable(); }
    /** @brief Blocks until the run has finished and its last signals were delivered (tests, screenshots). */
    void waitForFinished();

signals:
    /** @brief rows of run's history are ready to read; run is the same object every time for one start(). */
    void rowsReady(std::shared_ptr<const gdlab::Run> run, int rows);
    /** @brief The run is complete: the same run with its outcome, and every row ready. */
    void finished(std::shared_ptr<const gdlab::Run> run);
    /** @brief The run could not go on (out of memory); finished() follows with the rows it got to. */
    void failed(const QString& message);

private:
    struct Job;
    void runJob(const std::shared_ptr<Job>& job);
    void deliverRows(const std::shared_ptr<Job>& job);
    void deliverEnd(const std::shared_ptr<Job>& job);

    std::shared_ptr<Job> m_job;
    std::thread m_thread;
};

} // namespace gdlab
