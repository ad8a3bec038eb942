#pragma once

#include "run.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace gdlab {

class Dataset;
class IterationModel;
class RunWorker;
struct Lesson;
struct SavedSession;

/**
 * @brief Takes the session's commands (a lesson, a file, edited points, columns, settings, a start) and
 * publishes each as one new Run into the IterationModel: one command, one run, one reset.
 *
 * A command that cannot run is refused with a message (returned to the caller, who shows it once) and changes
 * nothing. A run estimated to fit in half a frame is computed here on the GUI thread and published complete;
 * a longer one goes to the RunWorker and is published once its first rows are ready (until then the previous
 * run stays on screen), then grows and finishes. A newer command cancels a run still computing.
 *
 * Commands build on the latest run requested, which the model shows or is about to show. The controller knows
 * nothing of views: they read the model and send their intents through the window.
 */
class SessionController : public QObject {
    Q_OBJECT

public:
    /** @brief Publishes into model, which must outlive the controller (or be its child). */
    explicit SessionController(IterationModel* model, QObject* parent = nullptr);
    /** @brief Owns a model of its own. */
    explicit SessionController(QObject* parent = nullptr);
    ~SessionController() override;

    IterationModel* model() const { return m_model; }

    // Commands: each returns an empty string when a new run was published, or why nothing changed.
    /** @brief A built-in lesson: its data from the resources, its settings, its ghosts; starts at iteration 0. */
    QString loadLesson(const QString& name);
    /** @brief Other data (a file the user opened); the solver settings stay, the start becomes zeros when the
     * number of parameters changed. A sample of a long file (Dataset::isSample()) opens by batch descent on the linear
     * model when the settings need rows it does not hold. */
    QString openDataset(const Dataset& dataset, const ProblemSpec& spec, const QString& title);
    /**
     * @brief The same data with points edited (or an edit undone): same columns, the cursor kept. lessonName is
     * the lesson the data now is (empty: the user's own data, as an edited lesson is; an undo names it again).
     */
    QString editDataset(const Dataset& dataset, const QString& title, const QString& lessonName = QString());
    /**
     * @brief A saved session (SessionFile::read) in one step: its data, columns, settings, ghosts and cursor, all
     * new at once, or nothing changed and why.
     */
    QString openSession(const SavedSession& session);
    /** @brief The data of a built-in lesson, from the program's resources; nullptr with a message. */
    static std::shared_ptr<const Dataset> lessonData(const Lesson& lesson, QString* error);
    /** @brief Other columns, intercept or standardization of the same data. */
    QString setProblemSpec(const ProblemSpec& spec);
    /** @brief Any solver setting. */
    QString setSettings(const SolverSettings& settings);
    QString setLearningRate(double learningRate);
    /** @brief Starts the descent from theta (descent space), e.g. where the user clicked on the surface. */
    QString setStartPoint(const std::vector<double>& theta);
    /** @brief The iterations whose lines the fit view shows muted. */
    void setGhostIterations(const std::vector<long long>& iterations);

    /** @brief The latest run requested (the model shows it, or will once its first rows are ready); null
     * before anything was loaded. */
    const Run* latestRun() const { return m_latest.get(); }
    /** @brief Whether a run is still being computed on the worker. */
    bool isComputing() const;
    /** @brief Blocks until a worker run (if any) has finished and the model shows all of it; for tests and
     * --screenshot. */
    void waitForComputation();

signals:
    /** @brief A run on the worker failed (out of memory); what it computed stays on screen. Refused commands are
     * not announced here: their refusal is returned to whoever sent them. */
    void errorOccurred(const QString& message);

private:
    /** Prepares a run of new data or columns: the start given as values is kept only if it still fits. */
    Run prepare(std::shared_ptr<const Dataset> dataset, const ProblemSpec& spec, const SolverSettings& settings,
        bool useOptimalRate) const;
    /** Computes (or starts computing) run and publishes it, keeping the cursor at keepIteration. */
    void publish(Run run, long long keepIteration);
    long long currentIteration() const;
    QString changeSettings(const SolverSettings& settings, RunCause cause);
    void onRowsReady(const std::shared_ptr<const Run>& run, int rows);

    IterationModel* m_model = nullptr;
    RunWorker* m_worker = nullptr;
    std::shared_ptr<const Run> m_latest;
    /** The cursor's iteration to keep for the run on the worker, until its first rows are shown. */
    long long m_workerKeepIteration = 0;
};

} // namespace gdlab
