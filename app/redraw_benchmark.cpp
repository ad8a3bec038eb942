#include "redraw_benchmark.h"

#include "dataset.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "shell/main_window.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <random>
#include <vector>

namespace gdlab {

namespace {

Dataset benchmarkDataset()
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
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
    return values[index];
}

} // namespace

QString RedrawBenchmark::run(MainWindow* window, int repetitions)
{
    SessionController* controller = window->controller();
    controller->openDataset(benchmarkDataset(), ProblemSpec {}, QStringLiteral("benchmark (n = 10,000)"));
    SolverSettings settings = controller->latestRun()->settings;
    settings.method = DescentMethod::Batch;
    settings.iterations = 10'000;
    settings.init = InitKind::Zeros;
    controller->setSettings(settings);
    controller->waitForComputation();
    QApplication::processEvents();

    const double bound = controller->model()->run()->stability.divergenceBound;
    std::vector<double> milliseconds;
    std::vector<double> computeMilliseconds;
    std::vector<double> updateMilliseconds;
    for (int i = 0; i < repetitions; ++i) {
        // Alternate between two stable rates so every change really recomputes and redraws.
        const double learningRate = bound * (i % 2 == 0 ? 0.3 : 0.6);
        QElapsedTimer timer;
        timer.start();
        controller->setLearningRate(learningRate);
        controller->waitForComputation();
        computeMilliseconds.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        QApplication::processEvents(); // queued replots and surface updates
        updateMilliseconds.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        window->repaint(); // paint every view now, not at the next frame
        milliseconds.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    return QStringLiteral("learning-rate change to all views redrawn (n = 10,000, 10,000 updates, %1 changes): "
                          "median %2 ms, min %3 ms, 90th percentile %4 ms (of which the new trajectory: median %5 "
                          "ms; trajectory and every view's data updated: median %6 ms; the rest is painting)\n")
        .arg(repetitions)
        .arg(percentile(milliseconds, 0.5), 0, 'f', 2)
        .arg(percentile(milliseconds, 0.0), 0, 'f', 2)
        .arg(percentile(milliseconds, 0.9), 0, 'f', 2)
        .arg(percentile(computeMilliseconds, 0.5), 0, 'f', 2)
        .arg(percentile(updateMilliseconds, 0.5), 0, 'f', 2);
}

} // namespace gdlab
