#pragma once

#include "views/loss_extent.h"

#include <QObject>

#include <vector>

class QCPGraph;
class QCustomPlot;

namespace gdlab {

class PinnedRuns;
class PlotStyle;

/**
 * @brief The pinned runs' loss curves on the loss view: each whole, thinner than the live curve and in its pin's
 * colour, under the live curve, with a legend naming what differs. A run pinned with another loss is drawn in
 * that loss's units, as it was computed.
 */
class PinnedLossCurves : public QObject {
    Q_OBJECT

public:
    explicit PinnedLossCurves(QCustomPlot* plot, QObject* parent = nullptr);

    /** @brief The runs to draw (null: none); call rebuild() after. */
    void setRuns(const PinnedRuns* runs);
    /** @brief One graph per pinned run, in the runs' order. */
    const std::vector<QCPGraph*>& graphs() const { return m_graphs; }
    /** @brief How far the pinned curves reach, folded into the ranges so that a comparison is seen whole. */
    const LossExtent& extent() const { return m_extent; }

    /** @brief Draws the runs anew (the log floor applies on a log axis only). */
    void rebuild(bool logarithmic);
    /** @brief Names the curves in the legend, and the live one ("current (lr 0.08)", or "loss" alone). */
    void updateLabels(QCPGraph* live);
    void applyStyle(const PlotStyle& style);

private:
    QCustomPlot* m_plot;
    const PinnedRuns* m_runs = nullptr;
    std::vector<QCPGraph*> m_graphs;
    /** Each graph's series colour (ViewPalette::series), as pinned. */
    std::vector<int> m_series;
    LossExtent m_extent;
};

} // namespace gdlab
