// The reference optimum of logistic regression (Newton's method from zeros) on data sets with a published fit, its
// refusal to invent one for separable and quasi-separable data, and the check that names a target cell that is not a
// class by its file, line and column.
#include "binary_target.h"
#include "csv_reader.h"
#include "dataset.h"
#include "input_error.h"
#include "logistic_fit.h"
#include "logistic_loss.h"
#include "problem.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <Eigen/LU>

#include <cmath>

namespace tst_logistic_fit {

using gdlab::Dataset;
using gdlab::LogisticFit;
using gdlab::Problem;
using gdlab::ProblemSpec;

namespace {

Dataset testData(const char* fileName)
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_TEST_DATA_DIR) + "/logistic/" + fileName);
}

Dataset parsed(const char* text)
{
    return gdlab::CsvReader::parse(text, "inline.csv");
}

LogisticFit fitOf(const Dataset& data, bool standardize = false, bool intercept = true)
{
    ProblemSpec spec;
    spec.standardize = standardize;
    spec.intercept = intercept;
    return gdlab::fitLogistic(Problem(data, spec));
}

// |actual − published| within half a unit of the published value's last digit.
bool asPublished(double actual, double published, double lastDigit)
{
    return std::abs(actual - published) <= 0.5 * lastDigit;
}

// The error requireBinaryColumn() throws for data.csv holding text, or an empty string when it throws none.
QString binaryError(const QByteArray& text, QString* path = nullptr)
{
    QTemporaryDir dir;
    const QString file = dir.filePath("data.csv");
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return "cannot write";
    out.write(text);
    out.close();
    if (path)
        *path = file;
    const Dataset data = gdlab::CsvReader::readFile(file.toStdString());
    try {
        gdlab::requireBinaryColumn(data, data.columnCount() - 1);
    } catch (const gdlab::InputError& error) {
        return QString::fromUtf8(error.what()).replace(file, "DATA");
    }
    return {};
}

} // namespace

class TestLogisticFit : public QObject {
    Q_OBJECT

private slots:
    void publishedExamHours_data();
    void publishedExamHours();
    void publishedBeetleMortality();
    void optimumIsStationary();
    void separable_data();
    void separable();
    void nearlySeparableHasAnOptimum();
    void rankDeficientData();
    void binaryTarget_data();
    void binaryTarget();
    void binaryTargetWithoutAFile();
};

void TestLogisticFit::publishedExamHours_data()
{
    QTest::addColumn<bool>("standardize");
    QTest::addRow("raw") << false;
    QTest::addRow("standardized") << true;
}

// Hours of study and passing an exam, 20 students: Wikipedia, "Logistic regression", section "Example: Probability of
// passing an exam versus hours of study" (data in its table; fit: intercept −4.0777, hours 1.5046, as R's glm gives).
void TestLogisticFit::publishedExamHours()
{
    QFETCH(bool, standardize);
    const LogisticFit fit = fitOf(testData("exam_hours.csv"), standardize);
    QVERIFY(fit.finite);
    QVERIFY(!fit.separable);
    QVERIFY(fit.message.empty());
    QCOMPARE(fit.thetaOriginal.size(), 2);
    QVERIFY2(asPublished(fit.thetaOriginal[0], -4.0777, 1e-4), QByteArray::number(fit.thetaOriginal[0], 'g', 17));
    QVERIFY2(asPublished(fit.thetaOriginal[1], 1.5046, 1e-4), QByteArray::number(fit.thetaOriginal[1], 'g', 17));
    QVERIFY(fit.iterations >= 3 && fit.iterations <= 12);
    QCOMPARE(fit.accuracy, 0.8); // 16 of 20 on the right side of p = 0.5
}

