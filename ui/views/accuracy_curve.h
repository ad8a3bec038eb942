#pragma once

#include <QObject>

class QCPGraph;
class QCustomPlot;

namespace gdlab {

class IterationModel;
class PlotStyle;

/**
 * @brief The logistic model's accuracy against iteration on the loss view's right axis (0–100 %), in a colour of
 * its own that the axis shares, named in the legend: the loss falls smoothly while the share of rows classified
 * right moves in steps, and a student sees both. Hidden (axis, curve and legend entry) for the linear model.
 *
 * A long history is drawn as the loss curve is, in columns (minMaxColumns), so every drop in accuracy shows.
 */
class AccuracyCurve : public QObject {
    Q_OBJECT

public:
    explicit AccuracyCurve(QCustomPlot* plot, QObject* parent = nullptr);

    QCPGraph* graph() const { return m_graph; }
    /** @brief Whether the curve is shown (the run is logistic and its history keeps accuracies). */
    bool isShown() const { return m_shown; }

    /** @brief Draws the model's rows anew (appended rows too: the curve is cheap next to the run). */
    void rebuild(const IterationModel& model);
    void applyStyle(const PlotStyle& style);

private:
    QCustomPlot* m_plot;
    QCPGraph* m_graph;
    bool m_shown = false;
};

} // namespace gdlab
