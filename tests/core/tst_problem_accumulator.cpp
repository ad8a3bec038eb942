// A problem folded from blocks of rows (ProblemAccumulator) against the same problem with its rows in memory: the
// same statistics, least-squares fit, bounds and refusals, whatever the blocks.
#include "csv_reader.h"
#include "dataset.h"
#include "input_error.h"
#include "least_squares.h"
#include "problem.h"
#include "problem_accumulator.h"

#include <QtTest>

#include <cmath>
#include <random>
#include <string>

namespace tst_problem_accumulator {

using gdlab::Dataset;
using gdlab::LeastSquaresFit;
using gdlab::Problem;
using gdlab::ProblemAccumulator;
using gdlab::ProblemSpec;

} // namespace tst_problem_accumulator
Q_DECLARE_METATYPE(gdlab::Dataset)
namespace tst_problem_accumulator {

namespace {

// merged: each block folded into an accumulator of its own, merged into the total in order (as on several threads).
Problem fold(const Dataset& data, const ProblemSpec& spec, Eigen::Index blockRows, bool merged = false)
{
    const ProblemAccumulator empty(
        Dataset(data.columnNames(), Eigen::MatrixXd(0, data.columnCount()), data.source()), spec);
    ProblemAccumulator rows = empty;
    for (Eigen::Index first = 0; first < data.rowCount(); first += blockRows) {
        const auto block = data.values().middleRows(first, std::min(blockRows, data.rowCount() - first));
        if (!merged) {
            rows.add(block);
            continue;
        }
        ProblemAccumulator part = empty;
        part.add(block);
        rows.merge(part);
    }
    return Problem(rows);
}

// Differences of rounding only, relative to the size of the whole vector or matrix: folding a row at a time
// centres a standardized column through R, which leaves its zero sum at about 1e-12 of the whole.
bool close(const Eigen::MatrixXd& actual, const Eigen::MatrixXd& expected, double tolerance)
{
    if (actual.rows() != expected.rows() || actual.cols() != expected.cols())
        return false;
    return (actual - expected).norm() <= tolerance * std::max(expected.norm(), 1e-300);
}

QString text(const Eigen::MatrixXd& m)
{
    QString out;
    for (Eigen::Index i = 0; i < m.size(); ++i)
        out += QString::number(m.data()[i], 'g', 17) + " ";
    return out;
}

#define COMPARE_CLOSE(actual, expected, tolerance)                                                                     \
    QVERIFY2(                                                                                                          \
        close((actual), (expected), (tolerance)), qPrintable(text(actual) + QStringLiteral(" vs ") + text(expected)))

Dataset randomData(int rows, std::uint64_t seed, int duplicate = -1)
{
    std::mt19937_64 generator(seed);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd values(rows, 4);
    for (int i = 0; i < rows; ++i) {
        values(i, 0) = 1000 + normal(generator);
        values(i, 1) = 0.001 * normal(generator);
        values(i, 2) = normal(generator);
        values(i, 3) = 3 + 2 * values(i, 0) - 500 * values(i, 1) + 0.1 * normal(generator);
    }
    if (duplicate >= 0)
        values.col(2) = values.col(duplicate);
    return Dataset({ "a", "b", "c", "y" }, values, "random.csv");
}

Dataset lessonData(const char* fileName)
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + fileName);
}

} // namespace

class TestProblemAccumulator : public QObject {
    Q_OBJECT

private slots:
    void sameAsRowsInMemory_data();
    void sameAsRowsInMemory();
    void rankDeficiencyIsExplainedAlike_data();
    void rankDeficiencyIsExplainedAlike();
    void refusesAlike();

private:
    // Not a slot: a check that sameAsRowsInMemory makes of every fold.
    void compareFolded(const Problem& kept, const LeastSquaresFit& keptFit, const Problem& folded);
};

void TestProblemAccumulator::sameAsRowsInMemory_data()
{
    QTest::addColumn<Dataset>("data");
    QTest::addColumn<bool>("intercept");
    QTest::addColumn<bool>("standardize");
    for (bool intercept : { true, false })
        for (bool standardize : { false, true }) {
            const char* tag = intercept ? (standardize ? "intercept, standardized" : "intercept")
                                        : (standardize ? "no intercept, standardized" : "no intercept");
            QTest::addRow("five_points, %s", tag) << lessonData("five_points.csv") << intercept << standardize;
            QTest::addRow("two_features_n50, %s", tag)
                << lessonData("two_features_n50.csv") << intercept << standardize;
            QTest::addRow("nist_norris, %s", tag) << lessonData("nist_norris.csv") << intercept << standardize;
            QTest::addRow("random, %s", tag) << randomData(1000, 7) << intercept << standardize;
        }
}

void TestProblemAccumulator::sameAsRowsInMemory()
{
    QFETCH(Dataset, data);
    QFETCH(bool, intercept);
    QFETCH(bool, standardize);
    ProblemSpec spec;
    spec.intercept = intercept;
    spec.standardize = standardize;
    const Problem kept(data, spec);
    const LeastSquaresFit keptFit = gdlab::fitLeastSquares(kept);
    for (Eigen::Index blockRows : { Eigen::Index(1), Eigen::Index(3), Eigen::Index(64), data.rowCount() })
        for (bool merged : { false, true })
            compareFolded(kept, keptFit, fold(data, spec, blockRows, merged));
}

