#include "compare/learning_rate_sweep.h"
#include "compare/sweep_dialog.h"

#include "descent_run.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <Eigen/Eigenvalues>

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace gdlab;

namespace {

std::unique_ptr<SessionController> loadedController(const char* lesson)
{
    auto controller = std::make_unique<SessionController>();
    if (!controller->loadLesson(QString::fromLatin1(lesson)))
        return nullptr;
    controller->waitForComputation();
    return controller;
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
std::vector<double> steepestComponent(const SessionController& controller, double learningRate, int steps)
{
    SolverSettings settings = controller.settings();
    settings.learningRate = learningRate;
    settings.iterations = steps;
    const DescentRun run = runDescent(controller.dataset(), controller.problemSpec(), settings);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(run.problem->gram());
    const Eigen::VectorXd steepest = eigen.eigenvectors().col(eigen.eigenvalues().size() - 1);
    std::vector<double> components;
    for (const IterationState& state : run.history)
        components.push_back(steepest.dot(state.theta - run.problem->leastSquaresTheta()));
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
    void nothingLoadedIsAnError();
    void dialogShowsOneCurvePerRate();
    void dialogLegendNamesRateAndBehaviour();
    void dialogFollowsSettings();
    void dialogFollowsNewData();
    void hiddenDialogCatchesUpWhenShown();
};

void TestLearningRateSweep::sixRatesAroundTheBound()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    const LearningRateSweep sweep(*controller);
    QVERIFY(sweep.error().empty());
    const double bound = controller->stability().divergenceBound;
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
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    const LearningRateSweep sweep(*controller);
    const std::vector<SweepResult>& results = sweep.results();
    QCOMPARE(results.size(), std::size_t(6));

    // The test's own evidence: above 1/λmax (half the bound) the path swings across the optimum along the
    // steepest direction at every step; at or below it, it never does.
    for (const SweepResult& result : results) {
        std::vector<double> component = steepestComponent(*controller, result.learningRate, 12);
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

    QCOMPARE(QString::fromUtf8(LearningRateSweep::behaviourName(SweepBehaviour::TooSlow)), QStringLiteral("too slow"));
    QCOMPARE(
        QString::fromUtf8(LearningRateSweep::behaviourName(SweepBehaviour::Oscillates)), QStringLiteral("oscillates"));
    QCOMPARE(QString::fromUtf8(LearningRateSweep::behaviourName(SweepBehaviour::Diverges)), QStringLiteral("diverges"));
}

void TestLearningRateSweep::curvesAreTheSolversOwn()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    const LearningRateSweep sweep(*controller);
    for (const SweepResult& result : sweep.results()) {
        SolverSettings settings = controller->settings();
        settings.learningRate = result.learningRate;
        const DescentRun run = runDescent(controller->dataset(), controller->problemSpec(), settings);
        QCOMPARE(result.reason, run.result.reason);
        QCOMPARE(result.losses.size(), run.history.size());
        for (std::size_t k = 0; k < run.history.size(); ++k)
            QCOMPARE(result.losses[k], run.history[k].loss);
    }
    // At the session's own rate the sweep would reproduce the model's curve exactly.
    const double bound = controller->stability().divergenceBound;
    const LearningRateSweep own(controller->dataset(), controller->problemSpec(), controller->settings(),
        { controller->settings().learningRate / bound });
    QCOMPARE(own.results().size(), std::size_t(1));
    const IterationModel* model = controller->model();
    QCOMPARE(int(own.results().front().losses.size()), model->rowCount());
    for (int row : { 0, 1, 10, 999, 1000 })
        QVERIFY(std::abs(own.results().front().losses[std::size_t(row)] - model->state(row).loss)
            <= 1e-14 * model->state(row).loss);
}

void TestLearningRateSweep::iterationsAreCapped()
{
    auto controller = loadedController("two_features_n50");
    QVERIFY(controller);
    QCOMPARE(controller->settings().iterations, 100000LL);
    const LearningRateSweep sweep(*controller);
    QCOMPARE(sweep.settings().iterations, LearningRateSweep::kMaxIterations);
    for (const SweepResult& result : sweep.results())
        if (result.reason != StopReason::Diverged)
            QCOMPARE(result.losses.size(), std::size_t(LearningRateSweep::kMaxIterations + 1));
    // A smaller cap by hand.
    const LearningRateSweep small(controller->dataset(), controller->problemSpec(), controller->settings(),
        LearningRateSweep::defaultFactors(), 50);
    QCOMPARE(small.results().front().losses.size(), std::size_t(51));
}

void TestLearningRateSweep::stochasticMethodsRunTheirOwnMethod()
{
    auto controller = loadedController("three_features_ints_n20");
    QVERIFY(controller);
    QCOMPARE(controller->settings().method, DescentMethod::Sgd);
    const LearningRateSweep sweep(*controller);
    QVERIFY(sweep.error().empty());
    QCOMPARE(sweep.results().size(), std::size_t(6));
    QCOMPARE(sweep.settings().method, DescentMethod::Sgd);
    // Still multiples of batch descent's bound for this loss (half-mse).
    const double bound = computeStability(*controller->problem(), LossKind::HalfMse).divergenceBound;
    QVERIFY(std::abs(sweep.results().front().learningRate - 0.125 * bound) <= 1e-12 * bound);
    for (const SweepResult& result : sweep.results())
        // Reversals mean nothing for SGD (every sample pulls its own way): never called oscillation here.
        QVERIFY(result.behaviour != SweepBehaviour::Oscillates);
    // And the curve is SGD's: the same as running SGD at that rate.
    SolverSettings settings = controller->settings();
    settings.learningRate = sweep.results()[2].learningRate;
    settings.iterations = LearningRateSweep::kMaxIterations;
    const DescentRun run = runDescent(controller->dataset(), controller->problemSpec(), settings);
    QCOMPARE(sweep.results()[2].losses.size(), run.history.size());
    QCOMPARE(sweep.results()[2].losses.back(), run.history.back().loss);
}

void TestLearningRateSweep::nothingLoadedIsAnError()
{
    SessionController controller;
    const LearningRateSweep sweep(controller);
    QVERIFY(sweep.results().empty());
    QVERIFY(!sweep.error().empty());
    SweepDialog dialog(&controller);
    QVERIFY(dialog.results().empty());
    QVERIFY(dialog.headerText().startsWith(QStringLiteral("Nothing to sweep")));
    QCOMPARE(dialog.plot()->graphCount(), 0);
}

void TestLearningRateSweep::dialogShowsOneCurvePerRate()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller.get());
    QVERIFY(!dialog.isModal());
    const std::vector<SweepResult>& results = dialog.results();
    QCOMPARE(results.size(), std::size_t(6));
    QCustomPlot* plot = dialog.plot();
    QCOMPARE(plot->graphCount(), 6);
    QCOMPARE(dialog.graphs().size(), std::size_t(6));
    QCOMPARE(plot->xAxis->label(), QStringLiteral("iteration"));
    QCOMPARE(plot->yAxis->label(), QStringLiteral("loss (mse)"));
    QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLogarithmic);
    for (std::size_t i = 0; i < results.size(); ++i) {
        const QCPGraph* graph = dialog.graphs()[i];
        QCOMPARE(graph->data()->size(), int(results[i].losses.size()));
        QCOMPARE(graph->data()->at(0)->value, results[i].losses.front());
        QCOMPARE(graph->data()->at(graph->data()->size() - 1)->key, double(results[i].losses.size() - 1));
        const QColor expected
            = results[i].behaviour == SweepBehaviour::Diverges ? ViewPalette::warning() : ViewPalette::series(int(i));
        QCOMPARE(graph->pen().color(), expected);
    }
    // Distinct colours: no two curves share one.
    for (std::size_t i = 0; i < results.size(); ++i)
        for (std::size_t j = i + 1; j < results.size(); ++j)
            QVERIFY(dialog.graphs()[i]->pen().color() != dialog.graphs()[j]->pen().color());
    // The legend sits below the axis rect, not over the curves.
    QVERIFY(plot->legend->layout() == plot->plotLayout());
    // The converging curves are inside the view at their start and their end.
    for (const SweepResult& result : results) {
        if (result.behaviour == SweepBehaviour::Diverges)
            continue;
        QVERIFY(plot->yAxis->range().contains(result.losses.front()));
        QVERIFY(plot->yAxis->range().contains(result.losses.back()));
    }
    QVERIFY(plot->xAxis->range().contains(0));
}

