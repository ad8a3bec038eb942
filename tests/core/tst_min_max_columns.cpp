#include "min_max_columns.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <vector>

namespace tst_min_max_columns {

using gdlab::CurvePoint;
using gdlab::minMaxColumns;

class TestMinMaxColumns : public QObject {
    Q_OBJECT

private slots:
    void widthOneKeepsEveryPoint();
    void eachColumnKeepsItsExtremes();
    void columnsAlignOnMultiples();
    void growingCurveChangesOnlyItsLastColumn();
    void widthFor();
    void notANumberNeverHidesTheExtremes();
};

void TestMinMaxColumns::widthOneKeepsEveryPoint()
{
    const std::vector<double> y { 3, 1, 4, 1, 5 };
    const auto points = minMaxColumns(y.data(), 10, y.size(), 1);
    QCOMPARE(points.size(), y.size());
    for (std::size_t i = 0; i < y.size(); ++i) {
        QCOMPARE(points[i].x, 10.0 + double(i));
        QCOMPARE(points[i].y, y[i]);
    }
}

void TestMinMaxColumns::eachColumnKeepsItsExtremes()
{
    // A zig-zag of 1000 points in columns of 100: each column's first, lowest, highest and last point.
    std::vector<double> y(1000);
    for (std::size_t i = 0; i < y.size(); ++i)
        y[i] = std::sin(0.37 * double(i)) * (1000.0 - double(i));
    const auto points = minMaxColumns(y.data(), 0, y.size(), 100);
    QVERIFY(points.size() <= 40);
    for (int column = 0; column < 10; ++column) {
        const auto begin = y.begin() + column * 100;
        const double lowest = *std::min_element(begin, begin + 100);
        const double highest = *std::max_element(begin, begin + 100);
        double drawnLow = std::numeric_limits<double>::infinity();
        double drawnHigh = -drawnLow;
        for (const CurvePoint& point : points)
            if (point.x >= column * 100 && point.x < (column + 1) * 100) {
                drawnLow = std::min(drawnLow, point.y);
                drawnHigh = std::max(drawnHigh, point.y);
            }
        QCOMPARE(drawnLow, lowest);
        QCOMPARE(drawnHigh, highest);
    }
    for (std::size_t i = 1; i < points.size(); ++i)
        QVERIFY(points[i].x > points[i - 1].x);
    QCOMPARE(points.front().x, 0.0);
    QCOMPARE(points.back().x, 999.0);
}

void TestMinMaxColumns::columnsAlignOnMultiples()
{
    const std::vector<double> y(25, 1.0);
    // Starting at x = 7 with columns of 10: [7, 9], [10, 19], [20, 29], [30, 31].
    const auto points = minMaxColumns(y.data(), 7, y.size(), 10);
    std::vector<double> xs;
    for (const CurvePoint& point : points)
        xs.push_back(point.x);
    QCOMPARE(xs, std::vector<double>({ 7, 9, 10, 19, 20, 29, 30, 31 }));
    QCOMPARE(gdlab::columnStart(37, 10), 30LL);
    QCOMPARE(gdlab::columnStart(37, 1), 37LL);
}

void TestMinMaxColumns::growingCurveChangesOnlyItsLastColumn()
{
    std::vector<double> y(5000);
    for (std::size_t i = 0; i < y.size(); ++i)
        y[i] = std::cos(0.01 * double(i) * double(i % 7));
    const auto whole = minMaxColumns(y.data(), 0, y.size(), 64);
    // The first 3000 points, then the rest drawn again from the start of the column that held point 3000.
    std::vector<CurvePoint> grown = minMaxColumns(y.data(), 0, 3000, 64);
    const long long start = gdlab::columnStart(3000, 64);
    while (!grown.empty() && grown.back().x >= double(start))
        grown.pop_back();
    const auto rest = minMaxColumns(y.data() + start, start, y.size() - std::size_t(start), 64);
    grown.insert(grown.end(), rest.begin(), rest.end());
    QCOMPARE(grown.size(), whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
        QCOMPARE(grown[i].x, whole[i].x);
        QCOMPARE(grown[i].y, whole[i].y);
    }
}

void TestMinMaxColumns::widthFor()
{
    QCOMPARE(gdlab::columnWidthFor(1000, 4096), 1LL);
    QCOMPARE(gdlab::columnWidthFor(4096, 4096), 1LL);
    QCOMPARE(gdlab::columnWidthFor(4097, 4096), 2LL);
    QCOMPARE(gdlab::columnWidthFor(1'000'001, 4096), 245LL);
}

void TestMinMaxColumns::notANumberNeverHidesTheExtremes()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> y { nan, 5, -2, 3, nan };
    const auto points = minMaxColumns(y.data(), 0, y.size(), 8);
    bool low = false;
    bool high = false;
    for (const CurvePoint& point : points) {
        low = low || point.y == -2;
        high = high || point.y == 5;
    }
    QVERIFY(low);
    QVERIFY(high);
}

} // namespace tst_min_max_columns

QTEST_APPLESS_MAIN(tst_min_max_columns::TestMinMaxColumns)
#include "tst_min_max_columns.moc"
