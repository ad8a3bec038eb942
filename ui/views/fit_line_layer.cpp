#include "views/fit_line_layer.h"

#include "views/clipped_line_graph.h"
#include "views/fit_curve.h"
#include "views/plot_style.h"

#include <qcustomplot.h>

namespace gdlab {

FitLineLayer::FitLineLayer(QCustomPlot* plot, QCPLayer* layer, QColor (*colour)(), double width, Qt::PenStyle dash)
    : m_graph(addClippedLineGraph(plot))
    , m_colour(colour)
    , m_width(width)
    , m_dash(dash)
{
    m_graph->setLayer(layer);
}

void FitLineLayer::setLine(const std::optional<FitLines::Line>& line, double x0, double x1, bool sigmoid)
{
    if (!line) {
        m_graph->data()->clear();
        return;
    }
    QVector<double> keys;
    QVector<double> values;
    FitCurve::sample(*line, sigmoid, x0, x1, keys, values);
    m_graph->setData(keys, values, true);
}

double FitLineLayer::at(double x) const
{
    return FitCurve::graphAt(m_graph, x);
}

void FitLineLayer::applyStyle(const PlotStyle& style)
{
    m_graph->setPen(QPen(m_colour(), style.scaled(m_width), m_dash));
}

} // namespace gdlab
