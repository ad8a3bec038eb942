#include "dataset.h"
#include "session/session_controller.h"
#include "support/model_states.h"

#include "csv_reader.h"
#include "lesson.h"
#include "problem_accumulator.h"
#include "run.h"
#include "session/iteration_model.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>

namespace tst_session_controller {

using gdlab::Dataset;
using gdlab::DescentMethod;
using gdlab::InitKind;
using gdlab::IterationModel;
using gdlab::ModelKind;
using gdlab::ProblemAccumulator;
using gdlab::ProblemSpec;
using gdlab::Run;
using gdlab::SessionController;
using gdlab::SolverSettings;
using gdlab::StopReason;

namespace {

// y = 1 + 2·x1 − x2 + a deterministic wiggle, over `rows` rows: big enough that mini-batches of 1000 rows make
// a run too long for the GUI thread.
gdlab::Dataset makeDataset(Eigen::Index rows)
{
    Eigen::MatrixXd values(rows, 3);
    for (Eigen::Index i = 0; i < rows; ++i) {
        const double x1 = double(i) / double(rows);
        const double x2 = std::sin(double(i));
        values(i, 0) = x1;
        values(i, 1) = x2;
        values(i, 2) = 1.0 + 2.0 * x1 - x2 + 0.01 * std::cos(3.0 * double(i));
    }
    return gdlab::Dataset({ "x1", "x2", "y" }, values, "generated");
}

// Settings whose run is too long for the GUI thread, so that it goes to the worker; kept cheap enough for a
// debug build (where the core's Eigen code runs unoptimised).
SolverSettings workerSettings(
    long long iterations, double learningRate, DescentMethod method = DescentMethod::Batch, long long batchSize = 32)
{
    SolverSettings settings;
    settings.method = method;
    settings.batchSize = batchSize;
    settings.iterations = iterations;
    settings.learningRate = learningRate;
    return settings;
}

void compareRelative(double actual, double expected, double tolerance, const char* what)
{
    const double error = std::abs(actual - expected) / std::max(std::abs(expected), 1e-300);
    QVERIFY2(error <= tolerance,
        qPrintable(QStringLiteral("%1: %2 vs %3 (relative error %4)")
                       .arg(QLatin1String(what))
                       .arg(actual, 0, 'g', 17)
                       .arg(expected, 0, 'g', 17)
                       .arg(error)));
}

void verifyRowsInOrder(const IterationModel& model)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.iteration(row) != row)
            QFAIL(qPrintable(QStringLiteral("row %1 holds iteration %2").arg(row).arg(model.iteration(row))));
}

} // namespace

class TestSessionController : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void fivePointsLesson();
    void lessonSignals();
    void learningRateRecomputesAndKeepsIteration();
    void sameSettingsDoNothing();
    void badSettingsAreRejected_data();
    void badSettingsAreRejected();
    void unknownLesson();
    void modelSwitch();
    void startPoint();
    void ghostIterations();
    void datasetWithMoreParameters();
    void datasetThatCannotBeFitted();
    void sampleOpensByBatchDescent();
    void problemSpec();
    void everyLessonLoads_data();
    void everyLessonLoads();
    void settingsChangeTiming();
    void workerAppendsAllRowsInOrder();
    void workerKeepsIteration();
    void newerChangeCancelsWorker();
    void waitForComputation();
    void destroyDuringWorkerRun();

