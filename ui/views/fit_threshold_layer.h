#pragma once

#include "fit_lines.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <optional>

class QCPGraph;
class QCPItemText;
class QCPLayer;
class QCustomPlot;

namespace gdlab {

class PlotStyle;

/**
 * @brief The logistic fit's 0.5 threshold on one feature: a light horizontal line at p = 0.5, and on it the decision
 * point x = −θ0/θ1 of the current fit (where σ crosses 0.5: the model says "1" to its one side, "0" to the other)
 * with its value, "p = 0.5 at 2.71". The point is shown only while it lies within the view's x range.
 */
class FitThresholdLayer {
    Q_DECLARE_TR_FUNCTIONS(gdlab::FitThresholdLayer)

public:
    FitThresholdLayer(QCustomPlot* plot, QCPLayer* lineLayer, QCPLayer* markerLayer);
    ~FitThresholdLayer();
    FitThresholdLayer(const FitThresholdLayer&) = delete;
    FitThresholdLayer& operator=(const FitThresholdLayer&) = delete;

    QCPGraph* threshold() const { return m_threshold; }
    QCPGraph* decision() const { return m_decision; }
    QCPItemText* label() const { return m_label; }

    /** @brief The threshold from x0 to x1 (hidden when not shown); the decision point of line (the log-odds). */
    void update(bool shown, const std::optional<FitLines::Line>& line, double x0, double x1);
    void applyStyle(const PlotStyle& style);

private:
    void placeLabel(double x, bool rising);

    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_threshold = nullptr;
    QCPGraph* m_decision = nullptr;
    QCPItemText* m_label = nullptr;
    QMetaObject::Connection m_relayout;
    double m_x = 0; ///< the decision point labelled
    bool m_rising = true; ///< whether the curve rises through it
};

} // namespace gdlab
