// TickDensity: a short axis gets fewer ticks, so its labels never sit on each other.
#include "views/tick_density.h"

#include <qcustomplot.h>

#include <QTest>

namespace tst_tick_density {

using namespace gdlab;

namespace {

/** Pixel positions of the axis' tick labels after a replot. */
QVector<double> tickPixels(QCPAxis* axis)
{
    QVector<double> pixels;
    for (const double tick : axis->tickVector())
        if (axis->range().contains(tick))
            pixels << axis->coordToPixel(tick);
    std::sort(pixels.begin(), pixels.end());
    return pixels;
}

double smallestGap(const QVector<double>& pixels)
{
    double gap = 1e9;
    for (int i = 1; i < pixels.size(); ++i)
        gap = std::min(gap, pixels[i] - pixels[i - 1]);
    return gap;
}

} // namespace

class TestTickDensity : public QObject {
    Q_OBJECT

private slots:
    void countFollowsLength();
    void shortAxisLabelsStayApart();
    void largePlotKeepsItsTicks();
};

void TestTickDensity::countFollowsLength()
{
    QCOMPARE(TickDensity::countFor(1000, 13, 5), 5);
    QCOMPARE(TickDensity::countFor(80, 13, 5), 3);
    QCOMPARE(TickDensity::countFor(20, 13, 5), 2);
    QCOMPARE(TickDensity::countFor(0, 13, 5), 5);
}

namespace {

// A 300 × 90 plot's y axis from -1 to 2.5, with or without TickDensity: the smallest gap between its labels.
double smallestLabelGap(bool withDensity)
{
    QCustomPlot plot;
    if (withDensity)
        new TickDensity(&plot);
    plot.resize(300, 90);
    plot.show();
    if (!QTest::qWaitForWindowExposed(&plot))
        return 0;
    plot.yAxis->setRange(-1, 2.5);
    plot.replot();
    plot.replot(); // the second layout knows the axis' length
    return smallestGap(tickPixels(plot.yAxis));
}

} // namespace

void TestTickDensity::shortAxisLabelsStayApart()
{
    const double height = QFontMetricsF(QCustomPlot().yAxis->tickLabelFont()).height();
    const double gap = smallestLabelGap(true);
    QVERIFY2(gap >= 1.5 * height, qPrintable(QString::number(gap)));
    // Without it, the same axis crowds: the test would catch a TickDensity that did nothing.
    QVERIFY(smallestLabelGap(false) < 1.5 * height);
}

void TestTickDensity::largePlotKeepsItsTicks()
{
    QCustomPlot plot;
    new TickDensity(&plot);
    plot.resize(900, 700);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.yAxis->setRange(0, 10);
    plot.replot();
    plot.replot();
    QCOMPARE(plot.yAxis->ticker()->tickCount(), 5);
    QCOMPARE(plot.xAxis->ticker()->tickCount(), 5);
}

} // namespace tst_tick_density

QTEST_MAIN(tst_tick_density::TestTickDensity)
#include "tst_tick_density.moc"
