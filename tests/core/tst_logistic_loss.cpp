// The log loss of logistic regression: values worked by hand on four rows, central differences for the gradient and
// the Hessian, margins of ±800 (where a naive log(1 + eᶻ) overflows), and the vectorised block pass against a plain
// row-by-row evaluation.
#include "csv_reader.h"
#include "dataset.h"
#include "input_error.h"
#include "logistic_loss.h"
#include "problem.h"

#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>
#include <vector>

namespace tst_logistic_loss {

using gdlab::Dataset;
using gdlab::LogisticLoss;
using gdlab::Problem;
using gdlab::ProblemSpec;

namespace {

bool closeRelative(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::abs(expected);
}

bool closeTo(const Eigen::MatrixXd& actual, const Eigen::MatrixXd& expected, double tolerance)
{
    return actual.rows() == expected.rows() && actual.cols() == expected.cols()
        && (actual - expected).cwiseAbs().maxCoeff() <= tolerance * std::max(1.0, expected.cwiseAbs().maxCoeff());
}

QByteArray describe(const Eigen::MatrixXd& actual, const Eigen::MatrixXd& expected)
{
    QString text;
    for (Eigen::Index i = 0; i < actual.size() && i < expected.size(); ++i)
        text += QStringLiteral("[%1] %2 vs %3\n").arg(i).arg(actual(i), 0, 'g', 17).arg(expected(i), 0, 'g', 17);
    return text.toUtf8();
}

// The four rows worked by hand below: x = 0, 1, 2, 3 with y = 0, 0, 1, 1, and an intercept.
Dataset fourRows()
{
    Eigen::MatrixXd values(4, 2);
    values << 0, 0, 1, 0, 2, 1, 3, 1;
    return Dataset({ "x", "y" }, values, "four rows");
}

Dataset testData(const char* fileName)
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_TEST_DATA_DIR) + "/logistic/" + fileName);
}

// Standard normal features, y drawn from the model at θ = (0.3, 1, −2, 0.5): neither separable nor trivial.
Dataset randomData(Eigen::Index rows)
{
    std::mt19937_64 generator(7);
    std::normal_distribution<double> normal;
    std::uniform_real_distribution<double> uniform;
    Eigen::MatrixXd values(rows, 4);
    for (Eigen::Index i = 0; i < rows; ++i) {
        for (int j = 0; j < 3; ++j)
            values(i, j) = normal(generator);
        const double z = 0.3 + values(i, 0) - 2.0 * values(i, 1) + 0.5 * values(i, 2);
        values(i, 3) = uniform(generator) < 1.0 / (1.0 + std::exp(-z)) ? 1.0 : 0.0;
    }
    return Dataset({ "a", "b", "c", "y" }, values, "random");
}

// Row by row with the standard library, as one would write it first: the reference for the block pass.
struct Reference {
    double loss = 0;
    Eigen::VectorXd gradient;
    Eigen::MatrixXd hessian;
    double accuracy = 0;
};

Reference referenceAt(const Problem& problem, const Eigen::VectorXd& theta)
{
    const Eigen::MatrixXd& x = problem.design();
    const Eigen::VectorXd& y = problem.target();
    const auto n = static_cast<double>(x.rows());
    Reference r;
    r.gradient = Eigen::VectorXd::Zero(theta.size());
    r.hessian = Eigen::MatrixXd::Zero(theta.size(), theta.size());
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        const double z = x.row(i).dot(theta);
        const double p = 1.0 / (1.0 + std::exp(-z));
        r.loss += std::log1p(std::exp(z)) - y[i] * z;
        r.gradient += (p - y[i]) * x.row(i).transpose();
        r.hessian += p * (1.0 - p) * x.row(i).transpose() * x.row(i);
        r.accuracy += ((z >= 0) == (y[i] == 1.0)) ? 1.0 : 0.0;
    }
    r.loss /= n;
    r.gradient /= n;
    r.hessian /= n;
    r.accuracy /= n;
    return r;
}

} // namespace

class TestLogisticLoss : public QObject {
    Q_OBJECT

private slots:
    void handWorkedAtZero();
    void handWorkedAtLogThree();
    void finiteDifferences_data();
    void finiteDifferences();
    void extremeMargins();
    void rowHelpersWithoutOverflow();
    void blockPassMatchesRowByRow();
    void batchGradientOfEveryRowIsTheGradient();
    void probabilities();
    void refusesWhatItCannotFit();
};

