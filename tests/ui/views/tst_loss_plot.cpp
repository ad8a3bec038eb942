#include "support/model_states.h"
#include "views/loss_plot.h"
#include "views/pinned_loss_markers.h"

#include "race_entry.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "session/race.h"
#include "session/session_controller.h"
#include "views/series_marker.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>
#include <functional>
#include <memory>
#include <set>

namespace tst_loss_plot {

using namespace gdlab;

/** A user action, as the command the window would give the controller. */
using Command = std::function<QString(SessionController&)>;
} // namespace tst_loss_plot
Q_DECLARE_METATYPE(tst_loss_plot::Command)
namespace tst_loss_plot {

namespace {

struct Fixture {
    std::unique_ptr<SessionController> controller;
    std::unique_ptr<LossPlot> view;
};

Fixture makeFixture(const char* lesson)
{
    Fixture fixture;
    fixture.controller = std::make_unique<SessionController>();
    if (!fixture.controller->loadLesson(QString::fromLatin1(lesson)).isEmpty())
        return fixture;
    fixture.controller->waitForComputation();
    fixture.view = std::make_unique<LossPlot>(fixture.controller->model());
    fixture.view->resize(640, 360);
    return fixture;
}

} // namespace

class TestLossPlot : public QObject {
    Q_OBJECT

private slots:
    void curveHasEveryRow();
    void axisLabels();
    void markerFollowsTheCurrentRow();
    void logarithmicToggle();
    void nonPositiveLossesAreClampedOnALogAxis();
    void divergenceShowsAWarning();
    void warningGoesAwayWithAStableRate();
    void newHistoryReplacesTheCurve();
    void rowsAppendedExtendTheCurve();
    void leastSquaresFloor();
    void presentationModeEnlarges();
    void pinnedRunStaysWhileTheLiveOneChanges();
    void twoPinnedAndLiveHaveDistinctColoursAndLabels();
    void unpinRemovesTheCurve();
    void anotherLessonClearsThePinnedCurves();
    void pinnedRunWithAnotherLossKeepsItsUnits();
    void oneRunResetIsOneRefreshAndOneReplot_data();
    void oneRunResetIsOneRefreshAndOneReplot();
    void runResetAloneMovesTheMarker();
    void steppingMovesOnlyTheMarker();
    void runFinishedShowsTheWarningOfAStreamedRun();
    void titleAndFloorComeFromTheRun();
    void raceMarkersStepWithTheCursor();
    void legendGivesEachRunsLossAndFinish();
};

namespace {

bool sameCurve(const QCPGraph* graph, const std::vector<gdlab::test::State>& states)
{
    const auto data = graph->data();
    if (data->size() != static_cast<int>(states.size()))
        return false;
    for (int row = 0; row < data->size(); ++row) {
        if (data->at(row)->key != double(states[static_cast<std::size_t>(row)].iteration)
            || data->at(row)->value != states[static_cast<std::size_t>(row)].loss)
            return false;
    }
    return true;
}

void setRate(SessionController& controller, double rate)
{
    QVERIFY(controller.setLearningRate(rate).isEmpty());
    controller.waitForComputation();
}

} // namespace

void TestLossPlot::curveHasEveryRow()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(f.view);
    const IterationModel* model = f.controller->model();
    const auto data = f.view->lossGraph()->data();
    QCOMPARE(data->size(), model->rowCount());
    QCOMPARE(data->size(), 1001);
    for (int row : { 0, 1, 10, 500, 1000 }) {
        QCOMPARE(data->at(row)->key, double(model->iteration(row)));
        QCOMPARE(data->at(row)->value, model->loss(row));
    }
    // The x axis spans the planned iterations, the log y axis the losses.
    QVERIFY(f.view->plot()->xAxis->range().contains(0));
    QVERIFY(f.view->plot()->xAxis->range().contains(1000));
    QVERIFY(f.view->plot()->yAxis->range().contains(model->loss(0)));
    QVERIFY(f.view->plot()->yAxis->range().contains(model->loss(1000)));
}

