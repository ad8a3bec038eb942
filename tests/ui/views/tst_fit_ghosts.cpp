// The fit view's ghost lines: which iterations are drawn, and what the legend calls them as the cursor moves.
#include "views/fit_ghosts.h"
#include "views/fit_plot.h"

#include "run.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <qcustomplot.h>

#include <QtTest>

#include <memory>

namespace tst_fit_ghosts {

using gdlab::FitGhosts;
using gdlab::FitPlot;
using gdlab::IterationModel;
using gdlab::SessionController;

class TestFitGhosts : public QObject {
    Q_OBJECT

private slots:
    void legendNameSaysWhereTheLinesAre_data();
    void legendNameSaysWhereTheLinesAre();
    void labelsCountSteps();
    void reachedIsSortedAndWithinTheHistory();
    void viewRenamesTheEntryAsTheCursorMoves();
};

void TestFitGhosts::legendNameSaysWhereTheLinesAre_data()
{
    QTest::addColumn<long long>("current");
    QTest::addColumn<QString>("name");
    QTest::addRow("before every line") << 0LL << QStringLiteral("later fits");
    QTest::addRow("between lines") << 50LL << QStringLiteral("earlier and later fits");
    QTest::addRow("on the last line") << 1000LL << QStringLiteral("earlier fits");
    QTest::addRow("after every line") << 4000LL << QStringLiteral("earlier fits");
}

void TestFitGhosts::legendNameSaysWhereTheLinesAre()
{
    QFETCH(long long, current);
    QFETCH(QString, name);
    QCOMPARE(FitGhosts::legendName({ 10, 100, 1000 }, current), name);
}

void TestFitGhosts::labelsCountSteps()
{
    QCOMPARE(FitGhosts::label(1), QStringLiteral("after 1 step"));
    QCOMPARE(FitGhosts::label(100), QStringLiteral("after 100 steps"));
}

void TestFitGhosts::reachedIsSortedAndWithinTheHistory()
{
    SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    controller.waitForComputation();
    controller.setGhostIterations({ 2000, 100, 10, 100 });
    QCOMPARE(FitGhosts::reached(*controller.model()), (std::vector<long long> { 10, 100 }));
}

void TestFitGhosts::viewRenamesTheEntryAsTheCursorMoves()
{
    SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    controller.waitForComputation();
    FitPlot view(controller.model());
    IterationModel* model = controller.model();
    model->setCurrentRow(0);
    // At iteration 0 the lines after 10, 100 and 1000 steps lie ahead.
    QCOMPARE(view.ghostGraphs().front()->name(), QStringLiteral("later fits"));
    QVERIFY(view.plot()->legend->hasItemWithPlottable(view.ghostGraphs().front()));
    model->setCurrentRow(model->rowForIteration(100));
    QCOMPARE(view.ghostGraphs().front()->name(), QStringLiteral("earlier and later fits"));
    model->setCurrentRow(model->lastRow());
    QCOMPARE(view.ghostGraphs().front()->name(), QStringLiteral("earlier fits"));
    // Every ghost line carries the name the one legend entry shows.
    for (const QCPGraph* graph : view.ghostGraphs())
        QCOMPARE(graph->name(), QStringLiteral("earlier fits"));
}

} // namespace tst_fit_ghosts

QTEST_MAIN(tst_fit_ghosts::TestFitGhosts)
#include "tst_fit_ghosts.moc"