private:
    void dropTesterForLongRuns();

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSessionController::init()
{
    m_controller = std::make_unique<SessionController>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_controller->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestSessionController::cleanup()
{
    m_tester.reset();
    m_controller.reset();
}

// The tester re-checks the rows around every insertion and walks the whole model after a reset; over the tens
// of thousands of rows a worker run appends in many batches that turns quadratic. The short runs keep it.
void TestSessionController::dropTesterForLongRuns()
{
    m_tester.reset();
}

void TestSessionController::fivePointsLesson()
{
    QSignalSpy errors(m_controller.get(), &SessionController::errorOccurred);
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    QCOMPARE(errors.count(), 0);
    QVERIFY(!m_controller->isComputing());
    QCOMPARE(m_controller->model()->run()->outcome->reason, StopReason::MaxIterations);
    QCOMPARE(QString::fromStdString(m_controller->model()->run()->lessonName), QStringLiteral("five_points"));
    QVERIFY(!QString::fromStdString(m_controller->model()->run()->title).isEmpty());
    QCOMPARE(m_controller->model()->run()->ghostIterations, (std::vector<long long> { 10, 100, 1000 }));
    QVERIFY(m_controller->model()->run()->problem);
    QCOMPARE(m_controller->model()->run()->problem->parameterCount(), Eigen::Index(2));
    QCOMPARE(m_controller->model()->run()->settings.learningRate, 0.01);

    const IterationModel& model = *m_controller->model();
    QCOMPARE(model.rowCount(), 1001);
    QCOMPARE(model.currentRow(), 0);
    QCOMPARE(model.parameterSymbols(), (QStringList { QStringLiteral("θ0"), QStringLiteral("θ1") }));
    verifyRowsInOrder(model);

    const Eigen::VectorXd& start = model.theta(0);
    QCOMPARE(start[0], 0.75);
    QCOMPARE(start[1], 0.48);
    const Eigen::VectorXd& one = model.theta(1);
    QVERIFY(std::abs(one[0] - 0.7662) <= 1e-12);
    QVERIFY(std::abs(one[1] - 0.5414) <= 1e-12);
    const Eigen::VectorXd& ten = model.theta(10);
    compareRelative(ten[0], 0.8094368934859253, 1e-12, "θ0 after 10 updates");
    compareRelative(ten[1], 0.7232754423544987, 1e-12, "θ1 after 10 updates");

    // The closed form of the five points: y = 0.6 + 0.8·x.
    QVERIFY(std::abs(m_controller->model()->run()->leastSquares.theta[0] - 0.6) < 1e-12);
    QVERIFY(std::abs(m_controller->model()->run()->leastSquares.theta[1] - 0.8) < 1e-12);
    QVERIFY(m_controller->model()->run()->stability.divergenceBound > 0.01);
}

void TestSessionController::lessonSignals()
{
    QSignalSpy runs(m_controller->model(), &IterationModel::runReset);
    QSignalSpy rows(m_controller->model(), &IterationModel::rowsAppended);
    QSignalSpy finished(m_controller->model(), &IterationModel::runFinished);
    QSignalSpy cursor(m_controller->model(), &IterationModel::currentRowChanged);
    QSignalSpy resets(m_controller->model(), &IterationModel::modelReset);
    QSignalSpy inserted(m_controller->model(), &IterationModel::rowsInserted);

    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points_rss")).isEmpty());
    // A lesson-sized run is computed in one go and published complete: one message, nothing else.
    QCOMPARE(runs.count(), 1);
    QCOMPARE(runs.at(0).at(0).value<gdlab::RunCause>(), gdlab::RunCause::NewLesson);
    QCOMPARE(rows.count(), 0);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(cursor.count(), 0);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(m_controller->model()->run()->outcome->reason, StopReason::MaxIterations);
    QCOMPARE(m_controller->model()->rowCount(), 5001);
    QCOMPARE(m_controller->model()->run()->settings.loss, gdlab::LossKind::Sse);
}

void TestSessionController::learningRateRecomputesAndKeepsIteration()
{
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    IterationModel* model = m_controller->model();
    model->setCurrentRow(250);

    QSignalSpy runs(model, &IterationModel::runReset);
    QSignalSpy resets(model, &IterationModel::modelReset);
    QVERIFY(m_controller->setLearningRate(0.02).isEmpty());
    QCOMPARE(resets.count(), 1);
    QCOMPARE(runs.count(), 1);
    QCOMPARE(runs.at(0).at(0).value<gdlab::RunCause>(), gdlab::RunCause::NewSettings);
    QCOMPARE(m_controller->model()->run()->settings.learningRate, 0.02);
    QCOMPARE(model->rowCount(), 1001);
    QCOMPARE(model->iteration(model->currentRow()), 250LL);

    // The new history is the one of lr 0.02: the first step is twice as long as with 0.01.
    const gdlab::test::State first = gdlab::test::stateAt(*model, 1);
    const Eigen::VectorXd expected = model->theta(0) - 0.02 * first.stepGradient;
    QVERIFY((first.theta - expected).norm() < 1e-15);
    QVERIFY(std::abs(first.theta[0] - (0.75 + 0.02 * 1.62)) < 1e-12);
    QVERIFY(std::abs(first.theta[1] - (0.48 + 0.02 * 6.14)) < 1e-12);

    // Fewer iterations than the current one: the cursor goes to the last row.
    SolverSettings shorter = m_controller->model()->run()->settings;
    shorter.iterations = 100;
    QVERIFY(m_controller->setSettings(shorter).isEmpty());
    QCOMPARE(model->rowCount(), 101);
    QCOMPARE(model->currentRow(), 100);
}

void TestSessionController::sameSettingsDoNothing()
{
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    QSignalSpy resets(m_controller->model(), &IterationModel::modelReset);
    QVERIFY(m_controller->setSettings(m_controller->model()->run()->settings).isEmpty());
    QVERIFY(m_controller->setLearningRate(0.01).isEmpty());
    QVERIFY(m_controller->setProblemSpec(m_controller->model()->run()->problem->spec()).isEmpty());
    QCOMPARE(resets.count(), 0);
}

void TestSessionController::badSettingsAreRejected_data()
{
    QTest::addColumn<double>("learningRate");
    QTest::addColumn<long long>("iterations");
    QTest::addColumn<int>("initValues");
    QTest::addRow("negative lr") << -1.0 << 1000LL << 2;
    QTest::addRow("zero lr") << 0.0 << 1000LL << 2;
    QTest::addRow("NaN lr") << std::numeric_limits<double>::quiet_NaN() << 1000LL << 2;
    QTest::addRow("infinite lr") << std::numeric_limits<double>::infinity() << 1000LL << 2;
    QTest::addRow("negative iterations") << 0.01 << -5LL << 2;
    QTest::addRow("start of the wrong size") << 0.01 << 1000LL << 3;
}

void TestSessionController::badSettingsAreRejected()
{
    QFETCH(double, learningRate);
    QFETCH(long long, iterations);
    QFETCH(int, initValues);
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    IterationModel* model = m_controller->model();
    model->setCurrentRow(42);
    const SolverSettings before = m_controller->model()->run()->settings;
    const Eigen::VectorXd thetaBefore = model->theta(10);

    QSignalSpy errors(m_controller.get(), &SessionController::errorOccurred);
    QSignalSpy resets(model, &IterationModel::modelReset);
    SolverSettings bad = before;
    bad.learningRate = learningRate;
    bad.iterations = iterations;
    bad.initValues.assign(std::size_t(initValues), 0.5);
    // The refusal goes back to the caller, who shows it; nothing is broadcast.
    QVERIFY(!m_controller->setSettings(bad).isEmpty());
    QCOMPARE(errors.count(), 0);
    QCOMPARE(resets.count(), 0);
    QVERIFY(m_controller->model()->run()->settings == before);
    QCOMPARE(model->rowCount(), 1001);
    QCOMPARE(model->currentRow(), 42);
    QCOMPARE(model->theta(10), thetaBefore);

    if (initValues == 2) {
        QVERIFY(!m_controller->setLearningRate(learningRate == 0.01 ? -1.0 : learningRate).isEmpty());
        QCOMPARE(errors.count(), 0);
        QCOMPARE(m_controller->model()->run()->settings.learningRate, 0.01);
    }
}

// Linear ↔ logistic is a new model (a new surface, pins cleared); a target that is not 0/1 refuses the switch with
// the file, line and column of the first bad value, and keeps the run on screen.
void TestSessionController::modelSwitch()
{
    QVERIFY(m_controller->loadLesson(QStringLiteral("exam_hours")).isEmpty());
    const auto run = [this] { return m_controller->model()->run(); };
    QVERIFY(run()->isLogistic());
    QVERIFY(run()->optimum() && run()->optimum() == &run()->logistic->theta);
    SolverSettings linear = run()->settings;
    linear.model = gdlab::ModelKind::Linear;
    QVERIFY(m_controller->setSettings(linear).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(run()->cause, gdlab::RunCause::NewModel);
    QVERIFY(!run()->isLogistic());
    QCOMPARE(run()->optimum(), &run()->leastSquares.theta);

    // Other data opened while the logistic model is on screen: a target of other values opens in the linear model.
    QVERIFY(m_controller->loadLesson(QStringLiteral("exam_hours")).isEmpty());
    const gdlab::Dataset prices = gdlab::CsvReader::parse("size,price\n1,3\n2,5\n3,8\n", "prices.csv");
    QVERIFY(m_controller->openDataset(prices, gdlab::ProblemSpec {}, QStringLiteral("prices")).isEmpty());
    QVERIFY(!run()->isLogistic());
    QCOMPARE(run()->settings.learningRate, 0.5); // the other settings carry over

    // A file of the user's: the refusal names its line and column.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("classes.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x,passed\n1,0\n2,1\n3,2\n");
    file.close();
    const auto data = std::make_shared<const gdlab::Dataset>(gdlab::CsvReader::readFile(path.toStdString()));
    QVERIFY(m_controller->openDataset(*data, gdlab::ProblemSpec {}, QStringLiteral("classes")).isEmpty());
    SolverSettings logistic = run()->settings;
    logistic.model = gdlab::ModelKind::Logistic;
    QSignalSpy resets(m_controller->model(), &IterationModel::modelReset);
    const QString refusal = m_controller->setSettings(logistic);
    QVERIFY2(refusal.contains(QStringLiteral("classes.csv")) && refusal.contains(QStringLiteral("4"))
            && refusal.contains(QStringLiteral("'2' is not 0 or 1")),
        qPrintable(refusal));
    QCOMPARE(resets.count(), 0);
    QVERIFY(!run()->isLogistic());
}

void TestSessionController::unknownLesson()
{
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    QSignalSpy errors(m_controller.get(), &SessionController::errorOccurred);
    QSignalSpy resets(m_controller->model(), &IterationModel::modelReset);
    const QString message = m_controller->loadLesson(QStringLiteral("no_such_lesson"));
    QCOMPARE(errors.count(), 0);
    QVERIFY2(message.contains(QStringLiteral("'no_such_lesson'")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("five_points")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("nist_norris")), qPrintable(message));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(QString::fromStdString(m_controller->model()->run()->lessonName), QStringLiteral("five_points"));
    QCOMPARE(m_controller->model()->rowCount(), 1001);
}

void TestSessionController::startPoint()
{
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    QSignalSpy runs(m_controller->model(), &IterationModel::runReset);
    QVERIFY(m_controller->setStartPoint({ 2.0, -1.0 }).isEmpty());
    QCOMPARE(runs.count(), 1);
    QCOMPARE(runs.at(0).at(0).value<gdlab::RunCause>(), gdlab::RunCause::NewStart);
    QCOMPARE(m_controller->model()->run()->settings.init, InitKind::Values);
    QCOMPARE(m_controller->model()->run()->settings.initValues, (std::vector<double> { 2.0, -1.0 }));
    const IterationModel& model = *m_controller->model();
    QCOMPARE(model.rowCount(), 1001);
    QCOMPARE(model.theta(0)[0], 2.0);
    QCOMPARE(model.theta(0)[1], -1.0);
    QVERIFY(model.theta(1) != model.theta(0));

    QSignalSpy errors(m_controller.get(), &SessionController::errorOccurred);
    QVERIFY(!m_controller->setStartPoint({ 1.0, 2.0, 3.0 }).isEmpty());
    QVERIFY(!m_controller->setStartPoint({ 1.0, std::numeric_limits<double>::quiet_NaN() }).isEmpty());
    QCOMPARE(errors.count(), 0);
    QCOMPARE(model.theta(0)[0], 2.0);
}

void TestSessionController::ghostIterations()
{
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    m_controller->model()->setCurrentRow(40);
    const gdlab::History* history = &m_controller->model()->history();
    QSignalSpy resets(m_controller->model(), &IterationModel::runReset);
    m_controller->setGhostIterations({ 5, 50 });
    QCOMPARE(resets.count(), 1);
    QCOMPARE(resets.at(0).at(0).value<gdlab::RunCause>(), gdlab::RunCause::NewGhosts);
    QCOMPARE(m_controller->model()->run()->ghostIterations, (std::vector<long long> { 5, 50 }));
    QCOMPARE(&m_controller->model()->history(), history); // nothing recomputed
    QCOMPARE(m_controller->model()->currentRow(), 40);
    m_controller->setGhostIterations({ 5, 50 });
    QCOMPARE(resets.count(), 1);
}

void TestSessionController::datasetWithMoreParameters()
{
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    QCOMPARE(m_controller->model()->run()->settings.init, InitKind::Values);
    QSignalSpy runs(m_controller->model(), &IterationModel::runReset);
    QVERIFY(m_controller->openDataset(makeDataset(200), {}, QStringLiteral("generated.csv")).isEmpty());
    QCOMPARE(runs.count(), 1);
    QCOMPARE(runs.at(0).at(0).value<gdlab::RunCause>(), gdlab::RunCause::NewData);
    // Three parameters now: the two-value start no longer fits, so the descent starts from zeros.
    QCOMPARE(m_controller->model()->run()->settings.init, InitKind::Zeros);
    QCOMPARE(m_controller->model()->run()->settings.learningRate, 0.01);
    QVERIFY(QString::fromStdString(m_controller->model()->run()->lessonName).isEmpty());
    QCOMPARE(QString::fromStdString(m_controller->model()->run()->title), QStringLiteral("generated.csv"));
    QCOMPARE((*m_controller->model()->run()->dataset).rowCount(), Eigen::Index(200));
    const IterationModel& model = *m_controller->model();
    QCOMPARE(model.parameterSymbols().size(), 3);
    QCOMPARE(model.columnCount(), int(IterationModel::FirstThetaColumn) + 3);
    QCOMPARE(model.rowCount(), 1001);
    QCOMPARE(model.currentRow(), 0);
    QCOMPARE(model.theta(0), Eigen::VectorXd(Eigen::VectorXd::Zero(3)));
    QCOMPARE(m_controller->model()->run()->problem->spec().target, Eigen::Index(2));
}

void TestSessionController::datasetThatCannotBeFitted()
{
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    QSignalSpy runs(m_controller->model(), &IterationModel::runReset);
    // One row for three parameters.
    Eigen::MatrixXd values(1, 3);
    values << 1, 2, 3;
    const QString refusal
        = m_controller->openDataset(gdlab::Dataset({ "a", "b", "c" }, values, "one_row.csv"), {}, "one row");
    QVERIFY2(refusal.contains(QStringLiteral("one_row.csv")), qPrintable(refusal));
    QCOMPARE(runs.count(), 0);
    QCOMPARE(QString::fromStdString(m_controller->model()->run()->lessonName), QStringLiteral("five_points"));
    QCOMPARE((*m_controller->model()->run()->dataset).rowCount(), Eigen::Index(5));
    QCOMPARE(m_controller->model()->rowCount(), 1001);
}

void TestSessionController::problemSpec()
{
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    m_controller->model()->setCurrentRow(30);
    gdlab::ProblemSpec spec = m_controller->model()->run()->problem->spec();
    spec.intercept = false;
    QSignalSpy runs(m_controller->model(), &IterationModel::runReset);
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    QCOMPARE(runs.count(), 1);
    QCOMPARE(runs.at(0).at(0).value<gdlab::RunCause>(), gdlab::RunCause::NewColumns);
    QCOMPARE(m_controller->model()->run()->problem->parameterCount(), Eigen::Index(1));
    QCOMPARE(m_controller->model()->parameterSymbols().size(), 1);
    QCOMPARE(m_controller->model()->run()->settings.init, InitKind::Zeros);
    QCOMPARE(m_controller->model()->iteration(m_controller->model()->currentRow()), 30LL);

    gdlab::ProblemSpec bad = spec;
    bad.features = { 1 }; // the target itself
    QVERIFY(!m_controller->setProblemSpec(bad).isEmpty());
    QCOMPARE(m_controller->model()->run()->problem->spec().intercept, false);
    QCOMPARE(m_controller->model()->run()->problem->parameterCount(), Eigen::Index(1));
}

void TestSessionController::everyLessonLoads_data()
{
    QTest::addColumn<QString>("name");
    for (const gdlab::Lesson& lesson : gdlab::lessonCatalog())
        QTest::addRow("%s", lesson.name.c_str()) << QString::fromStdString(lesson.name);
}

void TestSessionController::everyLessonLoads()
{
    QFETCH(QString, name);
    dropTesterForLongRuns(); // two lessons go to the worker
    const gdlab::Lesson* lesson = gdlab::findLesson(name.toStdString());
    QVERIFY(lesson);
    QSignalSpy errors(m_controller.get(), &SessionController::errorOccurred);
    QVERIFY(m_controller->loadLesson(name).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(errors.count(), 0);
    QVERIFY(!m_controller->isComputing());
    QCOMPARE(m_controller->model()->run()->outcome->reason, StopReason::MaxIterations);
    QCOMPARE(m_controller->model()->rowCount(), int(lesson->solver.iterations) + 1);
    QCOMPARE(m_controller->model()->run()->ghostIterations, lesson->ghostIterations);
    QCOMPARE(QString::fromStdString(m_controller->model()->run()->title), QString::fromStdString(lesson->title));
    verifyRowsInOrder(*m_controller->model());
    if (lesson->useOptimalRate)
        QCOMPARE(
            m_controller->model()->run()->settings.learningRate, m_controller->model()->run()->stability.optimalRate);
    else
        QCOMPARE(m_controller->model()->run()->settings.learningRate, lesson->solver.learningRate);
    // Every lesson ends closer to least squares than it started.
    const IterationModel& model = *m_controller->model();
    QVERIFY(model.loss(model.lastRow()) < model.loss(0));
}

void TestSessionController::settingsChangeTiming()
{
    // Not an assertion (timings belong to benchmarks): a record of the GUI-thread cost of a settings change.
    // Without the tester, which walks every cell after each reset and would dominate the time.
    m_tester.reset();
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_controller->setLearningRate(0.02).isEmpty());
    const qint64 fivePoints = timer.nsecsElapsed();

    SolverSettings settings;
    settings.iterations = 10000;
    QVERIFY(m_controller->openDataset(makeDataset(10000), {}, QStringLiteral("10,000 rows")).isEmpty());
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    QVERIFY(!m_controller->isComputing());
    timer.restart();
    QVERIFY(m_controller->setLearningRate(0.02).isEmpty());
    const qint64 large = timer.nsecsElapsed();
    QVERIFY(!m_controller->isComputing());
    QCOMPARE(m_controller->model()->rowCount(), 10001);
    qDebug("settings change on the GUI thread: five_points %.3f ms; 10,000 batch updates on 10,000 rows %.3f ms",
        double(fivePoints) / 1e6, double(large) / 1e6);
}

void TestSessionController::workerAppendsAllRowsInOrder()
{
    dropTesterForLongRuns();
    QVERIFY(m_controller->openDataset(makeDataset(5000), {}, QStringLiteral("5000 rows")).isEmpty());
    QSignalSpy resets(m_controller->model(), &IterationModel::runReset);
    QSignalSpy finished(m_controller->model(), &IterationModel::runFinished);
    const SolverSettings settings = workerSettings(20000, 0.05, DescentMethod::MiniBatch, 100);
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    QVERIFY(m_controller->isComputing()); // the run went to the worker
    // Until its first rows are ready the previous run stays on screen: no empty model, ever.
    QCOMPARE(resets.count(), 0);
    QCOMPARE(m_controller->model()->rowCount(), 1001);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(resets.count(), 1);
    QVERIFY(!m_controller->isComputing());
    QCOMPARE(m_controller->model()->run()->outcome->reason, StopReason::MaxIterations);
    const IterationModel& model = *m_controller->model();
    QCOMPARE(model.rowCount(), 20001);
    verifyRowsInOrder(model);

    // The same trajectory as the core computes on its own.
    const gdlab::Run reference = gdlab::runDescent(
        (*m_controller->model()->run()->dataset), m_controller->model()->run()->problem->spec(), settings);
    QCOMPARE(reference.history->size(), std::size_t(20001));
    for (int row : { 0, 1, 2, 49, 50, 51, 4999, 5000, 5001, 7777, 20000 }) {
        const auto index = std::size_t(row);
        QCOMPARE(Eigen::VectorXd(model.theta(row)), Eigen::VectorXd(reference.history->theta(index)));
        QCOMPARE(model.loss(row), reference.history->loss(index));
        QCOMPARE(model.epoch(row), reference.history->epoch(index));
    }
}

void TestSessionController::workerKeepsIteration()
{
    dropTesterForLongRuns();
    QVERIFY(m_controller->openDataset(makeDataset(5000), {}, QStringLiteral("5000 rows")).isEmpty());
    QVERIFY(m_controller->setSettings(workerSettings(1000000, 0.05)).isEmpty());
    QVERIFY(m_controller->isComputing());
    m_controller->waitForComputation();
    m_controller->model()->setCurrentRow(300000);
    QVERIFY(m_controller->setLearningRate(0.04).isEmpty());
    QVERIFY(m_controller->isComputing());
    m_controller->waitForComputation();
    QCOMPARE(m_controller->model()->rowCount(), 1000001);
    QCOMPARE(m_controller->model()->run()->settings.learningRate, 0.04);
    QCOMPARE(m_controller->model()->iteration(m_controller->model()->currentRow()), 300000LL);
}

void TestSessionController::newerChangeCancelsWorker()
{
    dropTesterForLongRuns();
    QVERIFY(m_controller->openDataset(makeDataset(5000), {}, QStringLiteral("5000 rows")).isEmpty());
    QSignalSpy finished(m_controller->model(), &IterationModel::runFinished);
    QSignalSpy resets(m_controller->model(), &IterationModel::runReset);
    QVERIFY(m_controller->setSettings(workerSettings(100000000, 0.05)).isEmpty());
    QVERIFY(m_controller->isComputing());
    // Let some rows of the old run arrive (and more be queued) before the newer change.
    QTRY_COMPARE_WITH_TIMEOUT(resets.count(), 1, 30000);
    QCOMPARE(finished.count(), 0);
    const SolverSettings newer = workerSettings(2000000, 0.03);
    QVERIFY(m_controller->setSettings(newer).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(resets.count(), 2);
    QCOMPARE(m_controller->model()->run()->outcome->reason, StopReason::MaxIterations);
    // Stale rows still in the queue must not land: give them every chance.
    QTest::qWait(100);

    const IterationModel& model = *m_controller->model();
    QCOMPARE(model.rowCount(), 2000001);
    QCOMPARE(model.run()->settings, newer);
    const gdlab::Run reference = gdlab::runDescent(
        (*m_controller->model()->run()->dataset), m_controller->model()->run()->problem->spec(), newer);
    for (int row : { 1, 2, 100, 39999, 2000000 })
        QCOMPARE(Eigen::VectorXd(model.theta(row)), Eigen::VectorXd(reference.history->theta(std::size_t(row))));
}

void TestSessionController::waitForComputation()
{
    dropTesterForLongRuns();
    QVERIFY(m_controller->openDataset(makeDataset(5000), {}, QStringLiteral("5000 rows")).isEmpty());
    QVERIFY(m_controller->setSettings(workerSettings(1000000, 0.05)).isEmpty());
    QVERIFY(m_controller->isComputing());
    m_controller->waitForComputation();
    QVERIFY(!m_controller->isComputing());
    QCOMPARE(m_controller->model()->run()->outcome->reason, StopReason::MaxIterations);
    QCOMPARE(m_controller->model()->rowCount(), 1000001);
    verifyRowsInOrder(*m_controller->model());
}

void TestSessionController::destroyDuringWorkerRun()
{
    dropTesterForLongRuns();
    // Destroyed while batches are queued and the worker runs.
    QVERIFY(m_controller->openDataset(makeDataset(5000), {}, QStringLiteral("5000 rows")).isEmpty());
    QVERIFY(m_controller->setSettings(workerSettings(100000000, 0.05)).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->model()->rowCount() > 1001, 30000);
    QVERIFY(m_controller->isComputing());
    m_tester.reset();
    m_controller.reset();

    // Destroyed at once, before the worker posted anything; then the event loop runs on.
    auto controller = std::make_unique<SessionController>();
    QVERIFY(controller->openDataset(makeDataset(5000), {}, QStringLiteral("5000 rows")).isEmpty());
    QVERIFY(controller->setSettings(workerSettings(100000000, 0.05)).isEmpty());
    QVERIFY(controller->isComputing());
    controller.reset();
    QTest::qWait(50);
}

void TestSessionController::sampleOpensByBatchDescent()
{
    // The settings on screen need rows (SGD on the logistic model); a sample of a long file has only their fold.
    Eigen::MatrixXd rows(400, 2);
    for (Eigen::Index i = 0; i < rows.rows(); ++i)
        rows.row(i) << double(i % 20), double(i % 20 > 9);
    Dataset sample({ "hours", "passed" }, rows.topRows(40), "long.csv");
    auto fold = std::make_shared<ProblemAccumulator>(sample, ProblemSpec {});
    fold->add(rows);
    sample.setFold(fold);
    QVERIFY(m_controller->loadLesson(QStringLiteral("exam_hours")).isEmpty());
    SolverSettings sgd = m_controller->latestRun()->settings;
    sgd.method = DescentMethod::Sgd;
    QVERIFY(m_controller->setSettings(sgd).isEmpty());
    QCOMPARE(m_controller->latestRun()->settings.model, ModelKind::Logistic);
    QVERIFY(m_controller->openDataset(sample, ProblemSpec {}, QStringLiteral("long")).isEmpty());
    const Run& run = *m_controller->latestRun();
    QCOMPARE(run.settings.model, ModelKind::Linear);
    QCOMPARE(run.settings.method, DescentMethod::Batch);
    QCOMPARE(run.problem->sampleCount(), Eigen::Index(400));
    QVERIFY(!run.problem->keepsRows());
    // Asked for directly, what needs the rows is refused with why, and the run stays.
    QVERIFY(m_controller->setSettings(sgd).contains(QStringLiteral("needs the rows")));
    QCOMPARE(m_controller->latestRun()->settings.method, DescentMethod::Batch);
}

} // namespace tst_session_controller

QTEST_MAIN(tst_session_controller::TestSessionController)
#include "tst_session_controller.moc"
