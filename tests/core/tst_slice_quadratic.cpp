#include "dataset.h"
#include "loss_along_parameter.h"
#include "problem.h"
#include "quadratic_loss.h"
#include "slice_quadratic.h"

#include <QtTest>

#include <Eigen/Core>

#include <cmath>

namespace tst_slice_quadratic {

using gdlab::Problem;
using gdlab::SliceQuadratic;

namespace {

/** Six rows, two features and a noisy target: three parameters (intercept, x1, x2). */
Problem noisyProblem()
{
    Eigen::MatrixXd values(6, 3);
    values << 0.5, 2.0, 3.1, //
        1.0, -1.0, 1.7, //
        1.5, 0.5, 4.4, //
        2.0, 3.0, 8.9, //
        2.5, -0.5, 3.8, //
        3.0, 1.0, 7.2;
    return Problem(gdlab::Dataset({ "x1", "x2", "y" }, values), gdlab::ProblemSpec {});
}

/** Σ(Xθ − y)² straight from the rows. */
double rowSum(const Problem& problem, const Eigen::VectorXd& theta)
{
    return (problem.design() * theta - problem.target()).squaredNorm();
}

Eigen::VectorXd onSlice(const Eigen::VectorXd& base, Eigen::Index x, Eigen::Index y, double a, double b)
{
    Eigen::VectorXd theta = base;
    theta(x) = a;
    theta(y) = b;
    return theta;
}

bool close(double actual, double expected, double tolerance = 1e-11)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

/** The lowest value of a convex function of one variable on [−1000, 1000], by ternary search. */
template <typename Function> double lowestAlong(Function f)
{
    double low = -1000;
    double high = 1000;
    for (int k = 0; k < 200; ++k) {
        const double left = low + (high - low) / 3;
        const double right = high - (high - low) / 3;
        if (f(left) < f(right))
            high = right;
        else
            low = left;
    }
    return f((low + high) / 2);
}

} // namespace

class TestSliceQuadratic : public QObject {
    Q_OBJECT

private slots:
    void equalsTheSumOfSquaresOfTheRows();
    void throughTheOptimumTheMinimumIsTheOptimum();
    void heldAwayTheMinimumIsTheLowestPointOfTheSlice();
    void levelSetHalfSpansTouchTheLevel();
    void collinearFeaturesHaveNoMinimum();
    void lossAlongAParameterIsTheLoss();
    void slopeAlongAParameterIsTheGradientComponent();
    void lineFrameCentresOnItsLowestPoint();
};

void TestSliceQuadratic::equalsTheSumOfSquaresOfTheRows()
{
    const Problem problem = noisyProblem();
    Eigen::VectorXd base(3);
    base << 0.7, -1.5, 2.25;
    for (const auto& [x, y] : { std::pair<Eigen::Index, Eigen::Index> { 0, 1 }, { 1, 2 }, { 2, 0 } }) {
        const SliceQuadratic slice(problem, x, y, base);
        for (const auto& [a, b] : { std::pair { 0.0, 0.0 }, { -3.0, 4.5 }, { 10.0, -7.0 }, { base(x), base(y) } }) {
            const Eigen::VectorXd theta = onSlice(base, x, y, a, b);
            QVERIFY2(close(slice.sumOfSquares(a, b), rowSum(problem, theta)),
                qPrintable(QStringLiteral("(%1, %2) at (%3, %4): %5 against %6")
                               .arg(x)
                               .arg(y)
                               .arg(a)
                               .arg(b)
                               .arg(slice.sumOfSquares(a, b), 0, 'g', 17)
                               .arg(rowSum(problem, theta), 0, 'g', 17)));
            // A θ off the slice counts by its projection: its x and y, the others at base.
            Eigen::VectorXd elsewhere = Eigen::VectorXd::Constant(3, 99.0);
            elsewhere(x) = a;
            elsewhere(y) = b;
            QCOMPARE(slice.sumOfSquaresAt(elsewhere), slice.sumOfSquares(a, b));
        }
    }
}

void TestSliceQuadratic::throughTheOptimumTheMinimumIsTheOptimum()
{
    const Problem problem = noisyProblem();
    const Eigen::VectorXd& optimum = problem.leastSquaresTheta();
    const SliceQuadratic slice(problem, 1, 2, optimum);
    QVERIFY(slice.hasMinimum());
    QVERIFY(close(slice.minimum()(0), optimum(1), 1e-12));
    QVERIFY(close(slice.minimum()(1), optimum(2), 1e-12));
    QVERIFY(close(slice.minimumSumOfSquares(), rowSum(problem, optimum)));
}

void TestSliceQuadratic::heldAwayTheMinimumIsTheLowestPointOfTheSlice()
{
    const Problem problem = noisyProblem();
    Eigen::VectorXd base = problem.leastSquaresTheta();
    base(0) += 1.5; // the intercept held away from its best value
    const SliceQuadratic slice(problem, 1, 2, base);
    QVERIFY(slice.hasMinimum());
    const double a = slice.minimum()(0);
    const double b = slice.minimum()(1);
    const double lowest = rowSum(problem, onSlice(base, 1, 2, a, b));
    QVERIFY(close(slice.minimumSumOfSquares(), lowest));
    QVERIFY(lowest > problem.minimumSumOfSquares());
    // Every step away from it, in eight directions, climbs.
    for (int k = 0; k < 8; ++k) {
        const double angle = k * M_PI / 4;
        const Eigen::VectorXd theta = onSlice(base, 1, 2, a + 1e-3 * std::cos(angle), b + 1e-3 * std::sin(angle));
        QVERIFY(rowSum(problem, theta) > lowest);
    }
}

void TestSliceQuadratic::levelSetHalfSpansTouchTheLevel()
{
    const Problem problem = noisyProblem();
    const SliceQuadratic slice(problem, 1, 2, problem.leastSquaresTheta());
    const double level = slice.minimumSumOfSquares() + 5.0;
    const Eigen::Vector2d half = slice.levelSetHalfSpans(level);
    // On the vertical line at the half-width's distance, the lowest point of the slice is exactly on the level:
    // the ellipse touches the line there. Found by a ternary search, independently of the formula.
    const double a = slice.minimum()(0) + half(0);
    double lowest = lowestAlong([&](double t) { return slice.sumOfSquares(a, t); });
    QVERIFY2(close(lowest, level, 1e-9), qPrintable(QString::number(lowest - level)));
    // Likewise the horizontal line at the half-height.
    const double b = slice.minimum()(1) - half(1);
    lowest = lowestAlong([&](double t) { return slice.sumOfSquares(t, b); });
    QVERIFY2(close(lowest, level, 1e-9), qPrintable(QString::number(lowest - level)));
    QCOMPARE(slice.levelSetHalfSpans(slice.minimumSumOfSquares() - 1.0), Eigen::Vector2d::Zero());
}

void TestSliceQuadratic::collinearFeaturesHaveNoMinimum()
{
    // x2 = 2·x1: along (1, −½) in (θ1, θ2) the loss does not change.
    Eigen::MatrixXd values(4, 3);
    values << 1, 2, 1.1, 2, 4, 1.9, 3, 6, 3.2, 4, 8, 3.9;
    const Problem problem(gdlab::Dataset({ "x1", "x2", "y" }, values), gdlab::ProblemSpec {});
    const SliceQuadratic slice(problem, 1, 2, problem.leastSquaresTheta());
    QVERIFY(!slice.hasMinimum());
    QCOMPARE(slice.levelSetHalfSpans(1e6), Eigen::Vector2d::Zero());
    const Eigen::VectorXd theta = onSlice(problem.leastSquaresTheta(), 1, 2, 3.0, -1.0);
    QVERIFY(close(slice.sumOfSquares(3.0, -1.0), rowSum(problem, theta), 1e-9));
}

// The 1-D view's parabola: at every θj its value is core's loss at that θ (the others held at base), in each loss's
// units, and the lowest point is the least-squares value when the others are held there.
void TestSliceQuadratic::lossAlongAParameterIsTheLoss()
{
    const Problem problem = noisyProblem();
    Eigen::VectorXd base(3);
    base << 0.7, -1.5, 2.25;
    for (const gdlab::LossKind kind : { gdlab::LossKind::Mse, gdlab::LossKind::HalfMse, gdlab::LossKind::Sse }) {
        const gdlab::QuadraticLoss loss(problem, kind);
        for (Eigen::Index j = 0; j < 3; ++j) {
            const gdlab::LossAlongParameter line(problem, kind, j, base);
            QVERIFY(line.hasMinimum());
            for (const double value : { -40.0, -3.0, 0.0, base(j), 1.25, 17.0 }) {
                Eigen::VectorXd theta = base;
                theta(j) = value;
                QVERIFY2(close(line.loss(value), loss.value(theta.data()), 1e-12),
                    qPrintable(QStringLiteral("θ%1 = %2: %3 against %4")
                                   .arg(j)
                                   .arg(value)
                                   .arg(line.loss(value), 0, 'g', 17)
                                   .arg(loss.value(theta.data()), 0, 'g', 17)));
                QVERIFY(close(line.loss(value), gdlab::lossWeight(kind, 6) * rowSum(problem, theta), 1e-11));
                Eigen::VectorXd elsewhere = Eigen::VectorXd::Constant(3, 99.0);
                elsewhere(j) = value;
                QCOMPARE(line.lossAt(elsewhere), line.loss(value));
            }
        }
    }
    const gdlab::LossAlongParameter atOptimum(problem, gdlab::LossKind::Mse, 1, problem.leastSquaresTheta());
    QVERIFY(close(atOptimum.minimum(), problem.leastSquaresTheta()(1), 1e-12));
    QVERIFY(close(atOptimum.minimumLoss(), problem.minimumSumOfSquares() / 6, 1e-12));
}

// The tangent the view draws has the slope of the update's own gradient component, and the slope is the
// derivative of the parabola (central differences).
void TestSliceQuadratic::slopeAlongAParameterIsTheGradientComponent()
{
    const Problem problem = noisyProblem();
    Eigen::VectorXd base(3);
    base << -2.0, 0.5, 4.0;
    for (const gdlab::LossKind kind : { gdlab::LossKind::Mse, gdlab::LossKind::Sse }) {
        const gdlab::QuadraticLoss loss(problem, kind);
        for (Eigen::Index j = 0; j < 3; ++j) {
            const gdlab::LossAlongParameter line(problem, kind, j, base);
            for (const double value : { -5.0, base(j), 3.5 }) {
                Eigen::VectorXd theta = base;
                theta(j) = value;
                Eigen::VectorXd gradient(3);
                double rmse = 0;
                loss.evaluate(theta.data(), gradient.data(), &rmse);
                QVERIFY2(close(line.slope(value), gradient(j), 1e-12),
                    qPrintable(QStringLiteral("%1 against %2").arg(line.slope(value)).arg(gradient(j))));
                const double h = 1e-4;
                const double difference = (line.loss(value + h) - line.loss(value - h)) / (2 * h);
                QVERIFY(close(line.slope(value), difference, 1e-7));
            }
            QVERIFY(std::abs(line.slope(line.minimum())) <= 1e-9 * std::max(1.0, std::abs(line.slope(base(j)))));
        }
    }
}

void TestSliceQuadratic::lineFrameCentresOnItsLowestPoint()
{
    const Problem problem = noisyProblem();
    const gdlab::LossAlongParameter line(problem, gdlab::LossKind::Mse, 1, problem.leastSquaresTheta());
    const double lowest = line.minimum();
    const auto [low, high] = line.frame({ lowest - 2.0, lowest + 0.5, std::nan("") });
    QVERIFY(close(low + high, 2 * lowest, 1e-12));
    QVERIFY(low < lowest - 2.0 && high > lowest + 2.0);
    QVERIFY(high - low < 5.0);
    // All at the lowest point: still a frame of some width around it.
    const auto [onlyLow, onlyHigh] = line.frame({ lowest });
    QVERIFY(onlyLow < lowest && onlyHigh > lowest);
}

} // namespace tst_slice_quadratic

QTEST_APPLESS_MAIN(tst_slice_quadratic::TestSliceQuadratic)
#include "tst_slice_quadratic.moc"
