#include "csv_reader.h"
#include "dataset.h"
#include "history.h"
#include "input_error.h"
#include "logistic_fit.h"
#include "logistic_loss.h"
#include "loss_function.h"
#include "problem.h"
#include "solver.h"
#include "stability.h"
#include "support/recorded_run.h"
#include "support/test_metatypes.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace tst_solver {

using gdlab::Dataset;
using gdlab::DescentMethod;
using gdlab::InitKind;
using gdlab::LossKind;
using gdlab::ModelKind;
using gdlab::OptimizerKind;
using gdlab::Problem;
using gdlab::ProblemSpec;
using gdlab::RunResult;
using gdlab::Solver;
using gdlab::SolverSettings;
using gdlab::StopReason;
using gdlab::test::State;

namespace {

Dataset lessonData(const char* fileName)
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + fileName);
}

bool closeRelative(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::abs(expected);
}

// Component-wise relative closeness.
bool closeRelative(const Eigen::VectorXd& actual, const Eigen::VectorXd& expected, double tolerance)
{
    if (actual.size() != expected.size())
        return false;
    for (Eigen::Index i = 0; i < actual.size(); ++i)
        if (!closeRelative(actual[i], expected[i], tolerance))
            return false;
    return true;
}

QByteArray describe(const Eigen::VectorXd& actual, const Eigen::VectorXd& expected)
{
    QString text;
    for (Eigen::Index i = 0; i < std::max(actual.size(), expected.size()); ++i)
        text += QStringLiteral("[%1] %2 vs %3\n")
                    .arg(i)
                    .arg(i < actual.size() ? actual[i] : std::nan(""), 0, 'g', 17)
                    .arg(i < expected.size() ? expected[i] : std::nan(""), 0, 'g', 17);
    return text.toUtf8();
}

struct Recorded {
    std::vector<State> history;
    RunResult result;
};

// A history that stores the gradient each SGD or mini-batch update used (Solver::makeHistory() stores it only when
// recomputing it would be slow): what the tests check the updates against.
gdlab::History storingHistory(const Problem& problem, const SolverSettings& settings)
{
    return gdlab::History(problem.parameterCount(), settings.method != DescentMethod::Batch,
        settings.model == gdlab::ModelKind::Logistic);
}

Recorded runSolver(const Problem& problem, const SolverSettings& settings)
{
    gdlab::History history = storingHistory(problem, settings);
    Recorded recorded;
    const Solver solver(problem, settings);
    recorded.result = solver.run(history);
    recorded.history = gdlab::test::statesOf(history, problem, settings.loss);
    return recorded;
}

SolverSettings fivePointsSettings(long long iterations)
{
    SolverSettings settings;
    settings.loss = LossKind::Mse;
    settings.learningRate = 0.01;
    settings.iterations = iterations;
    settings.init = InitKind::Values;
    settings.initValues = { 0.75, 0.48 };
    return settings;
}

// Ten rows with distinct values, so that every row has its own gradient.
Dataset tenRows()
{
    Eigen::MatrixXd values(10, 3);
    for (Eigen::Index r = 0; r < 10; ++r) {
        const double x1 = 0.3 * double(r) - 1.0;
        const double x2 = std::sin(1.7 * double(r) + 0.2);
        values.row(r) << x1, x2, 1.0 + 2.0 * x1 - 0.5 * x2 + 0.1 * std::cos(double(r * r));
    }
    return Dataset({ "x1", "x2", "y" }, values, "ten_rows");
}

Dataset logisticData(const char* fileName)
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_TEST_DATA_DIR) + "/logistic/" + fileName);
}

SolverSettings logisticSettings(double learningRate, long long iterations)
{
    SolverSettings settings;
    settings.model = ModelKind::Logistic;
    settings.learningRate = learningRate;
    settings.iterations = iterations;
    return settings;
}

// The full-data gradient of the mean log loss, row by row with the standard library.
Eigen::VectorXd plainLogisticGradient(const Problem& problem, const Eigen::VectorXd& theta, Eigen::Index first,
    Eigen::Index count, double* loss = nullptr)
{
    const Eigen::MatrixXd& x = problem.design();
    const Eigen::VectorXd& y = problem.target();
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(theta.size());
    double total = 0;
    for (Eigen::Index row = first; row < first + count; ++row) {
        const double z = x.row(row).dot(theta);
        total += std::log1p(std::exp(z)) - y[row] * z;
        sum += (1.0 / (1.0 + std::exp(-z)) - y[row]) * x.row(row).transpose();
    }
    if (loss)
        *loss = total / double(count);
    return sum / double(count);
}

bool sameHistories(const std::vector<State>& a, const std::vector<State>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].theta != b[i].theta || a[i].loss != b[i].loss || a[i].epoch != b[i].epoch)
            return false;
    return true;
}

} // namespace

class TestSolver : public QObject {
    Q_OBJECT

private slots:
    void fivePointsPublished();
    void firstRowIsTheStart();
    void batchMatchesDirectLoop_data();
    void batchMatchesDirectLoop();
    void stochasticFileOrderMatchesLoop_data();
    void stochasticFileOrderMatchesLoop();
    void shuffleIsSeeded();
    void shuffledEpochVisitsEveryRowOnce();
    void epochCounting_data();
    void epochCounting();
    void lastMiniBatchIsSmaller();
    void randomInitIsReproducible();
    void divergence_data();
    void divergence();
    void overflowKeepsOnlyFiniteStates();
    void toleranceConverges();
    void toleranceAtTheStart();
    void zeroIterations();
    void cancellingChunkCallback();
    void retainLastInTheCallbackKeepsTheRun();
    void logisticBatchMatchesDirectLoop();
    void logisticStochasticMatchesLoop_data();
    void logisticStochasticMatchesLoop();
    void logisticEveryOptimizer_data();
    void logisticEveryOptimizer();
    void logisticNewtonIsTheReferenceSteps();
    void logisticSeparableRunsOff();
    void logisticDiverges();
    void logisticValidation();
    void validateRejects_data();
    void validateRejects();
    void validateAccepts();
    void stopReasonNames();
};

