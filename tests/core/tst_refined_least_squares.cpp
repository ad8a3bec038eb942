#include "refined_least_squares.h"

#include <Eigen/LU>
#include <QtTest>

#include <cmath>

namespace tst_refined_least_squares {

using gdlab::RefinedLeastSquares;

namespace {

// Wampler5's design: 1, x, …, x⁵ for x = 0..20; κ of the scaled columns is about 10⁶.
Eigen::MatrixXd polynomialDesign(int rows, int degree)
{
    Eigen::MatrixXd design(rows, degree + 1);
    for (int i = 0; i < rows; ++i) {
        for (int k = 0; k <= degree; ++k)
            design(i, k) = std::pow(double(i), k);
    }
    return design;
}

} // namespace

class TestRefinedLeastSquares : public QObject {
    Q_OBJECT

private slots:
    void exactFitIsExact();
    void refinementBeatsPlainQr();
    void residualIsOrthogonalToColumns();
    void inverseGramMatchesDirectInverse();
    void rankDeficientComputesNothing();
};

void TestRefinedLeastSquares::exactFitIsExact()
{
    // y = 1 + x + … + x⁵ (NIST Wampler1): every value is an integer below 2⁵³, so the refined fit is exact.
    const Eigen::MatrixXd design = polynomialDesign(21, 5);
    const Eigen::VectorXd target = design.rowwise().sum();
    const RefinedLeastSquares solver(design, target);
    QVERIFY(solver.isFullRank());
    for (Eigen::Index k = 0; k < 6; ++k)
        QVERIFY2(
            std::abs(solver.solution()[k] - 1.0) <= 1e-13, qPrintable(QString::number(solver.solution()[k], 'g', 17)));
    QVERIFY(solver.residual().norm() <= 1e-6);
}

void TestRefinedLeastSquares::refinementBeatsPlainQr()
{
    // y = 1 + x + … + x⁵ + e with e = 10⁹·(1, −6, 15, −20, 15, −6, 1, 0, …): a sixth difference, orthogonal to
    // every polynomial of degree 5, so the exact solution is still θ = 1 while the residual is huge. That makes
    // the κ² term of a plain QR solution show; refinement removes it.
    const Eigen::MatrixXd design = polynomialDesign(21, 5);
    Eigen::VectorXd target = design.rowwise().sum();
    const double difference[] = { 1, -6, 15, -20, 15, -6, 1 };
    for (int i = 0; i < 7; ++i)
        target[i] += 1e9 * difference[i];
    const RefinedLeastSquares solver(design, target);
    const Eigen::VectorXd ones = Eigen::VectorXd::Ones(6);
    const Eigen::VectorXd plain = design.colPivHouseholderQr().solve(target);
    const double refinedError = (solver.solution() - ones).cwiseAbs().maxCoeff();
    const double plainError = (plain - ones).cwiseAbs().maxCoeff();
    QVERIFY2(refinedError <= 1e-9, qPrintable(QString::number(refinedError)));
    QVERIFY2(refinedError < plainError, qPrintable(QStringLiteral("%1 vs %2").arg(refinedError).arg(plainError)));
}

void TestRefinedLeastSquares::residualIsOrthogonalToColumns()
{
    const Eigen::MatrixXd design = polynomialDesign(50, 3);
    Eigen::VectorXd target(50);
    for (Eigen::Index i = 0; i < 50; ++i)
        target[i] = std::sin(0.3 * double(i)) * 100.0;
    const RefinedLeastSquares solver(design, target);
    // The residual returned is y − Xθ at the returned θ...
    const Eigen::VectorXd direct = target - design * solver.solution();
    QVERIFY((direct - solver.residual()).norm() <= 1e-9 * target.norm());
    // ...and it is orthogonal to every column, relative to the sizes involved.
    for (Eigen::Index j = 0; j < design.cols(); ++j) {
        const double scale = design.col(j).norm() * solver.residual().norm();
        QVERIFY(std::abs(design.col(j).dot(solver.residual())) <= 1e-12 * scale);
    }
}

void TestRefinedLeastSquares::inverseGramMatchesDirectInverse()
{
    Eigen::MatrixXd design(4, 2);
    design << 1, 1, 1, 2, 1, 3, 1, 4;
    const RefinedLeastSquares solver(design, Eigen::Vector4d(2, 4, 7, 8));
    const Eigen::MatrixXd expected = (design.transpose() * design).inverse();
    QVERIFY((solver.inverseGram() - expected).norm() <= 1e-14 * expected.norm());
    QVERIFY((solver.inverseGramDiagonal() - expected.diagonal()).norm() <= 1e-14 * expected.norm());
}

void TestRefinedLeastSquares::rankDeficientComputesNothing()
{
    Eigen::MatrixXd design(4, 3);
    design << 1, 1, 2, 1, 2, 4, 1, 3, 6, 1, 4, 8;
    const RefinedLeastSquares solver(design, Eigen::Vector4d(1, 2, 3, 5));
    QVERIFY(!solver.isFullRank());
    QCOMPARE(solver.rank(), Eigen::Index(2));
    QCOMPARE(solver.solution().size(), Eigen::Index(0));
    QCOMPARE(solver.residual().size(), Eigen::Index(0));
}

} // namespace tst_refined_least_squares

QTEST_APPLESS_MAIN(tst_refined_least_squares::TestRefinedLeastSquares)
#include "tst_refined_least_squares.moc"
