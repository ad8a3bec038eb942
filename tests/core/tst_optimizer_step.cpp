#include "csv_reader.h"
#include "dataset.h"
#include "history.h"
#include "input_error.h"
#include "optimizer_bounds.h"
#include "optimizer_replay.h"
#include "optimizer_settings.h"
#include "optimizer_step.h"
#include "problem.h"
#include "race_entry.h"
#include "run.h"
#include "solver.h"
#include "stability.h"
#include "support/test_metatypes.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

namespace tst_optimizer_step {

using gdlab::Dataset;
using gdlab::DescentMethod;
using gdlab::InitKind;
using gdlab::LossKind;
using gdlab::OptimizerKind;
using gdlab::OptimizerSettings;
using gdlab::Problem;
using gdlab::ProblemSpec;
using gdlab::RunResult;
using gdlab::Solver;
using gdlab::SolverSettings;
using gdlab::StopReason;

namespace {

using Vector = std::vector<double>;

Dataset lessonData(const char* fileName)
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + fileName);
}

// The mse gradient over rows [first, first + count) of (x…, y) data with an intercept, summed row by row from the
// data (not from the solver's sufficient statistics): (2/count) Σ (θ0 + Σj θj·xj − y)·(1, x…).
Vector mseGradient(const Eigen::MatrixXd& data, const Vector& theta, Eigen::Index first, Eigen::Index count)
{
    const Eigen::Index features = data.cols() - 1;
    Vector gradient(theta.size(), 0.0);
    for (Eigen::Index row = first; row < first + count; ++row) {
        double residual = theta[0] - data(row, features);
        for (Eigen::Index j = 0; j < features; ++j)
            residual += theta[static_cast<std::size_t>(j + 1)] * data(row, j);
        gradient[0] += residual;
        for (Eigen::Index j = 0; j < features; ++j)
            gradient[static_cast<std::size_t>(j + 1)] += residual * data(row, j);
    }
    for (double& value : gradient)
        value *= 2.0 / double(count);
    return gradient;
}

// The update rules of the issue written out once more, independently of core's OptimizerStep. The state
// (t, v, m, s) lives for the whole run. Newton is left out: its step is checked against the closed form.
struct Reference {
    OptimizerSettings optimizer;
    double lr = 0;
    long long t = 0;
    Vector v, m, s;

    void step(Vector& theta, const Vector& g)
    {
        const std::size_t p = theta.size();
        v.resize(p, 0.0);
        m.resize(p, 0.0);
        s.resize(p, 0.0);
        ++t;
        const double mu = optimizer.momentum;
        const double eps = optimizer.effectiveEpsilon();
        for (std::size_t i = 0; i < p; ++i) {
            switch (optimizer.kind) {
            case OptimizerKind::Gd:
                theta[i] = theta[i] - lr * g[i];
                break;
            case OptimizerKind::Momentum:
                v[i] = mu * v[i] + g[i];
                theta[i] = theta[i] - lr * v[i];
                break;
            case OptimizerKind::Nesterov:
                v[i] = mu * v[i] + g[i];
                theta[i] = theta[i] - lr * (g[i] + mu * v[i]);
                break;
            case OptimizerKind::AdaGrad:
                s[i] = s[i] + g[i] * g[i];
                theta[i] = theta[i] - lr * g[i] / (std::sqrt(s[i]) + eps);
                break;
            case OptimizerKind::RmsProp:
                s[i] = optimizer.rho * s[i] + (1 - optimizer.rho) * g[i] * g[i];
                theta[i] = theta[i] - lr * g[i] / (std::sqrt(s[i]) + eps);
                break;
            case OptimizerKind::Adam: {
                m[i] = optimizer.beta1 * m[i] + (1 - optimizer.beta1) * g[i];
                s[i] = optimizer.beta2 * s[i] + (1 - optimizer.beta2) * g[i] * g[i];
                const double mHat = m[i] / (1 - std::pow(optimizer.beta1, double(t)));
                const double sHat = s[i] / (1 - std::pow(optimizer.beta2, double(t)));
                theta[i] = theta[i] - lr * mHat / (std::sqrt(sHat) + eps);
                break;
            }
            case OptimizerKind::Newton:
                QFAIL("no reference for newton");
            }
        }
    }
};

bool closeRelative(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::max(std::abs(expected), 1e-300);
}

