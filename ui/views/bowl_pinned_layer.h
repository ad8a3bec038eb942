#pragma once

#include <QObject>
#include <QVector3D>

#include <utility>
#include <vector>

class Q3DSurface;
class QCustom3DItem;
class QLabel;
class QWidget;

namespace gdlab {

class ErrorSurfaceModel;
class IterationModel;
class PinnedRuns;
struct PinnedRun;

/**
 * @brief Pinned and raced runs on the bowl: a few markers along each run's whole path in its own colour, a larger
 * one in its own shape (SeriesMarker::mesh) where it is at the cursor's iteration, and the line below the bowl
 * that names them with their shapes.
 *
 * Heights are the loss the live run uses at the same θ: a run pinned with another loss (sse against mse, say) is
 * re-evaluated, so that every marker sits on, or for a slice above, this bowl.
 */
class BowlPinnedLayer : public QObject {
    Q_OBJECT

public:
    /**
     * @brief Each pinned run is drawn as this many markers at most, evenly spaced along its whole path, and at most
     * its share of the path markers with the live run (BowlPathMarkers::shareOf).
     */
    static constexpr int pinnedMarkerLimit = 24;

    /**
     * @brief Adds markers to graph (which owns them) and makes the legend, a child of legendParent, for the caller
     * to place.
     */
    BowlPinnedLayer(Q3DSurface* graph, const ErrorSurfaceModel* surface, const IterationModel* model,
        QWidget* legendParent, QObject* parent = nullptr);

    /** @brief How many runs are drawn: the pinned ones and the live one (1 without pins). */
    int runCount() const { return static_cast<int>(m_markers.size()) + 1; }

    /** @brief The line naming the pinned runs (hidden without pins); the caller puts it in a layout. */
    QLabel* legend() const { return m_legend; }
    /** @brief Shows these runs (null: none), following their changes. */
    void setPinnedRuns(const PinnedRuns* runs);
    /** @brief Draws every pinned run anew: after the runs or the axes changed. */
    void draw();
    /** @brief Marker sizes times scale (presentation mode). */
    void setScale(double scale);
    /** @brief Moves each run's cursor marker to its state at the model's current iteration (its last, if earlier). */
    void showIteration();

    int markerCount(int run) const;
    QVector3D markerPosition(int run, int marker) const;
    /** @brief Where run is at the cursor (null out of range); hidden while the run has no finite state yet. */
    QCustom3DItem* cursorMarker(int run) const;
    /** @brief The legend as plain text ("" when hidden). */
    QString legendText() const;

signals:
    /** @brief Every pinned run was drawn anew (draw()); runCount() may have changed. */
    void drawn();

private:
    /** The rows of a run's finite states, ascending, and their places on the bowl. */
    using Path = std::pair<std::vector<std::size_t>, std::vector<QVector3D>>;

    void removeMarkers();
    Path pathOf(const PinnedRun& run) const;
    void addMarkers(const PinnedRun& run);
    void updateLegend();

    Q3DSurface* m_graph;
    const ErrorSurfaceModel* m_surface;
    const IterationModel* m_model;
    const PinnedRuns* m_pinned = nullptr;
    std::vector<std::vector<QCustom3DItem*>> m_markers;
    std::vector<QCustom3DItem*> m_cursorMarkers;
    /** Each run's path, for its cursor marker. */
    std::vector<Path> m_paths;
    QLabel* m_legend = nullptr;
    double m_scale = 1.0;
};

} // namespace gdlab
