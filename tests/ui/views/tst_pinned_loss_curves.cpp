#include "support/lesson_session.h"
#include "support/model_states.h"
#include "views/pinned_loss_curves.h"

#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "views/loss_curve.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QtTest>

namespace tst_pinned_loss_curves {

using gdlab::PinnedLossCurves;
using gdlab::PinnedRuns;

class TestPinnedLossCurves : public QObject {
    Q_OBJECT

private slots:
    void oneCurvePerPin();
    void underTheLiveCurve();
    void labelsSayWhatDiffers();
    void extentFoldsInEveryPin();
    void divergedPinDoesNotStretchTheRange();
    void noRunsNoCurves();
};

namespace {

void setRate(gdlab::SessionController& session, double rate)
{
    QVERIFY(session.setLearningRate(rate).isEmpty());
    session.waitForComputation();
}

} // namespace

void TestPinnedLossCurves::oneCurvePerPin()
{
    auto session = gdlab::test::sessionWith("five_points");
    PinnedRuns pinned(session->model());
    QVERIFY(pinned.pinCurrent());
    setRate(*session, 0.05);
    QVERIFY(pinned.pinCurrent());
    QCustomPlot plot;
    PinnedLossCurves curves(&plot);
    curves.setRuns(&pinned);
    curves.rebuild(true);
    curves.applyStyle(gdlab::PlotStyle(plot, false));
    QCOMPARE(curves.graphs().size(), std::size_t(2));
    QVERIFY(plot.legend->visible());
    for (int index = 0; index < 2; ++index) {
        const QCPGraph* graph = curves.graphs()[std::size_t(index)];
        const std::vector<gdlab::test::State> states = gdlab::test::statesOf(pinned.run(index));
        QCOMPARE(graph->data()->size(), int(states.size()));
        QCOMPARE(graph->data()->at(100)->value, states[100].loss);
        QCOMPARE(graph->pen().color(), gdlab::ViewPalette::series(pinned.run(index).seriesIndex));
    }
    // Rebuilding replaces the curves.
    const int plottables = plot.plottableCount();
    curves.rebuild(true);
    QCOMPARE(plot.plottableCount(), plottables);
}

void TestPinnedLossCurves::underTheLiveCurve()
{
    auto session = gdlab::test::sessionWith("five_points");
    PinnedRuns pinned(session->model());
    QVERIFY(pinned.pinCurrent());
    QCustomPlot plot;
    PinnedLossCurves curves(&plot);
    gdlab::LossCurve live(&plot);
    curves.setRuns(&pinned);
    curves.rebuild(true);
    const gdlab::PlotStyle style(plot, false);
    curves.applyStyle(style);
    live.applyStyle(style);
    QVERIFY(curves.graphs()[0]->layer()->index() < live.graph()->layer()->index());
    QVERIFY(curves.graphs()[0]->pen().widthF() < live.graph()->pen().widthF());
}

void TestPinnedLossCurves::labelsSayWhatDiffers()
{
    auto session = gdlab::test::sessionWith("five_points");
    PinnedRuns pinned(session->model());
    QCustomPlot plot;
    PinnedLossCurves curves(&plot);
    gdlab::LossCurve live(&plot);
    curves.setRuns(&pinned);
    curves.rebuild(true);
    curves.updateLabels(live.graph());
    QCOMPARE(live.graph()->name(), QStringLiteral("loss"));
    QVERIFY(pinned.pinCurrent());
    setRate(*session, 0.05);
    curves.rebuild(true);
    curves.updateLabels(live.graph());
    QCOMPARE(live.graph()->name(), QStringLiteral("current (lr 0.05)"));
    QCOMPARE(curves.graphs()[0]->name(), QStringLiteral("lr 0.01"));
}

void TestPinnedLossCurves::extentFoldsInEveryPin()
{
    auto session = gdlab::test::sessionWith("five_points");
    PinnedRuns pinned(session->model());
    QVERIFY(pinned.pinCurrent());
    gdlab::SolverSettings settings = session->model()->run()->settings;
    settings.iterations = 3000;
    QVERIFY(session->setSettings(settings).isEmpty());
    session->waitForComputation();
    QVERIFY(pinned.pinCurrent());
    QCustomPlot plot;
    PinnedLossCurves curves(&plot);
    curves.setRuns(&pinned);
    curves.rebuild(true);
    QCOMPARE(curves.extent().lastIteration, 3000.0);
    QCOMPARE(curves.extent().maxLoss, pinned.run(0).history().loss(0));
    QCOMPARE(curves.extent().minPositiveLoss, pinned.run(1).history().loss(3000));
}

void TestPinnedLossCurves::divergedPinDoesNotStretchTheRange()
{
    auto session = gdlab::test::sessionWith("five_points");
    setRate(*session, 1.0);
    PinnedRuns pinned(session->model());
    QVERIFY(pinned.pinCurrent());
    QCustomPlot plot;
    PinnedLossCurves curves(&plot);
    curves.setRuns(&pinned);
    curves.rebuild(true);
    const gdlab::History& history = pinned.run(0).history();
    QVERIFY(history.loss(history.size() - 1) > 100 * history.loss(0));
    QCOMPARE(curves.extent().maxLoss, 4 * history.loss(0));
}

void TestPinnedLossCurves::noRunsNoCurves()
{
    auto session = gdlab::test::sessionWith("five_points");
    PinnedRuns pinned(session->model());
    QVERIFY(pinned.pinCurrent());
    QCustomPlot plot;
    const int plottables = plot.plottableCount();
    PinnedLossCurves curves(&plot);
    curves.setRuns(&pinned);
    curves.rebuild(true);
    curves.setRuns(nullptr);
    curves.rebuild(true);
    QVERIFY(curves.graphs().empty());
    QCOMPARE(plot.plottableCount(), plottables);
    QVERIFY(!plot.legend->visible());
    QVERIFY(std::isinf(curves.extent().minPositiveLoss));
}

} // namespace tst_pinned_loss_curves

QTEST_MAIN(tst_pinned_loss_curves::TestPinnedLossCurves)
#include "tst_pinned_loss_curves.moc"
