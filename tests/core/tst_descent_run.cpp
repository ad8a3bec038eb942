#include "csv_reader.h"
#include "dataset.h"
#include "descent_run.h"
#include "input_error.h"
#include "least_squares.h"
#include "stability.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

using gdlab::Dataset;
using gdlab::DescentRun;
using gdlab::IterationState;
using gdlab::ProblemSpec;
using gdlab::SolverSettings;
using gdlab::StopReason;

namespace {

Dataset lessonData(const char* fileName)
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + fileName);
}

SolverSettings settingsWith(double learningRate, long long iterations)
{
    SolverSettings settings;
    settings.learningRate = learningRate;
    settings.iterations = iterations;
    return settings;
}

bool sameState(const IterationState& a, const IterationState& b)
{
    return a.iteration == b.iteration && a.epoch == b.epoch && a.theta == b.theta && a.loss == b.loss
        && a.rmse == b.rmse && a.gradient == b.gradient && a.gradientNorm == b.gradientNorm
        && a.stepGradient == b.stepGradient;
}

} // namespace

class TestDescentRun : public QObject {
    Q_OBJECT

private slots:
    void prepareResolvesOptimalRate();
    void prepareKeepsRateOtherwise();
    void prepareValidates();
    void historyLength_data();
    void historyLength();
    void extraSinkSeesEveryState();
    void extraSinkCancels();
    void badSpecThrows();
};

void TestDescentRun::prepareResolvesOptimalRate()
{
    const Dataset data = lessonData("nist_norris.csv");
    ProblemSpec spec;
    spec.standardize = true;
    const DescentRun run = gdlab::prepareDescent(data, spec, settingsWith(0.01, 200), true);
    QVERIFY(run.history.empty());
    QVERIFY(run.problem);
    const gdlab::StabilityBounds expected = gdlab::computeStability(*run.problem, run.settings.loss);
    QCOMPARE(run.stability.optimalRate, expected.optimalRate);
    QCOMPARE(run.settings.learningRate, expected.optimalRate);
    QVERIFY(std::abs(run.settings.learningRate - 0.5) <= 1e-12); // H = 2·I in z-scored space
    QCOMPARE(run.settings.iterations, 200LL);

    // The loss decides the rate: sse's is n times smaller.
    SolverSettings sse = settingsWith(0.01, 10);
    sse.loss = gdlab::LossKind::Sse;
    const DescentRun sseRun = gdlab::prepareDescent(data, spec, sse, true);
    QVERIFY(std::abs(sseRun.settings.learningRate * 36.0 - run.settings.learningRate) <= 1e-12);
}

void TestDescentRun::prepareKeepsRateOtherwise()
{
    const Dataset data = lessonData("five_points.csv");
    const DescentRun run = gdlab::prepareDescent(data, ProblemSpec {}, settingsWith(0.02, 5));
    QCOMPARE(run.settings.learningRate, 0.02);
    QCOMPARE(run.settings, settingsWith(0.02, 5));
    QVERIFY(run.history.empty());
    QCOMPARE(run.problem->spec().target, Eigen::Index(1)); // resolved
    QCOMPARE(run.leastSquares.theta, gdlab::fitLeastSquares(*run.problem).theta);
    QCOMPARE(
        run.stability.divergenceBound, gdlab::computeStability(*run.problem, gdlab::LossKind::Mse).divergenceBound);
}

void TestDescentRun::prepareValidates()
{
    const Dataset data = lessonData("five_points.csv");
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::prepareDescent(data, ProblemSpec {}, settingsWith(-1.0, 5)));
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::runDescent(data, ProblemSpec {}, settingsWith(0.0, 5)));
    SolverSettings wrongStart = settingsWith(0.01, 5);
    wrongStart.init = gdlab::InitKind::Values;
    wrongStart.initValues = { 1.0, 2.0, 3.0 };
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::runDescent(data, ProblemSpec {}, wrongStart));
}

void TestDescentRun::historyLength_data()
{
    QTest::addColumn<int>("iterations");
    QTest::addColumn<int>("method");
    QTest::addRow("batch 0") << 0 << int(gdlab::DescentMethod::Batch);
    QTest::addRow("batch 1") << 1 << int(gdlab::DescentMethod::Batch);
    QTest::addRow("batch 1000") << 1000 << int(gdlab::DescentMethod::Batch);
    QTest::addRow("sgd 37") << 37 << int(gdlab::DescentMethod::Sgd);
    QTest::addRow("minibatch 12") << 12 << int(gdlab::DescentMethod::MiniBatch);
}

void TestDescentRun::historyLength()
{
    QFETCH(int, iterations);
    QFETCH(int, method);
    const Dataset data = lessonData("five_points.csv");
    SolverSettings settings = settingsWith(0.01, iterations);
    settings.method = gdlab::DescentMethod(method);
    settings.batchSize = 2;
    const DescentRun run = gdlab::runDescent(data, ProblemSpec {}, settings);
    QCOMPARE(run.result.reason, StopReason::MaxIterations);
    QCOMPARE(run.result.iterations, static_cast<long long>(iterations));
    QCOMPARE(run.history.size(), static_cast<std::size_t>(iterations) + 1);
    for (std::size_t k = 0; k < run.history.size(); ++k)
        QCOMPARE(run.history[k].iteration, static_cast<long long>(k));
}

void TestDescentRun::extraSinkSeesEveryState()
{
    const Dataset data = lessonData("five_points.csv");
    std::vector<IterationState> seen;
    const DescentRun run
        = gdlab::runDescent(data, ProblemSpec {}, settingsWith(0.01, 50), [&seen](const IterationState& state) {
              seen.push_back(state);
              return true;
          });
    QCOMPARE(run.result.reason, StopReason::MaxIterations);
    QCOMPARE(seen.size(), run.history.size());
    QCOMPARE(seen.size(), std::size_t(51));
    for (std::size_t k = 0; k < seen.size(); ++k)
        QVERIFY2(sameState(seen[k], run.history[k]), qPrintable(QString::number(k)));
}

void TestDescentRun::extraSinkCancels()
{
    const Dataset data = lessonData("five_points.csv");
    int calls = 0;
    const DescentRun run
        = gdlab::runDescent(data, ProblemSpec {}, settingsWith(0.01, 1000), [&calls](const IterationState& state) {
              ++calls;
              return state.iteration < 7;
          });
    QCOMPARE(run.result.reason, StopReason::Cancelled);
    QCOMPARE(run.result.iterations, 7LL);
    QCOMPARE(calls, 8);
    // The state the sink refused is still in the history, and nothing after it.
    QCOMPARE(run.history.size(), std::size_t(8));
    QCOMPARE(run.history.back().iteration, 7LL);
}

void TestDescentRun::badSpecThrows()
{
    const Dataset data = lessonData("five_points.csv");
    ProblemSpec spec;
    spec.target = 0;
    spec.features = { 0 };
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::runDescent(data, spec, settingsWith(0.01, 5)));
    ProblemSpec constant;
    constant.standardize = true;
    const Dataset flat({ "x", "y" }, Eigen::MatrixXd::Ones(4, 2), "flat.csv");
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::prepareDescent(flat, constant, settingsWith(0.01, 5)));
}

QTEST_APPLESS_MAIN(TestDescentRun)
#include "tst_descent_run.moc"
