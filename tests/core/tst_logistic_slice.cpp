// The log loss on a slice and along a parameter, as the surface views and the 1-D loss view draw the logistic
// model: every value against LogisticLoss::value at the same θ, slopes against central differences, the grid's
// resolution cap, and the framing of the surface with an optimum and without one (separable data).
#include "dataset.h"
#include "error_surface.h"
#include "history.h"
#include "input_error.h"
#include "logistic_fit.h"
#include "logistic_loss.h"
#include "logistic_slice.h"
#include "loss_along_parameter.h"
#include "problem.h"
#include "surface_frame.h"

#include <QtTest>

#include <Eigen/Core>

#include <cmath>

namespace tst_logistic_slice {

using gdlab::History;
using gdlab::LogisticLoss;
using gdlab::LogisticSlice;
using gdlab::LossAlongParameter;
using gdlab::Problem;
using gdlab::SurfaceAxis;
using gdlab::SurfaceFrame;
using gdlab::SurfacePath;

namespace {

/** Ten rows, two features and overlapping classes: three parameters and a finite optimum. */
Problem overlappingProblem()
{
    Eigen::MatrixXd values(10, 3);
    values << 0.5, 2.0, 0, //
        1.0, -1.0, 0, //
        1.5, 0.5, 1, //
        2.0, 3.0, 0, //
        2.5, -0.5, 1, //
        3.0, 1.0, 0, //
        3.5, 2.5, 1, //
        4.0, 0.0, 1, //
        4.5, 1.5, 1, //
        1.2, 0.7, 1;
    return Problem(gdlab::Dataset({ "x1", "x2", "y" }, values), gdlab::ProblemSpec {});
}

/** One feature whose classes a threshold at 2.5 separates: no finite optimum. */
Problem separableProblem()
{
    Eigen::MatrixXd values(6, 2);
    values << 0.5, 0, 1.0, 0, 2.0, 0, 3.0, 1, 3.5, 1, 4.5, 1;
    return Problem(gdlab::Dataset({ "hours", "pass" }, values), gdlab::ProblemSpec {});
}

Eigen::VectorXd onSlice(const Eigen::VectorXd& base, Eigen::Index x, Eigen::Index y, double a, double b)
{
    Eigen::VectorXd theta = base;
    theta(x) = a;
    theta(y) = b;
    return theta;
}

bool close(double actual, double expected, double tolerance = 1e-12)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

/** A path of the given states, as a history holds them. */
History pathOf(const std::vector<Eigen::VectorXd>& states, const LogisticLoss& loss)
{
    History history(states.front().size(), false, true);
    for (const Eigen::VectorXd& theta : states)
        history.appendClassified(0, theta.data(), loss.value(theta), 0.5, 0.0);
    return history;
}

bool inside(const SurfaceFrame& frame, double a, double b)
{
    return frame.x.min < a && a < frame.x.max && frame.y.min < b && b < frame.y.max;
}

} // namespace

class TestLogisticSlice : public QObject {
    Q_OBJECT

private slots:
    void sliceIsTheLogLossOfTheRows();
    void gridCellsAreTheLogLoss();
    void stepsAreCappedByRows();
    void lineIsTheLogLossAndItsSlopeTheDerivative();
    void lineMinimumIsWhereTheSlopeVanishes();
    void separableLineHasNoMinimum();
    void frameCentresOnTheOptimumAndHoldsThePath();
    void separableFrameHoldsStartAndPath();
};

void TestLogisticSlice::sliceIsTheLogLossOfTheRows()
{
    const Problem problem = overlappingProblem();
    const LogisticLoss loss(problem);
    Eigen::VectorXd base(3);
    base << 0.3, -0.8, 1.1;
    for (const auto& [x, y] : { std::pair<Eigen::Index, Eigen::Index> { 0, 1 }, { 1, 2 }, { 2, 0 } }) {
        const LogisticSlice slice(problem, x, y, base);
        for (const auto& [a, b] : { std::pair { 0.0, 0.0 }, { -3.0, 4.5 }, { 40.0, -70.0 }, { base(x), base(y) } }) {
            const Eigen::VectorXd theta = onSlice(base, x, y, a, b);
            QVERIFY2(close(slice.loss(a, b), loss.value(theta)),
                qPrintable(QStringLiteral("%1 against %2").arg(slice.loss(a, b), 0, 'g', 17).arg(loss.value(theta))));
            // A θ off the slice counts by its projection: its x and y, the others at base.
            Eigen::VectorXd elsewhere = Eigen::VectorXd::Constant(3, 99.0);
            elsewhere(x) = a;
            elsewhere(y) = b;
            QCOMPARE(slice.lossAt(elsewhere), slice.loss(a, b));
        }
    }
}

void TestLogisticSlice::gridCellsAreTheLogLoss()
{
    const Problem problem = overlappingProblem();
    const LogisticLoss loss(problem);
    Eigen::VectorXd base(3);
    base << -0.4, 0.9, 0.2;
    const SurfaceAxis x { 1, -4.0, 3.0, 15 };
    const SurfaceAxis y { 2, -2.0, 5.0, 11 };
    const gdlab::SurfaceGrid grid = gdlab::computeLogisticSurface(problem, base, x, y);
    QCOMPARE(grid.values.size(), std::size_t(15 * 11));
    double lowest = grid.at(0, 0);
    double highest = grid.at(0, 0);
    for (int iy = 0; iy < y.steps; ++iy)
        for (int ix = 0; ix < x.steps; ++ix) {
            lowest = std::min(lowest, grid.at(ix, iy));
            highest = std::max(highest, grid.at(ix, iy));
        }
    QCOMPARE(grid.minValue, lowest);
    QCOMPARE(grid.maxValue, highest);
    for (const auto& [ix, iy] : { std::pair { 0, 0 }, { 14, 10 }, { 7, 3 }, { 2, 9 } }) {
        const Eigen::VectorXd theta = onSlice(base, 1, 2, x.valueAt(ix), y.valueAt(iy));
        QVERIFY(close(grid.at(ix, iy), loss.value(theta)));
    }
    // The surface of the linear model's checks: a bad axis is refused, not drawn.
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError,
        gdlab::computeLogisticSurface(problem, base, SurfaceAxis { 1, 0, 1, 5 }, SurfaceAxis { 1, 0, 1, 5 }));
}

