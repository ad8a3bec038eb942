#include "support/model_states.h"
#include "views/contour_plot.h"
#include "views/off_frame_indicator.h"
#include "views/pinned_paths_layer.h"
#include "views/view_palette.h"

#include "problem.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "session/session_controller.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>
#include <functional>
#include <memory>

namespace tst_contour_plot {

using gdlab::ContourPlot;
using gdlab::ErrorSurfaceModel;
using gdlab::IterationModel;
using gdlab::SessionController;

/** A user action, as the command the window would give the controller. */
using Command = std::function<QString(SessionController&)>;
} // namespace tst_contour_plot
Q_DECLARE_METATYPE(tst_contour_plot::Command)
namespace tst_contour_plot {

namespace {

QPointF lastPoint(const QCPCurve* curve)
{
    const auto data = curve->data();
    if (data->isEmpty())
        return { qQNaN(), qQNaN() };
    const QCPCurveData& point = *(data->constEnd() - 1);
    return { point.key, point.value };
}

QPointF firstPoint(const QCPCurve* curve)
{
    const QCPCurveData& point = *curve->data()->constBegin();
    return { point.key, point.value };
}

/** The curve's points are the slice points of states, in order, from the first state to the last. */
bool pathOfStates(
    const QCPCurve* curve, const std::vector<gdlab::test::State>& states, const ErrorSurfaceModel& surface)
{
    const auto data = curve->data();
    if (data->isEmpty() || states.empty())
        return false;
    std::size_t row = 0;
    for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
        while (row < states.size() && surface.slicePoint(states[row].theta) != QPointF(it->key, it->value))
            ++row;
        if (row == states.size())
            return false;
    }
    return QPointF(data->constBegin()->key, data->constBegin()->value) == surface.slicePoint(states.front().theta)
        && row == states.size() - 1;
}

bool near(const QPointF& a, const QPointF& b, double tolerance)
{
    return std::abs(a.x() - b.x()) <= tolerance && std::abs(a.y() - b.y()) <= tolerance;
}

QString describe(const QPointF& a, const QPointF& b)
{
    return QStringLiteral("(%1, %2) vs (%3, %4)").arg(a.x()).arg(a.y()).arg(b.x()).arg(b.y());
}

} // namespace

class TestContourPlot : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void divergingThetaIsPointedAt();

    void colourMapHoldsTheGrid();
    void axesAreNamed();
    void logColourScale();
    void contourLinesAreDrawn();
    void pathEndsAtTheCurrentPoint();
    void starAtTheLeastSquaresSolution();
    void arrowPointsDownhill();
    void noArrowAtTheOptimum();
    void legendLeavesTheMarkersVisible();
    void clickSetsTheStartPoint();
    void dragDoesNotSetTheStartPoint();
    void sliceSubtitle();
    void longHistoryIsThinned();
    void oneParameterShowsAMessage();
    void presentationModeEnlarges();
    void followsThePalette();
    void pinnedPathStaysWhileTheLiveOneChanges();
    void twoPinnedPathsWithLegend();
    void unpinRemovesThePath();
    void anotherLessonClearsThePinnedPaths();
    void pinnedPathFollowsTheSlice();
    void legendClearOfTheMarkersAtProjectorSize();
    void oneRunResetIsOneRefreshAndOneReplot_data();
    void oneRunResetIsOneRefreshAndOneReplot();
    void runResetAloneDrawsTheSurface();
    void surfaceChangedWithANewGridRedraws();
    void surfaceChangedWithTheSameGridIsSkipped();
    void clickOnlyAsksForTheStart();

private:
    void load(const char* lesson);
    void settle();

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<ErrorSurfaceModel> m_surface;
    std::unique_ptr<ContourPlot> m_view;
};

void TestContourPlot::init()
{
    m_controller = std::make_unique<SessionController>();
    m_surface = std::make_unique<ErrorSurfaceModel>(m_controller->model());
    m_view = std::make_unique<ContourPlot>(m_controller->model(), m_surface.get());
    // What the window does with the view's intent.
    connect(m_view.get(), &ContourPlot::startPointChosen, m_controller.get(), &SessionController::setStartPoint);
    m_view->resize(800, 600);
}

void TestContourPlot::cleanup()
{
    m_view.reset();
    m_surface.reset();
    m_controller.reset();
}

void TestContourPlot::load(const char* lesson)
{
    QVERIFY(m_controller->loadLesson(QString::fromLatin1(lesson)).isEmpty());
    m_controller->waitForComputation();
    settle();
}

