#include "compare/sweep_dialog.h"
#include "dataset.h"
#include "learning_rate_sweep.h"

#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <Eigen/Eigenvalues>

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>

namespace tst_sweep_dialog {

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
    void everyOptimizerSweeps();
    void hiddenDialogCatchesUpWhenShown();
    void oneRecomputeForOneChange();
    void gapAxis();
    void logAxisTicks();
    void presentationModeEnlarges();
};

void TestSweepDialog::nothingLoadedIsAnError()
{
    SessionController controller;
    SweepDialog dialog(controller.model());
    QVERIFY(dialog.results().empty());
    QVERIFY(dialog.headerText().startsWith(QStringLiteral("Nothing to sweep")));
    QCOMPARE(dialog.plot()->graphCount(), 0);
}

void TestSweepDialog::dialogShowsOneCurvePerRate()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller->model());
    QVERIFY(!dialog.isModal());
    const std::vector<SweepResult>& results = dialog.results();
    QCOMPARE(results.size(), std::size_t(6));
    QCustomPlot* plot = dialog.plot();
    QCOMPARE(plot->graphCount(), 6);
    QCOMPARE(dialog.graphs().size(), std::size_t(6));
    QCOMPARE(plot->xAxis->label(), QStringLiteral("iteration"));
    // It opens on the view that tells the story: L − L* on a log axis.
    QVERIFY(dialog.isShowingGap());
    QCOMPARE(plot->yAxis->label(), QStringLiteral("loss − least-squares loss (mse)"));
    QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLogarithmic);
    for (std::size_t i = 0; i < results.size(); ++i) {
        const QCPGraph* graph = dialog.graphs()[i];
        QCOMPARE(graph->data()->size(), int(results[i].losses.size()));
        QCOMPARE(graph->data()->at(0)->value, dialog.plottedValue(i, 0));
        QCOMPARE(graph->data()->at(graph->data()->size() - 1)->key, double(results[i].losses.size() - 1));
        const QColor expected
            = results[i].behaviour == SweepBehaviour::Diverges ? ViewPalette::warning() : ViewPalette::series(int(i));
        QCOMPARE(graph->pen().color(), expected);
    }
    // Distinct colours and markers: no two curves share either, and each curve's markers sit at a spacing of its
    // own, so a curve running under another still shows its markers between the other's.
    for (std::size_t i = 0; i < results.size(); ++i) {
        QVERIFY(!dialog.graphs()[i]->scatterStyle().isNone());
        for (std::size_t j = i + 1; j < results.size(); ++j) {
            QVERIFY(dialog.graphs()[i]->pen().color() != dialog.graphs()[j]->pen().color());
            QVERIFY(dialog.graphs()[i]->scatterStyle().shape() != dialog.graphs()[j]->scatterStyle().shape());
            QVERIFY(dialog.graphs()[i]->scatterSkip() != dialog.graphs()[j]->scatterSkip());
        }
        // A handful of markers in view, not one per point and not none.
        const double inView = plot->xAxis->range().upper / (dialog.graphs()[i]->scatterSkip() + 1);
        QVERIFY2(inView >= 4 && inView <= 20, qPrintable(QString::number(inView)));
    }
    // The legend sits below the axis rect, not over the curves.
    QVERIFY(plot->legend->layout() == plot->plotLayout());
    // The converging curves are inside the view at their start and their end.
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (results[i].behaviour == SweepBehaviour::Diverges)
            continue;
        QVERIFY(plot->yAxis->range().contains(dialog.plottedValue(i, 0)));
    }
    QVERIFY(plot->xAxis->range().contains(0));
}

