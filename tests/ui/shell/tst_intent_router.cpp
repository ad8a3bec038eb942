#include "shell/intent_router.h"

#include "dataset.h"
#include "panels/control_panel.h"
#include "panels/fit_view_options.h"
#include "panels/playback_bar.h"
#include "panels/surface_slice_controls.h"
#include "problem_accumulator.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/point_editor.h"
#include "session/session_controller.h"
#include "support/test_metatypes.h"
#include "views/contour_plot.h"
#include "views/fit_plot.h"
#include "views/history_table.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <memory>

namespace tst_intent_router {

using namespace gdlab;

namespace {

/** The parts the router connects, as the main window makes them. */
struct Parts {
    SessionController controller;
    ErrorSurfaceModel surface { controller.model() };
    PointEditor editor { &controller };
    IntentRouter router { &controller, &surface, &editor };
};

} // namespace

class TestIntentRouter : public QObject {
    Q_OBJECT

private slots:
    void panelIntentsBecomeCommands();
    void refusalIsReportedOnceAndThePanelRestored();
    void settingsThatNeedRowsAskForThemOnASample();
    void cursorRequestsMoveTheModel();
    void startPointChosenOnTheContour();
    void refusedStartPoint();
    void sliceChoicesReachTheSurface();
    void fitViewIntents();
};

void TestIntentRouter::panelIntentsBecomeCommands()
{
    Parts parts;
    QVERIFY(parts.controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    ControlPanel panel(parts.controller.model());
    parts.router.routeControlPanel(&panel);
    SolverSettings settings = parts.controller.model()->run()->settings;
    settings.learningRate = 0.03;
    emit panel.settingsEdited(settings);
    QCOMPARE(parts.controller.model()->run()->settings.learningRate, 0.03);
    emit panel.lessonChosen(QStringLiteral("two_features_n100"));
    QCOMPARE(parts.controller.model()->run()->lessonName, std::string("two_features_n100"));
    ProblemSpec spec = parts.controller.model()->run()->problem->spec();
    spec.standardize = true;
    emit panel.problemSpecEdited(spec);
    QVERIFY(parts.controller.model()->run()->problem->isStandardized());
}

void TestIntentRouter::refusalIsReportedOnceAndThePanelRestored()
{
    Parts parts;
    QVERIFY(parts.controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    ControlPanel panel(parts.controller.model());
    parts.router.routeControlPanel(&panel);
    QSignalSpy refused(&parts.router, &IntentRouter::refused);
    QSignalSpy broadcast(&parts.controller, &SessionController::errorOccurred);
    const int refreshes = panel.refreshCount();
    SolverSettings bad = parts.controller.model()->run()->settings;
    bad.learningRate = -1;
    emit panel.settingsEdited(bad);
    QCOMPARE(refused.count(), 1);
    QVERIFY(refused.at(0).at(0).toString().contains(QStringLiteral("learning rate")));
    QCOMPARE(broadcast.count(), 0);
    QCOMPARE(panel.refreshCount(), refreshes + 1); // shown the run's values again
    QCOMPARE(parts.controller.model()->run()->settings.learningRate, 0.01);
}

void TestIntentRouter::settingsThatNeedRowsAskForThemOnASample()
{
    Parts parts;
    Eigen::MatrixXd rows(500, 2);
    for (Eigen::Index i = 0; i < rows.rows(); ++i)
        rows.row(i) << double(i % 11), 2.0 + double(i % 11) + double(i % 3);
    Dataset sample({ "x", "y" }, rows.topRows(50), "long.csv");
    auto fold = std::make_shared<ProblemAccumulator>(sample, ProblemSpec {});
    fold->add(rows);
    sample.setFold(fold);
    QVERIFY(parts.controller.openDataset(sample, ProblemSpec {}, QStringLiteral("long")).isEmpty());
    ControlPanel panel(parts.controller.model());
    parts.router.routeControlPanel(&panel);
    QSignalSpy needed(&parts.router, &IntentRouter::rowsNeeded);
    QSignalSpy refused(&parts.router, &IntentRouter::refused);
    const int refreshes = panel.refreshCount();
    SolverSettings sgd = parts.controller.model()->run()->settings;
    sgd.method = DescentMethod::Sgd;
    emit panel.settingsEdited(sgd);
    // Not refused: handed on to be read, the panel showing the run's settings meanwhile.
    QCOMPARE(needed.count(), 1);
    QCOMPARE(needed.at(0).at(0).value<SolverSettings>().method, DescentMethod::Sgd);
    QCOMPARE(refused.count(), 0);
    QCOMPARE(panel.refreshCount(), refreshes + 1);
    QCOMPARE(parts.controller.model()->run()->settings.method, DescentMethod::Batch);
    // What the sums suffice for goes straight to the controller.
    SolverSettings faster = parts.controller.model()->run()->settings;
    faster.learningRate = 0.02;
    emit panel.settingsEdited(faster);
    QCOMPARE(needed.count(), 1);
    QCOMPARE(parts.controller.model()->run()->settings.learningRate, 0.02);
}

void TestIntentRouter::cursorRequestsMoveTheModel()
{
    Parts parts;
    QVERIFY(parts.controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    PlaybackBar bar(parts.controller.model());
    HistoryTable table(parts.controller.model());
    parts.router.routeCursor(&bar, &table);
    emit bar.rowRequested(12);
    QCOMPARE(parts.controller.model()->currentRow(), 12);
    emit table.rowRequested(40);
    QCOMPARE(parts.controller.model()->currentRow(), 40);
}

void TestIntentRouter::startPointChosenOnTheContour()
{
    Parts parts;
    QVERIFY(parts.controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    ContourPlot contour(parts.controller.model(), &parts.surface);
    parts.router.routeContour(&contour);
    emit contour.startPointChosen({ 1.5, -0.5 });
    QCOMPARE(parts.controller.model()->run()->cause, RunCause::NewStart);
    QCOMPARE(parts.controller.model()->theta(0)[0], 1.5);
}

void TestIntentRouter::refusedStartPoint()
{
    Parts parts;
    QVERIFY(parts.controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    ContourPlot contour(parts.controller.model(), &parts.surface);
    parts.router.routeContour(&contour);
    QSignalSpy refused(&parts.router, &IntentRouter::refused);
    emit contour.startPointChosen({ 1.0, 2.0, 3.0 }); // three values for two parameters
    QCOMPARE(refused.count(), 1);
    QCOMPARE(parts.controller.model()->run()->cause, RunCause::NewLesson);
}

void TestIntentRouter::sliceChoicesReachTheSurface()
{
    Parts parts;
    QVERIFY(parts.controller.loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    SurfaceSliceControls controls(&parts.surface, parts.controller.model());
    parts.router.routeSliceControls(&controls);
    emit controls.sliceChosen(0, 2);
    QCOMPARE(parts.surface.xParameter(), 0);
    QCOMPARE(parts.surface.yParameter(), 2);
    emit controls.holdModeChosen(ErrorSurfaceModel::HoldMode::CurrentIterate);
    QCOMPARE(parts.surface.holdMode(), ErrorSurfaceModel::HoldMode::CurrentIterate);
}

void TestIntentRouter::fitViewIntents()
{
    Parts parts;
    QVERIFY(parts.controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    FitPlot fit(parts.controller.model());
    FitViewOptions options(parts.controller.model(), &fit);
    parts.router.routeFitView(&fit, &options);
    emit fit.pointAddRequested(6.0, 5.0);
    QCOMPARE(parts.controller.model()->run()->dataset->rowCount(), Eigen::Index(6));
    QCOMPARE(parts.editor.undoStack()->count(), 1);
    emit fit.pointRemoveRequested(0);
    QCOMPARE(parts.controller.model()->run()->dataset->rowCount(), Eigen::Index(5));
    emit options.showLeastSquaresChosen(false);
    QVERIFY(!fit.showLeastSquares());
    emit options.fitModeChosen(FitPlot::PredictedVsActual);
    QCOMPARE(fit.fitMode(), FitPlot::PredictedVsActual);
}

} // namespace tst_intent_router

QTEST_MAIN(tst_intent_router::TestIntentRouter)
#include "tst_intent_router.moc"
