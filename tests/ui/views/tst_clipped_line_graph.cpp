// A line whose ends lie far outside the view is drawn clipped to it: the picture is the one QCustomPlot draws
// without clipping, pixel for pixel, and parts that never enter the view are not drawn at all.

#include "views/clipped_line_graph.h"

#include <qcustomplot.h>

#include <QtTest>

#include <algorithm>
#include <cstdlib>

namespace tst_clipped_line_graph {

namespace {

/** A 400 × 300 plot from 0 to 10 on both axes with one line through the points given, in a wide pen. */
QImage drawLine(const QVector<double>& keys, const QVector<double>& values, bool clipped)
{
    QCustomPlot plot;
    plot.resize(400, 300);
    plot.xAxis->setRange(0, 10);
    plot.yAxis->setRange(0, 10);
    QCPGraph* graph = clipped ? gdlab::addClippedLineGraph(&plot) : plot.addGraph();
    graph->setPen(QPen(Qt::darkRed, 3));
    graph->setData(keys, values, true);
    return plot.toPixmap(400, 300).toImage();
}

/** Pixels whose colour differs by more than antialiasing's rounding (a few levels of a channel). */
int differingPixels(const QImage& a, const QImage& b)
{
    constexpr int rounding = 24;
    int count = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            const int difference = std::max(
                { std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)), std::abs(qBlue(p) - qBlue(q)) });
            count += difference > rounding ? 1 : 0;
        }
    }
    return count;
}

} // namespace

class TestClippedLineGraph : public QObject {
    Q_OBJECT

private slots:
    void steepLineLooksTheSame_data();
    void steepLineLooksTheSame();
    void lineOutsideIsNotDrawn();
    void graphBelongsToThePlot();
};

void TestClippedLineGraph::steepLineLooksTheSame_data()
{
    QTest::addColumn<QVector<double>>("keys");
    QTest::addColumn<QVector<double>>("values");
    // The current fit of a diverging run: a hundred views tall (the unclipped reference stays quick to draw).
    QTest::addRow("steep line") << QVector<double> { 0, 10 } << QVector<double> { -500, 520 };
    QTest::addRow("inside") << QVector<double> { 1, 9 } << QVector<double> { 2, 8 };
    // A polyline that leaves the view and comes back: two visible pieces, kept apart.
    QTest::addRow("out and back") << QVector<double> { 1, 3, 5, 7, 9 } << QVector<double> { 5, 200, 5, -300, 5 };
    QTest::addRow("with a gap") << QVector<double> { 1, 3, 5, 7 } << QVector<double> { 1, qQNaN(), 4, 9 };
}

void TestClippedLineGraph::steepLineLooksTheSame()
{
    QFETCH(QVector<double>, keys);
    QFETCH(QVector<double>, values);
    const QImage reference = drawLine(keys, values, false);
    const QImage clipped = drawLine(keys, values, true);
    // Where the clipped line meets the margin its ends are exact points of the line; antialiasing may round the
    // odd edge pixel differently, never more.
    QVERIFY2(
        differingPixels(reference, clipped) <= 4, qPrintable(QString::number(differingPixels(reference, clipped))));
    QVERIFY(reference != drawLine({}, {}, false)); // the line is in the picture
}

void TestClippedLineGraph::lineOutsideIsNotDrawn()
{
    const QImage empty = drawLine({}, {}, true);
    QCOMPARE(drawLine({ 0, 10 }, { 50, 60 }, true), empty);
    QCOMPARE(drawLine({ -1e9, 1e9 }, { -1e9, -1e9 }, true), empty);
}

void TestClippedLineGraph::graphBelongsToThePlot()
{
    QCustomPlot plot;
    plot.addGraph();
    QCPGraph* graph = gdlab::addClippedLineGraph(&plot);
    QCOMPARE(plot.graphCount(), 2);
    QCOMPARE(plot.graph(1), graph);
    QCOMPARE(graph->keyAxis(), plot.xAxis);
    QCOMPARE(graph->valueAxis(), plot.yAxis);
    QVERIFY(plot.removeGraph(graph)); // the plot deletes it, as one of its own
}

} // namespace tst_clipped_line_graph

QTEST_MAIN(tst_clipped_line_graph::TestClippedLineGraph)
#include "tst_clipped_line_graph.moc"