void TestSweepDialog::dialogLegendNamesRateAndBehaviour()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller->model());
    const QStringList legend = dialog.legendTexts();
    QCOMPARE(legend.size(), 6);
    QVERIFY2(legend[0].startsWith(QStringLiteral("0.125× bound (lr 0.0106): too slow, ")), qPrintable(legend[0]));
    QVERIFY2(legend[2].startsWith(QStringLiteral("0.5× bound (lr 0.0423): converges, ")), qPrintable(legend[2]));
    QVERIFY2(legend[3].startsWith(QStringLiteral("0.75× bound (lr 0.0634): oscillates")), qPrintable(legend[3]));
    QVERIFY2(legend[4].startsWith(QStringLiteral("0.95× bound (lr 0.0803): oscillates")), qPrintable(legend[4]));
    // Each converging label ends with the updates its curve needed to close the gap, the speed its slope shows;
    // "too slow" is said of a curve only when it needed more of them than every curve not called slow.
    const std::vector<SweepResult>& results = dialog.results();
    for (std::size_t i = 0; i + 1 < results.size(); ++i) {
        const QString& label = legend[int(i)];
        const long long needed = results[i].updatesToReference;
        QVERIFY2(needed > 0 ? label.endsWith(QStringLiteral(", %1 updates").arg(needed))
                            : label.endsWith(QStringLiteral(", not within %1").arg(results[i].losses.size() - 1)),
            qPrintable(label));
        for (std::size_t j = 0; j + 1 < results.size(); ++j)
            if (label.contains(QStringLiteral("too slow")) && !legend[int(j)].contains(QStringLiteral("too slow")))
                QVERIFY(needed < 0 || needed > results[j].updatesToReference);
    }
    QVERIFY(results[2].updatesToReference > 0); // 0.5× the bound gets there
    QVERIFY(dialog.headerText().contains(QStringLiteral("bring L − L* down by")));
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
    SweepDialog dialog(controller->model());
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
    SolverSettings settings = controller->model()->run()->settings;
    settings.loss = LossKind::Sse;
    settings.learningRate = 0.001;
    QVERIFY(controller->setSettings(settings).isEmpty());
    QTRY_COMPARE(dialog.plot()->yAxis->label(), QStringLiteral("loss − least-squares loss (sse)"));
    QCOMPARE(dialog.results().size(), std::size_t(6));
    for (std::size_t i = 0; i < before.size(); ++i)
        QVERIFY(
            std::abs(dialog.results()[i].learningRate - before[i].learningRate / 5) <= 1e-12 * before[i].learningRate);
    QVERIFY(dialog.legendTexts()[0].startsWith(QStringLiteral("0.125× bound (lr 0.00211): too slow")));
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

// The rates are multiples of each optimizer's own bound (gd's for the adaptive ones, which have none); every
// optimizer, switched to while the dialog shows, gives six curves and a header that names it.
void TestSweepDialog::everyOptimizerSweeps()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller->model());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const double gdBound = controller->model()->run()->stability.divergenceBound;
    int count = 0;
    const OptimizerKind* kinds = allOptimizers(&count);
    for (int i = 0; i < count; ++i) {
        SolverSettings settings = controller->model()->run()->settings;
        settings.optimizer = OptimizerSettings {};
        settings.optimizer.kind = kinds[i];
        QVERIFY(controller->setSettings(settings).isEmpty());
        const QString name = QString::fromLatin1(optimizerName(kinds[i]));
        QTRY_VERIFY2(dialog.headerText().contains(name), qPrintable(dialog.headerText()));
        QCOMPARE(dialog.results().size(), std::size_t(6));
        QCOMPARE(dialog.graphs().size(), std::size_t(6));
        QCOMPARE(dialog.plot()->graphCount(), 6);
        const double bound = dialog.results().front().learningRate / dialog.results().front().factor;
        if (isAdaptive(kinds[i]))
            QVERIFY(std::abs(bound - gdBound) <= 1e-12 * gdBound);
        else if (kinds[i] == OptimizerKind::Newton)
            QCOMPARE(bound, 2.0);
        // Above its own bound every optimizer with one diverges.
        if (!isAdaptive(kinds[i]))
            QCOMPARE(dialog.results().back().behaviour, SweepBehaviour::Diverges);
    }
}

void TestSweepDialog::dialogFollowsNewData()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller->model());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const double fivePointsRate = dialog.results().front().learningRate;
    QVERIFY(controller->loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    controller->waitForComputation();
    QTRY_VERIFY(dialog.results().front().learningRate != fivePointsRate);
    QCOMPARE(dialog.results().front().learningRate, 0.125 * controller->model()->run()->stability.divergenceBound);
    QCOMPARE(dialog.plot()->graphCount(), 6);
}

void TestSweepDialog::hiddenDialogCatchesUpWhenShown()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller->model());
    const double mseRate = dialog.results().front().learningRate;
    SolverSettings settings = controller->model()->run()->settings;
    settings.loss = LossKind::HalfMse;
    QVERIFY(controller->setSettings(settings).isEmpty());
    QCoreApplication::processEvents();
    // Nothing is computed for a dialog nobody sees…
    QCOMPARE(dialog.results().front().learningRate, mseRate);
    // …until it is shown. half-mse halves the Hessian, so the bound doubles.
    dialog.show();
    QVERIFY(std::abs(dialog.results().front().learningRate - 2 * mseRate) <= 1e-12 * mseRate);
    QCOMPARE(dialog.plot()->yAxis->label(), QStringLiteral("loss − least-squares loss (half-mse)"));
}

