#include "csv_reader.h"
#include "dataset.h"
#include "input_error.h"
#include "least_squares.h"
#include "logistic_loss.h"
#include "optimizer_replay.h"
#include "run.h"
#include "sample_walk.h"
#include "solver.h"
#include "stability.h"
#include "support/test_metatypes.h"

#include <QtTest>

#include <Eigen/Eigenvalues>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace tst_run {

using gdlab::Dataset;
using gdlab::ProblemSpec;
using gdlab::Run;
using gdlab::RunCause;
using gdlab::SolverSettings;
using gdlab::StopReason;

namespace {

std::shared_ptr<const Dataset> lessonData(const char* fileName)
{
    return std::make_shared<const Dataset>(gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + fileName));
}

SolverSettings settingsWith(double learningRate, long long iterations)
{
    SolverSettings settings;
    settings.learningRate = learningRate;
    settings.iterations = iterations;
    return settings;
}

std::shared_ptr<const Dataset> logisticData(const char* fileName)
{
    return std::make_shared<const Dataset>(
        gdlab::CsvReader::readFile(std::string(GDLAB_TEST_DATA_DIR) + "/logistic/" + fileName));
}

SolverSettings logisticWith(double learningRate, long long iterations)
{
    SolverSettings settings = settingsWith(learningRate, iterations);
    settings.model = gdlab::ModelKind::Logistic;
    return settings;
}

} // namespace

class TestRun : public QObject {
    Q_OBJECT

private slots:
    void prepareResolvesOptimalRate();
    void prepareKeepsRateOtherwise();
    void prepareValidates();
    void historyLength_data();
    void historyLength();
    void withSettingsKeepsTheProblem();
    void withSettingsRecomputesBoundsForAnotherLoss();
    void evaluateRowIsWhatTheSolverRecorded();
    void batchStepGradientIsThePreviousGradient();
    void stochasticStepGradientIsRecomputed_data();
    void stochasticStepGradientIsRecomputed();
    void costlyReplayKeepsStepGradients();
    void causes();
    void badSpecThrows();
    void logisticRun();
    void withSettingsSwitchesModel();
    void logisticTargetIsChecked();
    void logisticReplay();
};

void TestRun::prepareResolvesOptimalRate()
{
    const auto data = lessonData("nist_norris.csv");
    ProblemSpec spec;
    spec.standardize = true;
    const Run run = gdlab::prepareRun(data, spec, settingsWith(0.01, 200), true);
    QVERIFY(!run.history);
    QVERIFY(!run.isComplete());
    QVERIFY(run.problem);
    QCOMPARE(run.dataset, data);
    const gdlab::StabilityBounds expected = gdlab::computeStability(*run.problem, run.settings.loss);
    QCOMPARE(run.stability.optimalRate, expected.optimalRate);
    QCOMPARE(run.settings.learningRate, expected.optimalRate);
    QVERIFY(std::abs(run.settings.learningRate - 0.5) <= 1e-12); // H = 2·I in z-scored space
    QCOMPARE(run.settings.iterations, 200LL);

    // The loss decides the rate: sse's is n times smaller.
    SolverSettings sse = settingsWith(0.01, 10);
    sse.loss = gdlab::LossKind::Sse;
    const Run sseRun = gdlab::prepareRun(data, spec, sse, true);
    QVERIFY(std::abs(sseRun.settings.learningRate * 36.0 - run.settings.learningRate) <= 1e-12);
}

void TestRun::prepareKeepsRateOtherwise()
{
    const Run run = gdlab::prepareRun(lessonData("five_points.csv"), ProblemSpec {}, settingsWith(0.02, 5));
    QCOMPARE(run.settings.learningRate, 0.02);
    QCOMPARE(run.settings, settingsWith(0.02, 5));
    QVERIFY(!run.history);
    QCOMPARE(run.problem->spec().target, Eigen::Index(1)); // resolved
    QCOMPARE(run.leastSquares.theta, gdlab::fitLeastSquares(*run.problem).theta);
    QCOMPARE(
        run.stability.divergenceBound, gdlab::computeStability(*run.problem, gdlab::LossKind::Mse).divergenceBound);
}

