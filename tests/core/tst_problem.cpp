#include "csv_reader.h"
#include "dataset.h"
#include "input_error.h"
#include "problem.h"

#include <QtTest>

#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace tst_problem {

using gdlab::Dataset;
using gdlab::InputError;
using gdlab::Problem;
using gdlab::ProblemSpec;

namespace {

Dataset lessonData(const char* fileName)
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + fileName);
}

// Columns a, b, c, d of well-separated random values (not constant, not collinear).
Dataset randomData(Eigen::Index rows, Eigen::Index columns, std::uint64_t seed)
{
    std::mt19937_64 generator(seed);
    std::uniform_real_distribution<double> uniform(-3.0, 5.0);
    Eigen::MatrixXd values(rows, columns);
    for (Eigen::Index c = 0; c < columns; ++c)
        for (Eigen::Index r = 0; r < rows; ++r)
            values(r, c) = uniform(generator) * double(c + 1) + double(c);
    std::vector<std::string> names;
    for (Eigen::Index c = 0; c < columns; ++c)
        names.push_back(std::string(1, char('a' + c)));
    return Dataset(names, values, "random.csv");
}

Eigen::VectorXd randomVector(Eigen::Index size, std::mt19937_64& generator, double scale = 2.0)
{
    std::uniform_real_distribution<double> uniform(-scale, scale);
    Eigen::VectorXd values(size);
    for (Eigen::Index i = 0; i < size; ++i)
        values[i] = uniform(generator);
    return values;
}

bool closeRelative(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::max(std::abs(expected), 1e-300);
}

// Norm-wise relative closeness: |a − b| ≤ tol·max(|a|, |b|) (and exact equality for two zero vectors).
bool closeRelative(const Eigen::MatrixXd& actual, const Eigen::MatrixXd& expected, double tolerance)
{
    if (actual.rows() != expected.rows() || actual.cols() != expected.cols())
        return false;
    return (actual - expected).norm() <= tolerance * std::max(actual.norm(), expected.norm());
}

// The message of the InputError that building the problem throws, or "" when it does not throw.
std::string problemError(const Dataset& dataset, const ProblemSpec& spec)
{
    try {
        Problem problem(dataset, spec);
    } catch (const InputError& error) {
        return error.what();
    }
    return {};
}

ProblemSpec makeSpec(
    bool intercept, bool standardize, Eigen::Index target = -1, std::vector<Eigen::Index> features = {})
{
    ProblemSpec spec;
    spec.intercept = intercept;
    spec.standardize = standardize;
    spec.target = target;
    spec.features = std::move(features);
    return spec;
}

} // namespace

class TestProblem : public QObject {
    Q_OBJECT

private slots:
    void designWithIntercept();
    void designWithoutIntercept();
    void defaultTargetAndFeatures();
    void featureSelectionOrder();
    void standardizationWithIntercept();
    void standardizationWithoutIntercept();
    void standardizationOfExtremeScales_data();
    void standardizationOfExtremeScales();
    void unitsRoundTrip_data();
    void unitsRoundTrip();
    void sufficientStatistics_data();
    void sufficientStatistics();
    void sumOfSquaresMatchesDirect_data();
    void sumOfSquaresMatchesDirect();
    void leastSquaresOfFivePoints();
    void errors_data();
    void errors();
};

void TestProblem::designWithIntercept()
{
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    QCOMPARE(problem.sampleCount(), Eigen::Index(5));
    QCOMPARE(problem.parameterCount(), Eigen::Index(2));
    QVERIFY(problem.hasIntercept());
    QVERIFY(!problem.isStandardized());
    Eigen::MatrixXd expected(5, 2);
    expected << 1, 1, 1, 2, 1, 3, 1, 4, 1, 5;
    QCOMPARE(problem.design(), expected);
    Eigen::VectorXd y(5);
    y << 1, 3, 3, 3, 5;
    QCOMPARE(problem.target(), y);
    QCOMPARE(problem.targetName(), std::string("y"));
    QCOMPARE(problem.parameterNames(), (std::vector<std::string> { "intercept", "x" }));
    QCOMPARE(problem.parameterSymbols(), (std::vector<std::string> { "θ0", "θ1" }));
    QCOMPARE(problem.featureColumns(), std::vector<Eigen::Index> { 0 });
    QCOMPARE(problem.featureMeans(), Eigen::VectorXd::Zero(1).eval());
    QCOMPARE(problem.featureScales(), Eigen::VectorXd::Ones(1).eval());
}

