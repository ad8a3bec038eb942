#include "support/bowl_scene.h"
#include "support/model_states.h"
#include "views/bowl_view.h"

#include "loss.h"
#include "problem.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "session/session_controller.h"
#include "views/plot_style.h"
#include "views/theme_palette.h"
#include "views/view_palette.h"

#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/Q3DTheme>
#include <QtDataVisualization/QCustom3DItem>

#include <QGuiApplication>
#include <QLabel>

#include <QtTest>

#include <cmath>
#include <memory>

namespace tst_bowl_view {

using gdlab::BowlView;
using gdlab::ErrorSurfaceModel;
using gdlab::IterationModel;
using gdlab::SessionController;
using gdlab::test::bowlPoint;
using gdlab::test::describe;

namespace {

bool near(const QVector3D& actual, const QVector3D& expected)
{
    return gdlab::test::nearBowlPoint(actual, expected);
}

} // namespace

class TestBowlView : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void fallbackWhenOpenGLIsSwitchedOff();
    void surfaceData();
    void currentMarkerFollowsTheCurrentRow();
    void optimumMarker();
    void pathMarkers();
    void slice();
    void oneParameterShowsAMessage();
    void pinnedPathsHaveMarkers();
    void pinnedRunWithAnotherLossSitsOnTheLiveBowl();
    void racedRunsShareTheMarkers();
    void oneRunResetOneRefresh();
    void onlyANewSurfaceRefreshes();
    void presentationModeEnlargesTheFonts();
    void followsTheTheme();

private:
    bool makeView();
    void load(const char* lesson);

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<ErrorSurfaceModel> m_surface;
    std::unique_ptr<BowlView> m_view;
};

void TestBowlView::init()
{
    m_controller = std::make_unique<SessionController>();
    m_surface = std::make_unique<ErrorSurfaceModel>(m_controller->model());
}

void TestBowlView::cleanup()
{
    m_view.reset();
    m_surface.reset();
    m_controller.reset();
}

bool TestBowlView::makeView()
{
    if (!BowlView::openGLAvailable())
        return false;
    m_view = std::make_unique<BowlView>(m_controller->model(), m_surface.get());
    m_view->resize(800, 600);
    m_view->show();
    return true;
}

void TestBowlView::load(const char* lesson)
{
    QVERIFY(m_controller->loadLesson(QString::fromLatin1(lesson)).isEmpty());
    m_controller->waitForComputation();
    QCoreApplication::processEvents(); // the surface arrives queued
}

#define REQUIRE_VIEW()                                                                                                 \
    do {                                                                                                               \
        if (!makeView())                                                                                               \
            QSKIP(qPrintable(QStringLiteral("no OpenGL on platform '%1': the bowl shows its fallback message "         \
                                            "(run under xvfb-run for this test)")                                      \
                                 .arg(QGuiApplication::platformName())));                                              \
    } while (false)

void TestBowlView::fallbackWhenOpenGLIsSwitchedOff()
{
    qputenv("GDLAB_NO_OPENGL", "1");
    QVERIFY(!BowlView::openGLAvailable());
    load("five_points");
    BowlView view(m_controller->model(), m_surface.get());
    view.resize(640, 480);
    view.show();
    QCoreApplication::processEvents();
    qunsetenv("GDLAB_NO_OPENGL");
    QVERIFY(!view.hasGraph());
    QVERIFY(view.isShowingMessage());
    QVERIFY2(view.messageText().contains(QStringLiteral("Every other view works")), qPrintable(view.messageText()));
    QVERIFY(view.messageText().contains(QStringLiteral("GDLAB_NO_OPENGL")));
    // Everything else still flows through it without a graph.
    m_controller->model()->setCurrentRow(10);
    QVERIFY(m_controller->setLearningRate(0.02).isEmpty());
    QCoreApplication::processEvents();
    QCOMPARE(view.surfaceRowCount(), 0);
    QCOMPARE(view.currentMarkerPosition(), QVector3D());
    // The sentence grows in presentation mode like every view's text.
    const qreal normal = view.messageFont().pointSizeF();
    view.setPresentationMode(true);
    QCOMPARE(view.messageFont().pointSizeF(), normal * gdlab::PlotStyle::presentationScale());
    view.setPresentationMode(false);
    QCOMPARE(view.messageFont().pointSizeF(), normal);
}

