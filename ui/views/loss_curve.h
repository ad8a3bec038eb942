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
 *
 * A long curve is drawn as what the pixels can show: its rows grouped in at most `columns` columns across the
 * iterations the run plans, and of each column its first, lowest, highest and last point (minMaxColumns), so a
 * million rows become at most 16,384 points and still every peak and dip. Appended rows change only the last
 * column, which is recomputed.
 */
class LossCurve : public QObject {
    Q_OBJECT

public:
    /** @brief Where a loss <= 0 is drawn on a log axis: far below any range shown, so the curve dives out. */
    static constexpr double logFloor = 1e-300;
    /** @brief Columns a long curve is reduced to: more than any screen has pixels across a plot. */
    static constexpr int columns = 4096;

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
    /** @brief Iterations per column of the curve now drawn (1: every row is a point). */
    long long columnWidth() const { return m_columnWidth; }
    /**
     * @brief Appends rows first…last of history to graph, in columns of columnWidth iterations, and takes them
     * into extent, losses above cap counted as cap. The graph must end before the column of row first.
     */
    static void addRows(QCPGraph* graph, const History& history, int first, int last, long long columnWidth,
        bool logarithmic, LossExtent& extent, double cap);

private:
    /** Draws rows first…last in columns (the graph must end before the column of row first). */
    static void addPoints(
        QCPGraph* graph, const History& history, int first, int last, long long columnWidth, bool logarithmic);

    QCPGraph* m_graph;
    LossExtent m_extent;
    long long m_columnWidth = 1;
};

} // namespace gdlab
