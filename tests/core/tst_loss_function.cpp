#include "csv_reader.h"
#include "dataset.h"
#include "loss_function.h"
#include "problem.h"
#include "support/test_metatypes.h"

#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace tst_loss_function {

using gdlab::Dataset;
using gdlab::LossFunction;
using gdlab::LossKind;
using gdlab::Problem;
using gdlab::ProblemSpec;

namespace {

Dataset lessonData(const QString& fileName)
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + fileName.toStdString());
}

// A random 1000 x 5 regression: four features of different scales and offsets, and a noisy linear target.
Dataset randomData(std::uint64_t seed)
{
    std::mt19937_64 generator(seed);
    std::normal_distribution<double> normal;
    const Eigen::Index rows = 1000;
    Eigen::MatrixXd values(rows, 5);
    for (Eigen::Index r = 0; r < rows; ++r) {
        double y = 1.5;
        for (Eigen::Index c = 0; c < 4; ++c) {
            values(r, c) = double(c + 1) * normal(generator) + double(c);
            y += (0.5 - 0.3 * double(c)) * values(r, c);
        }
        values(r, 4) = y + 0.1 * normal(generator);
    }
    return Dataset({ "a", "b", "c", "d", "y" }, values, "random.csv");
}

Dataset dataFor(const QString& source)
{
    return source == "random" ? randomData(17) : lessonData(source);
}

ProblemSpec specFor(const QString& source)
{
    ProblemSpec spec;
    spec.intercept = !source.startsWith("three_features");
    return spec;
}

bool closeRelative(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::abs(expected);
}

// Norm-wise: |a − b| ≤ tol·max(|a|, |b|).
bool closeRelative(const Eigen::VectorXd& actual, const Eigen::VectorXd& expected, double tolerance)
{
    return actual.size() == expected.size()
        && (actual - expected).norm() <= tolerance * std::max(actual.norm(), expected.norm());
}

QByteArray describe(const Eigen::VectorXd& actual, const Eigen::VectorXd& expected)
{
    QString text;
    for (Eigen::Index i = 0; i < actual.size(); ++i)
        text += QStringLiteral("[%1] %2 vs %3\n").arg(i).arg(actual[i], 0, 'g', 17).arg(expected[i], 0, 'g', 17);
    return text.toUtf8();
}

double weightOf(LossKind kind, double rows)
{
    switch (kind) {
    case LossKind::Mse:
        return 1.0 / rows;
    case LossKind::HalfMse:
        return 0.5 / rows;
    case LossKind::Sse:
        return 1.0;
    }
    return 0;
}

// Points away from the optimum: θ* shifted by offsets of the size of θ* itself (and at least 1).
std::vector<Eigen::VectorXd> testPoints(const Problem& problem)
{
    const Eigen::VectorXd optimum = problem.leastSquaresTheta();
    const Eigen::Index size = optimum.size();
    const double scale = std::max(1.0, optimum.cwiseAbs().maxCoeff());
    std::mt19937_64 generator(23);
    std::uniform_real_distribution<double> uniform(-1.0, 1.0);
    std::vector<Eigen::VectorXd> points { Eigen::VectorXd::Zero(size),
        optimum + 0.5 * scale * Eigen::VectorXd::Ones(size) };
    for (int i = 0; i < 4; ++i) {
        Eigen::VectorXd offset(size);
        for (Eigen::Index j = 0; j < size; ++j)
            offset[j] = uniform(generator);
        points.push_back(optimum + scale * offset);
    }
    return points;
}

} // namespace

class TestLossFunction : public QObject {
    Q_OBJECT

private slots:
    void gradientMatchesCentralDifferences_data();
    void gradientMatchesCentralDifferences();
    void evaluateMatchesDirect_data();
    void evaluateMatchesDirect();
    void batchGradientOverAllRows_data();
    void batchGradientOverAllRows();
    void batchGradientWeights_data();
    void batchGradientWeights();
    void hessian_data();
    void hessian();
    void valueAtOptimum();

private:
    void lossesTimesData();
};

void TestLossFunction::lossesTimesData()
{
    QTest::addColumn<LossKind>("loss");
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("standardize");
    const QStringList sources { "five_points.csv", "two_features_n50.csv", "two_features_n100.csv",
        "three_features_ints_n20.csv", "nist_norris.csv", "random" };
    for (const LossKind loss : { LossKind::Mse, LossKind::HalfMse, LossKind::Sse }) {
        for (const QString& source : sources)
            QTest::addRow("%s %s", gdlab::lossName(loss), qPrintable(source)) << loss << source << false;
        QTest::addRow("%s random standardized", gdlab::lossName(loss)) << loss << QStringLiteral("random") << true;
    }
}

void TestLossFunction::gradientMatchesCentralDifferences_data()
{
    lossesTimesData();
}

