#include "session/run_worker.h"
#include "session/core_text.h"

#include "history.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <exception>

namespace gdlab {

namespace {

// Rows between two looks at the clock and the cancel flag: about a millisecond of work, so that a cancelled
// run stops at once and the first rows reach the screen without waiting for a large chunk.
std::size_t chunkRowsFor(const Problem& problem, const SolverSettings& settings)
{
    const double parameters = static_cast<double>(problem.parameterCount());
    double nanosecondsPerUpdate = 10.0 + parameters * parameters;
    if (settings.method != DescentMethod::Batch) {
        const double batch = settings.method == DescentMethod::Sgd
            ? 1.0
            : static_cast<double>(std::min<long long>(settings.batchSize, problem.sampleCount()));
        nanosecondsPerUpdate += 20.0 + 2.0 * batch * parameters;
    }
    return static_cast<std::size_t>(std::clamp(1e6 / nanosecondsPerUpdate, 1.0, 65536.0));
}

} // namespace

/** What the thread and the GUI thread share about one run. */
struct RunWorker::Job {
    std::shared_ptr<History> history; ///< written by the thread only
    std::shared_ptr<const Run> shown; ///< the run as published while it computes
    std::atomic<bool> cancelled { false };
    /** Rows the thread has finished writing; stored with release after the writes, loaded with acquire. */
    std::atomic<std::size_t> publishedRows { 0 };
    /** Set by the thread before it posts the end; read by the GUI thread after it acquired finished. */
    std::shared_ptr<const Run> finishedRun;
    QString error;
    std::atomic<bool> ended { false };
    bool firstRowsSent = false; ///< GUI thread only
};

RunWorker::RunWorker(QObject* parent)
    : QObject(parent)
{
}

RunWorker::~RunWorker()
{
    // The thread posts to this object and writes a history the GUI may still hold: it must be gone first.
    cancel();
}

void RunWorker::start(Run run)
{
    cancel();
    auto job = std::make_shared<Job>();
    const Solver solver(*run.problem, run.settings);
    job->history = std::make_shared<History>(solver.makeHistory());
    // Reserved whole, so no append moves the rows the GUI thread is reading.
    job->history->reserve(static_cast<std::size_t>(run.settings.iterations) + 1);
    run.history = job->history;
    run.outcome.reset();
    job->shown = std::make_shared<const Run>(std::move(run));
    m_job = job;
    m_thread = std::thread([this, job] { runJob(job); });
}

void RunWorker::runJob(const std::shared_ptr<Job>& job)
{
    using Clock = std::chrono::steady_clock;
    const Run& run = *job->shown;
    auto lastPost = Clock::now();
    bool posted = false;
    const auto publish = [&](const History& history) {
        job->publishedRows.store(history.size(), std::memory_order_release);
        QMetaObject::invokeMethod(
            this, [this, job] { deliverRows(job); }, Qt::QueuedConnection);
        lastPost = Clock::now();
        posted = true;
    };
    RunResult result;
    try {
        const Solver solver(*run.problem, run.settings);
        result = solver.run(
            *job->history,
            [&](History& history) {
                if (job->cancelled.load(std::memory_order_relaxed))
                    return false;
                if (!posted || Clock::now() - lastPost >= std::chrono::milliseconds(16))
                    publish(history);
                return true;
            },
            chunkRowsFor(*run.problem, run.settings));
    } catch (const std::exception& error) {
        // An exception must not leave the thread (that would end the program); report it, and end the run
        // where it got to.
        job->error = CoreText::message(error);
        const History& history = *job->history;
        result = { StopReason::Cancelled, history.empty() ? 0 : history.iteration(history.size() - 1) };
    }
    auto finished = std::make_shared<Run>(run);
    finished->outcome = result;
    job->finishedRun = std::move(finished);
    job->publishedRows.store(job->history->size(), std::memory_order_release);
    job->ended.store(true, std::memory_order_release);
    QMetaObject::invokeMethod(
        this, [this, job] { deliverEnd(job); }, Qt::QueuedConnection);
}

void RunWorker::deliverRows(const std::shared_ptr<Job>& job)
{
    if (job != m_job || job->cancelled.load())
        return; // from a run that a newer request replaced
    const auto rows = static_cast<int>(job->publishedRows.load(std::memory_order_acquire));
    job->firstRowsSent = true;
    emit rowsReady(job->shown, rows);
}

void RunWorker::deliverEnd(const std::shared_ptr<Job>& job)
{
    if (job != m_job || job->cancelled.load() || !job->ended.load(std::memory_order_acquire))
        return;
    if (m_thread.joinable())
        m_thread.join(); // it has nothing left to do but return
    m_job.reset();
    if (!job->firstRowsSent && job->publishedRows.load(std::memory_order_acquire) > 0)
        emit rowsReady(job->shown, static_cast<int>(job->publishedRows.load(std::memory_order_acquire)));
    if (!job->error.isEmpty())
        emit failed(job->error);
    emit finished(job->finishedRun);
}

void RunWorker::cancel()
{
    if (m_job)
        m_job->cancelled.store(true);
    if (m_thread.joinable())
        m_thread.join();
    m_job.reset();
}

void RunWorker::waitForFinished()
{
    if (!m_job)
        return;
    const std::shared_ptr<Job> job = m_job;
    if (m_thread.joinable())
        m_thread.join();
    // Everything the thread posted is queued now; deliver it here rather than in a later turn of the loop.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    if (m_job == job) // its end never arrived (it cannot, short of a bug): deliver it now
        deliverEnd(job);
}

} // namespace gdlab
