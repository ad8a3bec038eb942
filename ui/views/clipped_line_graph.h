#pragma once

class QCPGraph;
class QCustomPlot;

namespace gdlab {

/**
 * @brief Adds a graph to plot on its xAxis and yAxis that draws its line clipped to the axis rect (with a margin
 * for the pen), so that a line whose ends lie far outside the view costs what its visible part costs.
 *
 * QCustomPlot hands a graph's line to QPainter as it is; with a wide antialiased pen, Qt's raster engine strokes
 * the whole of it before clipping. The current fit of a diverging run (y from −2·10⁵ to 10⁵ on an axis from −3 to
 * 10) made the Fit view take 2–3 s to replot, blocking the window. Clipping keeps the visible part exactly: the
 * points where the line crosses the margin are on the segment, and segments inside are untouched.
 */
QCPGraph* addClippedLineGraph(QCustomPlot* plot);

} // namespace gdlab
