#include "csv_reader.h"
#include "dataset.h"
#include "fit_lines.h"
#include "problem.h"

#include <Eigen/QR>

#include <QtTest>

#include <cmath>
#include <memory>
#include <string>

namespace tst_fit_lines {

using gdlab::Dataset;
using gdlab::FitLines;
using gdlab::Problem;
using gdlab::ProblemSpec;

namespace {

Dataset lessonData(const char* fileName)
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + fileName);
}

ProblemSpec specWith(bool intercept, bool standardize)
{
    ProblemSpec spec;
    spec.intercept = intercept;
    spec.standardize = standardize;
    return spec;
}

/** A θ of the problem's size with distinct, unremarkable values. */
Eigen::VectorXd someTheta(const Problem& problem)
{
    Eigen::VectorXd theta(problem.parameterCount());
    for (Eigen::Index p = 0; p < theta.size(); ++p)
        theta[p] = 0.3 + 0.7 * static_cast<double>(p) - 0.1 * static_cast<double>(p * p);
    return theta;
}

/** ŷ of row i at θ in original units, computed straight from the data columns. */
double directPrediction(const Problem& problem, const Dataset& data, const Eigen::VectorXd& theta, Eigen::Index i)
{
    const Eigen::VectorXd original = problem.toOriginalUnits(theta);
    const Eigen::Index offset = problem.hasIntercept() ? 1 : 0;
    double sum = offset ? original[0] : 0.0;
    const auto& columns = problem.featureColumns();
    for (std::size_t j = 0; j < columns.size(); ++j)
        sum += original[offset + static_cast<Eigen::Index>(j)] * data.values()(i, columns[j]);
    return sum;
}

} // namespace

class TestFitLines : public QObject {
    Q_OBJECT

private slots:
    void copiesTheColumnsInOriginalUnits();
    void holdsASampleOfEveryRowKeptOfALongFile();
    void lineOfOneFeature();
    void lineOfAStandardizedProblemIsInOriginalUnits();
    void otherFeaturesAtTheirMeans();
    void partialResidualsTakeOffTheOtherTerms();
    void partialLineIsTheLeastSquaresLineThroughItsPoints();
    void predictionsAndResiduals_data();
    void predictionsAndResiduals();
    void refusesUnusableTheta();
    void emptyWithoutMatchingData();
};

void TestFitLines::copiesTheColumnsInOriginalUnits()
{
    const Dataset data = lessonData("two_features_n100.csv");
    const auto problem = std::make_shared<const Problem>(data, specWith(true, true));
    const FitLines lines(problem, data);
    QCOMPARE(lines.rowCount(), data.rowCount());
    QCOMPARE(lines.featureCount(), Eigen::Index(2));
    // Standardizing scales the design matrix, never the columns the view draws.
    QVERIFY(lines.features().col(0) == data.values().col(0));
    QVERIFY(lines.features().col(1) == data.values().col(1));
    QVERIFY(lines.target() == data.values().col(2));
    QCOMPARE(lines.featureMeans()[1], data.values().col(1).mean());
}

void TestFitLines::lineOfOneFeature()
{
    const Dataset data = lessonData("five_points.csv");
    const FitLines lines(std::make_shared<const Problem>(data, ProblemSpec()), data);
    const auto line = lines.line(Eigen::Vector2d(0.75, 0.48), 0);
    QVERIFY(line);
    QCOMPARE(line->intercept, 0.75);
    QCOMPARE(line->slope, 0.48);
    QCOMPARE(line->at(2.0), 0.75 + 2.0 * 0.48);
    QVERIFY(!lines.line(Eigen::Vector2d(0.75, 0.48), 1)); // there is no second feature
}

void TestFitLines::lineOfAStandardizedProblemIsInOriginalUnits()
{
    const Dataset data = lessonData("nist_norris.csv");
    const auto problem = std::make_shared<const Problem>(data, specWith(true, true));
    const FitLines lines(problem, data);
    const Eigen::VectorXd theta = someTheta(*problem);
    const Eigen::VectorXd original = problem->toOriginalUnits(theta);
    const auto line = lines.line(theta, 0);
    QVERIFY(line);
    QCOMPARE(line->intercept, original[0]);
    QCOMPARE(line->slope, original[1]);
}