void TestSolver::fivePointsPublished()
{
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    const Recorded run = runSolver(problem, fivePointsSettings(10));
    QCOMPARE(run.result.reason, StopReason::MaxIterations);
    QCOMPARE(run.result.iterations, 10LL);
    QCOMPARE(run.history.size(), std::size_t(11));
    QVERIFY2(closeRelative(run.history[1].theta, Eigen::Vector2d(0.7662, 0.5414), 1e-12),
        describe(run.history[1].theta, Eigen::Vector2d(0.7662, 0.5414)).constData());
    const Eigen::Vector2d published(0.8094368934859253, 0.7232754423544987);
    QVERIFY2(
        closeRelative(run.history[10].theta, published, 1e-12), describe(run.history[10].theta, published).constData());
    for (std::size_t i = 0; i < run.history.size(); ++i) {
        QCOMPARE(run.history[i].iteration, static_cast<long long>(i));
        QCOMPARE(run.history[i].epoch, static_cast<long long>(i)); // batch: one update per pass
    }
}

void TestSolver::firstRowIsTheStart()
{
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    const Recorded run = runSolver(problem, fivePointsSettings(3));
    const State& first = run.history.front();
    QCOMPARE(first.iteration, 0LL);
    QCOMPARE(first.epoch, 0LL);
    QCOMPARE(first.theta, Eigen::Vector2d(0.75, 0.48).eval());
    QCOMPARE(first.stepGradient.size(), Eigen::Index(0));
    const gdlab::LossEvaluation expected = gdlab::LossFunction(problem, LossKind::Mse).evaluateDirect(first.theta);
    QVERIFY(closeRelative(first.loss, expected.loss, 1e-12));
    QVERIFY(closeRelative(first.rmse, expected.rmse, 1e-12));
    QVERIFY(closeRelative(first.gradient, expected.gradient, 1e-12));
    QVERIFY(closeRelative(first.gradientNorm, expected.gradient.norm(), 1e-12));
    // Every later row says which gradient made it: θk = θk−1 − lr·stepGradient.
    for (std::size_t k = 1; k < run.history.size(); ++k)
        QVERIFY(
            closeRelative(run.history[k].theta, run.history[k - 1].theta - 0.01 * run.history[k].stepGradient, 1e-15));
}

void TestSolver::batchMatchesDirectLoop_data()
{
    QTest::addColumn<LossKind>("loss");
    QTest::addColumn<double>("learningRate");
    QTest::addRow("mse") << LossKind::Mse << 0.1;
    QTest::addRow("half-mse") << LossKind::HalfMse << 0.2;
    QTest::addRow("sse") << LossKind::Sse << 0.001;
}

void TestSolver::batchMatchesDirectLoop()
{
    QFETCH(LossKind, loss);
    QFETCH(double, learningRate);
    const Dataset data = lessonData("two_features_n100.csv");
    const Problem problem(data, ProblemSpec {});
    const Eigen::MatrixXd& x = problem.design();
    const Eigen::VectorXd& y = problem.target();
    const double n = double(problem.sampleCount());
    const double gradientFactor = loss == LossKind::Mse ? 2.0 / n : loss == LossKind::HalfMse ? 1.0 / n : 2.0;
    const double lossFactor = loss == LossKind::Mse ? 1.0 / n : loss == LossKind::HalfMse ? 0.5 / n : 1.0;

    SolverSettings settings;
    settings.loss = loss;
    settings.learningRate = learningRate;
    settings.iterations = 1000;
    settings.init = InitKind::Values;
    settings.initValues = { -1.0, 0.5, 2.0 };
    const Recorded run = runSolver(problem, settings);
    QCOMPARE(run.result.reason, StopReason::MaxIterations);
    QCOMPARE(run.history.size(), std::size_t(1001));

    Eigen::VectorXd theta = Eigen::Vector3d(-1.0, 0.5, 2.0);
    double startGradientNorm = 0;
    for (std::size_t k = 0; k < run.history.size(); ++k) {
        const Eigen::VectorXd residual = x * theta - y;
        const Eigen::VectorXd gradient = gradientFactor * (x.transpose() * residual);
        const State& state = run.history[k];
        QVERIFY2(closeRelative(state.theta, theta, 1e-10),
            qPrintable(QStringLiteral("iteration %1\n").arg(k) + describe(state.theta, theta)));
        QVERIFY2(closeRelative(state.loss, lossFactor * residual.squaredNorm(), 1e-10), qPrintable(QString::number(k)));
        QVERIFY(closeRelative(state.rmse, std::sqrt(residual.squaredNorm() / n), 1e-10));
        // The gradient shrinks towards 0 while Gθ − c keeps an absolute rounding error of the size of its
        // terms, so near the optimum compare it against a thousandth of its size at the start.
        if (k == 0)
            startGradientNorm = gradient.norm();
        QVERIFY2((state.gradient - gradient).norm() <= 1e-10 * std::max(gradient.norm(), 1e-3 * startGradientNorm),
            qPrintable(QStringLiteral("iteration %1\n").arg(k) + describe(state.gradient, gradient)));
        theta -= learningRate * gradient;
    }
}

