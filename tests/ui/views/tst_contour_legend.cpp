#include "views/contour_legend.h"

#include "views/current_point_layer.h"
#include "views/plot_style.h"

#include <qcustomplot.h>

#include <QtTest>

#include <vector>

namespace tst_contour_legend {

using gdlab::ContourLegend;

using Widths = std::vector<int>;
} // namespace tst_contour_legend
Q_DECLARE_METATYPE(tst_contour_legend::Widths)
namespace tst_contour_legend {

class TestContourLegend : public QObject {
    Q_OBJECT

private slots:
    void columnsThatFit_data();
    void columnsThatFit();
    void belowTheMap();
    void anEntryForTheArrow();
    void wrapsToTheWidth();
    void leftOutOfAShortPlot();
};

void TestContourLegend::columnsThatFit_data()
{
    QTest::addColumn<Widths>("widths");
    QTest::addColumn<int>("usable");
    QTest::addColumn<int>("columns");
    QTest::addRow("all in a row") << Widths { 100, 80, 90 } << 400 << 3;
    QTest::addRow("exactly") << Widths { 100, 80, 90 } << 100 + 80 + 90 + 2 * 12 << 3;
    QTest::addRow("one pixel short") << Widths { 100, 80, 90 } << 100 + 80 + 90 + 2 * 12 - 1 << 2;
    // Two columns: entries 0 and 2 share the first, so it is as wide as the wider of them.
    QTest::addRow("columns as wide as their widest") << Widths { 50, 60, 200, 10 } << 200 + 60 + 12 << 2;
    QTest::addRow("nothing fits") << Widths { 300, 300 } << 100 << 1;
    QTest::addRow("no entries") << Widths {} << 100 << 1;
}

void TestContourLegend::columnsThatFit()
{
    QFETCH(Widths, widths);
    QFETCH(int, usable);
    QFETCH(int, columns);
    QCOMPARE(ContourLegend::columnsThatFit(widths, usable, 12), columns);
}

void TestContourLegend::belowTheMap()
{
    QCustomPlot plot;
    auto* scale = new QCPColorScale(&plot);
    plot.plotLayout()->addElement(0, 1, scale);
    ContourLegend legend(&plot, scale);
    QVERIFY(plot.legend->visible());
    QCOMPARE(plot.plotLayout()->element(1, 0), plot.legend);
    QCOMPARE(plot.axisRect()->insetLayout()->elementCount(), 0);
}

void TestContourLegend::anEntryForTheArrow()
{
    QCustomPlot plot;
    auto* scale = new QCPColorScale(&plot);
    plot.plotLayout()->addElement(0, 1, scale);
    ContourLegend legend(&plot, scale);
    legend.applyStyle(gdlab::PlotStyle(plot, false));
    QVERIFY(plot.legend->hasItemWithPlottable(legend.arrowEntry()));
    QCOMPARE(legend.arrowEntry()->name(), QStringLiteral("−∇ direction (fixed length)"));
    QCOMPARE(legend.arrowEntry()->pen(), gdlab::CurrentPointLayer::arrowPen(gdlab::PlotStyle(plot, false)));
    QVERIFY(legend.arrowEntry()->data()->isEmpty());
    // Below the map the legend needs no frame.
    QCOMPARE(plot.legend->borderPen().style(), Qt::NoPen);
}

void TestContourLegend::wrapsToTheWidth()
{
    QCustomPlot plot;
    auto* scale = new QCPColorScale(&plot);
    plot.plotLayout()->addElement(0, 1, scale);
    ContourLegend legend(&plot, scale);
    for (const char* name : { "descent path (lr 0.08)", "current θ", "least squares", "lr 0.01, sgd, sse" }) {
        QCPGraph* graph = plot.addGraph();
        graph->setName(QString::fromUtf8(name));
    }
    plot.resize(1600, 300);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.replot();
    QCOMPARE(plot.legend->wrap(), plot.legend->itemCount());
    plot.resize(300, 300);
    plot.replot();
    const int narrow = plot.legend->wrap();
    QVERIFY(narrow < 5);
    QVERIFY(narrow >= 1);
    plot.replot(); // the layout settles
    QVERIFY2(plot.legend->outerRect().width() <= plot.width(),
        qPrintable(QStringLiteral("%1 > %2").arg(plot.legend->outerRect().width()).arg(plot.width())));
}

// Presentation mode on a small screen: a legend that would take more than its share of the plot's height is left
// out (not drawn, no row) so the map keeps its height, and comes back below the map when the plot grows.
void TestContourLegend::leftOutOfAShortPlot()
{
    QCustomPlot plot;
    auto* scale = new QCPColorScale(&plot);
    plot.plotLayout()->addElement(0, 1, scale);
    ContourLegend legend(&plot, scale);
    for (const char* name : { "descent path (lr 0.2, gd)", "current θ", "least squares", "momentum", "lr 0.5, adam" })
        plot.addGraph()->setName(QString::fromUtf8(name));
    plot.resize(300, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.replot();
    QCOMPARE(plot.plotLayout()->element(1, 0), plot.legend);
    plot.resize(300, 160);
    plot.replot();
    plot.replot();
    QVERIFY(plot.legend->layout() == nullptr);
    QCOMPARE(plot.plotLayout()->rowCount(), 1);
    QVERIFY(!plot.legend->realVisibility()); // on a layer that is not drawn
    const int mapHeight = plot.axisRect()->outerRect().height();
    QVERIFY2(mapHeight > 100, qPrintable(QString::number(mapHeight)));
    plot.resize(300, 600);
    plot.replot();
    QCOMPARE(plot.plotLayout()->element(1, 0), plot.legend);
    QVERIFY(plot.legend->realVisibility());
    QVERIFY(plot.legend->item(0)->realVisibility());
}

} // namespace tst_contour_legend

QTEST_MAIN(tst_contour_legend::TestContourLegend)
#include "tst_contour_legend.moc"