QByteArray describeRow(std::size_t row, const Eigen::VectorXd& actual, const Vector& expected)
{
    QString text = QStringLiteral("row %1:").arg(row);
    for (std::size_t i = 0; i < expected.size(); ++i)
        text += QStringLiteral(" %1 vs %2;")
                    .arg(actual[static_cast<Eigen::Index>(i)], 0, 'g', 17)
                    .arg(expected[i], 0, 'g', 17);
    return text.toUtf8();
}

SolverSettings settingsFor(OptimizerKind kind, double lr, long long iterations)
{
    SolverSettings settings;
    settings.loss = LossKind::Mse;
    settings.learningRate = lr;
    settings.iterations = iterations;
    settings.optimizer.kind = kind;
    return settings;
}

gdlab::History runHistory(const Problem& problem, const SolverSettings& settings, RunResult* result = nullptr)
{
    return Solver(problem, settings).run(result);
}

} // namespace

class TestOptimizerStep : public QObject {
    Q_OBJECT

private slots:
    void firstUpdatesOnFivePoints_data();
    void firstUpdatesOnFivePoints();
    void referenceAgreesWithHandWork();
    void lessonsMatchTheRules_data();
    void lessonsMatchTheRules();
    void stateCarriesAcrossEpochs();
    void newtonLandsInOneUpdate();
    void newtonOnSingularData();
    void bounds_data();
    void bounds();
    void adaptiveHaveNoBound();
    void heavyBallOptimum();
    void refusals_data();
    void refusals();
    void replayGivesTheStepsNumbers();
    void raceEntries();
    void badRaceEntries_data();
    void badRaceEntries();
    void raceFinishes();
    void adamLongRunKeepsEveryBit_data();
    void adamLongRunKeepsEveryBit();
};

void TestOptimizerStep::firstUpdatesOnFivePoints_data()
{
    QTest::addColumn<OptimizerKind>("kind");
    QTest::addColumn<double>("lr");
    QTest::addColumn<double>("theta0"); // θ after the first update, by hand
    QTest::addColumn<double>("theta1");
    // From θ = 0 on five_points (Σy = 15, Σxy = 53, n = 5) the mse gradient is g = −(2/5)(15, 53) = (−6, −21.2).
    QTest::addRow("gd") << OptimizerKind::Gd << 0.01 << 0.06 << 0.212; // −lr·g
    QTest::addRow("momentum") << OptimizerKind::Momentum << 0.01 << 0.06 << 0.212; // v = g
    QTest::addRow("nesterov") << OptimizerKind::Nesterov << 0.01 << 0.114 << 0.4028; // −lr·(1 + 0.9)·g
    // s = g²: −lr·g/(|g| + 1e-10)
    QTest::addRow("adagrad") << OptimizerKind::AdaGrad << 0.1 << 0.1 * 6 / (6 + 1e-10) << 0.1 * 21.2 / (21.2 + 1e-10);
    // s = 0.01·g², √s = 0.1·|g|: −lr·g/(0.1·|g| + 1e-8)
    QTest::addRow("rmsprop") << OptimizerKind::RmsProp << 0.01 << 0.01 * 6 / (0.6 + 1e-8)
                             << 0.01 * 21.2 / (2.12 + 1e-8);
    // m̂ = g, ŝ = g²: −lr·g/(|g| + 1e-8)
    QTest::addRow("adam") << OptimizerKind::Adam << 0.1 << 0.1 * 6 / (6 + 1e-8) << 0.1 * 21.2 / (21.2 + 1e-8);
}

void TestOptimizerStep::firstUpdatesOnFivePoints()
{
    QFETCH(OptimizerKind, kind);
    QFETCH(double, lr);
    QFETCH(double, theta0);
    QFETCH(double, theta1);
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    const SolverSettings settings = settingsFor(kind, lr, 3);
    const gdlab::History history = runHistory(problem, settings);
    QCOMPARE(history.size(), std::size_t(4));
    QVERIFY2(closeRelative(history.theta(1)[0], theta0, 1e-13), describeRow(1, history.theta(1), { theta0, theta1 }));
    QVERIFY2(closeRelative(history.theta(1)[1], theta1, 1e-13), describeRow(1, history.theta(1), { theta0, theta1 }));

    Reference reference { settings.optimizer, lr, 0, {}, {}, {} };
    Vector theta { 0.0, 0.0 };
    for (std::size_t row = 1; row <= 3; ++row) {
        reference.step(theta, mseGradient(data.values(), theta, 0, 5));
        for (std::size_t i = 0; i < 2; ++i)
            QVERIFY2(closeRelative(history.theta(row)[Eigen::Index(i)], theta[i], 1e-13),
                describeRow(row, history.theta(row), theta));
    }
}