void TestSolver::stochasticFileOrderMatchesLoop_data()
{
    QTest::addColumn<LossKind>("loss");
    QTest::addColumn<int>("method"); // DescentMethod
    QTest::addColumn<int>("batchSize");
    QTest::addRow("sgd mse") << LossKind::Mse << int(DescentMethod::Sgd) << 1;
    QTest::addRow("sgd half-mse") << LossKind::HalfMse << int(DescentMethod::Sgd) << 1;
    QTest::addRow("sgd sse") << LossKind::Sse << int(DescentMethod::Sgd) << 1;
    QTest::addRow("minibatch 3 mse") << LossKind::Mse << int(DescentMethod::MiniBatch) << 3;
    QTest::addRow("minibatch 4 half-mse") << LossKind::HalfMse << int(DescentMethod::MiniBatch) << 4;
    QTest::addRow("minibatch 4 sse") << LossKind::Sse << int(DescentMethod::MiniBatch) << 4;
    QTest::addRow("minibatch of all rows") << LossKind::Mse << int(DescentMethod::MiniBatch) << 10;
    QTest::addRow("minibatch larger than the data") << LossKind::Mse << int(DescentMethod::MiniBatch) << 64;
}

void TestSolver::stochasticFileOrderMatchesLoop()
{
    QFETCH(LossKind, loss);
    QFETCH(int, method);
    QFETCH(int, batchSize);
    const Dataset data = tenRows();
    const Problem problem(data, ProblemSpec {});
    const Eigen::MatrixXd& x = problem.design();
    const Eigen::VectorXd& y = problem.target();
    const Eigen::Index rows = problem.sampleCount();

    SolverSettings settings;
    settings.loss = loss;
    settings.method = DescentMethod(method);
    settings.batchSize = batchSize;
    settings.learningRate = 0.01;
    settings.iterations = 200;
    const Recorded run = runSolver(problem, settings);
    QCOMPARE(run.history.size(), std::size_t(201));

    const Eigen::Index size = std::min<Eigen::Index>(batchSize, rows);
    Eigen::VectorXd theta = Eigen::VectorXd::Zero(3);
    Eigen::Index position = 0;
    for (std::size_t k = 1; k < run.history.size(); ++k) {
        const Eigen::Index count = std::min(size, rows - position);
        Eigen::VectorXd sum = Eigen::VectorXd::Zero(3);
        for (Eigen::Index row = position; row < position + count; ++row) {
            const double residual = x.row(row).dot(theta) - y[row];
            sum.noalias() += residual * x.row(row).transpose();
        }
        const double weight = loss == LossKind::Mse ? 1.0 / double(count)
            : loss == LossKind::HalfMse             ? 0.5 / double(count)
                                                    : 1.0;
        theta.noalias() -= 0.01 * ((2.0 * weight) * sum);
        position = (position + count) % rows;
        // Same operations in the same order: the same doubles.
        QVERIFY2(run.history[k].theta == theta,
            qPrintable(QStringLiteral("update %1\n").arg(k) + describe(run.history[k].theta, theta)));
    }
}

void TestSolver::shuffleIsSeeded()
{
    const Dataset data = tenRows();
    const Problem problem(data, ProblemSpec {});
    for (const DescentMethod method : { DescentMethod::Sgd, DescentMethod::MiniBatch }) {
        SolverSettings settings;
        settings.method = method;
        settings.batchSize = 3;
        settings.shuffle = true;
        settings.seed = 2024;
        settings.learningRate = 0.02;
        settings.iterations = 100;
        const Recorded first = runSolver(problem, settings);
        const Recorded again = runSolver(problem, settings);
        QVERIFY(sameHistories(first.history, again.history));
        settings.seed = 2025;
        const Recorded otherSeed = runSolver(problem, settings);
        QVERIFY(!sameHistories(first.history, otherSeed.history));
        settings.shuffle = false;
        settings.seed = 2024;
        const Recorded fileOrder = runSolver(problem, settings);
        QVERIFY(!sameHistories(first.history, fileOrder.history));
        // Without shuffling the seed plays no part.
        settings.seed = 99;
        QVERIFY(sameHistories(fileOrder.history, runSolver(problem, settings).history));
    }
}

void TestSolver::shuffledEpochVisitsEveryRowOnce()
{
    const Dataset data = tenRows();
    const Problem problem(data, ProblemSpec {});
    const Eigen::MatrixXd& x = problem.design();
    const Eigen::VectorXd& y = problem.target();
    SolverSettings settings;
    settings.method = DescentMethod::Sgd;
    settings.shuffle = true;
    settings.seed = 7;
    settings.learningRate = 0.01;
    settings.iterations = 30; // three epochs
    const Recorded run = runSolver(problem, settings);
    QCOMPARE(run.history.size(), std::size_t(31));

    std::vector<std::vector<Eigen::Index>> orders(3);
    for (std::size_t k = 1; k < run.history.size(); ++k) {
        const Eigen::VectorXd& previous = run.history[k - 1].theta;
        Eigen::Index used = -1;
        for (Eigen::Index row = 0; row < 10; ++row) {
            const Eigen::VectorXd gradient = 2.0 * (x.row(row).dot(previous) - y[row]) * x.row(row).transpose();
            if ((gradient - run.history[k].stepGradient).norm() <= 1e-12 * gradient.norm())
                used = row;
        }
        QVERIFY2(used >= 0, qPrintable(QStringLiteral("update %1 matches no single row").arg(k)));
        orders[(k - 1) / 10].push_back(used);
    }
    std::vector<Eigen::Index> identity(10);
    std::iota(identity.begin(), identity.end(), Eigen::Index { 0 });
    for (const auto& order : orders) {
        QCOMPARE(std::set<Eigen::Index>(order.begin(), order.end()).size(), std::size_t(10));
        QVERIFY(order != identity); // shuffled (10! orders: this one being the identity would be a bug)
    }
    QVERIFY(orders[0] != orders[1]); // reshuffled every epoch
}

