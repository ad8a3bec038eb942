#include "csv_reader.h"
#include "dataset.h"
#include "least_squares.h"
#include "problem.h"
#include "problem_accumulator.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace tst_least_squares {

using gdlab::Dataset;
using gdlab::LeastSquaresFit;
using gdlab::Problem;
using gdlab::ProblemSpec;

namespace {

Dataset lessonData(const char* fileName)
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + fileName);
}

bool closeRelative(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::abs(expected);
}

QByteArray describe(double actual, double expected)
{
    return QStringLiteral("%1 vs expected %2 (relative error %3)")
        .arg(actual, 0, 'g', 17)
        .arg(expected, 0, 'g', 17)
        .arg(std::abs(actual - expected) / std::abs(expected), 0, 'g', 3)
        .toUtf8();
}

#define COMPARE_RELATIVE(actual, expected, tolerance)                                                                  \
    QVERIFY2(closeRelative((actual), (expected), (tolerance)), describe((actual), (expected)).constData())

// NIST StRD "Norris", certified values.
constexpr double norrisTheta0 = -0.262323073774029;
constexpr double norrisTheta1 = 1.00211681802045;
constexpr double norrisSe0 = 0.232818234301152;
constexpr double norrisSe1 = 0.429796848199937e-3;
constexpr double norrisResidualSd = 0.884796396144373;
constexpr double norrisR2 = 0.999993745883712;

// Log relative error: the number of correct significant digits, capped at 15 as NIST does; against a certified 0
// it is the number of correct decimals.
double logRelativeError(double estimate, double certified)
{
    if (!std::isfinite(estimate))
        return 0.0;
    const double error = certified == 0.0 ? std::abs(estimate) : std::abs(estimate - certified) / std::abs(certified);
    return error == 0.0 ? 15.0 : std::clamp(-std::log10(error), 0.0, 15.0);
}

QByteArray describeLre(const char* what, int index, double estimate, double certified)
{
    return QStringLiteral("%1[%2] = %3, certified %4: LRE %5")
        .arg(QLatin1String(what))
        .arg(index)
        .arg(estimate, 0, 'g', 17)
        .arg(certified, 0, 'g', 15)
        .arg(logRelativeError(estimate, certified), 0, 'f', 1)
        .toUtf8();
}

ProblemSpec spec(bool intercept, bool standardize)
{
    ProblemSpec result;
    result.intercept = intercept;
    result.standardize = standardize;
    return result;
}

} // namespace

class TestLeastSquares : public QObject {
    Q_OBJECT

private slots:
    void norrisCertified();
    void nistCertified_data();
    void nistCertified();
    void nistCertifiedFolded_data() { nistCertified_data(); }
    void nistCertifiedFolded();
    void norrisStandardized();
    void twoFeaturesNormalEquation_data();
    void twoFeaturesNormalEquation();
    void threeFeaturesNoIntercept();
    void fivePoints();
    void rankDeficient_data();
    void rankDeficient();
    void conditionNumberOfDiagonalGram();
    void exactlyDetermined();
    void extremeColumnScales_data();
    void extremeColumnScales();
};

void TestLeastSquares::norrisCertified()
{
    const Dataset data = lessonData("nist_norris.csv");
    QCOMPARE(data.rowCount(), Eigen::Index(36));
    const Problem problem(data, ProblemSpec {});
    const LeastSquaresFit fit = gdlab::fitLeastSquares(problem);
    QVERIFY(!fit.rankDeficient);
    QCOMPARE(fit.rank, Eigen::Index(2));
    QVERIFY(fit.message.empty());
    COMPARE_RELATIVE(fit.theta[0], norrisTheta0, 1e-10);
    COMPARE_RELATIVE(fit.theta[1], norrisTheta1, 1e-10);
    QCOMPARE(fit.thetaOriginal, fit.theta);
    COMPARE_RELATIVE(fit.standardErrors[0], norrisSe0, 1e-8);
    COMPARE_RELATIVE(fit.standardErrors[1], norrisSe1, 1e-8);
    COMPARE_RELATIVE(fit.residualStandardDeviation, norrisResidualSd, 1e-10);
    COMPARE_RELATIVE(fit.r2, norrisR2, 1e-10);
    // Residual sd² · (n − p) is the sum of squares.
    COMPARE_RELATIVE(fit.sumOfSquares, norrisResidualSd * norrisResidualSd * 34.0, 1e-9);
    // The problem's own minimum-norm solution agrees.
    COMPARE_RELATIVE(problem.leastSquaresTheta()[0], norrisTheta0, 1e-10);
    COMPARE_RELATIVE(problem.leastSquaresTheta()[1], norrisTheta1, 1e-10);
    QVERIFY(fit.conditionNumber > 1e5 && std::isfinite(fit.conditionNumber));
}