void TestContourPlot::settle()
{
    // The surface arrives queued; a replot lays out the axis rect so pixels and coordinates correspond.
    QCoreApplication::processEvents();
    m_view->plot()->replot();
}

void TestContourPlot::divergingThetaIsPointedAt()
{
    load("five_points");
    QVERIFY(m_controller->setLearningRate(0.1).isEmpty()); // above the bound 2/λmax ≈ 0.0845
    m_controller->waitForComputation();
    settle();
    IterationModel& model = *m_controller->model();
    // The first steps are in the frame; the last one, far outside, is pointed at from the edge.
    model.setCurrentRow(1);
    QVERIFY(!m_view->offFrameIndicator()->isShown());
    int row = 1;
    while (row < model.lastRow() && m_view->plot()->xAxis->range().contains(model.theta(row)(0))
        && m_view->plot()->yAxis->range().contains(model.theta(row)(1)))
        ++row;
    QVERIFY2(row < model.lastRow(), "the run never leaves the frame");
    QVERIFY(model.theta(row).allFinite());
    model.setCurrentRow(row);
    QVERIFY(m_view->offFrameIndicator()->isShown());
    // The path ends at the first state outside the frame, however far the run goes on: no band of long lines.
    model.setCurrentRow(model.lastRow());
    const QCPCurveDataContainer& path = *m_view->pathCurve()->data();
    QVERIFY(path.size() <= row + 1);
    QCOMPARE((path.constEnd() - 1)->key, model.theta(row)(0));
    QCOMPARE((path.constEnd() - 1)->value, model.theta(row)(1));
    QVERIFY(m_view->offFrameIndicator()->isShown());
    model.setCurrentRow(0);
    QVERIFY(!m_view->offFrameIndicator()->isShown());
}