void TestLossPlot::axisLabels()
{
    Fixture f = makeFixture("five_points");
    QCOMPARE(f.view->plot()->xAxis->label(), QStringLiteral("iteration"));
    QCOMPARE(f.view->plot()->yAxis->label(), QStringLiteral("loss (mse)"));
    SolverSettings settings = f.controller->model()->run()->settings;
    settings.loss = LossKind::HalfMse;
    QVERIFY(f.controller->setSettings(settings).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.view->plot()->yAxis->label(), QStringLiteral("loss (half-mse)"));

    Fixture rss = makeFixture("five_points_rss");
    QCOMPARE(rss.view->plot()->yAxis->label(), QStringLiteral("loss (sse)"));
}

void TestLossPlot::markerFollowsTheCurrentRow()
{
    Fixture f = makeFixture("five_points");
    IterationModel* model = f.controller->model();
    model->setCurrentRow(10);
    QCOMPARE(f.view->markerIteration(), 10.0);
    QCOMPARE(f.view->marker()->point2->key(), 10.0);
    QVERIFY(f.view->marker()->visible());
    QCOMPARE(f.view->tracer()->position->key(), 10.0);
    QCOMPARE(f.view->tracer()->position->value(), model->loss(10));
    const QString expected = QStringLiteral("k = 10, loss = %1").arg(QString::number(model->loss(10), 'g', 4));
    QCOMPARE(f.view->markerLabel()->text(), expected);

    model->setCurrentRow(700);
    QCOMPARE(f.view->markerIteration(), 700.0);
    QCOMPARE(f.view->tracer()->position->key(), 700.0);
    QVERIFY(f.view->markerLabel()->text().startsWith(QStringLiteral("k = 700, loss = ")));
    // Stepping never touches the curve or the ranges.
    QCOMPARE(f.view->lossGraph()->data()->size(), 1001);
}

void TestLossPlot::logarithmicToggle()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(f.view->isLogarithmic());
    QCOMPARE(f.view->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QSignalSpy spy(f.view.get(), &LossPlot::logarithmicChanged);
    f.view->setLogarithmic(false);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(f.view->plot()->yAxis->scaleType(), QCPAxis::stLinear);
    QVERIFY(f.view->plot()->yAxis->range().contains(0));
    QCOMPARE(f.view->lossGraph()->data()->size(), 1001);
    f.view->setLogarithmic(true);
    QCOMPARE(f.view->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(f.view->plot()->yAxis->range().lower > 0);
}

void TestLossPlot::nonPositiveLossesAreClampedOnALogAxis()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(f.view->plottedLoss(0.0) > 0);
    QVERIFY(f.view->plottedLoss(-1.0) > 0);
    QCOMPARE(f.view->plottedLoss(0.25), 0.25);
    f.view->setLogarithmic(false);
    QCOMPARE(f.view->plottedLoss(0.0), 0.0);
}

void TestLossPlot::divergenceShowsAWarning()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(!f.view->warningText()->visible());
    const double bound = f.controller->model()->run()->stability.divergenceBound;
    QVERIFY(bound < 1.0);
    QVERIFY(f.controller->setLearningRate(1.0).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.controller->model()->run()->outcome->reason, StopReason::Diverged);

    const IterationModel* model = f.controller->model();
    const long long updates = gdlab::test::statesOf(*model).back().iteration;
    QVERIFY(updates < 1000);
    // The curve simply ends at the last finite state.
    QCOMPARE(f.view->lossGraph()->data()->size(), model->rowCount());
    QCOMPARE(f.view->lossGraph()->data()->at(model->lastRow())->key, double(updates));
    // The x axis shows the updates that were made rather than the 1000 planned, with room after the end.
    QVERIFY(f.view->plot()->xAxis->range().upper > double(updates));
    QVERIFY(f.view->plot()->xAxis->range().upper < 1000);

    QVERIFY(f.view->warningText()->visible());
    QVERIFY(f.view->warningText()->layout() == f.view->plot()->plotLayout());
    const QString text = f.view->warningMessage();
    QVERIFY2(text.startsWith(QStringLiteral("Diverged after %1 updates").arg(updates)), qPrintable(text));
    QVERIFY2(text.contains(
                 QStringLiteral("learning rate 1 is above the stability bound %1").arg(QString::number(bound, 'g', 3))),
        qPrintable(text));
    QCOMPARE(f.view->warningText()->textColor(), ViewPalette::warning());
    // The displayed text says the same, wrapped to the widget.
    QVERIFY(f.view->warningText()->text().startsWith(QStringLiteral("Diverged after")));
    QVERIFY(f.view->warningText()->text().contains(QLatin1Char('\n')));
}

