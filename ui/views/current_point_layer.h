#pragma once

#include <QObject>

class QCPCurve;
class QCPItemLine;
class QCustomPlot;
class QPen;
class QPointF;

namespace gdlab {

class ErrorSurfaceModel;
class IterationModel;
class OffFrameIndicator;
class PlotStyle;

/**
 * @brief The current θ on the error surface, and the negative gradient there as an arrow of fixed length (its
 * direction is exact in data units): the true step −lr·∇ is often far below a pixel near the optimum, or far
 * beyond the view when diverging. The arrow goes on the plot's "arrow" layer, over every marker. When θ leaves the
 * view (a diverging run) an arrow at the edge points to where it went.
 */
class CurrentPointLayer : public QObject {
    Q_OBJECT

public:
    /** @brief The arrow is drawn this long, as a fraction of the view. */
    static constexpr double arrowViewFraction = 0.12;

    explicit CurrentPointLayer(QCustomPlot* plot, QObject* parent = nullptr);

    QCPCurve* point() const { return m_point; }
    QCPItemLine* arrow() const { return m_arrow; }
    /** @brief The arrow at the edge that points at θ once it has left the view. */
    OffFrameIndicator* offFrame() const { return m_offFrame; }

    /** @brief Marks row's θ and −∇ there; nothing when θ is not finite, no arrow at the optimum. */
    void show(const IterationModel& model, const ErrorSurfaceModel& surface, int row);
    void clear();
    void applyStyle(const PlotStyle& style);

    /** @brief How the arrow is drawn, for the legend's entry that says what it means. */
    static QPen arrowPen(const PlotStyle& style);

private:
    /** Whether the slice of the gradient at row has a direction to show (it is rounding noise at the optimum). */
    bool showArrow(const IterationModel& model, const ErrorSurfaceModel& surface, int row, const QPointF& here);

    QCustomPlot* m_plot;
    QCPCurve* m_point;
    QCPItemLine* m_arrow;
    OffFrameIndicator* m_offFrame;
};

} // namespace gdlab
