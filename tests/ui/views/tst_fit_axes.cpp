#include "views/fit_axes.h"

#include "support/prepared_runs.h"
#include "views/fit_points.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>
#include <limits>

namespace tst_fit_axes {

using gdlab::FitAxes;
using gdlab::FitPoints;
using gdlab::test::preparedRun;

class TestFitAxes : public QObject {
    Q_OBJECT

private slots:
    void padded_data();
    void padded();
    void kept_data();
    void kept();
    void fitFeatureSetsBothAxesAndWidensTheLines();
    void fitFeatureKeepsTheView();
    void fitActualIsOneRangeWithThePredictions();
    void clearShowsTheUnitSquare();
};

void TestFitAxes::padded_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    const double m = FitAxes::margin;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("a span") << 1.0 << 5.0 << 1.0 - 4 * m << 5.0 + 4 * m;
    QTest::newRow("a single value") << 20.0 << 20.0 << 18.0 << 22.0;
    QTest::newRow("a single small value") << 0.5 << 0.5 << -0.5 << 1.5;
    QTest::newRow("not finite") << nan << 3.0 << 0.0 << 1.0;
}

void TestFitAxes::padded()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(double, lower);
    QFETCH(double, upper);
    const QCPRange range = FitAxes::padded(low, high);
    QCOMPARE(range.lower, lower);
    QCOMPARE(range.upper, upper);
}

void TestFitAxes::kept_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    // The old range is [0, 10]; the margin is taken of the larger of the two extents.
    const double m = FitAxes::margin;
    QTest::newRow("inside") << 2.0 << 8.0 << 0.0 << 10.0;
    QTest::newRow("beyond the top") << 2.0 << 20.0 << 0.0 << 20.0 + 18 * m;
    QTest::newRow("below the bottom") << -1.0 << 9.0 << -1.0 - 10 * m << 10.0;
    QTest::newRow("both") << -5.0 << 15.0 << -5.0 - 20 * m << 15.0 + 20 * m;
}

void TestFitAxes::kept()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(double, lower);
    QFETCH(double, upper);
    const QCPRange range = FitAxes::kept(QCPRange(0, 10), low, high);
    QCOMPARE(range.lower, lower);
    QCOMPARE(range.upper, upper);
}

void TestFitAxes::fitFeatureSetsBothAxesAndWidensTheLines()
{
    QCustomPlot plot;
    FitAxes axes(&plot);
    const auto run = preparedRun({ "x", "y" }, (Eigen::MatrixXd(3, 2) << 1, 10, 2, 30, 5, 20).finished());
    FitPoints points;
    points.reset(run.get());
    points.arrange(true, 0);
    axes.fitFeature(points, false);
    QCOMPARE(plot.xAxis->range(), FitAxes::padded(1, 5));
    QCOMPARE(plot.yAxis->range(), FitAxes::padded(10, 30));
    QVERIFY(points.lineStart() < plot.xAxis->range().lower);
    QVERIFY(points.lineEnd() > plot.xAxis->range().upper);
}

void TestFitAxes::fitFeatureKeepsTheView()
{
    QCustomPlot plot;
    FitAxes axes(&plot);
    plot.xAxis->setRange(-100, 100);
    plot.yAxis->setRange(0, 50);
    const auto run = preparedRun({ "x", "y" }, (Eigen::MatrixXd(3, 2) << 1, 10, 2, 30, 5, 20).finished());
    FitPoints points;
    points.reset(run.get());
    points.arrange(true, 0);
    axes.fitFeature(points, true);
    QCOMPARE(plot.xAxis->range(), QCPRange(-100, 100));
    QCOMPARE(plot.yAxis->range(), QCPRange(0, 50));
    // Lines sized for x in [1, 5] would stop short of a view that is kept this wide.
    QVERIFY(points.lineStart() <= -100);
    QVERIFY(points.lineEnd() >= 100);
}

void TestFitAxes::fitActualIsOneRangeWithThePredictions()
{
    QCustomPlot plot;
    FitAxes axes(&plot);
    const auto run = preparedRun({ "x", "y" }, (Eigen::MatrixXd(3, 2) << 1, 10, 2, 30, 5, 20).finished());
    FitPoints points;
    points.reset(run.get());
    points.arrange(false, 0);
    const Eigen::VectorXd best = Eigen::Vector3d(5, 25, 40);
    const QCPRange range = axes.fitActual(points, &best);
    QCOMPARE(range, FitAxes::padded(5, 40));
    QCOMPARE(plot.xAxis->range(), range);
    QCOMPARE(plot.yAxis->range(), range);
    QCOMPARE(axes.fitActual(points, nullptr), FitAxes::padded(10, 30));
    const Eigen::VectorXd diverged = Eigen::Vector3d(5, std::nan(""), 40);
    QCOMPARE(axes.fitActual(points, &diverged), FitAxes::padded(10, 30));
}

void TestFitAxes::clearShowsTheUnitSquare()
{
    QCustomPlot plot;
    FitAxes axes(&plot);
    plot.xAxis->setRange(3, 4);
    axes.clear();
    QCOMPARE(plot.xAxis->range(), QCPRange(0, 1));
    QCOMPARE(plot.yAxis->range(), QCPRange(0, 1));
}

} // namespace tst_fit_axes

QTEST_MAIN(tst_fit_axes::TestFitAxes)
#include "tst_fit_axes.moc"