void TestContourPlot::colourMapHoldsTheGrid()
{
    load("five_points");
    const gdlab::SurfaceGrid& grid = m_surface->grid();
    QCPColorMapData* data = m_view->colorMap()->data();
    QCOMPARE(data->keySize(), grid.x.steps);
    QCOMPARE(data->valueSize(), grid.y.steps);
    QCOMPARE(data->keyRange().lower, grid.x.min);
    QCOMPARE(data->keyRange().upper, grid.x.max);
    QCOMPARE(data->valueRange().lower, grid.y.min);
    QCOMPARE(data->valueRange().upper, grid.y.max);
    QCOMPARE(data->cell(0, 0), grid.at(0, 0));
    QCOMPARE(data->cell(37, 101), grid.at(37, 101));
    QCOMPARE(data->cell(grid.x.steps - 1, grid.y.steps - 1), grid.at(grid.x.steps - 1, grid.y.steps - 1));
    QCOMPARE(
        m_view->colorMap()->dataScaleType(), m_surface->isLogarithmic() ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    QCOMPARE(m_view->colorMap()->dataRange().lower, m_surface->colourMin());
    QCOMPARE(m_view->colorMap()->dataRange().upper, grid.maxValue);
    // The view shows the whole grid.
    QCOMPARE(m_view->plot()->xAxis->range().lower, grid.x.min);
    QCOMPARE(m_view->plot()->yAxis->range().upper, grid.y.max);
    // The low corner of the colour map is viridis' dark end, the high one its yellow.
    const QCPColorGradient gradient = m_view->colorMap()->gradient();
    QCOMPARE(gradient.colorStops().value(0.0), QColor(0x44, 0x01, 0x54));
    QCOMPARE(gradient.colorStops().value(1.0), QColor(0xFD, 0xE7, 0x25));
}

void TestContourPlot::axesAreNamed()
{
    load("five_points");
    QCOMPARE(m_view->plot()->xAxis->label(), QStringLiteral("θ0 (intercept)"));
    QCOMPARE(m_view->plot()->yAxis->label(), QStringLiteral("θ1 (slope of x)"));
    QCOMPARE(m_view->colorScale()->axis()->label(), QStringLiteral("loss (mse)"));
}

void TestContourPlot::logColourScale()
{
    load("two_features_n100");
    QVERIFY(m_surface->isLogarithmic());
    QCOMPARE(m_view->colorMap()->dataScaleType(), QCPAxis::stLogarithmic);
    QCOMPARE(m_view->colorScale()->axis()->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(m_view->colorScale()->axis()->ticker().dynamicCast<QCPAxisTickerLog>());
    QVERIFY(m_view->colorMap()->dataRange().lower > 0);
    // Back to a linear scale when the next surface's loss does not span decades: five_points from its optimum.
    load("five_points");
    const Eigen::VectorXd optimum = m_controller->model()->run()->problem->leastSquaresTheta();
    QVERIFY(m_controller->setStartPoint({ optimum(0), optimum(1) }).isEmpty());
    m_controller->waitForComputation();
    settle();
    QVERIFY(!m_surface->isLogarithmic());
    QCOMPARE(m_view->colorMap()->dataScaleType(), QCPAxis::stLinear);
    QVERIFY(!m_view->colorScale()->axis()->ticker().dynamicCast<QCPAxisTickerLog>());
}

void TestContourPlot::contourLinesAreDrawn()
{
    load("five_points");
    const std::vector<gdlab::ContourLine>& lines = m_surface->contours();
    QCOMPARE(m_view->contourCurves().size(), lines.size());
    QVERIFY(!lines.empty());
    const QCPCurve* curve = m_view->contourCurves().front();
    const gdlab::ContourLine& line = lines.front();
    QCOMPARE(curve->data()->size(), static_cast<int>(line.points.size()) + (line.closed ? 1 : 0));
    QCOMPARE(firstPoint(curve), QPointF(line.points.front().x, line.points.front().y));
    // Thin, light and under the path.
    QVERIFY(curve->pen().widthF() <= 1.0);
    QCOMPARE(curve->pen().color().alpha(), 140);
    QVERIFY(curve->layer()->index() < m_view->pathCurve()->layer()->index());
    QVERIFY(m_view->colorMap()->layer()->index() < curve->layer()->index());
}

void TestContourPlot::pathEndsAtTheCurrentPoint()
{
    load("five_points");
    IterationModel& model = *m_controller->model();
    model.setCurrentRow(37);
    settle();
    const QPointF current(model.theta(37)(0), model.theta(37)(1));
    const QCPCurve* path = m_view->pathCurve();
    QVERIFY(path->data()->size() >= 2);
    QVERIFY(path->data()->size() <= 38);
    QVERIFY2(near(lastPoint(path), current, 0), qPrintable(describe(lastPoint(path), current)));
    QCOMPARE(firstPoint(path), QPointF(0.75, 0.48));
    QCOMPARE(lastPoint(m_view->currentPointCurve()), current);
    QCOMPARE(m_view->currentPointCurve()->data()->size(), 1);

    // A step back shortens the path; the row-0 path is the start alone.
    model.setCurrentRow(0);
    settle();
    QCOMPARE(path->data()->size(), 1);
    QCOMPARE(lastPoint(path), QPointF(0.75, 0.48));
    model.setCurrentRow(model.lastRow());
    settle();
    const Eigen::VectorXd& last = model.theta(model.lastRow());
    QCOMPARE(lastPoint(path), QPointF(last(0), last(1)));
}

void TestContourPlot::starAtTheLeastSquaresSolution()
{
    load("five_points");
    const QCPCurve* star = m_view->optimumMarker();
    QCOMPARE(star->data()->size(), 1);
    QVERIFY(near(lastPoint(star), QPointF(0.6, 0.8), 1e-12));
    QCOMPARE(star->scatterStyle().shape(), QCPScatterStyle::ssCustom);
    QCOMPARE(star->scatterStyle().brush().color(), QColor(0x00, 0x72, 0xB2));
    QVERIFY(star->layer()->index() > m_view->contourCurves().front()->layer()->index());
}

void TestContourPlot::arrowPointsDownhill()
{
    load("five_points");
    IterationModel& model = *m_controller->model();
    model.setCurrentRow(5);
    settle();
    const QCPItemLine* arrow = m_view->gradientArrow();
    QVERIFY(arrow->visible());
    QCOMPARE(arrow->head().style(), QCPLineEnding::esSpikeArrow);
    const Eigen::VectorXd& theta = model.theta(5);
    const Eigen::VectorXd gradient = gdlab::test::stateAt(model, 5).gradient;
    const QPointF start = arrow->start->coords();
    const QPointF end = arrow->end->coords();
    QCOMPARE(start, QPointF(theta(0), theta(1)));
    const QPointF direction = end - start;
    // Parallel to −∇ (zero cross product relative to the lengths) and pointing the same way.
    const double cross = direction.x() * -gradient(1) - direction.y() * -gradient(0);
    const double lengths = std::hypot(direction.x(), direction.y()) * gradient.norm();
    QVERIFY(std::abs(cross) <= 1e-9 * lengths);
    QVERIFY(direction.x() * -gradient(0) + direction.y() * -gradient(1) > 0);
    // Its length is the fixed fraction of the view, measured in view-normalised units.
    const double spanX = m_view->plot()->xAxis->range().size();
    const double spanY = m_view->plot()->yAxis->range().size();
    QVERIFY(std::abs(std::hypot(direction.x() / spanX, direction.y() / spanY) - ContourPlot::arrowViewFraction) < 1e-9);
}

void TestContourPlot::noArrowAtTheOptimum()
{
    // Standardized, at the optimal rate: the descent lands on the optimum, where |∇| is rounding noise.
    load("nist_norris");
    IterationModel& model = *m_controller->model();
    model.setCurrentRow(model.lastRow());
    settle();
    QVERIFY(model.gradientNorm(model.currentRow()) < 1e-9 * model.gradientNorm(0));
    QVERIFY(!m_view->gradientArrow()->visible());
    model.setCurrentRow(0);
    settle();
    QVERIFY(m_view->gradientArrow()->visible());
}

void TestContourPlot::legendLeavesTheMarkersVisible()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    const char* lessons[] = { "five_points", "two_features_n100", "nist_norris" };
    for (const char* lesson : lessons) {
        load(lesson);
        m_surface->setParameters(1, 2); // ignored with two parameters
        settle();
        m_view->plot()->replot(); // the legend's place takes effect in the next layout
        const QRect legend = m_view->plot()->legend->outerRect();
        const Eigen::VectorXd& optimum = m_controller->model()->run()->problem->leastSquaresTheta();
        const QPointF star = m_surface->slicePoint(optimum);
        const QPointF start = m_surface->slicePoint(m_controller->model()->theta(0));
        QVERIFY2(!legend.contains(m_view->pixelFor(star)), lesson);
        QVERIFY2(!legend.contains(m_view->pixelFor(start)), lesson);
    }
}

void TestContourPlot::clickSetsTheStartPoint()
{
    load("five_points");
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    settle();
    const gdlab::SurfaceGrid& grid = m_surface->grid();
    const QPointF target(grid.x.min + 0.3 * (grid.x.max - grid.x.min), grid.y.min + 0.8 * (grid.y.max - grid.y.min));
    const QPoint pixel = m_view->pixelFor(target);
    QVERIFY(m_view->plot()->axisRect()->rect().contains(pixel));

    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, pixel);
    m_controller->waitForComputation();
    const IterationModel& model = *m_controller->model();
    const Eigen::VectorXd& start = model.theta(0);
    // Within a pixel's worth of the clicked coordinates.
    const double pixelX = m_view->plot()->xAxis->range().size() / m_view->plot()->axisRect()->width();
    const double pixelY = m_view->plot()->yAxis->range().size() / m_view->plot()->axisRect()->height();
    QVERIFY2(std::abs(start(0) - target.x()) <= pixelX, qPrintable(describe({ start(0), start(1) }, target)));
    QVERIFY2(std::abs(start(1) - target.y()) <= pixelY, qPrintable(describe({ start(0), start(1) }, target)));
    QCOMPARE(m_controller->model()->run()->settings.init, gdlab::InitKind::Values);
    // The new path starts there.
    settle();
    QVERIFY(near(firstPoint(m_view->pathCurve()), QPointF(start(0), start(1)), 0));
}

