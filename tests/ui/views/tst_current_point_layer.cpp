#include "support/lesson_session.h"
#include "support/model_states.h"
#include "views/current_point_layer.h"

#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "views/contour_plot.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>

namespace tst_current_point_layer {

using gdlab::CurrentPointLayer;
using gdlab::ErrorSurfaceModel;
using gdlab::IterationModel;

namespace {

struct Fixture {
    std::unique_ptr<gdlab::SessionController> session;
    std::unique_ptr<ErrorSurfaceModel> surface;
    std::unique_ptr<QCustomPlot> plot;
    std::unique_ptr<CurrentPointLayer> layer;
};

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
    f.layer = std::make_unique<CurrentPointLayer>(f.plot.get());
    return f;
}

} // namespace

class TestCurrentPointLayer : public QObject {
    Q_OBJECT

private slots:
    void pointAtTheRowsTheta();
    void arrowPointsDownhill_data();
    void arrowPointsDownhill();
    void noArrowAtTheOptimum();
    void arrowOverTheMarkers();
    void presentationEnlarges();
};

void TestCurrentPointLayer::pointAtTheRowsTheta()
{
    Fixture f = fixture("two_features_n100");
    const IterationModel& model = *f.session->model();
    f.layer->show(model, *f.surface, 12);
    QCOMPARE(f.layer->point()->data()->size(), 1);
    const QCPCurveData& point = *f.layer->point()->data()->constBegin();
    QCOMPARE(QPointF(point.key, point.value), QPointF(model.theta(12)(1), model.theta(12)(2)));
    QCOMPARE(f.layer->point()->name(), QStringLiteral("current θ"));
    f.layer->clear();
    QVERIFY(f.layer->point()->data()->isEmpty());
    QVERIFY(!f.layer->arrow()->visible());
}

void TestCurrentPointLayer::arrowPointsDownhill_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("row");
    QTest::addRow("five points, start") << QStringLiteral("five_points") << 0;
    QTest::addRow("five points, row 5") << QStringLiteral("five_points") << 5;
    QTest::addRow("two features, a slice") << QStringLiteral("two_features_n100") << 30;
}

void TestCurrentPointLayer::arrowPointsDownhill()
{
    QFETCH(QString, lesson);
    QFETCH(int, row);
    Fixture f = fixture(qPrintable(lesson));
    const IterationModel& model = *f.session->model();
    f.layer->show(model, *f.surface, row);
    const QCPItemLine* arrow = f.layer->arrow();
    QVERIFY(arrow->visible());
    const Eigen::VectorXd gradient = gdlab::test::stateAt(model, row).gradient;
    const double gx = gradient(f.surface->xParameter());
    const double gy = gradient(f.surface->yParameter());
    QCOMPARE(arrow->start->coords(), f.surface->slicePoint(model.theta(row)));
    const QPointF direction = arrow->end->coords() - arrow->start->coords();
    // Parallel to −∇ and the same way.
    QVERIFY(std::abs(direction.x() * -gy - direction.y() * -gx)
        <= 1e-9 * std::hypot(direction.x(), direction.y()) * std::hypot(gx, gy));
    QVERIFY(direction.x() * -gx + direction.y() * -gy > 0);
    // A fixed fraction of the view.
    const double spanX = f.plot->xAxis->range().size();
    const double spanY = f.plot->yAxis->range().size();
    QVERIFY(std::abs(std::hypot(direction.x() / spanX, direction.y() / spanY) - CurrentPointLayer::arrowViewFraction)
        < 1e-9);
}

void TestCurrentPointLayer::noArrowAtTheOptimum()
{
    // Standardized, at the optimal rate: the descent lands on the optimum, where |∇| is rounding noise.
    Fixture f = fixture("nist_norris");
    const IterationModel& model = *f.session->model();
    QVERIFY(model.gradientNorm(model.lastRow()) < 1e-9 * model.gradientNorm(0));
    f.layer->show(model, *f.surface, model.lastRow());
    QVERIFY(!f.layer->arrow()->visible());
    QCOMPARE(f.layer->point()->data()->size(), 1);
    f.layer->show(model, *f.surface, 0);
    QVERIFY(f.layer->arrow()->visible());
}

void TestCurrentPointLayer::arrowOverTheMarkers()
{
    QCustomPlot plot;
    gdlab::ContourPlot::addLayers(&plot);
    CurrentPointLayer layer(&plot);
    QVERIFY(layer.arrow()->layer()->index() > layer.point()->layer()->index());
    QVERIFY(layer.arrow()->clipToAxisRect());
}

void TestCurrentPointLayer::presentationEnlarges()
{
    QCustomPlot plot;
    gdlab::ContourPlot::addLayers(&plot);
    CurrentPointLayer layer(&plot);
    layer.applyStyle(gdlab::PlotStyle(plot, false));
    const double size = layer.point()->scatterStyle().size();
    const double width = layer.arrow()->pen().widthF();
    QCOMPARE(layer.arrow()->pen().color(), gdlab::ViewPalette::gradient());
    QCOMPARE(layer.point()->scatterStyle().brush().color(), gdlab::ViewPalette::current());
    layer.applyStyle(gdlab::PlotStyle(plot, true));
    QCOMPARE(layer.point()->scatterStyle().size(), size * gdlab::PlotStyle::presentationScale());
    QCOMPARE(layer.arrow()->pen().widthF(), width * gdlab::PlotStyle::presentationScale());
    QCOMPARE(CurrentPointLayer::arrowPen(gdlab::PlotStyle(plot, true)), layer.arrow()->pen());
}

} // namespace tst_current_point_layer

QTEST_MAIN(tst_current_point_layer::TestCurrentPointLayer)
#include "tst_current_point_layer.moc"
