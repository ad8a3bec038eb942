#include "history.h"
#include "history_csv.h"

#include <QtTest>

#include <string>
#include <vector>

namespace tst_history {

using gdlab::History;

class TestHistory : public QObject {
    Q_OBJECT

private slots:
    void emptyHistory();
    void appendStoresColumns();
    void thetaMatrixIsColumnMajor();
    void stepGradientsOnlyWhenKept();
    void reserveKeepsAppendsInPlace();
    void rowForIteration();
    void retainLastKeepsTheLastRow();
    void accuracyInPlaceOfRmse();
    void csvHeaderFollowsTheColumns();
};

namespace {

History threeRows(bool keepsStepGradients)
{
    History history(2, keepsStepGradients);
    const double start[] = { 0.5, -1.0 };
    const double second[] = { 0.25, -0.5 };
    const double third[] = { 0.125, -0.25 };
    const double step[] = { 1.5, 2.5 };
    history.append(0, start, 4.0, 2.0, 3.0);
    history.append(1, second, 2.0, 1.5, 1.0, step);
    history.append(2, third, 1.0, 1.0, 0.5, step);
    return history;
}

} // namespace

void TestHistory::emptyHistory()
{
    const History history(3, false);
    QVERIFY(history.empty());
    QCOMPARE(history.size(), std::size_t(0));
    QCOMPARE(history.parameterCount(), Eigen::Index(3));
    QCOMPARE(history.rowForIteration(42), std::size_t(0));
    QCOMPARE(history.thetas().cols(), Eigen::Index(0));
}

void TestHistory::appendStoresColumns()
{
    const History history = threeRows(false);
    QCOMPARE(history.size(), std::size_t(3));
    QCOMPARE(history.iteration(2), 2LL);
    QCOMPARE(history.epoch(1), 1LL);
    QCOMPARE(history.loss(0), 4.0);
    QCOMPARE(history.rmse(1), 1.5);
    QCOMPARE(history.gradientNorm(2), 0.5);
    QCOMPARE(Eigen::VectorXd(history.theta(1)), Eigen::Vector2d(0.25, -0.5).eval());
    const std::vector<double> losses(history.lossData(), history.lossData() + history.size());
    QCOMPARE(losses, std::vector<double>({ 4.0, 2.0, 1.0 }));
}

void TestHistory::thetaMatrixIsColumnMajor()
{
    const History history = threeRows(false);
    const Eigen::MatrixXd thetas = history.thetas();
    QCOMPARE(thetas.rows(), Eigen::Index(2));
    QCOMPARE(thetas.cols(), Eigen::Index(3));
    QCOMPARE(thetas(0, 2), 0.125);
    QCOMPARE(thetas(1, 0), -1.0);
}

void TestHistory::stepGradientsOnlyWhenKept()
{
    const History plain = threeRows(false);
    QVERIFY(!plain.keepsStepGradients());
    QCOMPARE(plain.stepGradient(1).size(), Eigen::Index(0));
    const History kept = threeRows(true);
    QVERIFY(kept.keepsStepGradients());
    QCOMPARE(Eigen::VectorXd(kept.stepGradient(0)), Eigen::Vector2d::Zero().eval()); // the start: none
    QCOMPARE(Eigen::VectorXd(kept.stepGradient(2)), Eigen::Vector2d(1.5, 2.5).eval());
}

// A worker reads rows while the history grows only if no append reallocates: reserve() makes sure.
void TestHistory::reserveKeepsAppendsInPlace()
{
    History history(3, true);
    history.reserve(1000);
    const double values[] = { 1.0, 2.0, 3.0 };
    history.append(0, values, 1.0, 1.0, 1.0);
    const double* loss = history.lossData();
    const double* theta = history.theta(0).data();
    for (int row = 1; row < 1000; ++row)
        history.append(row, values, 1.0, 1.0, 1.0, values);
    QCOMPARE(history.lossData(), loss);
    QCOMPARE(history.theta(0).data(), theta);
}

void TestHistory::rowForIteration()
{
    const History history = threeRows(false);
    QCOMPARE(history.rowForIteration(-5), std::size_t(0));
    QCOMPARE(history.rowForIteration(1), std::size_t(1));
    QCOMPARE(history.rowForIteration(99), std::size_t(2));
}

void TestHistory::retainLastKeepsTheLastRow()
{
    History history = threeRows(true);
    history.retainLast();
    QCOMPARE(history.size(), std::size_t(1));
    QCOMPARE(history.firstIteration(), 2LL);
    QCOMPARE(history.iteration(0), 2LL);
    QCOMPARE(history.epoch(0), 2LL);
    QCOMPARE(history.loss(0), 1.0);
    QCOMPARE(Eigen::VectorXd(history.theta(0)), Eigen::Vector2d(0.125, -0.25).eval());
    QCOMPARE(Eigen::VectorXd(history.stepGradient(0)), Eigen::Vector2d(1.5, 2.5).eval());
    const double next[] = { 0.0, 0.0 };
    history.append(3, next, 0.5, 0.5, 0.25, next);
    QCOMPARE(history.iteration(1), 3LL);
    QCOMPARE(history.rowForIteration(3), std::size_t(1));
    QCOMPARE(history.rowForIteration(2), std::size_t(0));
}

// The logistic model's states carry an accuracy; their RMSE is NaN, and a linear history has no accuracy.
void TestHistory::accuracyInPlaceOfRmse()
{
    History history(2, false, true);
    history.reserve(3);
    QVERIFY(history.keepsAccuracy());
    const double theta[] = { 0.5, 1.0 };
    history.appendClassified(0, theta, 0.69, 0.5, 2.0);
    history.appendClassified(1, theta, 0.4, 0.8, 1.0);
    history.appendClassified(2, theta, 0.3, 0.85, 0.5);
    QCOMPARE(history.accuracy(1), 0.8);
    QCOMPARE(history.loss(1), 0.4);
    QVERIFY(std::isnan(history.rmse(1)));
    QCOMPARE(std::vector<double>(history.accuracyData(), history.accuracyData() + 3),
        std::vector<double>({ 0.5, 0.8, 0.85 }));
    history.retainLast();
    QCOMPARE(history.size(), std::size_t(1));
    QCOMPARE(history.accuracy(0), 0.85);
    const History linear = threeRows(false);
    QVERIFY(!linear.keepsAccuracy());
    QVERIFY(std::isnan(linear.accuracy(0)));
    QVERIFY(linear.accuracyData() == nullptr);
}

void TestHistory::csvHeaderFollowsTheColumns()
{
    History logistic(2, false, true);
    const double theta[] = { -4.5, 1.25 };
    logistic.appendClassified(0, theta, 0.5, 0.75, 2.0);
    std::string text;
    gdlab::writeHistoryCsv(logistic, { "θ0", "θ1" }, [&text](std::string_view chunk) { text += chunk; });
    QCOMPARE(QString::fromStdString(text),
        "iteration,epoch,loss,accuracy,grad_norm,theta0,theta1\n0,0,0.5,0.75,2,-4.5,1.25\n");
    text.clear();
    gdlab::writeHistoryCsv(threeRows(false), { "θ0", "θ1" }, [&text](std::string_view chunk) { text += chunk; });
    QVERIFY(QString::fromStdString(text).startsWith("iteration,epoch,loss,rmse,grad_norm,theta0,theta1\n0,0,4,2,3,"));
}

} // namespace tst_history

QTEST_APPLESS_MAIN(tst_history::TestHistory)
#include "tst_history.moc"