void TestProblem::designWithoutIntercept()
{
    const Dataset data = lessonData("three_features_ints_n20.csv");
    const Problem problem(data, makeSpec(false, false));
    QCOMPARE(problem.parameterCount(), Eigen::Index(3));
    QVERIFY(!problem.hasIntercept());
    QCOMPARE(problem.design(), data.values().leftCols(3).eval());
    QCOMPARE(problem.target(), data.values().col(3).eval());
    QCOMPARE(problem.parameterNames(), (std::vector<std::string> { "x1", "x2", "x3" }));
    // Without an intercept the tutorials number the coefficients from 1.
    QCOMPARE(problem.parameterSymbols(), (std::vector<std::string> { "θ1", "θ2", "θ3" }));
}

void TestProblem::defaultTargetAndFeatures()
{
    const Dataset data = randomData(12, 4, 1);
    const Problem problem(data, ProblemSpec {});
    QCOMPARE(problem.spec().target, Eigen::Index(3));
    QCOMPARE(problem.featureColumns(), (std::vector<Eigen::Index> { 0, 1, 2 }));
    QCOMPARE(problem.targetName(), std::string("d"));
    QCOMPARE(problem.target(), data.values().col(3).eval());
    QCOMPARE(problem.design().rightCols(3), data.values().leftCols(3));
    QVERIFY((problem.design().col(0).array() == 1.0).all());

    // A target chosen elsewhere leaves every other column as a feature, in file order.
    const Problem middle(data, makeSpec(true, false, 1));
    QCOMPARE(middle.featureColumns(), (std::vector<Eigen::Index> { 0, 2, 3 }));
    QCOMPARE(middle.parameterNames(), (std::vector<std::string> { "intercept", "a", "c", "d" }));
    QCOMPARE(middle.target(), data.values().col(1).eval());
}

void TestProblem::featureSelectionOrder()
{
    const Dataset data = randomData(10, 4, 2);
    const Problem problem(data, makeSpec(true, false, 0, { 3, 1 }));
    QCOMPARE(problem.parameterCount(), Eigen::Index(3));
    QCOMPARE(problem.parameterNames(), (std::vector<std::string> { "intercept", "d", "b" }));
    QCOMPARE(problem.featureColumns(), (std::vector<Eigen::Index> { 3, 1 }));
    QCOMPARE(problem.design().col(1), data.values().col(3));
    QCOMPARE(problem.design().col(2), data.values().col(1));
    QCOMPARE(problem.target(), data.values().col(0).eval());
    QCOMPARE(problem.targetName(), std::string("a"));
}

void TestProblem::standardizationWithIntercept()
{
    const Dataset data = randomData(40, 4, 3);
    const Problem problem(data, makeSpec(true, true));
    QVERIFY(problem.isStandardized());
    const Eigen::MatrixXd& x = data.values();
    for (Eigen::Index f = 0; f < 3; ++f) {
        const double mean = x.col(f).mean();
        const double sd = std::sqrt((x.col(f).array() - mean).square().mean()); // population sd
        QVERIFY2(closeRelative(problem.featureMeans()[f], mean, 1e-14), qPrintable(QString::number(f)));
        QVERIFY2(closeRelative(problem.featureScales()[f], sd, 1e-14), qPrintable(QString::number(f)));
        const auto column = problem.design().col(f + 1);
        QVERIFY(std::abs(column.mean()) <= 1e-14);
        QVERIFY(closeRelative(column.squaredNorm() / 40.0, 1.0, 1e-13));
        for (Eigen::Index r = 0; r < 40; ++r)
            QVERIFY(closeRelative(column[r], (x(r, f) - mean) / sd, 1e-13) || std::abs(column[r]) < 1e-13);
    }
    QVERIFY((problem.design().col(0).array() == 1.0).all());
    // The target is never scaled.
    QCOMPARE(problem.target(), x.col(3).eval());
}

