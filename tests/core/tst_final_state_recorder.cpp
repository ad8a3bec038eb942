// The lean path (Solver::runToEnd, FinalStateRecorder) against the recording path (Solver::run, DescentRecorder):
// on every lesson, every optimizer and every method, with rates that converge, crawl, diverge past the loss limit
// and overflow, both must end at the same iteration for the same reason with the same last state, bit for bit.
#include "csv_reader.h"
#include "dataset.h"
#include "final_state_recorder.h"
#include "history.h"
#include "lesson.h"
#include "problem.h"
#include "run.h"
#include "solver.h"

#include <QtTest>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string>
#include <vector>

namespace tst_final_state_recorder {

using gdlab::DescentMethod;
using gdlab::History;
using gdlab::OptimizerKind;
using gdlab::RunResult;
using gdlab::Solver;
using gdlab::SolverSettings;
using gdlab::StopReason;

namespace {

constexpr OptimizerKind allOptimizers[] = { OptimizerKind::Gd, OptimizerKind::Momentum, OptimizerKind::Nesterov,
    OptimizerKind::AdaGrad, OptimizerKind::RmsProp, OptimizerKind::Adam, OptimizerKind::Newton };

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// The settings a case runs: the lesson's own, with the optimizer, method, rate and tolerance varied. The rate is a
// multiple of the lesson's, or of the bound 2/λmax above which batch gradient descent diverges.
struct Variant {
    const char* name;
    bool ofBound;
    double rateFactor;
    double tolerance;
    long long iterations;
};

constexpr Variant variants[] = {
    { "lesson rate", false, 1.0, 0.0, 1500 },
    { "converges to a tolerance", false, 1.0, 1e-3, 20000 },
    { "too fast: over the loss limit", true, 1.5, 0.0, 3000 },
    { "far too fast: overflows", true, 1e300, 0.0, 3000 },
    { "slow", false, 1e-3, 0.0, 700 },
};

SolverSettings variantSettings(const gdlab::Run& prepared, const Variant& v)
{
    SolverSettings settings = prepared.settings;
    settings.learningRate = v.rateFactor * (v.ofBound ? prepared.stability.divergenceBound : settings.learningRate);
    settings.tolerance = v.tolerance;
    settings.iterations = v.iterations;
    return settings;
}

// Which state, of how many in the recording path's history, and why the two disagree (empty when they agree).
QString compare(const Solver& solver)
{
    RunResult recorded;
    const History history = solver.run(&recorded);
    RunResult lean;
    const History last = solver.runToEnd(&lean);
    if (!(recorded == lean))
        return QString("result %1 at %2, lean %3 at %4")
            .arg(gdlab::stopReasonName(recorded.reason))
            .arg(recorded.iterations)
            .arg(gdlab::stopReasonName(lean.reason))
            .arg(lean.iterations);
    if (last.size() != 1 || history.empty())
        return QString("lean history has %1 rows").arg(last.size());
    const std::size_t row = history.size() - 1;
    if (last.firstIteration() != recorded.iterations || history.iteration(row) != recorded.iterations)
        return QString("last iteration %1, lean %2").arg(history.iteration(row)).arg(last.firstIteration());
    if (last.epoch(0) != history.epoch(row) || last.keepsStepGradients() != history.keepsStepGradients())
        return "epoch or shape differs";
    if (!sameBits(last.loss(0), history.loss(row)) || !sameBits(last.rmse(0), history.rmse(row))
        || !sameBits(last.gradientNorm(0), history.gradientNorm(row))
        || !sameBits(last.accuracy(0), history.accuracy(row)) || last.keepsAccuracy() != history.keepsAccuracy())
        return QString("loss %1 / %2").arg(history.loss(row), 0, 'g', 17).arg(last.loss(0), 0, 'g', 17);
    for (Eigen::Index i = 0; i < history.parameterCount(); ++i)
        if (!sameBits(last.theta(0)[i], history.theta(row)[i]))
            return QString("θ%1 %2 / %3")
                .arg(i)
                .arg(history.theta(row)[i], 0, 'g', 17)
                .arg(last.theta(0)[i], 0, 'g', 17);
    return {};
}

} // namespace

class TestFinalStateRecorder : public QObject {
    Q_OBJECT

private slots:
    void leanPathKeepsEveryResult_data();
    void leanPathKeepsEveryResult();
    void everyStopIsCovered();
    void nothingRecordedWithoutStart();
    void logisticLeanPathKeepsEveryResult_data();
    void logisticLeanPathKeepsEveryResult();
};

void TestFinalStateRecorder::leanPathKeepsEveryResult_data()
{
    QTest::addColumn<QString>("lessonName");
    QTest::addColumn<int>("optimizer");
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("variant");
    for (const gdlab::Lesson& lesson : gdlab::lessonCatalog())
        for (const OptimizerKind kind : allOptimizers)
            for (const DescentMethod method : { DescentMethod::Batch, DescentMethod::Sgd, DescentMethod::MiniBatch }) {
                if (kind == OptimizerKind::Newton && method != DescentMethod::Batch)
                    continue; // refused: Newton needs the whole data set's Hessian
                for (int v = 0; v < static_cast<int>(std::size(variants)); ++v)
                    QTest::addRow("%s %s %s %s", lesson.name.c_str(), gdlab::optimizerName(kind),
                        gdlab::methodName(method), variants[v].name)
                        << QString::fromStdString(lesson.name) << static_cast<int>(kind) << static_cast<int>(method)
                        << v;
            }
}

void TestFinalStateRecorder::leanPathKeepsEveryResult()
{
    QFETCH(QString, lessonName);
    QFETCH(int, optimizer);
    QFETCH(int, method);
    QFETCH(int, variant);
    const gdlab::Lesson* lesson = gdlab::findLesson(lessonName.toStdString());
    QVERIFY(lesson);
    const auto dataset = std::make_shared<const gdlab::Dataset>(
        gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + lesson->fileName));
    const gdlab::Run prepared = gdlab::prepareRun(dataset, lesson->problem, lesson->solver, lesson->useOptimalRate);
    SolverSettings settings = variantSettings(prepared, variants[variant]);
    settings.optimizer.kind = static_cast<OptimizerKind>(optimizer);
    settings.method = static_cast<DescentMethod>(method);
    settings.batchSize = 3;
    settings.shuffle = settings.method != DescentMethod::Batch;
    if (settings.method != DescentMethod::Batch)
        settings.iterations = std::min(settings.iterations, 400LL);
    const Solver solver(*prepared.problem, settings);
    const QString difference = compare(solver);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

// The variants above must reach every way a run ends, or the comparison proves less than it says.
void TestFinalStateRecorder::everyStopIsCovered()
{
    const gdlab::Lesson& lesson = gdlab::lessonCatalog().front();
    const auto dataset = std::make_shared<const gdlab::Dataset>(
        gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + lesson.fileName));
    const gdlab::Run prepared = gdlab::prepareRun(dataset, lesson.problem, lesson.solver, lesson.useOptimalRate);
    SolverSettings startOnly = prepared.settings;
    startOnly.iterations = 0;
    const double limit = 1e12 * (Solver(*prepared.problem, startOnly).runToEnd().loss(0) + 1.0);
    std::vector<StopReason> reasons;
    std::vector<double> lastLoss;
    for (const Variant& v : variants) {
        RunResult result;
        const History last = Solver(*prepared.problem, variantSettings(prepared, v)).runToEnd(&result);
        reasons.push_back(result.reason);
        lastLoss.push_back(last.loss(0));
    }
    QCOMPARE(reasons[0], StopReason::MaxIterations);
    QCOMPARE(reasons[1], StopReason::Converged);
    QCOMPARE(reasons[2], StopReason::Diverged);
    QCOMPARE(reasons[3], StopReason::Diverged);
    QVERIFY(lastLoss[2] > limit); // stopped at the state over the loss limit
    QVERIFY(lastLoss[3] <= limit); // stopped before an update that overflowed: that state is not kept
}