void TestLearningRateSweep::dialogLegendNamesRateAndBehaviour()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller.get());
    const QStringList legend = dialog.legendTexts();
    QCOMPARE(legend.size(), 6);
    QCOMPARE(legend[0], QStringLiteral("0.125× bound (lr 0.0106): too slow"));
    QCOMPARE(legend[2], QStringLiteral("0.5× bound (lr 0.0423): converges"));
    QCOMPARE(legend[3], QStringLiteral("0.75× bound (lr 0.0634): oscillates"));
    QCOMPARE(legend[4], QStringLiteral("0.95× bound (lr 0.0803): oscillates"));
    QVERIFY2(legend[5].startsWith(QStringLiteral("1.05× bound (lr 0.0888): diverges after ")), qPrintable(legend[5]));
    // The legend the plot draws carries the same texts.
    QCOMPARE(dialog.plot()->legend->itemCount(), 6);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(dialog.plot()->graph(i)->name(), legend[i]);
    QVERIFY(dialog.headerText().contains(QStringLiteral("2/λmax = 0.0845")));
    QVERIFY(dialog.headerText().contains(QStringLiteral("Your learning rate 0.01 is 0.118× the bound")));
}

void TestLearningRateSweep::dialogFollowsSettings()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const std::vector<SweepResult> before = dialog.results();

    // The rates are multiples of the bound, so another learning rate changes the header, not the curves.
    QVERIFY(controller->setLearningRate(0.05));
    QTRY_VERIFY(dialog.headerText().contains(QStringLiteral("Your learning rate 0.05 is")));
    QCOMPARE(dialog.results().size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
        QCOMPARE(dialog.results()[i].learningRate, before[i].learningRate);
        QCOMPARE(dialog.results()[i].losses, before[i].losses);
    }

    // sse weighs the squares by 1 instead of 1/5: the bound and every rate become five times smaller.
    SolverSettings settings = controller->settings();
    settings.loss = LossKind::Sse;
    settings.learningRate = 0.001;
    QVERIFY(controller->setSettings(settings));
    QTRY_COMPARE(dialog.plot()->yAxis->label(), QStringLiteral("loss (sse)"));
    QCOMPARE(dialog.results().size(), std::size_t(6));
    for (std::size_t i = 0; i < before.size(); ++i)
        QVERIFY(
            std::abs(dialog.results()[i].learningRate - before[i].learningRate / 5) <= 1e-12 * before[i].learningRate);
    QCOMPARE(dialog.legendTexts()[0], QStringLiteral("0.125× bound (lr 0.00211): too slow"));
    QVERIFY(dialog.headerText().contains(QStringLiteral("0.0169")));
    // sse = 5 · mse: the same descent scaled, so the same behaviours.
    for (std::size_t i = 0; i < before.size(); ++i)
        QCOMPARE(dialog.results()[i].behaviour, before[i].behaviour);

    // Fewer iterations: shorter curves.
    settings.iterations = 100;
    QVERIFY(controller->setSettings(settings));
    QTRY_COMPARE(dialog.sweptIterations(), 100LL);
    QCOMPARE(dialog.graphs().front()->data()->size(), 101);
}