void TestRun::prepareValidates()
{
    const auto data = lessonData("five_points.csv");
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::prepareRun(data, ProblemSpec {}, settingsWith(-1.0, 5)));
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::runDescent(*data, ProblemSpec {}, settingsWith(0.0, 5)));
    SolverSettings wrongStart = settingsWith(0.01, 5);
    wrongStart.init = gdlab::InitKind::Values;
    wrongStart.initValues = { 1.0, 2.0, 3.0 };
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::runDescent(*data, ProblemSpec {}, wrongStart));
}

void TestRun::historyLength_data()
{
    QTest::addColumn<int>("iterations");
    QTest::addColumn<int>("method");
    QTest::addRow("batch 0") << 0 << int(gdlab::DescentMethod::Batch);
    QTest::addRow("batch 1") << 1 << int(gdlab::DescentMethod::Batch);
    QTest::addRow("batch 1000") << 1000 << int(gdlab::DescentMethod::Batch);
    QTest::addRow("sgd 37") << 37 << int(gdlab::DescentMethod::Sgd);
    QTest::addRow("minibatch 12") << 12 << int(gdlab::DescentMethod::MiniBatch);
}

void TestRun::historyLength()
{
    QFETCH(int, iterations);
    QFETCH(int, method);
    SolverSettings settings = settingsWith(0.01, iterations);
    settings.method = gdlab::DescentMethod(method);
    settings.batchSize = 2;
    const Run run = gdlab::runDescent(*lessonData("five_points.csv"), ProblemSpec {}, settings);
    QVERIFY(run.isComplete());
    QCOMPARE(run.outcome->reason, StopReason::MaxIterations);
    QCOMPARE(run.outcome->iterations, static_cast<long long>(iterations));
    QCOMPARE(run.history->size(), static_cast<std::size_t>(iterations) + 1);
    for (std::size_t k = 0; k < run.history->size(); ++k)
        QCOMPARE(run.history->iteration(k), static_cast<long long>(k));
}

void TestRun::withSettingsKeepsTheProblem()
{
    const Run first = gdlab::runDescent(*lessonData("five_points.csv"), ProblemSpec {}, settingsWith(0.01, 5));
    const Run second = gdlab::withSettings(first, settingsWith(0.05, 7));
    QCOMPARE(second.problem, first.problem); // the same object: nothing rebuilt
    QCOMPARE(second.dataset, first.dataset);
    QCOMPARE(second.leastSquares.theta, first.leastSquares.theta);
    QCOMPARE(second.stability.divergenceBound, first.stability.divergenceBound);
    QCOMPARE(second.settings, settingsWith(0.05, 7));
    QVERIFY(!second.history);
    QVERIFY(!second.isComplete());
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::withSettings(first, settingsWith(-0.5, 7)));
}

void TestRun::withSettingsRecomputesBoundsForAnotherLoss()
{
    const Run first = gdlab::prepareRun(lessonData("five_points.csv"), ProblemSpec {}, settingsWith(0.01, 5));
    SolverSettings sse = settingsWith(0.01, 5);
    sse.loss = gdlab::LossKind::Sse;
    const Run second = gdlab::withSettings(first, sse);
    QCOMPARE(second.stability.divergenceBound,
        gdlab::computeStability(*first.problem, gdlab::LossKind::Sse).divergenceBound);
    QVERIFY(std::abs(second.stability.divergenceBound * 5.0 - first.stability.divergenceBound) <= 1e-15);
}

void TestRun::evaluateRowIsWhatTheSolverRecorded()
{
    const Run run = gdlab::runDescent(*lessonData("two_features_n100.csv"), ProblemSpec {}, settingsWith(0.1, 40));
    for (std::size_t row = 0; row < run.history->size(); ++row) {
        const gdlab::LossEvaluation evaluation = run.evaluateRow(row);
        QCOMPARE(evaluation.loss, run.history->loss(row));
        QCOMPARE(evaluation.rmse, run.history->rmse(row));
        QCOMPARE(evaluation.gradient.norm(), run.history->gradientNorm(row));
    }
}