// The reference's second gd update worked by hand: from θ1 = (0.06, 0.212) the residuals are −0.728, −2.516,
// −2.304, −2.092, −3.88 (Σr = −11.52, Σx·r = −40.44), so g = 0.4·(−11.52, −40.44) and θ2 = (0.10608, 0.37376).
void TestOptimizerStep::referenceAgreesWithHandWork()
{
    const Dataset data = lessonData("five_points.csv");
    Reference reference { OptimizerSettings {}, 0.01, 0, {}, {}, {} };
    Vector theta { 0.0, 0.0 };
    reference.step(theta, mseGradient(data.values(), theta, 0, 5));
    reference.step(theta, mseGradient(data.values(), theta, 0, 5));
    QVERIFY(closeRelative(theta[0], 0.10608, 1e-13));
    QVERIFY(closeRelative(theta[1], 0.37376, 1e-13));
}

void TestOptimizerStep::lessonsMatchTheRules_data()
{
    QTest::addColumn<OptimizerKind>("kind");
    QTest::addColumn<double>("lr");
    QTest::addRow("gd") << OptimizerKind::Gd << 0.1;
    QTest::addRow("momentum") << OptimizerKind::Momentum << 0.05;
    QTest::addRow("nesterov") << OptimizerKind::Nesterov << 0.05;
    QTest::addRow("adagrad") << OptimizerKind::AdaGrad << 0.5;
    QTest::addRow("rmsprop") << OptimizerKind::RmsProp << 0.01;
    QTest::addRow("adam") << OptimizerKind::Adam << 0.05;
}

// "matches the rules to 1e-12 relative on the lessons": 200 updates on two_features_n100 from zeros.
void TestOptimizerStep::lessonsMatchTheRules()
{
    QFETCH(OptimizerKind, kind);
    QFETCH(double, lr);
    const Dataset data = lessonData("two_features_n100.csv");
    const Problem problem(data, ProblemSpec {});
    const SolverSettings settings = settingsFor(kind, lr, 200);
    const gdlab::History history = runHistory(problem, settings);
    QCOMPARE(history.size(), std::size_t(201));
    Reference reference { settings.optimizer, lr, 0, {}, {}, {} };
    Vector theta(3, 0.0);
    for (std::size_t row = 1; row < history.size(); ++row) {
        reference.step(theta, mseGradient(data.values(), theta, 0, data.rowCount()));
        for (std::size_t i = 0; i < theta.size(); ++i)
            QVERIFY2(closeRelative(history.theta(row)[Eigen::Index(i)], theta[i], 1e-12),
                describeRow(row, history.theta(row), theta));
    }
}

// SGD in file order on five_points: twelve updates are two epochs and two samples; t, v, m and s go on.
void TestOptimizerStep::stateCarriesAcrossEpochs()
{
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    for (OptimizerKind kind : { OptimizerKind::Momentum, OptimizerKind::Adam, OptimizerKind::AdaGrad }) {
        SolverSettings settings = settingsFor(kind, 0.01, 12);
        settings.method = DescentMethod::Sgd;
        const gdlab::History history = runHistory(problem, settings);
        QCOMPARE(history.size(), std::size_t(13));
        Reference reference { settings.optimizer, 0.01, 0, {}, {}, {} };
        Vector theta { 0.0, 0.0 };
        for (std::size_t row = 1; row <= 12; ++row) {
            reference.step(theta, mseGradient(data.values(), theta, Eigen::Index((row - 1) % 5), 1));
            for (std::size_t i = 0; i < 2; ++i)
                QVERIFY2(closeRelative(history.theta(row)[Eigen::Index(i)], theta[i], 1e-13),
                    describeRow(row, history.theta(row), theta));
        }
    }
}

