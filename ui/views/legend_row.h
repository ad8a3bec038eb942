#pragma once

#include <QObject>
#include <Qt>

#include "views/legend_drop.h"

class QCustomPlot;

namespace gdlab {

/**
 * @brief Moves a plot's legend out of the plot into a row of its own below it, and back. In presentation mode the
 * legend's text is half as large again, and inside the axis rect it would cover the data the back row looks at.
 *
 * Outside, the entries run in as many columns as the plot's width holds (ContourLegend::columnsThatFit); a row that
 * would still take more than LegendDrop::kMaxShare of the plot's height (presentation mode on a small screen) is left
 * out until there is room, since a plot squeezed to a strip shows nothing the legend could name. Inside, the legend
 * goes back to the corner it had.
 */
class LegendRow : public QObject {
    Q_OBJECT

public:
    explicit LegendRow(QCustomPlot* plot, QObject* parent = nullptr);

    void setOutside(bool outside);
    bool isOutside() const { return m_outside; }
    /** @brief Whether the legend is outside but left out for want of room. */
    bool isDropped() const;

private:
    void wrap();

    QCustomPlot* m_plot;
    bool m_outside = false;
    LegendDrop m_drop;
    Qt::Alignment m_corner = Qt::AlignTop | Qt::AlignRight;
};

} // namespace gdlab
