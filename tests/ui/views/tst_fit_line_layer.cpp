#include "views/fit_line_layer.h"

#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>

namespace tst_fit_line_layer {

using gdlab::FitLineLayer;
using gdlab::FitLines;
using gdlab::PlotStyle;

class TestFitLineLayer : public QObject {
    Q_OBJECT

private slots:
    void drawsTheLineAcrossTheSpan();
    void noLineClearsIt();
    void styleScalesTheWidthOnly();
    void onTheLayerGiven();
    void followsTheScheme();
};

void TestFitLineLayer::drawsTheLineAcrossTheSpan()
{
    QCustomPlot plot;
    FitLineLayer layer(&plot, plot.layer("main"), &gdlab::ViewPalette::current, 2.0, Qt::DashLine);
    layer.setLine(FitLines::Line { 0.5, 2.0 }, -3, 7);
    const auto data = layer.graph()->data();
    QCOMPARE(data->size(), 2);
    QCOMPARE(data->at(0)->key, -3.0);
    QCOMPARE(data->at(0)->value, 0.5 - 6.0);
    QCOMPARE(data->at(1)->key, 7.0);
    QCOMPARE(data->at(1)->value, 0.5 + 14.0);
    QCOMPARE(layer.at(0), 0.5);
    QCOMPARE(layer.at(1), 2.5);
}

void TestFitLineLayer::noLineClearsIt()
{
    QCustomPlot plot;
    FitLineLayer layer(&plot, plot.layer("main"), &gdlab::ViewPalette::current, 2.0, Qt::SolidLine);
    layer.setLine(FitLines::Line { 1, 1 }, 0, 1);
    layer.setLine(std::nullopt, 0, 1);
    QCOMPARE(layer.graph()->data()->size(), 0);
    QVERIFY(std::isnan(layer.at(0)));
}

void TestFitLineLayer::styleScalesTheWidthOnly()
{
    QCustomPlot plot;
    QWidget widget;
    FitLineLayer layer(&plot, plot.layer("main"), &gdlab::ViewPalette::leastSquares, 2.0, Qt::DashLine);
    layer.applyStyle(PlotStyle(widget, false));
    QCOMPARE(layer.graph()->pen().widthF(), 2.0);
    QCOMPARE(layer.graph()->pen().style(), Qt::DashLine);
    QCOMPARE(layer.graph()->pen().color(), gdlab::ViewPalette::leastSquares());
    layer.applyStyle(PlotStyle(widget, true));
    QCOMPARE(layer.graph()->pen().widthF(), 2.0 * PlotStyle::presentationScale());
    QCOMPARE(layer.graph()->pen().style(), Qt::DashLine);
}

void TestFitLineLayer::onTheLayerGiven()
{
    QCustomPlot plot;
    plot.addLayer(QStringLiteral("lines"));
    FitLineLayer layer(&plot, plot.layer("lines"), &gdlab::ViewPalette::leastSquares, 1.0, Qt::SolidLine);
    QCOMPARE(layer.graph()->layer(), plot.layer("lines"));
}

// The colour is read again at each restyle: a theme's change reaches the line without making it anew.
void TestFitLineLayer::followsTheScheme()
{
    QCustomPlot plot;
    QWidget widget;
    FitLineLayer layer(&plot, plot.layer("main"), &gdlab::ViewPalette::current, 3.0, Qt::SolidLine);
    layer.applyStyle(PlotStyle(widget, false));
    const QColor light = layer.graph()->pen().color();
    gdlab::ViewPalette::setScheme(gdlab::PaletteScheme::Dark);
    layer.applyStyle(PlotStyle(widget, false));
    const QColor dark = layer.graph()->pen().color();
    const QColor expected = gdlab::ViewPalette::current();
    gdlab::ViewPalette::setScheme(gdlab::PaletteScheme::Light);
    QCOMPARE(dark, expected);
    QVERIFY(dark != light);
}

} // namespace tst_fit_line_layer

QTEST_MAIN(tst_fit_line_layer::TestFitLineLayer)
#include "tst_fit_line_layer.moc"
