#include "session/iteration_model.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using gdlab::IterationModel;
using gdlab::IterationState;

namespace {

// A recognisable history: iteration i has loss 100 − i, θ = (i, −2i) and gradient (0.5 i, 1).
IterationState makeState(long long iteration, long long epoch = 0)
{
    IterationState state;
    state.iteration = iteration;
    state.epoch = epoch;
    state.theta = Eigen::Vector2d(double(iteration), -2.0 * double(iteration));
    state.loss = 100.0 - double(iteration);
    state.rmse = std::sqrt(state.loss);
    state.gradient = Eigen::Vector2d(0.5 * double(iteration), 1.0);
    state.gradientNorm = state.gradient.norm();
    return state;
}

std::vector<IterationState> makeStates(long long first, long long count, long long stride = 1)
{
    std::vector<IterationState> states;
    for (long long i = 0; i < count; ++i)
        states.push_back(makeState(first + i * stride, (first + i * stride) / 4));
    return states;
}

const QStringList symbols { QStringLiteral("θ0"), QStringLiteral("θ1") };

} // namespace

class TestIterationModel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void startsEmpty();
    void setHistoryResets();
    void setHistoryClampsHint_data();
    void setHistoryClampsHint();
    void headers();
    void displayData();
    void customRoles();
    void invalidIndexes();
    void appendStatesInsertsOnce();
    void appendToEmptyModel();
    void clearEmpties();
    void setCurrentRowClampsAndSignals();
    void currentRowMarksRows();
    void rowForIteration_data();
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
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), int(IterationModel::FirstThetaColumn));
    QVERIFY(m_model->isEmpty());
    QCOMPARE(m_model->currentRow(), 0);
    QCOMPARE(m_model->lastRow(), -1);
    QCOMPARE(m_model->rowForIteration(5), -1);
}

void TestIterationModel::setHistoryResets()
{
    QSignalSpy resets(m_model.get(), &IterationModel::modelReset);
    QSignalSpy current(m_model.get(), &IterationModel::currentRowChanged);
    m_model->setHistory(makeStates(0, 11), symbols, 3);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(m_model->rowCount(), 11);
    QCOMPARE(m_model->columnCount(), int(IterationModel::FirstThetaColumn) + 2);
    QCOMPARE(m_model->currentRow(), 3);
    QCOMPARE(m_model->currentState().iteration, 3LL);
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.at(0).at(0).toInt(), 3);

    // Same row number, new history: views following the cursor must still hear of it.
    m_model->setHistory(makeStates(0, 20), symbols, 3);
    QCOMPARE(resets.count(), 2);
    QCOMPARE(current.count(), 2);
    QCOMPARE(m_model->rowCount(), 20);
}

void TestIterationModel::setHistoryClampsHint_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("hint");
    QTest::addColumn<int>("expected");
    QTest::addRow("inside") << 10 << 4 << 4;
    QTest::addRow("last") << 10 << 9 << 9;
    QTest::addRow("past the end") << 10 << 50 << 9;
    QTest::addRow("negative") << 10 << -3 << 0;
    QTest::addRow("empty history") << 0 << 7 << 0;
    QTest::addRow("one row") << 1 << 7 << 0;
}

void TestIterationModel::setHistoryClampsHint()
{
    QFETCH(int, rows);
    QFETCH(int, hint);
    QFETCH(int, expected);
    m_model->setHistory(makeStates(0, rows), symbols, hint);
    QCOMPARE(m_model->currentRow(), expected);
    QCOMPARE(m_model->rowCount(), rows);
}

void TestIterationModel::headers()
{
    m_model->setHistory(makeStates(0, 3), symbols);
    const auto header = [this](int section, int role = Qt::DisplayRole) {
        return m_model->headerData(section, Qt::Horizontal, role);
    };
    QCOMPARE(header(IterationModel::IterationColumn).toString(), QStringLiteral("iteration"));
    QCOMPARE(header(IterationModel::EpochColumn).toString(), QStringLiteral("epoch"));
    QCOMPARE(header(IterationModel::LossColumn).toString(), QStringLiteral("loss"));
    QCOMPARE(header(IterationModel::RmseColumn).toString(), QStringLiteral("RMSE"));
    QCOMPARE(header(IterationModel::GradientNormColumn).toString(), QStringLiteral("|∇|"));
    QCOMPARE(header(IterationModel::FirstThetaColumn).toString(), QStringLiteral("θ0"));
    QCOMPARE(header(IterationModel::FirstThetaColumn + 1).toString(), QStringLiteral("θ1"));
    QVERIFY(!header(IterationModel::FirstThetaColumn + 2).isValid());
    QVERIFY(!header(-1).isValid());
    for (int column = 0; column < m_model->columnCount(); ++column)
        QVERIFY2(!header(column, Qt::ToolTipRole).toString().isEmpty(), qPrintable(QString::number(column)));
    QVERIFY(header(IterationModel::FirstThetaColumn + 1, Qt::ToolTipRole).toString().contains(QStringLiteral("θ1")));
    QCOMPARE(m_model->parameterSymbols(), symbols);
}