void TestLeastSquares::nistCertified_data()
{
    QTest::addColumn<bool>("intercept");
    QTest::addColumn<QList<double>>("theta");
    QTest::addColumn<QList<double>>("standardErrors");
    QTest::addColumn<double>("residualSd");
    QTest::addColumn<double>("r2");
    QTest::addColumn<double>("minimumThetaLre"); // correct digits required of every coefficient
    QTest::addColumn<double>("minimumLre"); // and of the standard errors, residual sd and R²
    QTest::addColumn<double>("minimumFoldedLre"); // of the coefficients from folded rows (R, long double ZᵀZ)

    // NIST StRD certified values (tests/data/nist/README.md). Filip's x¹⁰ column, rounded to a double, already
    // moves the exact solution in its eighth digit: 7.5 digits is what its data allow.
    QTest::addRow("Norris") << true << QList<double> { -0.262323073774029, 1.00211681802045 }
                            << QList<double> { 0.232818234301152, 0.429796848199937E-03 } << 0.884796396144373
                            << 0.999993745883712 << 9.0 << 8.0 << 9.0;
    QTest::addRow("Pontius") << true
                             << QList<double> { 0.673565789473684E-03, 0.732059160401003E-06, -0.316081871345029E-14 }
                             << QList<double> { 0.107938612033077E-03, 0.157817399981659E-09, 0.486652849992036E-16 }
                             << 0.205177424076185E-03 << 0.999999900178537 << 9.0 << 8.0 << 9.0;
    QTest::addRow("NoInt1") << false << QList<double> { 2.07438016528926 } << QList<double> { 0.165289256198347E-01 }
                            << 3.56753034006338 << 0.999365492298663 << 9.0 << 8.0 << 9.0;
    QTest::addRow("NoInt2") << false << QList<double> { 0.727272727272727 } << QList<double> { 0.420827318078432E-01 }
                            << 0.369274472937998 << 0.993348115299335 << 9.0 << 8.0 << 9.0;
    QTest::addRow("Longley") << true
                             << QList<double> { -3482258.63459582, 15.0618722713733, -0.358191792925910E-01,
                                    -2.02022980381683, -1.03322686717359, -0.511041056535807E-01, 1829.15146461355 }
                             << QList<double> { 890420.383607373, 84.9149257747669, 0.334910077722432E-01,
                                    0.488399681651699, 0.214274163161675, 0.226073200069370, 455.478499142212 }
                             << 304.854073561965 << 0.995479004577296 << 9.0 << 8.0 << 9.0;
    QTest::addRow("Wampler1") << true
                              << QList<double> { 1.00000000000000, 1.00000000000000, 1.00000000000000, 1.00000000000000,
                                     1.00000000000000, 1.00000000000000 }
                              << QList<double> { 0.000000000000000, 0.000000000000000, 0.000000000000000,
                                     0.000000000000000, 0.000000000000000, 0.000000000000000 }
                              << 0.000000000000000 << 1.00000000000000 << 9.0 << 8.0 << 9.0;
    QTest::addRow("Wampler2") << true
                              << QList<double> { 1.00000000000000, 0.100000000000000, 0.100000000000000E-01,
                                     0.100000000000000E-02, 0.100000000000000E-03, 0.100000000000000E-04 }
                              << QList<double> { 0.000000000000000, 0.000000000000000, 0.000000000000000,
                                     0.000000000000000, 0.000000000000000, 0.000000000000000 }
                              << 0.000000000000000 << 1.00000000000000 << 9.0 << 8.0 << 9.0;
    QTest::addRow("Wampler3") << true
                              << QList<double> { 1.00000000000000, 1.00000000000000, 1.00000000000000, 1.00000000000000,
                                     1.00000000000000, 1.00000000000000 }
                              << QList<double> { 2152.32624678170, 2363.55173469681, 779.343524331583, 101.475507550350,
                                     5.64566512170752, 0.112324854679312 }
                              << 2360.14502379268 << 0.999995559025820 << 9.0 << 8.0 << 9.0;
    QTest::addRow("Wampler4") << true
                              << QList<double> { 1.00000000000000, 1.00000000000000, 1.00000000000000, 1.00000000000000,
                                     1.00000000000000, 1.00000000000000 }
                              << QList<double> { 215232.624678170, 236355.173469681, 77934.3524331583, 10147.5507550350,
                                     564.566512170752, 11.2324854679312 }
                              << 236014.502379268 << 0.957478440825662 << 9.0 << 8.0 << 9.0;
    QTest::addRow("Wampler5") << true
                              << QList<double> { 1.00000000000000, 1.00000000000000, 1.00000000000000, 1.00000000000000,
                                     1.00000000000000, 1.00000000000000 }
                              << QList<double> { 21523262.4678170, 23635517.3469681, 7793435.24331583, 1014755.07550350,
                                     56456.6512170752, 1123.24854679312 }
                              << 23601450.2379268 << 0.224668921574940E-02 << 9.0 << 8.0 << 9.0;
    QTest::addRow("Filip") << true
                           << QList<double> { -1467.48961422980, -2772.17959193342, -2316.37108160893,
                                  -1127.97394098372, -354.478233703349, -75.1242017393757, -10.8753180355343,
                                  -1.06221498588947, -0.670191154593408E-01, -0.246781078275479E-02,
                                  -0.402962525080404E-04 }
                           << QList<double> { 298.084530995537, 559.779865474950, 466.477572127796, 227.204274477751,
                                  71.6478660875927, 15.2897178747400, 2.23691159816033, 0.221624321934227,
                                  0.142363763154724E-01, 0.535617408889821E-03, 0.896632837373868E-05 }
                           << 0.334801051324544E-02 << 0.996727416185620 << 7.5 << 7.0 << 7.5;
}

