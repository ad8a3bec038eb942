#pragma once

#include "dataset.h"
#include "descent_run.h"
#include "least_squares.h"
#include "problem.h"
#include "solver.h"
#include "solver_settings.h"
#include "stability.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace gdlab {

class IterationModel;

/**
 * @brief Owns what is being fitted (data, columns, settings) and the history model, and recomputes the whole
 * trajectory whenever any of them changes.
 *
 * A change prepares the problem (closed form, bounds) and runs the solver. Runs that fit in a frame run on
 * the GUI thread; longer ones go to a worker thread that appends rows in batches, and a newer change cancels
 * an older run. After a recomputation the current row stays at the same iteration where it can.
 */
class SessionController : public QObject {
    Q_OBJECT

public:
    explicit SessionController(QObject* parent = nullptr);
    ~SessionController() override;

    IterationModel* model() const { return m_model; }

    /** @brief Loads a built-in lesson (data from the resources, its settings, its ghosts). */
    bool loadLesson(const QString& name);
    /**
     * @brief Fits other data (a CSV the user opened), keeping the solver settings but starting from zeros
     * when the number of parameters changed. Returns false and emits errorOccurred when the data cannot be
     * fitted; the data already loaded then stays.
     */
    bool setDataset(const Dataset& dataset, const ProblemSpec& spec, const QString& title);
    /** @brief Changes the columns, intercept or standardization; false (and nothing changes) when invalid. */
    bool setProblemSpec(const ProblemSpec& spec);
    /** @brief Changes any solver setting; false (and nothing changes) when the settings cannot run. */
    bool setSettings(const SolverSettings& settings);
    bool setLearningRate(double learningRate);
    /** @brief Starts the descent from theta (descent space), e.g. where the user clicked on the surface. */
    bool setStartPoint(const std::vector<double>& theta);
    void setGhostIterations(const std::vector<long long>& iterations);

    const Dataset& dataset() const { return m_dataset; }
    /** @brief As the problem resolved it: the target and the features are explicit column indices. */
    const ProblemSpec& problemSpec() const { return m_spec; }
    const SolverSettings& settings() const { return m_settings; }
    const std::vector<long long>& ghostIterations() const { return m_ghostIterations; }
    /** @brief The lesson's name, or empty for the user's own data. */
    const QString& lessonName() const { return m_lessonName; }
    const QString& title() const { return m_title; }

    /** @brief The prepared problem; null before anything was loaded. */
    const std::shared_ptr<const Problem>& problem() const { return m_problem; }
    const LeastSquaresFit& leastSquares() const { return m_leastSquares; }
    const StabilityBounds& stability() const { return m_stability; }

    bool isComputing() const { return m_computing; }
    /** @brief Why the last run stopped (meaningful once computationFinished was emitted). */
    StopReason stopReason() const { return m_stopReason; }
    /**
     * @brief Blocks until a worker run (if any) has finished and its rows are in the model; for tests and
     * --screenshot.
     */
    void waitForComputation();

signals:
    /** @brief New data or columns: problem(), leastSquares() and stability() changed. */
    void problemChanged();
    /**
     * @brief Any solver setting (or the ghosts) changed; stability() too when the loss changed, since the bounds
     * depend on it (the problem is not rebuilt for a settings change, so problemChanged is not emitted).
     */
    void settingsChanged();
    /**
     * @brief Emitted by every recomputation. Signal order for a change: computationStarted, the model's reset
     * (and, for a synchronous run, computationFinished), then problemChanged and/or settingsChanged, so that
     * their handlers already find the new history in the model.
     */
    void computationStarted();
    /** @brief The history is complete; Cancelled when a newer change stopped a worker run. */
    void computationFinished(gdlab::StopReason reason);
    /** @brief A message for the user (bad setting, data that cannot be fitted); nothing was changed. */
    void errorOccurred(const QString& message);

private:
    struct WorkerBatch;
    /** Builds the problem, closed form and bounds for new data or columns; emits errorOccurred on failure. */
    std::optional<DescentRun> prepare(
        const Dataset& dataset, const ProblemSpec& spec, const SolverSettings& settings, bool useOptimalRate);
    /** Takes a prepared problem (m_dataset already set), recomputes and tells the views. */
    void commit(DescentRun prepared, long long keepIteration, bool settingsAlsoChanged);
    void recompute(long long keepIteration);
    void startWorker(const QStringList& symbols, long long keepIteration);
    /** Stops a running worker and joins it; its queued batches are then ignored by generation. */
    void cancelWorker();
    void onWorkerBatch(WorkerBatch& batch);
    void followKeptIteration();
    void finishComputation(StopReason reason);
    long long currentIteration() const;
    QStringList parameterSymbols() const;

    IterationModel* m_model = nullptr;
    Dataset m_dataset;
    ProblemSpec m_spec;
    SolverSettings m_settings;
    std::vector<long long> m_ghostIterations;
    QString m_lessonName;
    QString m_title;

    std::shared_ptr<const Problem> m_problem;
    LeastSquaresFit m_leastSquares;
    StabilityBounds m_stability;
    bool m_computing = false;
    StopReason m_stopReason = StopReason::MaxIterations;

    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    /** A std::thread rather than a QThread: joining it is a plain pthread_join that ThreadSanitizer follows. */
    std::thread m_worker;
    /** Bumped by every recomputation, so that batches still queued from a cancelled run are dropped. */
    unsigned m_generation = 0;
    /** While a worker fills the model: the iteration the cursor should reach again, or -1. */
    long long m_pendingIteration = -1;
    /** The row the controller last put the cursor on; if the user moved it since, stop following. */
    int m_expectedRow = 0;
};

} // namespace gdlab
