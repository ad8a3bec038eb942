#pragma once

#include "path_sampling.h"

#include <QVector3D>

#include <vector>

class Q3DSurface;
class QCustom3DItem;

namespace gdlab {

class ErrorSurfaceModel;
class IterationModel;

/**
 * @brief The live run on the bowl: markers along the descent path up to the current point, each at its true loss
 * (on a slice that can be off the surface), the current point, and the least-squares optimum at the lowest loss.
 *
 * The path is drawn as at most pathMarkerLimit markers (pathMarkerRows()), spaced on the path's length as it
 * looks in the graph, so they are recomputed when the axes change (draw()) or the path grows.
 */
class BowlPathMarkers {
public:
    /**
     * @brief The path is drawn as this many markers at most, evenly spaced along it, plus the current point. Runs
     * raced or pinned beside it share these (shareOf()): every marker is one more draw of a mesh in each of the
     * bowl's frames, and with software OpenGL the frame's time grows with them, so a race of four draws no more
     * markers than one run does.
     */
    static constexpr int pathMarkerLimit = 60;

    /** @brief The markers each of runs paths on the bowl gets: an equal part of pathMarkerLimit. */
    static constexpr int shareOf(int runs) { return pathMarkerLimit / (runs > 1 ? runs : 1); }

    /** @brief Adds the markers, hidden, to graph, which owns them. */
    BowlPathMarkers(Q3DSurface* graph, const ErrorSurfaceModel* surface, const IterationModel* model);

    /** @brief Places everything anew: after the surface, and so the axes, changed. The surface must be valid. */
    void draw();
    /** @brief Follows the current row: the path up to it and its marker. */
    void updateCurrent();
    /** @brief Hides every marker (there is no surface). */
    void hide();
    /** @brief Marker sizes times scale (presentation mode). */
    void setScale(double scale);
    /** @brief Draws the path as at most limit markers (at most pathMarkerLimit), from the next updateCurrent(). */
    void setMarkerLimit(int limit);
    int markerLimit() const { return m_markerLimit; }
    /** @brief The markers in the theme's colours (ViewPalette): the path and current point, the optimum. */
    void applyColours();

    QVector3D currentPosition() const;
    QVector3D optimumPosition() const;
    /** @brief The path markers now shown (the current point's not included). */
    int visiblePathMarkers() const;

private:
    /** Measures the path's length up to row (its rows measured before are kept unless the path is stale). */
    void measurePathTo(int row);
    void hidePath();
    QVector3D positionOf(int row) const;

    Q3DSurface* m_graph;
    const ErrorSurfaceModel* m_surface;
    const IterationModel* m_model;
    std::vector<QCustom3DItem*> m_pathMarkers;
    QCustom3DItem* m_currentMarker = nullptr;
    QCustom3DItem* m_optimumMarker = nullptr;
    /** Cumulative length of the path in view-normalised (x, loss, z) units, per row; markers are spaced on it. */
    std::vector<double> m_pathLength; ///< cumulative lengths of the path's first rows (up to the cursor at least)
    PathPoint m_lastPoint {}; ///< the point of m_pathLength's last row
    PathPoint m_spans { 1, 1, 1 }; ///< the axes' spans the lengths are measured in
    bool m_pathStale = true;
    int m_markerLimit = pathMarkerLimit;
};

} // namespace gdlab
