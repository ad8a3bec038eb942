#include "views/legend_row.h"

#include "views/contour_legend.h"

#include <qcustomplot.h>

#include <vector>

namespace gdlab {

namespace {

/** The layer, never drawn, that holds a legend left out for want of room. */
const char* const kDroppedLayer = "gdlabDroppedLegend";

} // namespace

LegendRow::LegendRow(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
{
    connect(m_plot, &QCustomPlot::beforeReplot, this, &LegendRow::wrap);
}

bool LegendRow::isDropped() const
{
    return m_outside && m_plot->legend->layout() != m_plot->plotLayout();
}

void LegendRow::setOutside(bool outside)
{
    if (outside == m_outside)
        return;
    m_outside = outside;
    QCPLegend* legend = m_plot->legend;
    QCPLayoutInset* inset = m_plot->axisRect()->insetLayout();
    if (outside) {
        for (int i = 0; i < inset->elementCount(); ++i)
            if (inset->elementAt(i) == legend)
                m_corner = inset->insetAlignment(i);
        inset->take(legend);
        inset->simplify();
        showRow(true);
        legend->setMargins(QMargins(6, 2, 6, 2));
        legend->setMinimumSize(1, 0); // the plot's width sets the columns, not the other way round
        legend->setFillOrder(QCPLegend::foColumnsFirst);
        wrap();
        return;
    }
    showRow(false);
    moveLegendTo(m_legendLayer);
    legend->setWrap(0);
    legend->setFillOrder(QCPLegend::foRowsFirst, true);
    legend->setMargins(QMargins(7, 5, 7, 4));
    legend->setMinimumSize(0, 0);
    inset->addElement(legend, m_corner);
}

void LegendRow::wrap()
{
    if (!m_outside)
        return;
    QCPLegend* legend = m_plot->legend;
    std::vector<int> widths;
    for (int k = 0; k < legend->itemCount(); ++k)
        if (const QCPAbstractLegendItem* item = legend->item(k))
            widths.push_back(item->minimumOuterSizeHint().width());
    const int usable = m_plot->width() - legend->margins().left() - legend->margins().right();
    const int columns = ContourLegend::columnsThatFit(widths, usable, legend->columnSpacing());
    if (columns != legend->wrap()) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    }
    showRow(legend->minimumOuterSizeHint().height() <= kMaxShare * m_plot->height());
}

void LegendRow::showRow(bool shown)
{
    QCPLegend* legend = m_plot->legend;
    QCPLayoutGrid* grid = m_plot->plotLayout();
    if (shown == (legend->layout() == grid))
        return;
    // Left out, the legend goes to a layer that is not drawn rather than being hidden: whether it is visible stays
    // the view's to say (the loss view shows it only with pinned runs or the accuracy), for when it comes back.
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

void LegendRow::moveLegendTo(const QString& layer)
{
    // The entries are layerables of their own: they go with the legend, or they would be drawn where it is not.
    QCPLegend* legend = m_plot->legend;
    legend->setLayer(layer);
    for (int k = 0; k < legend->itemCount(); ++k)
        if (QCPAbstractLegendItem* item = legend->item(k))
            item->setLayer(layer);
}

} // namespace gdlab
