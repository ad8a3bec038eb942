#pragma once

#include <QVector3D>

#include <array>

class Q3DSurface;
class QColor;
class QCustom3DItem;

namespace gdlab {

/** @brief The spheres that mark points on the bowl: the path, the current point, the optimum, pinned runs. */
namespace BowlMarker {

/** @brief A hidden sphere of colour, added to graph, which owns it (removeCustomItem() deletes it). */
QCustom3DItem* add(Q3DSurface* graph, const QColor& colour);
/**
 * @brief The same, as a dot along a path: a sphere of a quarter of the triangles, as round at the dots' size. The
 * bowl's frame in software OpenGL grows with the triangles of every dot drawn.
 */
QCustom3DItem* addDot(Q3DSurface* graph, const QColor& colour);
/**
 * @brief item again in colour, where it was, as large and as visible; item is removed (deleted). A new item
 * rather than a new texture: Qt DataVisualization draws an item whose texture image was replaced black.
 */
QCustom3DItem* recoloured(Q3DSurface* graph, QCustom3DItem* item, const QColor& colour);
/** @brief Makes the sphere size across, in the graph's units (the plot box spans 2). */
void setSize(QCustom3DItem* item, float size);
/** @brief A point on the bowl: the parameters (x, z) of the slice, the loss as the height. */
QVector3D at(double x, double loss, double z);
/**
 * @brief The lengths of the graph's three axes (x, loss, z), at least 1e-300: what a path's length on screen is
 * measured in (cumulativeLengths()).
 */
std::array<double, 3> axisSpans(const Q3DSurface* graph);

} // namespace BowlMarker

} // namespace gdlab
