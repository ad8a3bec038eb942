#include "compare/sweep_dialog.h"
#include "learning_rate_sweep.h"

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
    if (!controller->loadLesson(QString::fromLatin1(lesson)).isEmpty())
        return nullptr;
    controller->waitForComputation();
    return controller;
}

} // namespace

class TestSweepDialog : public QObject {
    Q_OBJECT

private slots:
    void nothingLoadedIsAnError();
    void dialogShowsOneCurvePerRate();
    void dialogLegendNamesRateAndBehaviour();
    void dialogFollowsSettings();
    void dialogFollowsNewData();
    void hiddenDialogCatchesUpWhenShown();
};

void TestSweepDialog::nothingLoadedIsAnError()
{
    SessionController controller;
    SweepDialog dialog(&controller);
    QVERIFY(dialog.results().empty());
    QVERIFY(dialog.headerText().startsWith(QStringLiteral("Nothing to sweep")));
    QCOMPARE(dialog.plot()->graphCount(), 0);
}

void TestSweepDialog::dialogShowsOneCurvePerRate()
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

void TestSweepDialog::dialogLegendNamesRateAndBehaviour()
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

void TestSweepDialog::dialogFollowsSettings()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const std::vector<SweepResult> before = dialog.results();

    // The rates are multiples of the bound, so another learning rate changes the header, not the curves.
    QVERIFY(controller->setLearningRate(0.05).isEmpty());
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
    QVERIFY(controller->setSettings(settings).isEmpty());
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
    QVERIFY(controller->setSettings(settings).isEmpty());
    QTRY_COMPARE(dialog.sweptIterations(), 100LL);
    QCOMPARE(dialog.graphs().front()->data()->size(), 101);
}

void TestSweepDialog::dialogFollowsNewData()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const double fivePointsRate = dialog.results().front().learningRate;
    QVERIFY(controller->loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    controller->waitForComputation();
    QTRY_VERIFY(dialog.results().front().learningRate != fivePointsRate);
    QCOMPARE(dialog.results().front().learningRate, 0.125 * controller->stability().divergenceBound);
    QCOMPARE(dialog.plot()->graphCount(), 6);
}

void TestSweepDialog::hiddenDialogCatchesUpWhenShown()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller.get());
    const double mseRate = dialog.results().front().learningRate;
    SolverSettings settings = controller->settings();
    settings.loss = LossKind::HalfMse;
    QVERIFY(controller->setSettings(settings).isEmpty());
    QCoreApplication::processEvents();
    // Nothing is computed for a dialog nobody sees…
    QCOMPARE(dialog.results().front().learningRate, mseRate);
    // …until it is shown. half-mse halves the Hessian, so the bound doubles.
    dialog.show();
    QVERIFY(std::abs(dialog.results().front().learningRate - 2 * mseRate) <= 1e-12 * mseRate);
    QCOMPARE(dialog.plot()->yAxis->label(), QStringLiteral("loss (half-mse)"));
}

QTEST_MAIN(TestSweepDialog)
#include "tst_sweep_dialog.moc"
