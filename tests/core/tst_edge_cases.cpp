// Numerical edge cases, through runDescent (the path the CLI and the GUI share) and through the real
// gdlab-run binary: absurd learning rates, a million iterations, constant and duplicate features, one row, two
// identical rows, values near 1e300 and 1e-300, a constant target. Whatever happens, a run either says clearly
// why it cannot run (InputError) or reports a status whose every state is finite.
#include "csv_reader.h"
#include "dataset.h"
#include "input_error.h"
#include "run.h"
#include "support/recorded_run.h"
#include "support/test_metatypes.h"

#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

namespace tst_edge_cases {

using gdlab::Dataset;
using gdlab::DescentMethod;
using gdlab::InputError;
using gdlab::ProblemSpec;
using gdlab::SolverSettings;
using gdlab::StopReason;
using gdlab::test::RecordedRun;
using gdlab::test::State;

} // namespace tst_edge_cases
Q_DECLARE_METATYPE(gdlab::StopReason)
namespace tst_edge_cases {

namespace {

Dataset lessonData(const char* fileName)
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + fileName);
}

QString lessonPath(const char* fileName)
{
    return QStringLiteral(GDLAB_LESSON_DIR "/") + QString::fromLatin1(fileName);
}

/** Columns named by names, rows given row by row. */
Dataset makeData(std::vector<std::string> names, std::initializer_list<std::initializer_list<double>> rows)
{
    Eigen::MatrixXd values(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(names.size()));
    Eigen::Index r = 0;
    for (const auto& row : rows) {
        Eigen::Index c = 0;
        for (double value : row)
            values(r, c++) = value;
        ++r;
    }
    return Dataset(std::move(names), values, "edge.csv");
}

/** The five-points lesson's own settings: mse, batch, start (0.75, 0.48), 1000 iterations. */
SolverSettings fivePointsSettings(double learningRate)
{
    SolverSettings settings;
    settings.learningRate = learningRate;
    settings.iterations = 1000;
    settings.init = gdlab::InitKind::Values;
    settings.initValues = { 0.75, 0.48 };
    return settings;
}

bool stateIsFinite(const State& state)
{
    return state.theta.allFinite() && std::isfinite(state.loss) && std::isfinite(state.rmse)
        && state.gradient.allFinite() && std::isfinite(state.gradientNorm) && state.stepGradient.allFinite();
}

/**
 * Every state of every run must be finite: a diverging run stops at its last finite state, so no NaN or
 * infinity can reach a view or a report, whatever the reason. Also checks the bookkeeping of the result.
 */
void checkRunIsSound(const RecordedRun& run)
{
    QVERIFY(!run.states.empty());
    QCOMPARE(run.result.iterations, static_cast<long long>(run.states.size()) - 1);
    for (std::size_t row = 0; row < run.states.size(); ++row) {
        const State& state = run.states[row];
        if (!stateIsFinite(state))
            QFAIL(qPrintable(QStringLiteral("state %1 of a run that stopped with '%2' is not finite (loss %3)")
                                 .arg(row)
                                 .arg(QString::fromLatin1(gdlab::stopReasonName(run.result.reason)))
                                 .arg(state.loss)));
        QCOMPARE(state.iteration, static_cast<long long>(row));
    }
}

struct CliResult {
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
};

CliResult runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(GDLAB_CLI_PATH), arguments);
    CliResult result;
    // Generous: a sanitizer build of a million iterations is slow, and this is not a timing test.
    if (!process.waitForStarted(10000) || !process.waitForFinished(240000)) {
        process.kill();
        process.waitForFinished();
        result.err = "gdlab-run did not start or finish: " + process.errorString().toUtf8();
        return result;
    }
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QByteArray describe(const CliResult& result)
{
    return "exit " + QByteArray::number(result.exitCode) + "\nstdout: " + result.out.left(2000)
        + "\nstderr: " + result.err.left(2000);
}

/** Whether text shows a non-finite number as if it were one ("nan", "inf", "-inf" as a word). */
bool showsNonFinite(const QByteArray& text)
{
    static const QRegularExpression pattern(
        QStringLiteral("\\b(nan|inf|infinity)\\b"), QRegularExpression::CaseInsensitiveOption);
    return pattern.match(QString::fromUtf8(text)).hasMatch();
}