void TestIterationModel::displayData()
{
    std::vector<IterationState> states = makeStates(0, 3);
    states[1].loss = 0.1234567890123;
    states[1].theta[0] = 1.0 / 3.0;
    states[1].theta[1] = -2.5e-12;
    states[2].epoch = 7;
    m_model->setHistory(std::move(states), symbols);

    const auto display = [this](int row, int column) {
        return m_model->data(m_model->index(row, column), Qt::DisplayRole).toString();
    };
    QCOMPARE(display(1, IterationModel::IterationColumn), QStringLiteral("1"));
    QCOMPARE(display(2, IterationModel::EpochColumn), QStringLiteral("7"));
    QCOMPARE(display(1, IterationModel::LossColumn), QStringLiteral("0.123456789"));
    QCOMPARE(display(0, IterationModel::LossColumn), QStringLiteral("100"));
    QCOMPARE(display(0, IterationModel::RmseColumn), QStringLiteral("10"));
    QCOMPARE(display(1, IterationModel::GradientNormColumn), QString::number(std::hypot(0.5, 1.0), 'g', 10));
    QCOMPARE(display(1, IterationModel::FirstThetaColumn), QStringLiteral("0.3333333333"));
    QCOMPARE(display(1, IterationModel::FirstThetaColumn + 1), QStringLiteral("-2.5e-12"));

    // The tooltip has every digit, so that a step can be checked by hand.
    const QString tooltip
        = m_model->data(m_model->index(1, IterationModel::FirstThetaColumn), Qt::ToolTipRole).toString();
    QCOMPARE(tooltip.toDouble(), 1.0 / 3.0);

    const QVariant alignment = m_model->data(m_model->index(1, IterationModel::LossColumn), Qt::TextAlignmentRole);
    QVERIFY(alignment.value<Qt::Alignment>().testFlag(Qt::AlignRight));
}

void TestIterationModel::customRoles()
{
    m_model->setHistory(makeStates(0, 5, 10), symbols);
    const QModelIndex index = m_model->index(2, IterationModel::LossColumn);
    QCOMPARE(index.data(IterationModel::IterationRole).toLongLong(), 20LL);
    QCOMPARE(index.data(IterationModel::EpochRole).toLongLong(), 5LL);
    QCOMPARE(index.data(IterationModel::LossRole).toDouble(), 80.0);
    QCOMPARE(index.data(IterationModel::RmseRole).toDouble(), std::sqrt(80.0));
    QCOMPARE(index.data(IterationModel::GradientNormRole).toDouble(), std::hypot(10.0, 1.0));
    QCOMPARE(index.data(IterationModel::ThetaRole).value<QList<double>>(), (QList<double> { 20.0, -40.0 }));
    QCOMPARE(index.data(IterationModel::GradientRole).value<QList<double>>(), (QList<double> { 10.0, 1.0 }));
    QCOMPARE(index.data(IterationModel::IsCurrentRole).toBool(), false);
    QCOMPARE(m_model->index(0, 0).data(IterationModel::IsCurrentRole).toBool(), true);
    // The roles describe the row, whatever the column.
    QCOMPARE(
        m_model->index(2, IterationModel::FirstThetaColumn).data(IterationModel::IterationRole).toLongLong(), 20LL);

    const QHash<int, QByteArray> names = m_model->roleNames();
    QCOMPARE(names.value(IterationModel::ThetaRole), QByteArray("theta"));
    QCOMPARE(names.value(IterationModel::IsCurrentRole), QByteArray("isCurrent"));
    QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));

    QCOMPARE(m_model->state(3).iteration, 30LL);
    QCOMPARE(m_model->states().size(), std::size_t(5));
}

void TestIterationModel::invalidIndexes()
{
    m_model->setHistory(makeStates(0, 3), symbols);
    QVERIFY(!m_model->data(QModelIndex()).isValid());
    QVERIFY(!m_model->data(m_model->index(3, 0)).isValid());
    QVERIFY(!m_model->data(m_model->index(0, m_model->columnCount())).isValid());
    const QModelIndex valid = m_model->index(0, 0);
    QVERIFY(valid.isValid());
    QCOMPARE(m_model->rowCount(valid), 0);
    QCOMPARE(m_model->columnCount(valid), 0);
    QVERIFY(!m_model->data(valid, Qt::UserRole + 999).isValid());

    // A state with fewer parameters than named columns shows nothing there rather than reading past θ.
    std::vector<IterationState> states = makeStates(0, 1);
    m_model->setHistory(std::move(states), { "θ0", "θ1", "θ2" });
    QVERIFY(!m_model->data(m_model->index(0, IterationModel::FirstThetaColumn + 2)).isValid());
}

