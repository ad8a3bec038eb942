#pragma once

#include <QObject>

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPItemTracer;
class QCustomPlot;

namespace gdlab {

class IterationModel;
class PlotStyle;

/**
 * @brief Where the step-through is on the loss curve: a vertical line at the current iteration, a dot on the
 * curve and "k = 10, loss = 0.123" beside the dot, kept inside the view.
 */
class LossMarker : public QObject {
    Q_OBJECT

public:
    explicit LossMarker(QCustomPlot* plot, QObject* parent = nullptr);

    QCPItemStraightLine* line() const { return m_line; }
    QCPItemTracer* tracer() const { return m_tracer; }
    QCPItemText* label() const { return m_label; }
    /** @brief The iteration the marker stands at. */
    double iteration() const;

    /**
     * @brief Moves the marker to the model's current row on curve (hidden while there is none). Call after
     * the axis ranges are set: the label's side depends on them.
     */
    void update(const IterationModel& model, QCPGraph* curve, bool logarithmic);
    void applyStyle(const PlotStyle& style);
    /**
     * @brief Keeps the label off other (the least-squares floor's "least squares: …"): once the plot is laid out,
     * the label takes the first of its four sides of the dot that covers neither other nor the plot's edge.
     */
    void avoid(const QCPItemText* other);

private:
    /** The four places beside the dot, the preferred one first; with pixel sizes known. */
    void avoidOther();
    void setVisible(bool visible);
    /** Left of the marker in the right half, below the dot in the upper half. */
    void placeLabel(double iteration, double plottedLoss, bool logarithmic);

    QCustomPlot* m_plot;
    QCPItemStraightLine* m_line;
    QCPItemTracer* m_tracer;
    QCPItemText* m_label;
    const QCPItemText* m_other = nullptr;
    /** The label's distance from the dot, in pixels at the style's scale. */
    double m_offset;
};

} // namespace gdlab