void TestSolver::epochCounting_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<int>("updatesPerEpoch");
    QTest::addRow("batch") << int(DescentMethod::Batch) << 32 << 1;
    QTest::addRow("sgd") << int(DescentMethod::Sgd) << 1 << 10;
    QTest::addRow("minibatch 3 (3+3+3+1)") << int(DescentMethod::MiniBatch) << 3 << 4;
    QTest::addRow("minibatch 5") << int(DescentMethod::MiniBatch) << 5 << 2;
    QTest::addRow("minibatch 10") << int(DescentMethod::MiniBatch) << 10 << 1;
}

void TestSolver::epochCounting()
{
    QFETCH(int, method);
    QFETCH(int, batchSize);
    QFETCH(int, updatesPerEpoch);
    const Dataset data = tenRows();
    const Problem problem(data, ProblemSpec {});
    SolverSettings settings;
    settings.method = DescentMethod(method);
    settings.batchSize = batchSize;
    settings.learningRate = 0.01;
    settings.iterations = 37;
    const Recorded run = runSolver(problem, settings);
    QCOMPARE(run.history.size(), std::size_t(38));
    for (const State& state : run.history)
        QCOMPARE(state.epoch, state.iteration / updatesPerEpoch);
}

void TestSolver::lastMiniBatchIsSmaller()
{
    const Dataset data = tenRows();
    const Problem problem(data, ProblemSpec {});
    const Eigen::MatrixXd& x = problem.design();
    const Eigen::VectorXd& y = problem.target();
    SolverSettings settings;
    settings.method = DescentMethod::MiniBatch;
    settings.batchSize = 4; // 4 + 4 + 2
    settings.learningRate = 0.05;
    settings.iterations = 6;
    const Recorded run = runSolver(problem, settings);
    const auto batchGradient = [&](const Eigen::VectorXd& theta, Eigen::Index first, Eigen::Index count) {
        Eigen::VectorXd sum = Eigen::VectorXd::Zero(3);
        for (Eigen::Index row = first; row < first + count; ++row)
            sum += (x.row(row).dot(theta) - y[row]) * x.row(row).transpose();
        return Eigen::VectorXd((2.0 / double(count)) * sum);
    };
    const std::vector<std::pair<Eigen::Index, Eigen::Index>> batches { { 0, 4 }, { 4, 4 }, { 8, 2 }, { 0, 4 }, { 4, 4 },
        { 8, 2 } };
    for (std::size_t k = 1; k <= batches.size(); ++k) {
        const Eigen::VectorXd expected
            = batchGradient(run.history[k - 1].theta, batches[k - 1].first, batches[k - 1].second);
        QVERIFY2(closeRelative(run.history[k].stepGradient, expected, 1e-13),
            qPrintable(QStringLiteral("update %1\n").arg(k) + describe(run.history[k].stepGradient, expected)));
    }
    QCOMPARE(run.history[2].epoch, 0LL);
    QCOMPARE(run.history[3].epoch, 1LL);
    QCOMPARE(run.history[6].epoch, 2LL);
}

void TestSolver::randomInitIsReproducible()
{
    const Dataset data = lessonData("two_features_n50.csv");
    const Problem problem(data, ProblemSpec {});
    SolverSettings settings;
    settings.init = InitKind::Random;
    settings.seed = 42;
    settings.iterations = 5;
    const Eigen::VectorXd first = Solver(problem, settings).initialTheta();
    QCOMPARE(first.size(), Eigen::Index(3));
    QVERIFY(first.allFinite());
    QVERIFY(first.cwiseAbs().maxCoeff() < 8.0); // standard normal values
    QVERIFY(first.cwiseAbs().minCoeff() > 0.0);
    QCOMPARE(Solver(problem, settings).initialTheta(), first);
    const Recorded run = runSolver(problem, settings);
    QCOMPARE(run.history.front().theta, first);
    QVERIFY(sameHistories(run.history, runSolver(problem, settings).history));

    settings.seed = 43;
    QVERIFY(Solver(problem, settings).initialTheta() != first);

    // Many draws look standard normal: mean near 0, variance near 1.
    const Problem wide(
        Dataset(std::vector<std::string>(101, "c"), Eigen::MatrixXd::Random(200, 101), "wide"), ProblemSpec {});
    settings.seed = 5;
    const Eigen::VectorXd draws = Solver(wide, settings).initialTheta();
    QCOMPARE(draws.size(), Eigen::Index(101));
    QVERIFY(std::abs(draws.mean()) < 0.4);
    const double variance = (draws.array() - draws.mean()).square().mean();
    QVERIFY2(variance > 0.6 && variance < 1.5, qPrintable(QString::number(variance)));

    settings.init = InitKind::Zeros;
    QCOMPARE(Solver(problem, settings).initialTheta(), Eigen::VectorXd::Zero(3).eval());
}