void TestFitLines::otherFeaturesAtTheirMeans()
{
    const Dataset data = lessonData("two_features_n100.csv");
    const FitLines lines(std::make_shared<const Problem>(data, ProblemSpec()), data);
    const Eigen::Vector3d theta(2.0, 3.0, 4.0);
    const double meanX1 = data.values().col(0).mean();
    const double meanX2 = data.values().col(1).mean();
    const auto first = lines.line(theta, 0);
    const auto second = lines.line(theta, 1);
    QVERIFY(first && second);
    QVERIFY(std::abs(first->intercept - (2.0 + 4.0 * meanX2)) < 1e-12);
    QCOMPARE(first->slope, 3.0);
    QVERIFY(std::abs(second->intercept - (2.0 + 3.0 * meanX1)) < 1e-12);
    QCOMPARE(second->slope, 4.0);
    // Both slices pass through the data's centre.
    QVERIFY(std::abs(first->at(meanX1) - second->at(meanX2)) < 1e-12);
}

void TestFitLines::partialResidualsTakeOffTheOtherTerms()
{
    const Dataset data = lessonData("two_features_n100.csv");
    const auto problem = std::make_shared<const Problem>(data, specWith(true, true));
    const FitLines lines(problem, data);
    const Eigen::VectorXd theta = someTheta(*problem);
    const Eigen::VectorXd original = problem->toOriginalUnits(theta);
    const auto predictions = lines.predictions(theta);
    for (Eigen::Index feature : { 0, 1 }) {
        const auto points = lines.partialResiduals(theta, feature);
        const auto line = lines.partialLine(theta, feature);
        QVERIFY(points && line);
        QCOMPARE(line->intercept, original[0]);
        QCOMPARE(line->slope, original[1 + feature]);
        const Eigen::Index other = 1 - feature;
        for (Eigen::Index i = 0; i < data.rowCount(); ++i) {
            const double y = data.values()(i, 2);
            const double expected = y - original[1 + other] * data.values()(i, other);
            QVERIFY(std::abs((*points)[i] - expected) <= 1e-12 * (1 + std::abs(y)));
            // The vertical distance from a point to the line is that row's whole residual.
            const double distance = (*points)[i] - line->at(data.values()(i, feature));
            QVERIFY(std::abs(distance - (y - (*predictions)[i])) <= 1e-9 * (1 + std::abs(y)));
        }
    }
    QVERIFY(!lines.partialResiduals(theta, 2));
    QVERIFY(!lines.partialLine(theta, -1));
}

// At the least-squares θ, the simple regression of the partial residuals on the feature has the multiple
// regression's slope and intercept (Frisch–Waugh–Lovell): the drawn line is the one that fits the drawn points.
void TestFitLines::partialLineIsTheLeastSquaresLineThroughItsPoints()
{
    const Dataset data = lessonData("two_features_n100.csv");
    const auto problem = std::make_shared<const Problem>(data, specWith(true, false));
    const FitLines lines(problem, data);
    Eigen::MatrixXd design(data.rowCount(), 3);
    design.col(0).setOnes();
    design.rightCols(2) = data.values().leftCols(2);
    const Eigen::VectorXd best = design.colPivHouseholderQr().solve(Eigen::VectorXd(data.values().col(2)));
    for (Eigen::Index feature : { 0, 1 }) {
        const Eigen::VectorXd points = *lines.partialResiduals(best, feature);
        const Eigen::VectorXd x = data.values().col(feature);
        const double xMean = x.mean();
        const double slope
            = ((x.array() - xMean) * (points.array() - points.mean())).sum() / (x.array() - xMean).square().sum();
        const double intercept = points.mean() - slope * xMean;
        const auto line = lines.partialLine(best, feature);
        QVERIFY(std::abs(line->slope - slope) <= 1e-9 * (1 + std::abs(slope)));
        QVERIFY(std::abs(line->intercept - intercept) <= 1e-9 * (1 + std::abs(intercept)));
    }
}

void TestFitLines::predictionsAndResiduals_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("intercept");
    QTest::addColumn<bool>("standardize");
    QTest::newRow("five points") << QStringLiteral("five_points.csv") << true << false;
    QTest::newRow("two features, standardized") << QStringLiteral("two_features_n100.csv") << true << true;
    QTest::newRow("three features, no intercept") << QStringLiteral("three_features_ints_n20.csv") << false << false;
    QTest::newRow("norris, standardized") << QStringLiteral("nist_norris.csv") << true << true;
}