void TestContourPlot::dragDoesNotSetTheStartPoint()
{
    load("five_points");
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    settle();
    const QPoint from = m_view->plot()->axisRect()->center();
    const QPoint to = from + QPoint(60, 40);
    QTest::mousePress(m_view->plot(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->plot(), to);
    QTest::mouseRelease(m_view->plot(), Qt::LeftButton, {}, to);
    QCoreApplication::processEvents();
    QCOMPARE(m_controller->model()->theta(0)(0), 0.75);
    QCOMPARE(m_controller->model()->theta(0)(1), 0.48);
    // Nor does a click outside the map (on the colour scale).
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, m_view->colorScale()->rect().center());
    QCOMPARE(m_controller->model()->theta(0)(0), 0.75);
}

void TestContourPlot::sliceSubtitle()
{
    load("five_points");
    QCOMPARE(m_view->subtitle(), QString());

    load("two_features_n100");
    m_surface->setParameters(1, 2);
    settle();
    QCOMPARE(m_view->plot()->xAxis->label(), QStringLiteral("θ1 (slope of x1)"));
    QCOMPARE(m_view->plot()->yAxis->label(), QStringLiteral("θ2 (slope of x2)"));
    QVERIFY2(m_view->subtitle().contains(QStringLiteral("θ0 (intercept)")), qPrintable(m_view->subtitle()));
    QVERIFY(m_view->subtitle().contains(QStringLiteral("least-squares")));
    // The path is the projection of θ on the slice.
    IterationModel& model = *m_controller->model();
    model.setCurrentRow(20);
    settle();
    QCOMPARE(lastPoint(m_view->pathCurve()), QPointF(model.theta(20)(1), model.theta(20)(2)));

    m_surface->setHoldMode(ErrorSurfaceModel::HoldMode::CurrentIterate);
    settle();
    QVERIFY2(m_view->subtitle().contains(QStringLiteral("iteration 20")), qPrintable(m_view->subtitle()));
    // A click on the slice keeps the start's other parameter (θ0 = 0 from zeros).
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    settle();
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, m_view->plot()->axisRect()->center());
    m_controller->waitForComputation();
    QCOMPARE(model.theta(0)(0), 0.0);
    QVERIFY(model.theta(0)(1) != 0.0);

    load("five_points");
    QCOMPARE(m_view->subtitle(), QString());
}