void TestProblem::standardizationWithoutIntercept()
{
    const Dataset data = randomData(30, 3, 4);
    const Problem problem(data, makeSpec(false, true));
    const Eigen::MatrixXd& x = data.values();
    for (Eigen::Index f = 0; f < 2; ++f) {
        const double rms = std::sqrt(x.col(f).squaredNorm() / 30.0);
        QCOMPARE(problem.featureMeans()[f], 0.0);
        QVERIFY(closeRelative(problem.featureScales()[f], rms, 1e-14));
        QVERIFY(closeRelative(problem.design().col(f).eval(), (x.col(f) / rms).eval(), 1e-14));
        QVERIFY(closeRelative(problem.design().col(f).squaredNorm() / 30.0, 1.0, 1e-13));
    }
}

void TestProblem::standardizationOfExtremeScales_data()
{
    QTest::addColumn<double>("scale");
    QTest::addColumn<bool>("intercept");
    for (const double scale : { 1e-100, 1e100, 1e-200, 1e200 }) {
        QTest::addRow("%g with intercept", scale) << scale << true;
        QTest::addRow("%g without intercept", scale) << scale << false;
    }
}

void TestProblem::standardizationOfExtremeScales()
{
    // A column of tiny or huge but perfectly ordinary doubles is not constant, and z-scoring it is exactly
    // what makes such data usable: the standardized column must come out with unit root mean square.
    QFETCH(double, scale);
    QFETCH(bool, intercept);
    Eigen::MatrixXd values(4, 2);
    values << 1 * scale, 2, 2 * scale, 4, 3 * scale, 7, 4 * scale, 8;
    const Dataset data({ "x", "y" }, values, "scaled.csv");
    const std::string message = problemError(data, makeSpec(intercept, true));
    QVERIFY2(message.empty(), message.c_str());
    const Problem problem(data, makeSpec(intercept, true));
    const auto column = problem.design().col(intercept ? 1 : 0);
    QVERIFY(column.allFinite());
    QVERIFY(closeRelative(column.squaredNorm() / 4.0, 1.0, 1e-13));
    const double rms = intercept ? std::sqrt(1.25) * scale : std::sqrt(7.5) * scale; // population sd or RMS of 1..4
    QVERIFY(closeRelative(problem.featureScales()[0], rms, 1e-13));
}

void TestProblem::unitsRoundTrip_data()
{
    QTest::addColumn<bool>("intercept");
    QTest::addColumn<bool>("standardize");
    QTest::addRow("intercept, standardized") << true << true;
    QTest::addRow("no intercept, standardized") << false << true;
    QTest::addRow("intercept, raw") << true << false;
    QTest::addRow("no intercept, raw") << false << false;
}

void TestProblem::unitsRoundTrip()
{
    QFETCH(bool, intercept);
    QFETCH(bool, standardize);
    const Dataset data = randomData(25, 4, 5);
    const Problem scaled(data, makeSpec(intercept, standardize));
    const Problem raw(data, makeSpec(intercept, false));
    std::mt19937_64 generator(6);
    for (int trial = 0; trial < 10; ++trial) {
        const Eigen::VectorXd theta = randomVector(scaled.parameterCount(), generator);
        const Eigen::VectorXd original = scaled.toOriginalUnits(theta);
        QVERIFY(closeRelative(scaled.fromOriginalUnits(original), theta, 1e-14));
        QVERIFY(closeRelative(scaled.toOriginalUnits(scaled.fromOriginalUnits(theta)), theta, 1e-14));
        // The same predictions: scaled design with θ, original design with θ in original units.
        QVERIFY(closeRelative((scaled.design() * theta).eval(), (raw.design() * original).eval(), 1e-13));
    }
    if (!standardize) {
        const Eigen::VectorXd theta = randomVector(scaled.parameterCount(), generator);
        QCOMPARE(scaled.toOriginalUnits(theta), theta);
        QCOMPARE(scaled.fromOriginalUnits(theta), theta);
    }
}

