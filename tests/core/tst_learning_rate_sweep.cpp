#include "csv_reader.h"
#include "learning_rate_sweep.h"
#include "lesson.h"
#include "run.h"
#include "support/recorded_run.h"

#include <Eigen/Eigenvalues>

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <string>

namespace tst_learning_rate_sweep {

using namespace gdlab;

namespace {

// A lesson's run as the program opens it: its data, columns and settings, descended.
Run lessonRun(const char* name)
{
    const Lesson* lesson = findLesson(name);
    const auto data
        = std::make_shared<const Dataset>(CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + lesson->fileName));
    Run run = prepareRun(data, lesson->problem, lesson->solver, lesson->useOptimalRate);
    descend(run);
    return run;
}

const SweepResult* resultWithFactor(const std::vector<SweepResult>& results, double factor)
{
    for (const SweepResult& result : results)
        if (std::abs(result.factor - factor) < 1e-12)
            return &result;
    return nullptr;
}

/**
 * The θ path's component along the steepest direction of the bowl (the top eigenvector of G), measured from
 * the least-squares optimum: the test's own look at whether the path swings from side to side.
 */
std::vector<double> steepestComponent(const Run& base, double learningRate, int steps)
{
    SolverSettings settings = base.settings;
    settings.learningRate = learningRate;
    settings.iterations = steps;
    Run run = withSettings(base, settings);
    descend(run);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(run.problem->gram());
    const Eigen::VectorXd steepest = eigen.eigenvectors().col(eigen.eigenvalues().size() - 1);
    std::vector<double> components;
    for (std::size_t row = 0; row < run.history->size(); ++row)
        components.push_back(steepest.dot(run.history->theta(row) - run.problem->leastSquaresTheta()));
    return components;
}

int signChanges(const std::vector<double>& values)
{
    int changes = 0;
    for (std::size_t k = 1; k < values.size(); ++k)
        if (values[k] * values[k - 1] < 0)
            ++changes;
    return changes;
}

} // namespace

class TestLearningRateSweep : public QObject {
    Q_OBJECT

private slots:
    void sixRatesAroundTheBound();
    void labelsFollowTheBehaviour();
    void curvesAreTheSolversOwn();
    void iterationsAreCapped();
    void stochasticMethodsRunTheirOwnMethod();
    void runThatCannotSweepIsAnError();
};

void TestLearningRateSweep::sixRatesAroundTheBound()
{
    const Run base = lessonRun("five_points");
    const LearningRateSweep sweep(base);
    QVERIFY(sweep.error().empty());
    const double bound = base.stability.divergenceBound;
    QVERIFY(bound > 0);
    QCOMPARE(sweep.stability().divergenceBound, bound);
    const std::vector<SweepResult>& results = sweep.results();
    QCOMPARE(results.size(), std::size_t(6));
    const std::vector<double> factors { 0.125, 0.25, 0.5, 0.75, 0.95, 1.05 };
    for (std::size_t i = 0; i < results.size(); ++i) {
        QCOMPARE(results[i].factor, factors[i]);
        QCOMPARE(results[i].learningRate, factors[i] * bound);
        // In units of 1/λmax (the rate that removes the steepest direction's error in one step) these are
        // 0.25, 0.5, 1, 1.5, 1.9 and 2.1.
        QVERIFY(std::abs(results[i].learningRate * sweep.stability().lambdaMax - 2 * factors[i]) < 1e-12);
    }
    // five_points, mse: the bound is 2/λmax of H = (2/5)·XᵀX, 0.0845, so the smallest rate is 0.0106.
    QCOMPARE(QString::number(results.front().learningRate, 'g', 3), QStringLiteral("0.0106"));

    // Only the rate above the bound diverges; five_points asks for 1000 iterations, and every other curve has
    // all of them.
    for (std::size_t i = 0; i + 1 < results.size(); ++i) {
        QVERIFY(results[i].reason != StopReason::Diverged);
        QCOMPARE(results[i].losses.size(), std::size_t(1001));
    }
    QCOMPARE(results.back().reason, StopReason::Diverged);
    QVERIFY(results.back().losses.size() > 10);
    QVERIFY(results.back().losses.size() < 1001);
}

