#pragma once

#include <QObject>

class QCPCurve;
class QCustomPlot;
class QPointF;

namespace gdlab {

class PlotStyle;

/**
 * @brief The model's optimum on the error surface: a ★ with a white rim, named in the legend "least squares" or, for
 * the logistic model, "optimum" (Newton's); out of the legend while cleared (separable data has no optimum).
 */
class OptimumStar : public QObject {
    Q_OBJECT

public:
    explicit OptimumStar(QCustomPlot* plot, QObject* parent = nullptr);

    QCPCurve* curve() const { return m_curve; }

    /** @param newton the optimum is Newton's (the logistic model's), not the least-squares one */
    void show(const QPointF& slicePoint, bool newton = false);
    void clear();
    void applyStyle(const PlotStyle& style);

private:
    QCPCurve* m_curve;
};

} // namespace gdlab
