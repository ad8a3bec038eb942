#include "session/run_worker.h"

#include "dataset.h"
#include "history.h"
#include "run.h"

#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>

namespace tst_run_worker {

using gdlab::Run;
using gdlab::RunWorker;

} // namespace tst_run_worker
Q_DECLARE_METATYPE(std::shared_ptr<const gdlab::Run>)
namespace tst_run_worker {

namespace {

// A two-parameter problem; iterations decide how long the worker runs.
Run preparedRun(long long iterations, double learningRate = 0.05)
{
    Eigen::MatrixXd values(200, 2);
    for (int i = 0; i < 200; ++i)
        values.row(i) << i / 200.0, 1.0 + 2.0 * i / 200.0 + 0.01 * std::sin(i);
    gdlab::SolverSettings settings;
    settings.iterations = iterations;
    settings.learningRate = learningRate;
    return gdlab::prepareRun(
        std::make_shared<const gdlab::Dataset>(gdlab::Dataset({ "x", "y" }, values, "worker")), {}, settings);
}

} // namespace

class TestRunWorker : public QObject {
    Q_OBJECT

private slots:
    void rowsThenTheFinishedRun();
    void finishedRunMatchesTheSolver();
    void waitForFinishedDeliversEverything();
    void newStartCancelsTheOldRun();
    void cancelDropsWhatWasQueued();
    void destroyedWhileRunning();
};

void TestRunWorker::rowsThenTheFinishedRun()
{
    RunWorker worker;
    QSignalSpy rows(&worker, &RunWorker::rowsReady);
    QSignalSpy finished(&worker, &RunWorker::finished);
    worker.start(preparedRun(3'000'000));
    QVERIFY(worker.isRunning());
    QVERIFY(finished.wait(60000));
    QVERIFY(!worker.isRunning());
    QVERIFY(rows.count() >= 1);
    // Every rowsReady names the same published run, with more rows each time; the finished run shares its history.
    const auto shown = rows.at(0).at(0).value<std::shared_ptr<const Run>>();
    int previous = 0;
    for (const QList<QVariant>& arguments : rows) {
        QCOMPARE(arguments.at(0).value<std::shared_ptr<const Run>>(), shown);
        QVERIFY(arguments.at(1).toInt() > previous);
        previous = arguments.at(1).toInt();
    }
    QVERIFY(!shown->isComplete());
    const auto done = finished.at(0).at(0).value<std::shared_ptr<const Run>>();
    QVERIFY(done->isComplete());
    QCOMPARE(done->history, shown->history);
    QCOMPARE(done->outcome->iterations, 3'000'000LL);
    QCOMPARE(done->history->size(), std::size_t(3'000'001));
}

void TestRunWorker::finishedRunMatchesTheSolver()
{
    RunWorker worker;
    QSignalSpy finished(&worker, &RunWorker::finished);
    Run prepared = preparedRun(200'000);
    worker.start(prepared);
    QVERIFY(finished.wait(60000));
    const auto done = finished.at(0).at(0).value<std::shared_ptr<const Run>>();
    gdlab::descend(prepared);
    for (std::size_t row : { std::size_t(0), std::size_t(1), std::size_t(4096), std::size_t(200'000) }) {
        QCOMPARE(Eigen::VectorXd(done->history->theta(row)), Eigen::VectorXd(prepared.history->theta(row)));
        QCOMPARE(done->history->loss(row), prepared.history->loss(row));
    }
}

void TestRunWorker::waitForFinishedDeliversEverything()
{
    RunWorker worker;
    QSignalSpy finished(&worker, &RunWorker::finished);
    worker.start(preparedRun(1'000'000));
    worker.waitForFinished();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!worker.isRunning());
}

void TestRunWorker::newStartCancelsTheOldRun()
{
    RunWorker worker;
    QSignalSpy rows(&worker, &RunWorker::rowsReady);
    QSignalSpy finished(&worker, &RunWorker::finished);
    worker.start(preparedRun(100'000'000));
    QVERIFY(rows.wait(30000));
    const auto first = rows.at(0).at(0).value<std::shared_ptr<const Run>>();
    worker.start(preparedRun(100'000, 0.02));
    QVERIFY(finished.wait(60000));
    QTest::qWait(50); // anything the old run queued has had its chance to land
    QCOMPARE(finished.count(), 1);
    const auto done = finished.at(0).at(0).value<std::shared_ptr<const Run>>();
    QCOMPARE(done->settings.learningRate, 0.02);
    for (const QList<QVariant>& arguments : rows.mid(1))
        QVERIFY(arguments.at(0).value<std::shared_ptr<const Run>>() != first);
}

void TestRunWorker::cancelDropsWhatWasQueued()
{
    RunWorker worker;
    QSignalSpy rows(&worker, &RunWorker::rowsReady);
    QSignalSpy finished(&worker, &RunWorker::finished);
    worker.start(preparedRun(100'000'000));
    QVERIFY(rows.wait(30000));
    worker.cancel();
    QVERIFY(!worker.isRunning());
    const int seen = rows.count();
    QTest::qWait(100);
    QCOMPARE(rows.count(), seen);
    QCOMPARE(finished.count(), 0);
}

void TestRunWorker::destroyedWhileRunning()
{
    auto worker = std::make_unique<RunWorker>();
    worker->start(preparedRun(100'000'000));
    QTest::qWait(20);
    worker.reset(); // joins the thread; what it posted is dropped with the object
    QTest::qWait(50);
}

} // namespace tst_run_worker

QTEST_MAIN(tst_run_worker::TestRunWorker)
#include "tst_run_worker.moc"