void TestLearningRateSweep::labelsFollowTheBehaviour()
{
    const Run base = lessonRun("five_points");
    const LearningRateSweep sweep(base);
    const std::vector<SweepResult>& results = sweep.results();
    QCOMPARE(results.size(), std::size_t(6));

    // The test's own evidence: above 1/λmax (half the bound) the path swings across the optimum along the
    // steepest direction at every step; at or below it, it never does.
    for (const SweepResult& result : results) {
        std::vector<double> component = steepestComponent(base, result.learningRate, 12);
        // At 1/λmax exactly the steepest component is gone after one step; what is left is rounding.
        const double start = std::abs(component.front());
        component.erase(std::remove_if(component.begin(), component.end(),
                            [start](double value) { return std::abs(value) < 1e-9 * start; }),
            component.end());
        const bool swings = signChanges(component) >= 5;
        if (result.factor > 0.5 + 1e-9)
            QVERIFY2(swings, qPrintable(QString::number(result.factor)));
        else
            QVERIFY2(signChanges(component) == 0, qPrintable(QString::number(result.factor)));
    }

    const auto behaviour = [&results](double factor) { return resultWithFactor(results, factor)->behaviour; };
    QCOMPARE(behaviour(1.05), SweepBehaviour::Diverges);
    QCOMPARE(behaviour(0.95), SweepBehaviour::Oscillates);
    QCOMPARE(behaviour(0.75), SweepBehaviour::Oscillates);
    QCOMPARE(behaviour(0.5), SweepBehaviour::Converges);
    QCOMPARE(behaviour(0.125), SweepBehaviour::TooSlow);
    QVERIFY(behaviour(0.25) == SweepBehaviour::TooSlow || behaviour(0.25) == SweepBehaviour::Converges);
    QVERIFY(resultWithFactor(results, 0.95)->reversals >= 3);
    QCOMPARE(resultWithFactor(results, 0.5)->reversals, 0);
    QCOMPARE(resultWithFactor(results, 0.125)->reversals, 0);

    // Batch descent on a quadratic below the bound lowers the loss at every step, oscillating or not.
    for (const SweepResult& result : results) {
        if (result.behaviour == SweepBehaviour::Diverges)
            continue;
        QCOMPARE(result.lossRises, 0);
        QVERIFY(result.losses.back() < result.losses.front());
    }
    // The slow one really is behind: after 100 updates it is further from the least-squares loss.
    const double floor = sweep.minimumLoss();
    QVERIFY(resultWithFactor(results, 0.125)->losses[100] - floor
        > 5 * (resultWithFactor(results, 0.5)->losses[100] - floor));

    // Speeds are measured, not assumed from the factor: every curve called slow (too slow, or oscillating and
    // slow) needs more updates to close the reference decades of L − L* than every curve that is not.
    QVERIFY(sweep.referenceDecades() > 1);
    for (const SweepResult& slow : results)
        for (const SweepResult& other : results) {
            if (!slow.slow || other.slow || other.behaviour == SweepBehaviour::Diverges)
                continue;
            QVERIFY(other.updatesToReference >= 0);
            QVERIFY2(slow.updatesToReference < 0 || slow.updatesToReference > other.updatesToReference,
                qPrintable(QStringLiteral("%1 vs %2").arg(slow.factor).arg(other.factor)));
        }
    QVERIFY(resultWithFactor(results, 0.125)->slow);
    QVERIFY(!resultWithFactor(results, 0.5)->slow);
    QCOMPARE(resultWithFactor(results, 1.05)->updatesToReference, -1LL);

    QCOMPARE(QString::fromUtf8(LearningRateSweep::behaviourName(SweepBehaviour::TooSlow)), QStringLiteral("too slow"));
    QCOMPARE(
        QString::fromUtf8(LearningRateSweep::behaviourName(SweepBehaviour::Oscillates)), QStringLiteral("oscillates"));
    QCOMPARE(QString::fromUtf8(LearningRateSweep::behaviourName(SweepBehaviour::Diverges)), QStringLiteral("diverges"));
}

