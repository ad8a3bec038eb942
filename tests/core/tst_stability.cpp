#include "csv_reader.h"
#include "dataset.h"
#include "problem.h"
#include "stability.h"
#include "support/test_metatypes.h"

#include <Eigen/Eigenvalues>
#include <QtTest>

#include <cmath>
#include <string>

namespace tst_stability {

using gdlab::Dataset;
using gdlab::LossKind;
using gdlab::Problem;
using gdlab::ProblemSpec;
using gdlab::StabilityBounds;

namespace {

Dataset lessonData(const QString& fileName)
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + fileName.toStdString());
}

bool closeRelative(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::abs(expected);
}

QByteArray describe(double actual, double expected)
{
    return QStringLiteral("%1 vs expected %2").arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17).toUtf8();
}

#define COMPARE_RELATIVE(actual, expected, tolerance)                                                                  \
    QVERIFY2(closeRelative((actual), (expected), (tolerance)), describe((actual), (expected)).constData())

ProblemSpec specFor(const QString& fileName, bool standardize)
{
    ProblemSpec spec;
    spec.intercept = !fileName.startsWith("three_features");
    spec.standardize = standardize;
    return spec;
}

} // namespace

class TestStability : public QObject {
    Q_OBJECT

private slots:
    void fivePointsByHand_data();
    void fivePointsByHand();
    void scalingBetweenLosses_data();
    void scalingBetweenLosses();
    void optimalRateBalancesModes_data();
    void optimalRateBalancesModes();
    void standardizedIsBetterConditioned_data();
    void standardizedIsBetterConditioned();
    void singularGram();
};

void TestStability::fivePointsByHand_data()
{
    QTest::addColumn<LossKind>("loss");
    QTest::addColumn<double>("scale"); // H = scale · G
    QTest::addRow("mse") << LossKind::Mse << 2.0 / 5.0;
    QTest::addRow("half-mse") << LossKind::HalfMse << 1.0 / 5.0;
    QTest::addRow("sse") << LossKind::Sse << 2.0;
}

void TestStability::fivePointsByHand()
{
    QFETCH(LossKind, loss);
    QFETCH(double, scale);
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    // G = XᵀX = [[n, Σx], [Σx, Σx²]] = [[5, 15], [15, 55]]: trace 60, determinant 50.
    const double trace = 5.0 + 55.0;
    const double determinant = 5.0 * 55.0 - 15.0 * 15.0;
    const double root = std::sqrt(trace * trace / 4.0 - determinant);
    const double lambdaMax = scale * (trace / 2.0 + root);
    const double lambdaMin = scale * determinant / (trace / 2.0 + root); // λmin = det/λmax, no cancellation

    const StabilityBounds bounds = gdlab::computeStability(problem, loss);
    COMPARE_RELATIVE(bounds.lambdaMax, lambdaMax, 1e-13);
    COMPARE_RELATIVE(bounds.lambdaMin, lambdaMin, 1e-12);
    COMPARE_RELATIVE(bounds.divergenceBound, 2.0 / lambdaMax, 1e-13);
    COMPARE_RELATIVE(bounds.optimalRate, 2.0 / (lambdaMin + lambdaMax), 1e-13);
    // λmin + λmax is the trace of H, so the optimal rate is 2/(scale·60).
    COMPARE_RELATIVE(bounds.optimalRate, 2.0 / (scale * trace), 1e-13);
    QVERIFY(bounds.optimalRate < bounds.divergenceBound);
}

void TestStability::scalingBetweenLosses_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("standardize");
    for (const char* name : { "five_points.csv", "two_features_n50.csv", "two_features_n100.csv",
             "three_features_ints_n20.csv", "nist_norris.csv" }) {
        QTest::addRow("%s", name) << QString::fromLatin1(name) << false;
        QTest::addRow("%s standardized", name) << QString::fromLatin1(name) << true;
    }
}

