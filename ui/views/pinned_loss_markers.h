#pragma once

#include "race_entry.h"

#include <QObject>
#include <QString>

#include <vector>

class QCPGraph;
class QCustomPlot;

namespace gdlab {

class IterationModel;
class PinnedRuns;
class PlotStyle;

/**
 * @brief Where each pinned or raced run is at the cursor on the loss view: a marker in its colour and shape
 * (SeriesMarker) at its loss at the cursor's iteration (at its last one when it stopped earlier), and the legend's
 * entry for the run, "momentum: 0.0123, reached at 37", which also names the live run.
 *
 * Each marker is a one-point graph with a line style: the point draws no line, but the legend's icon draws the
 * run's line with its marker on it, so the legend ties shape, colour and numbers together.
 */
class PinnedLossMarkers : public QObject {
    Q_OBJECT

public:
    explicit PinnedLossMarkers(QCustomPlot* plot, QObject* parent = nullptr);

    /** @brief The runs to mark (null: none); call rebuild() after. */
    void setRuns(const PinnedRuns* runs);
    /** @brief One marker per run, in the runs' order: each also the legend's entry for its run. */
    const std::vector<QCPGraph*>& markers() const { return m_markers; }

    /** @brief Makes the markers anew (after the runs changed) and works out where each run finished. */
    void rebuild();
    /** @brief Works out where the live run finished (after a new run, or when a worker's run ends). */
    void liveChanged(const IterationModel& model);
    /**
     * @brief Moves every marker to the model's current iteration and names the legend's entries, the live run's
     * (live, the live curve) among them, with their losses there.
     */
    void showIteration(const IterationModel& model, QCPGraph* live, bool logarithmic);
    void applyStyle(const PlotStyle& style);

    /** @brief A legend entry: "label: loss, reached at 37" (or "diverged after 12", "not reached"). */
    static QString entry(const QString& label, double loss, const RaceFinish& finish, bool compact);
    /** Axis rects narrower than this get the compact legend: label and loss only. */
    static constexpr int kCompactBelow = 380;

private:
    QCustomPlot* m_plot;
    const PinnedRuns* m_runs = nullptr;
    std::vector<QCPGraph*> m_markers;
    /** Each marker's series (its colour and shape), as pinned. */
    std::vector<int> m_series;
    /** Where each run reached the tolerance or diverged, worked out once: the runs never change. */
    std::vector<RaceFinish> m_finishes;
    RaceFinish m_liveFinish;
};

} // namespace gdlab
