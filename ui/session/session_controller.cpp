#include "session/session_controller.h"
#include "session/core_text.h"

#include "binary_target.h"
#include "csv_reader.h"
#include "dataset.h"
#include "input_error.h"
#include "lesson.h"
#include "session/iteration_model.h"
#include "session/run_worker.h"
#include "session/saved_session.h"

#include <QFile>
#include <QStringList>

#include <algorithm>
#include <exception>
#include <string_view>

namespace gdlab {

namespace {

// A run estimated to take less than this is computed on the GUI thread in one go and published complete:
// half a frame, since the views need the other half to redraw. With the O(k²) batch update that covers a
// million updates of a few parameters; longer runs stream in from the worker.
constexpr double synchronousBudgetNanoseconds = 8e6;

// Nanoseconds a run takes on one core of the 2-core CI machine, release build, measured on the lessons: a batch
// update is an O(k²) evaluation written into the history; a stochastic one adds its batch's gradient, O(rows·k).
double estimatedNanoseconds(const Problem& problem, const SolverSettings& settings)
{
    const auto parameters = static_cast<double>(problem.parameterCount());
    double perUpdate = 15.0 + parameters * parameters;
    if (settings.method != DescentMethod::Batch) {
        const long long batch = std::min<long long>(std::max<long long>(settings.batchSize, 1), problem.sampleCount());
        const double rows = settings.method == DescentMethod::Sgd ? 1.0 : static_cast<double>(batch);
        perUpdate += 30.0 + 2.0 * rows * parameters;
    }
    return perUpdate * (static_cast<double>(settings.iterations) + 1.0);
}

QString messageOf(const std::exception& error)
{
    return CoreText::message(error);
}

} // namespace

SessionController::SessionController(IterationModel* model, QObject* parent)
    : QObject(parent)
    , m_model(model)
    , m_worker(new RunWorker(this))
{
    connect(m_worker, &RunWorker::rowsReady, this, &SessionController::onRowsReady);
    connect(m_worker, &RunWorker::finished, this, [this](const std::shared_ptr<const Run>& finished) {
        m_latest = finished;
        m_model->finishRun(finished);
    });
    connect(m_worker, &RunWorker::failed, this, &SessionController::errorOccurred);
}

SessionController::SessionController(QObject* parent)
    : SessionController(new IterationModel, parent)
{
    m_model->setParent(this);
}

SessionController::~SessionController()
{
    // The worker writes a history the model shares: stop it before anything else goes.
    m_worker->cancel();
}

QString SessionController::loadLesson(const QString& name)
{
    const Lesson* lesson = findLesson(name.toStdString());
    if (!lesson) {
        QStringList names;
        for (const Lesson& known : lessonCatalog())
            names << QString::fromStdString(known.name);
        return tr("unknown lesson '%1' (lessons: %2)").arg(name, names.join(QStringLiteral(", ")));
    }
    QString why;
    std::shared_ptr<const Dataset> dataset = lessonData(*lesson, &why);
    if (!dataset)
        return why;
    try {
        Run run = prepare(std::move(dataset), lesson->problem, lesson->solver, lesson->useOptimalRate);
        run.cause = RunCause::NewLesson;
        run.lessonName = lesson->name;
        run.title = lesson->title;
        run.ghostIterations = lesson->ghostIterations;
        // A new lesson starts at its beginning, not at the iteration the previous one was showing.
        publish(std::move(run), 0);
    } catch (const std::exception& error) {
        return messageOf(error);
    }
    return {};
}

std::shared_ptr<const Dataset> SessionController::lessonData(const Lesson& lesson, QString* error)
{
    const QString fileName = QString::fromStdString(lesson.fileName);
    QFile file(QStringLiteral(":/lessons/") + fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("the data of lesson '%1' (%2) is missing from the program")
                     .arg(QString::fromStdString(lesson.name), fileName);
        return nullptr;
    }
    const QByteArray bytes = file.readAll();
    try {
        return std::make_shared<const Dataset>(CsvReader::parse(
            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), lesson.fileName));
    } catch (const std::exception& failure) {
        *error = messageOf(failure);
        return nullptr;
    }
}

