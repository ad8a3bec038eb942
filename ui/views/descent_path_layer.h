#pragma once

#include <QObject>

#include <vector>

class QCPCurve;
class QCPScatterStyle;
class QColor;
class QCustomPlot;

namespace gdlab {

class ErrorSurfaceModel;
class IterationModel;
class PathThinning;
class PlotStyle;

/**
 * @brief The live descent path on the error surface, from the start to the current row, on the plot's "path"
 * layer.
 *
 * The history is thinned once to the rows that move at least a fraction of the view (the others move less than
 * half a pixel), and extended as a worker appends rows; moving the current row only cuts that list, so
 * stepping and playback stay cheap however long the history is.
 *
 * A path that leaves the surface's frame (a diverging run) ends at the first state outside it: the segment to it
 * crosses the edge, and the later states, each farther out, would only paint long parallel lines across the map.
 * The current point's arrow at the edge says where θ went.
 *
 * A path that climbs (the current state's loss above the start's: a diverging run) fades with age: the whole
 * path faint, and over it bands of its steps from the oldest, barely stronger, to the newest, in full colour, so
 * the latest swing stands out from the ones before.
 */
class DescentPathLayer : public QObject {
    Q_OBJECT

public:
    /** @brief Paths are thinned to points that move this fraction of the view (half a pixel at 4000 px). */
    static constexpr double resolution = 1.0 / 8000.0;
    /** @brief Up to this many drawn points, the steps are marked too: a short run shows its discrete updates. */
    static constexpr int stepDotLimit = 150;
    /** @brief Bands of age a climbing path is drawn in, the newest brightest. */
    static constexpr int fadeBands = 5;
    /** @brief The opacity of the oldest steps of a climbing path (0–255). */
    static constexpr int oldestAlpha = 60;

    explicit DescentPathLayer(QCustomPlot* plot, QObject* parent = nullptr);

    QCPCurve* curve() const { return m_curve; }
    /** @brief The bands of a fading path, oldest first (empty curves while the path does not fade). */
    const std::vector<QCPCurve*>& fadeCurves() const { return m_bands; }
    /** @brief Whether the path shown fades with age (it climbs). */
    bool isFading() const { return m_fading; }

    /** @brief Forgets the thinned rows: the next show() thins the history anew (a new run, surface or view). */
    void reset();
    /** @brief Thins the rows from firstRow on that a worker appended (nothing to do after reset()). */
    void extend(const IterationModel& model, const ErrorSurfaceModel& surface, int firstRow);
    /** @brief Draws the path from the start to row, ending exactly at row's θ when it is finite and not past the
     * state where the path left the frame. */
    void show(const IterationModel& model, const ErrorSurfaceModel& surface, int row);
    void clear();
    /** @brief Names the path in the legend with the settings in which pinned runs differ ("" for none). */
    void setDifferences(const QString& differences);
    void applyStyle(const PlotStyle& style);

    /** @brief The thinning for the plot's current view. */
    static PathThinning thinningFor(const QCustomPlot& plot);
    /** @brief Dots at the steps of a path of points points (none for a long one), in colour. */
    static QCPScatterStyle stepDots(int points, const QColor& colour, double size);

private:
    void updateDots();
    /** Draws the bands over the points shown, or empties them when the path does not fade. */
    void updateBands(const QVector<double>& xs, const QVector<double>& ys);

    QCustomPlot* m_plot;
    QCPCurve* m_curve;
    std::vector<QCPCurve*> m_bands;
    bool m_fading = false;
    double m_lineWidth = 2.2;
    /** Rows of the history the path draws, ascending. */
    std::vector<int> m_rows;
    /** The first row outside the surface's frame, the path's last; -1 while the path stays inside. */
    int m_exitRow = -1;
    bool m_stale = true;
    double m_dotSize;
};

} // namespace gdlab