namespace {

// Every coefficient, standard error, the residual sd and R² of a fit against NIST's certified values (the current
// test function's data).
void checkCertified(const LeastSquaresFit& fit, double thetaLre, double otherLre)
{
    QFETCH(QList<double>, theta);
    QFETCH(QList<double>, standardErrors);
    QFETCH(double, residualSd);
    QFETCH(double, r2);
    QVERIFY2(!fit.rankDeficient, fit.message.c_str());
    QCOMPARE(fit.thetaOriginal.size(), Eigen::Index(theta.size()));
    for (int i = 0; i < theta.size(); ++i) {
        QVERIFY2(logRelativeError(fit.thetaOriginal[i], theta[i]) >= thetaLre,
            describeLre("theta", i, fit.thetaOriginal[i], theta[i]).constData());
        QVERIFY2(logRelativeError(fit.standardErrors[i], standardErrors[i]) >= otherLre,
            describeLre("standard error", i, fit.standardErrors[i], standardErrors[i]).constData());
    }
    QVERIFY2(logRelativeError(fit.residualStandardDeviation, residualSd) >= otherLre,
        describeLre("residual sd", 0, fit.residualStandardDeviation, residualSd).constData());
    QVERIFY2(logRelativeError(fit.r2, r2) >= otherLre, describeLre("R²", 0, fit.r2, r2).constData());
}

Dataset nistData()
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_TEST_DATA_DIR) + "/nist/" + QTest::currentDataTag() + ".csv");
}

} // namespace

void TestLeastSquares::nistCertified()
{
    QFETCH(bool, intercept);
    QFETCH(double, minimumThetaLre);
    QFETCH(double, minimumLre);
    const Problem problem(nistData(), spec(intercept, false));
    checkCertified(gdlab::fitLeastSquares(problem), minimumThetaLre, minimumLre);
}

