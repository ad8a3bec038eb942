#pragma once

#include <Eigen/Core>

#include <QColor>
#include <QVector>

class QCPCurve;
class QCPGraph;
class QCPLayer;
class QCustomPlot;

namespace gdlab {

class FitPoints;
class PlotStyle;

/**
 * @brief The fit view's data as drawn: the points, their residual segments to the fit, and the ring around a
 * selected point.
 *
 * The residuals are one curve, three points per data row: the fixed end (the point, or its foot on y = x), the
 * end on the fit, and a NaN gap. Their keys never move while stepping; setPredictions() rewrites the values in
 * place, so a step costs O(n) without any allocation.
 */
class FitDataLayer {
public:
    /** @brief Above this many points the markers shrink, so that 10,000 points stay a cloud rather than a blot. */
    static constexpr int manyPoints = 1000;

    /** @brief The residuals go on residualLayer (under the lines), the points and the ring on pointLayer. */
    FitDataLayer(QCustomPlot* plot, QCPLayer* residualLayer, QCPLayer* pointLayer);

    QCPGraph* points() const { return m_points; }
    QCPCurve* residuals() const { return m_residuals; }
    QCPGraph* selection() const { return m_selection; }

    /** @brief The points as arranged; by actual value their heights (predictions) are unknown until set. */
    void setPoints(const FitPoints& points);
    /**
     * @brief ŷ per data row (null: none, the ends are gaps): the residuals' ends on the fit, and by actual value
     * also the heights the points are drawn at.
     */
    void setPredictions(const FitPoints& points, const Eigen::VectorXd* predictions);
    /** @brief Draws row at (x, y) while it is dragged, its residual reaching the current line at lineY. */
    void preview(const FitPoints& points, int row, double x, double y, double lineY);
    /** @brief The ring around row, or none for -1 (or when the points are not placed against a feature). */
    void setSelected(const FitPoints& points, int row);

    /** @brief Marker size at this style and number of points: the prediction markers match it. */
    static double pointSize(const PlotStyle& style, int count);
    void applyStyle(const PlotStyle& style, const QColor& pointColour, int count, qreal devicePixelRatio);

private:
    /** The points' heights, per data row, written in place in the graph's key order. */
    void rewriteValues(const QVector<double>& values, const FitPoints& points);

    QCPGraph* m_points = nullptr;
    QCPCurve* m_residuals = nullptr;
    QCPGraph* m_selection = nullptr;
};

} // namespace gdlab