void TestBowlView::surfaceData()
{
    REQUIRE_VIEW();
    load("five_points");
    QVERIFY(m_view->hasGraph());
    QVERIFY(!m_view->isShowingMessage());
    const gdlab::SurfaceGrid& grid = m_surface->grid();
    QCOMPARE(grid.x.steps, 160);
    // 160 samples per axis are thinned to BowlView::maxSamples.
    QCOMPARE(m_view->surfaceRowCount(), BowlView::maxSamples);
    QCOMPARE(m_view->surfaceColumnCount(), BowlView::maxSamples);
    QVERIFY2(near(m_view->surfacePoint(0, 0), bowlPoint(grid.x.min, grid.at(0, 0), grid.y.min)),
        qPrintable(describe(m_view->surfacePoint(0, 0), bowlPoint(grid.x.min, grid.at(0, 0), grid.y.min))));
    const int last = BowlView::maxSamples - 1;
    QVERIFY(near(m_view->surfacePoint(last, last), bowlPoint(grid.x.max, grid.at(159, 159), grid.y.max)));
    // Row r is at z = the r-th thinned sample of the y parameter; every point is on the loss.
    const gdlab::Problem& problem = *m_controller->model()->run()->problem;
    const QVector3D point = m_view->surfacePoint(20, 35);
    Eigen::VectorXd theta(2);
    theta << point.x(), point.z();
    const double loss = (problem.design() * theta - problem.target()).squaredNorm() / problem.sampleCount();
    QVERIFY(std::abs(point.y() - loss) <= 1e-5 * loss);

    // A smaller grid is shown as it is.
    m_surface->setResolution(40);
    QCoreApplication::processEvents();
    QCOMPARE(m_view->surfaceRowCount(), 40);
    QCOMPARE(m_view->surfaceColumnCount(), 40);
}

void TestBowlView::currentMarkerFollowsTheCurrentRow()
{
    REQUIRE_VIEW();
    load("five_points");
    IterationModel& model = *m_controller->model();
    for (const int row : { 0, 25, 1000 }) {
        model.setCurrentRow(row);
        const gdlab::test::State state = gdlab::test::stateAt(model, row);
        const QVector3D expected = bowlPoint(state.theta(0), state.loss, state.theta(1));
        QVERIFY2(near(m_view->currentMarkerPosition(), expected),
            qPrintable(describe(m_view->currentMarkerPosition(), expected)));
    }
    // A new start moves it to the new row 0.
    QVERIFY(m_controller->setStartPoint({ 1.0, 0.5 }).isEmpty());
    m_controller->waitForComputation();
    QCoreApplication::processEvents();
    model.setCurrentRow(0);
    QVERIFY(near(m_view->currentMarkerPosition(), bowlPoint(1.0, model.loss(0), 0.5)));
}

void TestBowlView::optimumMarker()
{
    REQUIRE_VIEW();
    load("five_points");
    // θ* = (0.6, 0.8) and its mse 1.6 / 5.
    QVERIFY2(near(m_view->optimumMarkerPosition(), bowlPoint(0.6, 0.32, 0.8)),
        qPrintable(describe(m_view->optimumMarkerPosition(), bowlPoint(0.6, 0.32, 0.8))));
}

void TestBowlView::pathMarkers()
{
    REQUIRE_VIEW();
    load("five_points");
    IterationModel& model = *m_controller->model();
    model.setCurrentRow(0);
    QCOMPARE(m_view->visiblePathMarkerCount(), 0);
    model.setCurrentRow(3);
    QCOMPARE(m_view->visiblePathMarkerCount(), 3); // rows 0, 1, 2 before the current point
    model.setCurrentRow(model.lastRow());
    QVERIFY(m_view->visiblePathMarkerCount() > 10);
    QVERIFY(m_view->visiblePathMarkerCount() <= BowlView::pathMarkerLimit);

    load("two_features_n50"); // 100,000 rows: still at most the limit
    m_controller->model()->setCurrentRow(m_controller->model()->lastRow());
    QVERIFY(m_view->visiblePathMarkerCount() <= BowlView::pathMarkerLimit);
    QVERIFY(m_view->visiblePathMarkerCount() > 10);
}