// The least-squares line of five_points: x̄ = ȳ = 3, Sxy = 8, Sxx = 10, so slope 0.8 and intercept 0.6.
void TestOptimizerStep::newtonLandsInOneUpdate()
{
    const Dataset data = lessonData("five_points.csv");
    for (bool standardize : { false, true }) {
        ProblemSpec spec;
        spec.standardize = standardize;
        const Problem problem(data, spec);
        SolverSettings settings = settingsFor(OptimizerKind::Newton, 1.0, 1);
        settings.init = InitKind::Values;
        settings.initValues = { 0.75, 0.48 };
        const gdlab::History history = runHistory(problem, settings);
        const Eigen::VectorXd original = problem.toOriginalUnits(history.theta(1));
        QVERIFY2(closeRelative(original[0], 0.6, 1e-12), describeRow(1, original, { 0.6, 0.8 }));
        QVERIFY2(closeRelative(original[1], 0.8, 1e-12), describeRow(1, original, { 0.6, 0.8 }));
    }
}

// A duplicated column makes H singular; the step is the minimum-norm solution: the slope 0.8 split evenly.
void TestOptimizerStep::newtonOnSingularData()
{
    const Dataset five = lessonData("five_points.csv");
    Eigen::MatrixXd values(5, 3);
    values << five.values().col(0), five.values().col(0), five.values().col(1);
    const Dataset data({ "x", "x_again", "y" }, values, "duplicated");
    const Problem problem(data, ProblemSpec {});
    const gdlab::History history = runHistory(problem, settingsFor(OptimizerKind::Newton, 1.0, 2));
    QCOMPARE(history.size(), std::size_t(3));
    const Vector expected { 0.6, 0.4, 0.4 };
    for (std::size_t row : { std::size_t(1), std::size_t(2) })
        for (std::size_t i = 0; i < 3; ++i)
            QVERIFY2(closeRelative(history.theta(row)[Eigen::Index(i)], expected[i], 1e-10),
                describeRow(row, history.theta(row), expected));
}

void TestOptimizerStep::bounds_data()
{
    QTest::addColumn<OptimizerKind>("kind");
    QTest::addColumn<double>("momentum");
    QTest::addColumn<double>("byHand"); // the bound from five_points' λmax of H = (2/5)·G, G = [[5, 15], [15, 55]]
    const double lambdaMax = 0.4 * (30 + std::sqrt(850.0));
    QTest::addRow("gd") << OptimizerKind::Gd << 0.9 << 2 / lambdaMax;
    QTest::addRow("momentum 0.9") << OptimizerKind::Momentum << 0.9 << 2 * 1.9 / lambdaMax;
    QTest::addRow("momentum 0.5") << OptimizerKind::Momentum << 0.5 << 2 * 1.5 / lambdaMax;
    QTest::addRow("nesterov 0.9") << OptimizerKind::Nesterov << 0.9 << 2 * 1.9 / (2.8 * lambdaMax);
    QTest::addRow("nesterov 0.3") << OptimizerKind::Nesterov << 0.3 << 2 * 1.3 / (1.6 * lambdaMax);
    QTest::addRow("newton") << OptimizerKind::Newton << 0.9 << 2.0;
}

// Runs at 0.99× the bound converge, runs at 1.01× diverge.
void TestOptimizerStep::bounds()
{
    QFETCH(OptimizerKind, kind);
    QFETCH(double, momentum);
    QFETCH(double, byHand);
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    SolverSettings settings = settingsFor(kind, 1, 20000);
    settings.optimizer.momentum = momentum;
    const gdlab::OptimizerBounds bounds
        = gdlab::optimizerBounds(gdlab::computeStability(problem, LossKind::Mse), settings.optimizer);
    QVERIFY(bounds.hasBound);
    QVERIFY2(closeRelative(bounds.divergenceBound, byHand, 1e-12), QByteArray::number(bounds.divergenceBound, 'g', 17));

    settings.learningRate = 0.99 * bounds.divergenceBound;
    RunResult below;
    const gdlab::History converging = runHistory(problem, settings, &below);
    QCOMPARE(below.reason, StopReason::MaxIterations);
    // Σr² of the least-squares line: residuals 0.6+0.8x − y = 0.4, −0.8, 0, 0.8, −0.4 → 1.6; mse 0.32.
    QVERIFY2(closeRelative(converging.loss(converging.size() - 1), 0.32, 1e-9),
        QByteArray::number(converging.loss(converging.size() - 1), 'g', 17));

    settings.learningRate = 1.01 * bounds.divergenceBound;
    RunResult above;
    runHistory(problem, settings, &above);
    QCOMPARE(above.reason, StopReason::Diverged);
}