// At θ = 0 every z is 0: p = 1/2, L = ln 2, ∇L = (1/4)·Xᵀ(p − y) = (0, −1/2), H = (1/4)·(1/4)·XᵀX; every row is
// predicted 1 (z ≥ 0), so the accuracy is the share of 1s.
void TestLogisticLoss::handWorkedAtZero()
{
    const Dataset data = fourRows();
    const Problem problem(data, ProblemSpec {});
    const LogisticLoss loss(problem);
    const gdlab::LossEvaluation at = loss.evaluate(Eigen::Vector2d::Zero());
    QVERIFY(closeRelative(at.loss, std::log(2.0), 1e-15));
    QVERIFY(std::abs(at.gradient[0]) <= 1e-16);
    QVERIFY(closeRelative(at.gradient[1], -0.5, 1e-15));
    QCOMPARE(at.accuracy, 0.5);
    QVERIFY(std::isnan(at.rmse));
    Eigen::Matrix2d expected;
    expected << 0.25, 0.375, 0.375, 0.875; // (1/16)·[[4, 6], [6, 14]]
    const Eigen::MatrixXd hessian = loss.hessian(Eigen::Vector2d::Zero());
    QVERIFY2(closeTo(hessian, expected, 1e-15), describe(hessian, expected).constData());
}

// At θ = (0, ln 3), z = x·ln 3 and p = 3ˣ/(1 + 3ˣ) = 1/2, 3/4, 9/10, 27/28. The loss is
// (ln 2 + ln 4 + ln(10/9) + ln(28/27))/4 = ln(2240/243)/4; p − y = (1/2, 3/4, −1/10, −1/28); p(1 − p) = (1/4,
// 3/16, 9/100, 27/784). Every z ≥ 0, so every row is predicted 1: the two 0s are wrong.
void TestLogisticLoss::handWorkedAtLogThree()
{
    const Dataset data = fourRows();
    const Problem problem(data, ProblemSpec {});
    const LogisticLoss loss(problem);
    const Eigen::Vector2d theta(0.0, std::log(3.0));
    const gdlab::LossEvaluation at = loss.evaluate(theta);
    QVERIFY2(closeRelative(at.loss, std::log(2240.0 / 243.0) / 4.0, 1e-14), QByteArray::number(at.loss, 'g', 17));
    const double residuals[] = { 0.5, 0.75, -0.1, -1.0 / 28.0 };
    const double weights[] = { 0.25, 3.0 / 16.0, 0.09, 27.0 / 784.0 };
    Eigen::Vector2d gradient(0, 0);
    Eigen::Matrix2d hessian = Eigen::Matrix2d::Zero();
    for (int i = 0; i < 4; ++i) {
        const Eigen::Vector2d x(1.0, i);
        gradient += residuals[i] * x / 4.0;
        hessian += weights[i] * x * x.transpose() / 4.0;
    }
    QVERIFY2(closeTo(at.gradient, gradient, 1e-15), describe(at.gradient, gradient).constData());
    QVERIFY2(closeTo(loss.hessian(theta), hessian, 1e-15), describe(loss.hessian(theta), hessian).constData());
    QCOMPARE(at.accuracy, 0.5);
    QCOMPARE(loss.value(theta), at.loss);
}

void TestLogisticLoss::finiteDifferences_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<bool>("standardize");
    QTest::addColumn<QList<double>>("theta");
    QTest::addRow("four rows") << "four" << false << QList<double> { -1.3, 0.7 };
    QTest::addRow("exam hours") << "exam_hours.csv" << false << QList<double> { -3.0, 1.2 };
    QTest::addRow("exam hours, standardized") << "exam_hours.csv" << true << QList<double> { 0.4, 2.5 };
    QTest::addRow("beetles") << "beetles.csv" << false << QList<double> { -55.0, 31.0 };
    QTest::addRow("1000 random rows") << "random" << false << QList<double> { 0.2, 0.8, -1.5, 0.4 };
}

