#pragma once

class QCPGraph;
class QCustomPlot;

namespace gdlab {

/**
 * @brief Adds a graph to plot on its xAxis and yAxis whose antialiased scatter markers are copies of one picture of
 * the marker, drawn once per style, instead of each shape being painted anew.
 *
 * Qt's raster engine fills every antialiased disc or ring through its stroker; a Fit view of a hundred predictions
 * and their least-squares rings spent most of its replot there. A copied picture lands on whole pixels (at most half
 * a pixel from where the shape would be drawn). Vector output (SVG, PDF) and markers without antialiasing are drawn
 * as QCustomPlot draws them, shape by shape.
 */
QCPGraph* addCachedScatterGraph(QCustomPlot* plot);

} // namespace gdlab