void TestStability::scalingBetweenLosses()
{
    QFETCH(QString, fileName);
    QFETCH(bool, standardize);
    const Dataset data = lessonData(fileName);
    const Problem problem(data, specFor(fileName, standardize));
    const double n = double(problem.sampleCount());
    const StabilityBounds mse = gdlab::computeStability(problem, LossKind::Mse);
    const StabilityBounds half = gdlab::computeStability(problem, LossKind::HalfMse);
    const StabilityBounds sse = gdlab::computeStability(problem, LossKind::Sse);
    // Half the mse: half the curvature, twice the rate. The sum: n times the curvature, 1/n the rate.
    COMPARE_RELATIVE(half.lambdaMax, mse.lambdaMax / 2.0, 1e-13);
    COMPARE_RELATIVE(half.divergenceBound, 2.0 * mse.divergenceBound, 1e-13);
    COMPARE_RELATIVE(half.optimalRate, 2.0 * mse.optimalRate, 1e-13);
    COMPARE_RELATIVE(sse.lambdaMax, n * mse.lambdaMax, 1e-13);
    COMPARE_RELATIVE(sse.divergenceBound, mse.divergenceBound / n, 1e-13);
    COMPARE_RELATIVE(sse.optimalRate, mse.optimalRate / n, 1e-13);
    // λmax of mse against the largest eigenvalue of (2/n)·XᵀX computed independently.
    const Eigen::MatrixXd hessian = (2.0 / n) * (problem.design().transpose() * problem.design());
    const Eigen::VectorXd eigenvalues = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(hessian).eigenvalues();
    COMPARE_RELATIVE(mse.lambdaMax, eigenvalues.maxCoeff(), 1e-12);
    QVERIFY(mse.lambdaMin > 0);
    QVERIFY(mse.lambdaMin <= mse.lambdaMax);
}

void TestStability::optimalRateBalancesModes_data()
{
    scalingBetweenLosses_data();
}

void TestStability::optimalRateBalancesModes()
{
    QFETCH(QString, fileName);
    QFETCH(bool, standardize);
    const Dataset data = lessonData(fileName);
    const Problem problem(data, specFor(fileName, standardize));
    const StabilityBounds bounds = gdlab::computeStability(problem, LossKind::Mse);
    // At the optimal rate the slowest and the fastest mode contract equally: 1 − lr·λmin = lr·λmax − 1.
    const double slow = 1.0 - bounds.optimalRate * bounds.lambdaMin;
    const double fast = bounds.optimalRate * bounds.lambdaMax - 1.0;
    QVERIFY2(std::abs(slow - fast) <= 1e-12, qPrintable(QStringLiteral("%1 vs %2").arg(slow).arg(fast)));
    QVERIFY(slow >= 0.0 && slow < 1.0);
    // And the contraction factor is (κ − 1)/(κ + 1).
    const double kappa = bounds.lambdaMax / bounds.lambdaMin;
    QVERIFY(std::abs(slow - (kappa - 1.0) / (kappa + 1.0)) <= 1e-12);
}

void TestStability::standardizedIsBetterConditioned_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<double>("minimumImprovement"); // raw κ / standardized κ at least this
    QTest::addRow("nist_norris") << "nist_norris.csv" << 1e5;
    QTest::addRow("five_points") << "five_points.csv" << 10.0;
    QTest::addRow("two_features_n100") << "two_features_n100.csv" << 5.0;
}

void TestStability::standardizedIsBetterConditioned()
{
    QFETCH(QString, fileName);
    QFETCH(double, minimumImprovement);
    const Dataset data = lessonData(fileName);
    const StabilityBounds raw = gdlab::computeStability(Problem(data, specFor(fileName, false)), LossKind::Mse);
    const StabilityBounds scaled = gdlab::computeStability(Problem(data, specFor(fileName, true)), LossKind::Mse);
    const double rawKappa = raw.lambdaMax / raw.lambdaMin;
    const double scaledKappa = scaled.lambdaMax / scaled.lambdaMin;
    QVERIFY2(rawKappa / scaledKappa >= minimumImprovement,
        qPrintable(QStringLiteral("raw κ %1, standardized κ %2").arg(rawKappa).arg(scaledKappa)));
    if (fileName == "nist_norris.csv" || fileName == "five_points.csv") {
        // One z-scored feature beside the intercept: H = 2·I, κ = 1, optimal rate 0.5, bound 1.
        COMPARE_RELATIVE(scaledKappa, 1.0, 1e-12);
        COMPARE_RELATIVE(scaled.optimalRate, 0.5, 1e-12);
        COMPARE_RELATIVE(scaled.divergenceBound, 1.0, 1e-12);
    }
}

void TestStability::singularGram()
{
    // A constant feature beside the intercept: G is singular, λmin is 0 (never negative), and the optimal
    // rate falls back to 2/λmax, the divergence bound.
    Eigen::MatrixXd values(6, 3);
    for (Eigen::Index r = 0; r < 6; ++r)
        values.row(r) << double(r), 4.0, 2.0 * double(r) + 1.0;
    const Problem problem(Dataset({ "x", "c", "y" }, values, "singular.csv"), ProblemSpec {});
    const StabilityBounds bounds = gdlab::computeStability(problem, LossKind::Mse);
    QCOMPARE(bounds.lambdaMin, 0.0);
    QVERIFY(bounds.lambdaMax > 0);
    COMPARE_RELATIVE(bounds.optimalRate, bounds.divergenceBound, 1e-15);
}

} // namespace tst_stability

QTEST_APPLESS_MAIN(tst_stability::TestStability)
#include "tst_stability.moc"
