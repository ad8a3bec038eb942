#include "support/bowl_scene.h"
#include "views/bowl_surface_layer.h"

#include "loss.h"
#include "problem.h"
#include "views/colour_map.h"

#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/QValue3DAxis>

#include <QLinearGradient>
#include <QtTest>

#include <memory>

namespace tst_bowl_surface_layer {

using gdlab::BowlSurfaceLayer;
using gdlab::test::bowlPoint;
using gdlab::test::describe;
using gdlab::test::nearBowlPoint;

class TestBowlSurfaceLayer : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void gridIsThinnedToMaxSamples();
    void smallGridAsItIs();
    void axesFrameTheGrid();
    void sliceReachesItsLowestPoint();
    void coloursMatchTheContourMap();
    void clear();

private:
    std::unique_ptr<gdlab::test::BowlScene> m_scene;
    std::unique_ptr<BowlSurfaceLayer> m_layer;
};

void TestBowlSurfaceLayer::init()
{
    m_scene = std::make_unique<gdlab::test::BowlScene>();
    if (m_scene->host->graph())
        m_layer = std::make_unique<BowlSurfaceLayer>(m_scene->host->graph(), &m_scene->surface, &m_scene->model());
}

void TestBowlSurfaceLayer::cleanup()
{
    m_layer.reset();
    m_scene.reset();
}

void TestBowlSurfaceLayer::gridIsThinnedToMaxSamples()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(m_scene->load("five_points"));
    m_layer->draw();
    const gdlab::SurfaceGrid& grid = m_scene->surface.grid();
    QCOMPARE(grid.x.steps, 160);
    QCOMPARE(m_layer->rowCount(), BowlSurfaceLayer::maxSamples);
    QCOMPARE(m_layer->columnCount(), BowlSurfaceLayer::maxSamples);
    const QVector3D first = bowlPoint(grid.x.min, grid.at(0, 0), grid.y.min);
    QVERIFY2(nearBowlPoint(m_layer->point(0, 0), first), qPrintable(describe(m_layer->point(0, 0), first)));
    const int last = BowlSurfaceLayer::maxSamples - 1;
    QVERIFY(nearBowlPoint(m_layer->point(last, last), bowlPoint(grid.x.max, grid.at(159, 159), grid.y.max)));
    // Row r is the r-th thinned sample of the y parameter, column c of x, at the grid's value there.
    const QVector3D point = m_layer->point(20, 35);
    Eigen::VectorXd theta(2);
    theta << point.x(), point.z();
    const gdlab::Problem& problem = *m_scene->model().run()->problem;
    const double loss = (problem.design() * theta - problem.target()).squaredNorm() / problem.sampleCount();
    QVERIFY(std::abs(point.y() - loss) <= 1e-5 * loss);
    QCOMPARE(m_layer->point(BowlSurfaceLayer::maxSamples, 0), QVector3D());
}

void TestBowlSurfaceLayer::smallGridAsItIs()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(m_scene->load("five_points"));
    m_scene->surface.setResolution(40);
    m_layer->draw();
    QCOMPARE(m_layer->rowCount(), 40);
    QCOMPARE(m_layer->columnCount(), 40);
    const gdlab::SurfaceGrid& grid = m_scene->surface.grid();
    QVERIFY(nearBowlPoint(m_layer->point(13, 29), bowlPoint(grid.x.valueAt(29), grid.at(29, 13), grid.y.valueAt(13))));
}

void TestBowlSurfaceLayer::axesFrameTheGrid()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(m_scene->load("five_points"));
    m_layer->draw();
    const Q3DSurface* graph = m_scene->host->graph();
    const gdlab::SurfaceGrid& grid = m_scene->surface.grid();
    QCOMPARE(graph->axisX()->min(), static_cast<float>(grid.x.min));
    QCOMPARE(graph->axisX()->max(), static_cast<float>(grid.x.max));
    QCOMPARE(graph->axisZ()->min(), static_cast<float>(grid.y.min));
    QCOMPARE(graph->axisZ()->max(), static_cast<float>(grid.y.max));
    // Two parameters: the surface is the whole loss, from its minimum (the optimum's) to the grid's maximum.
    QCOMPARE(graph->axisY()->min(), static_cast<float>(std::min(grid.minValue, 1.6 / 5)));
    QCOMPARE(graph->axisY()->max(), static_cast<float>(grid.maxValue));
    QCOMPARE(graph->axisX()->title(), QStringLiteral("θ0 (intercept)"));
    QCOMPARE(graph->axisZ()->title(), QStringLiteral("θ1 (slope of x)"));
    QCOMPARE(graph->axisY()->title(), QStringLiteral("loss (mse)"));
}

void TestBowlSurfaceLayer::sliceReachesItsLowestPoint()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(m_scene->load("two_features_n100"));
    // Held at the current iterate, the slice lies above the optimum's loss.
    m_scene->model().setCurrentRow(5);
    m_scene->surface.setHoldMode(gdlab::ErrorSurfaceModel::HoldMode::CurrentIterate);
    m_layer->draw();
    const gdlab::Run& run = *m_scene->model().run();
    const double optimumLoss
        = gdlab::lossWeight(run.settings.loss, run.problem->sampleCount()) * run.problem->minimumSumOfSquares();
    const gdlab::SurfaceGrid& grid = m_scene->surface.grid();
    QVERIFY(grid.minValue > optimumLoss);
    // The floor is the slice's own lowest point: between the optimum's loss and the grid's lowest sample.
    const Q3DSurface* graph = m_scene->host->graph();
    const double floor = m_scene->surface.sliceMinimumLoss();
    QVERIFY(floor > optimumLoss && floor <= grid.minValue);
    QCOMPARE(graph->axisY()->min(), static_cast<float>(floor));
    QCOMPARE(graph->axisY()->max(), static_cast<float>(grid.maxValue));
    QCOMPARE(graph->axisZ()->title(), QStringLiteral("θ2 (slope of x2)"));
}

void TestBowlSurfaceLayer::coloursMatchTheContourMap()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(m_scene->load("two_features_n100"));
    QVERIFY(m_scene->surface.isLogarithmic());
    m_layer->draw();
    const QGradientStops stops = m_layer->gradient().stops();
    QCOMPARE(stops.size(), 48);
    const Q3DSurface* graph = m_scene->host->graph();
    const double low = graph->axisY()->min();
    const double high = graph->axisY()->max();
    // Each height has the colour the contour map gives its loss (log scale included).
    for (const QGradientStop& stop : stops) {
        const double loss = low + stop.first * (high - low);
        const QColor expected = gdlab::ColourMap::at(m_scene->surface.colourFraction(loss));
        QVERIFY2(std::abs(stop.second.redF() - expected.redF()) < 0.02
                && std::abs(stop.second.greenF() - expected.greenF()) < 0.02
                && std::abs(stop.second.blueF() - expected.blueF()) < 0.02,
            qPrintable(QStringLiteral("at %1: %2 vs %3").arg(stop.first).arg(stop.second.name(), expected.name())));
    }
}

void TestBowlSurfaceLayer::clear()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(m_scene->load("five_points"));
    m_layer->draw();
    m_layer->clear();
    QCOMPARE(m_layer->rowCount(), 0);
    QCOMPARE(m_layer->point(0, 0), QVector3D());
}

} // namespace tst_bowl_surface_layer

QTEST_MAIN(tst_bowl_surface_layer::TestBowlSurfaceLayer)
#include "tst_bowl_surface_layer.moc"
