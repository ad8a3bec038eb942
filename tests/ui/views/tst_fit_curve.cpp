#include "views/fit_curve.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>

namespace tst_fit_curve {

using gdlab::FitCurve;
using gdlab::FitLines;

namespace {

double sigma(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

} // namespace

class TestFitCurve : public QObject {
    Q_OBJECT

private slots:
    void straightLineIsTwoPoints();
    void sigmoidIsTheCurveOfTheLine();
    void steepSigmoidStaysSmoothBetweenSamples_data();
    void steepSigmoidStaysSmoothBetweenSamples();
    void flatSigmoidIsTwoPoints();
    void graphIsReadBetweenItsPoints();
    void decisionPointIsWhereTheLogOddsAreZero();
};

void TestFitCurve::straightLineIsTwoPoints()
{
    QVector<double> keys;
    QVector<double> values;
    FitCurve::sample(FitLines::Line { 1, 2 }, false, -1, 3, keys, values);
    QCOMPARE(keys, QVector<double>({ -1, 3 }));
    QCOMPARE(values, QVector<double>({ -1, 7 }));
    QCOMPARE(FitCurve::at(FitLines::Line { 1, 2 }, false, 0.5), 2.0);
}

void TestFitCurve::sigmoidIsTheCurveOfTheLine()
{
    const FitLines::Line line { -4.0777, 1.5046 };
    QVector<double> keys;
    QVector<double> values;
    FitCurve::sample(line, true, 0, 6, keys, values);
    QCOMPARE(keys.front(), 0.0);
    QCOMPARE(keys.back(), 6.0);
    QVERIFY(std::is_sorted(keys.begin(), keys.end()));
    for (int i = 0; i < keys.size(); ++i)
        QVERIFY(std::abs(values[i] - sigma(-4.0777 + 1.5046 * keys[i])) < 1e-14);
    QVERIFY(std::abs(FitCurve::at(line, true, 2.71) - sigma(-4.0777 + 1.5046 * 2.71)) < 1e-14);
}

void TestFitCurve::steepSigmoidStaysSmoothBetweenSamples_data()
{
    QTest::addColumn<double>("slope");
    QTest::newRow("gentle") << 1.5;
    QTest::newRow("steep") << 40.0;
    QTest::newRow("separated, after many steps") << 5000.0;
    QTest::newRow("falling") << -300.0;
}

// Between two samples the chord is drawn; it must stay within a fraction of a pixel of σ even on a tall export.
void TestFitCurve::steepSigmoidStaysSmoothBetweenSamples()
{
    QFETCH(double, slope);
    const FitLines::Line line { -2.75 * slope, slope };
    QVector<double> keys;
    QVector<double> values;
    FitCurve::sample(line, true, -1, 7, keys, values);
    QVERIFY(keys.size() < 500);
    double worst = 0;
    for (int i = 0; i + 1 < keys.size(); ++i)
        for (double t : { 0.25, 0.5, 0.75 }) {
            const double x = keys[i] + t * (keys[i + 1] - keys[i]);
            const double chord = values[i] + t * (values[i + 1] - values[i]);
            worst = std::max(worst, std::abs(chord - sigma(line.at(x))));
        }
    QVERIFY2(worst < 2e-4, qPrintable(QString::number(worst)));
}

void TestFitCurve::flatSigmoidIsTwoPoints()
{
    QVector<double> keys;
    QVector<double> values;
    FitCurve::sample(FitLines::Line { 0, 0 }, true, 0, 5, keys, values);
    QCOMPARE(keys, QVector<double>({ 0, 5 }));
    QCOMPARE(values, QVector<double>({ 0.5, 0.5 }));
}

void TestFitCurve::graphIsReadBetweenItsPoints()
{
    QCustomPlot plot;
    QCPGraph* graph = plot.addGraph();
    QVERIFY(std::isnan(FitCurve::graphAt(graph, 0)));
    graph->setData({ 0, 1, 3 }, { 0, 10, 30 }, true);
    QCOMPARE(FitCurve::graphAt(graph, 0), 0.0);
    QCOMPARE(FitCurve::graphAt(graph, 0.5), 5.0);
    QCOMPARE(FitCurve::graphAt(graph, 1), 10.0);
    QCOMPARE(FitCurve::graphAt(graph, 2), 20.0);
    QCOMPARE(FitCurve::graphAt(graph, 3), 30.0);
    QVERIFY(std::isnan(FitCurve::graphAt(graph, 3.5)));
    QVERIFY(std::isnan(FitCurve::graphAt(graph, -0.5)));
}

void TestFitCurve::decisionPointIsWhereTheLogOddsAreZero()
{
    QCOMPARE(FitCurve::decisionPoint(FitLines::Line { -4.0, 2.0 }), 2.0);
    QVERIFY(std::isnan(FitCurve::decisionPoint(FitLines::Line { 1.0, 0.0 })));
}

} // namespace tst_fit_curve

QTEST_MAIN(tst_fit_curve::TestFitCurve)
#include "tst_fit_curve.moc"
