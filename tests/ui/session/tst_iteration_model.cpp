#include "session/iteration_model.h"

#include "dataset.h"
#include "run.h"
#include "session/session_controller.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

namespace tst_iteration_model {

using gdlab::IterationModel;
using gdlab::Run;
using gdlab::RunCause;

} // namespace tst_iteration_model
Q_DECLARE_METATYPE(gdlab::RunCause)
namespace tst_iteration_model {

namespace {

// y = 1 + 2x on six points: a small run whose rows are quick to check.
std::shared_ptr<const Run> makeRun(long long iterations, RunCause cause = RunCause::NewData, double rate = 0.05)
{
    Eigen::MatrixXd values(6, 2);
    for (int i = 0; i < 6; ++i)
        values.row(i) << i, 1.0 + 2.0 * i + 0.1 * ((i % 2) ? 1 : -1);
    gdlab::SolverSettings settings;
    settings.learningRate = rate;
    settings.iterations = iterations;
    Run run = gdlab::runDescent(gdlab::Dataset({ "x", "y" }, values, "six"), {}, settings);
    run.cause = cause;
    return std::make_shared<const Run>(std::move(run));
}

// The same run as a worker publishes it: no outcome yet, its history growing.
std::shared_ptr<const Run> streaming(const std::shared_ptr<const Run>& complete)
{
    auto run = std::make_shared<Run>(*complete);
    run->outcome.reset();
    return run;
}

} // namespace

class TestIterationModel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void startsEmpty();
    void setRunResetsOnce();
    void setRunKeepsIteration_data();
    void setRunKeepsIteration();
    void headers();
    void displayData();
    void customRoles();
    void rowAccessors();
    void invalidIndexes();
    void streamingRunAppendsAndFinishes();
    void streamingCursorFollowsKeptIteration();
    void cursorStopsFollowingWhenMoved();
    void finishRunOfAnotherRunIsIgnored();
    void setCurrentRowClampsAndSignals();
    void currentRowMarksRows();
    void rowForIteration();

private:
    std::unique_ptr<IterationModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestIterationModel::init()
{
    m_model = std::make_unique<IterationModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestIterationModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestIterationModel::startsEmpty()
{
    QVERIFY(m_model->isEmpty());
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), int(IterationModel::FirstThetaColumn));
    QCOMPARE(m_model->currentRow(), 0);
    QCOMPARE(m_model->lastRow(), -1);
    QCOMPARE(m_model->run(), nullptr);
    QVERIFY(!m_model->isComputing());
    QVERIFY(m_model->history().empty());
    QCOMPARE(m_model->rowForIteration(3), -1);
}

// One new run is one reset, announced once with its cause, and the cursor is already in place: no separate
// currentRowChanged to redraw for.
void TestIterationModel::setRunResetsOnce()
{
    QSignalSpy resets(m_model.get(), &IterationModel::runReset);
    QSignalSpy modelResets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy appended(m_model.get(), &IterationModel::rowsAppended);
    const auto run = makeRun(20, RunCause::NewSettings);
    m_model->setRun(run, 0);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(resets.at(0).at(0).value<RunCause>(), RunCause::NewSettings);
    QCOMPARE(modelResets.count(), 1);
    QCOMPARE(appended.count(), 0);
    QCOMPARE(m_model->run(), run.get());
    QCOMPARE(m_model->cause(), RunCause::NewSettings);
    QCOMPARE(m_model->rowCount(), 21);
    QCOMPARE(m_model->columnCount(), int(IterationModel::FirstThetaColumn) + 2);
    QCOMPARE(m_model->parameterSymbols(), QStringList({ QStringLiteral("θ0"), QStringLiteral("θ1") }));
    QVERIFY(!m_model->isComputing());
}

void TestIterationModel::setRunKeepsIteration_data()
{
    QTest::addColumn<long long>("keep");
    QTest::addColumn<int>("expected");
    QTest::addRow("start") << 0LL << 0;
    QTest::addRow("middle") << 7LL << 7;
    QTest::addRow("last") << 20LL << 20;
    QTest::addRow("beyond the run") << 500LL << 20;
    QTest::addRow("before the start") << -3LL << 0;
}

void TestIterationModel::setRunKeepsIteration()
{
    QFETCH(long long, keep);
    QFETCH(int, expected);
    m_model->setRun(makeRun(20), keep);
    QCOMPARE(m_model->currentRow(), expected);
}