void TestSolver::divergence_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<LossKind>("loss");
    QTest::addColumn<double>("factor"); // learning rate = factor · 2/λmax
    QTest::addColumn<bool>("diverges");
    for (const char* fileName : { "five_points.csv", "nist_norris.csv" }) {
        for (const LossKind loss : { LossKind::Mse, LossKind::HalfMse, LossKind::Sse }) {
            const char* name = gdlab::lossName(loss);
            QTest::addRow("%s %s 1.05 x bound", fileName, name) << fileName << loss << 1.05 << true;
            QTest::addRow("%s %s 1.5 x bound", fileName, name) << fileName << loss << 1.5 << true;
            QTest::addRow("%s %s 0.95 x bound", fileName, name) << fileName << loss << 0.95 << false;
            QTest::addRow("%s %s 0.5 x bound", fileName, name) << fileName << loss << 0.5 << false;
        }
    }
}

void TestSolver::divergence()
{
    QFETCH(QString, fileName);
    QFETCH(LossKind, loss);
    QFETCH(double, factor);
    QFETCH(bool, diverges);
    const Dataset data = lessonData(qPrintable(fileName));
    const Problem problem(data, ProblemSpec {});
    QCOMPARE(problem.parameterCount(), Eigen::Index(2));
    // λmax of H = 2w·G, computed here from the 2 x 2 closed form, not by the code under test.
    const Eigen::MatrixXd& g = problem.gram();
    const double trace = g(0, 0) + g(1, 1);
    const double determinant = g(0, 0) * g(1, 1) - g(0, 1) * g(1, 0);
    const double lambdaMaxG = 0.5 * (trace + std::sqrt(trace * trace - 4.0 * determinant));
    const double n = double(problem.sampleCount());
    const double scale = loss == LossKind::Mse ? 2.0 / n : loss == LossKind::HalfMse ? 1.0 / n : 2.0;
    const double bound = 2.0 / (scale * lambdaMaxG);

    SolverSettings settings = fivePointsSettings(4000);
    settings.loss = loss;
    settings.learningRate = factor * bound;
    const Recorded run = runSolver(problem, settings);
    if (diverges) {
        QCOMPARE(run.result.reason, StopReason::Diverged);
        QVERIFY(run.result.iterations < 4000);
    } else {
        QCOMPARE(run.result.reason, StopReason::MaxIterations);
        QCOMPARE(run.result.iterations, 4000LL);
        QVERIFY(run.history.back().loss <= run.history.front().loss);
        // five_points is well enough conditioned to arrive; Norris's slow mode needs far more steps.
        if (fileName == "five_points.csv")
            QVERIFY2(closeRelative(run.history.back().theta, Eigen::Vector2d(0.6, 0.8), 1e-9),
                describe(run.history.back().theta, Eigen::Vector2d(0.6, 0.8)).constData());
    }
    QCOMPARE(static_cast<long long>(run.history.size()), run.result.iterations + 1);
    for (const State& state : run.history) {
        QVERIFY(state.theta.allFinite());
        QVERIFY(std::isfinite(state.loss));
        QVERIFY(std::isfinite(state.rmse));
        QVERIFY(std::isfinite(state.gradientNorm));
    }
    if (diverges) {
        // It stopped because the loss blew up: past 1e12·(initial loss + 1), growing in the end.
        QVERIFY(run.history.back().loss > 1e12 * (run.history.front().loss + 1.0));
        const std::size_t last = run.history.size() - 1;
        QVERIFY(run.history[last].loss > run.history[last - 1].loss);
    }
}

void TestSolver::overflowKeepsOnlyFiniteStates()
{
    // A rate so large that the first update overflows the loss: the history is only the finite start.
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    SolverSettings settings = fivePointsSettings(100);
    settings.learningRate = 1e300;
    const Recorded run = runSolver(problem, settings);
    QCOMPARE(run.result.reason, StopReason::Diverged);
    QCOMPARE(run.result.iterations, 0LL);
    QCOMPARE(run.history.size(), std::size_t(1));
    QVERIFY(std::isfinite(run.history.front().loss));

    settings.learningRate = 1e150; // θ finite but the loss overflows after a few steps
    const Recorded later = runSolver(problem, settings);
    QCOMPARE(later.result.reason, StopReason::Diverged);
    QCOMPARE(static_cast<long long>(later.history.size()), later.result.iterations + 1);
    for (const State& state : later.history)
        QVERIFY(state.theta.allFinite() && std::isfinite(state.loss) && state.gradient.allFinite());
}

void TestSolver::toleranceConverges()
{
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    SolverSettings settings = fivePointsSettings(100000);
    settings.learningRate = 0.05;
    settings.tolerance = 1e-8;
    const Recorded run = runSolver(problem, settings);
    QCOMPARE(run.result.reason, StopReason::Converged);
    QVERIFY(run.result.iterations < 100000);
    QCOMPARE(static_cast<long long>(run.history.size()), run.result.iterations + 1);
    QVERIFY(run.history.back().gradientNorm <= 1e-8);
    // It stopped at the first state within the tolerance, not later.
    for (std::size_t k = 0; k + 1 < run.history.size(); ++k)
        QVERIFY(run.history[k].gradientNorm > 1e-8);
    QVERIFY(closeRelative(run.history.back().theta, Eigen::Vector2d(0.6, 0.8), 1e-7));
}

void TestSolver::toleranceAtTheStart()
{
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    SolverSettings settings = fivePointsSettings(50);
    settings.initValues = { 0.6, 0.8 };
    settings.tolerance = 1e-6;
    const Recorded run = runSolver(problem, settings);
    QCOMPARE(run.result.reason, StopReason::Converged);
    QCOMPARE(run.result.iterations, 0LL);
    QCOMPARE(run.history.size(), std::size_t(1));
}

void TestSolver::zeroIterations()
{
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    const Recorded run = runSolver(problem, fivePointsSettings(0));
    QCOMPARE(run.result.reason, StopReason::MaxIterations);
    QCOMPARE(run.result.iterations, 0LL);
    QCOMPARE(run.history.size(), std::size_t(1));
}

