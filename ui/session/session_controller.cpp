#include "session/session_controller.h"

#include "csv_reader.h"
#include "input_error.h"
#include "lesson.h"
#include "session/iteration_model.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <exception>
#include <string_view>

namespace gdlab {

namespace {

// A run estimated to take less than this on the GUI thread is computed there in one go, and the model then
// resets exactly once with the whole history; half a frame, since the views need the other half to redraw.
// That covers five_points (≈0.25 ms), 10,000 batch updates at any n (≈3 ms: a batch update is O(k²)) and
// 10,000 SGD steps; the 20,000-step SGD lesson (≈15 ms) and the 100,000-update lesson go to the worker.
constexpr double synchronousBudgetNanoseconds = 8e6;
// A worker hands its states over in batches, so that the GUI thread inserts rows a few dozen times per second
// rather than once per state, but still sees the history grow.
constexpr std::size_t batchStates = 5000;
constexpr qint64 batchMilliseconds = 30;

// Nanoseconds a run takes on one desktop core in a release build, measured on the lessons: every state costs
// a few allocations (θ and two gradients, copied into the history) and an O(k²) evaluation on the whole data
// set through G; a stochastic update adds its batch gradient, O(rows·k), and two more allocations.
double estimatedNanoseconds(const Problem& problem, const SolverSettings& settings)
{
    const auto parameters = static_cast<double>(problem.parameterCount());
    double perUpdate = 250.0 + parameters * parameters;
    if (settings.method != DescentMethod::Batch) {
        const long long batch = std::min<long long>(std::max<long long>(settings.batchSize, 1), problem.sampleCount());
        const double rows = settings.method == DescentMethod::Sgd ? 1.0 : static_cast<double>(batch);
        perUpdate += 500.0 + rows * parameters;
    }
    return perUpdate * (static_cast<double>(settings.iterations) + 1.0);
}

// The row of `iteration` in a sorted history, or the last one before it (as IterationModel::rowForIteration).
int rowForIteration(const std::vector<IterationState>& states, long long iteration)
{
    const auto after = std::upper_bound(states.begin(), states.end(), iteration,
        [](long long wanted, const IterationState& state) { return wanted < state.iteration; });
    return after == states.begin() ? 0 : static_cast<int>(after - states.begin()) - 1;
}

} // namespace

/** One hand-over from the worker to the GUI thread, carried by value in a queued call. */
struct SessionController::WorkerBatch {
    unsigned generation = 0;
    std::vector<IterationState> states;
    bool finished = false;
    StopReason reason = StopReason::MaxIterations;
    QString error;
    /**
     * Qt's event queue already orders the hand-over; this release/acquire pair states it in C++ terms, so that
     * ThreadSanitizer (which cannot see into an uninstrumented Qt) checks the rest of the threading.
     */
    std::atomic<bool> published { false };
};

SessionController::SessionController(QObject* parent)
    : QObject(parent)
    , m_model(new IterationModel(this))
{
}

SessionController::~SessionController()
{
    // The worker posts to this object and reads the problem it shares; it must be gone before either is.
    cancelWorker();
}

bool SessionController::loadLesson(const QString& name)
{
    const Lesson* lesson = findLesson(name.toStdString());
    if (!lesson) {
        QStringList names;
        for (const Lesson& known : lessonCatalog())
            names << QString::fromStdString(known.name);
        emit errorOccurred(tr("unknown lesson '%1' (lessons: %2)").arg(name, names.join(QStringLiteral(", "))));
        return false;
    }

    const QString fileName = QString::fromStdString(lesson->fileName);
    QFile file(QStringLiteral(":/lessons/") + fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        emit errorOccurred(tr("the data of lesson '%1' (%2) is missing from the program").arg(name, fileName));
        return false;
    }
    const QByteArray bytes = file.readAll();
    Dataset dataset;
    try {
        dataset = CsvReader::parse(
            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), lesson->fileName);
    } catch (const std::exception& error) {
        emit errorOccurred(QString::fromStdString(error.what()));
        return false;
    }

    std::optional<DescentRun> prepared = prepare(dataset, lesson->problem, lesson->solver, lesson->useOptimalRate);
    if (!prepared)
        return false;
    const bool ghostsChanged = m_ghostIterations != lesson->ghostIterations;
    m_dataset = std::move(dataset);
    m_lessonName = name;
    m_title = QString::fromStdString(lesson->title);
    m_ghostIterations = lesson->ghostIterations;
    // A new lesson starts at its beginning, not at the iteration the previous one was showing.
    commit(std::move(*prepared), 0, ghostsChanged);
    return true;
}

bool SessionController::setDataset(const Dataset& dataset, const ProblemSpec& spec, const QString& title)
{
    std::optional<DescentRun> prepared = prepare(dataset, spec, m_settings, false);
    if (!prepared)
        return false;
    m_dataset = dataset;
    m_lessonName.clear();
    m_title = title;
    commit(std::move(*prepared), 0, false);
    return true;
}