void TestContourPlot::longHistoryIsThinned()
{
    load("two_features_n50"); // 100,000 updates
    IterationModel& model = *m_controller->model();
    QVERIFY(model.rowCount() > 50000);
    model.setCurrentRow(model.lastRow());
    settle();
    const QCPCurve* path = m_view->pathCurve();
    QVERIFY2(path->data()->size() < 5000, qPrintable(QString::number(path->data()->size())));
    QVERIFY(path->data()->size() > 10);
    // Two features: the slice is over the two coefficients (θ1, θ2).
    QCOMPARE(m_surface->xParameter(), 1);
    QCOMPARE(m_surface->yParameter(), 2);
    const Eigen::VectorXd& last = model.theta(model.currentRow());
    QCOMPARE(lastPoint(path), QPointF(last(1), last(2)));
    // A row between kept points still ends the path exactly at the current θ.
    model.setCurrentRow(model.lastRow() - 3);
    settle();
    const Eigen::VectorXd& before = model.theta(model.currentRow());
    QCOMPARE(lastPoint(path), QPointF(before(1), before(2)));
}

void TestContourPlot::oneParameterShowsAMessage()
{
    load("five_points");
    QVERIFY(!m_view->isShowingMessage());
    gdlab::ProblemSpec spec = m_controller->model()->run()->problem->spec();
    spec.intercept = false;
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    settle();
    QVERIFY(m_view->isShowingMessage());
    QVERIFY2(
        m_view->messageText().contains(QStringLiteral("at least two parameters")), qPrintable(m_view->messageText()));
    // Stepping with no surface does not crash and draws nothing.
    m_controller->model()->setCurrentRow(10);
    settle();
    QCOMPARE(m_view->pathCurve()->data()->size(), 0);
    spec.intercept = true;
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    settle();
    QVERIFY(!m_view->isShowingMessage());
}

void TestContourPlot::presentationModeEnlarges()
{
    load("five_points");
    const double pathWidth = m_view->pathCurve()->pen().widthF();
    const double pointSize = m_view->currentPointCurve()->scatterStyle().size();
    const double fontSize = m_view->plot()->xAxis->labelFont().pointSizeF();
    m_view->setPresentationMode(true);
    QVERIFY(m_view->isPresentationMode());
    QVERIFY(m_view->pathCurve()->pen().widthF() > pathWidth);
    QVERIFY(m_view->currentPointCurve()->scatterStyle().size() > pointSize);
    QVERIFY(m_view->plot()->xAxis->labelFont().pointSizeF() > fontSize);
    m_view->setPresentationMode(false);
    QCOMPARE(m_view->pathCurve()->pen().widthF(), pathWidth);
}

void TestContourPlot::followsThePalette()
{
    load("five_points");
    QPalette dark = m_view->palette();
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    m_view->setPalette(dark);
    QCOMPARE(m_view->plot()->xAxis->labelColor(), QColor(230, 230, 230));
    QCOMPARE(m_view->colorScale()->axis()->tickLabelColor(), QColor(230, 230, 230));
}

