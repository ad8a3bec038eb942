#include "views/fit_ghost_layer.h"

#include "views/clipped_line_graph.h"
#include "views/fit_curve.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <utility>

namespace gdlab {

FitGhostLayer::FitGhostLayer(QCustomPlot* plot, QCPLayer* layer, QString legendName)
    : m_plot(plot)
    , m_layer(layer)
    , m_legendName(std::move(legendName))
{
}

void FitGhostLayer::clear()
{
    for (QCPGraph* graph : m_graphs)
        m_plot->removeGraph(graph);
    for (QCPItemText* label : m_labels)
        m_plot->removeItem(label);
    m_graphs.clear();
    m_labels.clear();
}

void FitGhostLayer::setGhosts(const std::vector<Ghost>& ghosts, double x0, double x1, double labelX, bool sigmoid)
{
    clear();
    for (const Ghost& ghost : ghosts) {
        QCPGraph* graph = addClippedLineGraph(m_plot);
        graph->setLayer(m_layer);
        graph->setName(m_legendName);
        QVector<double> keys;
        QVector<double> values;
        FitCurve::sample(ghost.line, sigmoid, x0, x1, keys, values);
        graph->setData(keys, values, true);
        m_graphs.push_back(graph);

        auto* label = new QCPItemText(m_plot);
        label->setLayer(m_layer);
        label->setText(ghost.label);
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        label->position->setCoords(labelX, FitCurve::at(ghost.line, sigmoid, labelX));
        label->setPadding(QMargins(2, 0, 4, 1));
        m_labels.push_back(label);
    }
}

void FitGhostLayer::setLegendName(const QString& name)
{
    m_legendName = name;
    for (QCPGraph* graph : m_graphs)
        graph->setName(name);
}

void FitGhostLayer::applyStyle(const PlotStyle& style)
{
    // The ghost grey is fine for thin lines; text needs a little more contrast on either background.
    const QColor text = style.isDark() ? ViewPalette::ghost().lighter(130) : ViewPalette::ghost().darker(130);
    for (QCPGraph* graph : m_graphs)
        graph->setPen(QPen(ViewPalette::ghost(), style.scaled(1.3)));
    for (QCPItemText* label : m_labels) {
        label->setFont(style.font(0.85));
        label->setColor(text);
        label->setBrush(style.backgroundAlpha(170)); // readable over points and grid, without hiding them
    }
}

} // namespace gdlab