void TestLearningRateSweep::curvesAreTheSolversOwn()
{
    const Run base = lessonRun("five_points");
    const LearningRateSweep sweep(base);
    for (const SweepResult& result : sweep.results()) {
        SolverSettings settings = base.settings;
        settings.learningRate = result.learningRate;
        const test::RecordedRun run = test::recordDescent(*base.dataset, base.problem->spec(), settings);
        QCOMPARE(result.reason, run.result.reason);
        QCOMPARE(result.losses.size(), run.states.size());
        for (std::size_t k = 0; k < run.states.size(); ++k)
            QCOMPARE(result.losses[k], run.states[k].loss);
    }
    // At the session's own rate the sweep reproduces the lesson's curve exactly.
    const double bound = base.stability.divergenceBound;
    const LearningRateSweep own(
        *base.dataset, base.problem->spec(), base.settings, { base.settings.learningRate / bound });
    QCOMPARE(own.results().size(), std::size_t(1));
    QCOMPARE(own.results().front().losses.size(), base.history->size());
    for (std::size_t row : { 0, 1, 10, 999, 1000 })
        QVERIFY(
            std::abs(own.results().front().losses[row] - base.history->loss(row)) <= 1e-14 * base.history->loss(row));
}

void TestLearningRateSweep::iterationsAreCapped()
{
    const Run base = lessonRun("two_features_n50");
    QCOMPARE(base.settings.iterations, 100000LL);
    const LearningRateSweep sweep(base);
    QCOMPARE(sweep.settings().iterations, LearningRateSweep::kMaxIterations);
    for (const SweepResult& result : sweep.results())
        if (result.reason != StopReason::Diverged)
            QCOMPARE(result.losses.size(), std::size_t(LearningRateSweep::kMaxIterations + 1));
    // A smaller cap by hand.
    const LearningRateSweep small(
        *base.dataset, base.problem->spec(), base.settings, LearningRateSweep::defaultFactors(), 50);
    QCOMPARE(small.results().front().losses.size(), std::size_t(51));
}

void TestLearningRateSweep::stochasticMethodsRunTheirOwnMethod()
{
    const Run base = lessonRun("three_features_ints_n20");
    QCOMPARE(base.settings.method, DescentMethod::Sgd);
    const LearningRateSweep sweep(base);
    QVERIFY(sweep.error().empty());
    QCOMPARE(sweep.results().size(), std::size_t(6));
    QCOMPARE(sweep.settings().method, DescentMethod::Sgd);
    // Still multiples of batch descent's bound for this loss (half-mse).
    const double bound = computeStability(*base.problem, LossKind::HalfMse).divergenceBound;
    QVERIFY(std::abs(sweep.results().front().learningRate - 0.125 * bound) <= 1e-12 * bound);
    for (const SweepResult& result : sweep.results())
        // Reversals mean nothing for SGD (every sample pulls its own way): never called oscillation here.
        QVERIFY(result.behaviour != SweepBehaviour::Oscillates);
    // And the curve is SGD's: the same as running SGD at that rate.
    SolverSettings settings = base.settings;
    settings.learningRate = sweep.results()[2].learningRate;
    settings.iterations = LearningRateSweep::kMaxIterations;
    const test::RecordedRun run = test::recordDescent(*base.dataset, base.problem->spec(), settings);
    QCOMPARE(sweep.results()[2].losses.size(), run.states.size());
    QCOMPARE(sweep.results()[2].losses.back(), run.states.back().loss);
}

// A loss that does not depend on θ (every feature zero, no intercept) has no bound to sweep around.
void TestLearningRateSweep::runThatCannotSweepIsAnError()
{
    const Dataset flat({ "x", "y" }, (Eigen::MatrixXd(3, 2) << 0, 1, 0, 2, 0, 3).finished(), "flat");
    ProblemSpec spec;
    spec.intercept = false;
    const LearningRateSweep sweep(flat, spec, SolverSettings {});
    QVERIFY(sweep.results().empty());
    QVERIFY(!sweep.error().empty());
}

} // namespace tst_learning_rate_sweep

QTEST_APPLESS_MAIN(tst_learning_rate_sweep::TestLearningRateSweep)
#include "tst_learning_rate_sweep.moc"
