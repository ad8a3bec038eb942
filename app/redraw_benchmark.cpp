#include "redraw_benchmark.h"

#include "dataset.h"
#include "frame_probe.h"
#include "gui_options.h"
#include "lesson.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "shell/main_window.h"
#include "shell/race_launcher.h"
#include "views/bowl_view.h"
#include "views/contour_plot.h"
#include "views/fit_plot.h"
#include "views/loss_plot.h"

#include <qcustomplot.h>

#include <Q3DSurface>
#include <QApplication>
#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <random>

namespace gdlab {

namespace {

Dataset tenThousandRows()
{
    constexpr Eigen::Index rows = 10'000;
    std::mt19937_64 generator(5);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd values(rows, 2);
    for (Eigen::Index i = 0; i < rows; ++i) {
        values(i, 0) = 2.0 + normal(generator);
        values(i, 1) = 0.5 + 1.5 * values(i, 0) + 0.3 * normal(generator);
    }
    return Dataset({ "x", "y" }, values, "benchmark");
}

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
    return values[index];
}

double millisecondsOf(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

QString number(double value)
{
    return QString::number(value, 'f', 2);
}

} // namespace

/** Every sample of one case, in milliseconds. */
struct RedrawBenchmark::Samples {
    std::vector<double> change; ///< to Fit, Loss and Contour repainted (the bowl hidden)
    std::vector<double> changeAll; ///< to all four repainted
    std::vector<double> compute; ///< the command until the model resets (the new run computed)
    std::vector<double> model; ///< the model's reset (the table's reaction included)
    std::vector<double> views; ///< every view's and panel's update on runReset
    std::vector<double> fit, loss, contour; ///< each plot's replot (QCustomPlot's own timing)
    std::vector<double> bowl; ///< the bowl's frame
    std::vector<double> step; ///< one cursor step to every view repainted
    std::vector<double> stepFit, stepLoss, stepContour, stepBowl; ///< each view's part of a step
    double blockedMax = 0;
    double open = 0; ///< loading the case until every view has shown it (the event loop blocked meanwhile)
};

RedrawBenchmark::RedrawBenchmark(MainWindow* window, int repetitions)
    : m_window(window)
    , m_controller(window->controller())
    , m_repetitions(repetitions)
    , m_probe(std::make_unique<FrameProbe>(window->bowlView()->graph()))
    , m_plots { window->fitPlot()->plot(), window->lossPlot()->plot(), window->contourPlot()->plot() }
{
}

RedrawBenchmark::~RedrawBenchmark() = default;

bool RedrawBenchmark::load(const QString& name)
{
    if (name == benchTenThousandRows) {
        if (!m_controller->openDataset(tenThousandRows(), {}, QStringLiteral("benchmark (n = 10,000)")).isEmpty())
            return false;
        SolverSettings settings = m_controller->latestRun()->settings;
        settings.iterations = 10'000;
        settings.init = InitKind::Zeros;
        return m_controller->setSettings(settings).isEmpty();
    }
    if (name == benchMillionUpdates) {
        if (!m_controller->loadLesson(QStringLiteral("five_points")).isEmpty())
            return false;
        SolverSettings settings = m_controller->latestRun()->settings;
        settings.iterations = 1'000'000;
        return m_controller->setSettings(settings).isEmpty();
    }
    if (name == benchRaceOfFour) {
        if (!m_controller->loadLesson(QStringLiteral("five_points")).isEmpty())
            return false;
        return m_window->raceLauncher()->start(QStringLiteral("gd,momentum,nesterov,adam")).isEmpty();
    }
    return m_controller->loadLesson(name).isEmpty();
}

void RedrawBenchmark::settle(bool withBowl)
{
    // Queued replots post their widgets' updates, which the next round paints: what a frame would show.
    QApplication::processEvents();
    QApplication::processEvents();
    if (!withBowl || !m_window->bowlView()->graph())
        return;
    // The bowl renders when its window gets an update request, a few milliseconds after it asked for one.
    QElapsedTimer waited;
    waited.start();
    while (!m_probe->renderedSinceMark() && waited.elapsed() < 1000) {
        QThread::usleep(200);
        QApplication::processEvents();
    }
}

double RedrawBenchmark::measureChange(Samples& samples, double learningRate, bool withBowl)
{
    IterationModel* model = m_controller->model();
    QElapsedTimer timer;
    double aboutToReset = -1;
    double reset = -1;
    double viewsDone = -1;
    const QObject context;
    QObject::connect(
        model, &QAbstractItemModel::modelAboutToBeReset, &context, [&] { aboutToReset = millisecondsOf(timer); });
    QObject::connect(model, &QAbstractItemModel::modelReset, &context, [&] { reset = millisecondsOf(timer); });
    // Connected after every view and panel: it runs when they have all handled the reset.
    QObject::connect(model, &IterationModel::runReset, &context, [&] { viewsDone = millisecondsOf(timer); });
    m_probe->mark();
    timer.start();
    m_controller->setLearningRate(learningRate);
    while (m_controller->isComputing()) { // a run on the worker: until the whole of it is on screen
        QThread::usleep(200);
        QApplication::processEvents();
    }
    settle(withBowl);
    const double total = millisecondsOf(timer);
    if (withBowl)
        return total;
    samples.compute.push_back(aboutToReset);
    samples.model.push_back(reset - aboutToReset);
    samples.views.push_back(viewsDone - reset);
    samples.fit.push_back(m_plots[0]->replotTime());
    samples.loss.push_back(m_plots[1]->replotTime());
    samples.contour.push_back(m_plots[2]->replotTime());
    return total;
}

void RedrawBenchmark::measureChanges(Samples& samples, bool withBowl)
{
    m_window->bowlView()->setVisible(withBowl);
    settle(withBowl);
    const double rate = m_controller->latestRun()->settings.learningRate;
    for (int i = 0; i < m_repetitions; ++i) {
        // Two stable rates in turn, so that every change really recomputes and redraws.
        const double total = measureChange(samples, rate * (i % 2 == 0 ? 0.9 : 1.0), withBowl);
        (withBowl ? samples.changeAll : samples.change).push_back(total);
        if (withBowl)
            samples.bowl.push_back(m_probe->lastFrameMilliseconds());
    }
}

void RedrawBenchmark::measureSteps(Samples& samples)
{
    IterationModel* model = m_controller->model();
    for (int i = 0; i < m_repetitions; ++i) {
        const int row = (model->currentRow() + 1) % std::max(model->lastRow(), 1);
        m_probe->mark();
        QElapsedTimer timer;
        timer.start();
        model->setCurrentRow(row);
        settle(true);
        samples.step.push_back(millisecondsOf(timer));
        samples.stepFit.push_back(m_plots[0]->replotTime());
        samples.stepLoss.push_back(m_plots[1]->replotTime());
        samples.stepContour.push_back(m_plots[2]->replotTime());
        samples.stepBowl.push_back(m_probe->renderedSinceMark() ? m_probe->lastFrameMilliseconds() : 0.0);
    }
}

QString RedrawBenchmark::run(const QString& lesson)
{
    QStringList cases;
    if (lesson.isEmpty()) {
        for (const Lesson& known : lessonCatalog())
            cases << QString::fromStdString(known.name);
        cases << benchTenThousandRows << benchMillionUpdates << benchRaceOfFour;
    } else {
        cases = lesson.split(QLatin1Char(','));
    }
    QString text;
    for (const QString& name : cases) {
        Samples samples;
        QElapsedTimer opening;
        opening.start();
        if (!load(name)) {
            text += QStringLiteral("%1: cannot be loaded\n").arg(name);
            continue;
        }
        m_controller->waitForComputation();
        settle(true);
        samples.open = millisecondsOf(opening);
        m_probe->resetBlocked();
        measureChanges(samples, false);
        measureChanges(samples, true);
        measureSteps(samples);
        samples.blockedMax = m_probe->blockedMaxMilliseconds();
        text += report(name, samples);
    }
    return text;
}

QString RedrawBenchmark::report(const QString& name, const Samples& s) const
{
    const auto p50 = [](const std::vector<double>& values) { return number(percentile(values, 0.5)); };
    const auto p90 = [](const std::vector<double>& values) { return number(percentile(values, 0.9)); };
    const Run* run = m_controller->model()->run();
    QString text = QStringLiteral("== %1: %2 rows, %3 updates, %4 settings changes; opened in %5 ms\n")
                       .arg(name)
                       .arg(run->problem->sampleCount())
                       .arg(run->settings.iterations)
                       .arg(m_repetitions)
                       .arg(number(s.open));
    text += QStringLiteral("   change → Fit, Loss, Contour repainted: p50 %1 ms, p90 %2 ms (compute %3, model %4, "
                           "views' updates %5, replots: fit %6, loss %7, contour %8)\n")
                .arg(p50(s.change), p90(s.change), p50(s.compute), p50(s.model), p50(s.views), p50(s.fit), p50(s.loss),
                    p50(s.contour));
    text += QStringLiteral("   change → all four repainted: p50 %1 ms, p90 %2 ms (the bowl's frame %3 ms)\n")
                .arg(p50(s.changeAll), p90(s.changeAll), p50(s.bowl));
    text
        += QStringLiteral("   one cursor step, every view: p50 %1 ms, p90 %2 ms (replots: fit %3, loss %4, contour %5; "
                          "the bowl's frame %6); event loop blocked at most %7 ms\n")
               .arg(p50(s.step), p90(s.step), p50(s.stepFit), p50(s.stepLoss), p50(s.stepContour), p50(s.stepBowl),
                   number(s.blockedMax));
    text += QStringLiteral("bench %1 change_p50_ms=%2 change_p90_ms=%3 change_all_p50_ms=%4 change_all_p90_ms=%5 "
                           "step_p50_ms=%6 blocked_max_ms=%7\n")
                .arg(name, p50(s.change), p90(s.change), p50(s.changeAll), p90(s.changeAll), p50(s.step),
                    number(s.blockedMax));
    return text;
}

} // namespace gdlab