void TestLossPlot::warningGoesAwayWithAStableRate()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(f.controller->setLearningRate(1.0).isEmpty());
    f.controller->waitForComputation();
    QVERIFY(f.view->warningText()->visible());
    QCOMPARE(f.view->plot()->plotLayout()->rowCount(), 2);
    QVERIFY(f.controller->setLearningRate(0.01).isEmpty());
    f.controller->waitForComputation();
    QVERIFY(!f.view->warningText()->visible());
    QVERIFY(f.view->warningMessage().isEmpty());
    // The warning row is gone: the axis rect has the whole plot again.
    QCOMPARE(f.view->plot()->plotLayout()->rowCount(), 1);
    QCOMPARE(f.view->plot()->plotLayout()->element(0, 0), f.view->plot()->axisRect());
    QCOMPARE(f.view->lossGraph()->data()->size(), 1001);
    QVERIFY(f.view->plot()->xAxis->range().contains(1000));
}

void TestLossPlot::newHistoryReplacesTheCurve()
{
    SessionController controller;
    LossPlot view(controller.model());
    QCOMPARE(view.lossGraph()->data()->size(), 0);
    QVERIFY(!view.marker()->visible());
    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    controller.waitForComputation();
    QCOMPARE(view.lossGraph()->data()->size(), 1001);
    QVERIFY(controller.loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    controller.waitForComputation();
    QCOMPARE(view.lossGraph()->data()->size(), controller.model()->rowCount());
    QCOMPARE(view.lossGraph()->data()->size(), 401);
    QVERIFY(view.plot()->xAxis->range().contains(400));
    QVERIFY(view.plot()->xAxis->range().upper < 500);
}

void TestLossPlot::rowsAppendedExtendTheCurve()
{
    Fixture f = makeFixture("five_points");
    IterationModel* model = f.controller->model();
    // What a worker does: a start, then batches.
    std::vector<gdlab::test::State> all = gdlab::test::statesOf(*model);
    auto streaming = std::make_shared<gdlab::Run>(*model->run());
    streaming->outcome.reset();
    const int refreshes = f.view->refreshCount();
    model->setRun(streaming, 0, 1);
    QCOMPARE(f.view->lossGraph()->data()->size(), 1);
    QCOMPARE(f.view->refreshCount(), refreshes + 1);
    model->appendRows(400);
    QCOMPARE(f.view->lossGraph()->data()->size(), 400);
    model->appendRows(1001);
    QCOMPARE(f.view->lossGraph()->data()->size(), 1001);
    // Appended rows extend the curve; they do not redraw everything.
    QCOMPARE(f.view->refreshCount(), refreshes + 1);
    for (int row : { 0, 399, 400, 1000 })
        QCOMPARE(f.view->lossGraph()->data()->at(row)->value, all[std::size_t(row)].loss);
    QVERIFY(f.view->plot()->yAxis->range().contains(all.back().loss));
}

void TestLossPlot::leastSquaresFloor()
{
    Fixture f = makeFixture("five_points");
    // mse at (0.6, 0.8) on the five points: residuals 0.4, -0.8, 0, 0.8, -0.4, so SSE 1.6 over 5.
    QVERIFY(f.view->minimumLine()->visible());
    QVERIFY(std::abs(f.view->minimumLine()->point1->value() - 0.32) < 1e-12);
    QVERIFY(f.view->plot()->yAxis->range().contains(0.32));
}

void TestLossPlot::presentationModeEnlarges()
{
    Fixture f = makeFixture("five_points");
    const double width = f.view->lossGraph()->pen().widthF();
    const double points = f.view->plot()->yAxis->labelFont().pointSizeF();
    const double tracer = f.view->tracer()->size();
    f.view->setPresentationMode(true);
    QVERIFY(f.view->lossGraph()->pen().widthF() > width);
    QVERIFY(f.view->plot()->yAxis->labelFont().pointSizeF() >= 1.4 * points);
    QVERIFY(f.view->tracer()->size() > tracer);
    QVERIFY(f.view->minimumSizeHint().width() <= 260);
    QVERIFY(f.view->minimumSizeHint().height() <= 200);
}

void TestLossPlot::pinnedRunStaysWhileTheLiveOneChanges()
{
    Fixture f = makeFixture("five_points");
    PinnedRuns pinned(f.controller->model());
    f.view->setPinnedRuns(&pinned);
    QVERIFY(!f.view->plot()->legend->visible()); // nothing to tell apart yet
    QVERIFY(pinned.pinCurrent());
    const std::vector<gdlab::test::State> states = gdlab::test::statesOf(*f.controller->model());
    QCOMPARE(f.view->pinnedGraphs().size(), std::size_t(1));
    QVERIFY(sameCurve(f.view->pinnedGraphs()[0], states));
    QVERIFY(f.view->plot()->legend->visible());

    setRate(*f.controller, 0.05);
    // The live curve is the new run; the pinned one is exactly what was pinned.
    QVERIFY(sameCurve(f.view->lossGraph(), gdlab::test::statesOf(*f.controller->model())));
    QVERIFY(!sameCurve(f.view->lossGraph(), states));
    QCOMPARE(f.view->pinnedGraphs().size(), std::size_t(1));
    QVERIFY(sameCurve(f.view->pinnedGraphs()[0], states));
    QCOMPARE(f.view->pinnedGraphs()[0]->name(), QStringLiteral("lr 0.01"));
    // The legend names the live run by what differs, with its loss at the cursor and where it reached the tolerance.
    QVERIFY2(f.view->lossGraph()->name().startsWith(QStringLiteral("current (lr 0.05): ")),
        qPrintable(f.view->lossGraph()->name()));
    // Thinner than the live curve, in its pin's colour.
    QCOMPARE(f.view->pinnedGraphs()[0]->pen().color(), gdlab::ViewPalette::series(pinned.run(0).seriesIndex));
    QVERIFY(f.view->pinnedGraphs()[0]->pen().widthF() < f.view->lossGraph()->pen().widthF());
    // Stepping moves the marker on the live curve only.
    f.controller->model()->setCurrentRow(40);
    QVERIFY(sameCurve(f.view->pinnedGraphs()[0], states));
}

void TestLossPlot::twoPinnedAndLiveHaveDistinctColoursAndLabels()
{
    Fixture f = makeFixture("five_points");
    PinnedRuns pinned(f.controller->model());
    f.view->setPinnedRuns(&pinned);
    QVERIFY(pinned.pinCurrent()); // lr 0.01
    setRate(*f.controller, 0.05);
    QVERIFY(pinned.pinCurrent());
    setRate(*f.controller, 0.08);
    f.view->plot()->replot();

    QCPLegend* legend = f.view->plot()->legend;
    QVERIFY(legend->visible());
    QCOMPARE(legend->itemCount(), 3);
    QStringList names;
    QSet<QRgb> colours;
    // Each pinned run's entry is its marker, whose icon shows its shape on its line.
    for (QCPGraph* graph : { f.view->lossGraph(), f.view->pinnedMarkers()[0], f.view->pinnedMarkers()[1] }) {
        QVERIFY(legend->hasItemWithPlottable(graph));
        names << graph->name().section(QLatin1Char(':'), 0, 0);
        colours.insert(graph->pen().color().rgb());
    }
    QVERIFY(!legend->hasItemWithPlottable(f.view->pinnedGraphs()[0]));
    QCOMPARE(names,
        QStringList({ QStringLiteral("current (lr 0.08)"), QStringLiteral("lr 0.01"), QStringLiteral("lr 0.05") }));
    QCOMPARE(colours.size(), 3);
    QVERIFY(!colours.contains(ViewPalette::current().rgb()));
    // The x axis shows every curve whole.
    QVERIFY(f.view->plot()->xAxis->range().contains(1000));
    // The legend sits inside the plot, clear of the curves' starts (top left).
    const QRect legendRect = legend->outerRect();
    const QPoint start(int(f.view->plot()->xAxis->coordToPixel(0)),
        int(f.view->plot()->yAxis->coordToPixel(f.view->plottedLoss(f.controller->model()->loss(0)))));
    QVERIFY(!legendRect.contains(start));
}

void TestLossPlot::unpinRemovesTheCurve()
{
    Fixture f = makeFixture("five_points");
    PinnedRuns pinned(f.controller->model());
    f.view->setPinnedRuns(&pinned);
    QVERIFY(pinned.pinCurrent());
    setRate(*f.controller, 0.05);
    QVERIFY(pinned.pinCurrent());
    const int plottables = f.view->plot()->plottableCount();
    const std::vector<gdlab::test::State> secondStates = gdlab::test::statesOf(pinned.run(1));
    // Each pinned run is its curve and its marker.
    pinned.unpin(0);
    QCOMPARE(f.view->plot()->plottableCount(), plottables - 2);
    QCOMPARE(f.view->pinnedGraphs().size(), std::size_t(1));
    QCOMPARE(f.view->pinnedMarkers().size(), std::size_t(1));
    QVERIFY(sameCurve(f.view->pinnedGraphs()[0], secondStates));
    pinned.unpin(0);
    QCOMPARE(f.view->plot()->plottableCount(), plottables - 4);
    QVERIFY(f.view->pinnedGraphs().empty());
    QVERIFY(!f.view->plot()->legend->visible());
    QCOMPARE(f.view->lossGraph()->name(), QStringLiteral("loss"));
}

void TestLossPlot::anotherLessonClearsThePinnedCurves()
{
    Fixture f = makeFixture("five_points");
    PinnedRuns pinned(f.controller->model());
    f.view->setPinnedRuns(&pinned);
    QVERIFY(pinned.pinCurrent());
    const int plottables = f.view->plot()->plottableCount();
    QVERIFY(f.controller->loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(pinned.count(), 0);
    QVERIFY(f.view->pinnedGraphs().empty());
    QVERIFY(f.view->pinnedMarkers().empty());
    QCOMPARE(f.view->plot()->plottableCount(), plottables - 2);
    QVERIFY(!f.view->plot()->legend->visible());
}

void TestLossPlot::pinnedRunWithAnotherLossKeepsItsUnits()
{
    Fixture f = makeFixture("five_points");
    PinnedRuns pinned(f.controller->model());
    f.view->setPinnedRuns(&pinned);
    SolverSettings settings = f.controller->model()->run()->settings;
    settings.loss = LossKind::Sse;
    settings.learningRate = 0.002;
    QVERIFY(f.controller->setSettings(settings).isEmpty());
    f.controller->waitForComputation();
    QVERIFY(pinned.pinCurrent());
    const std::vector<gdlab::test::State> states = gdlab::test::statesOf(pinned.run(0));
    settings.loss = LossKind::Mse;
    settings.learningRate = 0.01;
    QVERIFY(f.controller->setSettings(settings).isEmpty());
    f.controller->waitForComputation();
    QVERIFY(sameCurve(f.view->pinnedGraphs()[0], states));
    QCOMPARE(f.view->pinnedGraphs()[0]->name(), QStringLiteral("lr 0.002, sse"));
    // Both curves fit on the loss axis.
    QVERIFY(f.view->plot()->yAxis->range().contains(states.front().loss));
    QVERIFY(f.view->plot()->yAxis->range().contains(f.controller->model()->loss(0)));
}

void TestLossPlot::oneRunResetIsOneRefreshAndOneReplot_data()
{
    QTest::addColumn<Command>("command");
    QTest::addRow("learning rate") << Command([](SessionController& c) { return c.setLearningRate(0.02); });
    QTest::addRow("diverging learning rate") << Command([](SessionController& c) { return c.setLearningRate(1.0); });
    QTest::addRow("start point") << Command([](SessionController& c) { return c.setStartPoint({ 0.1, 0.2 }); });
    QTest::addRow("another lesson") << Command(
        [](SessionController& c) { return c.loadLesson(QStringLiteral("two_features_n100")); });
    QTest::addRow("the same lesson again")
        << Command([](SessionController& c) { return c.loadLesson(QStringLiteral("five_points")); });
}

void TestLossPlot::oneRunResetIsOneRefreshAndOneReplot()
{
    QFETCH(Command, command);
    Fixture f = makeFixture("five_points");
    QTest::qWait(20); // the replot the construction queued
    const int refreshes = f.view->refreshCount();
    QSignalSpy resets(f.controller->model(), &IterationModel::runReset);
    QSignalSpy replots(f.view->plot(), &QCustomPlot::afterReplot);
    QVERIFY(command(*f.controller).isEmpty());
    f.controller->waitForComputation();
    QTest::qWait(20);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(f.view->refreshCount(), refreshes + 1);
    QCOMPARE(replots.count(), 1);
}

void TestLossPlot::runResetAloneMovesTheMarker()
{
    Fixture f = makeFixture("five_points");
    IterationModel* model = f.controller->model();
    model->setCurrentRow(500);
    // Checked inside the reset, before anything else the model sends: the reset alone redraws the marker.
    bool checked = false;
    connect(model, &IterationModel::runReset, f.view.get(), [&] {
        checked = true;
        QCOMPARE(f.view->markerIteration(), double(model->iteration(model->currentRow())));
        QCOMPARE(f.view->tracer()->position->key(), double(model->iteration(model->currentRow())));
        const QString label = QStringLiteral("k = %1, loss = %2")
                                  .arg(model->iteration(model->currentRow()))
                                  .arg(QString::number(model->loss(model->currentRow()), 'g', 4));
        QCOMPARE(f.view->markerLabel()->text(), label);
        QCOMPARE(f.view->lossGraph()->data()->size(), model->rowCount());
    });
    setRate(*f.controller, 0.02);
    QVERIFY(checked);
    QCOMPARE(f.view->markerIteration(), 500.0);
}

void TestLossPlot::steppingMovesOnlyTheMarker()
{
    Fixture f = makeFixture("five_points");
    const int refreshes = f.view->refreshCount();
    const QCPRange xRange = f.view->plot()->xAxis->range();
    const QCPRange yRange = f.view->plot()->yAxis->range();
    for (int row : { 1, 50, 999, 0 }) {
        f.controller->model()->setCurrentRow(row);
        QCOMPARE(f.view->markerIteration(), double(row));
    }
    QCOMPARE(f.view->refreshCount(), refreshes);
    QCOMPARE(f.view->plot()->xAxis->range(), xRange);
    QCOMPARE(f.view->plot()->yAxis->range(), yRange);
}

void TestLossPlot::runFinishedShowsTheWarningOfAStreamedRun()
{
    Fixture f = makeFixture("five_points");
    setRate(*f.controller, 1.0);
    IterationModel* model = f.controller->model();
    const std::shared_ptr<const Run> diverged = model->sharedRun();
    QVERIFY(diverged->outcome && diverged->outcome->reason == StopReason::Diverged);
    // The same run as a worker delivers it: rows first, the outcome at the end.
    auto streaming = std::make_shared<Run>(*diverged);
    streaming->outcome.reset();
    model->setRun(streaming, 0, 1);
    QVERIFY(!f.view->warningText()->visible());
    model->appendRows(int(diverged->history->size()));
    QVERIFY(!f.view->warningText()->visible());
    QVERIFY(f.view->plot()->xAxis->range().contains(1000)); // the planned iterations, while computing
    const int refreshes = f.view->refreshCount();
    model->finishRun(diverged);
    QVERIFY(f.view->warningText()->visible());
    QVERIFY(f.view->warningMessage().startsWith(QStringLiteral("Diverged after")));
    QVERIFY(f.view->plot()->xAxis->range().upper < 1000); // closed in on the updates made
    QCOMPARE(f.view->refreshCount(), refreshes);
}

void TestLossPlot::titleAndFloorComeFromTheRun()
{
    // A model that no controller fills: the view reads everything from the run it shows.
    Fixture f = makeFixture("five_points_rss");
    IterationModel model;
    LossPlot view(&model);
    QCOMPARE(view.plot()->yAxis->label(), QStringLiteral("loss (mse)"));
    QVERIFY(!view.minimumLine()->visible());
    model.setRun(f.controller->model()->sharedRun());
    QCOMPARE(view.plot()->yAxis->label(), QStringLiteral("loss (sse)"));
    // sse at the least-squares solution of the five points: 1.6.
    QVERIFY(view.minimumLine()->visible());
    QVERIFY(std::abs(view.minimumLine()->point1->value() - 1.6) < 1e-12);
    QCOMPARE(view.lossGraph()->data()->size(), model.rowCount());
}

// Compare › Race: every raced run has its marker at the cursor's iteration, at its own loss there, in its own colour
// and shape, and the markers step with the one cursor.
void TestLossPlot::raceMarkersStepWithTheCursor()
{
    Fixture f = makeFixture("five_points");
    PinnedRuns pinned(f.controller->model());
    Race race(f.controller->model(), &pinned);
    f.view->setPinnedRuns(&pinned);
    race.setEntries(parseRace("gd,momentum,nesterov,adam:lr=0.5"));
    QCOMPARE(f.view->pinnedMarkers().size(), std::size_t(3));
    IterationModel* model = f.controller->model();
    std::set<int> shapes { SeriesMarker::scatterShape(-1) };
    for (const long long iteration : { 0LL, 10LL, 250LL }) {
        model->setCurrentRow(model->rowForIteration(iteration));
        for (int k = 1; k < race.count(); ++k) {
            const QCPGraph* marker = f.view->pinnedMarkers()[std::size_t(k - 1)];
            const History& history = *race.run(k)->history;
            // A run that stopped earlier (converged, or diverged) waits at its last state.
            const std::size_t row = std::min(std::size_t(iteration), history.size() - 1);
            QCOMPARE(marker->data()->size(), 1);
            QCOMPARE(marker->data()->at(0)->key, double(row));
            QCOMPARE(marker->data()->at(0)->value, f.view->plottedLoss(history.loss(row)));
            QCOMPARE(marker->scatterStyle().brush().color(), ViewPalette::series(race.seriesIndex(k)));
            shapes.insert(marker->scatterStyle().shape());
        }
    }
    // Shapes, not only colours: three racers and the live disc, four shapes.
    QCOMPARE(shapes.size(), std::size_t(4));
    QVERIFY(!shapes.count(QCPScatterStyle::ssNone));
    // Markers sit over every curve: a racer's marker is never hidden under another's line.
    QVERIFY(f.view->pinnedMarkers()[0]->layer()->index() >= f.view->lossGraph()->layer()->index());
}

void TestLossPlot::legendGivesEachRunsLossAndFinish()
{
    Fixture f = makeFixture("five_points");
    // Laid out at its size: a plot this wide has room for where each run finished.
    f.view->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.view.get()));
    f.view->plot()->replot();
    PinnedRuns pinned(f.controller->model());
    Race race(f.controller->model(), &pinned);
    f.view->setPinnedRuns(&pinned);
    // gd at 0.08 converges fast; momentum at 0.5 is far above its bound and diverges.
    race.setEntries(parseRace("gd,gd:lr=0.08,momentum:lr=0.5"));
    IterationModel* model = f.controller->model();
    model->setCurrentRow(3);
    QCPLegend* legend = f.view->plot()->legend;
    QVERIFY(legend->visible());
    QCOMPARE(legend->itemCount(), 3);
    const QString live = f.view->lossGraph()->name();
    QVERIFY2(live.contains(QString::number(model->loss(3), 'g', 4)), qPrintable(live));
    const QString fast = f.view->pinnedMarkers()[0]->name();
    const RaceFinish fastFinish = race.finish(1);
    QVERIFY(fastFinish.reached);
    QVERIFY2(fast.contains(QString::number(race.run(1)->history->loss(3), 'g', 4)), qPrintable(fast));
    QVERIFY2(fast.endsWith(QStringLiteral("reached at %1").arg(*fastFinish.reached)), qPrintable(fast));
    const QString wild = f.view->pinnedMarkers()[1]->name();
    QVERIFY2(wild.contains(QStringLiteral("diverged after %1").arg(*race.finish(2).diverged)), qPrintable(wild));
    // The losses follow the cursor.
    model->setCurrentRow(7);
    QVERIFY2(f.view->pinnedMarkers()[0]->name().contains(QString::number(race.run(1)->history->loss(7), 'g', 4)),
        qPrintable(f.view->pinnedMarkers()[0]->name()));
    for (const QCPGraph* marker : f.view->pinnedMarkers())
        QVERIFY(legend->hasItemWithPlottable(marker));
    // Narrow (1024 px split four ways), the legend keeps the losses and drops the finishes, so it stays within
    // the plot instead of covering the axis' labels.
    f.view->resize(300, 240);
    QTest::qWait(50);
    f.view->plot()->replot();
    model->setCurrentRow(5);
    const QString compact = f.view->pinnedMarkers()[0]->name();
    QVERIFY2(compact.endsWith(QString::number(race.run(1)->history->loss(5), 'g', 4)), qPrintable(compact));
    QVERIFY(f.view->plot()->axisRect()->width() < PinnedLossMarkers::kCompactBelow);
}

} // namespace tst_loss_plot

QTEST_MAIN(tst_loss_plot::TestLossPlot)
#include "tst_loss_plot.moc"