void TestBowlView::slice()
{
    REQUIRE_VIEW();
    load("two_features_n100");
    m_surface->setParameters(1, 2);
    QCoreApplication::processEvents();
    IterationModel& model = *m_controller->model();
    model.setCurrentRow(15);
    const gdlab::test::State state = gdlab::test::stateAt(model, 15);
    // On the surface: at the loss of its projection onto the slice, not at its own (the loss view shows that).
    const gdlab::Run& run = *model.run();
    const QVector3D expected = gdlab::test::onSlice(*m_surface, run, state.theta);
    QVERIFY2(near(m_view->currentMarkerPosition(), expected),
        qPrintable(describe(m_view->currentMarkerPosition(), expected)));
    QVERIFY(std::abs(expected.y() - state.loss) > 1e-3f * state.loss); // the two differ here
    // The slice passes through the optimum: the optimum's marker is at its own loss.
    const Eigen::VectorXd& optimum = run.problem->leastSquaresTheta();
    QVERIFY(near(m_view->optimumMarkerPosition(), gdlab::test::onSlice(*m_surface, run, optimum)));
    QCOMPARE(m_view->optimumMarkerPosition().x(), static_cast<float>(optimum(1)));
    QCOMPARE(m_view->optimumMarkerPosition().z(), static_cast<float>(optimum(2)));
}

void TestBowlView::oneParameterShowsAMessage()
{
    REQUIRE_VIEW();
    load("five_points");
    gdlab::ProblemSpec spec = m_controller->model()->run()->problem->spec();
    spec.intercept = false;
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    QCoreApplication::processEvents();
    QVERIFY(m_view->isShowingMessage());
    QVERIFY(m_view->messageText().contains(QStringLiteral("at least two parameters")));
    m_controller->model()->setCurrentRow(5);
    QCOMPARE(m_view->surfaceRowCount(), 0);
}

void TestBowlView::pinnedPathsHaveMarkers()
{
    REQUIRE_VIEW();
    load("five_points");
    gdlab::PinnedRuns pinned(m_controller->model());
    m_view->setPinnedRuns(&pinned);
    QCOMPARE(m_view->pinnedLegendText(), QString());
    QVERIFY(pinned.pinCurrent());
    const std::vector<gdlab::test::State> states = gdlab::test::statesOf(pinned.run(0));
    QVERIFY(m_controller->setLearningRate(0.05).isEmpty());
    m_controller->waitForComputation();
    QVERIFY(pinned.pinCurrent());
    QCoreApplication::processEvents();

    for (int run = 0; run < 2; ++run) {
        QVERIFY(m_view->pinnedMarkerCount(run) > 5);
        QVERIFY(m_view->pinnedMarkerCount(run) <= BowlView::pinnedMarkerLimit);
    }
    QCOMPARE(m_view->pinnedMarkerCount(2), 0);
    // The whole path, from the start to the end, at the pinned states' own losses.
    const int last = m_view->pinnedMarkerCount(0) - 1;
    QVERIFY(near(m_view->pinnedMarkerPosition(0, 0),
        bowlPoint(states.front().theta(0), states.front().loss, states.front().theta(1))));
    QVERIFY2(near(m_view->pinnedMarkerPosition(0, last),
                 bowlPoint(states.back().theta(0), states.back().loss, states.back().theta(1))),
        qPrintable(describe(m_view->pinnedMarkerPosition(0, last),
            bowlPoint(states.back().theta(0), states.back().loss, states.back().theta(1)))));
    // Unchanged by the live run moving on.
    QVERIFY(m_controller->setLearningRate(0.02).isEmpty());
    m_controller->waitForComputation();
    m_controller->model()->setCurrentRow(50);
    QCoreApplication::processEvents();
    QVERIFY(near(m_view->pinnedMarkerPosition(0, last),
        bowlPoint(states.back().theta(0), states.back().loss, states.back().theta(1))));
    QVERIFY2(m_view->pinnedLegendText().contains(QStringLiteral("lr 0.01")), qPrintable(m_view->pinnedLegendText()));
    QVERIFY(m_view->pinnedLegendText().contains(QStringLiteral("lr 0.05")));
    // Each pinned run's marker at the cursor steps with it.
    QVERIFY(near(m_view->pinnedCursorMarker(0)->position(),
        bowlPoint(states[50].theta(0), states[50].loss, states[50].theta(1))));
    m_controller->model()->setCurrentRow(7);
    QVERIFY(near(
        m_view->pinnedCursorMarker(0)->position(), bowlPoint(states[7].theta(0), states[7].loss, states[7].theta(1))));
    QVERIFY(!m_view->pinnedCursorMarker(2));

    pinned.unpin(0);
    QCOMPARE(m_view->pinnedMarkerCount(1), 0);
    QVERIFY(m_view->pinnedMarkerCount(0) > 5);
    load("two_features_n100");
    QCOMPARE(m_view->pinnedMarkerCount(0), 0);
    QCOMPARE(m_view->pinnedLegendText(), QString());
}

