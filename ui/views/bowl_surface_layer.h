#pragma once

#include <QVector3D>

class Q3DSurface;
class QLinearGradient;
class QSurface3DSeries;

namespace gdlab {

class ErrorSurfaceModel;
class IterationModel;
struct SurfaceGrid;
struct SurfaceHeights;

/**
 * @brief The surface of the bowl: the error surface's grid as a Qt DataVisualization series, coloured like the
 * contour map, and the graph's axes (ranges and titles) around it.
 *
 * The colours are a range gradient up the loss axis sampled through the surface's colour scale, so each height
 * has the colour it has on the contour map, log scale included.
 */
class BowlSurfaceLayer {
public:
    /**
     * @brief The surface is drawn with at most this many samples per axis (the grid is thinned evenly): a
     * smooth-shaded 48 × 48 mesh looks the same as 100 × 100 at a view's size, and software OpenGL draws it in
     * half the time.
     */
    static constexpr int maxSamples = 48;

    /** @brief Adds the series to graph, which owns it. */
    BowlSurfaceLayer(Q3DSurface* graph, const ErrorSurfaceModel* surface, const IterationModel* model);

    /** @brief Draws the surface model's grid and sets the axes; the surface must be valid. */
    void draw();
    /** @brief Removes the surface (there is none to show). */
    void clear();

    int rowCount() const;
    int columnCount() const;
    /** @brief A sample as the graph has it: (x, loss, z); a null vector out of range. */
    QVector3D point(int row, int column) const;
    /** @brief The colours up the loss axis. */
    QLinearGradient gradient() const;

private:
    void fill(const SurfaceGrid& grid);
    void setAxes(const SurfaceGrid& grid, const SurfaceHeights& heights);
    void colour(const SurfaceHeights& heights);

    Q3DSurface* m_graph;
    const ErrorSurfaceModel* m_surface;
    const IterationModel* m_model;
    QSurface3DSeries* m_series = nullptr;
};

} // namespace gdlab
