#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QtTest>

namespace tst_plot_style {

using gdlab::PlotStyle;

class TestPlotStyle : public QObject {
    Q_OBJECT

private slots:
    void normalIsTheWidgetsOwn();
    void presentationScalesEverything();
    void windowFontDoesNotCompound();
    void axisAndPlotFollowTheStyle();
    void logarithmicRangeWithPowersOfTen();
    void narrowLogarithmicRangeUsesPlainNumbers();
    void degenerateLogarithmicRange();
    void linear();
    void paletteColoursAreDistinct();
};

void TestPlotStyle::normalIsTheWidgetsOwn()
{
    QFont font = QApplication::font();
    font.setPointSizeF(10);
    QApplication::setFont(font);
    QWidget widget;
    const PlotStyle style(widget, false);
    QCOMPARE(style.scale(), 1.0);
    QVERIFY(!style.isPresentation());
    QCOMPARE(style.font().pointSizeF(), 10.0);
    QCOMPARE(style.font(0.9).pointSizeF(), 9.0);
    QCOMPARE(style.text(), widget.palette().color(QPalette::Text));
    QCOMPARE(style.background(), widget.palette().color(QPalette::Base));
    QCOMPARE(style.scaled(2.0), 2.0);
}

void TestPlotStyle::presentationScalesEverything()
{
    QFont font = QApplication::font();
    font.setPointSizeF(10);
    QApplication::setFont(font);
    QWidget widget;
    const PlotStyle style(widget, true);
    QCOMPARE(style.scale(), PlotStyle::presentationScale());
    QCOMPARE(style.font().pointSizeF(), 10.0 * PlotStyle::presentationScale());
    QCOMPARE(style.scaled(2.0), 2.0 * PlotStyle::presentationScale());
    QCOMPARE(style.textAlpha(40).alpha(), 40);
    QCOMPARE(style.textAlpha(40).rgb(), style.text().rgb());
}

// A window in presentation mode enlarges its own font for its panels; the plots inside must not enlarge that
// again, or they would grow by the scale squared.
void TestPlotStyle::windowFontDoesNotCompound()
{
    QFont font = QApplication::font();
    font.setPointSizeF(10);
    QApplication::setFont(font);
    QWidget window;
    QFont large = font;
    large.setPointSizeF(10 * PlotStyle::presentationScale());
    window.setFont(large);
    QWidget view(&window);
    QCOMPARE(PlotStyle(view, true).font().pointSizeF(), 10 * PlotStyle::presentationScale());
    QCOMPARE(PlotStyle(view, false).font().pointSizeF(), 10.0);
}

void TestPlotStyle::axisAndPlotFollowTheStyle()
{
    QCustomPlot plot;
    const PlotStyle style(plot, true);
    style.apply(&plot);
    QCOMPARE(plot.xAxis->labelFont().pointSizeF(), style.font().pointSizeF());
    QCOMPARE(plot.yAxis->tickLabelFont().pointSizeF(), style.font(0.9).pointSizeF());
    QCOMPARE(plot.xAxis->basePen().widthF(), PlotStyle::presentationScale());
    QCOMPARE(plot.yAxis->labelColor(), style.text());
    QCOMPARE(plot.legend->font().pointSizeF(), style.font(0.9).pointSizeF());
}

void TestPlotStyle::logarithmicRangeWithPowersOfTen()
{
    QCustomPlot plot;
    PlotStyle::setLogarithmicRange(plot.yAxis, 1e-6, 10.0);
    QCOMPARE(plot.yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(plot.yAxis->range().lower < 1e-6);
    QVERIFY(plot.yAxis->range().upper > 10.0);
    QVERIFY(!plot.yAxis->ticker().dynamicCast<QCPAxisTickerLog>().isNull());
    QVERIFY(!plot.yAxis->grid()->subGridVisible()); // seven decades: no sub-grid band
    PlotStyle::setLogarithmicRange(plot.yAxis, 1e-2, 10.0, 10.0);
    QVERIFY(plot.yAxis->grid()->subGridVisible());
    QVERIFY(plot.yAxis->range().upper > 100.0); // the headroom
}

void TestPlotStyle::narrowLogarithmicRangeUsesPlainNumbers()
{
    QCustomPlot plot;
    PlotStyle::setLogarithmicRange(plot.yAxis, 0.3, 0.9);
    QCOMPARE(plot.yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(plot.yAxis->ticker().dynamicCast<QCPAxisTickerLog>().isNull());
    QCOMPARE(plot.yAxis->numberFormat(), QStringLiteral("gb"));
}

void TestPlotStyle::degenerateLogarithmicRange()
{
    QCustomPlot plot;
    PlotStyle::setLogarithmicRange(plot.yAxis, 0.0, 0.0);
    QVERIFY(plot.yAxis->range().lower > 0);
    QVERIFY(plot.yAxis->range().upper > plot.yAxis->range().lower);
    PlotStyle::setLogarithmicRange(plot.yAxis, 5.0, 5.0);
    QVERIFY(plot.yAxis->range().contains(5.0));
}

void TestPlotStyle::linear()
{
    QCustomPlot plot;
    PlotStyle::setLogarithmicRange(plot.yAxis, 1e-6, 10.0);
    PlotStyle::setLinear(plot.yAxis);
    QCOMPARE(plot.yAxis->scaleType(), QCPAxis::stLinear);
    QVERIFY(plot.yAxis->ticker().dynamicCast<QCPAxisTickerLog>().isNull());
}

void TestPlotStyle::paletteColoursAreDistinct()
{
    using namespace gdlab::ViewPalette;
    const QList<QColor> meanings { current(), leastSquares(), data(), ghost(), gradient(), warning(), good() };
    for (int i = 0; i < meanings.size(); ++i)
        for (int j = i + 1; j < meanings.size(); ++j)
            QVERIFY2(meanings[i].rgb() != meanings[j].rgb(), qPrintable(QStringLiteral("%1 vs %2").arg(i).arg(j)));
    for (int k = 0; k < 6; ++k) {
        QVERIFY(!meanings.contains(series(k)));
        QCOMPARE(series(k), series(k + 6)); // the series repeats rather than failing
    }
}

} // namespace tst_plot_style

QTEST_MAIN(tst_plot_style::TestPlotStyle)
#include "tst_plot_style.moc"