void TestSolver::cancellingChunkCallback()
{
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    const Solver solver(problem, fivePointsSettings(1000));

    // Chunks of 4 rows: the callback sees rows 0–3, then 4–7, and stops the run there.
    std::vector<std::size_t> sizes;
    gdlab::History history = solver.makeHistory();
    const RunResult result = solver.run(
        history,
        [&sizes](gdlab::History& seen) {
            sizes.push_back(seen.size());
            return seen.size() < 8;
        },
        4);
    QCOMPARE(result.reason, StopReason::Cancelled);
    QCOMPARE(result.iterations, 7LL);
    QCOMPARE(sizes, (std::vector<std::size_t> { 4, 8 }));
    QCOMPARE(history.size(), std::size_t(8));

    int calls = 0;
    gdlab::History start = solver.makeHistory();
    const RunResult atStart = solver.run(
        start,
        [&calls](gdlab::History&) {
            ++calls;
            return false;
        },
        1);
    QCOMPARE(atStart.reason, StopReason::Cancelled);
    QCOMPARE(atStart.iterations, 0LL);
    QCOMPARE(calls, 1);
    QCOMPARE(start.size(), std::size_t(1));
}

// Streaming to a file keeps O(k) rows: a callback that drops what it has handed on leaves the run unchanged.
void TestSolver::retainLastInTheCallbackKeepsTheRun()
{
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    const Solver solver(problem, fivePointsSettings(1000));
    const gdlab::History whole = solver.run();
    gdlab::History streamed = solver.makeHistory();
    std::vector<double> losses;
    std::size_t handedOn = 0;
    const RunResult result = solver.run(
        streamed,
        [&](gdlab::History& chunk) {
            for (std::size_t row = handedOn; row < chunk.size(); ++row)
                losses.push_back(chunk.loss(row));
            chunk.retainLast();
            handedOn = 1;
            return true;
        },
        64);
    for (std::size_t row = handedOn; row < streamed.size(); ++row)
        losses.push_back(streamed.loss(row));
    QCOMPARE(result.iterations, 1000LL);
    QVERIFY(streamed.size() <= 65);
    QCOMPARE(streamed.firstIteration() + static_cast<long long>(streamed.size()) - 1, 1000LL);
    QCOMPARE(losses, std::vector<double>(whole.lossData(), whole.lossData() + whole.size()));
    QCOMPARE(Eigen::VectorXd(streamed.theta(streamed.size() - 1)), Eigen::VectorXd(whole.theta(1000)));
}

// Batch gradient descent on the log loss against a plain loop: θ ← θ − lr·(1/n)·Xᵀ(σ(Xθ) − y).
void TestSolver::logisticBatchMatchesDirectLoop()
{
    const Dataset data = logisticData("exam_hours.csv");
    const Problem problem(data, ProblemSpec {});
    const Solver solver(problem, logisticSettings(0.5, 400));
    RunResult result;
    const gdlab::History history = solver.run(&result);
    QCOMPARE(result.reason, StopReason::MaxIterations);
    QCOMPARE(history.size(), std::size_t(401));
    QVERIFY(history.keepsAccuracy());
    Eigen::VectorXd theta = Eigen::Vector2d::Zero();
    for (std::size_t k = 0; k < history.size(); ++k) {
        double loss = 0;
        const Eigen::VectorXd gradient = plainLogisticGradient(problem, theta, 0, problem.sampleCount(), &loss);
        QVERIFY2(closeRelative(Eigen::VectorXd(history.theta(k)), theta, 1e-12),
            qPrintable(QStringLiteral("iteration %1\n").arg(k) + describe(history.theta(k), theta)));
        QVERIFY2(closeRelative(history.loss(k), loss, 1e-13), qPrintable(QString::number(k)));
        QVERIFY(closeRelative(history.gradientNorm(k), gradient.norm(), 1e-10));
        QVERIFY(std::isnan(history.rmse(k)));
        const Eigen::ArrayXd z = problem.design() * theta;
        const double right = ((z >= 0.0) == (problem.target().array() == 1.0)).cast<double>().mean();
        QCOMPARE(history.accuracy(k), right);
        QCOMPARE(history.epoch(k), (long long)k);
        theta -= 0.5 * gradient;
    }
    QCOMPARE(history.accuracy(0), 0.5); // θ = 0 predicts class 1 for every row, and half the students passed
}

void TestSolver::logisticStochasticMatchesLoop_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("batchSize");
    QTest::addRow("sgd") << int(DescentMethod::Sgd) << 1;
    QTest::addRow("minibatch 3") << int(DescentMethod::MiniBatch) << 3;
    QTest::addRow("minibatch of all rows") << int(DescentMethod::MiniBatch) << 20;
}