void TestLearningRateSweep::dialogFollowsNewData()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const double fivePointsRate = dialog.results().front().learningRate;
    QVERIFY(controller->loadLesson(QStringLiteral("two_features_n100")));
    controller->waitForComputation();
    QTRY_VERIFY(dialog.results().front().learningRate != fivePointsRate);
    QCOMPARE(dialog.results().front().learningRate, 0.125 * controller->stability().divergenceBound);
    QCOMPARE(dialog.plot()->graphCount(), 6);
}

void TestLearningRateSweep::hiddenDialogCatchesUpWhenShown()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller.get());
    const double mseRate = dialog.results().front().learningRate;
    SolverSettings settings = controller->settings();
    settings.loss = LossKind::HalfMse;
    QVERIFY(controller->setSettings(settings));
    QCoreApplication::processEvents();
    // Nothing is computed for a dialog nobody sees…
    QCOMPARE(dialog.results().front().learningRate, mseRate);
    // …until it is shown. half-mse halves the Hessian, so the bound doubles.
    dialog.show();
    QVERIFY(std::abs(dialog.results().front().learningRate - 2 * mseRate) <= 1e-12 * mseRate);
    QCOMPARE(dialog.plot()->yAxis->label(), QStringLiteral("loss (half-mse)"));
}

QTEST_MAIN(TestLearningRateSweep)
#include "tst_learning_rate_sweep.moc"