void TestLogisticSlice::stepsAreCappedByRows()
{
    QCOMPARE(gdlab::logisticSurfaceSteps(100, 160), 160);
    // 10⁵ rows: √(3·10⁷ / 10⁵) ≈ 17 per axis is below the floor of a readable map.
    QCOMPARE(gdlab::logisticSurfaceSteps(100000, 160), gdlab::logisticSurfaceMinSteps);
    const int steps = gdlab::logisticSurfaceSteps(5000, 160);
    QVERIFY(steps < 160 && steps > gdlab::logisticSurfaceMinSteps);
    QVERIFY(double(steps) * steps * 5000 <= gdlab::logisticSurfaceBudget);
    QCOMPARE(gdlab::logisticSurfaceSteps(100000, 10), 10); // never more than asked
}

void TestLogisticSlice::lineIsTheLogLossAndItsSlopeTheDerivative()
{
    const Problem problem = overlappingProblem();
    const LogisticLoss loss(problem);
    Eigen::VectorXd base(3);
    base << 0.3, -0.8, 1.1;
    for (Eigen::Index parameter = 0; parameter < 3; ++parameter) {
        const LossAlongParameter line = LossAlongParameter::logistic(problem, parameter, base);
        for (const double value : { -5.0, -0.25, 0.0, 1.5, 30.0 }) {
            Eigen::VectorXd theta = base;
            theta(parameter) = value;
            QVERIFY(close(line.loss(value), loss.value(theta)));
            QVERIFY(close(line.slope(value), loss.evaluate(theta).gradient(parameter), 1e-12));
            const double h = 1e-5;
            const double difference = (line.loss(value + h) - line.loss(value - h)) / (2 * h);
            QVERIFY2(std::abs(line.slope(value) - difference) <= 1e-7 * std::max(1.0, std::abs(difference)),
                qPrintable(QStringLiteral("%1 against %2").arg(line.slope(value)).arg(difference)));
        }
    }
}

void TestLogisticSlice::lineMinimumIsWhereTheSlopeVanishes()
{
    const Problem problem = overlappingProblem();
    const gdlab::LogisticFit fit = gdlab::fitLogistic(problem);
    QVERIFY(fit.finite);
    // Through the optimum, every line's lowest point is the optimum's coordinate.
    for (Eigen::Index parameter = 0; parameter < 3; ++parameter) {
        const LossAlongParameter line = LossAlongParameter::logistic(problem, parameter, fit.theta);
        QVERIFY(line.hasMinimum());
        QVERIFY(std::abs(line.minimum() - fit.theta(parameter)) <= 1e-7 * (1 + std::abs(fit.theta(parameter))));
        QVERIFY(close(line.minimumLoss(), fit.loss, 1e-12));
        const auto [low, high] = line.frame({ 5.0 });
        QVERIFY(low < line.minimum() && line.minimum() < high && high >= 5.0);
    }
    // Elsewhere the lowest point is lower than both neighbours.
    Eigen::VectorXd base(3);
    base << 0.3, -0.8, 1.1;
    const LossAlongParameter line = LossAlongParameter::logistic(problem, 1, base);
    QVERIFY(std::abs(line.slope(line.minimum())) < 1e-12);
    QVERIFY(line.loss(line.minimum() - 1e-3) > line.minimumLoss());
    QVERIFY(line.loss(line.minimum() + 1e-3) > line.minimumLoss());
}