// The same data folded three rows at a time, as gdlab-run folds a long file: the closed form then comes from the
// one-pass R, refined against ZᵀZ summed in long double where the condition allows (not on Filip), with no rows left.
void TestLeastSquares::nistCertifiedFolded()
{
    QFETCH(bool, intercept);
    QFETCH(double, minimumFoldedLre);
    QFETCH(QList<double>, theta);
    const Dataset data = nistData();
    // Standardized too: the refinement's long double sums then go through the same change of basis as R.
    for (const bool standardize : { false, true }) {
        gdlab::ProblemAccumulator rows(
            Dataset(data.columnNames(), Eigen::MatrixXd(0, data.columnCount()), data.source()),
            spec(intercept, standardize));
        for (Eigen::Index first = 0; first < data.rowCount(); first += 3)
            rows.add(data.values().middleRows(first, std::min<Eigen::Index>(3, data.rowCount() - first)));
        // As gdlab-run does when the fold asks for it: the rows again, summed in double-double (Filip only).
        QCOMPARE(rows.wantsExactPass(), QByteArray(QTest::currentDataTag()) == "Filip");
        if (rows.wantsExactPass())
            for (Eigen::Index first = 0; first < data.rowCount(); first += 5)
                rows.addExactPass(data.values().middleRows(first, std::min<Eigen::Index>(5, data.rowCount() - first)));
        const Problem problem(rows);
        const LeastSquaresFit fit = gdlab::fitLeastSquares(problem);
        // The worst digits, for the README's table (tst_least_squares nistCertifiedFolded prints them).
        double worst = 15.0;
        for (int i = 0; i < theta.size() && i < fit.thetaOriginal.size(); ++i)
            worst = std::min(worst, logRelativeError(fit.thetaOriginal[i], theta[i]));
        qInfo("%s folded%s: LRE of the worst coefficient %.1f", QTest::currentDataTag(),
            standardize ? ", standardized" : "", worst);
        checkCertified(fit, minimumFoldedLre, minimumFoldedLre - 1);
    }
}

void TestLeastSquares::norrisStandardized()
{
    const Dataset data = lessonData("nist_norris.csv");
    const Problem problem(data, spec(true, true));
    const LeastSquaresFit fit = gdlab::fitLeastSquares(problem);
    QVERIFY(!fit.rankDeficient);
    COMPARE_RELATIVE(fit.thetaOriginal[0], norrisTheta0, 1e-9);
    COMPARE_RELATIVE(fit.thetaOriginal[1], norrisTheta1, 1e-9);
    QVERIFY(closeRelative(problem.toOriginalUnits(fit.theta)[1], norrisTheta1, 1e-9));
    // Standard errors are of θ in original units, whatever space the descent runs in.
    COMPARE_RELATIVE(fit.standardErrors[0], norrisSe0, 1e-8);
    COMPARE_RELATIVE(fit.standardErrors[1], norrisSe1, 1e-8);
    COMPARE_RELATIVE(fit.residualStandardDeviation, norrisResidualSd, 1e-10);
    COMPARE_RELATIVE(fit.r2, norrisR2, 1e-10);
    // In z-scored space with an intercept, G = n·I: a perfectly round bowl.
    COMPARE_RELATIVE(fit.conditionNumber, 1.0, 1e-10);
    // The intercept in scaled space is the mean of y.
    COMPARE_RELATIVE(fit.theta[0], problem.target().mean(), 1e-12);
}

void TestLeastSquares::twoFeaturesNormalEquation_data()
{
    QTest::addColumn<bool>("standardize");
    QTest::addRow("raw") << false;
    QTest::addRow("standardized") << true;
}

void TestLeastSquares::twoFeaturesNormalEquation()
{
    QFETCH(bool, standardize);
    const Dataset data = lessonData("two_features_n50.csv");
    const Problem problem(data, spec(true, standardize));
    const LeastSquaresFit fit = gdlab::fitLeastSquares(problem);
    // Published to 8 decimals: the rounding is at most 5e-9.
    const Eigen::Vector3d published(5.02609659, 2.09905363, -0.55519427);
    for (Eigen::Index i = 0; i < 3; ++i)
        QVERIFY2(std::abs(fit.thetaOriginal[i] - published[i]) <= 6e-9,
            describe(fit.thetaOriginal[i], published[i]).constData());
    QVERIFY(fit.r2 > 0.9 && fit.r2 < 1.0);
    // The residual sd estimates the generating noise (0.2).
    QVERIFY(fit.residualStandardDeviation > 0.1 && fit.residualStandardDeviation < 0.3);
    // The normal equations hold at the solution: Xᵀr = 0 up to rounding.
    QVERIFY(problem.normalResidual(fit.theta).norm() <= 1e-12 * problem.gram().norm() * fit.theta.norm());
}

