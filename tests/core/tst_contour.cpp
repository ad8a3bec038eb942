#include "contour.h"
#include "error_surface.h"
#include "input_error.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>
#include <utility>
#include <vector>

namespace tst_contour {

using gdlab::ContourLine;
using gdlab::ContourPoint;
using gdlab::SurfaceAxis;
using gdlab::SurfaceGrid;

namespace {

constexpr double pi = 3.14159265358979323846;

SurfaceGrid sample(SurfaceAxis x, SurfaceAxis y, const std::function<double(double, double)>& f)
{
    SurfaceGrid grid;
    grid.x = x;
    grid.y = y;
    grid.values.resize(static_cast<std::size_t>(x.steps) * y.steps);
    grid.minValue = std::numeric_limits<double>::infinity();
    grid.maxValue = -std::numeric_limits<double>::infinity();
    for (int iy = 0; iy < y.steps; ++iy) {
        for (int ix = 0; ix < x.steps; ++ix) {
            const double value = f(x.valueAt(ix), y.valueAt(iy));
            grid.values[static_cast<std::size_t>(iy) * x.steps + ix] = value;
            if (std::isfinite(value)) {
                grid.minValue = std::min(grid.minValue, value);
                grid.maxValue = std::max(grid.maxValue, value);
            }
        }
    }
    return grid;
}

SurfaceAxis axis(double min, double max, int steps)
{
    SurfaceAxis a;
    a.min = min;
    a.max = max;
    a.steps = steps;
    return a;
}

double spacing(const SurfaceAxis& a)
{
    return (a.max - a.min) / (a.steps - 1);
}

/**
 * What every line must satisfy whatever the surface: finite points, no point twice (so nothing degenerate),
 * consecutive points in one cell (so the segments were joined where they meet, not across the grid).
 */
void checkWellFormed(const std::vector<ContourLine>& lines, const SurfaceGrid& grid, double level)
{
    const double cellDiagonal = std::hypot(spacing(grid.x), spacing(grid.y)) * (1 + 1e-9);
    const double slack = 1e-12 * cellDiagonal; // valueAt(steps - 1) may round a hair past max
    for (const ContourLine& line : lines) {
        QCOMPARE(line.level, level);
        QVERIFY2(line.points.size() >= 2, "a line needs two points");
        if (line.closed)
            QVERIFY2(line.points.size() >= 3, "a closed line needs three points");
        std::set<std::pair<double, double>> seen;
        for (std::size_t k = 0; k < line.points.size(); ++k) {
            const ContourPoint& p = line.points[k];
            QVERIFY(std::isfinite(p.x) && std::isfinite(p.y));
            QVERIFY(p.x >= grid.x.min - slack && p.x <= grid.x.max + slack);
            QVERIFY(p.y >= grid.y.min - slack && p.y <= grid.y.max + slack);
            QVERIFY2(seen.insert({ p.x, p.y }).second, "a point repeats within a line");
            const bool last = k + 1 == line.points.size();
            if (last && !line.closed)
                break;
            const ContourPoint& q = line.points[last ? 0 : k + 1];
            QVERIFY2(std::hypot(q.x - p.x, q.y - p.y) <= cellDiagonal, "consecutive points are cells apart");
        }
    }
}

/** The largest angle between neighbouring points seen from the centre, wrap-around included. */
double largestAngularGap(const ContourLine& line, const std::function<double(const ContourPoint&)>& angleOf)
{
    std::vector<double> angles;
    for (const ContourPoint& p : line.points)
        angles.push_back(angleOf(p));
    std::sort(angles.begin(), angles.end());
    double gap = angles.front() + 2 * pi - angles.back();
    for (std::size_t k = 1; k < angles.size(); ++k)
        gap = std::max(gap, angles[k] - angles[k - 1]);
    return gap;
}

bool onBoundary(const ContourPoint& p, const SurfaceGrid& grid)
{
    return p.x == grid.x.min || p.x == grid.x.max || p.y == grid.y.min || p.y == grid.y.max;
}

} // namespace

class TestContour : public QObject {
    Q_OBJECT

private slots:
    void ellipse_data();
    void ellipse();
    void tiltedEllipse();
    void levelOutsideRangeGivesNothing_data();
    void levelOutsideRangeGivesNothing();
    void twoBowlsGiveTwoLoops();
    void saddleSurface_data();
    void saddleSurface();
    void saddleCellUsesCentre_data();
    void saddleCellUsesCentre();
    void levelOnCorners_data();
    void levelOnCorners();
    void nanCellsAreSkipped();
    void invalidGridThrows();
    void levels_data();
    void levels();
    void logarithmicLevelsCrowdNearMinimum();
    void noLevels_data();
    void noLevels();
};

void TestContour::ellipse_data()
{
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("cx");
    QTest::addColumn<double>("cy");
    QTest::addColumn<double>("level");
    QTest::addColumn<int>("steps");

    QTest::addRow("unit circle, coarse") << 1.0 << 1.0 << 0.0 << 0.0 << 0.5 << 21;
    QTest::addRow("unit circle, fine") << 1.0 << 1.0 << 0.0 << 0.0 << 0.5 << 201;
    QTest::addRow("long valley") << 4.0 << 0.25 << 0.3 << -0.1 << 0.3 << 101;
    QTest::addRow("off centre, small level") << 2.0 << 1.5 << -0.7 << 0.4 << 0.02 << 151;
    QTest::addRow("near the edge") << 1.0 << 2.0 << 0.0 << 0.0 << 1.8 << 81;
}

void TestContour::ellipse()
{
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(double, cx);
    QFETCH(double, cy);
    QFETCH(double, level);
    QFETCH(int, steps);

    // Unequal ranges and step counts so that x and y cannot be swapped unnoticed.
    const SurfaceAxis x = axis(cx - 1.5 * a, cx + 1.4 * a, steps);
    const SurfaceAxis y = axis(cy - 1.4 * b, cy + 1.5 * b, steps + 7);
    const SurfaceGrid grid
        = sample(x, y, [&](double u, double v) { return std::pow((u - cx) / a, 2) + std::pow((v - cy) / b, 2); });

    const std::vector<ContourLine> lines = gdlab::contourLines(grid, level);
    QCOMPARE(lines.size(), std::size_t(1));
    checkWellFormed(lines, grid, level);
    const ContourLine& line = lines.front();
    QVERIFY(line.closed);

    // Linear interpolation along an edge of length h misses a quadratic with second derivative 2/a² by at
    // most h²/(4a²) in value: that is how far from the level a point may be.
    const double hx = spacing(grid.x);
    const double hy = spacing(grid.y);
    const double tolerance = hx * hx / (4 * a * a) + hy * hy / (4 * b * b) + 1e-12;
    for (const ContourPoint& p : line.points) {
        const double value = std::pow((p.x - cx) / a, 2) + std::pow((p.y - cy) / b, 2);
        QVERIFY2(std::abs(value - level) <= tolerance,
            qPrintable(QStringLiteral("(%1, %2) has value %3").arg(p.x).arg(p.y).arg(value)));
    }

    // All the way round: no angular gap wider than a few cells.
    const double radius = std::sqrt(level);
    const double allowed = 3 * std::max(hx / a, hy / b) / radius;
    const double gap
        = largestAngularGap(line, [&](const ContourPoint& p) { return std::atan2((p.y - cy) / b, (p.x - cx) / a); });
    QVERIFY2(gap <= allowed, qPrintable(QStringLiteral("gap %1 > %2").arg(gap).arg(allowed)));
}

void TestContour::tiltedEllipse()
{
    // f = p x² + q xy + r y², positive definite; its level sets are ellipses whose major axis runs along
    // y = −x when q > 0.
    const double p = 1.0;
    const double q = 1.2;
    const double r = 0.8;
    const double level = 0.4;
    const SurfaceGrid grid = sample(axis(-1.2, 1.1, 121), axis(-1.3, 1.25, 131),
        [&](double x, double y) { return p * x * x + q * x * y + r * y * y; });

    const std::vector<ContourLine> lines = gdlab::contourLines(grid, level);
    QCOMPARE(lines.size(), std::size_t(1));
    checkWellFormed(lines, grid, level);
    const ContourLine& line = lines.front();
    QVERIFY(line.closed);

    const double hx = spacing(grid.x);
    const double hy = spacing(grid.y);
    const double tolerance = std::max(p * hx * hx, r * hy * hy) / 4 + 1e-12;
    for (const ContourPoint& point : line.points) {
        const double value = p * point.x * point.x + q * point.x * point.y + r * point.y * point.y;
        QVERIFY(std::abs(value - level) <= tolerance);
    }
    QVERIFY(largestAngularGap(line, [](const ContourPoint& point) { return std::atan2(point.y, point.x); }) < 0.1);

    // The rightmost point of the ellipse: x = sqrt(L / (p − q²/4r)) at y = −q x / 2r, below the x axis.
    const auto rightmost = std::max_element(
        line.points.begin(), line.points.end(), [](const ContourPoint& u, const ContourPoint& v) { return u.x < v.x; });
    const double xMax = std::sqrt(level / (p - q * q / (4 * r)));
    QVERIFY(std::abs(rightmost->x - xMax) <= hx);
    QVERIFY(std::abs(rightmost->y - (-q * xMax / (2 * r))) <= 3 * hy);
}

void TestContour::levelOutsideRangeGivesNothing_data()
{
    QTest::addColumn<double>("level");
    QTest::addRow("below the minimum") << -0.1;
    QTest::addRow("above the maximum") << 100.0;
    QTest::addRow("NaN") << std::numeric_limits<double>::quiet_NaN();
    QTest::addRow("infinity") << std::numeric_limits<double>::infinity();
}

void TestContour::levelOutsideRangeGivesNothing()
{
    QFETCH(double, level);
    const SurfaceGrid grid
        = sample(axis(-1, 1, 31), axis(-1, 1, 31), [](double x, double y) { return 0.05 + x * x + 2 * y * y; });
    QVERIFY(gdlab::contourLines(grid, level).empty());
}

void TestContour::twoBowlsGiveTwoLoops()
{
    const SurfaceGrid grid = sample(axis(-2.5, 2.5, 101), axis(-1.5, 1.5, 61),
        [](double x, double y) { return std::min((x + 1) * (x + 1) + y * y, (x - 1) * (x - 1) + y * y); });
    const std::vector<ContourLine> lines = gdlab::contourLines(grid, 0.25);
    QCOMPARE(lines.size(), std::size_t(2));
    checkWellFormed(lines, grid, 0.25);
    std::vector<double> centres;
    for (const ContourLine& line : lines) {
        QVERIFY(line.closed);
        double sum = 0;
        for (const ContourPoint& p : line.points)
            sum += p.x;
        centres.push_back(sum / line.points.size());
    }
    std::sort(centres.begin(), centres.end());
    QVERIFY(std::abs(centres[0] + 1) < 0.05);
    QVERIFY(std::abs(centres[1] - 1) < 0.05);
}

void TestContour::saddleSurface_data()
{
    QTest::addColumn<double>("level");
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("side"); // +1: one branch per sign of x, -1: per sign of y, 0: branches meet

    // 33 samples on [-1, 1] make every coordinate and every value x² − y² exact, so at level 0 the whole
    // diagonal lies exactly on the level: the case that produces zero-length segments.
    QTest::addRow("level 0, exact") << 0.0 << 33 << 0;
    QTest::addRow("level 0, rounded") << 0.0 << 40 << 0;
    QTest::addRow("level 0.5") << 0.5 << 33 << 1;
    QTest::addRow("level -0.5") << -0.5 << 33 << -1;
    QTest::addRow("level 0.5, odd grid") << 0.5 << 50 << 1;
    QTest::addRow("level -0.5, odd grid") << -0.5 << 50 << -1;
}

void TestContour::saddleSurface()
{
    QFETCH(double, level);
    QFETCH(int, steps);
    QFETCH(int, side);

    const SurfaceGrid grid
        = sample(axis(-1, 1, steps), axis(-1, 1, steps), [](double x, double y) { return x * x - y * y; });
    const std::vector<ContourLine> lines = gdlab::contourLines(grid, level);
    checkWellFormed(lines, grid, level);
    QCOMPARE(lines.size(), std::size_t(2));

    const double h = spacing(grid.x);
    for (const ContourLine& line : lines) {
        QVERIFY(!line.closed);
        // A hyperbola or the diagonals leave the square: both ends on its boundary.
        QVERIFY(onBoundary(line.points.front(), grid));
        QVERIFY(onBoundary(line.points.back(), grid));
        for (const ContourPoint& p : line.points)
            QVERIFY(std::abs(p.x * p.x - p.y * p.y - level) <= h * h / 4 + 1e-12);
        if (side != 0) {
            // Each branch keeps to one side of the axis that separates the two branches.
            const auto coordinate = [&](const ContourPoint& p) { return side > 0 ? p.x : p.y; };
            const double sign = coordinate(line.points.front()) > 0 ? 1 : -1;
            for (const ContourPoint& p : line.points)
                QVERIFY(sign * coordinate(p) > 0.5);
        }
    }
}

void TestContour::saddleCellUsesCentre_data()
{
    QTest::addColumn<double>("bottomLeft");
    QTest::addColumn<double>("bottomRight");
    QTest::addColumn<double>("topRight");
    QTest::addColumn<double>("topLeft");
    QTest::addColumn<double>("level");
    QTest::addColumn<bool>("cutsOffLowCorners");

    // The mean of the corners says whether the centre is above: the corners on its side stay connected.
    QTest::addRow("centre above") << 1.0 << 0.0 << 1.0 << 0.2 << 0.5 << true;
    QTest::addRow("centre below") << 1.0 << 0.0 << 0.8 << 0.0 << 0.5 << false;
    QTest::addRow("centre on the level counts as above") << 1.0 << 0.0 << 1.0 << 0.0 << 0.5 << true;
    QTest::addRow("other diagonal, centre below") << 0.0 << 1.0 << 0.1 << 1.0 << 0.6 << false;
    QTest::addRow("other diagonal, centre above") << 0.0 << 1.0 << 0.3 << 1.0 << 0.5 << true;
}

void TestContour::saddleCellUsesCentre()
{
    QFETCH(double, bottomLeft);
    QFETCH(double, bottomRight);
    QFETCH(double, topRight);
    QFETCH(double, topLeft);
    QFETCH(double, level);
    QFETCH(bool, cutsOffLowCorners);

    SurfaceGrid grid;
    grid.x = axis(0, 1, 2);
    grid.y = axis(0, 1, 2);
    grid.values = { bottomLeft, bottomRight, topLeft, topRight }; // row-major, bottom row first
    grid.minValue = 0;
    grid.maxValue = 1;

    const std::vector<ContourLine> lines = gdlab::contourLines(grid, level);
    QCOMPARE(lines.size(), std::size_t(2));
    checkWellFormed(lines, grid, level);

    // Each segment joins a point on a vertical edge with one on a horizontal edge; the corner they share is
    // the one it cuts off.
    std::set<std::pair<double, double>> cut;
    for (const ContourLine& line : lines) {
        QCOMPARE(line.points.size(), std::size_t(2));
        QVERIFY(!line.closed);
        const ContourPoint& u = line.points[0];
        const ContourPoint& v = line.points[1];
        const bool uVertical = u.x == 0 || u.x == 1;
        const ContourPoint& onVertical = uVertical ? u : v;
        const ContourPoint& onHorizontal = uVertical ? v : u;
        QVERIFY(onVertical.x == 0 || onVertical.x == 1);
        QVERIFY(onHorizontal.y == 0 || onHorizontal.y == 1);
        cut.insert({ onVertical.x, onHorizontal.y });
    }
    const auto valueAt = [&](const std::pair<double, double>& corner) {
        return grid.at(static_cast<int>(corner.first), static_cast<int>(corner.second));
    };
    QCOMPARE(cut.size(), std::size_t(2));
    for (const auto& corner : cut)
        QCOMPARE(valueAt(corner) < level, cutsOffLowCorners);
}

void TestContour::levelOnCorners_data()
{
    QTest::addColumn<double>("level");
    QTest::addColumn<int>("lineCount");
    QTest::addColumn<bool>("closed");
    QTest::addColumn<int>("pointCount");

    // A 5 x 5 grid of zeros with a single 1 in the middle and 0.5 around it.
    QTest::addRow("level of the peak: a single point is no line") << 1.0 << 0 << false << 0;
    QTest::addRow("level of the floor: everything is above") << 0.0 << 0 << false << 0;
    QTest::addRow("level of the shoulder") << 0.5 << 1 << true << 8;
    QTest::addRow("between shoulder and peak") << 0.75 << 1 << true << 4;
    QTest::addRow("between floor and shoulder") << 0.25 << 1 << true << 12;
}

void TestContour::levelOnCorners()
{
    QFETCH(double, level);
    QFETCH(int, lineCount);
    QFETCH(bool, closed);
    QFETCH(int, pointCount);

    SurfaceGrid grid = sample(axis(-2, 2, 5), axis(-2, 2, 5), [](double x, double y) {
        const double ring = std::max(std::abs(x), std::abs(y));
        return ring == 0 ? 1.0 : ring == 1 ? 0.5 : 0.0;
    });
    const std::vector<ContourLine> lines = gdlab::contourLines(grid, level);
    checkWellFormed(lines, grid, level);
    QCOMPARE(static_cast<int>(lines.size()), lineCount);
    for (const ContourLine& line : lines) {
        QCOMPARE(line.closed, closed);
        QCOMPARE(static_cast<int>(line.points.size()), pointCount);
    }
}

void TestContour::nanCellsAreSkipped()
{
    const auto bowl = [](double x, double y) { return x * x + y * y; };
    SurfaceGrid grid = sample(axis(-1, 1, 41), axis(-1, 1, 41), bowl);
    const double level = 0.25; // the circle of radius 0.5

    // A hole far from the circle changes nothing.
    SurfaceGrid far = grid;
    far.values[0] = std::numeric_limits<double>::quiet_NaN();
    const std::vector<ContourLine> reference = gdlab::contourLines(grid, level);
    const std::vector<ContourLine> farLines = gdlab::contourLines(far, level);
    QCOMPARE(farLines.size(), reference.size());
    QCOMPARE(farLines.front().points.size(), reference.front().points.size());
    QVERIFY(farLines.front().closed);

    // A hole on the circle, at (0.5, 0), breaks it into an open line that avoids the hole.
    SurfaceGrid holed = grid;
    holed.values[20 * 41 + 30] = std::numeric_limits<double>::quiet_NaN();
    const std::vector<ContourLine> lines = gdlab::contourLines(holed, level);
    checkWellFormed(lines, holed, level);
    QCOMPARE(lines.size(), std::size_t(1));
    QVERIFY(!lines.front().closed);
    QVERIFY(lines.front().points.size() < reference.front().points.size());
}

void TestContour::invalidGridThrows()
{
    SurfaceGrid grid = sample(axis(0, 1, 3), axis(0, 1, 3), [](double x, double y) { return x + y; });
    grid.values.pop_back();
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::contourLines(grid, 0.5));
    SurfaceGrid thin = sample(axis(0, 1, 1), axis(0, 1, 3), [](double x, double y) { return x + y; });
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::contourLines(thin, 0.5));
}