void TestContourPlot::pinnedPathStaysWhileTheLiveOneChanges()
{
    load("five_points");
    gdlab::PinnedRuns pinned(m_controller->model());
    m_view->setPinnedRuns(&pinned);
    const int plottables = m_view->plot()->plottableCount();
    QVERIFY(pinned.pinCurrent());
    const std::vector<gdlab::test::State> states = gdlab::test::statesOf(*m_controller->model());
    // Each pinned run draws its path and its marker at the cursor (the race steps them in lockstep).
    QCOMPARE(m_view->plot()->plottableCount(), plottables + 2);
    QCOMPARE(m_view->pinnedCurves().size(), std::size_t(1));
    // The whole run, not only up to the current row (row 0 right after loading).
    QCOMPARE(m_controller->model()->currentRow(), 0);
    QVERIFY(pathOfStates(m_view->pinnedCurves()[0], states, *m_surface));

    QVERIFY(m_controller->setLearningRate(0.05).isEmpty());
    m_controller->waitForComputation();
    m_controller->model()->setCurrentRow(m_controller->model()->lastRow());
    settle();
    QVERIFY(pathOfStates(m_view->pinnedCurves()[0], states, *m_surface));
    QVERIFY(pathOfStates(m_view->pathCurve(), gdlab::test::statesOf(*m_controller->model()), *m_surface));
    QVERIFY(!pathOfStates(m_view->pathCurve(), states, *m_surface));
    QCOMPARE(m_view->pinnedCurves()[0]->pen().color(), gdlab::ViewPalette::series(pinned.run(0).seriesIndex));
    QCOMPARE(m_view->pinnedCurves()[0]->name(), QStringLiteral("lr 0.01"));
    // The run's legend entry is its marker, so that the icon shows its shape on its line.
    QCPLegend* legend = m_view->plot()->legend;
    QVERIFY(!legend->hasItemWithPlottable(m_view->pinnedCurves()[0]));
    const QCPCurve* entry = nullptr;
    for (int k = 0; k < legend->itemCount(); ++k) {
        auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(k));
        if (item && item->plottable()->name() == QStringLiteral("lr 0.01"))
            entry = qobject_cast<const QCPCurve*>(item->plottable());
    }
    QVERIFY(entry);
    QCOMPARE(int(entry->scatterStyle().shape()), gdlab::PinnedPathsLayer::markerShape(pinned.run(0).seriesIndex));
    QCOMPARE(entry->pen().color(), gdlab::ViewPalette::series(pinned.run(0).seriesIndex));
}

void TestContourPlot::twoPinnedPathsWithLegend()
{
    load("five_points");
    gdlab::PinnedRuns pinned(m_controller->model());
    m_view->setPinnedRuns(&pinned);
    QVERIFY(pinned.pinCurrent());
    QVERIFY(m_controller->setLearningRate(0.05).isEmpty());
    m_controller->waitForComputation();
    QVERIFY(pinned.pinCurrent());
    QVERIFY(m_controller->setLearningRate(0.08).isEmpty());
    m_controller->waitForComputation();
    settle();
    QCOMPARE(m_view->pinnedCurves().size(), std::size_t(2));
    QSet<QRgb> colours { m_view->pathCurve()->pen().color().rgb() };
    for (const QCPCurve* curve : m_view->pinnedCurves())
        colours.insert(curve->pen().color().rgb());
    QCOMPARE(colours.size(), 3);
    QCOMPARE(m_view->pathCurve()->name(), QStringLiteral("descent path (lr 0.08)"));
    QCOMPARE(m_view->pinnedCurves()[0]->name(), QStringLiteral("lr 0.01"));
    QCOMPARE(m_view->pinnedCurves()[1]->name(), QStringLiteral("lr 0.05"));
    // Thin pinned lines over the thicker live path, both under the markers.
    QVERIFY(m_view->pinnedCurves()[0]->layer()->index() > m_view->pathCurve()->layer()->index());
    QVERIFY(m_view->pinnedCurves()[0]->layer()->index() < m_view->currentPointCurve()->layer()->index());
    QVERIFY(m_view->pinnedCurves()[0]->layer()->index() < m_view->optimumMarker()->layer()->index());
    QVERIFY(m_view->pinnedCurves()[0]->pen().widthF() < m_view->pathCurve()->pen().widthF());
}

void TestContourPlot::unpinRemovesThePath()
{
    load("five_points");
    gdlab::PinnedRuns pinned(m_controller->model());
    m_view->setPinnedRuns(&pinned);
    const int plottables = m_view->plot()->plottableCount();
    const int legendItems = m_view->plot()->legend->itemCount();
    QVERIFY(pinned.pinCurrent());
    QVERIFY(m_controller->setLearningRate(0.05).isEmpty());
    m_controller->waitForComputation();
    QVERIFY(pinned.pinCurrent());
    // Two pinned runs, each a path and a marker at the cursor; unpinning one removes both of its.
    QCOMPARE(m_view->plot()->plottableCount(), plottables + 4);
    pinned.unpin(0);
    QCOMPARE(m_view->plot()->plottableCount(), plottables + 2);
    QCOMPARE(m_view->pinnedCurves()[0]->pen().color(), gdlab::ViewPalette::series(pinned.run(0).seriesIndex));
    pinned.unpin(0);
    QCOMPARE(m_view->plot()->plottableCount(), plottables);
    m_view->plot()->replot();
    QCOMPARE(m_view->plot()->legend->itemCount(), legendItems);
    QCOMPARE(m_view->pathCurve()->name(), QStringLiteral("descent path"));
}