void TestFinalStateRecorder::nothingRecordedWithoutStart()
{
    const gdlab::FinalStateRecorder recorder(3, 0.0);
    const History history = recorder.history(false);
    QVERIFY(history.empty());
    QCOMPARE(history.parameterCount(), Eigen::Index { 3 });
}

void TestFinalStateRecorder::logisticLeanPathKeepsEveryResult_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("optimizer");
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("variant");
    for (const char* file : { "exam_hours.csv", "beetles.csv", "separable" })
        for (const OptimizerKind kind : allOptimizers)
            for (const DescentMethod method : { DescentMethod::Batch, DescentMethod::Sgd, DescentMethod::MiniBatch }) {
                if (kind == OptimizerKind::Newton && method != DescentMethod::Batch)
                    continue;
                for (int v = 0; v < static_cast<int>(std::size(variants)); ++v)
                    QTest::addRow(
                        "%s %s %s %s", file, gdlab::optimizerName(kind), gdlab::methodName(method), variants[v].name)
                        << QString(file) << static_cast<int>(kind) << static_cast<int>(method) << v;
            }
}

// The same comparison for the logistic model, whose states carry an accuracy: on the two published sets and on a
// separable one (where the descent never settles), with rates from a crawl to an overflow.
void TestFinalStateRecorder::logisticLeanPathKeepsEveryResult()
{
    QFETCH(QString, file);
    QFETCH(int, optimizer);
    QFETCH(int, method);
    QFETCH(int, variant);
    const auto dataset = std::make_shared<const gdlab::Dataset>(file == "separable"
            ? gdlab::CsvReader::parse("x,y\n1,0\n2,0\n3,0\n4,1\n5,1\n6,1\n", "separable.csv")
            : gdlab::CsvReader::readFile(std::string(GDLAB_TEST_DATA_DIR) + "/logistic/" + file.toStdString()));
    SolverSettings lesson;
    lesson.model = gdlab::ModelKind::Logistic;
    lesson.learningRate = 0.5;
    const gdlab::Run prepared = gdlab::prepareRun(dataset, gdlab::ProblemSpec {}, lesson);
    SolverSettings settings = variantSettings(prepared, variants[variant]);
    settings.iterations = std::min(settings.iterations, 600LL);
    settings.optimizer.kind = static_cast<OptimizerKind>(optimizer);
    settings.method = static_cast<DescentMethod>(method);
    settings.batchSize = 3;
    settings.shuffle = settings.method != DescentMethod::Batch;
    const Solver solver(*prepared.problem, settings);
    const QString difference = compare(solver);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

} // namespace tst_final_state_recorder

QTEST_APPLESS_MAIN(tst_final_state_recorder::TestFinalStateRecorder)
#include "tst_final_state_recorder.moc"