void TestIterationModel::appendStatesInsertsOnce()
{
    m_model->setHistory(makeStates(0, 10), symbols, 4);
    QSignalSpy inserted(m_model.get(), &IterationModel::rowsInserted);
    QSignalSpy resets(m_model.get(), &IterationModel::modelReset);
    QSignalSpy current(m_model.get(), &IterationModel::currentRowChanged);
    m_model->appendStates(makeStates(10, 25));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 10);
    QCOMPARE(inserted.at(0).at(2).toInt(), 34);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(current.count(), 0);
    QCOMPARE(m_model->rowCount(), 35);
    QCOMPARE(m_model->currentRow(), 4);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->state(row).iteration, (long long)row);
    QCOMPARE(m_model->data(m_model->index(34, IterationModel::IterationColumn)).toString(), QStringLiteral("34"));

    m_model->appendStates({});
    QCOMPARE(inserted.count(), 1);
}

void TestIterationModel::appendToEmptyModel()
{
    QSignalSpy current(m_model.get(), &IterationModel::currentRowChanged);
    m_model->appendStates(makeStates(0, 3));
    QCOMPARE(m_model->rowCount(), 3);
    // Row 0 became a real state: cursor followers hear of it.
    QCOMPARE(current.count(), 1);
    QCOMPARE(m_model->currentState().iteration, 0LL);
}

void TestIterationModel::clearEmpties()
{
    m_model->setHistory(makeStates(0, 10), symbols, 6);
    QSignalSpy resets(m_model.get(), &IterationModel::modelReset);
    m_model->clear();
    QCOMPARE(resets.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), int(IterationModel::FirstThetaColumn));
    QCOMPARE(m_model->currentRow(), 0);
    QVERIFY(m_model->parameterSymbols().isEmpty());
}

void TestIterationModel::setCurrentRowClampsAndSignals()
{
    m_model->setHistory(makeStates(0, 10), symbols);
    QSignalSpy current(m_model.get(), &IterationModel::currentRowChanged);

    m_model->setCurrentRow(5);
    QCOMPARE(m_model->currentRow(), 5);
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.last().at(0).toInt(), 5);

    m_model->setCurrentRow(5); // not a move
    QCOMPARE(current.count(), 1);

    m_model->setCurrentRow(1000);
    QCOMPARE(m_model->currentRow(), 9);
    QCOMPARE(current.count(), 2);
    QCOMPARE(current.last().at(0).toInt(), 9);

    m_model->setCurrentRow(10); // clamps to 9 again: no move
    QCOMPARE(current.count(), 2);

    m_model->setCurrentRow(-4);
    QCOMPARE(m_model->currentRow(), 0);
    QCOMPARE(current.count(), 3);
    QCOMPARE(m_model->currentState().iteration, 0LL);

    m_model->clear();
    current.clear();
    m_model->setCurrentRow(3); // nothing to move over
    QCOMPARE(m_model->currentRow(), 0);
    QCOMPARE(current.count(), 0);
}

void TestIterationModel::currentRowMarksRows()
{
    m_model->setHistory(makeStates(0, 10), symbols, 2);
    QSignalSpy changed(m_model.get(), &IterationModel::dataChanged);
    m_model->setCurrentRow(7);
    QCOMPARE(changed.count(), 2);
    const auto rowsOf = [&changed](int signal) {
        const QList<QVariant>& arguments = changed.at(signal);
        return std::make_pair(arguments.at(0).toModelIndex().row(), arguments.at(1).toModelIndex().row());
    };
    QCOMPARE(rowsOf(0), std::make_pair(2, 2));
    QCOMPARE(rowsOf(1), std::make_pair(7, 7));
    QCOMPARE(changed.at(0).at(1).toModelIndex().column(), m_model->columnCount() - 1);
    const auto roles = changed.at(0).at(2).value<QList<int>>();
    QVERIFY(roles.contains(IterationModel::IsCurrentRole));
    QVERIFY(roles.contains(Qt::FontRole));

    QCOMPARE(m_model->index(7, 0).data(IterationModel::IsCurrentRole).toBool(), true);
    QCOMPARE(m_model->index(2, 0).data(IterationModel::IsCurrentRole).toBool(), false);
    QVERIFY(m_model->index(7, 3).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!m_model->index(2, 3).data(Qt::FontRole).isValid());
}

void TestIterationModel::rowForIteration_data()
{
    QTest::addColumn<long long>("iteration");
    QTest::addColumn<int>("expected");
    // The history holds iterations 0, 10, 20, …, 90 (a run that recorded every tenth state).
    QTest::addRow("first") << 0LL << 0;
    QTest::addRow("exact") << 30LL << 3;
    QTest::addRow("between") << 35LL << 3;
    QTest::addRow("just before") << 39LL << 3;
    QTest::addRow("last") << 90LL << 9;
    QTest::addRow("past the end") << 5000LL << 9;
    QTest::addRow("negative") << -1LL << 0;
}

void TestIterationModel::rowForIteration()
{
    QFETCH(long long, iteration);
    QFETCH(int, expected);
    m_model->setHistory(makeStates(0, 10, 10), symbols);
    QCOMPARE(m_model->rowForIteration(iteration), expected);
}

QTEST_MAIN(TestIterationModel)
#include "tst_iteration_model.moc"
