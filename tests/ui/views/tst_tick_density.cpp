// TickDensity: a short axis gets fewer ticks, so its labels never sit on each other.
#include "views/tick_density.h"

#include <qcustomplot.h>

#include <QTest>

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
    void shortAxisLabelsStayApart_data();
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

void TestTickDensity::shortAxisLabelsStayApart_data()
{
    QTest::addColumn<bool>("logarithmic");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    QTest::newRow("linear") << false << -1.0 << 2.5;
}

void TestTickDensity::shortAxisLabelsStayApart()
{
    QFETCH(bool, logarithmic);
    QFETCH(double, lower);
    QFETCH(double, upper);
    QCustomPlot plot;
    new TickDensity(&plot);
    plot.resize(300, 90);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    if (logarithmic) {
        plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
        plot.yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    }
    plot.yAxis->setRange(lower, upper);
    plot.replot();
    plot.replot(); // the second layout knows the axis' length
    const double height = QFontMetricsF(plot.yAxis->tickLabelFont()).height();
    const QVector<double> pixels = tickPixels(plot.yAxis);
    QVERIFY(pixels.size() >= 2);
    QVERIFY2(smallestGap(pixels) >= 1.5 * height, qPrintable(QString::number(smallestGap(pixels))));

    // Without it, the same axis crowds: the test would catch a TickDensity that did nothing.
    QCustomPlot bare;
    bare.resize(300, 90);
    bare.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bare));
    if (logarithmic) {
        bare.yAxis->setScaleType(QCPAxis::stLogarithmic);
        bare.yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    }
    bare.yAxis->setRange(lower, upper);
    bare.replot();
    bare.replot();
    QVERIFY(smallestGap(tickPixels(bare.yAxis)) < 1.5 * height);
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

QTEST_MAIN(TestTickDensity)
#include "tst_tick_density.moc"
