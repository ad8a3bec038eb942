#pragma once

#include <Eigen/Core>

class QCPGraph;
class QCPLayer;
class QCPRange;
class QCustomPlot;

namespace gdlab {

class FitPoints;
class PlotStyle;

/**
 * @brief What predicted-against-actual mode adds: the identity y = x (a perfect fit would put every point on
 * it) and, muted, the least-squares predictions the descent is heading for.
 */
class FitPredictionLayer {
public:
    FitPredictionLayer(QCustomPlot* plot, QCPLayer* layer);

    QCPGraph* identity() const { return m_identity; }
    QCPGraph* leastSquares() const { return m_leastSquares; }

    /** @brief y = x across range and as far again beyond each side, so that it always reaches the edges. */
    void setIdentity(const QCPRange& range);
    /** @brief The least-squares ŷ per data row (null: none), against the points' actual values. */
    void setLeastSquares(const FitPoints& points, const Eigen::VectorXd* predictions);
    void clear();

    /** @brief count is the number of data points, whose markers the predictions' match. */
    void applyStyle(const PlotStyle& style, int count);

private:
    QCPGraph* m_identity = nullptr;
    QCPGraph* m_leastSquares = nullptr;
};

} // namespace gdlab
