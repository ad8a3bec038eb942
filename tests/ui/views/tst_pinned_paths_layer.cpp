#include "support/lesson_session.h"
#include "views/pinned_paths_layer.h"

#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "views/contour_plot.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QtTest>

namespace tst_pinned_paths_layer {

using gdlab::ErrorSurfaceModel;
using gdlab::PinnedPathsLayer;
using gdlab::PinnedRuns;

namespace {

struct Fixture {
    std::unique_ptr<gdlab::SessionController> session;
    std::unique_ptr<ErrorSurfaceModel> surface;
    std::unique_ptr<PinnedRuns> pinned;
    std::unique_ptr<QCustomPlot> plot;
    std::unique_ptr<PinnedPathsLayer> layer;
};

Fixture fixture(const char* lesson)
{
    Fixture f;
    f.session = gdlab::test::sessionWith(lesson);
    f.surface = std::make_unique<ErrorSurfaceModel>(f.session->model());
    f.pinned = std::make_unique<PinnedRuns>(f.session->model());
    f.plot = std::make_unique<QCustomPlot>();
    gdlab::ContourPlot::addLayers(f.plot.get());
    const gdlab::SurfaceGrid& grid = f.surface->grid();
    f.plot->xAxis->setRange(grid.x.min, grid.x.max);
    f.plot->yAxis->setRange(grid.y.min, grid.y.max);
    f.layer = std::make_unique<PinnedPathsLayer>(f.plot.get());
    f.layer->setRuns(f.pinned.get());
    return f;
}

QPointF pointAt(const QCPCurve* curve, int index)
{
    const QCPCurveData& point = *(curve->data()->constBegin() + index);
    return { point.key, point.value };
}

void setRate(gdlab::SessionController& session, double rate)
{
    QVERIFY(session.setLearningRate(rate).isEmpty());
    session.waitForComputation();
}

} // namespace

class TestPinnedPathsLayer : public QObject {
    Q_OBJECT

private slots:
    void wholeRunFromStartToEnd();
    void coloursAndLayer();
    void labelsAndTheLiveDifferences();
    void noneWithoutASurface();
    void followsTheSlice();
};

void TestPinnedPathsLayer::wholeRunFromStartToEnd()
{
    Fixture f = fixture("two_features_n50"); // long: thinned
    QVERIFY(f.pinned->pinCurrent());
    f.layer->rebuild(*f.surface, true);
    QCOMPARE(f.layer->curves().size(), std::size_t(1));
    const QCPCurve* curve = f.layer->curves().front();
    const gdlab::PinnedRun& run = f.pinned->run(0);
    QCOMPARE(pointAt(curve, 0), f.surface->slicePoint(run.history().theta(0)));
    // The whole run, whatever the current row, ending exactly at its last θ.
    QCOMPARE(pointAt(curve, curve->data()->size() - 1),
        f.surface->slicePoint(run.history().theta(std::size_t(run.rows - 1))));
    QVERIFY(curve->data()->size() < 5000);
    QCOMPARE(curve->scatterStyle().shape(), QCPScatterStyle::ssNone);
}

void TestPinnedPathsLayer::coloursAndLayer()
{
    Fixture f = fixture("five_points");
    QVERIFY(f.pinned->pinCurrent());
    setRate(*f.session, 0.05);
    QVERIFY(f.pinned->pinCurrent());
    f.layer->rebuild(*f.surface, true);
    f.layer->applyStyle(gdlab::PlotStyle(*f.plot, false));
    QCOMPARE(f.layer->curves().size(), std::size_t(2));
    for (int index = 0; index < 2; ++index) {
        const QCPCurve* curve = f.layer->curves()[std::size_t(index)];
        QCOMPARE(curve->pen().color(), gdlab::ViewPalette::series(f.pinned->run(index).seriesIndex));
        QCOMPARE(curve->layer()->name(), QStringLiteral("pinned"));
    }
    QVERIFY(f.layer->curves()[0]->pen().color() != f.layer->curves()[1]->pen().color());
    // Rebuilding replaces.
    const int plottables = f.plot->plottableCount();
    f.layer->rebuild(*f.surface, true);
    QCOMPARE(f.plot->plottableCount(), plottables);
}

void TestPinnedPathsLayer::labelsAndTheLiveDifferences()
{
    Fixture f = fixture("five_points");
    f.layer->rebuild(*f.surface, true);
    QCOMPARE(f.layer->liveDifferences(), QString());
    QVERIFY(f.pinned->pinCurrent());
    setRate(*f.session, 0.08);
    f.layer->rebuild(*f.surface, true);
    f.layer->updateLabels();
    QCOMPARE(f.layer->curves()[0]->name(), QStringLiteral("lr 0.01"));
    QCOMPARE(f.layer->liveDifferences(), QStringLiteral("lr 0.08"));
}

void TestPinnedPathsLayer::noneWithoutASurface()
{
    Fixture f = fixture("five_points");
    QVERIFY(f.pinned->pinCurrent());
    const int plottables = f.plot->plottableCount();
    f.layer->rebuild(*f.surface, false);
    QVERIFY(f.layer->curves().empty());
    QCOMPARE(f.plot->plottableCount(), plottables);
    f.layer->setRuns(nullptr);
    f.layer->rebuild(*f.surface, true);
    QVERIFY(f.layer->curves().empty());
}

void TestPinnedPathsLayer::followsTheSlice()
{
    Fixture f = fixture("two_features_n100");
    QVERIFY(f.pinned->pinCurrent());
    const Eigen::VectorXd start = f.pinned->run(0).history().theta(0);
    f.surface->setParameters(0, 2);
    f.layer->rebuild(*f.surface, true);
    QCOMPARE(pointAt(f.layer->curves().front(), 0), QPointF(start(0), start(2)));
}

} // namespace tst_pinned_paths_layer

QTEST_MAIN(tst_pinned_paths_layer::TestPinnedPathsLayer)
#include "tst_pinned_paths_layer.moc"