void TestBowlView::racedRunsShareTheMarkers()
{
    REQUIRE_VIEW();
    load("five_points");
    IterationModel& model = *m_controller->model();
    gdlab::PinnedRuns pinned(&model);
    m_view->setPinnedRuns(&pinned);
    model.setCurrentRow(model.lastRow());
    const int alone = m_view->visiblePathMarkerCount();
    QVERIFY(alone > BowlView::pathMarkerLimit / 2);
    // Three more runs, as in a race of four: the four paths together draw no more markers than the one did.
    for (const double rate : { 0.02, 0.03, 0.04 }) {
        QVERIFY(pinned.pinCurrent());
        QVERIFY(m_controller->setLearningRate(rate).isEmpty());
        m_controller->waitForComputation();
    }
    QCoreApplication::processEvents();
    model.setCurrentRow(model.lastRow());
    int total = m_view->visiblePathMarkerCount();
    QVERIFY(total > 5);
    QVERIFY(total <= BowlView::pathMarkerLimit / 4);
    for (int run = 0; run < 3; ++run) {
        QVERIFY(m_view->pinnedMarkerCount(run) > 5);
        QVERIFY(m_view->pinnedMarkerCount(run) <= BowlView::pathMarkerLimit / 4);
        total += m_view->pinnedMarkerCount(run);
    }
    QVERIFY2(total <= BowlView::pathMarkerLimit, qPrintable(QString::number(total)));
    // Alone again, at its first rate, the live path takes every marker back.
    pinned.clear();
    QVERIFY(m_controller->setLearningRate(0.01).isEmpty());
    m_controller->waitForComputation();
    QCoreApplication::processEvents();
    model.setCurrentRow(model.lastRow());
    QCOMPARE(m_view->pinnedMarkerCount(0), 0);
    QCOMPARE(m_view->visiblePathMarkerCount(), alone);
}

void TestBowlView::pinnedRunWithAnotherLossSitsOnTheLiveBowl()
{
    REQUIRE_VIEW();
    load("five_points_rss"); // sse
    gdlab::PinnedRuns pinned(m_controller->model());
    m_view->setPinnedRuns(&pinned);
    QVERIFY(pinned.pinCurrent());
    const gdlab::test::State start = gdlab::test::statesOf(pinned.run(0)).front();
    gdlab::SolverSettings settings = m_controller->model()->run()->settings;
    settings.loss = gdlab::LossKind::Mse;
    settings.learningRate = 0.01;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    m_controller->waitForComputation();
    QCoreApplication::processEvents();
    QCOMPARE(pinned.count(), 1);
    // Heights are the live (mse) loss at the same θ: a fifth of the sse the run recorded for five points.
    const QVector3D first = m_view->pinnedMarkerPosition(0, 0);
    QVERIFY2(near(first, bowlPoint(start.theta(0), start.loss / 5, start.theta(1))),
        qPrintable(describe(first, bowlPoint(start.theta(0), start.loss / 5, start.theta(1)))));
}