// θ(k+1) = θ(k) − lr·g must hold exactly with the gradient the run reports for that update.
void TestRun::batchStepGradientIsThePreviousGradient()
{
    const SolverSettings settings = settingsWith(0.02, 30);
    const Run run = gdlab::runDescent(*lessonData("two_features_n100.csv"), ProblemSpec {}, settings);
    QCOMPARE(run.stepGradient(0).size(), Eigen::Index(0));
    for (std::size_t row = 1; row < run.history->size(); ++row) {
        const Eigen::VectorXd step = run.stepGradient(row);
        QCOMPARE(step, run.evaluateRow(row - 1).gradient);
        const Eigen::VectorXd expected = run.history->theta(row - 1) - settings.learningRate * step;
        QCOMPARE(Eigen::VectorXd(run.history->theta(row)), expected);
    }
}

void TestRun::stochasticStepGradientIsRecomputed_data()
{
    QTest::addColumn<gdlab::DescentMethod>("method");
    QTest::addColumn<bool>("shuffle");
    QTest::addColumn<bool>("logistic");
    QTest::addColumn<gdlab::OptimizerKind>("optimizer");
    for (const bool logistic : { false, true })
        for (const bool shuffle : { false, true })
            for (const auto kind : { gdlab::OptimizerKind::Gd, gdlab::OptimizerKind::Adam }) {
                const char* model = logistic ? "logistic" : "linear";
                const char* order = shuffle ? "shuffled" : "in order";
                const char* name = gdlab::optimizerName(kind);
                QTest::addRow("sgd %s %s %s", model, order, name)
                    << gdlab::DescentMethod::Sgd << shuffle << logistic << kind;
                QTest::addRow("mini-batch %s %s %s", model, order, name)
                    << gdlab::DescentMethod::MiniBatch << shuffle << logistic << kind;
            }
}

// A history of SGD or mini-batch keeps no step gradients when replaying the sample order is cheap: each one is
// recomputed from θ and the rows the update took, and must be the stored one bit for bit, at every row and in the
// optimizer's replay (whose moments sum every earlier step gradient).
void TestRun::stochasticStepGradientIsRecomputed()
{
    QFETCH(gdlab::DescentMethod, method);
    QFETCH(bool, shuffle);
    QFETCH(bool, logistic);
    QFETCH(gdlab::OptimizerKind, optimizer);
    SolverSettings settings = logistic ? logisticWith(0.5, 23) : settingsWith(0.01, 23);
    settings.method = method;
    settings.batchSize = 2; // five_points and exam_hours cut into batches of 2 and a last, smaller one
    settings.shuffle = shuffle;
    settings.seed = 7;
    settings.optimizer.kind = optimizer;
    const Dataset& data = logistic ? *logisticData("exam_hours.csv") : *lessonData("five_points.csv");
    const Run run = gdlab::runDescent(data, ProblemSpec {}, settings);
    QVERIFY(!run.history->keepsStepGradients());
    gdlab::History stored(run.problem->parameterCount(), true, logistic);
    gdlab::Solver(*run.problem, run.settings).run(stored);
    QCOMPARE(stored.size(), run.history->size());
    Run storing = run;
    storing.history = std::make_shared<const gdlab::History>(stored);
    for (std::size_t row = 1; row < run.history->size(); ++row) {
        QCOMPARE(Eigen::VectorXd(stored.theta(row)), Eigen::VectorXd(run.history->theta(row)));
        QCOMPARE(run.stepGradient(row), Eigen::VectorXd(stored.stepGradient(row)));
        // One sample's gradient is not the full-data gradient at the row before.
        QVERIFY(run.stepGradient(row) != run.evaluateRow(row - 1).gradient);
        const gdlab::OptimizerReplay recomputed = gdlab::replayOptimizer(run, row - 1);
        const gdlab::OptimizerReplay kept = gdlab::replayOptimizer(storing, row - 1);
        QCOMPARE(recomputed.gradient, kept.gradient);
        QCOMPARE(recomputed.secondAfter, kept.secondAfter);
        if (optimizer == gdlab::OptimizerKind::Gd) {
            const Eigen::VectorXd expected
                = run.history->theta(row - 1) - settings.learningRate * run.stepGradient(row);
            QCOMPARE(Eigen::VectorXd(run.history->theta(row)), expected);
        }
    }
}

