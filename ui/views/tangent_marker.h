#pragma once

#include <QObject>

class QCPGraph;
class QCPItemLine;
class QCPItemText;
class QCustomPlot;

namespace gdlab {

class LossAlongParameter;
class OffFrameIndicator;
class PlotStyle;

/**
 * @brief The current θ on the loss along one parameter: a ball on the parabola, the tangent there whose slope is
 * ∂L/∂θj, and the slope's value beside it; an arrow at the edge when the ball has left the view.
 *
 * The tangent is drawn over a fixed fraction of the view's width, so a steep slope reads steep and a flat one
 * flat: its length is not the gradient's size, its slope is.
 */
class TangentMarker : public QObject {
    Q_OBJECT

public:
    /** @brief The tangent spans this fraction of the view's width on each side of the ball. */
    static constexpr double halfWidthFraction = 0.16;

    explicit TangentMarker(QCustomPlot* plot, QObject* parent = nullptr);

    QCPGraph* ball() const { return m_ball; }
    QCPItemLine* tangent() const { return m_tangent; }
    QCPItemText* label() const { return m_label; }
    OffFrameIndicator* offFrame() const { return m_offFrame; }
    /** @brief The slope drawn (NaN when nothing is). */
    double slope() const { return m_slope; }

    /** @brief Puts the ball at (value, line.loss(value)) and the tangent there; symbol names the parameter. */
    void show(const LossAlongParameter& line, double value, const QString& symbol);
    void clear();
    void applyStyle(const PlotStyle& style);

private:
    void placeLabel(double value, double loss);

    QCustomPlot* m_plot;
    QCPGraph* m_ball;
    QCPItemLine* m_tangent;
    QCPItemText* m_label;
    OffFrameIndicator* m_offFrame;
    double m_slope;
};

} // namespace gdlab
