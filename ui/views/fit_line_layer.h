#pragma once

#include "fit_lines.h"

#include <QColor>

#include <optional>

class QCPGraph;
class QCPLayer;
class QCustomPlot;

namespace gdlab {

class PlotStyle;

/**
 * @brief One fit of the fit view (the current fit, or the optimum's), drawn far enough to cross the whole view: a
 * straight line as two points, or a logistic fit's probability curve σ(line) sampled as FitCurve does.
 */
class FitLineLayer {
public:
    /**
     * @brief A line of the colour that colour gives (a ViewPalette meaning, read again at each applyStyle so that
     * the line follows the theme), width (before presentation scaling) and dash, on layer.
     */
    FitLineLayer(QCustomPlot* plot, QCPLayer* layer, QColor (*colour)(), double width, Qt::PenStyle dash);

    QCPGraph* graph() const { return m_graph; }

    /** @brief Draws line (or σ of it, with sigmoid) from x0 to x1; none clears it. */
    void setLine(const std::optional<FitLines::Line>& line, double x0, double x1, bool sigmoid = false);
    /** @brief The line or curve drawn, read at x; NaN when there is none or x is beyond its ends. */
    double at(double x) const;

    void applyStyle(const PlotStyle& style);

private:
    QCPGraph* m_graph = nullptr;
    QColor (*m_colour)() = nullptr;
    double m_width = 1.0;
    Qt::PenStyle m_dash = Qt::SolidLine;
};

} // namespace gdlab