// Beetle mortality after five hours of gaseous carbon disulphide, 481 beetles at 8 doses: Bliss (1935), "The
// calculation of the dosage-mortality curve", Annals of Applied Biology 22, 134–167, as tabulated in Dobson & Barnett,
// An Introduction to Generalized Linear Models (3rd ed., 2008), section 7.3.1, whose logistic model gives
// b1 = −60.72 and b2 = 34.27 (standard errors 5.18 and 2.91). Grouped counts there; one row per beetle here.
void TestLogisticFit::publishedBeetleMortality()
{
    const Dataset data = testData("beetles.csv");
    QCOMPARE(data.rowCount(), 481);
    QCOMPARE(data.values().col(1).sum(), 291.0); // killed
    for (bool standardize : { false, true }) {
        const LogisticFit fit = fitOf(data, standardize);
        QVERIFY(fit.finite);
        QVERIFY2(asPublished(fit.thetaOriginal[0], -60.72, 1e-2), QByteArray::number(fit.thetaOriginal[0], 'g', 17));
        QVERIFY2(asPublished(fit.thetaOriginal[1], 34.27, 1e-2), QByteArray::number(fit.thetaOriginal[1], 'g', 17));
        // The standard errors from the inverse Hessian of the summed (not mean) loss at the optimum, in original units.
        const Problem problem(data, ProblemSpec {});
        const Eigen::MatrixXd summed = gdlab::LogisticLoss(problem).hessian(fit.thetaOriginal) * 481.0;
        const Eigen::VectorXd errors = summed.inverse().diagonal().cwiseSqrt();
        QVERIFY2(asPublished(errors[0], 5.18, 1e-2), QByteArray::number(errors[0], 'g', 17));
        QVERIFY2(asPublished(errors[1], 2.91, 1e-2), QByteArray::number(errors[1], 'g', 17));
    }
}

// The stopping rule plus one step more leaves the gradient at rounding level, scaled or not.
void TestLogisticFit::optimumIsStationary()
{
    for (const char* file : { "exam_hours.csv", "beetles.csv" }) {
        const Dataset data = testData(file);
        const Problem problem(data, ProblemSpec {});
        const LogisticFit fit = gdlab::fitLogistic(problem);
        QVERIFY(fit.finite);
        const double startNorm = gdlab::LogisticLoss(problem).evaluate(Eigen::VectorXd::Zero(2)).gradient.norm();
        QVERIFY2(fit.gradientNorm <= 1e-12 * std::max(1.0, startNorm), QByteArray::number(fit.gradientNorm));
        QCOMPARE(fit.theta, fit.thetaOriginal); // not standardized
        QCOMPARE(fit.loss, gdlab::LogisticLoss(problem).value(fit.theta));
    }
}

void TestLogisticFit::separable_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<bool>("intercept");
    QTest::addColumn<bool>("quasi");
    QTest::addColumn<int>("boundaryRows");
    QTest::addColumn<QString>("words");
    QTest::addRow("one feature") << QByteArray("x,y\n1,0\n2,0\n3,0\n4,1\n5,1\n6,1\n") << true << false << 0
                                 << "some θ classifies every row right";
    QTest::addRow("one feature, classes reversed")
        << QByteArray("x,y\n1,1\n2,1\n4,0\n5,0\n") << true << false << 0 << "some θ classifies every row right";
    QTest::addRow("two features") << QByteArray("a,b,y\n0,0,0\n1,0,0\n0,1,0\n2,1,1\n1,2,1\n2,2,1\n0.4,0.3,0\n") << true
                                  << false << 0 << "some θ classifies every row right";
    QTest::addRow("no intercept") << QByteArray("x,y\n-2,0\n-1,0\n1,1\n3,1\n") << false << false << 0
                                  << "some θ classifies every row right";
    QTest::addRow("one class") << QByteArray("x,y\n1,0\n2,0\n3,0\n") << true << false << 0 << "every row is of class 0";
    // x = 3 holds both classes: the best θ sends the other rows to p = 0 and 1 while those two stay at p = 1/2.
    QTest::addRow("quasi, one feature") << QByteArray("x,y\n1,0\n2,0\n3,0\n3,1\n4,1\n5,1\n") << true << true << 2
                                        << "but for 2 rows on the dividing boundary";
    // The line a + b = 2 divides the classes with three rows on it, of both classes.
    QTest::addRow("quasi, two features") << QByteArray(
        "a,b,y\n0,0,0\n1,0,0\n0,1,0\n1,1,0\n2,0,1\n0,2,1\n2,2,1\n3,1,1\n1,3,1\n")
                                         << true << true << 3 << "but for 3 rows on the dividing boundary";
}

