#include "session/iteration_model.h"
#include "support/lesson_session.h"
#include "views/surface_map_layer.h"

#include "session/error_surface_model.h"
#include "views/contour_plot.h"
#include "views/plot_style.h"

#include <qcustomplot.h>

#include <QtTest>

namespace tst_surface_map_layer {

using gdlab::ErrorSurfaceModel;
using gdlab::SurfaceMapLayer;

class TestSurfaceMapLayer : public QObject {
    Q_OBJECT

private slots:
    void drawsTheGrid();
    void axesOverTheGrid();
    void logColourScale();
    void remembersTheGridItDrew();
    void noSurfaceClears();
    void zoomStopsAtTheGrid();
    void presentationWidensTheBar();
};

namespace {

struct Fixture {
    std::unique_ptr<gdlab::SessionController> session;
    std::unique_ptr<ErrorSurfaceModel> surface;
    std::unique_ptr<QCustomPlot> plot;
    std::unique_ptr<SurfaceMapLayer> layer;
};

Fixture fixture(const char* lesson)
{
    Fixture f;
    f.session = gdlab::test::sessionWith(lesson);
    f.surface = std::make_unique<ErrorSurfaceModel>(f.session->model());
    f.plot = std::make_unique<QCustomPlot>();
    gdlab::ContourPlot::addLayers(f.plot.get());
    f.layer = std::make_unique<SurfaceMapLayer>(f.plot.get());
    return f;
}

} // namespace

void TestSurfaceMapLayer::drawsTheGrid()
{
    Fixture f = fixture("five_points");
    f.layer->draw(*f.surface);
    QVERIFY(f.layer->hasSurface());
    const gdlab::SurfaceGrid& grid = f.surface->grid();
    QCPColorMapData* data = f.layer->map()->data();
    QCOMPARE(data->keySize(), grid.x.steps);
    QCOMPARE(data->valueSize(), grid.y.steps);
    QCOMPARE(data->keyRange(), QCPRange(grid.x.min, grid.x.max));
    QCOMPARE(data->valueRange(), QCPRange(grid.y.min, grid.y.max));
    for (const auto& [ix, iy] : { std::pair { 0, 0 }, { 37, 101 }, { grid.x.steps - 1, grid.y.steps - 1 } })
        QCOMPARE(data->cell(ix, iy), grid.at(ix, iy));
    QCOMPARE(f.layer->map()->dataScaleType(), f.surface->isLogarithmic() ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    QCOMPARE(f.layer->map()->dataRange(), QCPRange(f.surface->colourMin(), f.surface->colourMax()));
    QCOMPARE(f.layer->map()->layer()->name(), QStringLiteral("surface"));
    QVERIFY(!f.plot->legend->hasItemWithPlottable(f.layer->map()));
    // Viridis, dark at the minimum.
    QCOMPARE(f.layer->map()->gradient().colorStops().value(0.0), QColor(0x44, 0x01, 0x54));
}

void TestSurfaceMapLayer::axesOverTheGrid()
{
    Fixture f = fixture("five_points");
    f.layer->draw(*f.surface);
    const gdlab::SurfaceGrid& grid = f.surface->grid();
    QCOMPARE(f.plot->xAxis->range(), QCPRange(grid.x.min, grid.x.max));
    QCOMPARE(f.plot->yAxis->range(), QCPRange(grid.y.min, grid.y.max));
    QCOMPARE(f.plot->xAxis->label(), QStringLiteral("θ0 (intercept)"));
    QCOMPARE(f.plot->yAxis->label(), QStringLiteral("θ1 (slope of x)"));
    QCOMPARE(f.layer->scale()->axis()->label(), QStringLiteral("loss (mse)"));
}

void TestSurfaceMapLayer::logColourScale()
{
    Fixture f = fixture("two_features_n100");
    QVERIFY(f.surface->isLogarithmic());
    f.layer->draw(*f.surface);
    QCOMPARE(f.layer->map()->dataScaleType(), QCPAxis::stLogarithmic);
    QVERIFY(f.layer->scale()->axis()->ticker().dynamicCast<QCPAxisTickerLog>());
    // No cell below the colour floor: a loss of zero has no place on a log scale.
    QCPColorMapData* data = f.layer->map()->data();
    for (int ix = 0; ix < data->keySize(); ix += 7)
        for (int iy = 0; iy < data->valueSize(); iy += 7)
            QVERIFY(data->cell(ix, iy) >= f.surface->colourMin());
}

void TestSurfaceMapLayer::remembersTheGridItDrew()
{
    Fixture f = fixture("two_features_n100");
    QVERIFY(!f.layer->isDrawn(*f.surface));
    f.layer->draw(*f.surface);
    QVERIFY(f.layer->isDrawn(*f.surface));
    // Another slice, another resolution: another grid.
    f.surface->setParameters(0, 2);
    QVERIFY(!f.layer->isDrawn(*f.surface));
    f.layer->draw(*f.surface);
    QVERIFY(f.layer->isDrawn(*f.surface));
    f.surface->setResolution(80);
    QVERIFY(!f.layer->isDrawn(*f.surface));
    f.layer->draw(*f.surface);
    QCOMPARE(f.layer->map()->data()->keySize(), 80);
    // Another start, another path: the range, so the grid, changes with it.
    QVERIFY(f.session->setStartPoint({ 1.0, -2.0, 3.0 }).isEmpty());
    f.session->waitForComputation();
    QVERIFY(!f.layer->isDrawn(*f.surface));
}

void TestSurfaceMapLayer::noSurfaceClears()
{
    Fixture f = fixture("five_points");
    f.layer->draw(*f.surface);
    gdlab::ProblemSpec spec = f.session->model()->run()->problem->spec();
    spec.intercept = false; // one parameter: no surface
    QVERIFY(f.session->setProblemSpec(spec).isEmpty());
    f.session->waitForComputation();
    QVERIFY(!f.surface->isValid());
    QVERIFY(!f.layer->isDrawn(*f.surface));
    f.layer->draw(*f.surface);
    QVERIFY(!f.layer->hasSurface());
    QVERIFY(f.layer->isDrawn(*f.surface));
    QCOMPARE(f.layer->map()->data()->keySize(), 0);
}

void TestSurfaceMapLayer::zoomStopsAtTheGrid()
{
    Fixture f = fixture("five_points");
    f.layer->draw(*f.surface);
    const gdlab::SurfaceGrid& grid = f.surface->grid();
    f.plot->xAxis->scaleRange(4.0); // zoom out
    QCOMPARE(f.plot->xAxis->range(), QCPRange(grid.x.min, grid.x.max));
    const double centre = 0.5 * (grid.y.min + grid.y.max);
    f.plot->yAxis->setRange(centre - 0.01, centre + 0.01); // zooming in is free
    QCOMPARE(f.plot->yAxis->range(), QCPRange(centre - 0.01, centre + 0.01));
    f.plot->yAxis->setRange(grid.y.min - 1, centre);
    QCOMPARE(f.plot->yAxis->range().lower, grid.y.min);
}

void TestSurfaceMapLayer::presentationWidensTheBar()
{
    Fixture f = fixture("five_points");
    f.layer->applyStyle(gdlab::PlotStyle(*f.plot, false));
    const int width = f.layer->scale()->barWidth();
    f.layer->applyStyle(gdlab::PlotStyle(*f.plot, true));
    QCOMPARE(f.layer->scale()->barWidth(), qRound(width * gdlab::PlotStyle::presentationScale()));
    QCOMPARE(f.layer->scale()->axis()->labelFont().pointSizeF(), gdlab::PlotStyle(*f.plot, true).font().pointSizeF());
}

} // namespace tst_surface_map_layer

QTEST_MAIN(tst_surface_map_layer::TestSurfaceMapLayer)
#include "tst_surface_map_layer.moc"