QString writeCsv(const QTemporaryDir& directory, const QString& name, const QByteArray& text)
{
    const QString path = directory.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

} // namespace

class TestEdgeCases : public QObject {
    Q_OBJECT

private slots:
    void learningRates_data();
    void learningRates();
    void tinyLearningRateBarelyMoves();
    void hugeLearningRateCli();
    void millionIterations();
    void millionIterationsWithTolerance();
    void millionIterationsCli();
    void constantFeature();
    void allZeroFeature();
    void constantFeatureStandardized();
    void duplicateFeatures();
    void sameFeatureTwice();
    void oneRow();
    void oneRowCli();
    void oneRowWithoutIntercept();
    void twoIdenticalRows();
    void twoIdenticalRowsCli();
    void hugeValues_data();
    void hugeValues();
    void hugeValuesCli();
    void hugeFeatureStandardized();
    void nearMaximumStandardized();
    void largeValuesDiverge();
    void tinyValues_data();
    void tinyValues();
    void subnormalValuesCli();
    void constantTarget_data();
    void constantTarget();
    void constantTargetCli();
};

void TestEdgeCases::learningRates_data()
{
    QTest::addColumn<double>("learningRate");
    QTest::addColumn<DescentMethod>("method");
    QTest::addColumn<bool>("mustDiverge");

    const struct {
        const char* name;
        DescentMethod method;
    } methods[] = { { "batch", DescentMethod::Batch }, { "sgd", DescentMethod::Sgd },
        { "minibatch", DescentMethod::MiniBatch } };
    for (const auto& method : methods) {
        QTest::addRow("%s lr 1e-12", method.name) << 1e-12 << method.method << false;
        QTest::addRow("%s lr 1e-6", method.name) << 1e-6 << method.method << false;
        QTest::addRow("%s lr 1", method.name) << 1.0 << method.method << true;
        QTest::addRow("%s lr 1e6", method.name) << 1e6 << method.method << true;
    }
}

void TestEdgeCases::learningRates()
{
    QFETCH(double, learningRate);
    QFETCH(DescentMethod, method);
    QFETCH(bool, mustDiverge);

    SolverSettings settings = fivePointsSettings(learningRate);
    settings.method = method;
    settings.batchSize = 2;
    const RecordedRun run = gdlab::test::recordDescent(lessonData("five_points.csv"), ProblemSpec {}, settings);
    checkRunIsSound(run);
    if (mustDiverge) {
        QCOMPARE(run.result.reason, StopReason::Diverged);
        QVERIFY(run.states.size() < 1001);
        // The stop is a lesson: the bound it crossed is a finite number the report can name.
        QVERIFY(std::isfinite(run.stability.divergenceBound));
        QVERIFY(learningRate > run.stability.divergenceBound);
    } else {
        QCOMPARE(run.result.reason, StopReason::MaxIterations);
        QCOMPARE(run.states.size(), std::size_t { 1001 });
        QVERIFY(run.states.back().loss <= run.states.front().loss);
    }
}

void TestEdgeCases::tinyLearningRateBarelyMoves()
{
    const RecordedRun run
        = gdlab::test::recordDescent(lessonData("five_points.csv"), ProblemSpec {}, fivePointsSettings(1e-12));
    checkRunIsSound(run);
    QCOMPARE(run.result.reason, StopReason::MaxIterations);
    const Eigen::VectorXd moved = run.states.back().theta - run.states.front().theta;
    // 1000 steps of 1e-12 times a gradient of order 1: it moves, but by about 1e-9.
    QVERIFY(moved.norm() > 0);
    QVERIFY2(moved.norm() < 1e-6, qPrintable(QString::number(moved.norm())));
}

void TestEdgeCases::hugeLearningRateCli()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString history = directory.filePath(QStringLiteral("history.csv"));
    const CliResult json = runCli({ lessonPath("five_points.csv"), "--lr", "1e6", "--json", "--history", history });
    QVERIFY2(json.exitStatus == QProcess::NormalExit && json.exitCode == 0, describe(json));
    QVERIFY2(!showsNonFinite(json.out), json.out);
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(object.value("status").toString(), QStringLiteral("diverged"));
    for (const QJsonValue value : object.value("theta").toArray())
        QVERIFY(value.isDouble());
    QVERIFY(object.value("loss").isDouble());

    QFile file(history);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(!showsNonFinite(text), text.left(2000));
    QCOMPARE(text.count('\n'), object.value("iterations").toInt() + 2); // header + the start + every update

    const CliResult summary = runCli({ lessonPath("five_points.csv"), "--lr", "1e6" });
    QVERIFY2(summary.exitCode == 0, describe(summary));
    QVERIFY2(summary.out.contains("diverged"), summary.out);
    QVERIFY2(!showsNonFinite(summary.out), summary.out);
}