void TestProblem::sufficientStatistics_data()
{
    QTest::addColumn<bool>("intercept");
    QTest::addColumn<bool>("standardize");
    QTest::addColumn<QString>("lesson"); // empty: random 200 x 5
    QTest::addRow("random, intercept") << true << false << QString();
    QTest::addRow("random, no intercept") << false << false << QString();
    QTest::addRow("random, standardized") << true << true << QString();
    QTest::addRow("random, standardized, no intercept") << false << true << QString();
    QTest::addRow("five_points") << true << false << "five_points.csv";
    QTest::addRow("nist_norris") << true << false << "nist_norris.csv";
    QTest::addRow("nist_norris standardized") << true << true << "nist_norris.csv";
    QTest::addRow("two_features_n50") << true << false << "two_features_n50.csv";
    QTest::addRow("three_features_ints_n20") << false << false << "three_features_ints_n20.csv";
}

void TestProblem::sufficientStatistics()
{
    QFETCH(bool, intercept);
    QFETCH(bool, standardize);
    QFETCH(QString, lesson);
    const Dataset data = lesson.isEmpty() ? randomData(200, 5, 7) : lessonData(qPrintable(lesson));
    const Problem problem(data, makeSpec(intercept, standardize));
    const Eigen::MatrixXd& x = problem.design();
    const Eigen::VectorXd& y = problem.target();
    const Eigen::MatrixXd gram = x.transpose() * x;
    const Eigen::VectorXd moment = x.transpose() * y;
    QVERIFY(closeRelative(problem.gram(), gram, 1e-14));
    QVERIFY(problem.gram().isApprox(problem.gram().transpose(), 0.0)); // exactly symmetric
    QVERIFY(closeRelative(problem.moment(), moment, 1e-14));
    QVERIFY(closeRelative(problem.targetSquaredNorm(), y.squaredNorm(), 1e-14));
    QCOMPARE(problem.rank(), problem.parameterCount());

    std::mt19937_64 generator(8);
    for (int trial = 0; trial < 5; ++trial) {
        const Eigen::VectorXd theta = randomVector(problem.parameterCount(), generator);
        const Eigen::VectorXd direct = x.transpose() * (x * theta - y);
        QVERIFY(closeRelative(problem.normalResidual(theta), direct, 1e-10));
    }
}

void TestProblem::sumOfSquaresMatchesDirect_data()
{
    sufficientStatistics_data();
}

void TestProblem::sumOfSquaresMatchesDirect()
{
    QFETCH(bool, intercept);
    QFETCH(bool, standardize);
    QFETCH(QString, lesson);
    const Dataset data = lesson.isEmpty() ? randomData(200, 5, 9) : lessonData(qPrintable(lesson));
    const Problem problem(data, makeSpec(intercept, standardize));
    const Eigen::MatrixXd& x = problem.design();
    const Eigen::VectorXd& y = problem.target();

    std::mt19937_64 generator(10);
    for (int trial = 0; trial < 20; ++trial) {
        const Eigen::VectorXd theta = randomVector(problem.parameterCount(), generator);
        const double direct = (x * theta - y).squaredNorm();
        const double fromStatistics = problem.sumOfSquares(theta);
        QVERIFY2(closeRelative(fromStatistics, direct, 1e-12),
            qPrintable(QStringLiteral("trial %1: %2 vs direct %3")
                           .arg(trial)
                           .arg(fromStatistics, 0, 'g', 17)
                           .arg(direct, 0, 'g', 17)));
    }
    // At the optimum and next to it, where θᵀGθ − 2cᵀθ + yᵀy would cancel.
    const Eigen::VectorXd optimum = problem.leastSquaresTheta();
    QVERIFY(closeRelative(problem.sumOfSquares(optimum), (x * optimum - y).squaredNorm(), 1e-12));
    QVERIFY(closeRelative(problem.minimumSumOfSquares(), (x * optimum - y).squaredNorm(), 1e-12));
    // 1e-6 away from a θ* of size ~1, both forms see θ − θ* only to ~1e-16/1e-6 = 1e-10 relative (and the
    // direct residuals cancel as badly), so agreement is possible to about 1e-9, not better.
    const Eigen::VectorXd near = optimum + 1e-6 * Eigen::VectorXd::Ones(optimum.size());
    QVERIFY(closeRelative(problem.sumOfSquares(near), (x * near - y).squaredNorm(), 1e-8));
}