// SGD and mini-batch in file order: each update uses the batch's mean gradient; each state is evaluated on every row.
void TestSolver::logisticStochasticMatchesLoop()
{
    QFETCH(int, method);
    QFETCH(int, batchSize);
    const Dataset data = logisticData("exam_hours.csv");
    const Problem problem(data, ProblemSpec {});
    SolverSettings settings = logisticSettings(0.05, 300);
    settings.method = DescentMethod(method);
    settings.batchSize = batchSize;
    gdlab::History history = storingHistory(problem, settings);
    QCOMPARE(Solver(problem, settings).run(history).reason, StopReason::MaxIterations);
    QCOMPARE(history.size(), std::size_t(301));
    QVERIFY(history.keepsStepGradients() && history.keepsAccuracy());
    const Eigen::Index rows = problem.sampleCount();
    Eigen::VectorXd theta = Eigen::Vector2d::Zero();
    Eigen::Index position = 0;
    long long epoch = 0;
    for (std::size_t k = 1; k < history.size(); ++k) {
        const Eigen::Index count = std::min<Eigen::Index>(batchSize, rows - position);
        const Eigen::VectorXd step = plainLogisticGradient(problem, theta, position, count);
        theta -= 0.05 * step;
        position += count;
        if (position == rows) {
            position = 0;
            ++epoch;
        }
        QVERIFY2(closeRelative(Eigen::VectorXd(history.theta(k)), theta, 1e-12),
            qPrintable(QStringLiteral("update %1\n").arg(k) + describe(history.theta(k), theta)));
        QVERIFY(closeRelative(Eigen::VectorXd(history.stepGradient(k)), step, 1e-12));
        QCOMPARE(history.epoch(k), epoch);
        double loss = 0;
        plainLogisticGradient(problem, theta, 0, rows, &loss);
        QVERIFY(closeRelative(history.loss(k), loss, 1e-12));
    }
}

void TestSolver::logisticEveryOptimizer_data()
{
    QTest::addColumn<int>("optimizer");
    QTest::addColumn<int>("method");
    QTest::addColumn<double>("learningRate");
    QTest::addColumn<double>("closeTo"); // batch: |θ − θ*| ≤ this; stochastic: loss − L* ≤ this
    // Rates for batch and for SGD and mini-batch (RMSProp's steps are about lr whatever the gradient, so it needs a
    // small one to settle).
    const struct {
        OptimizerKind kind;
        double batch;
        double stochastic;
    } rates[] = { { OptimizerKind::Gd, 2.0, 0.2 }, { OptimizerKind::Momentum, 0.5, 0.05 },
        { OptimizerKind::Nesterov, 0.5, 0.05 }, { OptimizerKind::AdaGrad, 1.0, 0.1 },
        { OptimizerKind::RmsProp, 0.001, 0.001 }, { OptimizerKind::Adam, 0.05, 0.005 },
        { OptimizerKind::Newton, 1.0, 0 } };
    for (const auto& rate : rates)
        for (const DescentMethod method : { DescentMethod::Batch, DescentMethod::Sgd, DescentMethod::MiniBatch }) {
            if (rate.kind == OptimizerKind::Newton && method != DescentMethod::Batch)
                continue;
            const bool batch = method == DescentMethod::Batch;
            QTest::addRow("%s %s", gdlab::optimizerName(rate.kind), gdlab::methodName(method))
                << int(rate.kind) << int(method) << (batch ? rate.batch : rate.stochastic) << (batch ? 1e-3 : 0.02);
        }
}

// Every optimizer and method on the standardized exam data: batch descent ends near Newton's optimum, SGD and
// mini-batch near its loss.
void TestSolver::logisticEveryOptimizer()
{
    QFETCH(int, optimizer);
    QFETCH(int, method);
    QFETCH(double, learningRate);
    QFETCH(double, closeTo);
    const Dataset data = logisticData("exam_hours.csv");
    ProblemSpec spec;
    spec.standardize = true;
    const Problem problem(data, spec);
    const gdlab::LogisticFit optimum = gdlab::fitLogistic(problem);
    QVERIFY(optimum.finite);
    SolverSettings settings = logisticSettings(learningRate, 3000);
    settings.optimizer.kind = OptimizerKind(optimizer);
    settings.method = DescentMethod(method);
    settings.batchSize = 4;
    settings.shuffle = true;
    RunResult result;
    const gdlab::History history = Solver(problem, settings).run(&result);
    QCOMPARE(result.reason, StopReason::MaxIterations);
    const std::size_t last = history.size() - 1;
    QVERIFY(history.loss(last) < history.loss(0));
    QVERIFY(history.accuracy(last) >= 0.75);
    if (DescentMethod(method) == DescentMethod::Batch) {
        const double distance = (Eigen::VectorXd(history.theta(last)) - optimum.theta).norm();
        QVERIFY2(distance <= closeTo, QByteArray::number(distance));
    } else {
        QVERIFY2(history.loss(last) - optimum.loss <= closeTo, QByteArray::number(history.loss(last) - optimum.loss));
    }
}

// Newton's update with lr 1 is the reference's step: from zeros it retraces fitLogistic() (no step there needed
// halving) and stays on the optimum.
void TestSolver::logisticNewtonIsTheReferenceSteps()
{
    const Dataset data = logisticData("beetles.csv");
    const Problem problem(data, ProblemSpec {});
    const gdlab::LogisticFit optimum = gdlab::fitLogistic(problem);
    SolverSettings settings = logisticSettings(1.0, 12);
    settings.optimizer.kind = OptimizerKind::Newton;
    const gdlab::History history = Solver(problem, settings).run();
    QCOMPARE(history.size(), std::size_t(13));
    const Eigen::VectorXd reached = history.theta(std::size_t(optimum.iterations));
    QVERIFY2(closeRelative(reached, optimum.theta, 1e-13), describe(reached, optimum.theta).constData());
    QVERIFY(closeRelative(Eigen::VectorXd(history.theta(12)), optimum.theta, 1e-13));
    QVERIFY(history.gradientNorm(12) < 1e-12);
}