// Central differences with a step of 1e-5 relative: the truncation error is O(h²)·L''' ≈ 1e-10 and the rounding
// error ε·L/h ≈ 1e-11, so the analytic gradient and Hessian must agree to about 1e-8.
void TestLogisticLoss::finiteDifferences()
{
    QFETCH(QString, data);
    QFETCH(bool, standardize);
    QFETCH(QList<double>, theta);
    const Dataset dataset = data == "four" ? fourRows()
        : data == "random"                 ? randomData(1000)
                                           : testData(data.toUtf8().constData());
    ProblemSpec spec;
    spec.standardize = standardize;
    const Problem problem(dataset, spec);
    const LogisticLoss loss(problem);
    const Eigen::VectorXd at = Eigen::Map<const Eigen::VectorXd>(theta.data(), theta.size());
    const gdlab::LossEvaluation evaluation = loss.evaluate(at);
    const Eigen::MatrixXd hessian = loss.hessian(at);
    Eigen::VectorXd numericGradient(at.size());
    Eigen::MatrixXd numericHessian(at.size(), at.size());
    for (Eigen::Index j = 0; j < at.size(); ++j) {
        const double h = 1e-5 * std::max(1.0, std::abs(at[j]));
        Eigen::VectorXd up = at;
        Eigen::VectorXd down = at;
        up[j] += h;
        down[j] -= h;
        numericGradient[j] = (loss.value(up) - loss.value(down)) / (2 * h);
        numericHessian.col(j) = (loss.evaluate(up).gradient - loss.evaluate(down).gradient) / (2 * h);
    }
    QVERIFY2(closeTo(evaluation.gradient, numericGradient, 1e-8),
        describe(evaluation.gradient, numericGradient).constData());
    QVERIFY2(closeTo(hessian, numericHessian, 1e-7), describe(hessian, numericHessian).constData());
    QVERIFY(hessian.isApprox(hessian.transpose(), 0.0)); // exactly symmetric
}

// Rows at z = ±800 with either class: exp(800) overflows a double, so log(1 + eᶻ) − yz would be inf − inf. The loss
// is (0 + 800 + 0 + 800)/4 = 400, p − y = (0, 1, 0, −1), so ∇L = (0, (800 + 800)/4) = (0, 400), and p(1 − p) ≈ 0.
void TestLogisticLoss::extremeMargins()
{
    Eigen::MatrixXd values(4, 2);
    values << 800, 1, 800, 0, -800, 0, -800, 1;
    const Dataset data({ "x", "y" }, values, "margins");
    const Problem problem(data, ProblemSpec {});
    const LogisticLoss loss(problem);
    const Eigen::Vector2d theta(0.0, 1.0);
    const gdlab::LossEvaluation at = loss.evaluate(theta);
    QVERIFY2(closeRelative(at.loss, 400.0, 1e-15), QByteArray::number(at.loss, 'g', 17));
    QVERIFY2(std::abs(at.gradient[0]) <= 1e-300, QByteArray::number(at.gradient[0], 'g', 17));
    QVERIFY2(closeRelative(at.gradient[1], 400.0, 1e-15), QByteArray::number(at.gradient[1], 'g', 17));
    QCOMPARE(at.accuracy, 0.5);
    const Eigen::MatrixXd hessian = loss.hessian(theta);
    QVERIFY(hessian.allFinite());
    QVERIFY(hessian.cwiseAbs().maxCoeff() <= 1e-290);
    // And far past where exp underflows: z = ±1e6 keeps the loss finite, the classes right ones at 0.
    const gdlab::LossEvaluation far = loss.evaluate(Eigen::Vector2d(0.0, 1250.0));
    QVERIFY2(closeRelative(far.loss, 500000.0, 1e-15), QByteArray::number(far.loss, 'g', 17));
    QVERIFY(far.gradient.allFinite());
}

void TestLogisticLoss::rowHelpersWithoutOverflow()
{
    QCOMPARE(LogisticLoss::softplus(800.0), 800.0);
    QCOMPARE(LogisticLoss::softplus(-800.0), 0.0);
    QVERIFY(closeRelative(LogisticLoss::softplus(0.0), std::log(2.0), 1e-16));
    QCOMPARE(LogisticLoss::sigmoid(800.0), 1.0);
    QCOMPARE(LogisticLoss::sigmoid(-800.0), 0.0);
    QCOMPARE(LogisticLoss::sigmoid(0.0), 0.5);
    QCOMPARE(LogisticLoss::rowLoss(800.0, 1.0), 0.0);
    QCOMPARE(LogisticLoss::rowLoss(800.0, 0.0), 800.0);
    QCOMPARE(LogisticLoss::rowLoss(-800.0, 1.0), 800.0);
    QCOMPARE(LogisticLoss::rowLoss(-800.0, 0.0), 0.0);
    // A confident right answer keeps its digits: softplus(30) − 30 would leave one or two of them.
    QVERIFY(closeRelative(LogisticLoss::rowLoss(30.0, 1.0), std::log1p(std::exp(-30.0)), 1e-15));
}

