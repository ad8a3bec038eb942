#include "path_sampling.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace tst_path_sampling {

using gdlab::PathPoint;

namespace {

bool sortedWithoutRepeats(const std::vector<int>& values)
{
    return std::adjacent_find(values.begin(), values.end(), [](int a, int b) { return a >= b; }) == values.end();
}

/** Cumulative lengths of a descent that covers first of the way in its first step, then slows down evenly. */
std::vector<double> slowingDown(int rows, double first)
{
    std::vector<double> lengths { 0.0 };
    for (int row = 1; row < rows; ++row)
        lengths.push_back(row == 1 ? first : lengths.back() + (1.0 - first) / (rows - 2));
    return lengths;
}

} // namespace

class TestPathSampling : public QObject {
    Q_OBJECT

private slots:
    void thinnedIndices_data();
    void thinnedIndices();
    void cumulativeLengthsAreInUnitsOfTheSpans();
    void stepsThatAreNotFiniteAddNothing();
    void extendingMeasuresLikeTheWhole();
    void evenlyAlongIncludesBothEnds();
    void evenlyAlongAnEmptyPath();
    void everyRowWhileTheyFit();
    void beyondTheLimitByIterationAndByLength();
};

void TestPathSampling::thinnedIndices_data()
{
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("limit");
    QTest::addRow("thinned") << 160 << 100;
    QTest::addRow("fewer than the limit") << 40 << 100;
    QTest::addRow("as many as the limit") << 100 << 100;
    QTest::addRow("two") << 2000 << 2;
    QTest::addRow("one") << 1 << 100;
}

void TestPathSampling::thinnedIndices()
{
    QFETCH(int, steps);
    QFETCH(int, limit);
    const std::vector<int> indices = gdlab::thinnedIndices(steps, limit);
    QCOMPARE(static_cast<int>(indices.size()), std::min(steps, limit));
    QCOMPARE(indices.front(), 0);
    QCOMPARE(indices.back(), steps - 1);
    QVERIFY(sortedWithoutRepeats(indices));
    // Evenly spread: no gap more than one larger than another.
    int smallest = steps;
    int largest = 0;
    for (std::size_t k = 1; k < indices.size(); ++k) {
        smallest = std::min(smallest, indices[k] - indices[k - 1]);
        largest = std::max(largest, indices[k] - indices[k - 1]);
    }
    QVERIFY(indices.size() < 2 || largest - smallest <= 1);
}

void TestPathSampling::cumulativeLengthsAreInUnitsOfTheSpans()
{
    const std::vector<PathPoint> points { { 0, 0, 0 }, { 10, 0, 0 }, { 10, 0.5, 0 }, { 10, 0.5, 3 }, { 10, 0.5, 3 } };
    const std::vector<double> lengths = gdlab::cumulativeLengths(points, { 10, 0.5, 4 });
    QCOMPARE(lengths.size(), points.size());
    QCOMPARE(lengths[0], 0.0);
    QCOMPARE(lengths[1], 1.0);
    QCOMPARE(lengths[2], 2.0);
    QCOMPARE(lengths[3], 2.75);
    QCOMPARE(lengths[4], 2.75); // standing still adds nothing
    const std::vector<PathPoint> diagonal { { 0, 0, 0 }, { 3, 4, 0 } };
    QCOMPARE(gdlab::cumulativeLengths(diagonal, { 1, 1, 1 })[1], 5.0);
    QVERIFY(gdlab::cumulativeLengths({}, { 1, 1, 1 }).empty());
}

void TestPathSampling::stepsThatAreNotFiniteAddNothing()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double infinity = std::numeric_limits<double>::infinity();
    const std::vector<PathPoint> points { { 0, 0, 0 }, { 1, 0, 0 }, { infinity, 0, 0 }, { nan, 1, 0 }, { 2, 0, 0 } };
    const std::vector<double> lengths = gdlab::cumulativeLengths(points, { 1, 1, 1 });
    QCOMPARE(lengths[1], 1.0);
    QCOMPARE(lengths[2], 1.0);
    QCOMPARE(lengths[3], 1.0);
    QCOMPARE(lengths[4], 1.0);
}

