#include "csv_reader.h"
#include "dataset.h"
#include "least_squares.h"
#include "problem.h"
#include "refined_least_squares.h"
#include "semi_normal_least_squares.h"
#include "support/synthetic_dataset.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

namespace tst_semi_normal_least_squares {

using gdlab::Dataset;
using gdlab::LeastSquaresFit;
using gdlab::LeastSquaresMethod;
using gdlab::Problem;
using gdlab::ProblemSpec;
using gdlab::SemiNormalLeastSquares;
using gdlab::test::syntheticDataset;

namespace {

double relativeError(const Eigen::VectorXd& actual, const Eigen::VectorXd& expected)
{
    return (actual - expected).cwiseAbs().cwiseQuotient(expected.cwiseAbs()).maxCoeff();
}

double relativeError(double actual, double expected)
{
    return std::abs(actual - expected) / std::abs(expected);
}

SemiNormalLeastSquares solve(const Problem& problem, unsigned threads = 0)
{
    const double centre
        = problem.hasIntercept() ? problem.moment()[0] / static_cast<double>(problem.sampleCount()) : 0.0;
    return SemiNormalLeastSquares(
        problem.design(), problem.target(), problem.gram(), problem.moment(), centre, threads);
}

Problem nistProblem(const QString& name)
{
    const Dataset data
        = gdlab::CsvReader::readFile(std::string(GDLAB_TEST_DATA_DIR) + "/nist/" + name.toStdString() + ".csv");
    ProblemSpec spec;
    spec.intercept = !name.startsWith(QLatin1String("NoInt"));
    return Problem(data, spec);
}

} // namespace

class TestSemiNormalLeastSquares : public QObject {
    Q_OBJECT

private slots:
    void wellConditionedMatchesQr_data();
    void wellConditionedMatchesQr();
    void problemTakesItToo();
    void illConditionedTakesQr();
    void rankDeficientTakesQr();
    void sameBitsOnOneOrTwoThreads();
    void nistMatchesQr_data();
    void nistMatchesQr();
    void nistLeftToQr_data();
    void nistLeftToQr();
};

void TestSemiNormalLeastSquares::wellConditionedMatchesQr_data()
{
    QTest::addColumn<double>("shift");
    QTest::addColumn<double>("noise");
    QTest::addColumn<double>("errorsTolerance");
    QTest::addColumn<int>("passes");
    // κ 1.9: one pass in double. κ 600: θ = G⁻¹c alone is off by 6·10⁻⁸; the pass in double brings it near, and as the
    // rounding of r in double could still show in θ there, a second pass sums r in long double. The standard errors
    // come from the Cholesky R of the rounded G: κ²·u.
    QTest::newRow("centred") << 0.3 << 0.5 << 1e-13 << 1;
    QTest::newRow("shifted, kappa 600") << 100.0 << 0.01 << 1e-10 << 2;
}

void TestSemiNormalLeastSquares::wellConditionedMatchesQr()
{
    // 20,000 rows of five features: fitLeastSquares takes the normal equations and a pass, and agrees with the
    // column-pivoted QR of the same rows (refined in long double) to the last digits.
    QFETCH(double, shift);
    QFETCH(double, noise);
    QFETCH(double, errorsTolerance);
    QFETCH(int, passes);
    const Problem problem(syntheticDataset(20'000, 5, noise, shift), ProblemSpec {});
    const LeastSquaresFit fit = gdlab::fitLeastSquares(problem);
    QVERIFY(fit.method == LeastSquaresMethod::SemiNormal);
    QVERIFY(!fit.rankDeficient);
    QCOMPARE(fit.rank, Eigen::Index(6));
    QCOMPARE(solve(problem).passes(), passes);

    const gdlab::RefinedLeastSquares qr(problem.design(), problem.target());
    QVERIFY2(relativeError(fit.theta, qr.solution()) <= 1e-13,
        qPrintable(QString::number(relativeError(fit.theta, qr.solution()))));
    const double qrSquares = qr.residual().squaredNorm();
    QVERIFY2(relativeError(fit.sumOfSquares, qrSquares) <= 1e-13,
        qPrintable(QString::number(relativeError(fit.sumOfSquares, qrSquares))));
    const Eigen::VectorXd qrErrors = (qr.inverseGramDiagonal() * (qrSquares / (20'000 - 6))).cwiseSqrt();
    QVERIFY2(relativeError(fit.standardErrors, qrErrors) <= errorsTolerance,
        qPrintable(QString::number(relativeError(fit.standardErrors, qrErrors))));
    const Eigen::VectorXd& y = problem.target();
    const double total = (y.array() - y.mean()).matrix().squaredNorm();
    QVERIFY(relativeError(fit.r2, 1.0 - qrSquares / total) <= 1e-13);
    QVERIFY(fit.r2 > 0.99 && fit.r2 < 1.0);
    QVERIFY(fit.conditionNumber > 1.0);
}

void TestSemiNormalLeastSquares::problemTakesItToo()
{
    // Problem's own θ* and minimum Σr² (behind every loss it reports) come the same way on many well-conditioned
    // rows, in place of a complete orthogonal decomposition of X; the same to the last digits.
    const Problem problem(syntheticDataset(20'000, 5, 0.5, 0.3), ProblemSpec {});
    QCOMPARE(problem.rank(), Eigen::Index(6));
    const gdlab::RefinedLeastSquares qr(problem.design(), problem.target());
    QVERIFY2(relativeError(problem.leastSquaresTheta(), qr.solution()) <= 1e-13,
        qPrintable(QString::number(relativeError(problem.leastSquaresTheta(), qr.solution()))));
    QVERIFY(relativeError(problem.minimumSumOfSquares(), qr.residual().squaredNorm()) <= 1e-13);
    QCOMPARE(problem.leastSquaresTheta(), solve(problem).solution());
}

void TestSemiNormalLeastSquares::illConditionedTakesQr()
{
    // Features 10⁵ ± 1 beside the intercept: κ of the scaled columns about 10⁵ or more, so κ²·u is 10⁻⁶ or more and the
    // normal equations are not to be trusted; the QR path answers, and still to its usual accuracy.
    const Problem problem(syntheticDataset(20'000, 3, 1e-6, 1e5), ProblemSpec {});
    QVERIFY(!solve(problem).isUsable());
    QVERIFY(solve(problem).scaledConditionNumber() > SemiNormalLeastSquares::conditionLimit());
    const LeastSquaresFit fit = gdlab::fitLeastSquares(problem);
    QVERIFY(fit.method == LeastSquaresMethod::HouseholderQr);
    QVERIFY(!fit.rankDeficient);
    for (Eigen::Index j = 1; j < 4; ++j)
        QVERIFY2(
            relativeError(fit.theta[j], static_cast<double>(j)) <= 1e-6, qPrintable(QString::number(fit.theta[j])));
}

void TestSemiNormalLeastSquares::rankDeficientTakesQr()
{
    // A duplicated column among many rows: G is singular, Cholesky fails or κ is out of reach; the QR names it.
    const Dataset data = syntheticDataset(20'000, 3, 0.5, 0.0);
    Eigen::MatrixXd values = data.values();
    values.col(2) = values.col(1);
    const Problem problem(Dataset(data.columnNames(), values, "duplicate"), ProblemSpec {});
    QVERIFY(!solve(problem).isUsable());
    const LeastSquaresFit fit = gdlab::fitLeastSquares(problem);
    QVERIFY(fit.method == LeastSquaresMethod::HouseholderQr);
    QVERIFY(fit.rankDeficient);
    QVERIFY2(
        QString::fromStdString(fit.message).contains(QLatin1String("duplicates column 'x2'")), fit.message.c_str());
}

void TestSemiNormalLeastSquares::sameBitsOnOneOrTwoThreads()
{
    // The pass splits the rows into fixed chunks and adds their sums in chunk order: one thread or two, the same bits.
    const Problem problem(syntheticDataset(300'000, 4, 0.1, 0.5), ProblemSpec {});
    const SemiNormalLeastSquares one = solve(problem, 1);
    const SemiNormalLeastSquares two = solve(problem, 2);
    QVERIFY(one.isUsable() && two.isUsable());
    QCOMPARE(one.passes(), two.passes());
    for (Eigen::Index j = 0; j < problem.parameterCount(); ++j)
        QCOMPARE(one.solution()[j], two.solution()[j]);
    QCOMPARE(one.sumOfSquares(), two.sumOfSquares());
    QCOMPARE(one.totalSquares(), two.totalSquares());
}

void TestSemiNormalLeastSquares::nistMatchesQr_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("passes");
    // Norris κ 2.8, NoInt1 1: one pass in double. Pontius (κ 18) needs its residuals in long double, so a second
    // pass; Wampler1–2 (κ 2·10³) too, and they are exact fits: more passes measure Σr² at the refined θ.
    QTest::newRow("Norris") << "Norris" << 1;
    QTest::newRow("Pontius") << "Pontius" << 2;
    QTest::newRow("NoInt1") << "NoInt1" << 1;
    QTest::newRow("Wampler1") << "Wampler1" << 3;
    QTest::newRow("Wampler2") << "Wampler2" << 4;
}

void TestSemiNormalLeastSquares::nistMatchesQr()
{
    // The method itself on NIST's small well-conditioned sets (fitLeastSquares keeps the QR for so few rows): θ
    // as the refined QR's to within 10⁻¹³.
    QFETCH(QString, name);
    QFETCH(int, passes);
    const Problem problem = nistProblem(name);
    const SemiNormalLeastSquares fast = solve(problem);
    QVERIFY(fast.isUsable());
    QCOMPARE(fast.passes(), passes);
    const gdlab::RefinedLeastSquares qr(problem.design(), problem.target());
    QVERIFY2(relativeError(fast.solution(), qr.solution()) <= 1e-13,
        qPrintable(QString::number(relativeError(fast.solution(), qr.solution()))));
    QVERIFY(gdlab::fitLeastSquares(problem).method == LeastSquaresMethod::HouseholderQr);
}

void TestSemiNormalLeastSquares::nistLeftToQr_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("conditioned");
    // Longley (κ 4·10⁴) and Filip (10⁹ and beyond) are past the limit; Wampler3–5 (κ 2·10³) are within it, but
    // their residuals are up to 20 times the fitted values, so Xᵀr in double would cost them digits.
    QTest::newRow("Longley") << "Longley" << false;
    QTest::newRow("Filip") << "Filip" << false;
    QTest::newRow("Wampler3") << "Wampler3" << true;
    QTest::newRow("Wampler4") << "Wampler4" << true;
    QTest::newRow("Wampler5") << "Wampler5" << true;
}

void TestSemiNormalLeastSquares::nistLeftToQr()
{
    QFETCH(QString, name);
    QFETCH(bool, conditioned);
    const SemiNormalLeastSquares fast = solve(nistProblem(name));
    QVERIFY(!fast.isUsable());
    QCOMPARE(fast.scaledConditionNumber() < SemiNormalLeastSquares::conditionLimit(), conditioned);
}

} // namespace tst_semi_normal_least_squares

QTEST_APPLESS_MAIN(tst_semi_normal_least_squares::TestSemiNormalLeastSquares)
#include "tst_semi_normal_least_squares.moc"