void TestEdgeCases::millionIterations()
{
    SolverSettings settings = fivePointsSettings(0.01);
    settings.iterations = 1'000'000;
    const Dataset data = lessonData("five_points.csv");
    const RecordedRun run = gdlab::test::recordDescent(data, ProblemSpec {}, settings);
    QCOMPARE(run.result.reason, StopReason::MaxIterations);
    QCOMPARE(run.result.iterations, 1'000'000LL);
    QCOMPARE(run.states.size(), std::size_t { 1'000'001 });
    QCOMPARE(run.states.back().iteration, 1'000'000LL);
    QCOMPARE(run.states.back().epoch, 1'000'000LL);
    for (const State& state : run.states)
        QVERIFY(stateIsFinite(state));
    // Long past convergence the iterate sits on the least-squares solution (0.6, 0.8).
    QVERIFY((run.states.back().theta - run.leastSquares.theta).norm() < 1e-9);
}

void TestEdgeCases::millionIterationsWithTolerance()
{
    SolverSettings settings = fivePointsSettings(0.01);
    settings.iterations = 1'000'000;
    settings.tolerance = 1e-9;
    const RecordedRun run = gdlab::test::recordDescent(lessonData("five_points.csv"), ProblemSpec {}, settings);
    checkRunIsSound(run);
    QCOMPARE(run.result.reason, StopReason::Converged);
    QVERIFY(run.states.size() < 1'000'001);
    QVERIFY(run.states.back().gradientNorm <= 1e-9);
}

void TestEdgeCases::millionIterationsCli()
{
    const CliResult result = runCli({ lessonPath("five_points.csv"), "--iterations", "1000000", "--json" });
    QVERIFY2(result.exitStatus == QProcess::NormalExit && result.exitCode == 0, describe(result));
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(object.value("status").toString(), QStringLiteral("max iterations"));
    QCOMPARE(object.value("iterations").toInt(), 1'000'000);
    const QJsonArray theta = object.value("theta").toArray();
    QCOMPARE(theta.size(), 2);
    QVERIFY(std::abs(theta[0].toDouble() - 0.6) < 1e-9);
    QVERIFY(std::abs(theta[1].toDouble() - 0.8) < 1e-9);
}

void TestEdgeCases::constantFeature()
{
    const Dataset data
        = makeData({ "x", "c", "y" }, { { 1, 2, 1 }, { 2, 2, 3 }, { 3, 2, 3 }, { 4, 2, 3 }, { 5, 2, 5 } });
    const RecordedRun run = gdlab::test::recordDescent(data, ProblemSpec {}, SolverSettings {});
    checkRunIsSound(run);
    QCOMPARE(run.result.reason, StopReason::MaxIterations);
    QVERIFY(run.leastSquares.rankDeficient);
    QCOMPARE(run.leastSquares.rank, Eigen::Index { 2 });
    QVERIFY2(QString::fromStdString(run.leastSquares.message).contains("'c'"), run.leastSquares.message.c_str());
    QVERIFY(run.leastSquares.thetaOriginal.allFinite());
    QVERIFY(std::isfinite(run.leastSquares.r2));
    QVERIFY(std::isfinite(run.stability.divergenceBound));
    // The solution still fits the data as well as the line (0.6, 0.8) through x alone.
    QVERIFY(std::abs(run.leastSquares.sumOfSquares - 1.6) < 1e-9);
}

void TestEdgeCases::allZeroFeature()
{
    const Dataset data
        = makeData({ "x", "zero", "y" }, { { 1, 0, 1 }, { 2, 0, 3 }, { 3, 0, 3 }, { 4, 0, 3 }, { 5, 0, 5 } });
    for (bool intercept : { true, false }) {
        ProblemSpec spec;
        spec.intercept = intercept;
        const RecordedRun run = gdlab::test::recordDescent(data, spec, SolverSettings {});
        checkRunIsSound(run);
        QVERIFY(run.leastSquares.rankDeficient);
        QVERIFY2(QString::fromStdString(run.leastSquares.message).contains("'zero'"), run.leastSquares.message.c_str());
        QVERIFY(run.leastSquares.thetaOriginal.allFinite());
    }
}