// No finite optimum: no θ is returned, the message says why, and the direction found is a certificate that the loss
// falls for ever (every row on its class's side of it, or on it).
void TestLogisticFit::separable()
{
    QFETCH(QByteArray, csv);
    QFETCH(bool, intercept);
    QFETCH(bool, quasi);
    QFETCH(int, boundaryRows);
    QFETCH(QString, words);
    const Dataset data = parsed(csv.constData());
    ProblemSpec spec;
    spec.intercept = intercept;
    const Problem problem(data, spec);
    const LogisticFit fit = gdlab::fitLogistic(problem);
    QVERIFY(!fit.finite);
    QVERIFY(fit.separable);
    QCOMPARE(fit.quasiSeparable, quasi);
    QCOMPARE(fit.boundaryRows, Eigen::Index(boundaryRows));
    QVERIFY(fit.theta.size() == 0 && fit.thetaOriginal.size() == 0);
    QVERIFY(std::isnan(fit.loss));
    const QString message = QString::fromStdString(fit.message);
    QVERIFY2(message.contains("no finite optimum") && message.contains("linearly separable"), qPrintable(message));
    QVERIFY2(message.contains(words), qPrintable(message));
    QVERIFY(fit.iterations <= 40);
    QCOMPARE(fit.direction.size(), problem.parameterCount());
    QVERIFY(std::abs(fit.direction.norm() - 1.0) < 1e-15);
    const Eigen::ArrayXd margins = (2.0 * problem.target().array() - 1.0) * (problem.design() * fit.direction).array();
    QVERIFY2(margins.minCoeff() > -1e-8, QByteArray::number(margins.minCoeff()));
    QCOMPARE((margins.abs() <= 1e-8).count(), Eigen::Index(boundaryRows));
    // Standardizing changes the basis, not the geometry: still separable, alike.
    spec.standardize = true;
    const LogisticFit scaled = gdlab::fitLogistic(Problem(data, spec));
    QVERIFY(scaled.separable && !scaled.finite);
    QCOMPARE(scaled.quasiSeparable, quasi);
}

// One row of each class on the wrong side: a finite optimum, however close to separable the rest is.
void TestLogisticFit::nearlySeparableHasAnOptimum()
{
    const LogisticFit fit = fitOf(parsed("x,y\n1,0\n2,0\n3,1\n4,0\n5,1\n6,1\n"));
    QVERIFY(fit.finite);
    QVERIFY(!fit.separable);
    // Stationary: (1/n)·Σ (p − y) = 0 and (1/n)·Σ (p − y)·x = 0 at the optimum.
    const LogisticFit wide = fitOf(parsed("x,y\n0,0\n1,0\n2,0\n3,0\n4,1\n5,0\n6,1\n7,1\n8,1\n9,1\n"));
    QVERIFY(wide.finite);
    QVERIFY(wide.thetaOriginal[1] > 1.0 && wide.thetaOriginal[1] < 10.0);
    QVERIFY(wide.gradientNorm < 1e-12);
}

