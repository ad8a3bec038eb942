#include "views/contour_lines_layer.h"

#include "views/contour_plot.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QtTest>

namespace tst_contour_lines_layer {

using gdlab::ContourLine;
using gdlab::ContourLinesLayer;

namespace {

ContourLine line(std::vector<gdlab::ContourPoint> points, bool closed)
{
    ContourLine result;
    result.points = std::move(points);
    result.closed = closed;
    return result;
}

} // namespace

class TestContourLinesLayer : public QObject {
    Q_OBJECT

private slots:
    void oneCurvePerLine();
    void closedLinesReturnToTheirStart();
    void thinLightAndUnderThePath();
    void redrawReplaces();
    void presentationIsThicker();
};

void TestContourLinesLayer::oneCurvePerLine()
{
    QCustomPlot plot;
    gdlab::ContourPlot::addLayers(&plot);
    ContourLinesLayer layer(&plot);
    const int legendItems = plot.legend->itemCount();
    layer.draw({ line({ { 0, 0 }, { 1, 1 } }, false), line({ { 2, 0 }, { 3, 0 }, { 3, 1 } }, false) });
    QCOMPARE(layer.curves().size(), std::size_t(2));
    QCOMPARE(layer.curves()[1]->data()->size(), 3);
    QCOMPARE(layer.curves()[1]->data()->at(2)->key, 3.0);
    QCOMPARE(layer.curves()[1]->data()->at(2)->value, 1.0);
    // Lines orient the eye; they are not something the legend names.
    QCOMPARE(plot.legend->itemCount(), legendItems);
}

void TestContourLinesLayer::closedLinesReturnToTheirStart()
{
    QCustomPlot plot;
    gdlab::ContourPlot::addLayers(&plot);
    ContourLinesLayer layer(&plot);
    layer.draw({ line({ { 0, 0 }, { 1, 0 }, { 1, 1 } }, true) });
    const auto data = layer.curves().front()->data();
    QCOMPARE(data->size(), 4);
    QCOMPARE(data->at(3)->key, 0.0);
    QCOMPARE(data->at(3)->value, 0.0);
}

void TestContourLinesLayer::thinLightAndUnderThePath()
{
    QCustomPlot plot;
    gdlab::ContourPlot::addLayers(&plot);
    ContourLinesLayer layer(&plot);
    layer.applyStyle(gdlab::PlotStyle(plot, false));
    layer.draw({ line({ { 0, 0 }, { 1, 1 } }, false) });
    const QCPCurve* curve = layer.curves().front();
    QVERIFY(curve->pen().widthF() <= 1.0);
    QVERIFY(curve->pen().isCosmetic());
    QCOMPARE(curve->pen().color(), gdlab::ViewPalette::contour());
    QCOMPARE(curve->layer()->name(), QStringLiteral("contours"));
    QVERIFY(curve->layer()->index() < plot.layer(QStringLiteral("path"))->index());
    QVERIFY(curve->layer()->index() > plot.layer(QStringLiteral("surface"))->index());
}

void TestContourLinesLayer::redrawReplaces()
{
    QCustomPlot plot;
    gdlab::ContourPlot::addLayers(&plot);
    ContourLinesLayer layer(&plot);
    const int plottables = plot.plottableCount();
    layer.draw({ line({ { 0, 0 }, { 1, 1 } }, false), line({ { 0, 1 }, { 1, 0 } }, false) });
    layer.draw({ line({ { 0, 0 }, { 1, 1 } }, false) });
    QCOMPARE(plot.plottableCount(), plottables + 1);
    layer.clear();
    QCOMPARE(plot.plottableCount(), plottables);
    QVERIFY(layer.curves().empty());
}

void TestContourLinesLayer::presentationIsThicker()
{
    QCustomPlot plot;
    gdlab::ContourPlot::addLayers(&plot);
    ContourLinesLayer layer(&plot);
    layer.draw({ line({ { 0, 0 }, { 1, 1 } }, false) });
    layer.applyStyle(gdlab::PlotStyle(plot, false));
    const double width = layer.curves().front()->pen().widthF();
    layer.applyStyle(gdlab::PlotStyle(plot, true));
    QCOMPARE(layer.curves().front()->pen().widthF(), width * gdlab::PlotStyle::presentationScale());
    // Lines drawn later get the style in force.
    layer.draw({ line({ { 0, 0 }, { 1, 1 } }, false) });
    QCOMPARE(layer.curves().front()->pen().widthF(), width * gdlab::PlotStyle::presentationScale());
}

} // namespace tst_contour_lines_layer

QTEST_MAIN(tst_contour_lines_layer::TestContourLinesLayer)
#include "tst_contour_lines_layer.moc"