void TestEdgeCases::constantFeatureStandardized()
{
    const Dataset data
        = makeData({ "x", "c", "y" }, { { 1, 2, 1 }, { 2, 2, 3 }, { 3, 2, 3 }, { 4, 2, 3 }, { 5, 2, 5 } });
    ProblemSpec spec;
    spec.standardize = true;
    try {
        gdlab::test::recordDescent(data, spec, SolverSettings {});
        QFAIL("standardizing a constant column must be refused");
    } catch (const InputError& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains("'c'"), error.what());
        QVERIFY2(QString::fromUtf8(error.what()).contains("constant"), error.what());
    }
}

void TestEdgeCases::duplicateFeatures()
{
    const Dataset data
        = makeData({ "x", "x_copy", "y" }, { { 1, 1, 1 }, { 2, 2, 3 }, { 3, 3, 3 }, { 4, 4, 3 }, { 5, 5, 5 } });
    for (bool standardize : { false, true }) {
        ProblemSpec spec;
        spec.standardize = standardize;
        const RecordedRun run = gdlab::test::recordDescent(data, spec, SolverSettings {});
        checkRunIsSound(run);
        QCOMPARE(run.result.reason, StopReason::MaxIterations);
        QVERIFY(run.leastSquares.rankDeficient);
        const QString message = QString::fromStdString(run.leastSquares.message);
        QVERIFY2(message.contains("'x_copy'") && message.contains("'x'"), qPrintable(message));
        QVERIFY(run.leastSquares.thetaOriginal.allFinite());
        // Minimum norm: the slope 0.8 shared equally by the two copies.
        QVERIFY(std::abs(run.leastSquares.thetaOriginal[1] - 0.4) < 1e-9);
        QVERIFY(std::abs(run.leastSquares.thetaOriginal[2] - 0.4) < 1e-9);
        QVERIFY(std::isinf(run.leastSquares.conditionNumber));
        // λmin is 0: the optimal fixed rate is still finite, since λmax is not.
        QVERIFY(std::isfinite(run.stability.optimalRate) && run.stability.optimalRate > 0);
    }
}

void TestEdgeCases::sameFeatureTwice()
{
    const Dataset data = lessonData("five_points.csv");
    ProblemSpec spec;
    spec.features = { 0, 0 };
    const RecordedRun run = gdlab::test::recordDescent(data, spec, SolverSettings {});
    checkRunIsSound(run);
    QVERIFY(run.leastSquares.rankDeficient);
    QVERIFY2(QString::fromStdString(run.leastSquares.message).contains("'x'"), run.leastSquares.message.c_str());
}

void TestEdgeCases::oneRow()
{
    const Dataset data = makeData({ "x", "y" }, { { 1, 2 } });
    try {
        gdlab::test::recordDescent(data, ProblemSpec {}, SolverSettings {});
        QFAIL("one row cannot fit two parameters");
    } catch (const InputError& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains("1 data row"), error.what());
    }
}

void TestEdgeCases::oneRowCli()
{
    QTemporaryDir directory;
    const QString path = writeCsv(directory, QStringLiteral("one_row.csv"), "x,y\n1,2\n");
    QVERIFY(!path.isEmpty());
    const CliResult result = runCli({ path });
    QVERIFY2(result.exitStatus == QProcess::NormalExit && result.exitCode == 2, describe(result));
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains("one_row.csv") && result.err.contains("row"), result.err);
    QCOMPARE(result.err.count('\n'), 1);
}

void TestEdgeCases::oneRowWithoutIntercept()
{
    // One row, one parameter: a fit exists (y = 2x) and descent reaches it; only the statistics that need
    // degrees of freedom are undefined.
    const Dataset data = makeData({ "x", "y" }, { { 1, 2 } });
    ProblemSpec spec;
    spec.intercept = false;
    SolverSettings settings;
    settings.learningRate = 0.1;
    const RecordedRun run = gdlab::test::recordDescent(data, spec, settings);
    checkRunIsSound(run);
    QCOMPARE(run.result.reason, StopReason::MaxIterations);
    QVERIFY(std::abs(run.states.back().theta[0] - 2.0) < 1e-9);
    QVERIFY(!run.leastSquares.rankDeficient);
    QVERIFY(std::abs(run.leastSquares.thetaOriginal[0] - 2.0) < 1e-12);
    QVERIFY(std::isnan(run.leastSquares.residualStandardDeviation));
}

