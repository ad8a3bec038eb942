#pragma once

#include "views/loss_extent.h"

#include <QObject>

class QCPGraph;
class QCustomPlot;

namespace gdlab {

class History;
class IterationModel;
class PlotStyle;

/**
 * @brief The live loss curve of the loss view: loss against iteration for every row the model shows, and how
 * far it reaches (its extent), kept up to date as a worker appends rows.
 */
class LossCurve : public QObject {
    Q_OBJECT

public:
    /** @brief Where a loss <= 0 is drawn on a log axis: far below any range shown, so the curve dives out. */
    static constexpr double logFloor = 1e-300;

    explicit LossCurve(QCustomPlot* plot, QObject* parent = nullptr);

    QCPGraph* graph() const { return m_graph; }
    const LossExtent& extent() const { return m_extent; }

    /** @brief Draws the model's rows anew. */
    void rebuild(const IterationModel& model, bool logarithmic);
    /** @brief Adds rows first…last (the model's rowsAppended); anything but an append at the end rebuilds. */
    void append(const IterationModel& model, int first, int last, bool logarithmic);
    void applyStyle(const PlotStyle& style);

    /** @brief What a loss is drawn at: itself, or logFloor on a log axis when it is not positive. */
    static double plotted(double loss, bool logarithmic);
    /**
     * @brief Appends rows first…last of history to graph and takes them into extent, losses above cap counted
     * as cap. One call for many rows: 100,000 rows are one allocation, not 100,000 insertions.
     */
    static void addRows(
        QCPGraph* graph, const History& history, int first, int last, bool logarithmic, LossExtent& extent, double cap);
    /** @brief Adaptive sampling for long curves only: on a short one it draws a steep start as a dashed column. */
    static void updateSampling(QCPGraph* graph);

private:
    QCPGraph* m_graph;
    LossExtent m_extent;
};

} // namespace gdlab