void TestBowlView::oneRunResetOneRefresh()
{
    REQUIRE_VIEW();
    load("five_points");
    const int before = m_view->refreshCount();
    // A new learning rate publishes one run: the view redraws in runReset, markers included, and not again when
    // the event loop runs.
    QSignalSpy resets(m_controller->model(), &IterationModel::runReset);
    QVERIFY(m_controller->setLearningRate(0.05).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(resets.count(), 1);
    QCOMPARE(m_view->refreshCount(), before + 1);
    IterationModel& model = *m_controller->model();
    const gdlab::test::State state = gdlab::test::stateAt(model, model.currentRow());
    QVERIFY(near(m_view->currentMarkerPosition(), bowlPoint(state.theta(0), state.loss, state.theta(1))));
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(m_view->refreshCount(), before + 1);
    // Stepping moves the markers only.
    model.setCurrentRow(40);
    QCoreApplication::processEvents();
    QCOMPARE(m_view->refreshCount(), before + 1);
}

void TestBowlView::onlyANewSurfaceRefreshes()
{
    REQUIRE_VIEW();
    load("two_features_n100");
    int count = m_view->refreshCount();
    // Another slice is a new surface: one redraw when its notice arrives.
    m_surface->setParameters(0, 1);
    QCoreApplication::processEvents();
    QCOMPARE(m_view->refreshCount(), ++count);
    QCOMPARE(m_view->surfacePoint(0, 0).x(), static_cast<float>(m_surface->grid().x.min));
    // A slice through the cursor moves with it: each step is a new surface.
    m_surface->setHoldMode(ErrorSurfaceModel::HoldMode::CurrentIterate);
    QCoreApplication::processEvents();
    QCOMPARE(m_view->refreshCount(), ++count);
    m_controller->model()->setCurrentRow(20);
    QCoreApplication::processEvents();
    QCOMPARE(m_view->refreshCount(), ++count);
    // Held at least squares, the cursor changes nothing of the surface.
    m_surface->setHoldMode(ErrorSurfaceModel::HoldMode::LeastSquares);
    QCoreApplication::processEvents();
    QCOMPARE(m_view->refreshCount(), ++count);
    m_controller->model()->setCurrentRow(30);
    QCoreApplication::processEvents();
    QCOMPARE(m_view->refreshCount(), count);
}

void TestBowlView::presentationModeEnlargesTheFonts()
{
    REQUIRE_VIEW();
    load("two_features_n100");
    const Q3DTheme* theme = m_view->graph()->activeTheme();
    const qreal labels = theme->font().pointSizeF();
    const qreal text = m_view->messageFont().pointSizeF();
    QVERIFY(labels > 0);
    m_view->setPresentationMode(true);
    QVERIFY(m_view->isPresentationMode());
    // Axis labels and titles (the theme's font) and the text around the bowl grow by the one scale.
    QCOMPARE(theme->font().pointSizeF(), labels * gdlab::PlotStyle::presentationScale());
    QCOMPARE(m_view->messageFont().pointSizeF(), text * gdlab::PlotStyle::presentationScale());
    // A font change of the window (presentation mode enlarges it too) keeps the scale.
    QFont larger = m_view->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.35);
    m_view->setFont(larger);
    QCOMPARE(theme->font().pointSizeF(), labels * gdlab::PlotStyle::presentationScale());
    m_view->setPresentationMode(false);
    QCOMPARE(theme->font().pointSizeF(), labels);
}

// A theme changes the application's palette: the bowl's background, labels and grid follow it, and the pinned
// runs' legend is written again in the theme's series colours.
void TestBowlView::followsTheTheme()
{
    REQUIRE_VIEW();
    load("five_points");
    gdlab::PinnedRuns pinned(m_controller->model());
    m_view->setPinnedRuns(&pinned);
    QVERIFY(pinned.pinCurrent());
    // The legend's rich text names each run's colour.
    const auto legendHtml = [this] {
        QString html;
        for (const QLabel* label : m_view->findChildren<QLabel*>())
            if (label->text().contains(QLatin1String("<span")))
                html += label->text();
        return html;
    };
    const QString lightLegend = legendHtml();
    QVERIFY(lightLegend.contains(gdlab::ViewPalette::series(pinned.run(0).seriesIndex).name()));

    m_controller->model()->setCurrentRow(20);
    const QVector3D current = m_view->currentMarkerPosition();
    const QVector3D optimum = m_view->optimumMarkerPosition();
    const int pathMarkers = m_view->visiblePathMarkerCount();
    QVERIFY(pathMarkers > 0);

    gdlab::ViewPalette::setScheme(gdlab::PaletteScheme::Dark);
    const QPalette dark = gdlab::ThemePalette::palette(gdlab::PaletteScheme::Dark);
    m_view->setPalette(dark);
    const Q3DTheme* theme = m_view->graph()->activeTheme();
    QCOMPARE(theme->backgroundColor(), dark.color(QPalette::Window));
    QCOMPARE(theme->windowColor(), dark.color(QPalette::Window));
    QCOMPARE(theme->labelTextColor(), dark.color(QPalette::Text));
    QCOMPARE(theme->gridLineColor(), dark.color(QPalette::Mid));
    const QString darkLegend = legendHtml();
    // The markers are made anew in the theme's colours, where they were.
    QCOMPARE(m_view->currentMarkerPosition(), current);
    QCOMPARE(m_view->optimumMarkerPosition(), optimum);
    QCOMPARE(m_view->visiblePathMarkerCount(), pathMarkers);
    gdlab::ViewPalette::setScheme(gdlab::PaletteScheme::Light);
    QVERIFY(darkLegend != lightLegend);
    QVERIFY(!darkLegend.contains(gdlab::ViewPalette::series(pinned.run(0).seriesIndex).name()));
}

} // namespace tst_bowl_view

QTEST_MAIN(tst_bowl_view::TestBowlView)
#include "tst_bowl_view.moc"