bool SessionController::setProblemSpec(const ProblemSpec& spec)
{
    if (m_problem && spec == m_spec)
        return true;
    if (m_dataset.isEmpty()) {
        emit errorOccurred(tr("there is no data to choose columns from"));
        return false;
    }
    std::optional<DescentRun> prepared = prepare(m_dataset, spec, m_settings, false);
    if (!prepared)
        return false;
    commit(std::move(*prepared), currentIteration(), false);
    return true;
}

bool SessionController::setSettings(const SolverSettings& settings)
{
    if (!m_problem) {
        // Nothing to check the settings against yet; the data that comes later validates them.
        if (settings != m_settings) {
            m_settings = settings;
            emit settingsChanged();
        }
        return true;
    }
    if (settings == m_settings)
        return true;

    // The problem does not depend on the solver settings, so it is not rebuilt (that costs a pass over the
    // data and a QR); only the bounds depend on the loss.
    StabilityBounds stability;
    try {
        Solver::validate(*m_problem, settings);
        stability = settings.loss == m_settings.loss ? m_stability : computeStability(*m_problem, settings.loss);
    } catch (const std::exception& error) {
        emit errorOccurred(QString::fromStdString(error.what()));
        return false;
    }
    const long long keepIteration = currentIteration();
    m_settings = settings;
    m_stability = stability;
    recompute(keepIteration);
    emit settingsChanged();
    return true;
}

bool SessionController::setLearningRate(double learningRate)
{
    SolverSettings settings = m_settings;
    settings.learningRate = learningRate;
    return setSettings(settings);
}

bool SessionController::setStartPoint(const std::vector<double>& theta)
{
    SolverSettings settings = m_settings;
    settings.init = InitKind::Values;
    settings.initValues = theta;
    return setSettings(settings);
}

void SessionController::setGhostIterations(const std::vector<long long>& iterations)
{
    if (iterations == m_ghostIterations)
        return;
    m_ghostIterations = iterations;
    emit settingsChanged();
}

void SessionController::waitForComputation()
{
    while (m_computing && m_worker.joinable()) {
        const unsigned generation = m_generation;
        m_worker.join();
        // The worker has posted everything it will post; deliver it now rather than in a later event loop.
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
        if (m_computing && generation == m_generation) {
            // Its last batch never arrived (it cannot, short of a bug): do not leave the session computing.
            m_cancelFlag.reset();
            finishComputation(StopReason::Cancelled);
        }
    }
}

std::optional<DescentRun> SessionController::prepare(
    const Dataset& dataset, const ProblemSpec& spec, const SolverSettings& settings, bool useOptimalRate)
{
    try {
        // New data or columns may change the number of parameters; a start given as values then no longer
        // fits, and descending from zeros beats refusing the data. So prepare from zeros and put the values
        // back when they still fit.
        SolverSettings trial = settings;
        if (trial.init == InitKind::Values) {
            trial.init = InitKind::Zeros;
            trial.initValues.clear();
        }
        DescentRun prepared = prepareDescent(dataset, spec, trial, useOptimalRate);
        if (settings.init == InitKind::Values
            && settings.initValues.size() == static_cast<std::size_t>(prepared.problem->parameterCount())) {
            prepared.settings.init = InitKind::Values;
            prepared.settings.initValues = settings.initValues;
            Solver::validate(*prepared.problem, prepared.settings);
        }
        return prepared;
    } catch (const std::exception& error) {
        // InputError for what the user gave; anything else (out of memory on a huge file) must not end the
        // program either, and the data already loaded stays.
        emit errorOccurred(QString::fromStdString(error.what()));
        return std::nullopt;
    }
}

void SessionController::commit(DescentRun prepared, long long keepIteration, bool settingsAlsoChanged)
{
    const bool settingsDiffer = settingsAlsoChanged || prepared.settings != m_settings;
    m_problem = std::move(prepared.problem);
    m_spec = m_problem->spec();
    m_leastSquares = std::move(prepared.leastSquares);
    m_stability = prepared.stability;
    m_settings = std::move(prepared.settings);
    // The model is refilled before the signals go out, so that whoever handles problemChanged finds a history
    // of the new problem's shape (θ of the right size) rather than the previous one.
    recompute(keepIteration);
    emit problemChanged();
    if (settingsDiffer)
        emit settingsChanged();
}