void TestOptimizerStep::adaptiveHaveNoBound()
{
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    const gdlab::StabilityBounds stability = gdlab::computeStability(problem, LossKind::Mse);
    for (OptimizerKind kind : { OptimizerKind::AdaGrad, OptimizerKind::RmsProp, OptimizerKind::Adam }) {
        OptimizerSettings optimizer;
        optimizer.kind = kind;
        QVERIFY(!gdlab::optimizerBounds(stability, optimizer).hasBound);
        QVERIFY(gdlab::isAdaptive(kind));
    }
}

// Heavy ball's optimum: lr = 4/(√λmax+√λmin)², μ = ((√κ−1)/(√κ+1))², converging faster than gd's best rate.
void TestOptimizerStep::heavyBallOptimum()
{
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    const gdlab::StabilityBounds stability = gdlab::computeStability(problem, LossKind::Mse);
    OptimizerSettings optimizer;
    optimizer.kind = OptimizerKind::Momentum;
    const gdlab::OptimizerBounds bounds = gdlab::optimizerBounds(stability, optimizer);
    const double lambdaMax = 0.4 * (30 + std::sqrt(850.0));
    const double lambdaMin = 0.4 * (30 - std::sqrt(850.0));
    const double rootKappa = std::sqrt(lambdaMax / lambdaMin);
    QVERIFY(closeRelative(bounds.optimalRate, 4 / std::pow(std::sqrt(lambdaMax) + std::sqrt(lambdaMin), 2), 1e-12));
    QVERIFY(closeRelative(bounds.optimalMomentum, std::pow((rootKappa - 1) / (rootKappa + 1), 2), 1e-12));

    SolverSettings heavy = settingsFor(OptimizerKind::Momentum, bounds.optimalRate, 100);
    heavy.optimizer.momentum = bounds.optimalMomentum;
    const SolverSettings plain = settingsFor(OptimizerKind::Gd, stability.optimalRate, 100);
    const double floor = 0.32;
    QVERIFY(runHistory(problem, heavy).loss(100) - floor < 1e-3 * (runHistory(problem, plain).loss(100) - floor));
}

void TestOptimizerStep::refusals_data()
{
    QTest::addColumn<OptimizerKind>("kind");
    QTest::addColumn<DescentMethod>("method");
    QTest::addColumn<int>("parameter");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::addRow("momentum 1") << OptimizerKind::Momentum << DescentMethod::Batch << 0 << 1.0 << "--momentum";
    QTest::addRow("momentum -0.1") << OptimizerKind::Nesterov << DescentMethod::Batch << 0 << -0.1 << "--momentum";
    QTest::addRow("beta1 1") << OptimizerKind::Adam << DescentMethod::Batch << 1 << 1.0 << "--beta1";
    QTest::addRow("beta2 1.5") << OptimizerKind::Adam << DescentMethod::Batch << 2 << 1.5 << "--beta2";
    QTest::addRow("rho 1") << OptimizerKind::RmsProp << DescentMethod::Batch << 3 << 1.0 << "--rho";
    QTest::addRow("eps 0") << OptimizerKind::AdaGrad << DescentMethod::Batch << 4 << 0.0 << "--eps";
    QTest::addRow("newton sgd") << OptimizerKind::Newton << DescentMethod::Sgd << -1 << 0.0 << "newton";
    QTest::addRow("newton minibatch") << OptimizerKind::Newton << DescentMethod::MiniBatch << -1 << 0.0 << "newton";
}

void TestOptimizerStep::refusals()
{
    QFETCH(OptimizerKind, kind);
    QFETCH(DescentMethod, method);
    QFETCH(int, parameter);
    QFETCH(double, value);
    QFETCH(QString, expected);
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    SolverSettings settings = settingsFor(kind, 0.01, 10);
    settings.method = method;
    if (parameter >= 0)
        settings.optimizer.setValue(gdlab::OptimizerParameter(parameter), value);
    try {
        Solver(problem, settings);
        QFAIL("accepted");
    } catch (const gdlab::InputError& error) {
        QVERIFY2(QString::fromStdString(error.what()).contains(expected), error.what());
    }
}