void TestPathSampling::evenlyAlongIncludesBothEnds()
{
    // Most of the way in the first step, then a crawl: the markers spread over both.
    const std::vector<double> lengths = slowingDown(200, 0.5);
    const std::vector<std::size_t> chosen = gdlab::evenlyAlong(lengths, 24);
    QVERIFY(chosen.size() <= 24);
    QVERIFY(chosen.size() > 10);
    QCOMPARE(chosen.front(), std::size_t(0));
    QCOMPARE(chosen.back(), lengths.size() - 1);
    QVERIFY(std::adjacent_find(chosen.begin(), chosen.end(), std::greater_equal<>()) == chosen.end());
    // Each target is reached by the first state at or beyond it.
    for (int k = 0; k + 1 < 24; ++k) {
        const double target = lengths.back() * k / 23;
        QVERIFY(std::any_of(chosen.begin(), chosen.end(),
            [&](std::size_t i) { return lengths[i] >= target && (i == 0 || lengths[i - 1] < target); }));
    }
    // A path that stands still ends where it is: one marker at the start and one at the end.
    const std::vector<std::size_t> still = gdlab::evenlyAlong(std::vector<double>(50, 0.0), 24);
    QCOMPARE(still, std::vector<std::size_t>({ 0, 49 }));
}

void TestPathSampling::evenlyAlongAnEmptyPath()
{
    QVERIFY(gdlab::evenlyAlong({}, 24).empty());
    QCOMPARE(gdlab::evenlyAlong({ 0.0 }, 24), std::vector<std::size_t>({ 0 }));
    QVERIFY(gdlab::evenlyAlong({ 0.0, 1.0 }, 0).empty());
}

void TestPathSampling::everyRowWhileTheyFit()
{
    const std::vector<double> lengths = slowingDown(100, 0.9);
    for (const int current : { 0, 1, 3, 60 }) {
        const std::vector<int> rows = gdlab::pathMarkerRows(current, 60, lengths);
        QCOMPARE(static_cast<int>(rows.size()), current);
        for (int row = 0; row < current; ++row)
            QCOMPARE(rows[static_cast<std::size_t>(row)], row);
    }
}

void TestPathSampling::beyondTheLimitByIterationAndByLength()
{
    const int limit = 60;
    const int current = 5000;
    const std::vector<double> lengths = slowingDown(current + 1, 0.9);
    const std::vector<int> rows = gdlab::pathMarkerRows(current, limit, lengths);
    QVERIFY(static_cast<int>(rows.size()) <= limit);
    QVERIFY(static_cast<int>(rows.size()) > limit / 2);
    QVERIFY(sortedWithoutRepeats(rows));
    QCOMPARE(rows.front(), 0);
    QVERIFY(rows.back() < current);
    // By iteration: rows spaced current / 30 apart appear, late ones included.
    QVERIFY(std::find(rows.begin(), rows.end(), current / 2) != rows.end());
    // By length: nine tenths of the way happen in step one, so the markers on length crowd into row 1; the rest
    // crawl evenly, so the length markers past it land at even iteration fractions too, and row 1 is there.
    QVERIFY(std::find(rows.begin(), rows.end(), 1) != rows.end());
    // A path that has not moved has no length to space markers by: only the iteration half.
    const std::vector<int> still = gdlab::pathMarkerRows(current, limit, std::vector<double>(current + 1, 0.0));
    QCOMPARE(static_cast<int>(still.size()), limit / 2);
}

// A path measured as it grows (the bowl's markers follow a streaming run) has the lengths of the whole path, bit for
// bit, whatever the pieces it came in.
void TestPathSampling::extendingMeasuresLikeTheWhole()
{
    std::vector<PathPoint> points;
    for (int k = 0; k < 40; ++k)
        points.push_back(
            { std::sin(0.3 * k), 1.0 / (k + 1), k % 7 == 3 ? std::numeric_limits<double>::infinity() : 0.1 * k });
    const PathPoint spans { 2, 0.5, 3 };
    const std::vector<double> whole = gdlab::cumulativeLengths(points, spans);
    for (const std::size_t piece : { std::size_t(1), std::size_t(3), std::size_t(17), std::size_t(40) }) {
        std::vector<double> lengths;
        PathPoint last {};
        for (std::size_t first = 0; first < points.size(); first += piece) {
            const auto end = points.begin() + static_cast<std::ptrdiff_t>(std::min(points.size(), first + piece));
            gdlab::extendCumulativeLengths(
                lengths, last, std::vector<PathPoint>(points.begin() + static_cast<std::ptrdiff_t>(first), end), spans);
        }
        QVERIFY(lengths == whole);
        QCOMPARE(last, points.back());
    }
}

} // namespace tst_path_sampling

QTEST_APPLESS_MAIN(tst_path_sampling::TestPathSampling)
#include "tst_path_sampling.moc"