// A duplicated column makes H singular: the steps are minimum-norm, θ shares the weight between the twins equally, and
// the fit is the one of the single column.
void TestLogisticFit::rankDeficientData()
{
    const LogisticFit single = fitOf(testData("exam_hours.csv"));
    const Dataset hours = testData("exam_hours.csv");
    Eigen::MatrixXd values(hours.rowCount(), 3);
    values << hours.values().col(0), hours.values().col(0), hours.values().col(1);
    const LogisticFit twins = fitOf(Dataset({ "hours", "again", "pass" }, values, "twins"));
    QVERIFY(twins.finite);
    QVERIFY(std::abs(twins.thetaOriginal[0] - single.thetaOriginal[0]) < 1e-9);
    QVERIFY(std::abs(twins.thetaOriginal[1] - single.thetaOriginal[1] / 2) < 1e-9);
    QVERIFY(std::abs(twins.thetaOriginal[2] - single.thetaOriginal[1] / 2) < 1e-9);
    QVERIFY(std::abs(twins.loss - single.loss) < 1e-14);
}

void TestLogisticFit::binaryTarget_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("expected"); // empty: accepted
    QTest::addRow("0 and 1") << QByteArray("x,y\n1,0\n2,1\n3,1\n") << QString();
    QTest::addRow("0.0 and 1.0") << QByteArray("x,y\n1,0.0\n2,1.0\n3,0\n") << QString();
    QTest::addRow("a 2") << QByteArray("x,y\n1,0\n2,1\n3,2\n4,1\n") << "DATA:4:2: '2' is not 0 or 1 (column 'y')";
    QTest::addRow("a -1") << QByteArray("x,y\n1,0\n2,-1\n") << "DATA:3:2: '-1' is not 0 or 1 (column 'y')";
    QTest::addRow("a 0.5") << QByteArray("x,y\n1,0\n2,0.5\n") << "DATA:3:2: '0.5' is not 0 or 1";
    QTest::addRow("after a multi-line quoted field")
        << QByteArray("note,x,y\n\"a\nb\",1,0\nplain,2,3\n") << "DATA:4:3: '3' is not 0 or 1 (column 'y')";
    QTest::addRow("after a text column") << QByteArray("name,x,y\nann,4,1\nbob,5,7\n")
                                         << "DATA:3:3: '7' is not 0 or 1 (column 'y')";
    QTest::addRow("semicolons and a decimal comma")
        << QByteArray("x;y\n1,5;0\n2,5;1,5\n") << "DATA:3:2: '1,5' is not 0 or 1 (column 'y')";
}

void TestLogisticFit::binaryTarget()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, expected);
    const QString message = binaryError(csv);
    if (expected.isEmpty())
        QVERIFY2(message.isEmpty(), qPrintable(message));
    else
        QVERIFY2(message.startsWith(expected), qPrintable(message));
    if (!expected.isEmpty())
        QVERIFY2(message.contains("the target of logistic regression is a class, 0 or 1"), qPrintable(message));
}

// Data built in code, or a file changed since it was read: the row is named instead of a line that would be wrong.
void TestLogisticFit::binaryTargetWithoutAFile()
{
    Eigen::MatrixXd values(3, 2);
    values << 1, 0, 2, 1, 3, 2;
    try {
        gdlab::requireBinaryColumn(Dataset({ "x", "y" }, values, "lesson"), 1);
        QFAIL("a 2 was accepted");
    } catch (const gdlab::InputError& error) {
        QCOMPARE(QString::fromUtf8(error.what()),
            "lesson: data row 3 holds 2, not 0 or 1 (column 'y'): the target of logistic regression is a class, 0 or "
            "1");
    }
    QVERIFY(gdlab::isBinaryColumn(Dataset({ "x", "y" }, values, "lesson"), 0) == false);
    values(2, 1) = 1;
    QVERIFY(gdlab::isBinaryColumn(Dataset({ "x", "y" }, values, "lesson"), 1));
}

} // namespace tst_logistic_fit

QTEST_GUILESS_MAIN(tst_logistic_fit::TestLogisticFit)
#include "tst_logistic_fit.moc"
