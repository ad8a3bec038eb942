#include "dataset.h"
#include "error_surface.h"
#include "history.h"
#include "loss.h"
#include "problem.h"
#include "slice_quadratic.h"
#include "surface_frame.h"

#include <QtTest>

#include <Eigen/Core>

#include <cmath>
#include <limits>
#include <vector>

namespace tst_surface_frame {

using gdlab::History;
using gdlab::Problem;
using gdlab::SurfaceAxis;
using gdlab::SurfaceFrame;
using gdlab::SurfacePath;

namespace {

/** Eight rows, two features and a noisy target: three parameters, a loss that does not vanish. */
Problem noisyProblem()
{
    Eigen::MatrixXd values(8, 3);
    values << 0.5, 2.0, 3.1, //
        1.0, -1.0, 1.7, //
        1.5, 0.5, 4.4, //
        2.0, 3.0, 8.9, //
        2.5, -0.5, 3.8, //
        3.0, 1.0, 7.2, //
        3.5, 2.5, 10.3, //
        4.0, 0.0, 6.6;
    return Problem(gdlab::Dataset({ "x1", "x2", "y" }, values), gdlab::ProblemSpec {});
}

double mse(const Problem& problem, const Eigen::VectorXd& theta)
{
    return (problem.design() * theta - problem.target()).squaredNorm() / static_cast<double>(problem.sampleCount());
}

/** A history of the given states, each with its own mse unless a loss is given. */
History historyOf(const Problem& problem, const std::vector<Eigen::VectorXd>& states, std::vector<double> losses = {})
{
    History history(problem.parameterCount(), false);
    for (std::size_t k = 0; k < states.size(); ++k) {
        const double loss = k < losses.size() ? losses[k] : mse(problem, states[k]);
        history.append(static_cast<long long>(k), states[k].data(), loss, std::sqrt(loss), 0.0);
    }
    return history;
}

/** A straight descent from start to the optimum in count states. */
std::vector<Eigen::VectorXd> straightPath(const Problem& problem, const Eigen::VectorXd& start, int count)
{
    std::vector<Eigen::VectorXd> states;
    for (int k = 0; k < count; ++k)
        states.push_back(start + (problem.leastSquaresTheta() - start) * k / (count - 1));
    return states;
}

/** Where value lies on the axis, 0 at min and 1 at max. */
double fraction(const SurfaceAxis& axis, double value)
{
    return (value - axis.min) / (axis.max - axis.min);
}

bool inside(const SurfaceAxis& axis, double value)
{
    return axis.min < value && value < axis.max;
}

/** The largest step of 1, 2 or 5 × 10ⁿ that both ends are whole multiples of. */
double coarsestRoundStep(double low, double high)
{
    const auto multipleOf = [](double value, double step) {
        const double ratio = value / step;
        return std::abs(ratio - std::round(ratio)) < 1e-9 * std::max(1.0, std::abs(ratio));
    };
    for (int power = 20; power >= -20; --power)
        for (const double mantissa : { 5.0, 2.0, 1.0 }) {
            const double step = mantissa * std::pow(10.0, power);
            if (multipleOf(low, step) && multipleOf(high, step))
                return step;
        }
    return 0;
}

double doublingDistance(const Problem& problem, Eigen::Index parameter)
{
    return std::sqrt(problem.minimumSumOfSquares() / problem.gram()(parameter, parameter));
}

} // namespace

class TestSurfaceFrame : public QObject {
    Q_OBJECT

private slots:
    void coversOptimumStartAndPath();
    void keepsTheShapeOfTheLevelSets();
    void edgesAreRoundNumbers();
    void roundTicksInsideTheRange();
    void divergingPathIsFollowedOnlyToTheLossLimit();
    void startAtTheOptimumStillShowsABowl();
    void noPathCentresTheOptimum();
    void optimumIsAwayFromTheEdges_data();
    void optimumIsAwayFromTheEdges();
    void statesThatDoNotFitAreLeftOut();
    void heightsReachDownToTheSlicesLowestPoint();
    void heightsOfAFlatGrid();
    void frameHoldingFollowsAPointOutside();
    void growingPathReadOnceGivesTheSameFrame();
};

void TestSurfaceFrame::coversOptimumStartAndPath()
{
    const Problem problem = noisyProblem();
    Eigen::VectorXd start(3);
    start << -2.0, 4.0, 0.5;
    const History history = historyOf(problem, straightPath(problem, start, 20));
    const SurfaceFrame frame
        = gdlab::frameSurface(problem, 1, 2, problem.leastSquaresTheta(), { &history, history.size() }, 37);
    QCOMPARE(frame.x.parameter, Eigen::Index(1));
    QCOMPARE(frame.y.parameter, Eigen::Index(2));
    QCOMPARE(frame.x.steps, 37);
    QCOMPARE(frame.y.steps, 37);
    for (std::size_t row = 0; row < history.size(); ++row) {
        // Inside with a margin: no state of the path lies on the border.
        const double u = fraction(frame.x, history.theta(row)(1));
        const double v = fraction(frame.y, history.theta(row)(2));
        QVERIFY2(u > 0.1 && u < 0.9 && v > 0.1 && v < 0.9,
            qPrintable(QStringLiteral("row %1 at (%2, %3)").arg(row).arg(u).arg(v)));
    }
    // Not much more than that: along one axis the start is more than halfway from the centre to the edge.
    const double u = std::abs(fraction(frame.x, start(1)) - 0.5);
    const double v = std::abs(fraction(frame.y, start(2)) - 0.5);
    QVERIFY2(std::max(u, v) > 0.25, qPrintable(QStringLiteral("%1, %2").arg(u).arg(v)));
}

void TestSurfaceFrame::keepsTheShapeOfTheLevelSets()
{
    const Problem problem = noisyProblem();
    const gdlab::SliceQuadratic slice(problem, 1, 2, problem.leastSquaresTheta());
    Eigen::VectorXd start = problem.leastSquaresTheta();
    start(1) += 3.0;
    start(2) -= 2.0;
    const History history = historyOf(problem, { start });
    const SurfaceFrame frame
        = gdlab::frameSurface(problem, 1, 2, problem.leastSquaresTheta(), { &history, history.size() }, 20);
    // The box of the start's level set: the frame's width and height are in its proportion, up to the rounding
    // of the edges (each moves out by at most a quarter of the span).
    const Eigen::Vector2d box = slice.levelSetHalfSpans(slice.sumOfSquaresAt(start));
    const double aspect = (frame.x.max - frame.x.min) / (frame.y.max - frame.y.min);
    QVERIFY2(aspect > box(0) / box(1) / 1.5 && aspect < box(0) / box(1) * 1.5,
        qPrintable(QStringLiteral("%1 against %2").arg(aspect).arg(box(0) / box(1))));
    // The whole ellipse through the start is inside: every point on it, not only the start.
    for (int k = 0; k < 64; ++k) {
        const double angle = 2 * M_PI * k / 64;
        const Eigen::Vector2d direction(std::cos(angle), std::sin(angle));
        const double rise = slice.sumOfSquaresAt(start) - slice.minimumSumOfSquares();
        const double scale = std::sqrt(rise / direction.dot(slice.curvature() * direction));
        QVERIFY(inside(frame.x, slice.minimum()(0) + scale * direction(0)));
        QVERIFY(inside(frame.y, slice.minimum()(1) + scale * direction(1)));
    }
}

void TestSurfaceFrame::edgesAreRoundNumbers()
{
    const Problem problem = noisyProblem();
    Eigen::VectorXd start(3);
    start << -2.123, 4.567, 0.891;
    const History history = historyOf(problem, straightPath(problem, start, 10));
    for (const auto& [px, py] : { std::pair<Eigen::Index, Eigen::Index> { 0, 1 }, { 1, 2 }, { 2, 0 } }) {
        const SurfaceFrame frame
            = gdlab::frameSurface(problem, px, py, problem.leastSquaresTheta(), { &history, history.size() }, 10);
        for (const SurfaceAxis& axis : { frame.x, frame.y }) {
            const double step = coarsestRoundStep(axis.min, axis.max);
            QVERIFY2((axis.max - axis.min) / step <= 20.0 + 1e-9,
                qPrintable(QStringLiteral("[%1, %2]: step %3").arg(axis.min).arg(axis.max).arg(step)));
        }
    }
    QCOMPARE(gdlab::roundTickStep(10.0, 10), 1.0);
    QCOMPARE(gdlab::roundTickStep(11.0, 10), 2.0);
    QCOMPARE(gdlab::roundTickStep(0.3, 10), 0.05);
    QCOMPARE(gdlab::roundTickStep(70.0, 10), 10.0);
}

void TestSurfaceFrame::roundTicksInsideTheRange()
{
    using Ticks = std::vector<double>;
    QCOMPARE(gdlab::roundTicks(0.0572, 0.98, 5), (Ticks { 0.2, 0.4, 0.6, 0.8 }));
    QCOMPARE(gdlab::roundTicks(-3, 5, 5), (Ticks { -2, 0, 2, 4 }));
    QCOMPARE(gdlab::roundTicks(0, 10, 5), (Ticks { 0, 2, 4, 6, 8, 10 }));
    // A loss floor a rounding error above zero is labelled 0, not 7.65e-30.
    QCOMPARE(gdlab::roundTicks(7.65e-30, 336, 5), (Ticks { 0, 100, 200, 300 }));
    QCOMPARE(gdlab::roundTicks(-0.25, 0.25, 5), (Ticks { -0.2, -0.1, 0, 0.1, 0.2 }));
    QVERIFY(gdlab::roundTicks(1, 1, 5).empty());
    QVERIFY(gdlab::roundTicks(0, std::numeric_limits<double>::infinity(), 5).empty());
    // Never more than maxIntervals + 1, never fewer than two, over ranges of every size and position.
    for (double low = -7.3; low < 7; low += 0.37)
        for (double span = 1e-3; span < 1e4; span *= 1.7) {
            const Ticks ticks = gdlab::roundTicks(low, low + span, 5);
            QVERIFY2(ticks.size() >= 2 && ticks.size() <= 6,
                qPrintable(QStringLiteral("[%1, %2]: %3 ticks").arg(low).arg(low + span).arg(ticks.size())));
            QVERIFY(ticks.front() >= low - 1e-9 * span && ticks.back() <= low + span + 1e-9 * span);
        }
}

void TestSurfaceFrame::divergingPathIsFollowedOnlyToTheLossLimit()
{
    const Problem problem = noisyProblem();
    const Eigen::VectorXd& optimum = problem.leastSquaresTheta();
    Eigen::VectorXd near = optimum;
    near(1) += 1.0;
    Eigen::VectorXd farAway = optimum;
    farAway(1) += 1e6;
    Eigen::VectorXd within = optimum;
    within(1) -= 3.0;
    const double startLoss = 2.0;
    // The far state's loss is beyond the limit: left out. The other is exactly at it: kept.
    const double limit = gdlab::surfacePathLossFactor * startLoss;
    const History history = historyOf(problem, { near, farAway, within }, { startLoss, limit + 1e-9, limit });
    const SurfaceFrame frame = gdlab::frameSurface(problem, 1, 2, problem.leastSquaresTheta(), { &history, 3 }, 10);
    QVERIFY(!inside(frame.x, farAway(1)));
    QVERIFY(frame.x.max - frame.x.min < 20);
    QVERIFY(inside(frame.x, within(1)));
    QVERIFY(inside(frame.x, near(1)));
    // Only the published rows count: the same history with two rows does not reach the third state.
    const SurfaceFrame shorter = gdlab::frameSurface(problem, 1, 2, problem.leastSquaresTheta(), { &history, 2 }, 10);
    QVERIFY(!inside(shorter.x, within(1)));
}

void TestSurfaceFrame::startAtTheOptimumStillShowsABowl()
{
    const Problem problem = noisyProblem();
    const Eigen::VectorXd& optimum = problem.leastSquaresTheta();
    const History history = historyOf(problem, { optimum });
    for (const auto& [px, py] : { std::pair<Eigen::Index, Eigen::Index> { 0, 1 }, { 1, 2 }, { 2, 0 } }) {
        const SurfaceFrame frame
            = gdlab::frameSurface(problem, px, py, problem.leastSquaresTheta(), { &history, 1 }, 10);
        // At least the distance over which the loss doubles, on each side.
        QVERIFY(optimum(px) - frame.x.min >= doublingDistance(problem, px) * (1 - 1e-12));
        QVERIFY(frame.x.max - optimum(px) >= doublingDistance(problem, px) * (1 - 1e-12));
        QVERIFY(optimum(py) - frame.y.min >= doublingDistance(problem, py) * (1 - 1e-12));
        QVERIFY(frame.y.max - optimum(py) >= doublingDistance(problem, py) * (1 - 1e-12));
    }
}

void TestSurfaceFrame::noPathCentresTheOptimum()
{
    const Problem problem = noisyProblem();
    const Eigen::VectorXd& optimum = problem.leastSquaresTheta();
    const SurfaceFrame frame = gdlab::frameSurface(problem, 0, 2, problem.leastSquaresTheta(), SurfacePath {}, 5);
    // Centred up to the rounding of the edges.
    QVERIFY2(std::abs(fraction(frame.x, optimum(0)) - 0.5) < 0.15,
        qPrintable(QString::number(fraction(frame.x, optimum(0)))));
    QVERIFY2(std::abs(fraction(frame.y, optimum(2)) - 0.5) < 0.15,
        qPrintable(QString::number(fraction(frame.y, optimum(2)))));
    QVERIFY(frame.x.max > frame.x.min);
    QVERIFY(frame.y.max > frame.y.min);
}

void TestSurfaceFrame::optimumIsAwayFromTheEdges_data()
{
    QTest::addColumn<double>("dx");
    QTest::addColumn<double>("dy");
    QTest::addRow("far right") << 50.0 << 0.0;
    QTest::addRow("far left") << -50.0 << 0.0;
    QTest::addRow("far up") << 0.0 << 80.0;
    QTest::addRow("far down, a little left") << -0.5 << -80.0;
    QTest::addRow("diagonal") << 30.0 << -30.0;
}

void TestSurfaceFrame::optimumIsAwayFromTheEdges()
{
    QFETCH(double, dx);
    QFETCH(double, dy);
    const Problem problem = noisyProblem();
    const Eigen::VectorXd& optimum = problem.leastSquaresTheta();
    Eigen::VectorXd start = optimum;
    start(1) += dx;
    start(2) += dy;
    const History history = historyOf(problem, straightPath(problem, start, 30));
    const SurfaceFrame frame
        = gdlab::frameSurface(problem, 1, 2, problem.leastSquaresTheta(), { &history, history.size() }, 10);
    const double u = fraction(frame.x, optimum(1));
    const double v = fraction(frame.y, optimum(2));
    QVERIFY2(u >= 0.15 - 1e-12 && u <= 0.85 + 1e-12, qPrintable(QString::number(u)));
    QVERIFY2(v >= 0.15 - 1e-12 && v <= 0.85 + 1e-12, qPrintable(QString::number(v)));
    QVERIFY(inside(frame.x, start(1)) || dx == 0);
    QVERIFY(inside(frame.y, start(2)) || dy == 0);
}

void TestSurfaceFrame::statesThatDoNotFitAreLeftOut()
{
    const Problem problem = noisyProblem();
    const SurfaceFrame alone = gdlab::frameSurface(problem, 1, 2, problem.leastSquaresTheta(), SurfacePath {}, 10);

    Eigen::VectorXd notFinite = problem.leastSquaresTheta();
    notFinite(1) = std::numeric_limits<double>::quiet_NaN();
    Eigen::VectorXd far = problem.leastSquaresTheta();
    far(2) = std::numeric_limits<double>::infinity();
    const History broken = historyOf(problem, { notFinite, far }, { 1.0, 1.0 });
    const SurfaceFrame withBroken = gdlab::frameSurface(problem, 1, 2, problem.leastSquaresTheta(), { &broken, 2 }, 10);
    QCOMPARE(withBroken.x.min, alone.x.min);
    QCOMPARE(withBroken.y.max, alone.y.max);

    // A history of another problem (two parameters here, three there) is no path of this one.
    History other(2, false);
    const double theta[] = { 100.0, -100.0 };
    other.append(0, theta, 1.0, 1.0, 0.0);
    const SurfaceFrame withOther = gdlab::frameSurface(problem, 0, 1, problem.leastSquaresTheta(), { &other, 1 }, 10);
    const SurfaceFrame alone01 = gdlab::frameSurface(problem, 0, 1, problem.leastSquaresTheta(), SurfacePath {}, 10);
    QCOMPARE(withOther.x.max, alone01.x.max);
    QCOMPARE(withOther.y.min, alone01.y.min);
}

void TestSurfaceFrame::heightsReachDownToTheSlicesLowestPoint()
{
    const Problem problem = noisyProblem();
    const double weight = gdlab::lossWeight(gdlab::LossKind::Mse, problem.sampleCount());
    // A slice held away from the optimum: its lowest point lies above the optimum's loss, and between samples.
    Eigen::VectorXd base = problem.leastSquaresTheta();
    base(0) += 2.0;
    const gdlab::SliceQuadratic slice(problem, 1, 2, base);
    const SurfaceFrame frame = gdlab::frameSurface(problem, 1, 2, base, SurfacePath {}, 7);
    const gdlab::SurfaceGrid grid = gdlab::computeSurface(problem, gdlab::LossKind::Mse, base, frame.x, frame.y);
    const gdlab::SurfaceHeights heights = gdlab::surfaceHeights(grid, slice, weight);
    const Eigen::VectorXd lowest = [&] {
        Eigen::VectorXd theta = base;
        theta(1) = slice.minimum()(0);
        theta(2) = slice.minimum()(1);
        return theta;
    }();
    QVERIFY(std::abs(heights.low - mse(problem, lowest)) < 1e-12 * mse(problem, lowest));
    QVERIFY(heights.low <= grid.minValue);
    QVERIFY(heights.low > weight * problem.minimumSumOfSquares());
    QCOMPARE(heights.high, grid.maxValue);
}

void TestSurfaceFrame::heightsOfAFlatGrid()
{
    const Problem problem = noisyProblem();
    gdlab::SurfaceGrid grid;
    grid.minValue = 0;
    grid.maxValue = 0;
    const gdlab::SliceQuadratic slice(problem, 1, 2, problem.leastSquaresTheta());
    const gdlab::SurfaceHeights heights = gdlab::surfaceHeights(grid, slice, 0.0);
    QCOMPARE(heights.low, 0.0);
    QCOMPARE(heights.high, 1.0);
}

// Following the current θ: a point inside keeps the frame; one outside grows it about its centre by one factor
// (the level sets keep their aspect) until the point is well inside, with round edges.
void TestSurfaceFrame::frameHoldingFollowsAPointOutside()
{
    gdlab::SurfaceFrame frame;
    frame.x = { 1, -2.0, 4.0, 50 };
    frame.y = { 2, 0.0, 1.0, 50 };
    const gdlab::SurfaceFrame same = gdlab::frameHolding(frame, 1.5, 0.5);
    QCOMPARE(same.x.min, -2.0);
    QCOMPARE(same.y.max, 1.0);
    QCOMPARE(gdlab::frameHolding(frame, std::nan(""), 0.5).x.max, 4.0);
    for (const auto& [a, b] : { std::pair { 30.0, 0.5 }, { 1.0, -12.0 }, { -1e6, 4e5 } }) {
        const gdlab::SurfaceFrame grown = gdlab::frameHolding(frame, a, b);
        QCOMPARE(grown.x.parameter, 1);
        QCOMPARE(grown.y.steps, 50);
        const double spanX = grown.x.max - grown.x.min;
        const double spanY = grown.y.max - grown.y.min;
        QVERIFY(a > grown.x.min + 0.05 * spanX && a < grown.x.max - 0.05 * spanX);
        QVERIFY(b > grown.y.min + 0.05 * spanY && b < grown.y.max - 0.05 * spanY);
        // Still round about the old centre, with about the old aspect (rounding the edges may widen either).
        QVERIFY(std::abs((grown.x.min + grown.x.max) / 2 - 1.0) < 0.2 * spanX);
        QVERIFY(spanX / spanY > 6.0 * 0.5 && spanX / spanY < 6.0 * 2.0);
    }
}

// A run streaming in: the frame of each longer path, read through one cache, is the frame read from the start; the
// cache moves on to the new rows only, and another slice or another history starts it afresh.
void TestSurfaceFrame::growingPathReadOnceGivesTheSameFrame()
{
    const Problem problem = noisyProblem();
    Eigen::VectorXd start(3);
    start << -2.0, 4.0, 0.5;
    const History history = historyOf(problem, straightPath(problem, start, 30));
    const Eigen::VectorXd& base = problem.leastSquaresTheta();
    const auto sameFrame = [](const SurfaceFrame& a, const SurfaceFrame& b) {
        return a.x.min == b.x.min && a.x.max == b.x.max && a.y.min == b.y.min && a.y.max == b.y.max;
    };
    gdlab::PathRiseCache cache;
    for (std::size_t rows : { std::size_t(1), std::size_t(2), std::size_t(9), std::size_t(30) }) {
        const SurfaceFrame read = gdlab::frameSurface(problem, 1, 2, base, { &history, rows }, 10, &cache);
        QVERIFY(sameFrame(read, gdlab::frameSurface(problem, 1, 2, base, { &history, rows }, 10)));
        QCOMPARE(cache.rows, rows);
    }
    // Another slice, then a shorter path of another history: each from its start.
    QVERIFY(sameFrame(gdlab::frameSurface(problem, 0, 2, base, { &history, 30 }, 10, &cache),
        gdlab::frameSurface(problem, 0, 2, base, { &history, 30 }, 10)));
    QCOMPARE(cache.x, Eigen::Index(0));
    const History other = historyOf(problem, straightPath(problem, -start, 5));
    QVERIFY(sameFrame(gdlab::frameSurface(problem, 0, 2, base, { &other, 5 }, 10, &cache),
        gdlab::frameSurface(problem, 0, 2, base, { &other, 5 }, 10)));
    QCOMPARE(cache.history, &other);
}

} // namespace tst_surface_frame

QTEST_APPLESS_MAIN(tst_surface_frame::TestSurfaceFrame)
#include "tst_surface_frame.moc"
