#include "views/legend_row.h"

#include "views/contour_legend.h"

#include <qcustomplot.h>

#include <vector>

namespace gdlab {

LegendRow::LegendRow(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
    , m_drop(plot)
{
    connect(m_plot, &QCustomPlot::beforeReplot, this, &LegendRow::wrap);
}

bool LegendRow::isDropped() const
{
    return m_outside && !m_drop.isInRow();
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
        m_drop.showRow(true);
        legend->setMargins(QMargins(6, 2, 6, 2));
        legend->setMinimumSize(1, 0); // the plot's width sets the columns, not the other way round
        legend->setFillOrder(QCPLegend::foColumnsFirst);
        wrap();
        return;
    }
    m_drop.takeOut();
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
    m_drop.fit();
}

} // namespace gdlab
