#include "views/bowl_path_markers.h"

#include "loss.h"
#include "path_sampling.h"
#include "problem.h"
#include "run.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "views/bowl_marker.h"
#include "views/view_palette.h"

#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/QCustom3DItem>

#include <algorithm>
#include <cmath>

namespace gdlab {

namespace {

// Marker sizes in the graph's absolute units (the plot box spans 2).
constexpr float pathMarkerSize = 0.045f;
constexpr float currentMarkerSize = 0.11f;
constexpr float optimumMarkerSize = 0.09f;

/**
 * The grid's loss at (a, b), bilinear between its samples and clamped to its edges: the height the path's length is
 * measured at. Only the spacing of the markers depends on it; the markers themselves sit at sliceLoss(), which for
 * the logistic model is a pass over the rows, too slow for every row of a long path over many rows.
 */
double gridHeight(const SurfaceGrid& grid, double a, double b)
{
    const auto cell = [](const SurfaceAxis& axis, double value, int& index) {
        const double at = std::clamp(
            (value - axis.min) / (axis.max - axis.min) * (axis.steps - 1), 0.0, static_cast<double>(axis.steps - 1));
        index = std::min(static_cast<int>(at), axis.steps - 2);
        return at - index;
    };
    int ix = 0;
    int iy = 0;
    const double u = cell(grid.x, a, ix);
    const double v = cell(grid.y, b, iy);
    const double low = (1 - u) * grid.at(ix, iy) + u * grid.at(ix + 1, iy);
    const double high = (1 - u) * grid.at(ix, iy + 1) + u * grid.at(ix + 1, iy + 1);
    return (1 - v) * low + v * high;
}

} // namespace

BowlPathMarkers::BowlPathMarkers(Q3DSurface* graph, const ErrorSurfaceModel* surface, const IterationModel* model)
    : m_graph(graph)
    , m_surface(surface)
    , m_model(model)
{
    for (int k = 0; k < pathMarkerLimit; ++k)
        m_pathMarkers.push_back(BowlMarker::addDot(m_graph, ViewPalette::current()));
    m_currentMarker = BowlMarker::add(m_graph, ViewPalette::current());
    m_optimumMarker = BowlMarker::add(m_graph, ViewPalette::leastSquares());
    setScale(1.0);
}

void BowlPathMarkers::applyColours()
{
    for (QCustom3DItem*& item : m_pathMarkers)
        item = BowlMarker::recoloured(m_graph, item, ViewPalette::current());
    m_currentMarker = BowlMarker::recoloured(m_graph, m_currentMarker, ViewPalette::current());
    m_optimumMarker = BowlMarker::recoloured(m_graph, m_optimumMarker, ViewPalette::leastSquares());
}

void BowlPathMarkers::setScale(double scale)
{
    const auto size = [scale](float normal) { return normal * static_cast<float>(scale); };
    for (QCustom3DItem* item : m_pathMarkers)
        BowlMarker::setSize(item, size(pathMarkerSize));
    BowlMarker::setSize(m_currentMarker, size(currentMarkerSize));
    BowlMarker::setSize(m_optimumMarker, size(optimumMarkerSize));
}

void BowlPathMarkers::setMarkerLimit(int limit)
{
    m_markerLimit = std::clamp(limit, 1, pathMarkerLimit);
}

void BowlPathMarkers::draw()
{
    // Drawn on the surface like the path: at the optimum's projection (the optimum itself on a slice through it).
    // Separable data (logistic) has no optimum to mark.
    const Eigen::VectorXd* optimumTheta = m_model->run()->optimum();
    if (optimumTheta) {
        const QPointF optimum = m_surface->slicePoint(*optimumTheta);
        m_optimumMarker->setPosition(BowlMarker::at(optimum.x(), m_surface->sliceLoss(*optimumTheta), optimum.y()));
    }
    m_optimumMarker->setVisible(optimumTheta != nullptr);
    m_pathStale = true;
    updateCurrent();
}

void BowlPathMarkers::hide()
{
    hidePath();
    m_optimumMarker->setVisible(false);
}

void BowlPathMarkers::hidePath()
{
    for (QCustom3DItem* item : m_pathMarkers)
        item->setVisible(false);
    m_currentMarker->setVisible(false);
}

QVector3D BowlPathMarkers::positionOf(int row) const
{
    const auto theta = m_model->theta(row);
    const QPointF point = m_surface->slicePoint(theta);
    return BowlMarker::at(point.x(), m_surface->sliceLoss(theta), point.y());
}

void BowlPathMarkers::measurePathTo(int row)
{
    if (m_pathStale) {
        // A new run or new axes: measured again from the start, in units of each axis's span, so that "evenly
        // spaced" means evenly spaced on screen.
        m_pathStale = false;
        m_pathLength.clear();
        m_spans = BowlMarker::axisSpans(m_graph);
    }
    // Only up to the row asked for: the markers never look past the current row, so the rows a long run streams
    // in behind the cursor cost nothing until the cursor gets there.
    const int first = static_cast<int>(m_pathLength.size());
    if (row < first)
        return;
    std::vector<PathPoint> points;
    points.reserve(static_cast<std::size_t>(row - first + 1));
    const bool logistic = m_model->run()->isLogistic();
    for (int k = first; k <= row; ++k) {
        const auto theta = m_model->theta(k);
        const QPointF point = m_surface->slicePoint(theta);
        const double height = logistic && std::isfinite(point.x()) && std::isfinite(point.y())
            ? gridHeight(m_surface->grid(), point.x(), point.y())
            : m_surface->sliceLoss(theta);
        points.push_back({ point.x(), height, point.y() });
    }
    extendCumulativeLengths(m_pathLength, m_lastPoint, points, m_spans);
}

void BowlPathMarkers::updateCurrent()
{
    if (!m_surface->isValid() || m_model->isEmpty()) {
        hidePath();
        return;
    }
    const int current = m_model->currentRow();
    if (current <= m_model->lastRow())
        measurePathTo(current);
    if (current >= static_cast<int>(m_pathLength.size())) {
        hidePath();
        return;
    }
    std::size_t used = 0;
    for (const int row : pathMarkerRows(current, m_markerLimit, m_pathLength)) {
        if (used >= m_pathMarkers.size())
            break;
        QCustom3DItem* item = m_pathMarkers[used++];
        item->setPosition(positionOf(row));
        item->setVisible(true);
    }
    for (std::size_t k = used; k < m_pathMarkers.size(); ++k)
        m_pathMarkers[k]->setVisible(false);
    m_currentMarker->setPosition(positionOf(current));
    m_currentMarker->setVisible(true);
}

QVector3D BowlPathMarkers::currentPosition() const
{
    return m_currentMarker->position();
}

QVector3D BowlPathMarkers::optimumPosition() const
{
    return m_optimumMarker->position();
}

int BowlPathMarkers::visiblePathMarkers() const
{
    return static_cast<int>(std::count_if(
        m_pathMarkers.begin(), m_pathMarkers.end(), [](const QCustom3DItem* item) { return item->isVisible(); }));
}

} // namespace gdlab
