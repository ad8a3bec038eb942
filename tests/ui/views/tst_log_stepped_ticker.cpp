// The ticker of a log axis spanning about a decade: 1-2-5 ticks, evenly spaced on the log scale.
#include "views/log_stepped_ticker.h"

#include <qcustomplot.h>

#include <QTest>

namespace tst_log_stepped_ticker {

using namespace gdlab;

namespace {

QVector<double> ticksFor(double lower, double upper, int count)
{
    const QSharedPointer<QCPAxisTicker> ticker = makeLogSteppedTicker();
    ticker->setTickCount(count);
    QVector<double> ticks;
    ticker->generate(QCPRange(lower, upper), QLocale::c(), QLatin1Char('g'), 4, ticks, nullptr, nullptr);
    QVector<double> inside;
    for (const double tick : ticks)
        if (tick >= lower && tick <= upper)
            inside << tick;
    return inside;
}

} // namespace

class TestLogSteppedTicker : public QObject {
    Q_OBJECT

private slots:
    void ticks_data();
    void ticks();
};

void TestLogSteppedTicker::ticks_data()
{
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    QTest::addColumn<int>("count");
    QTest::addColumn<QVector<double>>("expected");
    // five_points_rss' loss: 53 down to 1.6.
    QTest::newRow("1.5 to 60, five") << 1.5 << 60.0 << 5 << QVector<double> { 2, 5, 10, 20, 50 };
    QTest::newRow("1.5 to 60, two") << 1.5 << 60.0 << 2 << QVector<double> { 3, 10, 30 };
    // No power of ten inside: the densest set still gives a handful.
    QTest::newRow("1.5 to 6") << 1.5 << 6.0 << 5 << QVector<double> { 1.5, 2, 3, 5 };
    QTest::newRow("small losses") << 0.0012 << 0.0041 << 5 << QVector<double> { 0.0015, 0.002, 0.003 };
    // logistic_homework's log loss, 0.69 down to 0.58: under a quarter of a decade, evenly stepped ticks.
    QTest::newRow("a fraction of a decade")
        << 0.57 << 0.72 << 5 << QVector<double> { 0.575, 0.6, 0.625, 0.65, 0.675, 0.7 };
}

void TestLogSteppedTicker::ticks()
{
    QFETCH(double, lower);
    QFETCH(double, upper);
    QFETCH(int, count);
    QFETCH(QVector<double>, expected);
    const QVector<double> ticks = ticksFor(lower, upper, count);
    QCOMPARE(ticks.size(), expected.size());
    for (int i = 0; i < ticks.size(); ++i)
        QVERIFY2(qFuzzyCompare(ticks[i], expected[i]), qPrintable(QString::number(ticks[i])));
}

} // namespace tst_log_stepped_ticker

QTEST_APPLESS_MAIN(tst_log_stepped_ticker::TestLogSteppedTicker)
#include "tst_log_stepped_ticker.moc"
