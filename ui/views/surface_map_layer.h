#pragma once

#include "error_surface.h"

#include <QObject>

class QCPAxis;
class QCPColorMap;
class QCPColorScale;
class QCPRange;
class QCustomPlot;

namespace gdlab {

class ErrorSurfaceModel;
class PlotStyle;

/**
 * @brief The error surface as a colour map (viridis, log or linear) with its colour scale beside it, and the
 * axes over the grid: named after the slice's parameters, showing the whole grid, and never zoomed out beyond
 * it (there is no surface to show there).
 *
 * It remembers the grid it drew, so that a view can tell a surface that changed from one that did not.
 */
class SurfaceMapLayer : public QObject {
    Q_OBJECT

public:
    /** @brief Puts the map on the plot's "surface" layer and the scale right of the axis rect. */
    explicit SurfaceMapLayer(QCustomPlot* plot, QObject* parent = nullptr);

    QCPColorMap* map() const { return m_map; }
    QCPColorScale* scale() const { return m_scale; }
    /** @brief Whether a surface is drawn (clear() or an invalid surface leave none). */
    bool hasSurface() const { return m_hasSurface; }
    /** @brief Whether the surface's grid is the one drawn (an invalid surface is drawn as none). */
    bool isDrawn(const ErrorSurfaceModel& surface) const;

    /** @brief Draws the surface's grid and resets the axes to it; a surface that is not valid clears. */
    void draw(const ErrorSurfaceModel& surface);
    void clear();
    void applyStyle(const PlotStyle& style);

private:
    void fillCells(const ErrorSurfaceModel& surface);
    void setColourScale(const ErrorSurfaceModel& surface);
    void boundRange(QCPAxis* axis, const QCPRange& range, const SurfaceAxis& grid);

    QCustomPlot* m_plot;
    QCPColorMap* m_map;
    QCPColorScale* m_scale;
    bool m_hasSurface = false;
    SurfaceGrid m_drawn;
};

} // namespace gdlab