void TestProblem::leastSquaresOfFivePoints()
{
    const Problem problem(lessonData("five_points.csv"), ProblemSpec {});
    QVERIFY(closeRelative(problem.leastSquaresTheta(), Eigen::Vector2d(0.6, 0.8), 1e-14));
    // Residuals at (0.6, 0.8): 0.4, −0.8, 0, 0.8, −0.4.
    QVERIFY(closeRelative(problem.minimumSumOfSquares(), 1.6, 1e-13));
}

void TestProblem::errors_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<bool>("intercept");
    QTest::addColumn<bool>("standardize");
    QTest::addColumn<int>("target");
    QTest::addColumn<QList<int>>("features");
    QTest::addColumn<int>("constantColumn"); // -1: none
    QTest::addColumn<QString>("expected"); // part of the message

    QTest::addRow("fewer rows than parameters")
        << 2 << 4 << true << false << -1 << QList<int> {} << -1 << "2 data rows but 4 parameters";
    QTest::addRow("one row, one parameter too many")
        << 1 << 2 << true << false << -1 << QList<int> {} << -1 << "1 data row but 2 parameters";
    QTest::addRow("target among features")
        << 10 << 3 << true << false << 2 << QList<int> { 0, 2 } << -1 << "'c' cannot be both the target and a feature";
    QTest::addRow("constant column, standardized")
        << 10 << 3 << true << true << -1 << QList<int> {} << 1 << "column 'b' is constant";
    QTest::addRow("zero column, standardized, no intercept")
        << 10 << 3 << false << true << -1 << QList<int> {} << 0 << "column 'a' is constant";
    QTest::addRow("no feature, no intercept")
        << 10 << 1 << false << false << -1 << QList<int> {} << -1 << "no feature and no intercept";
    QTest::addRow("feature out of range")
        << 10 << 3 << true << false << -1 << QList<int> { 0, 7 } << -1 << "feature column 8 does not exist";
    QTest::addRow("target out of range") << 10 << 3 << true << false << 5 << QList<int> {} << -1
                                         << "target column 6 does not exist";
}

void TestProblem::errors()
{
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(bool, intercept);
    QFETCH(bool, standardize);
    QFETCH(int, target);
    QFETCH(QList<int>, features);
    QFETCH(int, constantColumn);
    QFETCH(QString, expected);

    Dataset random = randomData(rows, columns, 11);
    Eigen::MatrixXd values = random.values();
    if (constantColumn >= 0)
        values.col(constantColumn).setConstant(constantColumn == 0 ? 0.0 : 2.5);
    const Dataset data(random.columnNames(), values, "data.csv");
    std::vector<Eigen::Index> featureIndices(features.begin(), features.end());
    const std::string message = problemError(data, makeSpec(intercept, standardize, target, featureIndices));
    QVERIFY2(!message.empty(), "no InputError thrown");
    QVERIFY2(QString::fromStdString(message).contains(expected), message.c_str());
    QVERIFY2(QString::fromStdString(message).startsWith("data.csv: "), message.c_str());

    // The same data without the offending choice is fine (the error is not a false alarm).
    if (constantColumn >= 0)
        QVERIFY(problemError(data, makeSpec(intercept, false, target, featureIndices)).empty());
}

} // namespace tst_problem

QTEST_APPLESS_MAIN(tst_problem::TestProblem)
#include "tst_problem.moc"