void TestContour::levels_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("logarithmic");

    for (const bool logarithmic : { false, true }) {
        const char* kind = logarithmic ? "log" : "linear";
        QTest::addRow("%s, one level", kind) << 0.0 << 1.0 << 1 << logarithmic;
        QTest::addRow("%s, ten levels", kind) << 0.5 << 1000.0 << 10 << logarithmic;
        QTest::addRow("%s, negative range", kind) << -7.0 << -2.0 << 6 << logarithmic;
        QTest::addRow("%s, forty levels", kind) << 3e-6 << 2e8 << 40 << logarithmic;
    }
}

void TestContour::levels()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(int, count);
    QFETCH(bool, logarithmic);

    SurfaceGrid grid;
    grid.minValue = min;
    grid.maxValue = max;
    const std::vector<double> levels = gdlab::contourLevels(grid, count, logarithmic);
    QCOMPARE(static_cast<int>(levels.size()), count);
    for (std::size_t k = 0; k < levels.size(); ++k) {
        QVERIFY(levels[k] > min && levels[k] < max);
        if (k > 0)
            QVERIFY(levels[k] > levels[k - 1]);
    }
    if (count < 3)
        return;
    for (std::size_t k = 2; k < levels.size(); ++k) {
        if (logarithmic) {
            // Equal ratios of the height above the minimum.
            const double ratio = (levels[k] - min) / (levels[k - 1] - min);
            const double previous = (levels[k - 1] - min) / (levels[k - 2] - min);
            QVERIFY(std::abs(ratio - previous) <= 1e-9 * ratio);
        } else {
            const double step = levels[k] - levels[k - 1];
            const double previous = levels[k - 1] - levels[k - 2];
            QVERIFY(std::abs(step - previous) <= 1e-9 * (max - min));
        }
    }
    if (!logarithmic) {
        // Evenly spaced strictly inside: the margins to min and max equal the step.
        const double step = (max - min) / (count + 1);
        QVERIFY(std::abs(levels.front() - min - step) <= 1e-9 * (max - min));
        QVERIFY(std::abs(max - levels.back() - step) <= 1e-9 * (max - min));
    }
}

