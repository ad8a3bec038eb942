// The history table: its selection follows the current row, a selected row is asked for (never set), one reset
// is one refresh, and a streamed run sizes its columns once.
#include "views/history_table.h"

#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "support/panel_routing.h"
#include "support/streaming_run.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

namespace tst_history_table {

using gdlab::HistoryTable;
using gdlab::IterationModel;
using gdlab::SessionController;

class TestHistoryTable : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void selectionFollowsTheCurrentRow();
    void selectingARowAsksForIt();
    void routedSelectionMovesEveryView();
    void oneResetOneRefresh();
    void streamedRunKeepsColumnWidths();
    void rowsHaveOneHeight();

private:
    IterationModel* model() const { return m_controller->model(); }

    std::unique_ptr<SessionController> m_controller;
};

void TestHistoryTable::init()
{
    m_controller = std::make_unique<SessionController>();
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
}

void TestHistoryTable::cleanup()
{
    m_controller.reset();
}

void TestHistoryTable::selectionFollowsTheCurrentRow()
{
    HistoryTable table(model());
    QItemSelectionModel* selection = table.selectionModel();
    QCOMPARE(selection->currentIndex().row(), 0);
    model()->setCurrentRow(42);
    QCOMPARE(selection->currentIndex().row(), 42);
    QCOMPARE(selection->selectedRows().size(), 1);
    QCOMPARE(selection->selectedRows().first().row(), 42);
    // After a reset (a new learning rate) the selection is the current row again.
    QVERIFY(m_controller->setLearningRate(0.02).isEmpty());
    QCOMPARE(selection->currentIndex().row(), model()->currentRow());
    QCOMPARE(selection->selectedRows().size(), 1);
}

void TestHistoryTable::selectingARowAsksForIt()
{
    HistoryTable table(model());
    QSignalSpy requests(&table, &HistoryTable::rowRequested);
    table.selectRow(7);
    QCOMPARE(requests.count(), 1);
    QCOMPARE(requests.first().first().toInt(), 7);
    QCOMPARE(model()->currentRow(), 0); // the table only asks
    // Following the model sends no request.
    model()->setCurrentRow(3);
    QCOMPARE(requests.count(), 1);
}

void TestHistoryTable::routedSelectionMovesEveryView()
{
    HistoryTable table(model());
    gdlab::test::routeRowRequests(&table, model());
    QSignalSpy moves(model(), &IterationModel::currentRowChanged);
    table.selectRow(7);
    QCOMPARE(model()->currentRow(), 7);
    QCOMPARE(moves.count(), 1);
    QCOMPARE(table.selectionModel()->selectedRows().size(), 1);
    QCOMPARE(table.selectionModel()->selectedRows().first().row(), 7);
}

void TestHistoryTable::oneResetOneRefresh()
{
    HistoryTable table(model());
    QSignalSpy resets(model(), &IterationModel::runReset);
    const int refreshes = table.refreshCount();
    model()->setCurrentRow(9);
    QVERIFY(m_controller->setLearningRate(0.03).isEmpty());
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points_rss")).isEmpty());
    QCOMPARE(resets.count(), 2);
    QCOMPARE(table.refreshCount(), refreshes + 2);
}

void TestHistoryTable::streamedRunKeepsColumnWidths()
{
    IterationModel streamed;
    HistoryTable table(&streamed);
    table.resize(600, 400);
    gdlab::test::startStreaming(streamed, model()->sharedRun(), 1);
    const int startWidth = table.columnWidth(IterationModel::LossColumn);
    streamed.appendRows(500);
    // The start's loss is short ("1.2236"), later ones have ten digits: the column was wide enough for them from
    // the start, so it never jumps as rows arrive.
    QCOMPARE(table.columnWidth(IterationModel::LossColumn), startWidth);
    const QFontMetrics metrics(table.font());
    for (int row = 0; row <= streamed.lastRow(); ++row)
        QVERIFY(
            metrics.horizontalAdvance(streamed.index(row, IterationModel::LossColumn).data().toString()) < startWidth);
    QCOMPARE(table.refreshCount(), 2);
}

void TestHistoryTable::rowsHaveOneHeight()
{
    HistoryTable table(model());
    QCOMPARE(table.verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
    const int before = table.verticalHeader()->defaultSectionSize();
    QFont font = table.font();
    font.setPointSizeF(font.pointSizeF() * 2);
    table.setFont(font);
    QVERIFY(table.verticalHeader()->defaultSectionSize() > before);
}

} // namespace tst_history_table

QTEST_MAIN(tst_history_table::TestHistoryTable)
#include "tst_history_table.moc"