void TestLossFunction::gradientMatchesCentralDifferences()
{
    QFETCH(LossKind, loss);
    QFETCH(QString, source);
    QFETCH(bool, standardize);
    ProblemSpec spec = specFor(source);
    spec.standardize = standardize;
    const Dataset data = dataFor(source);
    const Problem problem(data, spec);
    const LossFunction function(problem, loss);

    for (const Eigen::VectorXd& theta : testPoints(problem)) {
        Eigen::VectorXd numeric(theta.size());
        Eigen::VectorXd numericDirect(theta.size());
        for (Eigen::Index j = 0; j < theta.size(); ++j) {
            const double step = 1e-6 * std::max(1.0, std::abs(theta[j]));
            Eigen::VectorXd plus = theta;
            Eigen::VectorXd minus = theta;
            plus[j] += step;
            minus[j] -= step;
            const double width = plus[j] - minus[j]; // the step actually taken, after rounding
            numeric[j] = (function.value(plus) - function.value(minus)) / width;
            numericDirect[j] = (function.evaluateDirect(plus).loss - function.evaluateDirect(minus).loss) / width;
        }
        const Eigen::VectorXd analytic = function.evaluate(theta).gradient;
        const Eigen::VectorXd analyticDirect = function.evaluateDirect(theta).gradient;
        QVERIFY2(closeRelative(analytic, numeric, 1e-6), describe(analytic, numeric).constData());
        QVERIFY2(
            closeRelative(analyticDirect, numericDirect, 1e-6), describe(analyticDirect, numericDirect).constData());
    }
}

void TestLossFunction::evaluateMatchesDirect_data()
{
    lossesTimesData();
}

void TestLossFunction::evaluateMatchesDirect()
{
    QFETCH(LossKind, loss);
    QFETCH(QString, source);
    QFETCH(bool, standardize);
    ProblemSpec spec = specFor(source);
    spec.standardize = standardize;
    const Dataset data = dataFor(source);
    const Problem problem(data, spec);
    const LossFunction function(problem, loss);
    QCOMPARE(function.kind(), loss);
    QCOMPARE(&function.problem(), &problem);

    for (const Eigen::VectorXd& theta : testPoints(problem)) {
        const gdlab::LossEvaluation fast = function.evaluate(theta);
        const gdlab::LossEvaluation direct = function.evaluateDirect(theta);
        QVERIFY2(closeRelative(fast.loss, direct.loss, 1e-10),
            qPrintable(QStringLiteral("%1 vs %2").arg(fast.loss, 0, 'g', 17).arg(direct.loss, 0, 'g', 17)));
        QVERIFY(closeRelative(fast.rmse, direct.rmse, 1e-10));
        QVERIFY2(
            closeRelative(fast.gradient, direct.gradient, 1e-10), describe(fast.gradient, direct.gradient).constData());
        QCOMPARE(function.value(theta), fast.loss);

        // The definitions of the losses (README, "The mathematics"), from the residuals.
        const Eigen::VectorXd residual = problem.design() * theta - problem.target();
        const double n = double(problem.sampleCount());
        const double w = weightOf(loss, n);
        QVERIFY(closeRelative(direct.loss, w * residual.squaredNorm(), 1e-14));
        QVERIFY(closeRelative(direct.rmse, std::sqrt(residual.squaredNorm() / n), 1e-14));
        const Eigen::VectorXd gradient = 2.0 * w * (problem.design().transpose() * residual);
        QVERIFY(closeRelative(direct.gradient, gradient, 1e-14));
    }
}

void TestLossFunction::batchGradientOverAllRows_data()
{
    lossesTimesData();
}

void TestLossFunction::batchGradientOverAllRows()
{
    QFETCH(LossKind, loss);
    QFETCH(QString, source);
    QFETCH(bool, standardize);
    ProblemSpec spec = specFor(source);
    spec.standardize = standardize;
    const Dataset data = dataFor(source);
    const Problem problem(data, spec);
    const LossFunction function(problem, loss);
    const Eigen::Index rows = problem.sampleCount();

    std::vector<Eigen::Index> order(static_cast<std::size_t>(rows));
    std::iota(order.begin(), order.end(), Eigen::Index { 0 });
    std::vector<Eigen::Index> reversed(order.rbegin(), order.rend());
    for (const Eigen::VectorXd& theta : testPoints(problem)) {
        const Eigen::VectorXd full = function.evaluateDirect(theta).gradient;
        QVERIFY(closeRelative(function.batchGradient(theta, order, 0, rows), full, 1e-12));
        // The order of the rows does not change a full pass.
        QVERIFY(closeRelative(function.batchGradient(theta, reversed, 0, rows), full, 1e-12));
    }
}

void TestLossFunction::batchGradientWeights_data()
{
    QTest::addColumn<LossKind>("loss");
    QTest::addColumn<double>("perRowFactor"); // gradient = perRowFactor · Σ r·x over the batch / divisor
    QTest::addColumn<bool>("mean"); // divide by the batch size
    QTest::addRow("mse") << LossKind::Mse << 2.0 << true;
    QTest::addRow("half-mse") << LossKind::HalfMse << 1.0 << true;
    QTest::addRow("sse") << LossKind::Sse << 2.0 << false;
}

