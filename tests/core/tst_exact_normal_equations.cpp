// ZᵀZ summed in double-double and the normal equations solved in double-double (ExactNormalEquations): sums that
// double rounds are exact, block order does not matter beyond rounding, and NIST's Filip, whose R in double cannot
// be refined, is solved to the exact least-squares solution of its doubles.
#include "csv_reader.h"
#include "dataset.h"
#include "exact_normal_equations.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <string>

namespace tst_exact_normal_equations {

using gdlab::ExactNormalEquations;

namespace {

// The least-squares solution of Filip.csv's doubles (not of NIST's decimals), in exact rational arithmetic
// (Python's fractions: the normal equations of the doubles, then Gaussian elimination), rounded to double.
const double kFilipExact[] = { -1467.4895817746055, -2772.1795310819298, -2316.3710310583997, -1127.9739164792065,
    -354.47822602567703, -75.124200114350629, -10.875317800157841, -1.0622149628436808, -0.067019113999074037,
    -0.0024678107286618292, -4.029625161812716e-05 };

Eigen::MatrixXd filipZ()
{
    const gdlab::Dataset data = gdlab::CsvReader::readFile(std::string(GDLAB_TEST_DATA_DIR) + "/nist/Filip.csv");
    Eigen::MatrixXd z(data.rowCount(), data.columnCount() + 1);
    z.col(0).setOnes();
    z.rightCols(data.columnCount()) = data.values();
    return z;
}

double worstDigits(const Eigen::VectorXd& theta)
{
    double worst = 17;
    for (Eigen::Index i = 0; i < theta.size(); ++i)
        worst = std::min(worst, -std::log10(std::abs(theta[i] - kFilipExact[i]) / std::abs(kFilipExact[i])));
    return worst;
}

} // namespace

class TestExactNormalEquations : public QObject {
    Q_OBJECT

private slots:
    void sumsWhatDoubleRounds();
    void filipIsSolvedExactly();
    void blocksInAnyCutAgree();
    void singularIsRefused();
};

void TestExactNormalEquations::sumsWhatDoubleRounds()
{
    // (2²⁷ + 1)² = 2⁵⁴ + 2²⁸ + 1 needs 55 bits: double rounds it to 2⁵⁴ + 2²⁸, and the cross sum
    // (2²⁷ + 1)·(2²⁷ + 1) + 1·(−2⁵⁴ − 2²⁸) comes out 0 instead of 1.
    const double a = 134217729.0;
    const double big = 18014398509481984.0 + 268435456.0;
    Eigen::MatrixXd z(2, 2);
    z << a, a, 1.0, -big;
    QCOMPARE(a * a + 1.0 * -big, 0.0);
    ExactNormalEquations sums(2);
    sums.add(z);
    QCOMPARE(sums.cross()(1, 0), 1.0);
    QCOMPARE(sums.cross()(0, 1), 1.0);
    // The same rows one at a time, merged.
    ExactNormalEquations merged(2);
    for (Eigen::Index i = 0; i < 2; ++i) {
        ExactNormalEquations row(2);
        row.add(z.row(i));
        merged.merge(row);
    }
    QCOMPARE(merged.cross()(1, 0), 1.0);
}

void TestExactNormalEquations::filipIsSolvedExactly()
{
    const Eigen::MatrixXd z = filipZ();
    ExactNormalEquations sums(z.cols());
    sums.add(z);
    const Eigen::VectorXd theta = sums.solve(z.cols() - 1);
    QCOMPARE(theta.size(), Eigen::Index(11));
    const double digits = worstDigits(theta);
    QVERIFY2(digits >= 11, qPrintable(QString::number(digits)));
}

void TestExactNormalEquations::blocksInAnyCutAgree()
{
    const Eigen::MatrixXd z = filipZ();
    ExactNormalEquations whole(z.cols());
    whole.add(z);
    ExactNormalEquations merged(z.cols());
    for (Eigen::Index first = 0; first < z.rows(); first += 7) {
        ExactNormalEquations block(z.cols());
        block.add(z.middleRows(first, std::min<Eigen::Index>(7, z.rows() - first)));
        merged.merge(block);
    }
    QVERIFY(worstDigits(merged.solve(z.cols() - 1)) >= 11);
    const Eigen::MatrixXd difference = merged.cross() - whole.cross();
    QVERIFY(difference.cwiseAbs().maxCoeff() <= 4 * std::numeric_limits<double>::epsilon() * whole.cross().norm());
}

void TestExactNormalEquations::singularIsRefused()
{
    Eigen::MatrixXd z(4, 3);
    z << 1, 2, 5, 2, 4, 6, 3, 6, 7, 4, 8, 9; // the second column is twice the first
    ExactNormalEquations sums(3);
    sums.add(z);
    QCOMPARE(sums.solve(2).size(), Eigen::Index(0));
    ExactNormalEquations zero(2);
    zero.add(Eigen::MatrixXd::Zero(3, 2));
    QCOMPARE(zero.solve(1).size(), Eigen::Index(0));
}

} // namespace tst_exact_normal_equations

QTEST_APPLESS_MAIN(tst_exact_normal_equations::TestExactNormalEquations)
#include "tst_exact_normal_equations.moc"