void TestContourPlot::anotherLessonClearsThePinnedPaths()
{
    load("five_points");
    gdlab::PinnedRuns pinned(m_controller->model());
    m_view->setPinnedRuns(&pinned);
    QVERIFY(pinned.pinCurrent());
    QCOMPARE(m_view->pinnedCurves().size(), std::size_t(1));
    load("two_features_n100");
    QVERIFY(m_view->pinnedCurves().empty());
}

void TestContourPlot::pinnedPathFollowsTheSlice()
{
    load("two_features_n100");
    gdlab::PinnedRuns pinned(m_controller->model());
    m_view->setPinnedRuns(&pinned);
    QVERIFY(pinned.pinCurrent());
    const std::vector<gdlab::test::State> states = gdlab::test::statesOf(pinned.run(0));
    QVERIFY(m_controller->setLearningRate(0.05).isEmpty());
    m_controller->waitForComputation();
    settle();
    QVERIFY(pathOfStates(m_view->pinnedCurves()[0], states, *m_surface)); // over (θ1, θ2)
    m_surface->setParameters(0, 2);
    settle();
    QCOMPARE(m_view->pinnedCurves().size(), std::size_t(1));
    QVERIFY(pathOfStates(m_view->pinnedCurves()[0], states, *m_surface)); // now over (θ0, θ2)
    QCOMPARE(firstPoint(m_view->pinnedCurves()[0]), QPointF(states.front().theta(0), states.front().theta(2)));
}

void TestContourPlot::legendClearOfTheMarkersAtProjectorSize()
{
    // About the contour view's size in the main window at 1280x720, where an inset legend covered the star.
    m_view->resize(420, 300);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    gdlab::PinnedRuns pinned(m_controller->model());
    m_view->setPinnedRuns(&pinned);
    const char* lessons[]
        = { "five_points", "two_features_n100", "two_features_n50", "three_features_ints_n20", "nist_norris" };
    for (const char* lesson : lessons) {
        load(lesson);
        QVERIFY(pinned.pinCurrent());
        QVERIFY(m_controller->setLearningRate(m_controller->model()->run()->settings.learningRate * 0.5).isEmpty());
        m_controller->waitForComputation();
        IterationModel& model = *m_controller->model();
        for (const int row : { 0, model.lastRow() / 3, model.lastRow() }) {
            model.setCurrentRow(row);
            settle();
            m_view->plot()->replot();
            const QRect legend = m_view->plot()->legend->outerRect();
            QVERIFY2(legend.isValid(), lesson);
            // Outside the map altogether, so nothing on it can be covered.
            QVERIFY2(!legend.intersects(m_view->plot()->axisRect()->rect()), lesson);
            const QPointF star = m_surface->slicePoint(m_controller->model()->run()->problem->leastSquaresTheta());
            const QPointF start = m_surface->slicePoint(model.theta(0));
            const QPointF current = m_surface->slicePoint(model.theta(model.currentRow()));
            for (const QPointF& point : { star, start, current })
                QVERIFY2(!legend.contains(m_view->pixelFor(point)), lesson);
            // Every entry is inside the widget (the wrapped rows are not clipped away).
            QVERIFY2(m_view->plot()->rect().contains(legend), lesson);
        }
        // The legend wraps to the width it has instead of widening the view.
        const QWidget* plotWidget = m_view->plot(); // QCustomPlot makes the override protected; QWidget's is public
        QVERIFY2(plotWidget->minimumSizeHint().width() <= 420,
            qPrintable(QStringLiteral("%1: %2, legend %3, subtitle '%4'")
                           .arg(QString::fromLatin1(lesson))
                           .arg(plotWidget->minimumSizeHint().width())
                           .arg(m_view->plot()->legend->minimumOuterSizeHint().width())
                           .arg(m_view->subtitle())));
        QCOMPARE(m_view->width(), 420);
        // The star keeps a margin from the map's edges.
        const QPoint starPixel
            = m_view->pixelFor(m_surface->slicePoint(m_controller->model()->run()->problem->leastSquaresTheta()));
        const QRect map = m_view->plot()->axisRect()->rect();
        QVERIFY2(map.adjusted(10, 10, -10, -10).contains(starPixel), lesson);
    }
}

void TestContourPlot::oneRunResetIsOneRefreshAndOneReplot_data()
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

