#pragma once

#include "views/legend_drop.h"

#include <QObject>

#include <vector>

class QCPGraph;
class QCPLayoutElement;
class QCustomPlot;

namespace gdlab {

class PlotStyle;

/**
 * @brief The error surface's legend, in a row below the map rather than inside it: an inset legend covered the
 * least-squares star at 1280x720 whenever the star sat near a corner, and with pinned runs it only grows. It
 * wraps into as many columns as the map's width takes, before each replot, and has an entry for the −∇ arrow
 * (an item, which a legend cannot list by itself).
 */
class ContourLegend : public QObject {
    Q_OBJECT

public:
    /** @param besideMap what shares the map's row (the colour scale): the legend's row is the map's width */
    ContourLegend(QCustomPlot* plot, const QCPLayoutElement* besideMap, QObject* parent = nullptr);

    /** @brief The legend's entry for the arrow: an empty graph drawn with the arrow's pen. */
    QCPGraph* arrowEntry() const { return m_arrowEntry; }

    void applyStyle(const PlotStyle& style);

    /**
     * @brief How many columns entries of these widths fit in usable pixels, spacing apart: each column as wide
     * as its widest entry (entry k is in column k mod columns). At least one.
     */
    static int columnsThatFit(const std::vector<int>& widths, int usable, int spacing);

private:
    void wrap();

    QCustomPlot* m_plot;
    const QCPLayoutElement* m_besideMap;
    QCPGraph* m_arrowEntry;
    LegendDrop m_drop; ///< a legend taller than the map allows is left out (presentation mode on a small screen)
};

} // namespace gdlab
