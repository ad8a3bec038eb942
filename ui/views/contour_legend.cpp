#include "views/contour_legend.h"

#include "views/current_point_layer.h"
#include "views/plot_style.h"

#include <qcustomplot.h>

#include <algorithm>

namespace gdlab {

namespace {

/** The colour scale's width before the first layout has measured it. */
constexpr int unmeasuredWidth = 80;

} // namespace

ContourLegend::ContourLegend(QCustomPlot* plot, const QCPLayoutElement* besideMap, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
    , m_besideMap(besideMap)
    , m_arrowEntry(plot->addGraph())
    , m_drop(plot)
{
    // The arrow keeps one length whatever |∇|: the legend says so, so that nobody reads a step size into it.
    m_arrowEntry->setName(tr("−∇ direction (fixed length)"));
    QCPLegend* legend = m_plot->legend;
    legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->take(legend);
    m_plot->axisRect()->insetLayout()->simplify();
    m_plot->plotLayout()->addElement(1, 0, legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setRowSpacing(0);
    legend->setColumnSpacing(12);
    legend->setIconSize(24, 12);
    legend->setMargins(QMargins(6, 2, 6, 2));
    // The legend follows the width (wrap) rather than setting it: without this its hint, taken while the widget
    // was wider, becomes the widget's minimum and a legend once in two columns stays in two for ever.
    legend->setMinimumSize(1, 0);
    connect(m_plot, &QCustomPlot::beforeReplot, this, &ContourLegend::wrap);
}

int ContourLegend::columnsThatFit(const std::vector<int>& widths, int usable, int spacing)
{
    // Every column saved is a row of the map's height, which is short at 1280x720.
    int columns = std::max<int>(1, static_cast<int>(widths.size()));
    for (; columns > 1; --columns) {
        std::vector<int> columnWidths(static_cast<std::size_t>(columns), 0);
        for (std::size_t k = 0; k < widths.size(); ++k) {
            int& width = columnWidths[k % static_cast<std::size_t>(columns)];
            width = std::max(width, widths[k]);
        }
        int total = (columns - 1) * spacing;
        for (const int width : columnWidths)
            total += width;
        if (total <= usable)
            break;
    }
    return columns;
}

void ContourLegend::wrap()
{
    QCPLegend* legend = m_plot->legend;
    // Cells of a wrapped grid may be empty: itemCount() counts cells, item() returns null for the empty ones.
    std::vector<int> widths;
    for (int k = 0; k < legend->itemCount(); ++k) {
        if (const QCPAbstractLegendItem* item = legend->item(k))
            widths.push_back(item->minimumOuterSizeHint().width());
    }
    const int besideWidth = m_besideMap->outerRect().width() > 0 ? m_besideMap->outerRect().width() : unmeasuredWidth;
    const int usable = m_plot->width() - besideWidth - legend->margins().left() - legend->margins().right();
    const int columns = columnsThatFit(widths, usable, legend->columnSpacing());
    if (columns != legend->wrap()) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true); // re-flows the items into the new column count
    }
    m_drop.fit();
}

void ContourLegend::applyStyle(const PlotStyle& style)
{
    QCPLegend* legend = m_plot->legend;
    legend->setFont(style.font(0.9));
    legend->setTextColor(style.text());
    legend->setBrush(style.backgroundAlpha(210));
    // Below the map the legend needs no frame to set it off from the colours.
    legend->setBorderPen(Qt::NoPen);
    // The markers grow with presentation mode and the high-contrast theme's thicker lines; their icons with them.
    legend->setIconSize(QSize(int(style.scaled(24)), int(style.scaled(12))));
    m_arrowEntry->setPen(CurrentPointLayer::arrowPen(style));
}

} // namespace gdlab