// Replaying a shuffled order to a late step costs a shuffle per epoch: past SampleWalk::cheapReplayCost row moves the
// history stores each update's gradient instead.
void TestRun::costlyReplayKeepsStepGradients()
{
    const Run run = gdlab::prepareRun(lessonData("five_points.csv"), ProblemSpec {}, settingsWith(0.01, 10));
    SolverSettings settings = settingsWith(0.01, gdlab::SampleWalk::cheapReplayCost);
    settings.method = gdlab::DescentMethod::Sgd;
    QVERIFY(!gdlab::Solver(*run.problem, settings).keepsStepGradients());
    settings.shuffle = true;
    QVERIFY(gdlab::Solver(*run.problem, settings).keepsStepGradients());
    QVERIFY(gdlab::Solver(*run.problem, settings).makeHistory().keepsStepGradients());
    settings.iterations = gdlab::SampleWalk::cheapReplayCost - 10; // just under: one shuffle of 5 rows per 5 updates
    QVERIFY(!gdlab::Solver(*run.problem, settings).keepsStepGradients());
    settings.method = gdlab::DescentMethod::Batch;
    settings.iterations = gdlab::SampleWalk::cheapReplayCost;
    QVERIFY(!gdlab::Solver(*run.problem, settings).keepsStepGradients());
}

void TestRun::causes()
{
    QVERIFY(gdlab::changesProblem(RunCause::NewLesson));
    QVERIFY(gdlab::changesProblem(RunCause::NewData));
    QVERIFY(gdlab::changesProblem(RunCause::EditedPoints));
    QVERIFY(gdlab::changesProblem(RunCause::NewColumns));
    QVERIFY(gdlab::changesProblem(RunCause::NewScaling));
    QVERIFY(gdlab::changesProblem(RunCause::NewModel));
    QVERIFY(!gdlab::changesProblem(RunCause::NewSettings));
    QVERIFY(!gdlab::changesProblem(RunCause::NewStart));
    QVERIFY(!gdlab::changesProblem(RunCause::NewGhosts));
    QCOMPARE(std::string(gdlab::runCauseName(RunCause::EditedPoints)), std::string("edited points"));
    QCOMPARE(std::string(gdlab::runCauseName(RunCause::NewSettings)), std::string("new settings"));
    QCOMPARE(std::string(gdlab::runCauseName(RunCause::NewModel)), std::string("new model"));
}

void TestRun::badSpecThrows()
{
    const auto data = lessonData("five_points.csv");
    ProblemSpec spec;
    spec.target = 7;
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::prepareRun(data, spec, settingsWith(0.01, 5)));
    const auto flat = std::make_shared<const Dataset>(
        Dataset({ "x", "y" }, (Eigen::MatrixXd(3, 2) << 1, 1, 1, 2, 1, 3).finished(), "flat"));
    ProblemSpec constant;
    constant.standardize = true;
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::prepareRun(flat, constant, settingsWith(0.01, 5)));
}

// The prepared logistic run carries what the views need: the optimum (or separability), the bounds of the log loss,
// and evaluations at any θ that are the solver's own, bit for bit.
void TestRun::logisticRun()
{
    Run run = gdlab::prepareRun(logisticData("exam_hours.csv"), ProblemSpec {}, logisticWith(0.5, 200));
    QVERIFY(run.isLogistic());
    QVERIFY(run.logistic && run.logistic->finite && !run.logistic->separable);
    const gdlab::StabilityBounds bounds = gdlab::logisticStability(*run.problem);
    QCOMPARE(run.stability.divergenceBound, bounds.divergenceBound);
    QCOMPARE(run.stability.optimalRate, 0.0);
    // L = λmax(XᵀX)/(4n), XᵀX = [[n, Σx], [Σx, Σx²]].
    const Eigen::MatrixXd gram = run.problem->design().transpose() * run.problem->design();
    const double lambdaMax = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(gram).eigenvalues().maxCoeff();
    QVERIFY(std::abs(run.stability.lambdaMax - lambdaMax / 80.0) <= 1e-14 * run.stability.lambdaMax);
    gdlab::descend(run);
    QCOMPARE(run.outcome->reason, StopReason::MaxIterations);
    for (std::size_t row : { std::size_t(0), std::size_t(17), std::size_t(200) }) {
        const gdlab::LossEvaluation at = run.evaluateRow(row);
        QCOMPARE(at.loss, run.history->loss(row));
        QCOMPARE(at.accuracy, run.history->accuracy(row));
        QCOMPARE(at.gradient.norm(), run.history->gradientNorm(row));
        QVERIFY(std::isnan(at.rmse));
    }
    QCOMPARE(run.evaluate(run.logistic->theta).loss, run.logistic->loss);
    // The optimum the views draw is Newton's, not the least-squares line the linear model would have.
    QCOMPARE(run.optimum(), &run.logistic->theta);
    QCOMPARE(*run.optimumOriginal(), run.logistic->thetaOriginal);
    QVERIFY((*run.optimum() - run.leastSquares.theta).norm() > 0.1);
    // The gradient the update into row 5 used is the full one at row 4.
    QCOMPARE(run.stepGradient(5), run.evaluateRow(4).gradient);
    // A separable set prepares too, with no optimum.
    const auto separable
        = std::make_shared<const Dataset>(gdlab::CsvReader::parse("x,y\n1,0\n2,0\n3,1\n4,1\n", "separable.csv"));
    const Run off = gdlab::prepareRun(separable, ProblemSpec {}, logisticWith(0.5, 10));
    QVERIFY(off.logistic->separable && !off.logistic->finite);
    QVERIFY(off.optimum() == nullptr && off.optimumOriginal() == nullptr);
    const Run linear = gdlab::withSettings(off, SolverSettings {});
    QCOMPARE(linear.optimum(), &linear.leastSquares.theta);
}