void TestEdgeCases::twoIdenticalRows()
{
    const Dataset data = makeData({ "x", "y" }, { { 3, 7 }, { 3, 7 } });
    const RecordedRun run = gdlab::test::recordDescent(data, ProblemSpec {}, SolverSettings {});
    checkRunIsSound(run);
    QCOMPARE(run.result.reason, StopReason::MaxIterations);
    QVERIFY(run.leastSquares.rankDeficient);
    QCOMPARE(run.leastSquares.rank, Eigen::Index { 1 });
    QVERIFY2(QString::fromStdString(run.leastSquares.message).contains("'x'"), run.leastSquares.message.c_str());
    QVERIFY(run.leastSquares.thetaOriginal.allFinite());
    // Any line through the point is a least-squares fit: θ0 + 3θ1 = 7.
    const Eigen::VectorXd& theta = run.leastSquares.thetaOriginal;
    QVERIFY(std::abs(theta[0] + 3 * theta[1] - 7) < 1e-12);
    QVERIFY(std::isfinite(run.stability.divergenceBound));
    QVERIFY(std::abs(run.states.back().loss) < 1e-12);
}

void TestEdgeCases::twoIdenticalRowsCli()
{
    QTemporaryDir directory;
    const QString path = writeCsv(directory, QStringLiteral("twins.csv"), "x,y\n3,7\n3,7\n");
    QVERIFY(!path.isEmpty());
    const CliResult summary = runCli({ path });
    QVERIFY2(summary.exitStatus == QProcess::NormalExit && summary.exitCode == 0, describe(summary));
    QVERIFY2(summary.out.contains("'x'"), summary.out);
    QVERIFY2(!showsNonFinite(summary.out), summary.out);
    const CliResult json = runCli({ path, "--json" });
    QVERIFY2(json.exitCode == 0, describe(json));
    QVERIFY2(!showsNonFinite(json.out), json.out);
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(json.out, &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(object.value("status").toString(), QStringLiteral("max iterations"));
    // Both points are the same: every fit through them has R² undefined (no variation in y).
    QVERIFY(object.value("r2").isNull());
}

void TestEdgeCases::hugeValues_data()
{
    QTest::addColumn<double>("xScale");
    QTest::addColumn<double>("yScale");
    QTest::addColumn<QString>("culprit");
    QTest::addRow("x and y ~1e300") << 1e300 << 1e300 << QStringLiteral("'x'");
    QTest::addRow("x ~1e300") << 1e300 << 1.0 << QStringLiteral("'x'");
    QTest::addRow("y ~1e300") << 1.0 << 1e300 << QStringLiteral("'y'");
    QTest::addRow("x and y ~1e200") << 1e200 << 1e200 << QStringLiteral("'x'");
}

void TestEdgeCases::hugeValues()
{
    QFETCH(double, xScale);
    QFETCH(double, yScale);
    QFETCH(QString, culprit);
    const Dataset data = makeData({ "x", "y" },
        { { 1 * xScale, 1 * yScale }, { 2 * xScale, 3 * yScale }, { 3 * xScale, 3 * yScale },
            { 4 * xScale, 3 * yScale }, { 5 * xScale, 5 * yScale } });
    // Their squares overflow: the loss is infinite at every θ, so there is nothing to descend. The problem is
    // refused with a message naming the column, rather than shown as a run of infinities.
    try {
        const RecordedRun run = gdlab::test::recordDescent(data, ProblemSpec {}, SolverSettings {});
        checkRunIsSound(run);
        QFAIL("values whose squares overflow must be refused");
    } catch (const InputError& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains(culprit), error.what());
        QVERIFY2(message.contains("too large"), error.what());
        QVERIFY2(!showsNonFinite(error.what()), error.what());
    }
}