// The update panel's numbers: the replayed state of update k against the reference's, for batch and SGD.
void TestOptimizerStep::replayGivesTheStepsNumbers()
{
    const auto data = std::make_shared<const Dataset>(lessonData("five_points.csv"));
    for (DescentMethod method : { DescentMethod::Batch, DescentMethod::Sgd }) {
        for (OptimizerKind kind : { OptimizerKind::Momentum, OptimizerKind::RmsProp, OptimizerKind::Adam }) {
            SolverSettings settings = settingsFor(kind, 0.01, 8);
            settings.method = method;
            gdlab::Run run = gdlab::prepareRun(data, ProblemSpec {}, settings);
            gdlab::descend(run);
            Reference reference { settings.optimizer, 0.01, 0, {}, {}, {} };
            Vector theta { 0.0, 0.0 };
            for (std::size_t row = 0; row < 7; ++row) {
                const Vector g = method == DescentMethod::Batch
                    ? mseGradient(data->values(), theta, 0, 5)
                    : mseGradient(data->values(), theta, Eigen::Index(row % 5), 1);
                const Vector v = reference.v, m = reference.m, sq = reference.s;
                reference.step(theta, g);
                const gdlab::OptimizerReplay replay = gdlab::replayOptimizer(run, row);
                QCOMPARE(replay.t, (long long)(row + 1));
                for (std::size_t i = 0; i < 2; ++i) {
                    const Eigen::Index j = Eigen::Index(i);
                    QVERIFY(closeRelative(replay.gradient[j], g[i], 1e-12));
                    if (kind == OptimizerKind::Momentum) {
                        QVERIFY(row == 0 || closeRelative(replay.velocityBefore[j], v[i], 1e-12));
                        QVERIFY(closeRelative(replay.velocityAfter[j], reference.v[i], 1e-12));
                    } else {
                        QVERIFY(row == 0 || closeRelative(replay.secondBefore[j], sq[i], 1e-12));
                        QVERIFY(closeRelative(replay.secondAfter[j], reference.s[i], 1e-12));
                    }
                    if (kind == OptimizerKind::Adam) {
                        QVERIFY(row == 0 || closeRelative(replay.firstBefore[j], m[i], 1e-12));
                        QVERIFY(closeRelative(replay.firstAfter[j], reference.m[i], 1e-12));
                    }
                }
            }
        }
    }
}

void TestOptimizerStep::raceEntries()
{
    const std::vector<gdlab::RaceEntry> plain = gdlab::parseRace("gd,momentum,adam");
    QCOMPARE(plain.size(), std::size_t(3));
    QCOMPARE(plain[0].optimizer.kind, OptimizerKind::Gd);
    QCOMPARE(plain[1].optimizer.kind, OptimizerKind::Momentum);
    QCOMPARE(plain[1].optimizer.momentum, 0.9);
    QVERIFY(!plain[2].learningRate);
    QCOMPARE(plain[2].label(), std::string("adam"));

    const std::vector<gdlab::RaceEntry> tuned
        = gdlab::parseRace("gd:lr=0.02,momentum:lr=0.05:momentum=0.8,adam:beta2=0.99");
    QCOMPARE(tuned.size(), std::size_t(3));
    QCOMPARE(*tuned[0].learningRate, 0.02);
    QCOMPARE(*tuned[1].learningRate, 0.05);
    QCOMPARE(tuned[1].optimizer.momentum, 0.8);
    QCOMPARE(tuned[1].label(), std::string("momentum (lr 0.05, momentum 0.8)"));
    QCOMPARE(tuned[2].optimizer.beta2, 0.99);
    SolverSettings base;
    base.learningRate = 0.01;
    base.iterations = 77;
    const SolverSettings applied = tuned[1].applyTo(base);
    QCOMPARE(applied.learningRate, 0.05);
    QCOMPARE(applied.iterations, 77LL);
    QCOMPARE(applied.optimizer.kind, OptimizerKind::Momentum);
    QCOMPARE(tuned[2].applyTo(base).learningRate, 0.01);

    // raceText reads back into the same entries, with the fewest digits that do.
    QCOMPARE(gdlab::raceText(tuned), std::string("gd:lr=0.02,momentum:lr=0.05:momentum=0.8,adam:beta2=0.99"));
    const std::vector<gdlab::RaceEntry> odd = gdlab::parseRace("rmsprop:lr=0.1234567890123456:rho=0.9:eps=1e-08");
    QCOMPARE(gdlab::raceText(odd), std::string("rmsprop:lr=0.1234567890123456:rho=0.9:eps=1e-08"));
    QVERIFY(gdlab::parseRace(gdlab::raceText(odd)) == odd);
    QVERIFY(gdlab::parseRace(gdlab::raceText(plain)) == plain);
}