// Separable data: no optimum to converge to; θ runs off while every row stays right and the loss creeps to 0.
void TestSolver::logisticSeparableRunsOff()
{
    const Dataset data = gdlab::CsvReader::parse("x,y\n1,0\n2,0\n3,0\n4,1\n5,1\n6,1\n", "separable.csv");
    const Problem problem(data, ProblemSpec {});
    const gdlab::History history = Solver(problem, logisticSettings(0.4, 20000)).run();
    QCOMPARE(history.size(), std::size_t(20001));
    for (std::size_t k = 1; k < history.size(); ++k)
        QVERIFY2(history.loss(k) < history.loss(k - 1), qPrintable(QString::number(k)));
    QCOMPARE(history.accuracy(20000), 1.0);
    QVERIFY(history.loss(20000) < 0.01);
    QVERIFY(history.theta(20000).norm() > 2 * history.theta(2000).norm());
}

void TestSolver::logisticDiverges()
{
    const Dataset data = logisticData("exam_hours.csv");
    const Problem problem(data, ProblemSpec {});
    for (const double rate : { 1e13, 1e300 }) {
        RunResult result;
        const gdlab::History history = Solver(problem, logisticSettings(rate, 100)).run(&result);
        QCOMPARE(result.reason, StopReason::Diverged);
        QVERIFY(std::isfinite(history.loss(history.size() - 1)));
        QVERIFY(Eigen::VectorXd(history.theta(history.size() - 1)).allFinite());
    }
}

void TestSolver::logisticValidation()
{
    const Dataset linear = lessonData("five_points.csv");
    const Problem notClasses(linear, ProblemSpec {});
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, Solver(notClasses, logisticSettings(0.1, 10)));
    const Dataset classes = logisticData("exam_hours.csv");
    const Problem problem(classes, ProblemSpec {});
    SolverSettings settings = logisticSettings(0.1, 10);
    settings.optimizer.kind = OptimizerKind::Newton;
    settings.method = DescentMethod::Sgd;
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, Solver(problem, settings)); // Newton stays batch only
    settings.method = DescentMethod::Batch;
    Solver::validate(problem, settings);
}

void TestSolver::validateRejects_data()
{
    QTest::addColumn<SolverSettings>("settings");
    QTest::addColumn<QString>("expected"); // part of the message

    const auto with = [](auto change) {
        SolverSettings settings = fivePointsSettings(10);
        change(settings);
        return settings;
    };
    QTest::addRow("lr 0") << with([](SolverSettings& s) { s.learningRate = 0; }) << "learning rate";
    QTest::addRow("lr negative") << with([](SolverSettings& s) { s.learningRate = -0.1; }) << "learning rate";
    QTest::addRow("lr NaN") << with([](SolverSettings& s) { s.learningRate = std::nan(""); }) << "learning rate";
    QTest::addRow("lr inf") << with([](SolverSettings& s) { s.learningRate = std::numeric_limits<double>::infinity(); })
                            << "learning rate";
    QTest::addRow("lr -inf") << with([](SolverSettings& s) {
        s.learningRate = -std::numeric_limits<double>::infinity();
    }) << "learning rate";
    QTest::addRow("init too short") << with([](SolverSettings& s) { s.initValues = { 1.0 }; }) << "1 values";
    QTest::addRow("init too long") << with([](SolverSettings& s) { s.initValues = { 1.0, 2.0, 3.0 }; }) << "3 values";
    QTest::addRow("init empty") << with([](SolverSettings& s) { s.initValues.clear(); }) << "0 values";
    QTest::addRow("init NaN") << with([](SolverSettings& s) { s.initValues = { 1.0, std::nan("") }; }) << "finite";
    QTest::addRow("batch size 0") << with([](SolverSettings& s) {
        s.method = DescentMethod::MiniBatch;
        s.batchSize = 0;
    }) << "batch size";
    QTest::addRow("batch size negative") << with([](SolverSettings& s) {
        s.method = DescentMethod::MiniBatch;
        s.batchSize = -4;
    }) << "batch size";
    QTest::addRow("iterations negative") << with([](SolverSettings& s) { s.iterations = -1; }) << "iterations";
    QTest::addRow("tolerance negative") << with([](SolverSettings& s) { s.tolerance = -1e-3; }) << "tolerance";
    QTest::addRow("tolerance NaN") << with([](SolverSettings& s) { s.tolerance = std::nan(""); }) << "tolerance";
}

void TestSolver::validateRejects()
{
    QFETCH(SolverSettings, settings);
    QFETCH(QString, expected);
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    QString message;
    try {
        Solver::validate(problem, settings);
    } catch (const gdlab::InputError& error) {
        message = QString::fromUtf8(error.what());
    }
    QVERIFY2(message.contains(expected), qPrintable(message.isEmpty() ? QStringLiteral("not rejected") : message));
    QVERIFY(!message.contains('\n'));
    QVERIFY_THROWS_EXCEPTION(gdlab::InputError, Solver(problem, settings));
}

void TestSolver::validateAccepts()
{
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    SolverSettings settings = fivePointsSettings(10);
    Solver::validate(problem, settings);
    settings.method = DescentMethod::Sgd;
    settings.batchSize = 0; // ignored by SGD
    Solver::validate(problem, settings);
    settings.init = InitKind::Zeros;
    settings.initValues.clear(); // ignored without InitKind::Values
    settings.tolerance = 0;
    settings.learningRate = 1e-300;
    Solver::validate(problem, settings);
}

void TestSolver::stopReasonNames()
{
    QCOMPARE(gdlab::stopReasonName(StopReason::MaxIterations), "max iterations");
    QCOMPARE(gdlab::stopReasonName(StopReason::Converged), "converged");
    QCOMPARE(gdlab::stopReasonName(StopReason::Diverged), "diverged");
    QCOMPARE(gdlab::stopReasonName(StopReason::Cancelled), "cancelled");
}

} // namespace tst_solver

QTEST_APPLESS_MAIN(tst_solver::TestSolver)
#include "tst_solver.moc"
