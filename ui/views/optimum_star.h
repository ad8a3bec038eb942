#pragma once

#include <QObject>

class QCPCurve;
class QCustomPlot;
class QPointF;

namespace gdlab {

class PlotStyle;

/** @brief The least-squares optimum on the error surface: a ★ with a white rim, named in the legend. */
class OptimumStar : public QObject {
    Q_OBJECT

public:
    explicit OptimumStar(QCustomPlot* plot, QObject* parent = nullptr);

    QCPCurve* curve() const { return m_curve; }

    void show(const QPointF& slicePoint);
    void clear();
    void applyStyle(const PlotStyle& style);

private:
    QCPCurve* m_curve;
};

} // namespace gdlab
