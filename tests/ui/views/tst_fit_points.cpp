#include "views/fit_points.h"

#include "support/prepared_runs.h"

#include <QtTest>

#include <algorithm>

namespace tst_fit_points {

using gdlab::FitPoints;
using gdlab::ProblemSpec;
using gdlab::test::preparedLessonRun;
using gdlab::test::preparedRun;

class TestFitPoints : public QObject {
    Q_OBJECT

private slots:
    void emptyWithoutARun();
    void againstAFeature();
    void byActualValue();
    void featureIsClamped_data();
    void featureIsClamped();
    void standardizedDataStaysInOriginalUnits();
    void lineSpanReachesBeyondTheData();
    void resetForgetsTheArrangement();
};

void TestFitPoints::emptyWithoutARun()
{
    FitPoints points;
    points.reset(nullptr);
    points.arrange(true, 0);
    QVERIFY(points.isEmpty());
    QCOMPARE(points.count(), 0);
    QVERIFY(points.lines().isEmpty());
    QCOMPARE(points.targetExtent(), std::make_pair(0.0, 0.0));
    QVERIFY(points.lineStart() < points.lineEnd());
}

void TestFitPoints::againstAFeature()
{
    const auto run = preparedRun({ "x", "y" }, (Eigen::MatrixXd(4, 2) << 3, 10, 1, 20, 4, 30, 2, 40).finished());
    FitPoints points;
    points.reset(run.get());
    points.arrange(true, 0);
    QVERIFY(points.isByFeature());
    QCOMPARE(points.keys(), QVector<double>({ 3, 1, 4, 2 }));
    QCOMPARE(points.fixedValues(), QVector<double>({ 10, 20, 30, 40 }));
    QCOMPARE(points.sortedRows(), std::vector<int>({ 1, 3, 0, 2 }));
    QCOMPARE(points.keyExtent(), std::make_pair(1.0, 4.0));
    QCOMPARE(points.targetExtent(), std::make_pair(10.0, 40.0));
}

void TestFitPoints::byActualValue()
{
    const auto run = preparedLessonRun("two_features_n100.csv");
    FitPoints points;
    points.reset(run.get());
    points.arrange(false, 1);
    QVERIFY(!points.isByFeature());
    QCOMPARE(points.count(), 100);
    const Eigen::VectorXd& target = points.lines().target();
    for (int i = 0; i < points.count(); ++i) {
        QCOMPARE(points.keys()[i], target[i]);
        QCOMPARE(points.fixedValues()[i], target[i]);
    }
    QVERIFY(std::is_sorted(
        points.sortedRows().begin(), points.sortedRows().end(), [&](int a, int b) { return target[a] < target[b]; }));
    QCOMPARE(points.keyExtent(), std::make_pair(target.minCoeff(), target.maxCoeff()));
}

void TestFitPoints::featureIsClamped_data()
{
    QTest::addColumn<int>("asked");
    QTest::addColumn<int>("drawn");
    QTest::newRow("below") << -3 << 0;
    QTest::newRow("first") << 0 << 0;
    QTest::newRow("second") << 1 << 1;
    QTest::newRow("beyond") << 5 << 1;
}

void TestFitPoints::featureIsClamped()
{
    QFETCH(int, asked);
    QFETCH(int, drawn);
    const auto run = preparedLessonRun("two_features_n100.csv");
    FitPoints points;
    points.reset(run.get());
    points.arrange(true, asked);
    QCOMPARE(points.feature(), drawn);
    for (int i = 0; i < points.count(); ++i)
        QCOMPARE(points.keys()[i], run->dataset->values()(i, drawn));
}

void TestFitPoints::standardizedDataStaysInOriginalUnits()
{
    ProblemSpec spec;
    spec.standardize = true;
    const auto run = preparedLessonRun("nist_norris.csv", spec);
    FitPoints points;
    points.reset(run.get());
    points.arrange(true, 0);
    const Eigen::Index column = run->problem->featureColumns().front();
    for (int i = 0; i < points.count(); ++i)
        QCOMPARE(points.keys()[i], run->dataset->values()(i, column));
}

void TestFitPoints::lineSpanReachesBeyondTheData()
{
    const auto run = preparedRun({ "x", "y" }, (Eigen::MatrixXd(3, 2) << 1, 1, 3, 2, 5, 4).finished());
    FitPoints points;
    points.reset(run.get());
    points.arrange(true, 0);
    QCOMPARE(points.lineStart(), 1 - FitPoints::lineOverhang * 4);
    QCOMPARE(points.lineEnd(), 5 + FitPoints::lineOverhang * 4);
    // A view wider than the data: the lines reach past it too; a narrower one changes nothing.
    points.widenLineSpan(-10, 20);
    QCOMPARE(points.lineStart(), -10 - FitPoints::lineOverhang * 30);
    QCOMPARE(points.lineEnd(), 20 + FitPoints::lineOverhang * 30);
    points.widenLineSpan(2, 3);
    QCOMPARE(points.lineStart(), -10 - FitPoints::lineOverhang * 30);
}

void TestFitPoints::resetForgetsTheArrangement()
{
    const auto five = preparedLessonRun("five_points.csv");
    const auto two = preparedLessonRun("two_features_n100.csv");
    FitPoints points;
    points.reset(two.get());
    points.arrange(true, 1);
    points.reset(five.get());
    QVERIFY(points.isEmpty());
    QCOMPARE(points.lines().rowCount(), Eigen::Index(5));
    points.arrange(true, 1);
    QCOMPARE(points.feature(), 0);
    QCOMPARE(points.count(), 5);
}

} // namespace tst_fit_points

QTEST_APPLESS_MAIN(tst_fit_points::TestFitPoints)
#include "tst_fit_points.moc"