void TestEdgeCases::hugeValuesCli()
{
    QTemporaryDir directory;
    const QString path
        = writeCsv(directory, QStringLiteral("huge.csv"), "x,y\n1e300,1e300\n2e300,3e300\n3e300,3e300\n");
    QVERIFY(!path.isEmpty());
    for (const QStringList& extra : { QStringList {}, QStringList { "--json" } }) {
        const CliResult result = runCli(QStringList { path } + extra);
        QVERIFY2(result.exitStatus == QProcess::NormalExit && result.exitCode == 2, describe(result));
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.contains("huge.csv") && result.err.contains("'x'"), result.err);
        QVERIFY2(!showsNonFinite(result.err), result.err);
    }
}

void TestEdgeCases::hugeFeatureStandardized()
{
    // Standardizing brings a feature of 1e300 back to order 1: the descent runs, and θ in original units is
    // tiny but finite.
    const Dataset data
        = makeData({ "x", "y" }, { { 1e300, 1 }, { 2e300, 3 }, { 3e300, 3 }, { 4e300, 3 }, { 5e300, 5 } });
    ProblemSpec spec;
    spec.standardize = true;
    SolverSettings settings;
    settings.learningRate = 0.1;
    const RecordedRun run = gdlab::test::recordDescent(data, spec, settings);
    checkRunIsSound(run);
    QCOMPARE(run.result.reason, StopReason::MaxIterations);
    QVERIFY(!run.leastSquares.rankDeficient);
    const Eigen::VectorXd& theta = run.leastSquares.thetaOriginal;
    QVERIFY(theta.allFinite());
    QVERIFY(std::abs(theta[0] - 0.6) < 1e-9);
    QVERIFY(std::abs(theta[1] / 0.8e-300 - 1) < 1e-9);
    const Eigen::VectorXd last = run.problem->toOriginalUnits(run.states.back().theta);
    QVERIFY(last.allFinite());
    QVERIFY(std::abs(last[0] - 0.6) < 1e-6);
}

void TestEdgeCases::nearMaximumStandardized()
{
    // The column's sum overflows, so neither its mean nor its scale exist; the message must say so, not call
    // the column constant.
    const Dataset data = makeData({ "x", "y" }, { { 1.7e308, 1 }, { 1.6e308, 3 }, { 1.5e308, 3 } });
    ProblemSpec spec;
    spec.standardize = true;
    try {
        gdlab::test::recordDescent(data, spec, SolverSettings {});
        QFAIL("a column whose sum overflows cannot be standardized");
    } catch (const InputError& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains("'x'") && message.contains("too large"), error.what());
        QVERIFY2(!message.contains("constant"), error.what());
    }
}

void TestEdgeCases::largeValuesDiverge()
{
    // Squares of 1e150 still fit in a double, but the first step of lr 0.01 overshoots into overflow: the
    // run diverges at once and keeps only its finite start.
    const Dataset data = makeData(
        { "x", "y" }, { { 1e150, 1e150 }, { 2e150, 3e150 }, { 3e150, 3e150 }, { 4e150, 3e150 }, { 5e150, 5e150 } });
    for (int iterations : { 1, 1000 }) {
        SolverSettings settings;
        settings.iterations = iterations;
        const RecordedRun run = gdlab::test::recordDescent(data, ProblemSpec {}, settings);
        checkRunIsSound(run);
        QCOMPARE(run.result.reason, StopReason::Diverged);
        QVERIFY(run.leastSquares.thetaOriginal.allFinite());
        QVERIFY(std::abs(run.leastSquares.thetaOriginal[1] - 0.8) < 1e-9);
    }
}

void TestEdgeCases::tinyValues_data()
{
    QTest::addColumn<double>("scale");
    QTest::addRow("1e-300") << 1e-300;
    QTest::addRow("1e-310 (subnormal)") << 1e-310;
}

void TestEdgeCases::tinyValues()
{
    QFETCH(double, scale);
    const Dataset data = makeData({ "x", "y" },
        { { 1 * scale, 1 * scale }, { 2 * scale, 3 * scale }, { 3 * scale, 3 * scale }, { 4 * scale, 3 * scale },
            { 5 * scale, 5 * scale } });
    for (bool standardize : { false, true }) {
        ProblemSpec spec;
        spec.standardize = standardize;
        const RecordedRun run = gdlab::test::recordDescent(data, spec, SolverSettings {});
        checkRunIsSound(run);
        QCOMPARE(run.result.reason, StopReason::MaxIterations);
        QVERIFY(run.leastSquares.thetaOriginal.allFinite());
        QVERIFY(std::isfinite(run.stability.divergenceBound));
        QVERIFY(std::isfinite(run.stability.optimalRate));
        // The closed form scales its columns, so the slope survives even where squares underflow to 0.
        if (scale >= 1e-300) {
            QVERIFY2(!run.leastSquares.rankDeficient, run.leastSquares.message.c_str());
            QVERIFY(std::abs(run.leastSquares.thetaOriginal[1] - 0.8) < 1e-6);
        }
    }
}