void TestFitLines::predictionsAndResiduals()
{
    QFETCH(QString, file);
    QFETCH(bool, intercept);
    QFETCH(bool, standardize);
    const Dataset data = lessonData(file.toLatin1().constData());
    const auto problem = std::make_shared<const Problem>(data, specWith(intercept, standardize));
    const FitLines lines(problem, data);
    const Eigen::VectorXd theta = someTheta(*problem);
    const auto predictions = lines.predictions(theta);
    const auto residuals = lines.residuals(theta);
    QVERIFY(predictions && residuals);
    QCOMPARE(predictions->size(), data.rowCount());
    const Eigen::Index target = problem->spec().target;
    for (Eigen::Index i = 0; i < data.rowCount(); ++i) {
        const double expected = directPrediction(*problem, data, theta, i);
        const double tolerance = 1e-12 * (1.0 + std::abs(expected));
        QVERIFY2(std::abs((*predictions)[i] - expected) <= tolerance, qPrintable(QString::number(i)));
        QCOMPARE((*residuals)[i], (*predictions)[i] - data.values()(i, target));
    }
}

void TestFitLines::refusesUnusableTheta()
{
    const Dataset data = lessonData("five_points.csv");
    const FitLines lines(std::make_shared<const Problem>(data, ProblemSpec()), data);
    QVERIFY(lines.accepts(Eigen::Vector2d(1, 2)));
    QVERIFY(!lines.accepts(Eigen::Vector3d(1, 2, 3)));
    QVERIFY(!lines.accepts(Eigen::Vector2d(1, std::nan(""))));
    QVERIFY(!lines.accepts(Eigen::Vector2d(INFINITY, 2)));
    QVERIFY(!lines.line(Eigen::Vector3d(1, 2, 3), 0));
    QVERIFY(!lines.predictions(Eigen::Vector2d(1, std::nan(""))));
    QVERIFY(!lines.residuals(Eigen::VectorXd()));
}

void TestFitLines::emptyWithoutMatchingData()
{
    const FitLines none;
    QVERIFY(none.isEmpty());
    QVERIFY(!none.line(Eigen::Vector2d(1, 2), 0));
    QVERIFY(!none.predictions(Eigen::Vector2d(1, 2)));

    // Data with another number of rows than the problem's: no lines rather than wrong ones.
    const Dataset data = lessonData("five_points.csv");
    const Dataset other = lessonData("two_features_n100.csv");
    const FitLines mismatched(std::make_shared<const Problem>(data, ProblemSpec()), other);
    QVERIFY(mismatched.isEmpty());
    QVERIFY(!mismatched.predictions(Eigen::Vector2d(1, 2)));
}

// SGD keeps every row of a long file: the lines still hold a sample to draw, and know which rows it holds.
void TestFitLines::holdsASampleOfEveryRowKeptOfALongFile()
{
    const Eigen::Index n = FitLines::maxDrawnRows + 10'000;
    Eigen::MatrixXd values(n, 2);
    for (Eigen::Index i = 0; i < n; ++i)
        values.row(i) << double((i * 7919) % 1000), double((i * 104729) % 977);
    const Dataset data({ "x", "y" }, values, "long");
    const FitLines lines(std::make_shared<const Problem>(data, ProblemSpec {}), data);
    QVERIFY(lines.isThinned());
    QVERIFY2(lines.rowCount() > 4000 && lines.rowCount() < 5000, qPrintable(QString::number(lines.rowCount())));
    QCOMPARE(lines.features().col(0).maxCoeff(), values.col(0).maxCoeff()); // the extremes are drawn
    QCOMPARE(lines.target().minCoeff(), values.col(1).minCoeff());
    QCOMPARE(lines.featureMeans()[0], values.col(0).mean()); // the line through all the rows' centre
    Eigen::Index held = 0;
    for (Eigen::Index row = 0; row < n; ++row) {
        const Eigen::Index i = lines.heldIndexOf(row);
        if (i < 0)
            continue;
        QCOMPARE(i, held++);
        QCOMPARE(lines.features()(i, 0), values(row, 0));
        QCOMPARE(lines.target()[i], values(row, 1));
    }
    QCOMPARE(held, lines.rowCount());
    // At the limit every row is held, each at its own place.
    const Dataset short_({ "x", "y" }, values.topRows(FitLines::maxDrawnRows), "short");
    const FitLines all(std::make_shared<const Problem>(short_, ProblemSpec {}), short_);
    QVERIFY(!all.isThinned());
    QCOMPARE(all.rowCount(), FitLines::maxDrawnRows);
    QCOMPARE(all.heldIndexOf(17), Eigen::Index(17));
    QCOMPARE(all.heldIndexOf(FitLines::maxDrawnRows), Eigen::Index(-1));
}

} // namespace tst_fit_lines

QTEST_APPLESS_MAIN(tst_fit_lines::TestFitLines)
#include "tst_fit_lines.moc"
