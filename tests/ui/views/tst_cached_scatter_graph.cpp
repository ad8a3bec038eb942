// Markers drawn as copies of one picture look like the markers QCustomPlot paints shape by shape: the same ink, each
// marker at most half a pixel from where the shape would be; vector output and markers without antialiasing are
// QCustomPlot's own.

#include "views/cached_scatter_graph.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>

namespace tst_cached_scatter_graph {

namespace {

struct Ink {
    double amount = 0; ///< Σ darkness over the picture
    double x = 0; ///< darkness-weighted centre
    double y = 0;
};

/** How dark the picture is, and where its darkness is centred (a white background). */
Ink inkOf(const QImage& image)
{
    Ink ink;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const double dark = 255.0 - qGray(image.pixel(x, y));
            ink.amount += dark;
            ink.x += dark * x;
            ink.y += dark * y;
        }
    }
    if (ink.amount > 0) {
        ink.x /= ink.amount;
        ink.y /= ink.amount;
    }
    return ink;
}

/** One marker of style at (key, value) on a 200 × 200 plot from 0 to 10, its axes hidden. */
QImage drawMarker(const QCPScatterStyle& style, double key, double value, bool cached)
{
    QCustomPlot plot;
    plot.resize(200, 200);
    plot.axisRect()->setAutoMargins(QCP::msNone);
    plot.axisRect()->setMargins(QMargins());
    plot.xAxis->setVisible(false);
    plot.yAxis->setVisible(false);
    plot.xAxis->grid()->setVisible(false);
    plot.yAxis->grid()->setVisible(false);
    plot.xAxis->setRange(0, 10);
    plot.yAxis->setRange(0, 10);
    QCPGraph* graph = cached ? gdlab::addCachedScatterGraph(&plot) : plot.addGraph();
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setPen(QPen(Qt::black));
    graph->setScatterStyle(style);
    graph->setData({ key }, { value });
    return plot.toPixmap(200, 200).toImage();
}

} // namespace

class TestCachedScatterGraph : public QObject {
    Q_OBJECT

private slots:
    void looksLikeTheShape_data();
    void looksLikeTheShape();
    void vectorOutputKeepsTheShapes();
    void graphBelongsToThePlot();
};

void TestCachedScatterGraph::looksLikeTheShape_data()
{
    QTest::addColumn<QCPScatterStyle>("style");
    QTest::addColumn<double>("key");
    QTest::addColumn<double>("value");
    QTest::addRow("disc") << QCPScatterStyle(QCPScatterStyle::ssDisc, Qt::darkBlue, 8) << 3.0 << 4.0;
    QTest::addRow("disc between pixels") << QCPScatterStyle(QCPScatterStyle::ssDisc, Qt::darkBlue, 8) << 3.013 << 4.027;
    QTest::addRow("ring") << QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::darkRed, 1.2), Qt::NoBrush, 9) << 6.51
                          << 2.49;
    QTest::addRow("square") << QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(Qt::black, 2), Qt::gray, 11) << 5.0
                            << 5.0;
}

void TestCachedScatterGraph::looksLikeTheShape()
{
    QFETCH(QCPScatterStyle, style);
    QFETCH(double, key);
    QFETCH(double, value);
    const Ink painted = inkOf(drawMarker(style, key, value, false));
    const Ink copied = inkOf(drawMarker(style, key, value, true));
    QVERIFY(painted.amount > 0);
    QVERIFY2(std::abs(copied.amount - painted.amount) <= 0.05 * painted.amount,
        qPrintable(QStringLiteral("%1 against %2").arg(copied.amount).arg(painted.amount)));
    QVERIFY2(std::abs(copied.x - painted.x) <= 0.55 && std::abs(copied.y - painted.y) <= 0.55,
        qPrintable(
            QStringLiteral("(%1, %2) against (%3, %4)").arg(copied.x).arg(copied.y).arg(painted.x).arg(painted.y)));
}

// Vector output (SVG, PDF: a painter in vectorized mode) gets the shapes themselves, exactly as QCustomPlot draws them.
void TestCachedScatterGraph::vectorOutputKeepsTheShapes()
{
    const auto drawVectorized = [](bool cached) {
        QCustomPlot plot;
        plot.resize(200, 200);
        plot.xAxis->setRange(0, 10);
        plot.yAxis->setRange(0, 10);
        QCPGraph* graph = cached ? gdlab::addCachedScatterGraph(&plot) : plot.addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, Qt::darkBlue, 8));
        graph->setData({ 1.013, 2.5, 3.77 }, { 1.21, 2.5, 3.09 });
        QImage image(200, 200, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QCPPainter painter(&image);
        painter.setMode(QCPPainter::pmVectorized);
        plot.toPainter(&painter, 200, 200);
        painter.end();
        return image;
    };
    QCOMPARE(drawVectorized(true), drawVectorized(false));
}

void TestCachedScatterGraph::graphBelongsToThePlot()
{
    QCustomPlot plot;
    QCPGraph* graph = gdlab::addCachedScatterGraph(&plot);
    QCOMPARE(plot.graphCount(), 1);
    QCOMPARE(plot.graph(0), graph);
    QVERIFY(plot.removeGraph(graph));
}

} // namespace tst_cached_scatter_graph

QTEST_MAIN(tst_cached_scatter_graph::TestCachedScatterGraph)
#include "tst_cached_scatter_graph.moc"
