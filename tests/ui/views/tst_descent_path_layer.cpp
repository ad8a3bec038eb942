#include "support/lesson_session.h"
#include "views/descent_path_layer.h"

#include "path_thinning.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "views/contour_plot.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QtTest>

namespace tst_descent_path_layer {

using gdlab::DescentPathLayer;
using gdlab::ErrorSurfaceModel;
using gdlab::IterationModel;

namespace {

struct Fixture {
    std::unique_ptr<gdlab::SessionController> session;
    std::unique_ptr<ErrorSurfaceModel> surface;
    std::unique_ptr<QCustomPlot> plot;
    std::unique_ptr<DescentPathLayer> path;
};

/** A path over the surface's grid, as the contour view shows it. */
Fixture fixture(const char* lesson)
{
    Fixture f;
    f.session = gdlab::test::sessionWith(lesson);
    f.surface = std::make_unique<ErrorSurfaceModel>(f.session->model());
    f.plot = std::make_unique<QCustomPlot>();
    gdlab::ContourPlot::addLayers(f.plot.get());
    const gdlab::SurfaceGrid& grid = f.surface->grid();
    f.plot->xAxis->setRange(grid.x.min, grid.x.max);
    f.plot->yAxis->setRange(grid.y.min, grid.y.max);
    f.path = std::make_unique<DescentPathLayer>(f.plot.get());
    return f;
}

QPointF pointAt(const QCPCurve* curve, int index)
{
    const QCPCurveData& point = *(curve->data()->constBegin() + index);
    return { point.key, point.value };
}

QPointF last(const QCPCurve* curve)
{
    return pointAt(curve, curve->data()->size() - 1);
}

} // namespace

class TestDescentPathLayer : public QObject {
    Q_OBJECT

private slots:
    void fromTheStartToTheRow_data();
    void fromTheStartToTheRow();
    void longHistoriesAreThinned();
    void extendingEqualsThinningAnew();
    void stepDotsOnShortPaths();
    void climbingPathFadesNewestBrightest();
    void namedByWhatDiffers();
    void thinningFollowsTheView();
};

void TestDescentPathLayer::fromTheStartToTheRow_data()
{
    QTest::addColumn<int>("row");
    QTest::addRow("start") << 0;
    QTest::addRow("early") << 7;
    QTest::addRow("middle") << 500;
    QTest::addRow("end") << 1000;
}

void TestDescentPathLayer::fromTheStartToTheRow()
{
    QFETCH(int, row);
    Fixture f = fixture("five_points");
    const IterationModel& model = *f.session->model();
    f.path->reset();
    f.path->show(model, *f.surface, row);
    const QCPCurve* curve = f.path->curve();
    QCOMPARE(pointAt(curve, 0), f.surface->slicePoint(model.theta(0)));
    QCOMPARE(last(curve), f.surface->slicePoint(model.theta(row)));
    QVERIFY(curve->data()->size() <= row + 1);
    QCOMPARE(curve->layer()->name(), QStringLiteral("path"));
}

void TestDescentPathLayer::longHistoriesAreThinned()
{
    Fixture f = fixture("two_features_n50"); // 100,000 updates
    const IterationModel& model = *f.session->model();
    f.path->reset();
    f.path->show(model, *f.surface, model.lastRow());
    QVERIFY2(f.path->curve()->data()->size() < 5000, qPrintable(QString::number(f.path->curve()->data()->size())));
    QVERIFY(f.path->curve()->data()->size() > 10);
    // A row between kept points still ends the path exactly at its θ.
    f.path->show(model, *f.surface, model.lastRow() - 3);
    QCOMPARE(last(f.path->curve()), f.surface->slicePoint(model.theta(model.lastRow() - 3)));
}

void TestDescentPathLayer::extendingEqualsThinningAnew()
{
    Fixture f = fixture("two_features_n100");
    IterationModel& model = *f.session->model();
    f.path->reset();
    f.path->show(model, *f.surface, model.lastRow());
    const auto whole = f.path->curve()->data();
    std::vector<QPointF> expected;
    for (int k = 0; k < whole->size(); ++k)
        expected.push_back(pointAt(f.path->curve(), k));

    // The same run streamed in three parts.
    auto streaming = std::make_shared<gdlab::Run>(*model.run());
    streaming->outcome.reset();
    model.setRun(streaming, 0, 1);
    f.path->reset();
    f.path->show(model, *f.surface, model.lastRow());
    for (int rows : { 150, 401 }) {
        const int first = model.rowCount();
        model.appendRows(rows);
        f.path->extend(model, *f.surface, first);
    }
    f.path->show(model, *f.surface, model.lastRow());
    QCOMPARE(f.path->curve()->data()->size(), int(expected.size()));
    for (int k = 0; k < int(expected.size()); ++k)
        QCOMPARE(pointAt(f.path->curve(), k), expected[std::size_t(k)]);
}

void TestDescentPathLayer::stepDotsOnShortPaths()
{
    Fixture f = fixture("five_points");
    const IterationModel& model = *f.session->model();
    f.path->applyStyle(gdlab::PlotStyle(*f.plot, false));
    f.path->reset();
    f.path->show(model, *f.surface, 20);
    QCOMPARE(f.path->curve()->scatterStyle().shape(), QCPScatterStyle::ssDisc);
    QCOMPARE(f.path->curve()->pen().color(), gdlab::ViewPalette::current());
    const double size = f.path->curve()->scatterStyle().size();
    f.path->applyStyle(gdlab::PlotStyle(*f.plot, true));
    QCOMPARE(f.path->curve()->scatterStyle().size(), size * gdlab::PlotStyle::presentationScale());
    QCOMPARE(
        DescentPathLayer::stepDots(DescentPathLayer::stepDotLimit + 1, Qt::black, 4).shape(), QCPScatterStyle::ssNone);
    QCOMPARE(DescentPathLayer::stepDots(DescentPathLayer::stepDotLimit, Qt::black, 4).shape(), QCPScatterStyle::ssDisc);
}

// A diverging run's path fades with age: the whole path faint, bands over it from the oldest to the newest steps
// ever more opaque, the newest in full colour and ending at the current θ. A converging path does not fade.
void TestDescentPathLayer::climbingPathFadesNewestBrightest()
{
    Fixture f = fixture("five_points");
    const IterationModel& model = *f.session->model();
    f.path->applyStyle(gdlab::PlotStyle(*f.plot, false));
    f.path->reset();
    f.path->show(model, *f.surface, 200);
    QVERIFY(!f.path->isFading());
    for (const QCPCurve* band : f.path->fadeCurves())
        QCOMPARE(band->data()->size(), 0);
    QCOMPARE(f.path->curve()->pen().color(), gdlab::ViewPalette::current());

    QVERIFY(f.session->setLearningRate(0.09).isEmpty());
    f.session->waitForComputation();
    f.path->reset();
    f.path->show(model, *f.surface, 30);
    QVERIFY(f.path->isFading());
    const auto& bands = f.path->fadeCurves();
    QCOMPARE(int(bands.size()), DescentPathLayer::fadeBands);
    QCOMPARE(f.path->curve()->pen().color().alpha(), DescentPathLayer::oldestAlpha);
    int alpha = f.path->curve()->pen().color().alpha();
    int points = 0;
    for (const QCPCurve* band : bands) {
        QVERIFY(band->pen().color().alpha() > alpha);
        alpha = band->pen().color().alpha();
        QVERIFY(band->data()->size() >= 2);
        points += band->data()->size() - 1; // consecutive bands share their boundary point
    }
    QCOMPARE(alpha, 255);
    QCOMPARE(points, f.path->curve()->data()->size() - 1);
    QCOMPARE(last(bands.back()), last(f.path->curve()));
    QCOMPARE(pointAt(bands.front(), 0), pointAt(f.path->curve(), 0));
}

void TestDescentPathLayer::namedByWhatDiffers()
{
    QCustomPlot plot;
    DescentPathLayer path(&plot);
    QCOMPARE(path.curve()->name(), QStringLiteral("descent path"));
    path.setDifferences(QStringLiteral("lr 0.08"));
    QCOMPARE(path.curve()->name(), QStringLiteral("descent path (lr 0.08)"));
    path.setDifferences({});
    QCOMPARE(path.curve()->name(), QStringLiteral("descent path"));
}

void TestDescentPathLayer::thinningFollowsTheView()
{
    QCustomPlot plot;
    plot.xAxis->setRange(0, 8000);
    plot.yAxis->setRange(0, 80);
    gdlab::PathThinning thinning = DescentPathLayer::thinningFor(plot);
    QVERIFY(thinning.keep(0, 0));
    QVERIFY(!thinning.keep(0.9, 0.009)); // under a step of the view on both axes
    QVERIFY(thinning.keep(1.0, 0)); // a step of 1/8000 of the x axis
}

} // namespace tst_descent_path_layer

QTEST_MAIN(tst_descent_path_layer::TestDescentPathLayer)
#include "tst_descent_path_layer.moc"
