#include "error_surface.h"
#include "surface_colour_scale.h"

#include <QtTest>

#include <cmath>
#include <limits>

namespace tst_surface_colour_scale {

using gdlab::SurfaceColourScale;

namespace {

gdlab::SurfaceGrid gridSpanning(double minValue, double maxValue)
{
    gdlab::SurfaceGrid grid;
    grid.minValue = minValue;
    grid.maxValue = maxValue;
    return grid;
}

} // namespace

class TestSurfaceColourScale : public QObject {
    Q_OBJECT

private slots:
    void scaleOfAGrid_data();
    void scaleOfAGrid();
    void fractionOnALinearScale();
    void fractionOnALogScale();
    void fractionIsAlwaysANumber_data();
    void fractionIsAlwaysANumber();
};

void TestSurfaceColourScale::scaleOfAGrid_data()
{
    QTest::addColumn<double>("gridMin");
    QTest::addColumn<double>("gridMax");
    QTest::addColumn<bool>("logarithmic");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    // Two decades or less: linear over the grid's range.
    QTest::addRow("one decade") << 1.0 << 10.0 << false << 1.0 << 10.0;
    QTest::addRow("exactly two decades") << 0.5 << 50.0 << true << 0.5 << 50.0;
    QTest::addRow("just under two decades") << 0.51 << 50.0 << false << 0.51 << 50.0;
    // More: logarithmic, from the grid's minimum, but no lower than the floor below the maximum.
    QTest::addRow("three decades") << 0.1 << 100.0 << true << 0.1 << 100.0;
    QTest::addRow("a zero minimum") << 0.0 << 20.0 << true << 20.0 * SurfaceColourScale::logFloor << 20.0;
    QTest::addRow("ten decades") << 1e-9 << 10.0 << true << 10.0 * SurfaceColourScale::logFloor << 10.0;
    // Nothing to colour: a flat grid gets a unit range above its value.
    QTest::addRow("flat") << 3.0 << 3.0 << false << 3.0 << 4.0;
    QTest::addRow("all zero") << 0.0 << 0.0 << false << 0.0 << 1.0;
    QTest::addRow("negative, linear") << -4.0 << -1.0 << false << -4.0 << -1.0;
}

void TestSurfaceColourScale::scaleOfAGrid()
{
    QFETCH(double, gridMin);
    QFETCH(double, gridMax);
    QFETCH(bool, logarithmic);
    QFETCH(double, min);
    QFETCH(double, max);
    const SurfaceColourScale scale = SurfaceColourScale::of(gridSpanning(gridMin, gridMax));
    QCOMPARE(scale.logarithmic, logarithmic);
    QCOMPARE(scale.min, min);
    QCOMPARE(scale.max, max);
}

void TestSurfaceColourScale::fractionOnALinearScale()
{
    const SurfaceColourScale scale = SurfaceColourScale::of(gridSpanning(2.0, 6.0));
    QCOMPARE(scale.fraction(2.0), 0.0);
    QCOMPARE(scale.fraction(6.0), 1.0);
    QCOMPARE(scale.fraction(3.0), 0.25);
    QCOMPARE(scale.fraction(-10.0), 0.0);
    QCOMPARE(scale.fraction(60.0), 1.0);
}

void TestSurfaceColourScale::fractionOnALogScale()
{
    const SurfaceColourScale scale = SurfaceColourScale::of(gridSpanning(1e-2, 1e2));
    QVERIFY(scale.logarithmic);
    QCOMPARE(scale.fraction(1e-2), 0.0);
    QCOMPARE(scale.fraction(1e2), 1.0);
    // Equal ratios, equal steps: one decade of four is a quarter.
    QVERIFY(std::abs(scale.fraction(1.0) - 0.5) < 1e-12);
    QVERIFY(std::abs(scale.fraction(1e-1) - 0.25) < 1e-12);
    // Below the floor (zero included): the lowest colour.
    QCOMPARE(scale.fraction(0.0), 0.0);
    QCOMPARE(scale.fraction(-1.0), 0.0);
}

void TestSurfaceColourScale::fractionIsAlwaysANumber_data()
{
    QTest::addColumn<double>("gridMin");
    QTest::addColumn<double>("gridMax");
    QTest::addColumn<double>("loss");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double infinity = std::numeric_limits<double>::infinity();
    QTest::addRow("NaN, linear") << 1.0 << 2.0 << nan;
    QTest::addRow("NaN, log") << 0.0 << 2.0 << nan;
    QTest::addRow("infinite, log") << 0.0 << 2.0 << infinity;
    QTest::addRow("flat grid") << 5.0 << 5.0 << 5.0;
    QTest::addRow("grid not finite") << nan << nan << 1.0;
}

void TestSurfaceColourScale::fractionIsAlwaysANumber()
{
    QFETCH(double, gridMin);
    QFETCH(double, gridMax);
    QFETCH(double, loss);
    const double fraction = SurfaceColourScale::of(gridSpanning(gridMin, gridMax)).fraction(loss);
    QVERIFY(std::isfinite(fraction));
    QVERIFY(fraction >= 0.0 && fraction <= 1.0);
}

} // namespace tst_surface_colour_scale

QTEST_APPLESS_MAIN(tst_surface_colour_scale::TestSurfaceColourScale)
#include "tst_surface_colour_scale.moc"
