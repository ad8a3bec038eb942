#pragma once

#include <QObject>
#include <QString>

#include <vector>

class QCPCurve;
class QCustomPlot;

namespace gdlab {

class ErrorSurfaceModel;
class PinnedRuns;
class PlotStyle;

/**
 * @brief The pinned runs' whole descent paths on the error surface, each in its pin's colour, on the plot's
 * "pinned" layer: thin lines over the thicker live path (both stay visible where runs from the same start run
 * together) and under the markers.
 */
class PinnedPathsLayer : public QObject {
    Q_OBJECT

public:
    explicit PinnedPathsLayer(QCustomPlot* plot, QObject* parent = nullptr);

    /** @brief The runs to draw (null: none); call rebuild() after. */
    void setRuns(const PinnedRuns* runs);
    /** @brief One curve per pinned run, in the runs' order. */
    const std::vector<QCPCurve*>& curves() const { return m_curves; }

    /** @brief Draws every run's path over the surface's slice, thinned for the current view; none when there
     * is no surface. */
    void rebuild(const ErrorSurfaceModel& surface, bool hasSurface);
    /** @brief Names the curves in the legend by what differs from the live run. */
    void updateLabels();
    /** @brief The live run's settings in which some pin differs ("lr 0.08"), or "" with nothing to compare. */
    QString liveDifferences() const;
    void applyStyle(const PlotStyle& style);
    /**
     * @brief Moves each run's marker to its state at iteration (its last one when it stopped earlier), so that
     * pinned and raced runs step in lockstep with the cursor.
     */
    void showIteration(long long iteration, const ErrorSurfaceModel& surface);
    /** @brief One marker per pinned run, in the runs' order; each is its run's legend entry. */
    const std::vector<QCPCurve*>& markers() const { return m_markers; }
    /** @brief The marker shape of a series (SeriesMarker::scatterShape): square, triangle, diamond, plus, star, cross.
     */
    static int markerShape(int seriesIndex);

private:
    QCustomPlot* m_plot;
    const PinnedRuns* m_runs = nullptr;
    std::vector<QCPCurve*> m_curves;
    std::vector<QCPCurve*> m_markers;
    /** Each curve's series colour (ViewPalette::series), as pinned. */
    std::vector<int> m_series;
};

} // namespace gdlab