QString SessionController::openSession(const SavedSession& session)
{
    try {
        Run run = prepare(session.dataset, session.spec, session.settings, false);
        run.cause = session.lesson.empty() ? RunCause::NewData : RunCause::NewLesson;
        run.lessonName = session.lesson;
        run.title = session.title;
        run.ghostIterations = session.ghostIterations;
        publish(std::move(run), session.iteration);
    } catch (const std::exception& error) {
        return messageOf(error);
    }
    return {};
}

QString SessionController::openDataset(const Dataset& dataset, const ProblemSpec& spec, const QString& title)
{
    try {
        SolverSettings settings = m_latest ? m_latest->settings : SolverSettings {};
        // The settings carry over to other data, but not a logistic model its target cannot take (values other than
        // 0 and 1): such data opens in the linear model rather than being refused.
        const Eigen::Index target = spec.target >= 0 ? spec.target : dataset.columnCount() - 1;
        if (settings.model == ModelKind::Logistic && target >= 0 && target < dataset.columnCount()
            && !isBinaryColumn(dataset, target))
            settings.model = ModelKind::Linear;
        // Nor what needs the rows (SGD, mini-batch, logistic) to a sample of a long file: it opens by batch descent
        // on the linear model, whose numbers come from the fold of every row.
        if (dataset.isSample() && Solver::needsRows(settings)) {
            settings.model = ModelKind::Linear;
            settings.method = DescentMethod::Batch;
        }
        Run run = prepare(std::make_shared<const Dataset>(dataset), spec, settings, false);
        run.cause = RunCause::NewData;
        run.title = title.toStdString();
        publish(std::move(run), 0);
    } catch (const std::exception& error) {
        // InputError for what the user gave; anything else (out of memory on a huge file) must not end the
        // program either, and the data already loaded stays.
        return messageOf(error);
    }
    return {};
}

QString SessionController::editDataset(const Dataset& dataset, const QString& title, const QString& lessonName)
{
    if (!m_latest)
        return tr("there is no data to edit");
    try {
        Run run
            = prepare(std::make_shared<const Dataset>(dataset), m_latest->problem->spec(), m_latest->settings, false);
        run.cause = RunCause::EditedPoints;
        run.lessonName = lessonName.toStdString();
        run.title = title.toStdString();
        run.ghostIterations = m_latest->ghostIterations;
        publish(std::move(run), currentIteration());
    } catch (const std::exception& error) {
        return messageOf(error);
    }
    return {};
}

QString SessionController::setProblemSpec(const ProblemSpec& spec)
{
    if (!m_latest)
        return tr("there is no data to choose columns from");
    if (spec == m_latest->problem->spec())
        return {};
    try {
        Run run = prepare(m_latest->dataset, spec, m_latest->settings, false);
        ProblemSpec sameScaling = spec;
        sameScaling.standardize = m_latest->problem->spec().standardize;
        const bool onlyScaling = run.problem->spec().features == m_latest->problem->spec().features
            && run.problem->spec().target == m_latest->problem->spec().target
            && sameScaling.intercept == m_latest->problem->spec().intercept;
        run.cause = onlyScaling ? RunCause::NewScaling : RunCause::NewColumns;
        run.lessonName = m_latest->lessonName;
        run.title = m_latest->title;
        run.ghostIterations = m_latest->ghostIterations;
        publish(std::move(run), currentIteration());
    } catch (const std::exception& error) {
        return messageOf(error);
    }
    return {};
}