void TestContour::logarithmicLevelsCrowdNearMinimum()
{
    const SurfaceGrid grid
        = sample(axis(-3, 3, 61), axis(-3, 3, 61), [](double x, double y) { return 2 + 10 * x * x + y * y; });
    const std::vector<double> logLevels = gdlab::contourLevels(grid, 10, true);
    const std::vector<double> linearLevels = gdlab::contourLevels(grid, 10, false);
    QCOMPARE(logLevels.size(), std::size_t(10));
    QCOMPARE(linearLevels.size(), std::size_t(10));

    // Most logarithmic levels lie in the lowest tenth of the range, where linear ones put a single one at most.
    const double lowTenth = grid.minValue + 0.1 * (grid.maxValue - grid.minValue);
    const auto below = [&](const std::vector<double>& levels) {
        return std::count_if(levels.begin(), levels.end(), [&](double level) { return level < lowTenth; });
    };
    QVERIFY(below(logLevels) >= 5);
    QVERIFY(below(linearLevels) <= 1);
    // Gaps grow outwards.
    for (std::size_t k = 2; k < logLevels.size(); ++k)
        QVERIFY(logLevels[k] - logLevels[k - 1] > logLevels[k - 1] - logLevels[k - 2]);
    // Low levels draw a closed ring around the minimum; from 2 + 9 up the ring leaves the square at y = ±3 and
    // falls apart into a left and a right arc.
    for (const double level : logLevels) {
        const std::vector<ContourLine> lines = gdlab::contourLines(grid, level);
        QCOMPARE(lines.size(), std::size_t(level < 11 ? 1 : 2));
        for (const ContourLine& line : lines)
            QCOMPARE(line.closed, level < 11);
    }
}

void TestContour::noLevels_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<int>("count");

    QTest::addRow("zero count") << 0.0 << 1.0 << 0;
    QTest::addRow("negative count") << 0.0 << 1.0 << -3;
    QTest::addRow("flat grid") << 2.5 << 2.5 << 10;
    QTest::addRow("inverted range") << 3.0 << 1.0 << 10;
    QTest::addRow("infinite maximum") << 0.0 << std::numeric_limits<double>::infinity() << 10;
    QTest::addRow("NaN minimum") << std::numeric_limits<double>::quiet_NaN() << 1.0 << 10;
}

void TestContour::noLevels()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(int, count);
    SurfaceGrid grid;
    grid.minValue = min;
    grid.maxValue = max;
    QVERIFY(gdlab::contourLevels(grid, count, false).empty());
    QVERIFY(gdlab::contourLevels(grid, count, true).empty());
}

} // namespace tst_contour

QTEST_APPLESS_MAIN(tst_contour::TestContour)
#include "tst_contour.moc"
