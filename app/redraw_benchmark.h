#pragma once

#include <QString>

#include <memory>
#include <vector>

class QCustomPlot;

namespace gdlab {

class FrameProbe;
class MainWindow;
class SessionController;

/**
 * @brief `gdlab --bench-ui [--lesson NAME]`: what a teacher feels, measured on the real window. For each lesson
 * (or the one named), a synthetic 10,000-row problem and a 10⁶-update run: a settings change (the learning
 * rate) until Fit, Loss and Contour are repainted (the bowl hidden) and until all four are (the bowl's frame
 * rendered too), split into compute, model reset, the views' updates and painting; one cursor step; and the
 * longest time the event loop was blocked. Prints a readable report and one line per case for scripts:
 * `bench CASE change_p50_ms=… change_p90_ms=… change_all_p50_ms=… change_all_p90_ms=… step_p50_ms=…
 * blocked_max_ms=…`.
 */
class RedrawBenchmark {
public:
    struct Samples;

    RedrawBenchmark(MainWindow* window, int repetitions);
    ~RedrawBenchmark();

    /** @brief Measures every case (lesson empty) or those listed ("five_points,n10k"), and returns the report. */
    QString run(const QString& lesson);

private:
    bool load(const QString& name);
    void measureChanges(Samples& samples, bool withBowl);
    double measureChange(Samples& samples, double learningRate, bool withBowl);
    void measureSteps(Samples& samples);
    /** Lets queued replots and the bowl's frame happen, then paints the window now. */
    void settle(bool withBowl);
    QString report(const QString& name, const Samples& samples) const;

    MainWindow* m_window;
    SessionController* m_controller;
    int m_repetitions;
    std::unique_ptr<FrameProbe> m_probe;
    std::vector<QCustomPlot*> m_plots;
};

} // namespace gdlab