void TestRun::withSettingsSwitchesModel()
{
    const Run linear = gdlab::prepareRun(logisticData("exam_hours.csv"), ProblemSpec {}, settingsWith(0.01, 10));
    QVERIFY(!linear.isLogistic() && !linear.logistic);
    const Run logistic = gdlab::withSettings(linear, logisticWith(0.5, 10));
    QVERIFY(logistic.logistic && logistic.logistic->finite);
    QCOMPARE(logistic.stability.divergenceBound, gdlab::logisticStability(*linear.problem).divergenceBound);
    QCOMPARE(logistic.leastSquares.theta, linear.leastSquares.theta);
    const Run back = gdlab::withSettings(logistic, settingsWith(0.02, 10));
    QVERIFY(!back.logistic);
    QCOMPARE(back.stability.divergenceBound, linear.stability.divergenceBound);
    // Another rate keeps the logistic optimum and bounds as they were.
    const Run faster = gdlab::withSettings(logistic, logisticWith(1.0, 10));
    QCOMPARE(faster.logistic->theta, logistic.logistic->theta);
}

// A target that is not a class is named by its cell, whether the run is prepared or switched to the model.
void TestRun::logisticTargetIsChecked()
{
    const auto data = lessonData("five_points.csv");
    try {
        gdlab::prepareRun(data, ProblemSpec {}, logisticWith(0.1, 10));
        QFAIL("five_points.csv has no 0/1 target");
    } catch (const gdlab::InputError& error) {
        QVERIFY2(error.line() == 3 && error.column() == 2, error.what()); // y = 1, then 3
        QVERIFY2(QString(error.what()).contains("is not 0 or 1"), error.what());
    }
    const Run linear = gdlab::prepareRun(data, ProblemSpec {}, settingsWith(0.01, 10));
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::withSettings(linear, logisticWith(0.1, 10)));
}

// The update panel's replay of a logistic Newton update: the gradient and the step at the row's θ.
void TestRun::logisticReplay()
{
    SolverSettings settings = logisticWith(1.0, 5);
    settings.optimizer.kind = gdlab::OptimizerKind::Newton;
    const Run run = gdlab::runDescent(*logisticData("exam_hours.csv"), ProblemSpec {}, settings);
    const gdlab::OptimizerReplay replay = gdlab::replayOptimizer(run, 2);
    QCOMPARE(replay.t, 3LL);
    QCOMPARE(replay.gradient, run.evaluateRow(2).gradient);
    const Eigen::VectorXd moved = Eigen::VectorXd(run.history->theta(2)) - Eigen::VectorXd(run.history->theta(3));
    QVERIFY((replay.newtonStep - moved).norm() <= 1e-15 * moved.norm() + 1e-300);
}

} // namespace tst_run

QTEST_APPLESS_MAIN(tst_run::TestRun)
#include "tst_run.moc"