void TestContourPlot::oneRunResetIsOneRefreshAndOneReplot()
{
    QFETCH(Command, command);
    load("five_points");
    QTest::qWait(20);
    const int refreshes = m_view->refreshCount();
    QSignalSpy resets(m_controller->model(), &IterationModel::runReset);
    QSignalSpy replots(m_view->plot(), &QCustomPlot::afterReplot);
    QVERIFY(command(*m_controller).isEmpty());
    m_controller->waitForComputation();
    // Long enough for the surface model's posted surfaceChanged, which brings nothing new after a reset.
    QTest::qWait(20);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(m_view->refreshCount(), refreshes + 1);
    QCOMPARE(replots.count(), 1);
}

void TestContourPlot::runResetAloneDrawsTheSurface()
{
    load("five_points");
    IterationModel& model = *m_controller->model();
    bool checked = false;
    // Checked inside the reset, before the surface model's posted notice and the model's later signals.
    connect(&model, &IterationModel::runReset, m_view.get(), [&] {
        checked = true;
        const gdlab::SurfaceGrid& grid = m_surface->grid();
        QCOMPARE(m_view->colorMap()->data()->keySize(), grid.x.steps);
        QCOMPARE(m_view->colorMap()->data()->cell(17, 23), grid.at(17, 23));
        QCOMPARE(m_view->plot()->xAxis->range().lower, grid.x.min);
        QCOMPARE(m_view->plot()->xAxis->label(), QStringLiteral("θ1 (slope of x1)"));
        QCOMPARE(m_view->contourCurves().size(), m_surface->contours().size());
        const Eigen::VectorXd& current = model.theta(model.currentRow());
        QCOMPARE(lastPoint(m_view->pathCurve()), QPointF(current(1), current(2)));
        QCOMPARE(lastPoint(m_view->currentPointCurve()), QPointF(current(1), current(2)));
    });
    QVERIFY(m_controller->loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    m_controller->waitForComputation();
    QVERIFY(checked);
}

void TestContourPlot::surfaceChangedWithANewGridRedraws()
{
    load("two_features_n100");
    const int refreshes = m_view->refreshCount();
    m_surface->setParameters(0, 2);
    settle();
    QCOMPARE(m_view->refreshCount(), refreshes + 1);
    QCOMPARE(m_view->plot()->xAxis->label(), QStringLiteral("θ0 (intercept)"));
    QCOMPARE(m_view->colorMap()->data()->cell(5, 9), m_surface->grid().at(5, 9));
}

void TestContourPlot::surfaceChangedWithTheSameGridIsSkipped()
{
    load("five_points");
    QTest::qWait(20);
    const int refreshes = m_view->refreshCount();
    QSignalSpy surfaceChanges(m_surface.get(), &ErrorSurfaceModel::surfaceChanged);
    QSignalSpy replots(m_view->plot(), &QCustomPlot::afterReplot);
    // With two parameters the surface is the whole loss, wherever the others would be held.
    m_surface->setHoldMode(ErrorSurfaceModel::HoldMode::CurrentIterate);
    QTest::qWait(20);
    QCOMPARE(surfaceChanges.count(), 1);
    QCOMPARE(m_view->refreshCount(), refreshes);
    QCOMPARE(replots.count(), 0);
}

void TestContourPlot::clickOnlyAsksForTheStart()
{
    load("two_features_n100");
    disconnect(m_view.get(), &ContourPlot::startPointChosen, m_controller.get(), nullptr);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    settle();
    QSignalSpy chosen(m_view.get(), &ContourPlot::startPointChosen);
    const Eigen::VectorXd start = m_controller->model()->theta(0);
    const QPoint pixel = m_view->plot()->axisRect()->center();
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, pixel);
    QCOMPARE(chosen.count(), 1);
    const auto theta = chosen.front().front().value<std::vector<double>>();
    QCOMPARE(theta.size(), std::size_t(start.size()));
    // The slice's parameters where the click was, the held one as the run started.
    QCOMPARE(theta[0], start(0));
    QVERIFY(std::abs(theta[1] - m_view->plot()->xAxis->pixelToCoord(pixel.x())) < 1e-12);
    QVERIFY(std::abs(theta[2] - m_view->plot()->yAxis->pixelToCoord(pixel.y())) < 1e-12);
    // The view asks; it does not start anything itself.
    QCOMPARE(m_controller->model()->theta(0), start);
}

} // namespace tst_contour_plot

QTEST_MAIN(tst_contour_plot::TestContourPlot)
#include "tst_contour_plot.moc"