void TestOptimizerStep::badRaceEntries_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("unknown") << "gd,lbfgs"
                             << "lbfgs";
    QTest::addRow("five") << "gd,gd,gd,gd,gd"
                          << "at most 4";
    QTest::addRow("empty") << "gd,,adam"
                           << "empty";
    QTest::addRow("key not used") << "adam:momentum=0.5"
                                  << "momentum";
    QTest::addRow("bad value") << "momentum:momentum=x"
                               << "'x'";
    QTest::addRow("out of range") << "momentum:momentum=1"
                                  << "--momentum";
    QTest::addRow("lr 0") << "gd:lr=0"
                          << "lr";
}

void TestOptimizerStep::badRaceEntries()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    try {
        gdlab::parseRace(text.toStdString());
        QFAIL("accepted");
    } catch (const gdlab::InputError& error) {
        QVERIFY2(QString::fromStdString(error.what()).contains(expected), error.what());
    }
}

// gd at five_points' fastest rate reaches |∇| ≤ 1e-6 at some iteration, and not before; a diverged run says where.
void TestOptimizerStep::raceFinishes()
{
    const Dataset data = lessonData("five_points.csv");
    const Problem problem(data, ProblemSpec {});
    const gdlab::History history = runHistory(problem, settingsFor(OptimizerKind::Gd, 0.08, 2000));
    const gdlab::RaceFinish finish = gdlab::raceFinish(history, 1e-6, std::nullopt);
    QVERIFY(finish.reached);
    QVERIFY(history.gradientNorm(std::size_t(*finish.reached)) <= 1e-6);
    QVERIFY(history.gradientNorm(std::size_t(*finish.reached - 1)) > 1e-6);
    QVERIFY(!finish.diverged);
    QCOMPARE(*gdlab::raceFinish(history, 1e-6, 12LL).diverged, 12LL);
}

// OptimizerStep stops calling pow once β^t is too small to change 1 − β^t; over 60,000 updates (past where that
// happens for β2 = 0.999) every θ must still be the textbook formula's, bit for bit.
void TestOptimizerStep::adamLongRunKeepsEveryBit_data()
{
    QTest::addColumn<double>("beta1");
    QTest::addColumn<double>("beta2");
    QTest::addRow("defaults") << 0.9 << 0.999;
    QTest::addRow("zero") << 0.0 << 0.5;
    QTest::addRow("close to one") << 0.99 << 1.0 - 1e-7;
}

void TestOptimizerStep::adamLongRunKeepsEveryBit()
{
    QFETCH(double, beta1);
    QFETCH(double, beta2);
    OptimizerSettings settings;
    settings.kind = OptimizerKind::Adam;
    settings.beta1 = beta1;
    settings.beta2 = beta2;
    const double lr = 0.001;
    const double eps = settings.effectiveEpsilon();
    gdlab::OptimizerStep step(settings, lr, 2);
    double theta[2] = { 0.3, -0.7 };
    double reference[2] = { 0.3, -0.7 };
    double m[2] = { 0, 0 };
    double s[2] = { 0, 0 };
    for (long long t = 1; t <= 60000; ++t) {
        // A gradient that keeps changing, as a descent's does.
        const double g[2] = { std::sin(0.001 * static_cast<double>(t)) + theta[0], 0.5 * theta[1] - 0.1 };
        for (int i = 0; i < 2; ++i) {
            m[i] = beta1 * m[i] + (1.0 - beta1) * g[i];
            s[i] = beta2 * s[i] + (1.0 - beta2) * g[i] * g[i];
            const double c1 = 1.0 - std::pow(beta1, static_cast<double>(t));
            const double c2 = 1.0 - std::pow(beta2, static_cast<double>(t));
            reference[i] -= lr * (m[i] / c1) / (std::sqrt(s[i] / c2) + eps);
        }
        step.apply(gdlab::kernel::FixedCount<2> {}, theta, g);
        if (std::memcmp(theta, reference, sizeof theta) != 0)
            QFAIL(qPrintable(QString("update %1: θ = (%2, %3), the formula gives (%4, %5)")
                                 .arg(t)
                                 .arg(theta[0], 0, 'g', 17)
                                 .arg(theta[1], 0, 'g', 17)
                                 .arg(reference[0], 0, 'g', 17)
                                 .arg(reference[1], 0, 'g', 17)));
    }
}

} // namespace tst_optimizer_step

QTEST_APPLESS_MAIN(tst_optimizer_step::TestOptimizerStep)
#include "tst_optimizer_step.moc"
