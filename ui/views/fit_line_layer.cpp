#include "views/fit_line_layer.h"

#include "views/plot_style.h"

#include <qcustomplot.h>

#include <limits>

namespace gdlab {

FitLineLayer::FitLineLayer(QCustomPlot* plot, QCPLayer* layer, const QColor& colour, double width, Qt::PenStyle dash)
    : m_graph(plot->addGraph())
    , m_colour(colour)
    , m_width(width)
    , m_dash(dash)
{
    m_graph->setLayer(layer);
}

void FitLineLayer::setLine(const std::optional<FitLines::Line>& line, double x0, double x1)
{
    if (line)
        m_graph->setData({ x0, x1 }, { line->at(x0), line->at(x1) }, true);
    else
        m_graph->data()->clear();
}

double FitLineLayer::at(double x) const
{
    const auto data = m_graph->data();
    if (data->size() != 2)
        return std::numeric_limits<double>::quiet_NaN();
    const auto first = data->constBegin();
    const auto second = first + 1;
    return first->value + (second->value - first->value) * (x - first->key) / (second->key - first->key);
}

void FitLineLayer::applyStyle(const PlotStyle& style)
{
    m_graph->setPen(QPen(m_colour, style.scaled(m_width), m_dash));
}

} // namespace gdlab
