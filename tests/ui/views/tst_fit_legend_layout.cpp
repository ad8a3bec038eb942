#include "views/fit_legend_layout.h"

#include "support/prepared_runs.h"
#include "support/test_metatypes.h"
#include "views/fit_ghost_layer.h"
#include "views/fit_points.h"
#include "views/label_placement.h"
#include "views/plot_style.h"

#include <qcustomplot.h>

#include <QtTest>

namespace tst_fit_legend_layout {

using gdlab::FitGhostLayer;
using gdlab::FitLegendLayout;
using gdlab::FitLines;
using gdlab::FitPoints;
using gdlab::PlotStyle;
using gdlab::test::preparedRun;

class TestFitLegendLayout : public QObject {
    Q_OBJECT

private slots:
    void emptiestCorner_data();
    void emptiestCorner();
    void legendFits_data();
    void legendFits();
    void entriesInOrder();
    void legendGoesWhereThePointsAreNot();
    void labelsOfCloseLinesDoNotOverlap();
    void labelsKeepAirAroundPoints();
    void smallViewDropsTheLegend();
};

void TestFitLegendLayout::emptiestCorner_data()
{
    QTest::addColumn<QVector<double>>("across");
    QTest::addColumn<QVector<double>>("up");
    QTest::addColumn<Qt::Alignment>("corner");
    QTest::newRow("no points: the first") << QVector<double>() << QVector<double>() << (Qt::AlignTop | Qt::AlignLeft);
    QTest::newRow("rising data") << QVector<double>({ 0.1, 0.2, 0.8, 0.9 }) << QVector<double>({ 0.1, 0.2, 0.8, 0.9 })
                                 << (Qt::AlignTop | Qt::AlignLeft);
    QTest::newRow("all but bottom right") << QVector<double>({ 0.1, 0.9, 0.1 }) << QVector<double>({ 0.9, 0.9, 0.1 })
                                          << (Qt::AlignBottom | Qt::AlignRight);
    QTest::newRow("fewest top right") << QVector<double>({ 0.1, 0.1, 0.9, 0.1, 0.9, 0.9, 0.9 })
                                      << QVector<double>({ 0.9, 0.9, 0.9, 0.1, 0.1, 0.2, 0.3 })
                                      << (Qt::AlignTop | Qt::AlignRight);
    // Points in the middle bands count for no corner.
    QTest::newRow("middle ignored") << QVector<double>({ 0.5, 0.5, 0.9, 0.1, 0.1 })
                                    << QVector<double>({ 0.9, 0.9, 0.5, 0.1, 0.9 }) << (Qt::AlignTop | Qt::AlignRight);
}

void TestFitLegendLayout::emptiestCorner()
{
    QFETCH(QVector<double>, across);
    QFETCH(QVector<double>, up);
    QFETCH(Qt::Alignment, corner);
    QCOMPARE(FitLegendLayout::emptiestCorner(across, up), corner);
}

void TestFitLegendLayout::legendFits_data()
{
    QTest::addColumn<QSize>("legend");
    QTest::addColumn<bool>("fits");
    // In a 400 x 300 area: at most 60 % of the width and half the height.
    QTest::newRow("small") << QSize(100, 80) << true;
    QTest::newRow("just") << QSize(240, 150) << true;
    QTest::newRow("too wide") << QSize(241, 80) << false;
    QTest::newRow("too tall") << QSize(100, 151) << false;
}

void TestFitLegendLayout::legendFits()
{
    QFETCH(QSize, legend);
    QFETCH(bool, fits);
    QCOMPARE(FitLegendLayout::legendFits(legend, QSize(400, 300)), fits);
}

void TestFitLegendLayout::entriesInOrder()
{
    QCustomPlot plot;
    FitLegendLayout layout(&plot);
    QCPGraph* a = plot.addGraph();
    QCPGraph* b = plot.addGraph();
    QCPGraph* c = plot.addGraph();
    layout.setEntries({ c, a });
    QCOMPARE(plot.legend->itemCount(), 2);
    QCOMPARE(plot.legend->itemWithPlottable(c), plot.legend->item(0));
    QCOMPARE(plot.legend->itemWithPlottable(a), plot.legend->item(1));
    QVERIFY(!plot.legend->hasItemWithPlottable(b));
    layout.setEntries({ b });
    QCOMPARE(plot.legend->itemCount(), 1);
}

void TestFitLegendLayout::legendGoesWhereThePointsAreNot()
{
    QCustomPlot plot;
    FitLegendLayout layout(&plot);
    plot.xAxis->setRange(0, 10);
    plot.yAxis->setRange(0, 10);
    // Points top left, top right and bottom left: the bottom right is free.
    const auto run = preparedRun({ "x", "y" }, (Eigen::MatrixXd(3, 2) << 1, 9, 9, 9, 1, 1).finished());
    FitPoints points;
    points.reset(run.get());
    points.arrange(true, 0);
    layout.placeLegend(points);
    QCOMPARE(plot.axisRect()->insetLayout()->insetAlignment(0), Qt::AlignBottom | Qt::AlignRight);
    // Predicted against actual: always the top left, where y = x leaves room.
    points.arrange(false, 0);
    layout.placeLegend(points);
    QCOMPARE(plot.axisRect()->insetLayout()->insetAlignment(0), Qt::AlignTop | Qt::AlignLeft);
}

QRectF labelRect(const QCPItemText* label)
{
    return QRectF(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition());
}

void TestFitLegendLayout::labelsOfCloseLinesDoNotOverlap()
{
    QCustomPlot plot;
    plot.resize(500, 400);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    FitLegendLayout layout(&plot);
    FitGhostLayer ghosts(&plot, plot.layer("main"), QStringLiteral("earlier fits"));
    plot.xAxis->setRange(0, 10);
    plot.yAxis->setRange(0, 10);
    // A point where the first label would go at the right edge.
    QCPGraph* points = plot.addGraph();
    points->setData({ 9.5, 3.0 }, { 5.3, 2.0 });
    ghosts.setGhosts({ { FitLines::Line { 5.0, 0.0 }, QStringLiteral("after 100 steps") },
                         { FitLines::Line { 5.01, 0.0 }, QStringLiteral("after 1000 steps") },
                         { FitLines::Line { 50.0, 0.0 }, QStringLiteral("out of sight") } },
        -10, 20, 10);
    ghosts.applyStyle(PlotStyle(plot, false));
    plot.replot();
    layout.arrange(ghosts, points, 8);
    QCPItemText* first = ghosts.labels()[0];
    QCPItemText* second = ghosts.labels()[1];
    QVERIFY(first->visible() && second->visible());
    QVERIFY(!ghosts.labels()[2]->visible()); // its line misses the view
    plot.replot();
    const QRectF a = labelRect(first);
    const QRectF b = labelRect(second);
    QVERIFY2(!a.intersects(b), "labels of lines that nearly coincide must not overlap");
    for (const auto& point : *points->data()) {
        // Not even touching: two pixels of air on every side of the 8-pixel marker.
        const QRectF marker = gdlab::LabelPlacement::around(
            plot.xAxis->coordToPixel(point.key), plot.yAxis->coordToPixel(point.value), 8 + 4);
        QVERIFY(!a.intersects(marker) && !b.intersects(marker));
    }
    // Each label touches its own line (y = 5 here): above it or below it.
    const double line = plot.yAxis->coordToPixel(5.0);
    for (const QRectF& rect : { a, b })
        QVERIFY(std::abs(rect.bottom() - line) < 2 || std::abs(rect.top() - line) < 2);
    // Both inside the plot's area.
    const QRectF area = plot.axisRect()->rect();
    QVERIFY(area.adjusted(-1, -1, 1, 1).contains(a) && area.adjusted(-1, -1, 1, 1).contains(b));
}

// A point just above where a label would sit at the right edge, close enough to touch it: the label goes elsewhere
// (the five points' "after 1000 steps" touched the top-right point at 1024×700).
void TestFitLegendLayout::labelsKeepAirAroundPoints()
{
    QCustomPlot plot;
    plot.resize(500, 400);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    FitLegendLayout layout(&plot);
    FitGhostLayer ghosts(&plot, plot.layer("main"), QStringLiteral("earlier fits"));
    plot.xAxis->setRange(0, 10);
    plot.yAxis->setRange(0, 10);
    ghosts.setGhosts({ { FitLines::Line { 5.0, 0.0 }, QStringLiteral("after 1000 steps") } }, -10, 20, 10);
    ghosts.applyStyle(PlotStyle(plot, false));
    plot.replot();
    layout.arrange(ghosts, nullptr, 8);
    plot.replot();
    const QRectF alone = labelRect(ghosts.labels()[0]);
    // The marker's edge 1.5 pixels above the label's top.
    QCPGraph* points = plot.addGraph();
    const double x = plot.xAxis->pixelToCoord(alone.right() - 20);
    const double y = plot.yAxis->pixelToCoord(alone.top() - 4 - 1.5);
    points->setData({ x }, { y });
    layout.arrange(ghosts, points, 8);
    plot.replot();
    const QRectF label = labelRect(ghosts.labels()[0]);
    const QRectF withAir
        = gdlab::LabelPlacement::around(plot.xAxis->coordToPixel(x), plot.yAxis->coordToPixel(y), 8 + 4);
    QVERIFY2(!label.intersects(withAir), "a label must not touch a data point");
}

void TestFitLegendLayout::smallViewDropsTheLegend()
{
    QCustomPlot plot;
    FitLegendLayout layout(&plot);
    FitGhostLayer ghosts(&plot, plot.layer("main"), QStringLiteral("earlier fits"));
    for (int i = 0; i < 4; ++i)
        plot.addGraph()->setName(QStringLiteral("a rather long legend entry %1").arg(i));
    layout.setEntries({ plot.graph(0), plot.graph(1), plot.graph(2), plot.graph(3) });
    plot.resize(700, 500);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.replot();
    layout.arrange(ghosts);
    QVERIFY(plot.legend->visible());
    plot.resize(220, 160);
    QTRY_COMPARE(plot.viewport().size(), QSize(220, 160));
    plot.replot();
    layout.arrange(ghosts);
    QVERIFY(!plot.legend->visible());
}

} // namespace tst_fit_legend_layout

QTEST_MAIN(tst_fit_legend_layout::TestFitLegendLayout)
#include "tst_fit_legend_layout.moc"