void TestIterationModel::headers()
{
    m_model->setRun(makeRun(3));
    const auto header = [this](int section, int role = Qt::DisplayRole) {
        return m_model->headerData(section, Qt::Horizontal, role).toString();
    };
    QCOMPARE(header(IterationModel::IterationColumn), QStringLiteral("iteration"));
    QCOMPARE(header(IterationModel::EpochColumn), QStringLiteral("epoch"));
    QCOMPARE(header(IterationModel::LossColumn), QStringLiteral("loss"));
    QCOMPARE(header(IterationModel::RmseColumn), QStringLiteral("RMSE"));
    QCOMPARE(header(IterationModel::GradientNormColumn), QStringLiteral("|∇|"));
    QCOMPARE(header(IterationModel::FirstThetaColumn), QStringLiteral("θ0"));
    QCOMPARE(header(IterationModel::FirstThetaColumn + 1), QStringLiteral("θ1"));
    QVERIFY(!header(IterationModel::LossColumn, Qt::ToolTipRole).isEmpty());
    QCOMPARE(m_model->headerData(2, Qt::Vertical).toInt(), 2);
    QVERIFY(!m_model->headerData(99, Qt::Horizontal).isValid());

    // The logistic model has no RMSE: the column holds its accuracy, and says so.
    gdlab::SessionController logistic;
    QVERIFY(logistic.loadLesson(QStringLiteral("exam_hours")).isEmpty());
    const IterationModel* model = logistic.model();
    QCOMPARE(model->headerData(IterationModel::RmseColumn, Qt::Horizontal).toString(), QStringLiteral("accuracy"));
    QCOMPARE(model->index(0, IterationModel::RmseColumn).data(Qt::ToolTipRole).toString(),
        QString::number(model->history().accuracy(0), 'g', 17));
}

void TestIterationModel::displayData()
{
    const auto run = makeRun(5);
    m_model->setRun(run);
    const gdlab::History& history = *run->history;
    const auto display = [this](int row, int column, int role = Qt::DisplayRole) {
        return m_model->data(m_model->index(row, column), role).toString();
    };
    QCOMPARE(display(3, IterationModel::IterationColumn), QStringLiteral("3"));
    QCOMPARE(display(3, IterationModel::EpochColumn), QStringLiteral("3"));
    QCOMPARE(display(3, IterationModel::LossColumn), QString::number(history.loss(3), 'g', 10));
    QCOMPARE(display(3, IterationModel::LossColumn, Qt::ToolTipRole), QString::number(history.loss(3), 'g', 17));
    QCOMPARE(display(2, IterationModel::FirstThetaColumn + 1), QString::number(history.theta(2)[1], 'g', 10));
    QCOMPARE(display(4, IterationModel::GradientNormColumn), QString::number(history.gradientNorm(4), 'g', 10));
}

void TestIterationModel::customRoles()
{
    const auto run = makeRun(5);
    m_model->setRun(run);
    const QModelIndex index = m_model->index(4, 0);
    QCOMPARE(index.data(IterationModel::IterationRole).toLongLong(), 4LL);
    QCOMPARE(index.data(IterationModel::LossRole).toDouble(), run->history->loss(4));
    QCOMPARE(index.data(IterationModel::RmseRole).toDouble(), run->history->rmse(4));
    const QList<double> theta = index.data(IterationModel::ThetaRole).value<QList<double>>();
    QCOMPARE(theta, QList<double>({ run->history->theta(4)[0], run->history->theta(4)[1] }));
    QVERIFY(!index.data(IterationModel::IsCurrentRole).toBool());
    QVERIFY(m_model->index(0, 0).data(IterationModel::IsCurrentRole).toBool());
    QVERIFY(m_model->roleNames().values().contains("loss"));
}

void TestIterationModel::rowAccessors()
{
    const auto run = makeRun(10);
    m_model->setRun(run);
    for (int row : { 0, 1, 9, 10 }) {
        QCOMPARE(m_model->iteration(row), static_cast<long long>(row));
        QCOMPARE(m_model->loss(row), run->history->loss(std::size_t(row)));
        QCOMPARE(Eigen::VectorXd(m_model->theta(row)), Eigen::VectorXd(run->history->theta(std::size_t(row))));
        QCOMPARE(m_model->gradient(row), run->evaluateRow(std::size_t(row)).gradient);
    }
    QCOMPARE(m_model->stepGradient(0).size(), Eigen::Index(0));
    QCOMPARE(m_model->stepGradient(5), m_model->gradient(4));
}

void TestIterationModel::invalidIndexes()
{
    m_model->setRun(makeRun(3));
    QVERIFY(!m_model->data(m_model->index(10, 0)).isValid());
    QVERIFY(!m_model->data(QModelIndex()).isValid());
    QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 0);
    QCOMPARE(m_model->columnCount(m_model->index(0, 0)), 0);
}