// The vectorised pass (Eigen's exp and log, 256 rows at a time, a last block of 232) against the row-by-row
// reference, at a θ where the rows range from sure to unsure.
void TestLogisticLoss::blockPassMatchesRowByRow()
{
    const Dataset data = randomData(1000);
    const Problem problem(data, ProblemSpec {});
    const LogisticLoss loss(problem);
    const Eigen::Vector4d theta(0.25, 1.1, -1.9, 0.6);
    const Reference expected = referenceAt(problem, theta);
    Eigen::VectorXd gradient(4);
    Eigen::MatrixXd hessian(4, 4);
    double accuracy = 0;
    const double value = loss.evaluate(theta.data(), gradient.data(), &accuracy, hessian.data());
    QVERIFY2(closeRelative(value, expected.loss, 1e-14), QByteArray::number(value - expected.loss, 'g', 3));
    QVERIFY2(closeTo(gradient, expected.gradient, 1e-14), describe(gradient, expected.gradient).constData());
    QVERIFY2(closeTo(hessian, expected.hessian, 1e-14), describe(hessian, expected.hessian).constData());
    QCOMPARE(accuracy, expected.accuracy);
    QVERIFY(accuracy > 0.7 && accuracy < 1.0);
    // Without the Hessian the same pass gives the same loss and gradient, bit for bit.
    Eigen::VectorXd again(4);
    double accuracyAgain = 0;
    QCOMPARE(loss.evaluate(theta.data(), again.data(), &accuracyAgain), value);
    QCOMPARE(again, gradient);
}

void TestLogisticLoss::batchGradientOfEveryRowIsTheGradient()
{
    const Dataset data = randomData(300);
    const Problem problem(data, ProblemSpec {});
    const LogisticLoss loss(problem);
    const Eigen::Vector4d theta(-0.2, 0.5, 0.1, -1.0);
    std::vector<Eigen::Index> order(300);
    std::iota(order.begin(), order.end(), Eigen::Index { 0 });
    const Eigen::VectorXd whole = loss.evaluate(theta).gradient;
    const Eigen::VectorXd batch = loss.batchGradient(theta, order, 0, 300);
    QVERIFY2(closeTo(batch, whole, 1e-14), describe(batch, whole).constData());
    // One row: (p − y)·x.
    const Eigen::VectorXd row = loss.batchGradient(theta, order, 7, 1);
    const double z = problem.design().row(7).dot(theta);
    const Eigen::VectorXd expected
        = (LogisticLoss::sigmoid(z) - problem.target()[7]) * problem.design().row(7).transpose();
    QVERIFY2(closeTo(row, expected, 1e-15), describe(row, expected).constData());
}

void TestLogisticLoss::probabilities()
{
    const Dataset data = fourRows();
    const Problem problem(data, ProblemSpec {});
    const Eigen::VectorXd p = LogisticLoss(problem).probabilities(Eigen::Vector2d(0.0, std::log(3.0)));
    const Eigen::Vector4d expected(0.5, 0.75, 0.9, 27.0 / 28.0);
    QVERIFY2(closeTo(p, expected, 1e-15), describe(p, expected).constData());
}

void TestLogisticLoss::refusesWhatItCannotFit()
{
    Eigen::MatrixXd values(3, 2);
    values << 1, 0, 2, 2, 3, 1;
    const Dataset data({ "x", "y" }, values, "classes");
    const Problem problem(data, ProblemSpec {});
    try {
        const LogisticLoss loss(problem);
        QFAIL("a target of 2 was accepted");
    } catch (const gdlab::InputError& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains("row 2") && message.contains("0 or 1"), qPrintable(message));
    }
}

} // namespace tst_logistic_loss

QTEST_GUILESS_MAIN(tst_logistic_loss::TestLogisticLoss)
#include "tst_logistic_loss.moc"