void TestLogisticSlice::separableLineHasNoMinimum()
{
    // The feature's sign is the class: along the slope, with the intercept held at 0, every row is classified right
    // ever more surely as the slope grows, and the loss falls for ever.
    Eigen::MatrixXd values(6, 2);
    values << -2.0, 0, -1.0, 0, -0.5, 0, 1.0, 1, 2.0, 1, 3.0, 1;
    const Problem problem(gdlab::Dataset({ "x", "y" }, values), gdlab::ProblemSpec {});
    const LossAlongParameter line = LossAlongParameter::logistic(problem, 1, Eigen::VectorXd::Zero(2));
    QVERIFY(!line.hasMinimum());
    QCOMPARE(line.minimum(), 0.0);
    QVERIFY(line.slope(5.0) < 0);
    // Along the intercept the same data has a lowest point.
    QVERIFY(LossAlongParameter::logistic(problem, 0, Eigen::VectorXd::Ones(2)).hasMinimum());
}

void TestLogisticSlice::frameCentresOnTheOptimumAndHoldsThePath()
{
    const Problem problem = overlappingProblem();
    const LogisticLoss loss(problem);
    const gdlab::LogisticFit fit = gdlab::fitLogistic(problem);
    Eigen::VectorXd start = Eigen::VectorXd::Zero(3);
    start(1) = -6;
    start(2) = 4;
    const Eigen::VectorXd middle = 0.5 * (start + fit.theta);
    const History history = pathOf({ start, middle, fit.theta }, loss);
    const SurfaceFrame frame = gdlab::frameLogisticSurface(problem, 1, 2, &fit.theta, SurfacePath { &history, 3 }, 60);
    QCOMPARE(frame.x.parameter, Eigen::Index(1));
    QCOMPARE(frame.y.parameter, Eigen::Index(2));
    QCOMPARE(frame.x.steps, 60);
    for (const Eigen::VectorXd& theta : { start, middle, fit.theta })
        QVERIFY(inside(frame, theta(1), theta(2)));
    // Centred on the optimum, up to the rounding of the edges to round numbers (less than a tenth of the span).
    QVERIFY(std::abs((frame.x.min + frame.x.max) / 2 - fit.theta(1)) <= 0.1 * (frame.x.max - frame.x.min));
    QVERIFY(std::abs((frame.y.min + frame.y.max) / 2 - fit.theta(2)) <= 0.1 * (frame.y.max - frame.y.min));
    // With no path the optimum's bowl still has a size.
    const SurfaceFrame alone = gdlab::frameLogisticSurface(problem, 1, 2, &fit.theta, SurfacePath {}, 60);
    QVERIFY(alone.x.max > alone.x.min && alone.y.max > alone.y.min);
    QVERIFY(inside(alone, fit.theta(1), fit.theta(2)));
}

void TestLogisticSlice::separableFrameHoldsStartAndPath()
{
    const Problem problem = separableProblem();
    const LogisticLoss loss(problem);
    QVERIFY(gdlab::fitLogistic(problem).separable);
    std::vector<Eigen::VectorXd> states;
    for (const double k : { 0.0, 1.0, 3.0, 8.0 })
        states.push_back((Eigen::VectorXd(2) << -2.5 * k, k).finished());
    const History history = pathOf(states, loss);
    const SurfaceFrame frame = gdlab::frameLogisticSurface(problem, 0, 1, nullptr, SurfacePath { &history, 4 }, 40);
    for (const Eigen::VectorXd& theta : states)
        QVERIFY(inside(frame, theta(0), theta(1)));
    // The run-off: the frame reaches a quarter of the path beyond the last state (−20, 8), the way the path goes on.
    QVERIFY(frame.x.min <= -25 && frame.y.max >= 10);
    QVERIFY(frame.x.max >= 0 && frame.y.min <= 0);
}

} // namespace tst_logistic_slice

QTEST_MAIN(tst_logistic_slice::TestLogisticSlice)
#include "tst_logistic_slice.moc"