void TestIterationModel::streamingRunAppendsAndFinishes()
{
    const auto complete = makeRun(30);
    const auto partial = streaming(complete);
    QSignalSpy resets(m_model.get(), &IterationModel::runReset);
    QSignalSpy appended(m_model.get(), &IterationModel::rowsAppended);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy finished(m_model.get(), &IterationModel::runFinished);
    m_model->setRun(partial, 0, 5);
    QVERIFY(m_model->isComputing());
    QCOMPARE(m_model->rowCount(), 5);
    m_model->appendRows(12);
    QCOMPARE(m_model->rowCount(), 12);
    QCOMPARE(appended.count(), 1);
    QCOMPARE(appended.at(0).at(0).toInt(), 5);
    QCOMPARE(appended.at(0).at(1).toInt(), 11);
    QCOMPARE(inserted.count(), 1);
    m_model->appendRows(12); // nothing new: no message
    QCOMPARE(appended.count(), 1);
    m_model->finishRun(complete);
    QCOMPARE(m_model->rowCount(), 31);
    QVERIFY(!m_model->isComputing());
    QCOMPARE(m_model->run(), complete.get());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(appended.count(), 2);
    QCOMPARE(resets.count(), 1);
}

void TestIterationModel::streamingCursorFollowsKeptIteration()
{
    const auto complete = makeRun(30);
    m_model->setRun(streaming(complete), 20, 5);
    QCOMPARE(m_model->currentRow(), 4);
    QSignalSpy moved(m_model.get(), &IterationModel::currentRowChanged);
    m_model->appendRows(15);
    QCOMPARE(m_model->currentRow(), 14);
    m_model->appendRows(25);
    QCOMPARE(m_model->currentRow(), 20);
    m_model->appendRows(31);
    QCOMPARE(m_model->currentRow(), 20); // reached: it stays
    QCOMPARE(moved.count(), 2);
}

void TestIterationModel::cursorStopsFollowingWhenMoved()
{
    const auto complete = makeRun(30);
    m_model->setRun(streaming(complete), 20, 5);
    m_model->setCurrentRow(1);
    m_model->appendRows(31);
    QCOMPARE(m_model->currentRow(), 1);
}

void TestIterationModel::finishRunOfAnotherRunIsIgnored()
{
    const auto first = makeRun(10);
    m_model->setRun(streaming(first), 0, 3);
    QSignalSpy finished(m_model.get(), &IterationModel::runFinished);
    m_model->finishRun(makeRun(10)); // another history: from a run a newer one replaced
    QCOMPARE(finished.count(), 0);
    QVERIFY(m_model->isComputing());
    QCOMPARE(m_model->rowCount(), 3);
}

void TestIterationModel::setCurrentRowClampsAndSignals()
{
    m_model->setRun(makeRun(10));
    QSignalSpy moved(m_model.get(), &IterationModel::currentRowChanged);
    m_model->setCurrentRow(4);
    QCOMPARE(m_model->currentRow(), 4);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(moved.at(0).at(0).toInt(), 4);
    m_model->setCurrentRow(4);
    QCOMPARE(moved.count(), 1);
    m_model->setCurrentRow(99);
    QCOMPARE(m_model->currentRow(), 10);
    m_model->setCurrentRow(-5);
    QCOMPARE(m_model->currentRow(), 0);
    QCOMPARE(moved.count(), 3);

    IterationModel empty;
    QSignalSpy none(&empty, &IterationModel::currentRowChanged);
    empty.setCurrentRow(3);
    QCOMPARE(empty.currentRow(), 0);
    QCOMPARE(none.count(), 0);
}

void TestIterationModel::currentRowMarksRows()
{
    m_model->setRun(makeRun(10));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setCurrentRow(6);
    QCOMPARE(changed.count(), 2); // the old current row and the new one
    QVERIFY(m_model->index(6, 0).data(IterationModel::IsCurrentRole).toBool());
    QVERIFY(!m_model->index(0, 0).data(IterationModel::IsCurrentRole).toBool());
    QVERIFY(m_model->index(6, 2).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!m_model->index(5, 2).data(Qt::FontRole).isValid());
}

void TestIterationModel::rowForIteration()
{
    m_model->setRun(makeRun(10));
    QCOMPARE(m_model->rowForIteration(0), 0);
    QCOMPARE(m_model->rowForIteration(7), 7);
    QCOMPARE(m_model->rowForIteration(70), 10);
    QCOMPARE(m_model->rowForIteration(-1), 0);
}

} // namespace tst_iteration_model

QTEST_MAIN(tst_iteration_model::TestIterationModel)
#include "tst_iteration_model.moc"