void TestLeastSquares::threeFeaturesNoIntercept()
{
    const Dataset data = lessonData("three_features_ints_n20.csv");
    const Problem problem(data, spec(false, false));
    const LeastSquaresFit fit = gdlab::fitLeastSquares(problem);
    QCOMPARE(fit.theta.size(), Eigen::Index(3));
    COMPARE_RELATIVE(fit.theta[0], 1.0, 1e-9);
    COMPARE_RELATIVE(fit.theta[1], 2.0, 1e-9);
    COMPARE_RELATIVE(fit.theta[2], 1.0, 1e-9);
    // An exact fit: R² (uncentred without an intercept) is 1, the residuals vanish.
    COMPARE_RELATIVE(fit.r2, 1.0, 1e-12);
    QVERIFY(fit.sumOfSquares <= 1e-18 * problem.targetSquaredNorm());
    QVERIFY(fit.residualStandardDeviation <= 1e-8);

    // Scaled by root mean square only (no centring without an intercept), the same answer in original units.
    const Problem scaled(data, spec(false, true));
    const LeastSquaresFit scaledFit = gdlab::fitLeastSquares(scaled);
    for (Eigen::Index i = 0; i < 3; ++i)
        COMPARE_RELATIVE(scaledFit.thetaOriginal[i], fit.theta[i], 1e-9);
}

void TestLeastSquares::fivePoints()
{
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    const LeastSquaresFit fit = gdlab::fitLeastSquares(problem);
    COMPARE_RELATIVE(fit.theta[0], 0.6, 1e-14);
    COMPARE_RELATIVE(fit.theta[1], 0.8, 1e-14);
    COMPARE_RELATIVE(fit.sumOfSquares, 1.6, 1e-13);
    COMPARE_RELATIVE(fit.r2, 0.8, 1e-13); // 1 − 1.6/8
    COMPARE_RELATIVE(fit.residualStandardDeviation, std::sqrt(1.6 / 3.0), 1e-13);
    // Standard errors by hand: σ²(XᵀX)⁻¹ with XᵀX = [[5, 15], [15, 55]], det 50.
    const double variance = 1.6 / 3.0;
    COMPARE_RELATIVE(fit.standardErrors[0], std::sqrt(variance * 55.0 / 50.0), 1e-12);
    COMPARE_RELATIVE(fit.standardErrors[1], std::sqrt(variance * 5.0 / 50.0), 1e-12);
    // Condition number of G: (30 + √850)/(30 − √850).
    COMPARE_RELATIVE(fit.conditionNumber, (30.0 + std::sqrt(850.0)) / (30.0 - std::sqrt(850.0)), 1e-10);
}

void TestLeastSquares::rankDeficient_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("intercept");
    QTest::addColumn<QString>("expected"); // part of the message
    QTest::addRow("duplicate column") << "duplicate" << true << "'b' duplicates column 'a'";
    QTest::addRow("duplicate column, no intercept") << "duplicate" << false << "'b' duplicates column 'a'";
    QTest::addRow("constant column") << "constant" << true << "'b' is constant";
    QTest::addRow("zero column") << "zero" << true << "'b' is all zeros";
    QTest::addRow("linear combination") << "combination" << true << "'b'";
}

void TestLeastSquares::rankDeficient()
{
    QFETCH(QString, kind);
    QFETCH(bool, intercept);
    QFETCH(QString, expected);
    const Eigen::Index rows = 12;
    Eigen::MatrixXd values(rows, 3);
    for (Eigen::Index r = 0; r < rows; ++r) {
        const double a = 0.5 * double(r) + std::sin(double(r));
        double b = a;
        if (kind == "constant")
            b = 3.0;
        else if (kind == "zero")
            b = 0.0;
        else if (kind == "combination")
            b = 2.0 * a + 1.0;
        values.row(r) << a, b, 1.0 + 2.0 * a + 0.1 * std::cos(3.0 * double(r));
    }
    const Dataset data({ "a", "b", "y" }, values, "deficient.csv");
    const Problem problem(data, spec(intercept, false));
    const LeastSquaresFit fit = gdlab::fitLeastSquares(problem);
    QVERIFY(fit.rankDeficient);
    QCOMPARE(fit.rank, problem.parameterCount() - 1);
    QVERIFY2(QString::fromStdString(fit.message).contains(expected), fit.message.c_str());
    // Not garbage: a finite minimum-norm solution that still fits as well as a full-rank subset would.
    QVERIFY(fit.theta.allFinite());
    QVERIFY(fit.thetaOriginal.allFinite());
    QVERIFY(std::isfinite(fit.r2) && fit.r2 > 0.9);
    QVERIFY(std::isinf(fit.conditionNumber));
    for (Eigen::Index i = 0; i < fit.standardErrors.size(); ++i)
        QVERIFY(std::isnan(fit.standardErrors[i]));
    const Dataset reduced({ "a", "y" }, Eigen::MatrixXd(values(Eigen::all, { 0, 2 })), "reduced.csv");
    const Problem reducedProblem(reduced, spec(intercept, false));
    const LeastSquaresFit reducedFit = gdlab::fitLeastSquares(reducedProblem);
    COMPARE_RELATIVE(fit.sumOfSquares, reducedFit.sumOfSquares, 1e-9);
}

