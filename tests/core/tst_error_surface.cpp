#include "dataset.h"
#include "error_surface.h"
#include "input_error.h"
#include "loss.h"
#include "problem.h"
#include "support/test_metatypes.h"

#include <QtTest>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tst_error_surface {

using gdlab::LossKind;
using gdlab::SurfaceAxis;
using gdlab::SurfaceGrid;

namespace {

/** Eight rows, two features and a noisy target: three parameters, a loss that does not vanish. */
gdlab::Dataset noisyData()
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
    return gdlab::Dataset({ "x1", "x2", "y" }, values);
}

/** The loss's definition (README, "The mathematics"), written out independently of lossWeight(). */
double weightOf(LossKind loss, Eigen::Index n)
{
    switch (loss) {
    case LossKind::Mse:
        return 1.0 / n;
    case LossKind::HalfMse:
        return 1.0 / (2.0 * n);
    case LossKind::Sse:
        return 1.0;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

double directLoss(const gdlab::Problem& problem, LossKind loss, const Eigen::VectorXd& theta)
{
    const Eigen::VectorXd residual = problem.design() * theta - problem.target();
    return weightOf(loss, problem.sampleCount()) * residual.squaredNorm();
}

SurfaceAxis axis(Eigen::Index parameter, double min, double max, int steps)
{
    SurfaceAxis a;
    a.parameter = parameter;
    a.min = min;
    a.max = max;
    a.steps = steps;
    return a;
}

double relativeError(double value, double expected)
{
    return std::abs(value - expected) / std::max(std::abs(expected), std::numeric_limits<double>::min());
}

} // namespace

class TestErrorSurface : public QObject {
    Q_OBJECT

private slots:
    void matchesDirectLoss_data();
    void matchesDirectLoss();
    void axesAndExtremes();
    void independentOfBaseOnTheAxes();
    void exactFitIsNeverNegative();
    void nearlySingularIsNeverNegative();
    void invalidArgumentsThrow_data();
    void invalidArgumentsThrow();
};

void TestErrorSurface::matchesDirectLoss_data()
{
    QTest::addColumn<LossKind>("loss");
    QTest::addColumn<bool>("standardize");
    QTest::addColumn<int>("xParameter");
    QTest::addColumn<int>("yParameter");
    QTest::addColumn<double>("offset"); // how far the grid's centre and base sit from θ*

    const struct {
        LossKind kind;
        const char* name;
    } losses[] = { { LossKind::Mse, "mse" }, { LossKind::HalfMse, "half-mse" }, { LossKind::Sse, "sse" } };
    for (const auto& loss : losses) {
        QTest::addRow("%s, θ0-θ1", loss.name) << loss.kind << false << 0 << 1 << 0.0;
        QTest::addRow("%s, θ1-θ2", loss.name) << loss.kind << false << 1 << 2 << 0.0;
        QTest::addRow("%s, θ2-θ0 (axes reversed)", loss.name) << loss.kind << false << 2 << 0 << 0.0;
        QTest::addRow("%s, away from the optimum", loss.name) << loss.kind << false << 0 << 2 << 25.0;
        QTest::addRow("%s, standardized", loss.name) << loss.kind << true << 1 << 2 << 0.0;
        QTest::addRow("%s, standardized, far", loss.name) << loss.kind << true << 0 << 1 << 300.0;
    }
}

void TestErrorSurface::matchesDirectLoss()
{
    QFETCH(LossKind, loss);
    QFETCH(bool, standardize);
    QFETCH(int, xParameter);
    QFETCH(int, yParameter);
    QFETCH(double, offset);

    gdlab::ProblemSpec spec;
    spec.standardize = standardize;
    const gdlab::Problem problem(noisyData(), spec);
    QCOMPARE(problem.parameterCount(), Eigen::Index(3));
    const Eigen::VectorXd optimum = problem.leastSquaresTheta();

    // The third parameter is held away from its optimum, so the slice does not pass through θ*.
    const int held = 3 - xParameter - yParameter;
    Eigen::VectorXd base = optimum + Eigen::VectorXd::Constant(3, offset);
    base(held) += 0.75;
    base(xParameter) -= 0.3; // the axes' own entries of base must not matter
    base(yParameter) += 0.2;
    const SurfaceAxis x = axis(xParameter, optimum(xParameter) + offset - 2.0, optimum(xParameter) + offset + 1.5, 13);
    const SurfaceAxis y = axis(yParameter, optimum(yParameter) + offset - 1.0, optimum(yParameter) + offset + 3.0, 9);

    const SurfaceGrid grid = gdlab::computeSurface(problem, loss, base, x, y);
    QCOMPARE(grid.values.size(), std::size_t(13 * 9));
    double worst = 0;
    for (int iy = 0; iy < y.steps; ++iy) {
        for (int ix = 0; ix < x.steps; ++ix) {
            Eigen::VectorXd theta = base;
            theta(xParameter) = x.valueAt(ix);
            theta(yParameter) = y.valueAt(iy);
            const double expected = directLoss(problem, loss, theta);
            worst = std::max(worst, relativeError(grid.at(ix, iy), expected));
            // The grid is row-major in y: at(ix, iy) is values[iy * x.steps + ix].
            QCOMPARE(grid.values[static_cast<std::size_t>(iy) * x.steps + ix], grid.at(ix, iy));
        }
    }
    QVERIFY2(worst <= 1e-12, qPrintable(QStringLiteral("worst relative error %1").arg(worst)));
}

void TestErrorSurface::axesAndExtremes()
{
    const gdlab::Problem problem(noisyData(), gdlab::ProblemSpec {});
    const Eigen::VectorXd optimum = problem.leastSquaresTheta();
    const SurfaceAxis x = axis(1, -4.0, 6.0, 41);
    const SurfaceAxis y = axis(2, -3.0, 5.0, 23);
    const SurfaceGrid grid = gdlab::computeSurface(problem, LossKind::Mse, optimum, x, y);

    QCOMPARE(grid.x.parameter, x.parameter);
    QCOMPARE(grid.x.min, x.min);
    QCOMPARE(grid.x.max, x.max);
    QCOMPARE(grid.x.steps, x.steps);
    QCOMPARE(grid.y.parameter, y.parameter);
    QCOMPARE(grid.y.min, y.min);
    QCOMPARE(grid.y.max, y.max);
    QCOMPARE(grid.y.steps, y.steps);
    QCOMPARE(grid.values.size(), std::size_t(41 * 23));
    QCOMPARE(grid.x.valueAt(0), -4.0);
    QCOMPARE(grid.x.valueAt(40), 6.0);
    QCOMPARE(grid.y.valueAt(11), 1.0);

    const auto [lowest, highest] = std::minmax_element(grid.values.begin(), grid.values.end());
    QCOMPARE(grid.minValue, *lowest);
    QCOMPARE(grid.maxValue, *highest);
    // The slice through θ* cannot dip below the least-squares loss, and a grid that straddles θ* gets close to it.
    const double best = problem.minimumSumOfSquares() / problem.sampleCount();
    QVERIFY(grid.minValue >= best * (1 - 1e-12));
    QVERIFY(grid.minValue < 1.5 * best);
    QVERIFY(grid.maxValue > 10 * grid.minValue);
    // The corners are where a bowl is highest.
    const double corners[] = { grid.at(0, 0), grid.at(40, 0), grid.at(0, 22), grid.at(40, 22) };
    QCOMPARE(grid.maxValue, *std::max_element(std::begin(corners), std::end(corners)));
}

void TestErrorSurface::independentOfBaseOnTheAxes()
{
    const gdlab::Problem problem(noisyData(), gdlab::ProblemSpec {});
    const SurfaceAxis x = axis(0, -2.0, 3.0, 17);
    const SurfaceAxis y = axis(2, -1.0, 2.0, 19);
    Eigen::VectorXd base(3);
    base << 0.4, 1.1, -0.2;
    Eigen::VectorXd moved = base;
    moved(0) = 1e4; // far off, on an axis of the grid
    moved(2) = -3e3;
    const SurfaceGrid a = gdlab::computeSurface(problem, LossKind::Sse, base, x, y);
    const SurfaceGrid b = gdlab::computeSurface(problem, LossKind::Sse, moved, x, y);
    for (std::size_t k = 0; k < a.values.size(); ++k)
        QVERIFY(relativeError(b.values[k], a.values[k]) <= 1e-13);

    // The held parameter does matter.
    Eigen::VectorXd other = base;
    other(1) += 0.5;
    const SurfaceGrid c = gdlab::computeSurface(problem, LossKind::Sse, other, x, y);
    double largest = 0;
    for (std::size_t k = 0; k < a.values.size(); ++k)
        largest = std::max(largest, relativeError(c.values[k], a.values[k]));
    QVERIFY(largest > 1e-3);
}

void TestErrorSurface::exactFitIsNeverNegative()
{
    // y = 2 + 3x exactly: the least-squares loss is 0 up to rounding and θ* = (2, 3) is a node of the grid.
    Eigen::MatrixXd values(6, 2);
    for (int r = 0; r < 6; ++r) {
        const double x = 0.1 + 0.7 * r;
        values(r, 0) = x;
        values(r, 1) = 2 + 3 * x;
    }
    const gdlab::Problem problem(gdlab::Dataset({ "x", "y" }, values), gdlab::ProblemSpec {});
    for (const LossKind loss : { LossKind::Mse, LossKind::HalfMse, LossKind::Sse }) {
        const SurfaceGrid grid = gdlab::computeSurface(
            problem, loss, problem.leastSquaresTheta(), axis(0, 1.0, 3.0, 9), axis(1, 2.0, 4.0, 9));
        for (const double value : grid.values)
            QVERIFY(value >= 0);
        QCOMPARE(grid.minValue, *std::min_element(grid.values.begin(), grid.values.end()));
        QVERIFY(grid.at(4, 4) < 1e-20);
        QCOMPARE(grid.minValue, grid.at(4, 4));
        // One step of 0.25 in the intercept costs exactly 0.25² per row.
        QVERIFY(relativeError(grid.at(5, 4), weightOf(loss, 6) * 6 * 0.0625) <= 1e-12);
    }
}

void TestErrorSurface::nearlySingularIsNeverNegative()
{
    // Two features equal up to 2⁻²⁶ and y = 0: θ* = 0 and SSE(θ*) = 0 exactly, and along θ0 = −θ1 the true loss is
    // below the rounding of the quadratic form, which then comes out negative in about one cell in five.
    Eigen::MatrixXd values(2, 3);
    values << 1, 1, 0, //
        1, 1 + std::ldexp(1.0, -26), 0;
    gdlab::ProblemSpec spec;
    spec.intercept = false;
    const gdlab::Problem problem(gdlab::Dataset({ "a", "b", "y" }, values), spec);
    QCOMPARE(problem.minimumSumOfSquares(), 0.0);
    const SurfaceGrid grid = gdlab::computeSurface(
        problem, LossKind::Sse, problem.leastSquaresTheta(), axis(0, -1.0, 1.0, 101), axis(1, -1.0, 1.0, 101));
    for (const double value : grid.values)
        QVERIFY(value >= 0);
    QVERIFY(grid.minValue >= 0);
}

void TestErrorSurface::invalidArgumentsThrow_data()
{
    QTest::addColumn<int>("xParameter");
    QTest::addColumn<int>("yParameter");
    QTest::addColumn<int>("xSteps");
    QTest::addColumn<double>("xMin");
    QTest::addColumn<double>("xMax");
    QTest::addColumn<int>("baseSize");
    QTest::addColumn<double>("baseValue");

    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QTest::addRow("same parameter twice") << 1 << 1 << 10 << 0.0 << 1.0 << 3 << 0.0;
    QTest::addRow("negative parameter") << -1 << 1 << 10 << 0.0 << 1.0 << 3 << 0.0;
    QTest::addRow("x parameter past the end") << 3 << 1 << 10 << 0.0 << 1.0 << 3 << 0.0;
    QTest::addRow("y parameter past the end") << 0 << 7 << 10 << 0.0 << 1.0 << 3 << 0.0;
    QTest::addRow("one step") << 0 << 1 << 1 << 0.0 << 1.0 << 3 << 0.0;
    QTest::addRow("no steps") << 0 << 1 << 0 << 0.0 << 1.0 << 3 << 0.0;
    QTest::addRow("negative steps") << 0 << 1 << -5 << 0.0 << 1.0 << 3 << 0.0;
    QTest::addRow("empty range") << 0 << 1 << 10 << 1.0 << 1.0 << 3 << 0.0;
    QTest::addRow("reversed range") << 0 << 1 << 10 << 2.0 << 1.0 << 3 << 0.0;
    QTest::addRow("NaN minimum") << 0 << 1 << 10 << nan << 1.0 << 3 << 0.0;
    QTest::addRow("infinite maximum") << 0 << 1 << 10 << 0.0 << inf << 3 << 0.0;
    QTest::addRow("base too short") << 0 << 1 << 10 << 0.0 << 1.0 << 2 << 0.0;
    QTest::addRow("base too long") << 0 << 1 << 10 << 0.0 << 1.0 << 4 << 0.0;
    QTest::addRow("base not finite") << 0 << 1 << 10 << 0.0 << 1.0 << 3 << nan;
}

void TestErrorSurface::invalidArgumentsThrow()
{
    QFETCH(int, xParameter);
    QFETCH(int, yParameter);
    QFETCH(int, xSteps);
    QFETCH(double, xMin);
    QFETCH(double, xMax);
    QFETCH(int, baseSize);
    QFETCH(double, baseValue);

    const gdlab::Problem problem(noisyData(), gdlab::ProblemSpec {});
    const Eigen::VectorXd base = Eigen::VectorXd::Constant(baseSize, baseValue);
    const SurfaceAxis x = axis(xParameter, xMin, xMax, xSteps);
    const SurfaceAxis y = axis(yParameter, -1.0, 1.0, 10);
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::computeSurface(problem, LossKind::Mse, base, x, y));
    // The same checks hold with the axes swapped.
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::computeSurface(problem, LossKind::Mse, base, y, x));

    // And the valid neighbour of each case does not throw, so the test is about the one thing wrong.
    const SurfaceGrid grid = gdlab::computeSurface(
        problem, LossKind::Mse, Eigen::VectorXd::Zero(3), axis(0, 0.0, 1.0, 10), axis(1, -1.0, 1.0, 10));
    QCOMPARE(grid.values.size(), std::size_t(100));
}

} // namespace tst_error_surface

QTEST_APPLESS_MAIN(tst_error_surface::TestErrorSurface)
#include "tst_error_surface.moc"