void SessionController::recompute(long long keepIteration)
{
    const bool cancelled = m_worker.joinable();
    cancelWorker();
    ++m_generation;
    m_pendingIteration = -1;
    if (cancelled)
        emit computationFinished(StopReason::Cancelled);
    if (!m_problem) {
        m_model->clear();
        return;
    }

    m_computing = true;
    emit computationStarted();
    const QStringList symbols = parameterSymbols();
    if (estimatedNanoseconds(*m_problem, m_settings) > synchronousBudgetNanoseconds) {
        startWorker(symbols, keepIteration);
        return;
    }

    std::vector<IterationState> history;
    history.reserve(static_cast<std::size_t>(std::min<long long>(m_settings.iterations, 1 << 20)) + 1);
    RunResult result;
    try {
        const Solver solver(*m_problem, m_settings);
        result = solver.run([&history](const IterationState& state) {
            history.push_back(state);
            return true;
        });
    } catch (const std::exception& error) {
        // The settings were validated before, so this is out of memory or a bug; keep what was computed.
        emit errorOccurred(QString::fromStdString(error.what()));
        result.reason = StopReason::Cancelled;
    }
    const int row = rowForIteration(history, keepIteration);
    m_model->setHistory(std::move(history), symbols, row);
    finishComputation(result.reason);
}

void SessionController::startWorker(const QStringList& symbols, long long keepIteration)
{
    // The starting point is computed here, so that the model at once holds a history of the new shape and
    // resets only this once; the worker's batches are then appended after it.
    std::vector<IterationState> start;
    SolverSettings startOnly = m_settings;
    startOnly.iterations = 0;
    Solver(*m_problem, startOnly).run([&start](const IterationState& state) {
        start.push_back(state);
        return true;
    });
    m_model->setHistory(std::move(start), symbols, 0);
    m_expectedRow = 0;
    m_pendingIteration = keepIteration > 0 ? keepIteration : -1;

    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancelFlag = cancel;
    const unsigned generation = m_generation;
    m_worker = std::thread([this, problem = m_problem, settings = m_settings, cancel, generation] {
        std::vector<IterationState> states;
        states.reserve(batchStates);
        QElapsedTimer sinceLastBatch;
        sinceLastBatch.start();
        const auto post = [this, generation, &states](bool finished, StopReason reason, const QString& error) {
            auto batch = std::make_shared<WorkerBatch>();
            batch->generation = generation;
            batch->states.swap(states);
            batch->finished = finished;
            batch->reason = reason;
            batch->error = error;
            batch->published.store(true, std::memory_order_release);
            QMetaObject::invokeMethod(
                this, [this, batch = std::move(batch)] { onWorkerBatch(*batch); }, Qt::QueuedConnection);
            states.reserve(batchStates);
        };
        try {
            const Solver solver(*problem, settings);
            const RunResult result = solver.run([&](const IterationState& state) {
                if (cancel->load(std::memory_order_relaxed))
                    return false;
                if (state.iteration == 0)
                    return true; // already in the model
                states.push_back(state);
                if (states.size() >= batchStates || sinceLastBatch.elapsed() >= batchMilliseconds) {
                    post(false, StopReason::MaxIterations, {});
                    sinceLastBatch.restart();
                }
                return true;
            });
            post(true, result.reason, {});
        } catch (const std::exception& error) {
            // An exception must not leave the thread (that would end the program); report it instead.
            post(true, StopReason::Cancelled, QString::fromStdString(error.what()));
        }
    });
}

void SessionController::cancelWorker()
{
    if (!m_worker.joinable())
        return;
    // The solver checks the flag at every state, so the join below waits for at most one update.
    m_cancelFlag->store(true);
    m_worker.join();
    m_cancelFlag.reset();
    m_computing = false;
}

void SessionController::onWorkerBatch(WorkerBatch& batch)
{
    if (!batch.published.load(std::memory_order_acquire))
        return; // cannot happen: posted only once filled
    if (batch.generation != m_generation)
        return; // from a run that a newer change cancelled
    if (!batch.states.empty()) {
        m_model->appendStates(std::move(batch.states));
        followKeptIteration();
    }
    if (!batch.finished)
        return;
    if (m_worker.joinable()) {
        m_worker.join(); // it has nothing left to do but return
        m_cancelFlag.reset();
    }
    m_pendingIteration = -1;
    if (!batch.error.isEmpty())
        emit errorOccurred(batch.error);
    finishComputation(batch.reason);
}

void SessionController::followKeptIteration()
{
    if (m_pendingIteration < 0)
        return;
    if (m_model->currentRow() != m_expectedRow) {
        m_pendingIteration = -1; // the user moved the cursor meanwhile; leave it where they put it
        return;
    }
    const int row = m_model->rowForIteration(m_pendingIteration);
    m_model->setCurrentRow(row);
    m_expectedRow = m_model->currentRow();
    if (m_model->state(m_expectedRow).iteration >= m_pendingIteration)
        m_pendingIteration = -1;
}

void SessionController::finishComputation(StopReason reason)
{
    m_computing = false;
    m_stopReason = reason;
    emit computationFinished(reason);
}

long long SessionController::currentIteration() const
{
    return m_model->isEmpty() ? 0 : m_model->currentState().iteration;
}

QStringList SessionController::parameterSymbols() const
{
    QStringList symbols;
    if (m_problem)
        for (const std::string& symbol : m_problem->parameterSymbols())
            symbols << QString::fromStdString(symbol);
    return symbols;
}

} // namespace gdlab