// One change of the session, one sweep: a new learning rate alone recomputes nothing (the rates are multiples of
// the bound), another loss recomputes once.
void TestSweepDialog::oneRecomputeForOneChange()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller->model());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const int start = dialog.refreshCount();
    QVERIFY(controller->setLearningRate(0.02).isEmpty());
    QCOMPARE(dialog.refreshCount(), start);
    QVERIFY(dialog.headerText().contains(QStringLiteral("Your learning rate 0.02 is")));
    SolverSettings settings = controller->model()->run()->settings;
    settings.loss = LossKind::HalfMse;
    QVERIFY(controller->setSettings(settings).isEmpty());
    controller->waitForComputation();
    QCoreApplication::processEvents();
    QCOMPARE(dialog.refreshCount(), start + 1);
    // New data is a new problem even with the same settings.
    QVERIFY(controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    controller->waitForComputation();
    QCoreApplication::processEvents();
    QCOMPARE(dialog.refreshCount(), start + 2);
    QCOMPARE(dialog.plot()->yAxis->label(), QStringLiteral("loss − least-squares loss (mse)"));
}

void TestSweepDialog::gapAxis()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller->model());
    // mse at the least-squares solution: the sum of squares over the five rows.
    const Run& run = *controller->model()->run();
    const double minimum = run.leastSquares.sumOfSquares / double(run.dataset->rowCount());
    QVERIFY(dialog.isShowingGap());
    QVERIFY(dialog.findChild<QCheckBox*>()->isChecked());
    QCOMPARE(dialog.plot()->yAxis->label(), QStringLiteral("loss − least-squares loss (mse)"));
    const SweepResult& first = dialog.results().front();
    const double gap = first.losses.front() - minimum;
    QVERIFY(std::abs(dialog.plottedValue(0, 0) - gap) <= 1e-12 * gap);
    QCOMPARE(dialog.graphs().front()->data()->at(0)->value, dialog.plottedValue(0, 0));
    for (std::size_t k = 0; k < first.losses.size(); ++k)
        QVERIFY(dialog.plottedValue(0, k) > 0); // the log axis can draw every point
    // Unticked, the loss itself.
    dialog.findChild<QCheckBox*>()->setChecked(false);
    QVERIFY(!dialog.isShowingGap());
    QCOMPARE(dialog.plot()->yAxis->label(), QStringLiteral("loss (mse)"));
    QCOMPARE(dialog.plottedValue(0, 0), first.losses.front());
}

// The y axis is labelled as every log axis of the program: powers of ten over two decades or more, plain numbers
// over less.
void TestSweepDialog::logAxisTicks()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller->model());
    QCPAxis* axis = dialog.plot()->yAxis;
    for (bool gap : { false, true }) {
        dialog.setShowGap(gap);
        QCOMPARE(axis->scaleType(), QCPAxis::stLogarithmic);
        const bool powersOfTen = std::log10(axis->range().upper / axis->range().lower) >= 2;
        QCOMPARE(!axis->ticker().dynamicCast<QCPAxisTickerLog>().isNull(), powersOfTen);
        QCOMPARE(axis->numberFormat(), powersOfTen ? QStringLiteral("eb") : QStringLiteral("gb"));
        // The gap closes over six decades and more.
        if (gap)
            QVERIFY(powersOfTen);
    }
}

void TestSweepDialog::presentationModeEnlarges()
{
    auto controller = loadedController("five_points");
    QVERIFY(controller);
    SweepDialog dialog(controller->model());
    const double width = dialog.graphs().front()->pen().widthF();
    const double labelSize = dialog.plot()->xAxis->labelFont().pointSizeF();
    const double headerSize = dialog.findChild<QLabel*>()->font().pointSizeF();
    QVERIFY(!dialog.isPresentationMode());
    dialog.setPresentationMode(true);
    QVERIFY(dialog.isPresentationMode());
    QCOMPARE(dialog.graphs().front()->pen().widthF(), width * PlotStyle::presentationScale());
    QCOMPARE(dialog.plot()->xAxis->labelFont().pointSizeF(), labelSize * PlotStyle::presentationScale());
    QCOMPARE(dialog.findChild<QLabel*>()->font().pointSizeF(), headerSize * PlotStyle::presentationScale());
    // The colours stay the palette's.
    QCOMPARE(dialog.graphs().front()->pen().color(), ViewPalette::series(0));
    // A new sweep keeps the presentation scale.
    SolverSettings settings = controller->model()->run()->settings;
    settings.iterations = 50;
    QVERIFY(controller->setSettings(settings).isEmpty());
    dialog.refresh();
    QCOMPARE(dialog.graphs().front()->pen().widthF(), width * PlotStyle::presentationScale());
    dialog.setPresentationMode(false);
    QCOMPARE(dialog.graphs().front()->pen().widthF(), width);
    QCOMPARE(dialog.plot()->xAxis->labelFont().pointSizeF(), labelSize);
}

} // namespace tst_sweep_dialog

QTEST_MAIN(tst_sweep_dialog::TestSweepDialog)
#include "tst_sweep_dialog.moc"