void TestProblemAccumulator::compareFolded(const Problem& kept, const LeastSquaresFit& keptFit, const Problem& folded)
{
    QVERIFY(!folded.keepsRows() && folded.folded());
    QCOMPARE(folded.sampleCount(), kept.sampleCount());
    QCOMPARE(folded.parameterNames(), kept.parameterNames());
    COMPARE_CLOSE(folded.gram(), kept.gram(), 1e-11);
    COMPARE_CLOSE(folded.moment(), kept.moment(), 1e-11);
    QVERIFY(std::abs(folded.targetSquaredNorm() - kept.targetSquaredNorm()) <= 1e-13 * kept.targetSquaredNorm());
    COMPARE_CLOSE(folded.featureMeans(), kept.featureMeans(), 1e-13);
    COMPARE_CLOSE(folded.featureScales(), kept.featureScales(), 1e-13);
    COMPARE_CLOSE(folded.leastSquaresTheta(), kept.leastSquaresTheta(), 1e-9);
    const LeastSquaresFit fit = gdlab::fitLeastSquares(folded);
    QCOMPARE(fit.rank, keptFit.rank);
    COMPARE_CLOSE(fit.thetaOriginal, keptFit.thetaOriginal, 1e-9);
    COMPARE_CLOSE(fit.standardErrors, keptFit.standardErrors, 1e-9);
    QVERIFY(std::abs(fit.residualStandardDeviation - keptFit.residualStandardDeviation)
        <= 1e-9 * keptFit.residualStandardDeviation);
    QVERIFY(std::abs(fit.r2 - keptFit.r2) <= 1e-12);
    QVERIFY(std::abs(fit.conditionNumber - keptFit.conditionNumber) <= 1e-6 * keptFit.conditionNumber);
}

void TestProblemAccumulator::rankDeficiencyIsExplainedAlike_data()
{
    QTest::addColumn<Dataset>("data");
    Dataset zero = randomData(50, 3);
    Eigen::MatrixXd values = zero.values();
    values.col(1).setZero();
    QTest::addRow("zero column") << Dataset(zero.columnNames(), values, "zero.csv");
    values = zero.values();
    values.col(2).setConstant(4.25);
    QTest::addRow("constant column") << Dataset(zero.columnNames(), values, "constant.csv");
    QTest::addRow("duplicate column") << randomData(50, 5, 0);
    values = zero.values();
    values.col(2) = values.col(0) - 3 * values.col(1);
    QTest::addRow("combination") << Dataset(zero.columnNames(), values, "combination.csv");
}

void TestProblemAccumulator::rankDeficiencyIsExplainedAlike()
{
    QFETCH(Dataset, data);
    const Problem kept(data, {});
    const LeastSquaresFit keptFit = gdlab::fitLeastSquares(kept);
    QVERIFY(keptFit.rankDeficient);
    for (bool merged : { false, true }) {
        const Problem folded = fold(data, {}, 7, merged);
        const LeastSquaresFit fit = gdlab::fitLeastSquares(folded);
        QVERIFY(fit.rankDeficient);
        QCOMPARE(fit.rank, keptFit.rank);
        QCOMPARE(fit.message, keptFit.message);
        QVERIFY(std::abs(fit.sumOfSquares - keptFit.sumOfSquares) <= 1e-8 * keptFit.sumOfSquares);
    }
}

void TestProblemAccumulator::refusesAlike()
{
    const auto message = [](const auto& make) -> std::string {
        try {
            make();
        } catch (const gdlab::InputError& error) {
            return error.what();
        }
        return "accepted";
    };
    Dataset data = randomData(20, 9);
    Eigen::MatrixXd values = data.values();
    values.col(1).setConstant(2);
    const Dataset constant(data.columnNames(), values, "constant.csv");
    ProblemSpec standardize;
    standardize.standardize = true;
    const std::string refusal = message([&] { static_cast<void>(Problem(constant, standardize)); });
    QVERIFY(refusal.find("is constant") != std::string::npos);
    QCOMPARE(message([&] { static_cast<void>(fold(constant, standardize, 6)); }), refusal);
    QCOMPARE(message([&] { static_cast<void>(fold(constant, standardize, 6, true)); }), refusal);
    const Dataset few(data.columnNames(), data.values().topRows(3), "few.csv");
    QCOMPARE(
        message([&] { static_cast<void>(fold(few, {}, 2)); }), message([&] { static_cast<void>(Problem(few, {})); }));
    values = data.values();
    values(5, 2) = 1e200;
    const Dataset huge(data.columnNames(), values, "huge.csv");
    QVERIFY(
        message([&] { static_cast<void>(fold(huge, {}, 4)); }).find("'c' has values too large to fit (up to 1e+200)")
        != std::string::npos);
}

} // namespace tst_problem_accumulator

QTEST_APPLESS_MAIN(tst_problem_accumulator::TestProblemAccumulator)
#include "tst_problem_accumulator.moc"
