#include "views/legend_drop.h"

#include <qcustomplot.h>

namespace gdlab {

namespace {

/** The layer, never drawn, that holds a legend left out for want of room. */
const char* const kDroppedLayer = "gdlabDroppedLegend";

} // namespace

LegendDrop::LegendDrop(QCustomPlot* plot)
    : m_plot(plot)
{
}

bool LegendDrop::isInRow() const
{
    return m_plot->legend->layout() == m_plot->plotLayout();
}

void LegendDrop::fit()
{
    showRow(m_plot->legend->minimumOuterSizeHint().height() <= kMaxShare * m_plot->height());
}

void LegendDrop::showRow(bool shown)
{
    QCPLegend* legend = m_plot->legend;
    QCPLayoutGrid* grid = m_plot->plotLayout();
    if (shown == isInRow())
        return;
    if (!m_plot->layer(kDroppedLayer)) {
        m_plot->addLayer(kDroppedLayer);
        m_plot->layer(kDroppedLayer)->setVisible(false);
    }
    if (shown) {
        const int row = grid->rowCount();
        grid->insertRow(row);
        grid->addElement(row, 0, legend);
        grid->setRowStretchFactor(row, 0.001);
        moveLegendTo(m_legendLayer);
    } else {
        grid->take(legend);
        grid->simplify();
        if (legend->layer()->name() != QLatin1String(kDroppedLayer))
            m_legendLayer = legend->layer()->name();
        moveLegendTo(QString::fromLatin1(kDroppedLayer));
    }
}

void LegendDrop::takeOut()
{
    QCPLegend* legend = m_plot->legend;
    if (isInRow()) {
        m_plot->plotLayout()->take(legend);
        m_plot->plotLayout()->simplify();
    }
    if (legend->layer() && legend->layer()->name() == QLatin1String(kDroppedLayer))
        moveLegendTo(m_legendLayer);
}

void LegendDrop::moveLegendTo(const QString& layer)
{
    // The entries are layerables of their own: they go with the legend, or they would be drawn where it is not.
    QCPLegend* legend = m_plot->legend;
    legend->setLayer(layer);
    for (int k = 0; k < legend->itemCount(); ++k)
        if (QCPAbstractLegendItem* item = legend->item(k))
            item->setLayer(layer);
}

} // namespace gdlab
