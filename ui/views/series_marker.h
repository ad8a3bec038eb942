#pragma once

#include <QString>

namespace gdlab {

/**
 * @brief The marker shape each series draws its run's current point with, the same in every view and legend:
 * square, triangle, diamond, plus, star, cross (the live run's is a disc). Shapes, not only colours, so that the
 * runs of a race stay apart for the colour-blind and on a projector that washes colours out.
 */
namespace SeriesMarker {

/** @brief A marker's size in the 2-D views, in pixels at the normal scale (PlotStyle::scaled()). */
constexpr double plotSize = 10;

/** @brief The shape as a character for text legends: '■', '▲', '◆', '✚', '✱', '✕'; '●' for the live run (-1). */
QString symbol(int seriesIndex);
/** @brief The shape as a QCPScatterStyle::ScatterShape (an int, so that headers need no QCustomPlot). */
int scatterShape(int seriesIndex);
/**
 * @brief Whether the shape is a filled one (square, triangle, diamond, disc), drawn with an outline that lifts it
 * off a colour map or another run's marker; the others are strokes, drawn in the run's colour.
 */
bool isFilled(int seriesIndex);
/** @brief The shape as a solid for the 3-D bowl: a mesh file of the graph's or of ours (-1: a sphere). */
QString mesh(int seriesIndex);

} // namespace SeriesMarker

} // namespace gdlab