void TestEdgeCases::subnormalValuesCli()
{
    QTemporaryDir directory;
    const QString path = writeCsv(
        directory, QStringLiteral("tiny.csv"), "x,y\n1e-310,1e-310\n2e-310,3e-310\n3e-310,3e-310\n4e-310,3e-310\n");
    QVERIFY(!path.isEmpty());
    const CliResult json = runCli({ path, "--json" });
    QVERIFY2(json.exitStatus == QProcess::NormalExit, describe(json));
    if (json.exitCode == 2) {
        // Refusing subnormal input is acceptable, as long as the message says where.
        QVERIFY2(json.err.contains("tiny.csv:2"), json.err);
        return;
    }
    QVERIFY2(json.exitCode == 0, describe(json));
    QVERIFY2(!showsNonFinite(json.out), json.out);
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(json.out, &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(object.value("status").toString(), QStringLiteral("max iterations"));
    for (const QJsonValue value : object.value("theta").toArray())
        QVERIFY(value.isDouble());
    const CliResult summary = runCli({ path });
    QVERIFY2(summary.exitCode == 0, describe(summary));
    QVERIFY2(!showsNonFinite(summary.out), summary.out);
}

void TestEdgeCases::constantTarget_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("intercept");
    // Values whose mean is not exactly themselves in floating point: the total sum of squares must still be 0.
    for (double value : { 0.0, 1.0, 0.1, 0.7, 1.0 / 3.0, 123456.789, -2.5e-7 })
        QTest::addRow("y = %g", value) << value << true;
    QTest::addRow("y = 0 without intercept") << 0.0 << false;
}

void TestEdgeCases::constantTarget()
{
    QFETCH(double, value);
    QFETCH(bool, intercept);
    Eigen::MatrixXd values(7, 2);
    values.col(0) << 1, 2, 3, 4, 5, 6, 7;
    values.col(1).setConstant(value);
    const Dataset data({ "x", "y" }, values, "constant.csv");
    ProblemSpec spec;
    spec.intercept = intercept;
    const RecordedRun run = gdlab::test::recordDescent(data, spec, SolverSettings {});
    checkRunIsSound(run);
    QCOMPARE(run.result.reason, StopReason::MaxIterations);
    // R² compares with the variation of y, which is none: undefined (NaN internally, null or words outside).
    QVERIFY2(std::isnan(run.leastSquares.r2), qPrintable(QString::number(run.leastSquares.r2)));
    QVERIFY(run.leastSquares.thetaOriginal.allFinite());
    if (intercept)
        QVERIFY(std::abs(run.leastSquares.thetaOriginal[0] - value) <= 1e-12 * std::max(1.0, std::abs(value)));
}

void TestEdgeCases::constantTargetCli()
{
    QTemporaryDir directory;
    const QString path = writeCsv(directory, QStringLiteral("flat.csv"), "x,y\n1,0.7\n2,0.7\n3,0.7\n4,0.7\n5,0.7\n");
    QVERIFY(!path.isEmpty());
    const CliResult json = runCli({ path, "--json" });
    QVERIFY2(json.exitStatus == QProcess::NormalExit && json.exitCode == 0, describe(json));
    QVERIFY2(!showsNonFinite(json.out), json.out);
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(json.out, &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QVERIFY(object.contains("r2"));
    QVERIFY(object.value("r2").isNull());
    QCOMPARE(object.value("status").toString(), QStringLiteral("max iterations"));

    const CliResult summary = runCli({ path });
    QVERIFY2(summary.exitCode == 0, describe(summary));
    QVERIFY2(!showsNonFinite(summary.out), summary.out);
    QVERIFY2(summary.out.contains("R² undefined"), summary.out);
}

} // namespace tst_edge_cases

QTEST_APPLESS_MAIN(tst_edge_cases::TestEdgeCases)
#include "tst_edge_cases.moc"