void TestLossFunction::batchGradientWeights()
{
    QFETCH(LossKind, loss);
    QFETCH(double, perRowFactor);
    QFETCH(bool, mean);
    const Dataset data = lessonData("two_features_n50.csv");
    const Problem problem(data, ProblemSpec {});
    const LossFunction function(problem, loss);
    const Eigen::MatrixXd& x = problem.design();
    const Eigen::VectorXd& y = problem.target();
    const Eigen::Vector3d theta(1.0, -2.0, 0.5);

    // A scrambled order, so that positions and rows differ.
    std::vector<Eigen::Index> order(static_cast<std::size_t>(problem.sampleCount()));
    std::iota(order.begin(), order.end(), Eigen::Index { 0 });
    std::mt19937_64 generator(3);
    std::shuffle(order.begin(), order.end(), generator);

    // SGD: one sample is the whole data set of its update.
    for (Eigen::Index position : { 0, 7, 49 }) {
        const Eigen::Index row = order[static_cast<std::size_t>(position)];
        const double residual = x.row(row).dot(theta) - y[row];
        const Eigen::VectorXd expected = perRowFactor * residual * x.row(row).transpose();
        QVERIFY2(closeRelative(function.batchGradient(theta, order, position, 1), expected, 1e-14),
            describe(function.batchGradient(theta, order, position, 1), expected).constData());
    }

    // Mini-batches of several sizes, including a short last one.
    for (const auto& [first, count] :
        std::vector<std::pair<Eigen::Index, Eigen::Index>> { { 0, 8 }, { 8, 8 }, { 48, 2 }, { 10, 25 } }) {
        Eigen::VectorXd sum = Eigen::VectorXd::Zero(3);
        for (Eigen::Index i = first; i < first + count; ++i) {
            const Eigen::Index row = order[static_cast<std::size_t>(i)];
            sum += (x.row(row).dot(theta) - y[row]) * x.row(row).transpose();
        }
        const Eigen::VectorXd expected = perRowFactor * sum / (mean ? double(count) : 1.0);
        QVERIFY2(closeRelative(function.batchGradient(theta, order, first, count), expected, 1e-13),
            qPrintable(QStringLiteral("batch at %1 of %2").arg(first).arg(count)));
    }
}

void TestLossFunction::hessian_data()
{
    QTest::addColumn<LossKind>("loss");
    QTest::addColumn<QString>("source");
    QTest::addRow("mse five_points") << LossKind::Mse << "five_points.csv";
    QTest::addRow("half-mse five_points") << LossKind::HalfMse << "five_points.csv";
    QTest::addRow("sse five_points") << LossKind::Sse << "five_points.csv";
    QTest::addRow("mse random") << LossKind::Mse << "random";
    QTest::addRow("half-mse random") << LossKind::HalfMse << "random";
    QTest::addRow("sse random") << LossKind::Sse << "random";
}

void TestLossFunction::hessian()
{
    QFETCH(LossKind, loss);
    QFETCH(QString, source);
    const Dataset data = dataFor(source);
    const Problem problem(data, specFor(source));
    const LossFunction function(problem, loss);
    const double n = double(problem.sampleCount());
    const Eigen::MatrixXd expected = 2.0 * weightOf(loss, n) * (problem.design().transpose() * problem.design());
    const Eigen::MatrixXd hessian = function.hessian();
    QVERIFY((hessian - expected).norm() <= 1e-13 * expected.norm());

    // The gradient is affine with that Hessian: g(θ + d) − g(θ) = H·d.
    const Eigen::VectorXd theta = Eigen::VectorXd::LinSpaced(problem.parameterCount(), -1.0, 2.0);
    const Eigen::VectorXd d = Eigen::VectorXd::LinSpaced(problem.parameterCount(), 0.5, -0.25);
    const Eigen::VectorXd change
        = function.evaluateDirect(theta + d).gradient - function.evaluateDirect(theta).gradient;
    QVERIFY(closeRelative(change, (hessian * d).eval(), 1e-10));
}

void TestLossFunction::valueAtOptimum()
{
    // five_points: Σr² = 1.6 at (0.6, 0.8), so mse 0.32, half-mse 0.16, sse 1.6, RMSE sqrt(0.32), gradient 0.
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    const Eigen::Vector2d optimum(0.6, 0.8);
    for (const auto& [loss, value] : std::vector<std::pair<LossKind, double>> {
             { LossKind::Mse, 0.32 }, { LossKind::HalfMse, 0.16 }, { LossKind::Sse, 1.6 } }) {
        const LossFunction function(problem, loss);
        for (const gdlab::LossEvaluation& evaluation :
            { function.evaluate(optimum), function.evaluateDirect(optimum) }) {
            QVERIFY2(closeRelative(evaluation.loss, value, 1e-13), gdlab::lossName(loss));
            QVERIFY(closeRelative(evaluation.rmse, std::sqrt(0.32), 1e-13));
            QVERIFY(evaluation.gradient.norm() <= 1e-12);
        }
    }
}

} // namespace tst_loss_function

QTEST_APPLESS_MAIN(tst_loss_function::TestLossFunction)
#include "tst_loss_function.moc"