void TestLeastSquares::conditionNumberOfDiagonalGram()
{
    // Orthogonal columns without an intercept: G = diag(9, 4, 1/4) exactly, condition number 36.
    Eigen::MatrixXd values(4, 4);
    values << 3, 0, 0, 1, //
        0, 2, 0, 2, //
        0, 0, 0.5, 3, //
        0, 0, 0, 4;
    const Dataset data({ "a", "b", "c", "y" }, values, "diagonal.csv");
    const Problem problem(data, spec(false, false));
    QCOMPARE(problem.gram(), Eigen::Vector3d(9, 4, 0.25).asDiagonal().toDenseMatrix().eval());
    const LeastSquaresFit fit = gdlab::fitLeastSquares(problem);
    COMPARE_RELATIVE(fit.conditionNumber, 36.0, 1e-14);
    COMPARE_RELATIVE(fit.theta[0], 1.0 / 3.0, 1e-14);
    COMPARE_RELATIVE(fit.theta[1], 1.0, 1e-14);
    COMPARE_RELATIVE(fit.theta[2], 6.0, 1e-14);
    COMPARE_RELATIVE(fit.sumOfSquares, 16.0, 1e-14); // only the last row is left over
}

void TestLeastSquares::exactlyDetermined()
{
    // As many rows as parameters: a perfect fit, no degrees of freedom, so no residual sd or standard errors.
    Eigen::MatrixXd values(2, 2);
    values << 1, 2, 3, 5;
    const Dataset data({ "x", "y" }, values, "two.csv");
    const Problem problem(data, ProblemSpec {});
    const LeastSquaresFit fit = gdlab::fitLeastSquares(problem);
    QVERIFY(!fit.rankDeficient);
    COMPARE_RELATIVE(fit.theta[0], 0.5, 1e-14);
    COMPARE_RELATIVE(fit.theta[1], 1.5, 1e-14);
    QVERIFY(std::isnan(fit.residualStandardDeviation));
    QVERIFY(std::isnan(fit.standardErrors[0]) && std::isnan(fit.standardErrors[1]));
}

void TestLeastSquares::extremeColumnScales_data()
{
    QTest::addColumn<double>("scale");
    for (const double scale : { 1e-8, 1e8, 1e-100, 1e100, 1e200 })
        QTest::addRow("x times %g", scale) << scale;
}

void TestLeastSquares::extremeColumnScales()
{
    // Least squares is scale-invariant: multiplying a column by s divides its coefficient by s and changes
    // nothing else (the column stays full rank, the fit, SSE and R² are the same). At s = 1: θ = (0, 2.1),
    // SSE 0.7, R² 1 − 0.7/22.75.
    QFETCH(double, scale);
    Eigen::MatrixXd values(4, 2);
    values << 1 * scale, 2, 2 * scale, 4, 3 * scale, 7, 4 * scale, 8;
    const Dataset data({ "x", "y" }, values, "scaled.csv");
    const Problem problem(data, ProblemSpec {});
    const LeastSquaresFit fit = gdlab::fitLeastSquares(problem);
    QVERIFY2(!fit.rankDeficient, fit.message.c_str());
    QVERIFY2(std::abs(fit.theta[0]) <= 1e-12, describe(fit.theta[0], 0.0).constData());
    COMPARE_RELATIVE(fit.theta[1], 2.1 / scale, 1e-10);
    COMPARE_RELATIVE(fit.sumOfSquares, 0.7, 1e-10);
    COMPARE_RELATIVE(fit.r2, 1.0 - 0.7 / 22.75, 1e-10);
    // Whatever happens, a least-squares fit with an intercept never fits worse than the mean: 0 ≤ R² ≤ 1.
    QVERIFY2(fit.r2 >= 0.0 && fit.r2 <= 1.0, qPrintable(QString::number(fit.r2)));
}

} // namespace tst_least_squares

QTEST_APPLESS_MAIN(tst_least_squares::TestLeastSquares)
#include "tst_least_squares.moc"