QString SessionController::setSettings(const SolverSettings& settings)
{
    if (!m_latest)
        return tr("there is no data to descend on yet");
    if (settings == m_latest->settings)
        return {};
    SolverSettings startOnly = m_latest->settings;
    startOnly.init = settings.init;
    startOnly.initValues = settings.initValues;
    startOnly.seed = settings.seed;
    const bool onlyTheStart = startOnly == settings;
    if (settings.model != m_latest->settings.model)
        return changeSettings(settings, RunCause::NewModel);
    return changeSettings(settings, onlyTheStart ? RunCause::NewStart : RunCause::NewSettings);
}

QString SessionController::setLearningRate(double learningRate)
{
    if (!m_latest)
        return tr("there is no data to descend on yet");
    SolverSettings settings = m_latest->settings;
    settings.learningRate = learningRate;
    return setSettings(settings);
}

QString SessionController::setStartPoint(const std::vector<double>& theta)
{
    if (!m_latest)
        return tr("there is no data to descend on yet");
    SolverSettings settings = m_latest->settings;
    settings.init = InitKind::Values;
    settings.initValues = theta;
    return setSettings(settings);
}

void SessionController::setGhostIterations(const std::vector<long long>& iterations)
{
    if (!m_latest || iterations == m_latest->ghostIterations)
        return;
    Run run = *m_latest;
    run.ghostIterations = iterations;
    run.cause = RunCause::NewGhosts;
    if (run.isComplete()) {
        // The same history: nothing to compute, only the ghosts to redraw.
        const long long keep = currentIteration();
        m_latest = std::make_shared<const Run>(std::move(run));
        m_model->setRun(m_latest, keep);
        return;
    }
    run.history.reset();
    publish(std::move(run), currentIteration());
}

QString SessionController::changeSettings(const SolverSettings& settings, RunCause cause)
{
    try {
        Run run = withSettings(*m_latest, settings);
        run.cause = cause;
        publish(std::move(run), currentIteration());
    } catch (const std::exception& error) {
        return messageOf(error);
    }
    return {};
}

bool SessionController::isComputing() const
{
    return m_worker->isRunning() || m_model->isComputing();
}

void SessionController::waitForComputation()
{
    m_worker->waitForFinished();
}

Run SessionController::prepare(std::shared_ptr<const Dataset> dataset, const ProblemSpec& spec,
    const SolverSettings& settings, bool useOptimalRate) const
{
    // New data or columns may change the number of parameters; a start given as values then no longer fits,
    // and descending from zeros beats refusing the data. So prepare from zeros and put the values back when
    // they still fit.
    SolverSettings trial = settings;
    if (trial.init == InitKind::Values) {
        trial.init = InitKind::Zeros;
        trial.initValues.clear();
    }
    Run run = prepareRun(std::move(dataset), spec, trial, useOptimalRate);
    if (settings.init == InitKind::Values
        && settings.initValues.size() == static_cast<std::size_t>(run.problem->parameterCount())) {
        run.settings.init = InitKind::Values;
        run.settings.initValues = settings.initValues;
        Solver::validate(*run.problem, run.settings);
    }
    return run;
}

void SessionController::publish(Run run, long long keepIteration)
{
    m_worker->cancel();
    if (estimatedNanoseconds(*run.problem, run.settings) > synchronousBudgetNanoseconds) {
        m_latest = std::make_shared<const Run>(run);
        m_workerKeepIteration = keepIteration;
        m_worker->start(std::move(run));
        return;
    }
    descend(run);
    m_latest = std::make_shared<const Run>(std::move(run));
    m_model->setRun(m_latest, keepIteration);
}

void SessionController::onRowsReady(const std::shared_ptr<const Run>& run, int rows)
{
    if (m_model->sharedRun() == run) {
        m_model->appendRows(rows);
        return;
    }
    // The first rows of a new run: it replaces the previous one on screen now.
    m_latest = run;
    m_model->setRun(run, m_workerKeepIteration, rows);
}

long long SessionController::currentIteration() const
{
    return m_model->isEmpty() ? 0 : m_model->iteration(m_model->currentRow());
}

} // namespace gdlab
